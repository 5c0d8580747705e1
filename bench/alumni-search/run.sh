#!/usr/bin/env bash
# Officers' alumni search at scale: p50/p95/p99 with wrk over a mix of realistic criteria.
#   bench/alumni-search/run.sh [alumni=1000000] [seconds=30]
# Needs the infrastructure (deploy/local/platform infra) and a built alumni-service jar. Uses a
# database of its own (alumni_bench), so the platform's data is untouched; alumni-service runs on
# port 8191 against it.
set -euo pipefail
N=${1:-1000000}
SECONDS_RUN=${2:-30}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=8191
psql_admin() { psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres "$@"; }
result() { [[ -z ${BENCH_RESULTS:-} ]] || echo "$1 $2" >>"$BENCH_RESULTS"; }  # for bench/all

psql_admin -d postgres -c "drop database if exists alumni_bench with (force)" -c "create database alumni_bench owner alumni"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/alumni_bench QUARKUS_DATASOURCE_PASSWORD=alumni \
QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET=alumni-accounts-demo-secret PLATFORM_TOPIC_PREFIX=test. \
QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) java -Xmx512m -XX:+UseSerialGC -jar "$ROOT/alumni-service/target/quarkus-app/quarkus-run.jar" \
  > /tmp/alumni-bench.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done

echo "generating $N alumni ..."
start=$(date +%s)
psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -U alumni -d alumni_bench -v n="$N" -f "$HERE/generate.sql"
echo "generated in $(( $(date +%s) - start ))s: $(psql_admin -d alumni_bench -c 'select count(*) from alumnus') alumni"

export TOKEN; TOKEN=$(python3 "$ROOT/bench/keycloak-login.py" officer.politie)
cd "$HERE"
wrk -t1 -c4 -d10s -s search.lua "http://127.0.0.1:$PORT" > /dev/null   # warm-up: JIT, caches, pool
echo "measured, 1 thread, 4 connections, ${SECONDS_RUN}s:"
SEARCH=$(wrk -t1 -c4 -d"${SECONDS_RUN}s" -s search.lua "http://127.0.0.1:$PORT" | grep -E '^(requests|p[0-9]+)|Requests/sec')
echo "$SEARCH"
result search.p95 "$(awk '/^p95/ {print $2}' <<<"$SEARCH")"
result search.alumni "$N"
