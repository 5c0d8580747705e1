#!/usr/bin/env bash
# Submissions per second through one gateway and through two, in one run, with two instances of every
# service behind them: 3 alternating rounds of each, wrk with the same number of connections in all.
#   bench/instances/run.sh [seconds=20] [connections=4]
# Runs on the end-to-end platform (deploy/local/platform e2e up 2: its own *_e2e databases, e2e.* topics, realm
# integrity-test), started here with the rate limits out of reach and stopped afterwards, so the demo platform's
# data stays as it is. Needs the infrastructure (deploy/local/platform infra) and wrk.
set -euo pipefail
SECONDS_RUN=${1:-20}
CONNECTIONS=${2:-4}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PLATFORM=$ROOT/deploy/local/platform
G1=http://127.0.0.1:18080
G2=http://127.0.0.1:18090
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

GATEWAY_RATE_LIMIT_USER_PER_MINUTE=1000000000 QUARKUS_LOG_CATEGORY__GATEWAY_ACCESS__LEVEL=WARN \
QUARKUS_HTTP_ACCESS_LOG_ENABLED=false "$PLATFORM" e2e up 2
trap '"$PLATFORM" e2e down' EXIT

# The test realm's demo alumnus, registered on the end-to-end platform by the HR system.
HR=$(curl -fsS -d grant_type=client_credentials -d client_id=hr-politie -d client_secret=hr-politie-demo-secret \
  http://localhost:8180/realms/integrity-test/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -fsS -o /dev/null -X POST "$G1/api/departures" -H "Authorization: Bearer $HR" -H 'Content-Type: application/json' \
  -d '{"organisation":"POLITIE","personnelNumber":"P100001","fullName":"Bench Alumnus","functions":[{"functionCode":"REC-DIG","from":"2021-01-01"}],"departureDate":"2026-09-30","departureReason":"VOLUNTARY"}'
export TOKEN
TOKEN=$(KEYCLOAK_REALM=integrity-test "$ROOT/bench/keycloak-login.py" alumnus.politie)
waited=0
until curl -fsS -o /dev/null "$G1/api/alumni/me" -H "Authorization: Bearer $TOKEN" \
  && [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "$G1/api/declarations?draft=true" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -d '{"employerName":"Warm-up BV","kvkNumber":"12345678","country":"NL","sector":"ICT","role":"R","duties":"D","startDate":"2027-01-01","paid":true,"hoursPerWeek":1,"selfEmployed":false,"expectsContact":false,"usesKnowledge":false}') == 201 ]]; do
  (( waited++ < 120 )) || { echo "declaration-service never learnt of the alumnus; see the e2e logs" >&2; exit 1; }
  sleep 0.5
done

cd "$ROOT/bench/declarations"
rate() { sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p'; }
one() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -s submit.lua "$G1" | rate; }
two() {
  local half=$(( CONNECTIONS / 2 )) a b
  a=$(mktemp) b=$(mktemp)
  wrk -t1 -c"$half" -d"${SECONDS_RUN}s" -s submit.lua "$G1" | rate >"$a" &
  wrk -t1 -c"$(( CONNECTIONS - half ))" -d"${SECONDS_RUN}s" -s submit.lua "$G2" | rate >"$b"
  wait
  awk -v a="$(cat "$a")" -v b="$(cat "$b")" 'BEGIN { printf "%.1f\n", a + b }'
  rm -f "$a" "$b"
}
wrk -t1 -c"$CONNECTIONS" -d10s -s submit.lua "$G1" >/dev/null   # warm-up: JIT, pools, caches
ones=() twos=()
for round in 1 2 3; do
  ones+=("$(one)")
  twos+=("$(two)")
  echo "round $round: one gateway ${ones[-1]} submissions/s, two gateways ${twos[-1]} submissions/s"
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
m1=$(median "${ones[@]}") m2=$(median "${twos[@]}")
echo "median: one gateway $m1/s, two gateways $m2/s, ratio $(awk -v a="$m2" -v b="$m1" 'BEGIN { printf "%.2f", a / b }')"
