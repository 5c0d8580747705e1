#!/usr/bin/env bash
# Gateway overhead: the same request straight to the service and through the gateway, in one run.
#   1. with token validation: GET /api/condition-types with an officer's bearer token (checked by the
#      gateway and by declaration-service);
#   2. without: the service's OpenAPI document (no token anywhere; /api-docs/declaration/openapi at the gateway).
#   bench/gateway/run.sh [seconds=20] [connections=8]
# Needs the platform running (deploy/local/platform up). Starts a second gateway on port 8190 with rate limits
# raised out of reach (the limiter still runs), so the platform's own gateway and data stay as they are.
set -euo pipefail
SECONDS_RUN=${1:-20}
CONNECTIONS=${2:-8}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=8190
SERVICE=http://127.0.0.1:8082
GATEWAY=http://127.0.0.1:$PORT
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
curl -fsS "http://127.0.0.1:9082/q/health/ready" >/dev/null || { echo "declaration-service is not running: deploy/local/platform up" >&2; exit 1; }
if curl -s -o /dev/null "$GATEWAY/" 2>/dev/null; then echo "port $PORT is taken" >&2; exit 1; fi

QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) GATEWAY_CLIENT_SECRET=gateway-demo-secret GATEWAY_SESSION_SECRET=bench-session-secret-not-for-production \
GATEWAY_RATE_LIMIT_USER_PER_MINUTE=1000000000 GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE=1000000000 \
QUARKUS_LOG_CATEGORY__GATEWAY_ACCESS__LEVEL=WARN GATEWAY_STATE_KEY_PREFIX=bench-gateway: \
java -Xmx256m -XX:+UseSerialGC -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" > /tmp/gateway-bench.log 2>&1 &
GW=$!
trap 'kill $GW 2>/dev/null; wait $GW 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

export TOKEN REPORT="$ROOT/bench/wrk-report.lua"
TOKEN=$("$ROOT/bench/keycloak-login.py" officer.politie)
measure() { # label url path token
  TOKEN=$4 BENCH_PATH=$3 wrk -t1 -c4 -d5s -s "$HERE/get.lua" "$2" > /dev/null   # warm-up: JIT, pools, key cache
  printf '%s\n' "$1"
  TOKEN=$4 BENCH_PATH=$3 wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s "$HERE/get.lua" "$2" \
    | grep -E '^(requests|p50|p99)|Requests/sec' | sed 's/^/  /'
}
measure "with token validation, direct to declaration-service" "$SERVICE" /api/condition-types "$TOKEN"
measure "with token validation, through the gateway" "$GATEWAY" /api/condition-types "$TOKEN"
measure "without token validation, direct (service's OpenAPI document)" "$SERVICE" "/q/openapi?format=json" ""
measure "without token validation, through the gateway" "$GATEWAY" /api-docs/declaration/openapi ""
