#!/usr/bin/env bash
# How much keeping profiles in flight speeds up `generate`: the same command one profile at a
# time and with PARALLEL in flight, in one run, against CouchbaseMock in a process of its own.
# It builds nothing: build first with  mvn -B -DskipTests install
# Tunables (environment): COUNT (profiles per run, 1000), PARALLEL (64), ROUNDS (2: runs of each,
# alternating; the table shows every run).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${PROFILE_SERVER_JAR:-$ROOT/profile-servlet/target/profile-server.jar}
COUNT=${COUNT:-1000}
PARALLEL=${PARALLEL:-64}
ROUNDS=${ROUNDS:-2}
[ -f "$JAR" ] || { echo "missing $JAR: build first with  mvn -B -DskipTests install" >&2; exit 2; }
MOCK_VERSION=$(sed -n 's:.*<couchbase-mock.version>\(.*\)</couchbase-mock.version>.*:\1:p' "$ROOT/pom.xml")
MOCK=$HOME/.m2/repository/com/couchbase/mock/CouchbaseMock/$MOCK_VERSION/CouchbaseMock-$MOCK_VERSION.jar
[ -f "$MOCK" ] || mvn -q -B dependency:get -Dartifact="com.couchbase.mock:CouchbaseMock:$MOCK_VERSION"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$MOCK" --port "$PORT" --nodes 1 --replicas 0 --buckets profiles:secret:couchbase >/dev/null 2>&1 &
MOCK_PID=$!
trap 'kill $MOCK_PID 2>/dev/null' EXIT
sleep 3

export PROFILE_DB_CONNECTION_STRING=couchbase://127.0.0.1:$PORT=manager
export PROFILE_DB_USERNAME=profiles PROFILE_DB_PASSWORD=secret PROFILE_DB_BUCKET=profiles
export PROFILE_DB_SCOPE=_default PROFILE_DB_PROFILES_COLLECTION=_default PROFILE_DB_IMAGES_COLLECTION=_default
export PROFILE_DB_AUTH_COLLECTION=_default PROFILE_DB_LOOKUPS_COLLECTION=_default

echo "| in flight | profiles | profiles/s | CPU s (generate) | CPU s (mock) |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for parallelism in 1 "$PARALLEL"; do
    mock_before=$(awk '{print $14 + $15}' "/proc/$MOCK_PID/stat")
    start=$(date +%s.%N)
    /usr/bin/time -o /tmp/generate-rates.time -f '%U %S' java -jar "$JAR" generate --count "$COUNT" \
        --seed "$round" --parallelism "$parallelism" >/dev/null 2>&1
    cpu=$(tail -1 /tmp/generate-rates.time)
    end=$(date +%s.%N)
    mock_after=$(awk '{print $14 + $15}' "/proc/$MOCK_PID/stat")
    echo "$parallelism $COUNT $start $end $cpu $mock_before $mock_after $(getconf CLK_TCK)" | awk '{
      printf "| %d | %d | %.0f | %.1f | %.1f |\n", $1, $2, $2 / ($4 - $3), $5 + $6, ($8 - $7) / $9 }'
  done
done
echo
echo "A rate counts the whole command: starting the JVM, connecting, generating and writing."
