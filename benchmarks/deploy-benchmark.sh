#!/usr/bin/env bash
# Deploy benchmark against heroku-testing's fake Heroku: a 200 MB tarball uploaded by
# deploys().deploy() vs `curl -T` to the same fake's upload URL (ratio), the heap the SDK's
# upload takes for 50 MB vs 200 MB (run with a 128 MB heap: smaller than the file), and the delay
# from the fake writing a build line to the buildOutput consumer seeing it.
# Usage: benchmarks/deploy-benchmark.sh [rounds=5] [MB=200]   (needs curl)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/deploy-classpath.txt -Dmdep.includeScope=runtime
# LINK_RATE=800mbit (or 4gbit, ...) shapes loopback to that rate for the run (root and tc needed;
# removed on exit): a real upload URL is a network link, not a 2 GB/s loopback.
if [ -n "${LINK_RATE:-}" ]; then
  tc qdisc add dev lo root tbf rate "$LINK_RATE" burst 8mb latency 100ms
  trap 'tc qdisc del dev lo root' EXIT
  echo "loopback shaped to $LINK_RATE"
fi
java -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/deploy-classpath.txt)" \
  io.herokusdk.benchmarks.deploy.DeployBenchmark "$@"
