#!/usr/bin/env bash
# Start-up and memory of each service and the gateway: the time from launching the JVM to its readiness
# check answering (polled every 50 ms), Quarkus' own "started in", and the resident memory after 10 s idle.
# Each is started once unmeasured (migrations, the page cache, and the class-data archive the platform makes on
# an instance's first run), then with the JVM flags the demo platform of deploy/local/platform uses and that
# archive, then with the same but the just-in-time compiler capped at C1 (-XX:TieredStopAtLevel=1, as the test
# platform's short-lived instances run).
#   bench/startup/run.sh
# Needs the infrastructure (deploy/local/platform infra) and built jars. Uses the bench databases
# (alumni_bench, declaration_bench, notification_bench; made when missing), the test.* topics, consumer groups
# of its own and port 8195 (management 9195).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
result() { [[ -z ${BENCH_RESULTS:-} ]] || echo "$1 $2" >>"$BENCH_RESULTS"; }  # for bench/all
PORT=8195
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then echo "port $PORT is taken" >&2; exit 1; fi
# The flags the local platform starts every instance with.
read -r -a PLATFORM_FLAGS < <(sed -n 's/.*setsid java \(.*-XX:[^ ]*\) *\\$/\1/p' "$ROOT/deploy/local/platform")
CAPPED_FLAGS=("${PLATFORM_FLAGS[@]}" -XX:TieredStopAtLevel=1)
GROUP=startup-bench-$$
PID=
trap '[[ -z $PID ]] || kill $PID 2>/dev/null || true' EXIT

environment() { # the service's settings on the bench databases and topics
  local svc=$1 db=${1%-service}
  echo QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) PLATFORM_TOPIC_PREFIX=test.
  case $svc in
    gateway)
      echo GATEWAY_CLIENT_SECRET=gateway-demo-secret GATEWAY_SESSION_SECRET=bench-session-secret-not-for-production \
           GATEWAY_STATE_KEY_PREFIX=bench-startup: ;;
    *)
      echo QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/${db}_bench QUARKUS_DATASOURCE_PASSWORD=$db
      # The channels the service consumes (an environment variable for a channel it lacks would make one up).
      for channel in $(sed -n 's/^mp\.messaging\.incoming\.\([a-z-]*\)\.connector=.*/\1/p' \
                         "$ROOT/$svc/src/main/resources/application.properties" | tr 'a-z-' 'A-Z_'); do
        echo MP_MESSAGING_INCOMING_${channel}_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_${channel}_AUTO_OFFSET_RESET=latest
      done
      [[ $svc != alumni-service ]] || echo QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET=alumni-accounts-demo-secret ;;
  esac
}

# Starts the service with the given flags; prints "ready-seconds quarkus-seconds rss-MB".
measure() { # service idle-seconds flags...
  local svc=$1 idle=$2; shift 2
  local log=/tmp/$svc-startup-bench.log start ready quarkus rss
  start=$(date +%s.%N)
  # shellcheck disable=SC2046 # the environment is words
  env $(environment "$svc") java "$@" -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  PID=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$((PORT + 1000))/q/health/ready" 2>/dev/null; do
    kill -0 $PID 2>/dev/null || { echo "$svc did not start; see $log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  quarkus=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$log" | head -1)
  sleep "$idle"
  rss=$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$PID/status")
  kill $PID; wait $PID 2>/dev/null || true; PID=
  printf '%.2f %s %s\n' "$ready" "${quarkus:--}" "$rss"
}

for db in alumni declaration notification; do
  psql -qAt -h 127.0.0.1 -U postgres -d postgres -c "select 1 from pg_database where datname = '${db}_bench'" | grep -q 1 \
    || psql -qAt -h 127.0.0.1 -U postgres -d postgres -c "create database ${db}_bench owner $db"
done
echo "JVM flags of deploy/local/platform: ${PLATFORM_FLAGS[*]}"
printf '  %-22s %24s %24s\n' "" "as the platform starts it" "JIT capped at C1"
printf '  %-22s %8s %8s %6s %8s %8s %6s\n' "" ready quarkus RSS ready quarkus RSS
CDS=$(mktemp -d)
trap '[[ -z $PID ]] || kill $PID 2>/dev/null || true; rm -rf "$CDS"' EXIT
for svc in alumni-service declaration-service notification-service gateway; do
  # The unmeasured start also leaves the class-data archive the platform makes on an instance's first run.
  measure "$svc" 0 "${PLATFORM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$CDS/$svc.jsa" >/dev/null
  [[ -s $CDS/$svc.jsa ]] || { echo "$svc: no class-data archive written" >&2; exit 1; }
  read -r ready quarkus rss < <(measure "$svc" 10 "${PLATFORM_FLAGS[@]}" -XX:SharedArchiveFile="$CDS/$svc.jsa")
  read -r ready2 quarkus2 rss2 < <(measure "$svc" 10 "${CAPPED_FLAGS[@]}" -XX:SharedArchiveFile="$CDS/$svc.jsa")
  printf '  %-22s %7ss %7ss %4sMB %7ss %7ss %4sMB\n' "$svc" "$ready" "$quarkus" "$rss" "$ready2" "$quarkus2" "$rss2"
  result "startup.$svc" "$ready $rss $ready2 $rss2"
done
echo "  ready: from launching the JVM to /q/health/ready answering; RSS: resident after 10 s idle (goals: <= 2 s, <= 200 MB)"
