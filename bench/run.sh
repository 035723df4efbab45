#!/usr/bin/env bash
# profilekit's benchmark: profile-server.jar on its embedded default, beside anchors driven the
# same way in the same run: the ceiling (a bare Jetty 12 handler answering the same bytes), the
# same handler declared blocking as servlets are (what Jetty's hand-off to a pool thread costs),
# and the seed's design (Python's single-threaded http.server answering the same documents).
# It builds nothing: build first with  mvn -B -DskipTests install
#
# Each route is measured ROUNDS times on each server in turn, after a warm-up; the table shows
# the medians. Tunables (environment): DURATION (s per measurement, 10), ROUNDS (3), WARMUP
# (s per route and server, 10), WARMUP_FIRST (s, 30: a fresh JVM's first load), CONNECTIONS (64),
# THREADS (wrk threads, 2; the latency client opens CONNECTIONS connections too), PROFILES
# (10000), LATENCY_SECONDS (10), ROUTES (the wrk scripts of the routes to measure, such as
# "id avatar"; all unless set), MILLION (1000000; 0 skips
# the large-store run), JAVA_OPTS (for profile-server.jar and the ceiling alike: a fixed heap,
# touched at start, so that no run pays for memory the machine maps in on first use),
# LARGE_JAVA_OPTS (for every run of the large-store comparison, both sizes). Startup times
# include pre-touching that heap; the generation time beside them does not.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/profile-servlet/target/profile-server.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bench/target/profile-bench.jar}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10}
WARMUP_FIRST=${WARMUP_FIRST:-30}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PROFILES=${PROFILES:-10000}
LATENCY_SECONDS=${LATENCY_SECONDS:-10}
MILLION=${MILLION:-1000000}
ROUTES=${ROUTES:-}
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}
LARGE_JAVA_OPTS=${LARGE_JAVA_OPTS:--Xms4g -Xmx4g -XX:+AlwaysPreTouch}
TOKEN=bench-token
PICTURE_BASE=http://profilekit.bench # picture URLs name no port, so the ceilings answer the same bytes
PROFILEKIT=18080 CEILING=18081 SEED=18082 BLOCKING=18084

for jar in "$JAR" "$BENCH_JAR"; do
  [ -f "$jar" ] || { echo "missing $jar: build first with  mvn -B -DskipTests install" >&2; exit 2; }
done
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else sudo apt-get install -y wrk >/dev/null; fi
fi

WORK=$(mktemp -d)
export BENCH_TOKEN=$TOKEN BENCH_WRK=$ROOT/bench/wrk BENCH_USERNAMES=$WORK/usernames.txt BENCH_AVATARS=$WORK/avatars.txt
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

await() { # port: until /healthz answers 200
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/healthz")" = 200 ] && return 0
    sleep 0.5
  done
  echo "nothing answers on port $1" >&2; exit 1
}

start_profilekit() { # port profiles pictures [java options]: starts profile-server.jar; sets
                     # PROFILEKIT_PID and STARTUP_MS (from launch until /healthz answers)
  local begin=$(date +%s%N)
  PROFILE_PORT=$1 PROFILE_API_TOKENS=$TOKEN PROFILE_DEMO_PROFILES=$2 PROFILE_DEMO_PICTURES=$3 \
    PROFILE_PICTURES_BASE_URL=$PICTURE_BASE java ${4:-$JAVA_OPTS} -jar "$JAR" >"$WORK/profilekit-$1-$2-$3.log" 2>&1 &
  PROFILEKIT_PID=$!; PIDS+=("$PROFILEKIT_PID")
  await "$1"
  STARTUP_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
}

stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

generating_ms() { # port profiles pictures: how long that server took to generate its profiles
  sed -n 's/.*Generated [0-9]* demo profiles.* in \([0-9]*\) ms.*/\1/p' "$WORK/profilekit-$1-$2-$3.log" | head -1
}

heap_used_mb() { # pid: heap in use after a full collection
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i+1)); print int($(i+1) / 1024); exit } }'
}

warm() { # port script: load without measuring
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" -s "$ROOT/bench/wrk/$2.lua" "http://127.0.0.1:$1" >/dev/null
}

rps() { # port script: one measurement; prints requests per second and the answers that were
        # not 2xx: "rps 4xx5xx socket-errors 304s 412s"
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$ROOT/bench/wrk/$2.lua" "http://127.0.0.1:$1")
  printf '%s %s\n%s\n' "$1" "$2" "$out" >>"$WORK/wrk.log"
  echo "$out" | awk '/^BENCH/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%.0f %d %d %d %d", v["rps"], v["status4xx5xx"], v["socketerrors"], v["304"], v["412"] }'
}

