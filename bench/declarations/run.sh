#!/usr/bin/env bash
# declaration-service at scale, with wrk (and pgbench as the anchor of the submit path):
#   1. submit-with-assessment: an alumnus submits declarations, each stored as a version, assessed by
#      the organisation's rules and announced through the outbox (the relay publishes meanwhile);
#   2. the review queue at N declarations: p50/p95/p99 over a mix of an officer's queue views.
#   bench/declarations/run.sh [declarations=2000000] [seconds=30] [queue-only|submit-only]
# queue-only measures the queue again on the database of an earlier run, without regenerating it;
# submit-only stops after the submit path.
# Needs the infrastructure (deploy/local/platform infra) and a built declaration-service jar. Uses a
# database of its own (declaration_bench), so the platform's data is untouched; declaration-service
# runs on port 8192 against it, on the test.* topics and in consumer groups of its own.
set -euo pipefail
N=${1:-2000000}
SECONDS_RUN=${2:-30}
QUEUE_MODE=${3:-}
QUEUE_ONLY=$([[ $QUEUE_MODE == queue-only ]] && echo 1 || echo 0)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=8192
psql_admin() { psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres "$@"; }
psql_bench() { psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U declaration -d declaration_bench "$@"; }
result() { [[ -z ${BENCH_RESULTS:-} ]] || echo "$1 $2" >>"$BENCH_RESULTS"; }  # for bench/all

if (( ! QUEUE_ONLY )); then
  psql_admin -d postgres -c "drop database if exists declaration_bench with (force)" -c "create database declaration_bench owner declaration"
fi
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then echo "port $PORT is taken; stop what runs there" >&2; exit 1; fi
GROUP=declaration-bench-$$
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/declaration_bench QUARKUS_DATASOURCE_PASSWORD=declaration \
QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) PLATFORM_TOPIC_PREFIX=test. \
MP_MESSAGING_INCOMING_ALUMNI_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_ALUMNI_EVENTS_AUTO_OFFSET_RESET=latest \
MP_MESSAGING_INCOMING_FUNCTION_PROFILE_EVENTS_GROUP_ID=$GROUP \
MP_MESSAGING_INCOMING_FUNCTION_PROFILE_EVENTS_AUTO_OFFSET_RESET=latest \
java -Xmx512m -XX:+UseSerialGC -jar "$ROOT/declaration-service/target/quarkus-app/quarkus-run.jar" \
  > /tmp/declaration-bench.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1; do
  kill -0 $SERVICE 2>/dev/null || { echo "declaration-service did not start; see /tmp/declaration-bench.log" >&2; exit 1; }
  sleep 0.5
done

cd "$HERE"
export TOKEN
if (( ! QUEUE_ONLY )); then
# The demo alumnus of POLITIE inside the window of a high-risk detective function.
psql_bench <<'SQL'
insert into known_function_profile (organisation, code, version, title, function_group, risk_level, cooling_off_months,
                                    sensitive_sectors, retired)
values ('POLITIE', 'REC-DIG', 1, 'Digitaal rechercheur', 'INVESTIGATION', 'HIGH', 18,
        '["CONSULTANCY","CYBER_SECURITY","ICT","PRIVATE_INVESTIGATION"]', false);
insert into known_alumnus (alumnus_id, organisation, personnel_number, full_name, departure_date, departure_reason, status,
                           last_function, record_version, window_start, window_end, window_function_code,
                           window_risk_level, window_version, anonymised, updated_at)
values (gen_random_uuid(), 'POLITIE', 'P100001', 'Pieter de Vries', date '2026-09-30', 'VOLUNTARY', 'DEPARTED',
        'REC-DIG', 0, date '2026-09-30', date '2028-03-30', 'REC-DIG', 'HIGH', 0, false, now());
SQL

