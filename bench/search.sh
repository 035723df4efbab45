#!/usr/bin/env bash
# Search on the in-memory store: profile-server.jar with SIZES generated profiles (no pictures),
# then, in the same run, GET /api/v1/id/{id} and GET /api/v1/search?q= with one-, two- and
# three-letter prefixes of the stored names' words (the prefixes people type first), each for
# DURATION s with wrk after a warm-up. Prints requests/s and wrk's p50/p99 at full load for each,
# the heap in use after a full collection, and the time the store took to fill.
# It builds nothing: build first with  mvn -B -DskipTests install
# Tunables (environment): SIZES ("100000 1000000"), DURATION (10), WARMUP (10), CONNECTIONS
# (64), THREADS (2), JAVA_OPTS (-Xms6g -Xmx6g).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${PROFILE_JAR:-$ROOT/profile-servlet/target/profile-server.jar}
SIZES=${SIZES:-100000 1000000}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:--Xms6g -Xmx6g}
PORT=18096 TOKEN=bench-token
[ -f "$JAR" ] || { echo "missing $JAR: build first with  mvn -B -DskipTests install" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
WORK=$(mktemp -d)
PID=
trap '[ -z "$PID" ] || kill $PID 2>/dev/null || true' EXIT
export BENCH_TOKEN=$TOKEN BENCH_WRK=$ROOT/bench/wrk

heap_used_mb() { # pid: heap in use after a full collection
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i+1)); print int($(i+1) / 1024); exit } }'
}

measure() { # label script: one table row
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/wrk/$2.lua" "http://127.0.0.1:$PORT" >/dev/null
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/wrk/$2.lua" \
    "http://127.0.0.1:$PORT")
  local rps errors p50 p99
  rps=$(sed -n 's/^BENCH .*rps=\([0-9.]*\).*/\1/p' <<<"$out")
  errors=$(sed -n 's/^BENCH .*status4xx5xx=\([0-9]*\).*/\1/p' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  printf '| %-42s | %9.0f | %8s | %8s | %7s |\n' "$1" "$rps" "$p50" "$p99" "$errors"
}

echo "profilekit search benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "wrk -t$THREADS -c$CONNECTIONS, ${WARMUP}s warm-up, ${DURATION}s measured; latency is wrk's at full load; JAVA_OPTS=$JAVA_OPTS"
for size in $SIZES; do
  started=$(date +%s%N)
  PROFILE_PORT=$PORT PROFILE_API_TOKENS=$TOKEN PROFILE_DEMO_PROFILES=$size PROFILE_DEMO_PICTURES=false \
    java $JAVA_OPTS -jar "$JAR" >"$WORK/profilekit-$size.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    kill -0 $PID 2>/dev/null || { cat "$WORK/profilekit-$size.log" >&2; exit 1; }
    sleep 0.5
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  heap=$(heap_used_mb $PID)
  # the words of the first 1000 profiles' names, cut to each prefix length
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/profiles?limit=1000" | python3 -c '
import json, sys, re, unicodedata
words = set()
for item in json.load(sys.stdin)["items"]:
    folded = unicodedata.normalize("NFKD", item["name"].lower())
    words.update(w for w in re.split(r"[^a-z0-9]+", "".join(c for c in folded if not unicodedata.combining(c))) if w)
for n in (1, 2, 3):
    with open(sys.argv[1] + "/prefixes-%d.txt" % n, "w") as out:
        out.write("\n".join(sorted({w[:n] for w in words if len(w) >= n})) + "\n")
' "$WORK"
  echo
  echo "$size profiles: ready in $ready_ms ms; heap in use after a full collection: $heap MB ($(( heap * 1024 * 1024 / size )) bytes a profile)"
  echo
  echo "| route                                      |     req/s |  p50     |  p99     | errors  |"
  echo "|--------------------------------------------|-----------|----------|----------|---------|"
  BENCH_IDS=$size measure "GET /api/v1/id/{id}" id
  for n in 1 2 3; do
    BENCH_PREFIXES=$WORK/prefixes-$n.txt measure "GET /api/v1/search, $n-letter prefix ($(wc -l <"$WORK/prefixes-$n.txt"))" search
  done
  kill $PID; wait $PID 2>/dev/null || true; PID=
done
