#!/usr/bin/env python3
"""The alumnus' access export (GET /api/me/export, every service's part assembled by the gateway), timed
against an anchor in the same run: the alumnus' own record (GET /api/alumni/me) through the same gateway.
Runs against the end-to-end platform by default, so the demo data stays untouched:
    deploy/local/platform e2e up 1 && bench/privacy/export.py [ROUNDS=20] ; deploy/local/platform e2e down
The alumnus is the realm's alumnus.politie (P100001); it is registered if it is not, and given declarations
until it has 20. Prints median and p90 of both, the ratio of the medians, and the archive's size.
Settings: GATEWAY (http://localhost:18080), KEYCLOAK_REALM (integrity-test)."""
import json, os, statistics, subprocess, sys, time, urllib.error, urllib.parse, urllib.request

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
GATEWAY = os.environ.get("GATEWAY", "http://localhost:18080")
REALM = os.environ.setdefault("KEYCLOAK_REALM", "integrity-test")
HERE = os.path.dirname(os.path.abspath(__file__))


def call(method, path, token, body=None):
    request = urllib.request.Request(GATEWAY + path, None if body is None else json.dumps(body).encode(), method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


hr = json.loads(urllib.request.urlopen(
    f"http://localhost:8180/realms/{REALM}/protocol/openid-connect/token",
    urllib.parse.urlencode(dict(grant_type="client_credentials", client_id="hr-politie",
                                client_secret="hr-politie-demo-secret")).encode()).read())["access_token"]
status, _ = call("POST", "/api/departures", hr, {
    "organisation": "POLITIE", "personnelNumber": "P100001", "fullName": "Pieter de Vries",
    "functions": [{"functionCode": "REC-DIG", "from": "2020-01-01"}],
    "departureDate": "2026-09-30", "departureReason": "VOLUNTARY"})
assert status in (200, 201, 409), status
alumnus = subprocess.check_output([sys.executable, os.path.join(HERE, "..", "keycloak-login.py"), "alumnus.politie"],
                                  text=True).strip()
declaration = {"employerName": "Bench Export BV", "kvkNumber": "12345678", "country": "NL", "sector": "ICT", "role": "Developer",
               "duties": "Builds software", "startDate": "2027-02-01", "paid": True, "hoursPerWeek": 36,
               "selfEmployed": False, "expectsContact": False, "usesKnowledge": False}
deadline = time.monotonic() + 60
while True:
    status, body = call("GET", "/api/declarations?size=100", alumnus)
    have = json.loads(body)["total"] if status == 200 else 0
    if have >= 20:
        break
    status, body = call("POST", "/api/declarations", alumnus, declaration)
    if status == 422 and time.monotonic() < deadline:  # the registration has not reached declaration-service yet
        time.sleep(0.2)
        continue
    assert status == 201, (status, body[:300])


def timed(path):
    start = time.monotonic()
    status, body = call("GET", path, alumnus)
    assert status == 200, (path, status, body[:300])
    return time.monotonic() - start, len(body)


for _ in range(3):  # warm up both paths
    timed("/api/me/export"), timed("/api/alumni/me")
exports, anchors, size = [], [], 0
for _ in range(ROUNDS):  # alternating, so both see the same machine
    t, size = timed("/api/me/export")
    exports.append(t)
    anchors.append(timed("/api/alumni/me")[0])
p90 = lambda xs: sorted(xs)[max(0, int(len(xs) * 0.9) - 1)]
print(f"declarations held: {have}; archive: {size / 1024:.1f} KiB; rounds: {ROUNDS}")
print(f"GET /api/me/export (zip): median {statistics.median(exports) * 1000:.0f} ms, p90 {p90(exports) * 1000:.0f} ms")
print(f"GET /api/alumni/me (anchor): median {statistics.median(anchors) * 1000:.1f} ms, p90 {p90(anchors) * 1000:.1f} ms")
print(f"ratio export / anchor (medians): {statistics.median(exports) / statistics.median(anchors):.1f}")
