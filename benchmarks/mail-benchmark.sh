#!/usr/bin/env bash
# Bulk mail benchmark: SDK sendBulk vs a plain sendgrid-java loop, both against FakeSendGrid.
# Usage: benchmarks/mail-benchmark.sh [recipients=10000] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -o -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.herokusdk.benchmarks.mail.MailBulkBenchmark "$@"
