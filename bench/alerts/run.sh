#!/usr/bin/env bash
# Declaration -> alert, end to end on the real broker: an alumnus submits declarations at a steady rate to
# declaration-service; each is committed with its events in the outbox, published by the relay, consumed by
# notification-service and stored as an alert for the office. Latency per declaration: from its submitted_at
# (set in the submitting transaction, a little before its commit) to its first alert's raised_at, same clock.
# The anchor, in the same run: Kafka's own end-to-end latency tool (EndToEndLatency: produce one record with
# acks=all, consume it, repeat) on a topic of its own.
#   bench/alerts/run.sh [seconds=20] [rate=100]
# Needs the infrastructure (deploy/local/platform infra) and built service jars. Uses databases of its own
# (declaration_bench, notification_bench), the test.* topics and consumer groups of its own, ports 8192/8193.
set -euo pipefail
SECONDS_RUN=${1:-20}
RATE=${2:-100}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
result() { [[ -z ${BENCH_RESULTS:-} ]] || echo "$1 $2" >>"$BENCH_RESULTS"; }  # for bench/all
KAFKA_CP="${INTEGRITY_STATE_DIR:-$HOME/.local/state/integrity-platform}/runtime/kafka-4.4.0/*"
psql_admin() { psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres "$@"; }
for port in 8192 8193; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then echo "port $port is taken" >&2; exit 1; fi
done
for db in declaration notification; do
  psql_admin -d postgres -c "drop database if exists ${db}_bench with (force)" -c "create database ${db}_bench owner $db"
done
GROUP=alerts-bench-$$
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
start_service() { # name port env...
  local name=$1 port=$2; shift 2
  env "$@" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${name%-service}_bench" \
    QUARKUS_DATASOURCE_PASSWORD="${name%-service}" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT=$((port + 1000)) \
    PLATFORM_TOPIC_PREFIX=test. java -Xmx512m -XX:+UseSerialGC -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" \
    > "/tmp/$name-alerts-bench.log" 2>&1 &
  PIDS+=($!)
}
start_service declaration-service 8192 \
  MP_MESSAGING_INCOMING_ALUMNI_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_ALUMNI_EVENTS_AUTO_OFFSET_RESET=latest \
  MP_MESSAGING_INCOMING_FUNCTION_PROFILE_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_FUNCTION_PROFILE_EVENTS_AUTO_OFFSET_RESET=latest
start_service notification-service 8193 \
  MP_MESSAGING_INCOMING_DECLARATION_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_DECLARATION_EVENTS_AUTO_OFFSET_RESET=latest \
  MP_MESSAGING_INCOMING_ALUMNI_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_ALUMNI_EVENTS_AUTO_OFFSET_RESET=latest
for port in 9192 9193; do
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a service did not start; see /tmp/*-alerts-bench.log" >&2; exit 1; }; done
    sleep 0.5
  done
done
psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U declaration -d declaration_bench <<'SQL'
insert into known_alumnus (alumnus_id, organisation, personnel_number, full_name, departure_date, departure_reason, status,
                           last_function, record_version, anonymised, updated_at)
values (gen_random_uuid(), 'POLITIE', 'P100001', 'Pieter de Vries', date '2026-09-30', 'VOLUNTARY', 'DEPARTED',
        'REC-DIG', 0, false, now());
SQL
count() { psql -qAt -h 127.0.0.1 -U notification -d notification_bench -c "select count(distinct declaration_id) from alert"; }
export TOKEN
TOKEN=$(python3 "$ROOT/bench/keycloak-login.py" alumnus.politie)
# notification-service joins its new group at the latest offset: submit one at a time until one becomes an alert.
until [[ $(count) -gt 0 ]]; do python3 "$ROOT/bench/submit-at-rate.py" http://127.0.0.1:8192 1 1 > /dev/null; sleep 1; done
# Warm-up at the same rate (the JIT, the pools), then the measured run.
python3 "$ROOT/bench/submit-at-rate.py" http://127.0.0.1:8192 "$RATE" 15 > /dev/null
until [[ $(count) -ge $(psql -qAt -h 127.0.0.1 -U declaration -d declaration_bench -c "select count(*) from declaration") ]]; do sleep 0.5; done
FROM=$(date -u +'%Y-%m-%d %H:%M:%S.%N+00')
echo "declaration -> alert: ${SECONDS_RUN}s at ${RATE}/s:"
SENT=$(python3 "$ROOT/bench/submit-at-rate.py" http://127.0.0.1:8192 "$RATE" "$SECONDS_RUN")
echo "  $SENT"
SUBMITTED=$(psql -qAt -h 127.0.0.1 -U declaration -d declaration_bench -c "select count(*) from declaration where submitted_at >= '$FROM'")
for _ in $(seq 120); do [[ $(count) -ge $(psql -qAt -h 127.0.0.1 -U declaration -d declaration_bench -c "select count(*) from declaration") ]] && break; sleep 0.5; done
LATENCIES=$(join -t, \
  <(psql -qAt -F, -h 127.0.0.1 -U declaration -d declaration_bench \
      -c "select id, extract(epoch from submitted_at) * 1000 from declaration where submitted_at >= '$FROM' order by 1") \
  <(psql -qAt -F, -h 127.0.0.1 -U notification -d notification_bench \
      -c "select declaration_id, min(extract(epoch from raised_at)) * 1000 from alert group by 1 order by 1") \
  | awk -F, '{print $3 - $2}' | sort -n)
ALERTED=$(wc -l <<<"$LATENCIES")
pct() { awk -v p="$1" '{a[NR] = $1} END {i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", a[i]}' <<<"$LATENCIES"; }
P50=$(pct 50); P99=$(pct 99)
echo "  $ALERTED of $SUBMITTED declarations became alerts; commit -> alert stored: p50 $P50 ms, p99 $P99 ms, max $(pct 100) ms"

echo "anchor: Kafka's end-to-end latency (EndToEndLatency, acks=all, 600-byte records, 2,000 records):"
ANCHOR=$(java -Xmx256m -cp "$KAFKA_CP" org.apache.kafka.tools.EndToEndLatency 127.0.0.1:9092 test.bench.e2e-latency 2000 all 600 2>/dev/null \
  | sed -n 's/^Percentiles: 50th = \([0-9.]*\), 99th = \([0-9.]*\), .*/\1 \2/p')
KAFKA_P50=${ANCHOR% *}; KAFKA_P99=${ANCHOR#* }
echo "  p50 $KAFKA_P50 ms, p99 $KAFKA_P99 ms"
SENT_RATE=$(sed -E 's/.*\(([0-9]+)\/s\).*/\1/' <<<"$SENT")
result alerts.p50 "$P50"; result alerts.p99 "$P99"; result alerts.kafka_p99 "$KAFKA_P99"; result alerts.rate "$SENT_RATE"
echo "alert p99 / Kafka p99: $(awk -v a="$P99" -v k="$KAFKA_P99" 'BEGIN {printf "%.1f", a / (k > 0 ? k : 1)}') (goal <= 2)"
