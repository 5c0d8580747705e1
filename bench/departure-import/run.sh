#!/usr/bin/env bash
# Bulk import throughput: uploads N departures (default 100000) as CSV to an alumni-service of its
# own (port 8194, database alumni_bench; events go to the test.* topics) and times the import
# until it completes, printing progress; a first import of N/5 other people warms the JVM up, as
# on a service that has imported before (its rate is printed too). The anchor, in the same run: PostgreSQL's COPY of the same
# rows into the same table (alumnus; removed again before the import). The logins the rows owe are
# recorded, as in production, but not made: the worker is off (ALUMNI_ACCOUNTS_ENABLED=false), so no
# user lands in the demo realm and Keycloak does not compete for the 2 cores. Needs the infrastructure (deploy/local/platform infra)
# and a built alumni-service jar.
#   bench/departure-import/run.sh [rows=100000]
set -euo pipefail
N=${1:-100000}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
result() { [[ -z ${BENCH_RESULTS:-} ]] || echo "$1 $2" >>"$BENCH_RESULTS"; }  # for bench/all
PORT=8194
CSV=$(mktemp --suffix=.csv)
psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres -d postgres \
  -c "drop database if exists alumni_bench with (force)" -c "create database alumni_bench owner alumni"
PLATFORM_TOPIC_PREFIX=test. QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/alumni_bench \
QUARKUS_DATASOURCE_PASSWORD=alumni QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) \
  QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET=alumni-accounts-demo-secret ALUMNI_ACCOUNTS_ENABLED=false \
  java -Xmx512m -XX:+UseSerialGC -jar "$ROOT/alumni-service/target/quarkus-app/quarkus-run.jar" > /tmp/alumni-import-bench.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; rm -f "$CSV" "$CSV.copy" "$CSV.warmup"' EXIT
"$HERE/generate-csv.sh" "$N" > "$CSV"
echo "CSV: $N rows, $(du -h "$CSV" | cut -f1)"
until curl -fsS "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done

# The anchor: the CSV's rows as alumnus rows (the current function as last_function), with COPY.
awk -F, 'NR > 1 {
  match($0, /"[^"]*"/); name = substr($0, RSTART, RLENGTH); rest = substr($0, RSTART + RLENGTH + 1); split(rest, f, ",");
  n = split(f[5], fns, ";"); split(fns[n], last, ":");
  printf "%08x-0000-4000-8000-000000000000,%s,C%s,%s,%s,%s,%s,%s,DEPARTED,2026-12-01 00:00:00+00,%s\n",
    NR, $1, substr($2, 2), name, f[1], f[2], f[3], f[4], last[1] }' "$CSV" > "$CSV.copy"
copy_start=$(date +%s.%N)
psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U alumni -d alumni_bench -c "\\copy alumnus (id, organisation, personnel_number, full_name, email, unit, departure_date, departure_reason, status, registered_at, last_function) from '$CSV.copy' with (format csv)"
COPY_SECONDS=$(echo "$(date +%s.%N) - $copy_start" | bc)
echo "anchor: COPY of the same $N rows into alumnus: ${COPY_SECONDS}s"
psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U alumni -d alumni_bench -c "delete from alumnus where personnel_number like 'C%'"
rm -f "$CSV.copy"

TOKEN=$(curl -fsS -d grant_type=client_credentials -d client_id=hr-politie -d client_secret=hr-politie-demo-secret \
  http://localhost:8180/realms/integrity/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

# Uploads a CSV and follows the import until it ends; sets SECONDS_TAKEN (upload to completion).
import_csv() {
  local csv=$1 start location job status
  start=$(date +%s.%N)
  location=$(curl -fsS -D - -o /dev/null -X POST "http://127.0.0.1:$PORT/api/departures/imports" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$csv" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  while :; do
    job=$(curl -fsS "$location" -H "Authorization: Bearer $TOKEN")
    status=$(sed -E 's/.*"status":"([A-Z]+)".*/\1/' <<<"$job")
    printf '  %6.1fs %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(sed -E 's/.*("rowsRead":[0-9]+,"imported":[0-9]+,"alreadyRegistered":[0-9]+,"rejected":[0-9]+).*/\1/' <<<"$job")"
    [[ $status == COMPLETED || $status == FAILED ]] && break
    sleep 1
  done
  [[ $status == COMPLETED ]] || { echo "import $status" >&2; exit 1; }
  SECONDS_TAKEN=$(echo "$(date +%s.%N) - $start" | bc)
}

# Cold: the service's first import, the JIT compiling the path as it goes (reported, not the ratio).
# Then the measured import, as on a service that has imported before: other people, same shape.
WARMUP=${WARMUP:-$((N / 5))}
"$HERE/generate-csv.sh" "$WARMUP" W > "$CSV.warmup"
echo "first import ($WARMUP rows, cold JVM):"
import_csv "$CSV.warmup"
COLD=$SECONDS_TAKEN
echo "cold: $(echo "$WARMUP / $COLD" | bc) rows/s"
echo "measured import ($N rows):"
import_csv "$CSV"
echo "total ${SECONDS_TAKEN}s; $(echo "$N / $SECONDS_TAKEN" | bc) rows/s"
result import.seconds "$SECONDS_TAKEN"; result import.copy_seconds "$COPY_SECONDS"; result import.rows "$N"
result import.cold_rows_per_second "$(echo "$WARMUP / $COLD" | bc)"
echo "import / COPY: $(echo "scale=1; $SECONDS_TAKEN / $COPY_SECONDS" | bc) (goal <= 5)"
