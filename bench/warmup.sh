#!/usr/bin/env bash
# How soon profile-server.jar runs at full speed: it launches the jar on its embedded default,
# notes when /readyz first answers 200, then loads GET /api/v1/id/{id} with wrk in 1 s windows
# (the load starts the moment /readyz does) and prints each window's rate beside the steady
# rate (the median of the windows from STEADY_FROM s after ready to the end). A run passes when
# the window that begins 4 s after ready (the second that ends about 5 s after it) reaches 0.8 of
# steady, and the windows from 5 to 15 s stay there (their median): single 1 s windows dip
# below 0.8 at any time on a shared 2-core machine, so one later dip is noise, not warm-up.
# It builds nothing: build first with  mvn -B -DskipTests install
# Tunables (environment): RUNS (3 launches), WINDOWS (40 each), STEADY_FROM (25), CONNECTIONS
# (64), THREADS (2), PROFILES (1000, the demo store's default), JAVA_OPTS (none: as a user
# launches it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${PROFILE_JAR:-$ROOT/profile-servlet/target/profile-server.jar}
RUNS=${RUNS:-3}
WINDOWS=${WINDOWS:-40}
STEADY_FROM=${STEADY_FROM:-25}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PROFILES=${PROFILES:-1000}
JAVA_OPTS=${JAVA_OPTS:-}
PORT=18095 TOKEN=bench-token
[ -f "$JAR" ] || { echo "missing $JAR: build first with  mvn -B -DskipTests install" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
export BENCH_TOKEN=$TOKEN BENCH_WRK=$ROOT/bench/wrk BENCH_IDS=$PROFILES
WORK=$(mktemp -d)
PID=
trap '[ -z "$PID" ] || kill $PID 2>/dev/null || true' EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

failed=0
for run in $(seq 1 "$RUNS"); do
  launched=$(now_ms)
  PROFILE_PORT=$PORT PROFILE_API_TOKENS=$TOKEN PROFILE_DEMO_PROFILES=$PROFILES java $JAVA_OPTS -jar "$JAR" \
    >"$WORK/profilekit-$run.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do sleep 0.02; done
  ready=$(now_ms)
  windows=()
  for _ in $(seq 1 "$WINDOWS"); do
    begin=$(now_ms)
    rate=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d1s -s "$ROOT/bench/wrk/id.lua" "http://127.0.0.1:$PORT" \
      | awk '/^BENCH/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } printf "%.0f", v["rps"] }')
    windows+=("$(( (begin - ready) )):$rate")
  done
  kill $PID; wait $PID 2>/dev/null || true; PID=
  steady=$(for w in "${windows[@]}"; do [ "${w%%:*}" -ge $((STEADY_FROM * 1000)) ] && echo "${w#*:}"; done \
    | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "run $run: ready $((ready - launched)) ms after launch; steady $steady req/s (median from ${STEADY_FROM}s)"
  at_four="" later=()
  for w in "${windows[@]}"; do
    at=${w%%:*} rate=${w#*:}
    ratio=$(awk -v a="$rate" -v b="$steady" 'BEGIN { printf "%.2f", a / b }')
    [ "$at" -lt 10000 ] && printf '  window at %5d ms after ready: %6d req/s, %s of steady\n' "$at" "$rate" "$ratio"
    [ -z "$at_four" ] && [ "$at" -ge 4000 ] && at_four=$ratio
    [ "$at" -ge 5000 ] && [ "$at" -lt 15000 ] && later+=("$ratio")
  done
  settled=$(printf '%s\n' "${later[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  if awk -v a="$at_four" -v b="$settled" 'BEGIN { exit !(a >= 0.8 && b >= 0.8) }'; then
    echo "  passed: $at_four of steady in the second ending 5 s after ready; median $settled from 5 to 15 s"
  else
    echo "  FAILED: $at_four of steady in the second ending 5 s after ready; median $settled from 5 to 15 s"; failed=1
  fi
done
echo "logs: $WORK"
exit $failed
