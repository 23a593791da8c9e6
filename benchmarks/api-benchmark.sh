#!/usr/bin/env bash
# Platform API benchmark: list 10,000 apps from a local server that pages like Heroku (Range /
# Next-Range, at most the requested max per page) with heroku-api and with raw OkHttp + Moshi,
# then apps().info() per-call overhead against the same raw GET; printed as ratios.
# Usage: benchmarks/api-benchmark.sh [rounds=5] [info calls per round=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/api-classpath.txt -Dmdep.includeScope=runtime
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/api-classpath.txt)" \
  io.herokusdk.benchmarks.api.ApiListBenchmark "$@"
