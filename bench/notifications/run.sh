#!/usr/bin/env bash
# notification-service under load, on the real broker:
#   1. throughput: N declaration events at once -> alerts/s, and webhook deliveries/s to a local receiver;
#   2. latency: events at a steady rate -> p50/p99 from the event being written to its alert being stored.
#   bench/notifications/run.sh [events=10000] [latency-events=2000] [rate=100]
# Needs the infrastructure (deploy/local/platform infra) and a built notification-service jar. Uses a
# database of its own (notification_bench), the test.* topics and a consumer group of its own; the
# service runs on port 8193, the receiver on 8199.
set -euo pipefail
N=${1:-10000}
LATENCY_N=${2:-2000}
RATE=${3:-100}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=8193
RECEIVER_PORT=8199
KAFKA_CP="${INTEGRITY_STATE_DIR:-$HOME/.local/state/integrity-platform}/runtime/kafka-4.4.0/*"
psql_admin() { psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres "$@"; }
psql_bench() { psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U notification -d notification_bench "$@"; }
produce() {
  java -Xmx256m -cp "$KAFKA_CP" org.apache.kafka.tools.ConsoleProducer --bootstrap-server 127.0.0.1:9092 \
    --topic test.declaration.events --timeout 0 --command-property linger.ms=0 --reader-property parse.key=true --reader-property parse.headers=true \
    --reader-property key.separator=$'\t' --reader-property headers.delimiter=$'\t' 2>/dev/null
}
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then echo "port $PORT is taken" >&2; exit 1; fi

psql_admin -d postgres -c "drop database if exists notification_bench with (force)" -c "create database notification_bench owner notification"
python3 "$HERE/receiver.py" $RECEIVER_PORT &
RECEIVER=$!
GROUP=notification-bench-$$
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/notification_bench QUARKUS_DATASOURCE_PASSWORD=notification \
QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) PLATFORM_TOPIC_PREFIX=test. \
MP_MESSAGING_INCOMING_DECLARATION_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_DECLARATION_EVENTS_AUTO_OFFSET_RESET=latest \
MP_MESSAGING_INCOMING_ALUMNI_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_ALUMNI_EVENTS_AUTO_OFFSET_RESET=latest \
java -Xmx512m -XX:+UseSerialGC -jar "$ROOT/notification-service/target/quarkus-app/quarkus-run.jar" \
  > /tmp/notification-bench.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE $RECEIVER 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1; do
  kill -0 $SERVICE 2>/dev/null || { echo "notification-service did not start; see /tmp/notification-bench.log" >&2; exit 1; }
  sleep 0.5
done

TOKEN=$(python3 "$ROOT/bench/keycloak-login.py" admin)
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"nl.integrity.declaration.submitted.v1\"]}" \
  "http://127.0.0.1:$PORT/api/webhook-subscriptions"

# The consumer joins its new group at the latest offset: publish one event at a time until one is taken.
until [[ $(psql_bench -c 'select count(*) from alert') -gt 0 ]]; do
  python3 "$HERE/events.py" 1 | produce
  sleep 1
done
until [[ $(psql_bench -c "select count(*) from delivery where status <> 'SENT'") == 0 ]]; do sleep 0.5; done
psql_bench -c "delete from delivery" -c "delete from alert"

echo "throughput: $N events at once ..."
python3 "$HERE/events.py" "$N" | produce
until [[ $(psql_bench -c 'select count(*) from alert') -ge $N ]]; do sleep 0.5; done
until [[ $(psql_bench -c "select count(*) from delivery where status = 'SENT'") -ge $N ]]; do sleep 0.5; done
psql_bench <<'SQL'
select format('  alerts:     %s in %s s = %s alerts/s', count(*), round(extract(epoch from max(raised_at) - min(raised_at))::numeric, 1),
              round(count(*) / nullif(extract(epoch from max(raised_at) - min(raised_at)), 0))) from alert;
select format('  webhooks:   %s sent in %s s = %s deliveries/s (first queued to last sent)', count(*),
              round(extract(epoch from max(sent_at) - min(created_at))::numeric, 1),
              round(count(*) / nullif(extract(epoch from max(sent_at) - min(created_at)), 0))) from delivery where status = 'SENT';
SQL
psql_bench -c "delete from delivery" -c "delete from alert"

echo "latency: $LATENCY_N events at $RATE/s ..."
python3 "$HERE/events.py" "$LATENCY_N" "$RATE" | produce
until [[ $(psql_bench -c 'select count(*) from alert') -ge $LATENCY_N ]]; do sleep 0.5; done
psql_bench <<'SQL'
with l as (
  select extract(epoch from raised_at) * 1000 - substring(summary from ' at T([0-9]+) ')::bigint as ms from alert)
select format('  event written -> alert stored: p50 %s ms, p99 %s ms, max %s ms (%s events)',
              round(percentile_cont(0.5) within group (order by ms)::numeric),
              round(percentile_cont(0.99) within group (order by ms)::numeric), round(max(ms)::numeric), count(*)) from l;
SQL
psql_admin -d postgres -c "drop database if exists notification_bench with (force)" 2>/dev/null || true
