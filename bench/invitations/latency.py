#!/usr/bin/env python3
"""From the HR system's registration to the invitation in the mailbox, on the running demo platform
(deploy/local/platform up): registers N departures with fresh e-mail addresses through the gateway
with the HR system's client credentials, one at a time, and times each until Keycloak's invitation
mail is at GreenMail (polled every 20 ms). Prints the median and p90 in seconds.
Usage: bench/invitations/latency.py [N=20]. The records it makes are ordinary demo records (BENCH-...)."""
import json, statistics, sys, time, urllib.parse, urllib.request, uuid

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20
GATEWAY = "http://localhost:8080"
MAIL = "http://127.0.0.1:8025/api/user/{}/messages/INBOX"
token = json.loads(urllib.request.urlopen(
    "http://localhost:8180/realms/integrity/protocol/openid-connect/token",
    urllib.parse.urlencode(dict(grant_type="client_credentials", client_id="hr-politie",
                                client_secret="hr-politie-demo-secret")).encode()).read())["access_token"]


def invitation_arrived(address):
    try:
        messages = json.loads(urllib.request.urlopen(MAIL.format(address)).read())
    except urllib.error.HTTPError:
        return False  # GreenMail knows no such user until its first mail
    return any("/login-actions/action-token" in m.get("mimeMessage", "") for m in messages)


times = []
for i in range(N):
    suffix = uuid.uuid4().hex[:8]
    address = f"bench-{suffix}@bench.integrity.example.nl"
    body = json.dumps({"organisation": "POLITIE", "personnelNumber": f"BENCH-{suffix}", "fullName": "Bench Leaver",
                       "email": address, "functions": [{"functionCode": "REC-DIG", "from": "2020-01-01"}],
                       "departureDate": "2027-03-31", "departureReason": "VOLUNTARY"}).encode()
    request = urllib.request.Request(GATEWAY + "/api/departures", body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    start = time.monotonic()
    with urllib.request.urlopen(request) as response:
        assert response.status == 201, response.status
    registered = time.monotonic()
    while not invitation_arrived(address):
        if time.monotonic() - registered > 60:
            raise SystemExit(f"no invitation for {address} within 60 s")
        time.sleep(0.02)
    times.append(time.monotonic() - start)
times.sort()
print(f"{N} registrations: registration to invitation in the mailbox, median {statistics.median(times):.2f} s, "
      f"p90 {times[int(0.9 * (N - 1))]:.2f} s, max {times[-1]:.2f} s")