render_misses() { # the render cache's misses so far, from profilekit's /metrics
  curl -s "http://127.0.0.1:$PROFILEKIT/metrics" \
    | awk '/^profilekit_picture_renders_gets_total\{.*result="miss"/ { print int($NF) }'
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

latency() { # port template rate: p50 p99 p99.9 in ms at a fixed rate, from the arrival-rate client
  local lines="$WORK/usernames.txt"; [ "$2" = "{line}" ] && lines="$WORK/avatars.txt"
  local out; out=$(java -Dconnections="$CONNECTIONS" -cp "$BENCH_JAR" io.profilekit.bench.ArrivalRateClient "http://127.0.0.1:$1" "$TOKEN" "$2" "$3" \
    "$LATENCY_SECONDS" "$lines" "$IDS")
  echo "$1 $2 $3/s $out" >>"$WORK/latency.log"
  echo "$out" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } printf "%s %s %s", v["p50"], v["p99"], v["p999"] }'
}

ratio() { [ "$2" = "-" ] || [ "$2" = 0 ] && { echo "-"; return; }; awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "preparing: $PROFILES profiles in profilekit, the ceilings and the seed's design..." >&2
start_profilekit $PROFILEKIT "$PROFILES" true # first and alone, so that its startup time is its own
STARTUP_10K=$STARTUP_MS
java -cp "$BENCH_JAR" io.profilekit.bench.SeedDocuments "$PROFILES" "$WORK" >/dev/null
java -cp "$BENCH_JAR" io.profilekit.bench.PictureUrls "http://127.0.0.1:$PROFILEKIT" $TOKEN "$WORK/picture-urls.txt" >/dev/null
sed "s|^[0-9]* $PICTURE_BASE||; s|\$|\&size=64|" "$WORK/picture-urls.txt" >"$WORK/avatars.txt"
java $JAVA_OPTS -cp "$BENCH_JAR" io.profilekit.bench.CeilingServer $CEILING "$PROFILES" "$WORK/picture-urls.txt" >"$WORK/ceiling.log" 2>&1 &
PIDS+=($!)
java $JAVA_OPTS -cp "$BENCH_JAR" io.profilekit.bench.CeilingServer $BLOCKING "$PROFILES" "$WORK/picture-urls.txt" blocking >"$WORK/blocking.log" 2>&1 &
PIDS+=($!)
python3 "$ROOT/bench/seed_server.py" $SEED $TOKEN "$WORK/documents.json" >"$WORK/seed.log" 2>&1 &
PIDS+=($!)
await $CEILING; await $BLOCKING; await $SEED
# The anchors are only fair if they answer the bytes profile-server.jar answers.
for path in /api/v1/id/1 "/api/v1/id/$PROFILES" /api/v1/profiles/1 /api/v1/picture/raw/1 "$(head -1 "$WORK/avatars.txt")"; do
  ours=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PROFILEKIT$path" | sha256sum)
  for port in $CEILING $BLOCKING; do
    [ "$(curl -s "http://127.0.0.1:$port$path" | sha256sum)" = "$ours" ] \
      || { echo "the server on port $port does not answer $path as profile-server.jar does" >&2; exit 1; }
  done
done
IDS=$PROFILES; export BENCH_IDS=$IDS
echo "warming up the JVMs for ${WARMUP_FIRST}s each..." >&2
warm $PROFILEKIT id "$WARMUP_FIRST"; warm $CEILING id "$WARMUP_FIRST"; warm $BLOCKING id "$WARMUP_FIRST"

ROWS=()
NOTES=()
# route label | wrk script | arrival-rate template | the seed served it
for spec in "GET /api/v1/id/{id}|id|/api/v1/id/{id}|yes" \
            "GET /api/v1/profiles/{id}|profile|/api/v1/profiles/{id}|no" \
            "GET /api/v1/profiles/{id} If-None-Match|profile_inm|INM:/api/v1/profiles/{id}|no" \
            "GET /api/v1/username/{username}|username|/api/v1/username/{username}|yes" \
            "GET /api/v1/picture/raw/{id}|picture|/api/v1/picture/raw/{id}|yes" \
            "GET /pictures/{id}?size=64, cached|avatar|{line}|no" \
            "90% GET / 10% PUT If-Match|mix|MIX|no"; do
  IFS='|' read -r label script template seeded <<<"$spec"
  [ -z "$ROUTES" ] || [[ " $ROUTES " == *" $script "* ]] || continue
  if [ "$script" = avatar ]; then # measured cached: every avatar is rendered once first
    sed "s|^\(.*\)\$|url = \"http://127.0.0.1:$PROFILEKIT\1\"\noutput = /dev/null|" "$WORK/avatars.txt" >"$WORK/avatars.curl"
    curl -sS --no-progress-meter --parallel --parallel-max 8 -K "$WORK/avatars.curl"
    misses_before=$(render_misses)
  fi
  echo "measuring: $label" >&2
  servers=($PROFILEKIT $CEILING $BLOCKING); [ "$seeded" = yes ] && servers+=($SEED)
  for port in $PROFILEKIT $CEILING $BLOCKING; do warm $port "$script" "$WARMUP"; done # Python has no JIT to warm
  declare -A runs=(); failed=0 broken=0 not_modified=0 lost=0
  for _ in $(seq 1 "$ROUNDS"); do # the servers take turns, so that a noisy minute hurts all alike
    for port in "${servers[@]}"; do
      read -r r f b n l <<<"$(rps $port "$script")"
      runs[$port]+="$r "
      if [ $port = $PROFILEKIT ]; then failed=$((failed + f)) broken=$((broken + b)) not_modified=$((not_modified + n)) lost=$((lost + l)); fi
    done
  done
  ours=$(median ${runs[$PROFILEKIT]}); ceiling=$(median ${runs[$CEILING]}); blocking=$(median ${runs[$BLOCKING]})
  seed=-; [ "$seeded" = yes ] && seed=$(median ${runs[$SEED]})
  read -r p50 p99 p999 <<<"$(latency $PROFILEKIT "$template" $(( ours / 2 )))"
  read -r _ ceiling_p99 _ <<<"$(latency $CEILING "$template" $(( ours / 2 )))"
  ROWS+=("$label|$ours|$p50|$p99|$p999|$ceiling_p99|$ceiling|$(ratio "$ours" "$ceiling")|$blocking|$(ratio "$ours" "$blocking")|$seed|$(ratio "$ours" "$seed")")
  NOTES+=("$label: profilekit ${runs[$PROFILEKIT]}req/s, ceiling ${runs[$CEILING]}req/s, blocking ceiling ${runs[$BLOCKING]}req/s; $((failed - lost)) answers >= 400 besides $lost 412s, $broken socket errors, $not_modified 304s")
  if [ "$script" = avatar ]; then
    NOTES+=("$label: $(( $(render_misses) - misses_before )) renders while measured (render cache misses in /metrics)")
  fi
  unset runs
done
HEAP_10K=$(heap_used_mb "$PROFILEKIT_PID")
stop "$PROFILEKIT_PID"

if [ "$MILLION" != 0 ]; then
  # The same route over 10,000 and over $MILLION profiles, both without pictures, both servers
  # up at once and measured in turn.
  echo "measuring: $MILLION profiles without pictures" >&2
  LARGE_PORT=18083
  start_profilekit $PROFILEKIT 0 false "$LARGE_JAVA_OPTS"
  HEAP_EMPTY=$(heap_used_mb "$PROFILEKIT_PID")
  stop "$PROFILEKIT_PID"
  start_profilekit $LARGE_PORT "$MILLION" false "$LARGE_JAVA_OPTS"
  STARTUP_MILLION=$STARTUP_MS LARGE_PID=$PROFILEKIT_PID
  HEAP_MILLION=$(heap_used_mb "$LARGE_PID")
  start_profilekit $PROFILEKIT 10000 false "$LARGE_JAVA_OPTS"
  BENCH_IDS=10000 warm $PROFILEKIT id "$WARMUP_FIRST"
  BENCH_IDS=$MILLION warm $LARGE_PORT id "$WARMUP_FIRST"
  small_runs="" large_runs=""
  for _ in $(seq 1 "$ROUNDS"); do
    read -r r _ <<<"$(BENCH_IDS=10000 rps $PROFILEKIT id)"; small_runs+="$r "
    read -r r _ <<<"$(BENCH_IDS=$MILLION rps $LARGE_PORT id)"; large_runs+="$r "
  done
  SMALL=$(median $small_runs) LARGE=$(median $large_runs)
  stop "$PROFILEKIT_PID"; stop "$LARGE_PID"
fi

echo
echo "profilekit benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "wrk -t$THREADS -c$CONNECTIONS, ${WARMUP}s warm-up, median of $ROUNDS runs of ${DURATION}s; latency at half profilekit's rate, ${LATENCY_SECONDS}s, constant arrival rate; JAVA_OPTS=$JAVA_OPTS"
echo
FORMAT='| %-40s | %9s | %8s | %8s | %8s | %13s | %9s | %7s | %9s | %7s | %8s | %7s |\n'
printf "$FORMAT" route "req/s" "p50 ms" "p99 ms" "p99.9 ms" "ceil. p99 ms" ceiling "÷ceil" blocking "÷block" seed "÷seed"
printf "$FORMAT" | tr ' ' '-'
for row in "${ROWS[@]}"; do
  IFS='|' read -r -a cells <<<"$row"
  printf "$FORMAT" "${cells[@]}"
done
echo
for note in "${NOTES[@]}"; do echo "$note"; done
echo
echo "startup with $PROFILES profiles and pictures: ${STARTUP_10K} ms from launch to /healthz," \
     "$(generating_ms $PROFILEKIT "$PROFILES" true) ms of it generating them; heap in use: ${HEAP_10K} MB"
if [ "$MILLION" != 0 ]; then
  echo "startup with $MILLION profiles, no pictures: ${STARTUP_MILLION} ms from launch to /healthz," \
       "$(generating_ms $LARGE_PORT "$MILLION" false) ms of it generating them; heap in use: ${HEAP_MILLION} MB" \
       "($(( (HEAP_MILLION - HEAP_EMPTY) * 1024 * 1024 / MILLION )) bytes a profile)"
  echo "GET /api/v1/id/{id}, no pictures: $SMALL req/s over 10000 profiles ($small_runs), $LARGE req/s over $MILLION ($large_runs): ratio $(ratio "$LARGE" "$SMALL")"
fi
echo "logs: $WORK"
