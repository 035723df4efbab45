#!/usr/bin/env bash
# What slow clients do to everyone else: profile-server.jar on its embedded default while
# SLOW_BODIES authenticated uploads send a byte every 5 s and SLOW_HEADERS connections send a
# header line every 5 s; one normal client's latencies for /healthz and /api/v1/id/1.
# It builds nothing: build first with  mvn -B -DskipTests install
# Tunables (environment): SLOW_BODIES (300), SLOW_HEADERS (500), DURATION (60), PORT (18090),
# and any profilekit setting (PROFILE_HTTP_IDLE_TIMEOUT, PROFILE_API_MAX_CONCURRENT_BODY_READS...).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/profile-servlet/target/profile-server.jar BENCH_JAR=$ROOT/bench/target/profile-bench.jar
PORT=${PORT:-18090}
for jar in "$JAR" "$BENCH_JAR"; do
  [ -f "$jar" ] || { echo "missing $jar: build first with  mvn -B -DskipTests install" >&2; exit 2; }
done
LOG=$(mktemp)
PROFILE_PORT=$PORT PROFILE_API_TOKENS=bench-token java -Xms512m -Xmx512m -jar "$JAR" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" = 200 ] && break
  sleep 0.5
done
java -cp "$BENCH_JAR" io.profilekit.bench.SlowClientsLoad "http://127.0.0.1:$PORT" bench-token \
  "${SLOW_BODIES:-300}" "${SLOW_HEADERS:-500}" "${DURATION:-60}"
echo "server log lines at WARN or ERROR: $(grep -cE ' (WARN|ERROR) ' "$LOG" || true)"
