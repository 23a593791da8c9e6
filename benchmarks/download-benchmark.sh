#!/usr/bin/env bash
# Backup download: Backups#download (the Data API's public-url call + the signed URL streamed)
# vs `curl -sS -o` on a signed URL of the same server, to /dev/null and to a file, as a ratio
# (goal >= 0.9x), then the SDK's peak heap for a 1/4-size and a full-size backup with a 64 MiB
# heap. The server (FakeDataApi's bytes from a file, sendfile) runs in a JVM of its own.
# Usage: benchmarks/download-benchmark.sh [MiB=1024] [rounds=5]   (needs curl; 3x MiB of disk)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/download-classpath.txt -Dmdep.includeScope=runtime
# LINK_RATE=800mbit (or 4gbit, ...) shapes loopback to that rate for the run (root and tc needed;
# removed on exit): a real signed URL is a network link, not a multi-GB/s loopback.
if [ -n "${LINK_RATE:-}" ]; then
  tc qdisc add dev lo root tbf rate "$LINK_RATE" burst 8mb latency 100ms
  trap 'tc qdisc del dev lo root' EXIT
  echo "loopback shaped to $LINK_RATE"
fi
java -Xmx64m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/download-classpath.txt)" \
  io.herokusdk.benchmarks.data.BackupDownloadBenchmark "$@"
