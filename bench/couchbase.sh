#!/usr/bin/env bash
# GET /api/v1/id/{id} over Couchbase: profile-server.jar serving CouchbaseMock (a process of its
# own) beside the Couchbase-path ceiling (bench/.../CouchbaseCeilingServer.java: a Jetty core
# handler that checks the token in constant time and does one asynchronous key-value get of the
# same document), measured in turn, in one run, on the same documents. Also GET
# /api/v1/profiles/{id} on profilekit alone (the ceiling has no resource route).
# It builds nothing: build first with  mvn -B -DskipTests install
# Tunables (environment): PROFILES (2000, written by `generate`), DURATION (s per measurement,
# 10), ROUNDS (3), WARMUP_FIRST (s, 30), CONNECTIONS (64), THREADS (2), LATENCY_SECONDS (10),
# JAVA_OPTS (for both servers).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${PROFILE_JAR:-$ROOT/profile-servlet/target/profile-server.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bench/target/profile-bench.jar}
PROFILES=${PROFILES:-2000}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP_FIRST=${WARMUP_FIRST:-30}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
LATENCY_SECONDS=${LATENCY_SECONDS:-10}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}
TOKEN=bench-token
PROFILEKIT=18090 CEILING=18091
for jar in "$JAR" "$BENCH_JAR"; do
  [ -f "$jar" ] || { echo "missing $jar: build first with  mvn -B -DskipTests install" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
MOCK_VERSION=$(sed -n 's:.*<couchbase-mock.version>\(.*\)</couchbase-mock.version>.*:\1:p' "$ROOT/pom.xml")
MOCK=$HOME/.m2/repository/com/couchbase/mock/CouchbaseMock/$MOCK_VERSION/CouchbaseMock-$MOCK_VERSION.jar
[ -f "$MOCK" ] || mvn -q -B dependency:get -Dartifact="com.couchbase.mock:CouchbaseMock:$MOCK_VERSION"

WORK=$(mktemp -d)
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

# Bootstrapping over key-value (--cccp), as bench/generate-rates.sh does: the SDK connects
# without the warnings a management-port bootstrap prints against the mock.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$MOCK" --host 127.0.0.1 --cccp --port "$PORT" --nodes 1 --replicas 0 \
    --buckets profiles:secret:couchbase >"$WORK/mock.log" 2>&1 &
MOCK_PID=$!; PIDS+=("$MOCK_PID")
for _ in $(seq 1 50); do
  KV_PORT=$(curl -sf "http://127.0.0.1:$PORT/mock/get_mcports?bucket=profiles" | tr -dc '0-9,' | cut -d, -f1) && break
  sleep 0.2
done
export PROFILE_DB_CONNECTION_STRING=couchbase://127.0.0.1:$KV_PORT
export PROFILE_DB_USERNAME=profiles PROFILE_DB_PASSWORD=secret PROFILE_DB_BUCKET=profiles
export PROFILE_DB_SCOPE=_default PROFILE_DB_PROFILES_COLLECTION=_default PROFILE_DB_IMAGES_COLLECTION=_default
export PROFILE_DB_AUTH_COLLECTION=_default PROFILE_DB_LOOKUPS_COLLECTION=_default
export BENCH_TOKEN=$TOKEN BENCH_WRK=$ROOT/bench/wrk BENCH_IDS=$PROFILES

echo "writing $PROFILES profiles into CouchbaseMock..." >&2
java -jar "$JAR" generate --count "$PROFILES" --seed 1 >"$WORK/generate.log" 2>&1
PROFILE_PORT=$PROFILEKIT PROFILE_API_TOKENS=$TOKEN java $JAVA_OPTS -jar "$JAR" >"$WORK/profilekit.log" 2>&1 &
PIDS+=($!)
java $JAVA_OPTS -cp "$BENCH_JAR" io.profilekit.bench.CouchbaseCeilingServer $CEILING $TOKEN >"$WORK/ceiling.log" 2>&1 &
PIDS+=($!)
for port in $PROFILEKIT $CEILING; do
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200 ] && break
    sleep 0.2
  done
