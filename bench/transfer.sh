#!/usr/bin/env bash
# Import and export (docs/moving-people.md), measured: for each of SIZES, TransferLoad writes an
# NDJSON file of that many profiles, imports it into the in-memory store, exports the store, and
# prints the times, the heap with the store filled and the export's own heap (which stays flat);
# then the jar's import command writes MOCK_SIZE profiles into CouchbaseMock (a process of its
# own, as docs/couchbase.md starts it), timed with its peak memory, and a second run that finds
# every one taken. It builds nothing: build first with  mvn -B -DskipTests install
# Tunables (environment): SIZES ("100000 1000000"), MOCK_SIZE (100000), JAVA_OPTS (-Xmx6g).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/profile-servlet/target/profile-server.jar
SIZES=${SIZES:-100000 1000000}
MOCK_SIZE=${MOCK_SIZE:-100000}
JAVA_OPTS=${JAVA_OPTS:--Xmx6g}
[ -f "$JAR" ] || { echo "missing $JAR: build first with  mvn -B -DskipTests install" >&2; exit 2; }
WORK=$(mktemp -d)
MOCK=
trap '[ -z "$MOCK" ] || kill $MOCK 2>/dev/null || true; rm -rf "$WORK"' EXIT
CP=$(cd "$ROOT/bench" && mvn -q -B -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g"):$ROOT/bench/target/classes

for size in $SIZES; do
  java $JAVA_OPTS -cp "$CP" io.profilekit.bench.TransferLoad "$size" "$WORK"
done

MOCK_JAR=$HOME/.m2/repository/com/couchbase/mock/CouchbaseMock/1.5.26/CouchbaseMock-1.5.26.jar
java -jar "$MOCK_JAR" -p 18091 -n 1 -R 0 -b profiles:secret:couchbase -c >"$WORK/mock.log" 2>&1 &
MOCK=$!
sleep 4
python3 - "$MOCK_SIZE" >"$WORK/mock.ndjson" <<'PY'
import json, sys
for i in range(1, int(sys.argv[1]) + 1):
    print(json.dumps({"record_id": i, "name": f"Person {i}", "user_id": f"person{i}", "email": f"person{i}@example.com"}))
PY
export PROFILE_DB_CONNECTION_STRING=couchbase://127.0.0.1:18091=manager PROFILE_DB_USERNAME=profiles \
  PROFILE_DB_PASSWORD=secret PROFILE_DB_BUCKET=profiles PROFILE_DB_SCOPE=_default \
  PROFILE_DB_PROFILES_COLLECTION=_default PROFILE_DB_IMAGES_COLLECTION=_default \
  PROFILE_DB_AUTH_COLLECTION=_default PROFILE_DB_LOOKUPS_COLLECTION=_default
for run in first second; do
  /usr/bin/time -f "  ($run run on CouchbaseMock: %e s, at most %M KB resident)" \
    java -Xmx512m -jar "$JAR" import --format ndjson --in "$WORK/mock.ndjson" 2>&1 \
    | grep -E '^Imported|run on CouchbaseMock'
done
