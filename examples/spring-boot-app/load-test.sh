#!/usr/bin/env bash
# Start-up time and memory of this app side by side with examples/signup-app, in one run, on the
# same embedded Postgres and Redis, with the heroku/java buildpack's default JVM options for a
# 512 MB dyno in JAVA_TOOL_OPTIONS (-Xmx300m -Xss512k -XX:CICompilerCount=2), each app started
# with its own Procfile commands (production jars). The apps run one after the other, so they
# do not compete for CPU.
#
#   examples/spring-boot-app/load-test.sh [signups=200] [rounds=5]
#
# Needs both jars: ./mvnw -B -q -pl examples/signup-app,examples/spring-boot-app -am -DskipTests package
# Postgres and Redis: heroku-testing's DevServices (--serve) in a separate JVM, not counted. Both
# apps share the database (identical migrations, distinct emails) and use their own Redis key
# prefix. Per app: release, then web + worker; start-up = launch of the web process to its first
# health 200; then per round N concurrent signups (distinct X-Forwarded-For clients), then N
# reads twice; VmRSS / VmHWM from /proc. Loopback only; each curl capped at 30 s, the run at 15 min.
set -euo pipefail

signups=${1:-200}
rounds=${2:-5}
if (( signups < 1 || signups > 2000 || rounds < 1 || rounds > 50 )); then
  echo "usage: $0 [signups 1..2000] [rounds 1..50]" >&2; exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${LOAD_TEST_PORT:-5056}
buildpack_jvm_options="-Xmx300m -Xss512k -XX:CICompilerCount=2"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
( sleep 900; echo "load-test: 15 minute limit reached" >&2; kill -TERM $$ ) &
pids+=($!)

for jar in "$repo/examples/signup-app/target/signup-app.jar" "$here/target/spring-boot-app.jar"; do
  [[ -f $jar ]] || { echo "no $jar: build both with ./mvnw -B -q -pl examples/signup-app,examples/spring-boot-app -am -DskipTests package" >&2; exit 1; }
done

echo "== starting embedded Postgres and Redis (heroku-testing DevServices --serve)"
(cd "$repo" && exec ./mvnw -B -q -o -pl heroku-testing -am -Pdev-services -DskipTests package exec:java \
    -Dexec.args=--serve) > "$work/services.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  grep -q '^# Running until Ctrl-C' "$work/services.out" && break
  sleep 0.5
done
grep -q '^# Running until Ctrl-C' "$work/services.out" || { cat "$work/services.out" >&2; exit 1; }
export DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "$work/services.out")
export REDIS_URL=$(sed -n 's/^REDIS_URL=//p' "$work/services.out")
export PORT=$port TRUST_X_FORWARDED_FOR=true JAVA_OPTS="" JAVA_TOOL_OPTIONS="$buildpack_jvm_options"

procfile_command() {  # app dir, process type: the Procfile's command with $JAVA_OPTS expanded
  sed -n "s/^$2: *//p" "$1/Procfile" | sed 's/\$JAVA_OPTS//'
}
rss() {  # VmRSS and VmHWM of pid $1 in MB
  awk '/^VmRSS|^VmHWM/ { printf "%s %.0f MB  ", $1, $2 / 1024 }' "/proc/$1/status"
}
hwm() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

signup() {  # app, round, i: one signup from client 10.<round>.<i/256>.<i%256>
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -X POST \
      "http://127.0.0.1:$port/signup" -H 'Content-Type: application/json' \
      -H "X-Forwarded-For: 10.$2.$(( $3 / 256 )).$(( $3 % 256 ))" \
      -d "{\"email\":\"load-$1-$run-$2-$3@example.com\",\"name\":\"Load $3\"}" || true
}
read_user() {  # id
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "http://127.0.0.1:$port/users/$1" || true
}
export -f signup read_user
export port
run=$(date +%s); export run

summary=()
measure() {  # name, app dir, health path, first user id to read
  local name=$1 dir=$2 health=$3 first_id=$4
  echo
  echo "######## $name"
  cd "$dir"
  echo "== release: $(procfile_command "$dir" release)"
  $(procfile_command "$dir" release) > "$work/$name-release.out" 2>&1 \
      || { cat "$work/$name-release.out" >&2; exit 1; }
  echo "== web:     $(procfile_command "$dir" web)"
  local start; start=$(now_ms)
  $(procfile_command "$dir" web) > "$work/$name-web.out" 2>&1 &
  local web_pid=$!; pids+=($web_pid)
  local up=""
  for _ in $(seq 1 1200); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port$health") == 200 ]]; then
      up=$(( $(now_ms) - start )); break
    fi
    sleep 0.1
  done
  [[ -n $up ]] || { tail -50 "$work/$name-web.out" >&2; exit 1; }
  echo "== start-up to first $health 200: $up ms"
  echo "== worker:  $(procfile_command "$dir" worker)"
  $(procfile_command "$dir" worker) > "$work/$name-worker.out" 2>&1 &
  local worker_pid=$!; pids+=($worker_pid)
  sleep 5
  local idle_web idle_worker; idle_web=$(hwm $web_pid); idle_worker=$(hwm $worker_pid)
  echo "== before load: web $(rss $web_pid)| worker $(rss $worker_pid)"
  local codes="$work/$name-codes"; : > "$codes"
  for round in $(seq 1 "$rounds"); do
    seq 1 "$signups" | xargs -P "$signups" -I{} bash -c "signup $name $round {}" >> "$codes"
    echo "round $round: $signups concurrent signups; web $(rss $web_pid)"
  done
  for _ in 1 2; do  # read users back through the cache, concurrently: a miss, then a hit
    seq "$first_id" $(( first_id + signups - 1 )) | xargs -P "$signups" -I{} bash -c "read_user {}" >> "$codes"
  done
  echo "== status codes (signups and reads):"
  sort "$codes" | uniq -c
  sleep 5
  echo "== after load:  web $(rss $web_pid)| worker $(rss $worker_pid)"
  local peak_web peak_worker; peak_web=$(hwm $web_pid); peak_worker=$(hwm $worker_pid)
  local created; created=$(grep -c '^201$' "$codes" || true)
  summary+=("$(printf '%-16s %8s ms %9s MB %9s MB %9s MB %9s MB %6s' "$name" "$up" \
      "$idle_web" "$peak_web" "$idle_worker" "$peak_worker" "$created")")
  kill $web_pid $worker_pid; wait $web_pid $worker_pid 2>/dev/null || true
  cd "$repo"
}

measure signup-app "$repo/examples/signup-app" /health 1
# the second app's users follow the first's in the shared table
export REDIS_KEY_PREFIX=sb:
measure spring-boot-app "$here" /actuator/health $(( signups * rounds + 1 ))

echo
echo "== JAVA_TOOL_OPTIONS=$JAVA_TOOL_OPTIONS; $rounds rounds of $signups concurrent signups"
printf '%-16s %11s %12s %12s %12s %12s %6s\n' app start-up "web idle" "web peak" \
    "worker idle" "worker peak" 201s
for line in "${summary[@]}"; do echo "$line"; done
