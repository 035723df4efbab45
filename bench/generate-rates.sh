#!/usr/bin/env bash
# How much keeping profiles in flight speeds up `generate`: the same command one profile at a
# time and with PARALLEL in flight, in one run, against CouchbaseMock in a process of its own,
# reached two ways: straight over loopback, and through bench/latency_proxy.py, which delays
# every chunk by ONE_WAY_MS each way to model a cluster's round trip (loopback's is about 0.05 ms).
# It builds nothing: build first with  mvn -B -DskipTests install
# Tunables (environment): COUNT (profiles per run, 1000), PARALLEL (64), ROUNDS (2: runs of each,
# alternating; the table shows every run), ONE_WAY_MS (0.3, which measured a 1 ms round trip on
# a 2-core machine: the proxy's threads add the rest; the script prints what it measures).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/profile-servlet/target/profile-server.jar}
COUNT=${COUNT:-1000}
PARALLEL=${PARALLEL:-64}
ROUNDS=${ROUNDS:-2}
ONE_WAY_MS=${ONE_WAY_MS:-0.3}
[ -f "$JAR" ] || { echo "missing $JAR: build first with  mvn -B -DskipTests install" >&2; exit 2; }
MOCK_VERSION=$(sed -n 's:.*<couchbase-mock.version>\(.*\)</couchbase-mock.version>.*:\1:p' "$ROOT/pom.xml")
MOCK=$HOME/.m2/repository/com/couchbase/mock/CouchbaseMock/$MOCK_VERSION/CouchbaseMock-$MOCK_VERSION.jar
[ -f "$MOCK" ] || mvn -q -B dependency:get -Dartifact="com.couchbase.mock:CouchbaseMock:$MOCK_VERSION"
PROXY="python3 $ROOT/bench/latency_proxy.py"

# The mock's key-value port listens on 127.0.0.1 only (--host), so the proxy can take the same
# port on 127.0.0.2. Bootstrapping over key-value (--cccp), the SDK gets the cluster map from the
# address it dialled ($HOST), so every key-value operation goes where the connection string says.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$MOCK" --host 127.0.0.1 --cccp --port "$PORT" --nodes 1 --replicas 0 \
    --buckets profiles:secret:couchbase >/dev/null 2>&1 &
MOCK_PID=$!
PROXY_PID=
trap 'kill $MOCK_PID $PROXY_PID 2>/dev/null' EXIT
for _ in $(seq 1 50); do
  KV_PORT=$(curl -sf "http://127.0.0.1:$PORT/mock/get_mcports?bucket=profiles" | tr -dc '0-9,' | cut -d, -f1) && break
  sleep 0.2
done
$PROXY forward "127.0.0.2:$KV_PORT" "127.0.0.1:$KV_PORT" "$ONE_WAY_MS" &
PROXY_PID=$!
sleep 1
echo "loopback:          $($PROXY ping "127.0.0.1:$KV_PORT")"
echo "through the proxy: $($PROXY ping "127.0.0.2:$KV_PORT") (ONE_WAY_MS=$ONE_WAY_MS)"
echo

export PROFILE_DB_USERNAME=profiles PROFILE_DB_PASSWORD=secret PROFILE_DB_BUCKET=profiles
export PROFILE_DB_SCOPE=_default PROFILE_DB_PROFILES_COLLECTION=_default PROFILE_DB_IMAGES_COLLECTION=_default
export PROFILE_DB_AUTH_COLLECTION=_default PROFILE_DB_LOOKUPS_COLLECTION=_default

cpu_seconds() { awk -v tck="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tck}' "/proc/$1/stat"; }

echo "| reached | in flight | profiles | profiles/s | command s | CPU s (generate) | CPU s (mock) |"
echo "|---|---|---|---|---|---|---|"
seed=0
for round in $(seq 1 "$ROUNDS"); do
  for reached in loopback proxy; do
    host=127.0.0.1; [ "$reached" = proxy ] && host=127.0.0.2
    for parallelism in 1 "$PARALLEL"; do
      seed=$((seed + 1))   # new people each run: a taken username would cost the run extra round trips
      mock_before=$(cpu_seconds "$MOCK_PID")
      start=$(date +%s.%N)
      wrote=$(PROFILE_DB_CONNECTION_STRING="couchbase://$host:$KV_PORT" /usr/bin/time -o /tmp/generate-rates.time \
          -f '%U %S' java -jar "$JAR" generate --count "$COUNT" --seed "$seed" --parallelism "$parallelism" 2>&1 \
          | grep '^Wrote') || { echo "generate failed (parallelism $parallelism, $reached)" >&2; exit 1; }
      end=$(date +%s.%N)
      rate=$(sed -n 's/.*(\([0-9]*\) profiles\/s.*/\1/p' <<<"$wrote")
      echo "$reached $parallelism $COUNT $rate $start $end $(tail -1 /tmp/generate-rates.time) $mock_before $(cpu_seconds "$MOCK_PID")" \
        | awk '{ printf "| %s | %d | %d | %d | %.1f | %.1f | %.1f |\n", $1, $2, $3, $4, $6 - $5, $7 + $8, $10 - $9 }'
    done
  done
done
echo
echo "profiles/s is the rate generate prints: generating and writing, once connected (no JVM start)."
echo "command s is the whole command's wall time."
