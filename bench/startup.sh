#!/usr/bin/env bash
# Time to ready: launches the server jar on the demo store RUNS times (default 5), each time
# measuring from launch until /readyz answers 200 (polled every 50 ms: more often, the polls
# themselves slow a 2-core machine's start), and prints every start and the median.
# Build the jar first (mvn -q -B -DskipTests install); PORT (default 18080) must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=profile-servlet/target/profile-server.jar
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -q -B -DskipTests install)" >&2; exit 1; }
runs=${RUNS:-5}
port=${PORT:-18080}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
times=()
for i in $(seq "$runs"); do
  begin=$(date +%s%N)
  PROFILE_PORT=$port java -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until curl -sf -m 10 -o /dev/null "http://localhost:$port/readyz"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - begin) / 1000000 ))
  times+=("$ms")
  echo "start $i: ready in $ms ms ($(grep -o '[A-Z][a-z]* [0-9]* demo profiles.*' "$log"))"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "median of $runs starts: $median ms from launch to ready"
