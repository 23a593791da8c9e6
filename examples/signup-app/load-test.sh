#!/usr/bin/env bash
# Memory check: drives concurrent signups against the PRODUCTION jar started with the Procfile's
# JVM options, and reports the web (and worker) process's RSS from /proc/PID/status.
#
#   examples/signup-app/load-test.sh [signups=200] [rounds=5]
#
# Needs the jar: ./mvnw -B -q -pl examples/signup-app -am -DskipTests package
# Postgres and Redis: DATABASE_URL and REDIS_URL from the environment if both are set, else
# embedded ones from heroku-testing's DevServices (a separate JVM, so their memory is not
# counted). Everything runs on 127.0.0.1; each curl is capped at 30 s and the whole run at
# 10 minutes; every process the script starts is stopped when it exits.
set -euo pipefail

signups=${1:-200}
rounds=${2:-5}
if (( signups < 1 || signups > 2000 || rounds < 1 || rounds > 50 )); then
  echo "usage: $0 [signups 1..2000] [rounds 1..50]" >&2; exit 2
fi
app_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$app_dir/../.." && pwd)
port=${LOAD_TEST_PORT:-5055}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
( sleep 600; echo "load-test: 10 minute limit reached" >&2; kill -TERM $$ ) &
pids+=($!)

jar="$app_dir/target/signup-app.jar"
[[ -f $jar ]] || { echo "no $jar: build it with ./mvnw -B -q -pl examples/signup-app -am -DskipTests package" >&2; exit 1; }

if [[ -z ${DATABASE_URL:-} || -z ${REDIS_URL:-} ]]; then
  echo "== starting embedded Postgres and Redis (heroku-testing DevServices --serve)"
  (cd "$repo" && exec ./mvnw -B -q -o -pl heroku-testing -am -DskipTests -Pdev-services package exec:java \
      -Dexec.args=--serve) > "$work/services.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    grep -q '^# Running until Ctrl-C' "$work/services.out" && break
    sleep 0.5
  done
  grep -q '^# Running until Ctrl-C' "$work/services.out" || { cat "$work/services.out" >&2; exit 1; }
  DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "$work/services.out")
  REDIS_URL=$(sed -n 's/^REDIS_URL=//p' "$work/services.out")
fi
export DATABASE_URL REDIS_URL
# 200 distinct clients (X-Forwarded-For, trusted as on Heroku), so the per-IP limit stays on
# and is exercised but no one is over it.
export PORT=$port TRUST_X_FORWARDED_FOR=true JAVA_OPTS=""

procfile_command() {  # the Procfile's command for process type $1, with $JAVA_OPTS expanded
  sed -n "s/^$1: //p" "$app_dir/Procfile" | sed 's/\$JAVA_OPTS//'
}

cd "$app_dir"
echo "== release: $(procfile_command release)"
$(procfile_command release) > "$work/release.out" 2>&1 || { cat "$work/release.out" >&2; exit 1; }

echo "== web:     $(procfile_command web)"
$(procfile_command web) > "$work/web.out" 2>&1 &
web_pid=$!; pids+=($web_pid)
echo "== worker:  $(procfile_command worker)"
$(procfile_command worker) > "$work/worker.out" 2>&1 &
worker_pid=$!; pids+=($worker_pid)

for _ in $(seq 1 120); do
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/health" && break
  sleep 0.5
done
curl -s --max-time 5 "http://127.0.0.1:$port/health"; echo

rss() {  # VmRSS and VmHWM of pid $1 in MB
  awk '/^VmRSS|^VmHWM/ { printf "%s %.0f MB  ", $1, $2 / 1024 }' "/proc/$1/status"
}
echo "== before load: web $(rss $web_pid)| worker $(rss $worker_pid)"

run=$(date +%s)
codes="$work/codes"
: > "$codes"
signup() {  # round, i: one signup from client 10.<round>.<i/256>.<i%256>
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -X POST \
      "http://127.0.0.1:$port/signup" -H 'Content-Type: application/json' \
      -H "X-Forwarded-For: 10.$1.$(( $2 / 256 )).$(( $2 % 256 ))" \
      -d "{\"email\":\"load-$run-$1-$2@example.com\",\"name\":\"Load $2\"}" || true
}
read_user() {  # id
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "http://127.0.0.1:$port/users/$1" || true
}
export -f signup read_user
export port run
for round in $(seq 1 "$rounds"); do
  seq 1 "$signups" | xargs -P "$signups" -I{} bash -c "signup $round {}" >> "$codes"
  echo "round $round: $signups concurrent signups; web $(rss $web_pid)"
done
# read users back through the cache, concurrently (twice: a miss, then a hit)
for _ in 1 2; do
  seq 1 "$signups" | xargs -P "$signups" -I{} bash -c "read_user {}" >> "$codes"
done

echo "== status codes (signups and reads):"
sort "$codes" | uniq -c
sleep 3
queued=$(grep -c 'Welcome email sent' "$work/worker.out" || true)
echo "== worker sent $queued welcome emails (console mailer)"
echo "== after load:  web $(rss $web_pid)| worker $(rss $worker_pid)"
hwm=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$web_pid/status")
if (( hwm < 300 )); then
  echo "PASS: web peak RSS ${hwm} MB < 300 MB"
else
  echo "FAIL: web peak RSS ${hwm} MB >= 300 MB"; exit 1
fi
