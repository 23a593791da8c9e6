#!/usr/bin/env bash
# GET and SET throughput with 50 concurrent callers: the SDK's shared connection vs raw Lettuce
# with defaults vs `redis-benchmark -c 50 -t get,set`, against one embedded Redis 6.2, plain and
# TLS, printed as ratios. SDK and Lettuce run 3 alternating rounds each; medians are shown.
# Usage: benchmarks/redis-benchmark.sh [seconds per run=5] [warm-up seconds=2] [redis-benchmark path]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/redis-classpath.txt -Dmdep.includeScope=runtime
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/redis-classpath.txt)" \
  io.herokusdk.benchmarks.redis.RedisThroughputBenchmark "$@"
