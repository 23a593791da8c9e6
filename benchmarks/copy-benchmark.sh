#!/usr/bin/env bash
# COPY export of 1M rows to CSV: the SDK's PostgresCopy vs `psql \copy`, against one embedded
# PostgreSQL 17, printed as a ratio (goal >= 0.8x).
# Usage: benchmarks/copy-benchmark.sh [rows=1000000] [rounds=5] [devnull|file]
# Needs psql (Debian: apt-get install postgresql-client; PSQL=/path overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.herokusdk.benchmarks.postgres.CopyExportBenchmark "$@"
