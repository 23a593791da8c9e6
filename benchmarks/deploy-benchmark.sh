#!/usr/bin/env bash
# Deploy benchmark against heroku-testing's fake Heroku: a 200 MB tarball uploaded by
# deploys().deploy() vs `curl -T` to the same fake's upload URL (ratio), the heap the SDK's
# upload takes for 50 MB vs 200 MB (run with a 128 MB heap: smaller than the file), and the delay
# from the fake writing a build line to the buildOutput consumer seeing it.
# Usage: benchmarks/deploy-benchmark.sh [rounds=3] [MB=200]   (needs curl)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/deploy-classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/deploy-classpath.txt)" \
  io.herokusdk.benchmarks.deploy.DeployBenchmark "$@"
