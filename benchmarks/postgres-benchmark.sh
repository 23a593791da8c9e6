#!/usr/bin/env bash
# Select-only throughput at 8 clients: the SDK's DataSource vs HikariCP defaults vs
# `pgbench -S -c 8 -j 2 -M prepared`, against one embedded PostgreSQL 17, printed as ratios.
# Usage: benchmarks/postgres-benchmark.sh [seconds per run=10] [rounds=3]
# Needs pgbench (Debian: apt-get install postgresql-client; PGBENCH=/path overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.herokusdk.benchmarks.postgres.PostgresSelectBenchmark "$@"