done
for id in 1 "$PROFILES"; do # the ceiling is only fair if it answers the same bytes
  ours=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PROFILEKIT/api/v1/id/$id" | sha256sum)
  bare=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$CEILING/api/v1/id/$id" | sha256sum)
  [ "$ours" = "$bare" ] || { echo "the ceiling does not answer /api/v1/id/$id as profile-server.jar does" >&2; exit 1; }
done

wrk_rps() { # port script seconds: requests per second, or "failed" if any answer was not 2xx
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" -s "$ROOT/bench/wrk/$2.lua" "http://127.0.0.1:$1")
  echo "$out" >>"$WORK/wrk.log"
  echo "$out" | awk '/^BENCH/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    if (v["status4xx5xx"] + v["socketerrors"] > 0) print "failed"; else printf "%.0f\n", v["rps"] }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
latency() { # port template rate: p50 p99 in ms at a fixed rate
  java -Dconnections="$CONNECTIONS" -cp "$BENCH_JAR" io.profilekit.bench.ArrivalRateClient "http://127.0.0.1:$1" \
    "$TOKEN" "$2" "$3" "$LATENCY_SECONDS" - "$PROFILES" | tee -a "$WORK/latency.log" \
    | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } printf "%s %s", v["p50"], v["p99"] }'
}

echo "warming up for ${WARMUP_FIRST}s each..." >&2
for port in $PROFILEKIT $CEILING; do wrk_rps $port id "$WARMUP_FIRST" >/dev/null; done
wrk_rps $PROFILEKIT profile "$WARMUP_FIRST" >/dev/null
ours_runs="" ceiling_runs="" profile_runs=""
for round in $(seq 1 "$ROUNDS"); do # the servers take turns, so that a noisy minute hurts both alike
  echo "round $round of $ROUNDS" >&2
  ours_runs+="$(wrk_rps $PROFILEKIT id "$DURATION") "
  ceiling_runs+="$(wrk_rps $CEILING id "$DURATION") "
  profile_runs+="$(wrk_rps $PROFILEKIT profile "$DURATION") "
done
case "$ours_runs$ceiling_runs$profile_runs" in *failed*) echo "some answers were not 2xx: see $WORK/wrk.log" >&2; exit 1;; esac
OURS=$(median $ours_runs) CEIL=$(median $ceiling_runs) PROFILE=$(median $profile_runs)
read -r ours_p50 ours_p99 <<<"$(latency $PROFILEKIT '/api/v1/id/{id}' $((OURS / 2)))"
read -r ceil_p50 ceil_p99 <<<"$(latency $CEILING '/api/v1/id/{id}' $((OURS / 2)))"
read -r profile_p50 profile_p99 <<<"$(latency $PROFILEKIT '/api/v1/profiles/{id}' $((PROFILE / 2)))"

echo
echo "profilekit over CouchbaseMock, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "wrk -t$THREADS -c$CONNECTIONS, median of $ROUNDS runs of ${DURATION}s after ${WARMUP_FIRST}s of warm-up;" \
     "p50/p99 at half profilekit's rate, ${LATENCY_SECONDS}s, constant arrival rate; $PROFILES profiles; JAVA_OPTS=$JAVA_OPTS"
echo
echo "| route | server | req/s (median) | rounds | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|"
echo "| GET /api/v1/id/{id} | profilekit | $OURS | $ours_runs| $ours_p50 | $ours_p99 |"
echo "| GET /api/v1/id/{id} | Couchbase-path ceiling | $CEIL | $ceiling_runs| $ceil_p50 | $ceil_p99 |"
echo "| GET /api/v1/profiles/{id} | profilekit | $PROFILE | $profile_runs| $profile_p50 | $profile_p99 |"
echo
echo "GET /api/v1/id/{id}: $(awk -v a="$OURS" -v b="$CEIL" 'BEGIN { printf "%.2f", a / b }') of the Couchbase-path ceiling"
echo "logs: $WORK"