TOKEN=$(python3 "$ROOT/bench/keycloak-login.py" alumnus.politie)
wrk -t1 -c4 -d20s -s submit.lua "http://127.0.0.1:$PORT" > /dev/null   # warm-up: JIT to steady state, caches, pool
echo "submit with assessment, 1 thread, 4 connections, ${SECONDS_RUN}s:"
SUBMIT=$(wrk -t1 -c4 -d"${SECONDS_RUN}s" -s submit.lua "http://127.0.0.1:$PORT" | grep -E '^(requests|p[0-9]+)|Requests/sec')
echo "$SUBMIT"
echo "  stored: $(psql_bench -c 'select count(*) from declaration') declarations, $(psql_bench -c 'select count(*) from declaration_version') versions; assessed: $(psql_bench -c 'select count(*) from declaration_version where risk_level is not null')"
# The anchor, in the same run on the same tables: pgbench writing a declaration and an outbox row per
# transaction, 4 clients (anchor.pgbench); its rows go again afterwards.
echo "anchor: pgbench, a declaration and an outbox row per transaction, 4 clients, ${SECONDS_RUN}s:"
ANCHOR=$(PGPASSWORD=declaration pgbench -n -h 127.0.0.1 -U declaration -c 4 -j 2 -T "$SECONDS_RUN" -f anchor.pgbench declaration_bench 2>&1 \
  | awk '/^tps/ {print $3} /latency average/ {lat=$4} END {}')
echo "  $ANCHOR transactions/s"
psql_bench -c "delete from outbox_message where topic = 'bench.anchor'" -c "delete from declaration where employer_name like 'Anchor Employer %'"
SUBMIT_RATE=$(awk '/Requests\/sec/ {print $2}' <<<"$SUBMIT")
echo "submit / anchor: $(awk -v s="$SUBMIT_RATE" -v a="$ANCHOR" 'BEGIN {printf "%.3f", s / a}') (goal >= 0.25)"
# Latency at a steady load: half of the goal's rate, 12.5 % of the anchor, sent on a schedule whatever the
# answers' times (the rate reached is printed; it falls short when the service does).
RATE=$(awk -v a="$ANCHOR" 'BEGIN {printf "%d", a / 8}')
echo "submit at ${RATE}/s (half of 25 % of the anchor), 4 connections, ${SECONDS_RUN}s:"
STEADY=$(python3 "$ROOT/bench/submit-at-rate.py" "http://127.0.0.1:$PORT" "$RATE" "$SECONDS_RUN")
echo "  $STEADY"
result submit.rps "$SUBMIT_RATE"
result submit.p99 "$(awk '/^p99/ {print $2}' <<<"$SUBMIT")"
result submit.anchor_tps "$ANCHOR"
result submit.steady_rate "$RATE"
result submit.steady "$(sed -E 's/.*\(([0-9]+)\/s\).*p99 ([0-9.]+) ms.*/\1 \2/' <<<"$STEADY")"
if [[ $QUEUE_MODE == submit-only ]]; then exit 0; fi

echo "generating $N declarations ..."
start=$(date +%s)
psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -U declaration -d declaration_bench -v n="$N" -f "$HERE/generate.sql"
echo "generated in $(( $(date +%s) - start ))s"
fi
echo "$(psql_bench -c 'select count(*) from declaration') declarations, $(psql_bench -c "select count(*) from declaration where organisation = 'POLITIE' and in_review") open at POLITIE"

TOKEN=$(python3 "$ROOT/bench/keycloak-login.py" officer.politie)
wrk -t1 -c4 -d10s -s queue.lua "http://127.0.0.1:$PORT" > /dev/null   # warm-up
echo "review queue, 1 thread, 4 connections, ${SECONDS_RUN}s:"
QUEUE=$(wrk -t1 -c4 -d"${SECONDS_RUN}s" -s queue.lua "http://127.0.0.1:$PORT" | grep -E '^(requests|p[0-9]+)|Requests/sec')
echo "$QUEUE"
result queue.p95 "$(awk '/^p95/ {print $2}' <<<"$QUEUE")"
result queue.declarations "$(psql_bench -c 'select count(*) from declaration')"
