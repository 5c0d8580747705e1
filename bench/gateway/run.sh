#!/usr/bin/env bash
# Gateway overhead: the same request straight to the service, through nginx (the anchor: 1 worker, keep-alive
# upstream) and through the gateway, in one run, with the ratios issue 18 asks for.
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
result() { [[ -z ${BENCH_RESULTS:-} ]] || echo "$1 $2" >>"$BENCH_RESULTS"; }  # for bench/all
PORT=8190
SERVICE=http://127.0.0.1:8082
GATEWAY=http://127.0.0.1:$PORT
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing (apt-get install nginx-light)" >&2; exit 1; }
NGINX_PORT=8191
NGINX=http://127.0.0.1:$NGINX_PORT
WORK=$(mktemp -d)
curl -fsS "http://127.0.0.1:9082/q/health/ready" >/dev/null || { echo "declaration-service is not running: deploy/local/platform up" >&2; exit 1; }
if curl -s -o /dev/null "$GATEWAY/" 2>/dev/null; then echo "port $PORT is taken" >&2; exit 1; fi

QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) GATEWAY_CLIENT_SECRET=gateway-demo-secret GATEWAY_SESSION_SECRET=bench-session-secret-not-for-production \
GATEWAY_RATE_LIMIT_USER_PER_MINUTE=1000000000 GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE=1000000000 \
QUARKUS_LOG_CATEGORY__GATEWAY_ACCESS__LEVEL=WARN GATEWAY_STATE_KEY_PREFIX=bench-gateway: \
java -Xmx256m -XX:+UseSerialGC -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" > /tmp/gateway-bench.log 2>&1 &
GW=$!
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream declaration { server 127.0.0.1:8082; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://declaration; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NG=$!
trap 'kill $GW $NG 2>/dev/null; wait $GW $NG 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

export TOKEN REPORT="$ROOT/bench/wrk-report.lua"
TOKEN=$("$ROOT/bench/keycloak-login.py" officer.politie)
# Prints "req/s p50-ms" of one wrk run.
run() { # url path token connections seconds
  TOKEN=$3 BENCH_PATH=$2 wrk -t"$(( $4 < 2 ? 1 : 2 ))" -c"$4" -d"$5s" --latency -s "$HERE/get.lua" "$1" \
    | awk '/^Requests\/sec/ {r=$2} /^p50/ {p=$2} /non-2xx/ {gsub(/[(),]/, ""); if ($4 + $6 > 0) bad=1}
           END {if (bad) {print "errors"; exit 1} print r, p}'
}
P=/api/condition-types
# Warm-up (JIT, pools, key cache) until the rate is steady: two 5-second runs within 5 % of each other, at
# most 2 minutes. The gateway's full JIT takes about a minute of load to settle; measured before, it looked
# half as fast as it is.
warm() { # url
  local before=0 now
  for _ in $(seq 1 24); do
    read -r now _ < <(run "$1" $P "$TOKEN" "$CONNECTIONS" 5)
    awk -v a="$before" -v b="$now" 'BEGIN {exit !(a > 0 && b / a < 1.05 && a / b < 1.05)}' && return
    before=$now
  done
}
for url in "$SERVICE" "$NGINX" "$GATEWAY"; do warm "$url"; done
read -r direct8 _ < <(run "$SERVICE" $P "$TOKEN" "$CONNECTIONS" "$SECONDS_RUN")
read -r nginx8 _ < <(run "$NGINX" $P "$TOKEN" "$CONNECTIONS" "$SECONDS_RUN")
read -r gateway8 _ < <(run "$GATEWAY" $P "$TOKEN" "$CONNECTIONS" "$SECONDS_RUN")
read -r _ direct1 < <(run "$SERVICE" $P "$TOKEN" 1 "$SECONDS_RUN")
read -r _ nginx1 < <(run "$NGINX" $P "$TOKEN" 1 "$SECONDS_RUN")
read -r _ gateway1 < <(run "$GATEWAY" $P "$TOKEN" 1 "$SECONDS_RUN")
read -r _ open1 < <(run "$SERVICE" "/q/openapi?format=json" "" 1 "$SECONDS_RUN")
echo "GET $P with a bearer token, ${SECONDS_RUN}s each"
printf '  %-44s %10s %10s %10s\n' "" direct nginx gateway
printf '  %-44s %10s %10s %10s\n' "req/s at $CONNECTIONS connections" "$direct8" "$nginx8" "$gateway8"
printf '  %-44s %10s %10s %10s\n' "p50 ms at 1 connection" "$direct1" "$nginx1" "$gateway1"
result gateway.rps "$gateway8"; result gateway.nginx_rps "$nginx8"; result gateway.direct_rps "$direct8"
result gateway.p50 "$gateway1"; result gateway.nginx_p50 "$nginx1"; result gateway.direct_p50 "$direct1"; result gateway.open_p50 "$open1"
awk -v g="$gateway8" -v n="$nginx8" -v d1="$direct1" -v g1="$gateway1" -v n1="$nginx1" -v o1="$open1" 'BEGIN {
  printf "  gateway throughput / nginx throughput   %.2f   (goal >= 0.9)\n", g / n
  printf "  p50 added by the gateway at 1 connection %.2f ms (nginx adds %.2f ms; goal <= 0.5 ms)\n", g1 - d1, n1 - d1
  printf "  token-checked p50 / unauthenticated p50 %.2f   (service alone, %s ms vs %s ms; goal <= 2)\n", d1 / o1, d1, o1
}'
