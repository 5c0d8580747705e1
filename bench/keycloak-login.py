#!/usr/bin/env python3
"""Prints an access token of a demo user, logged in through Keycloak's real login form with the
portal client's authorization code flow and PKCE (as a browser would). Usage: keycloak-login.py USER [PASSWORD]
The realm is KEYCLOAK_REALM, by default the demo realm integrity."""
import sys, re, html, hashlib, base64, os, json, urllib.parse, http.cookiejar, urllib.request
user = sys.argv[1]
password = sys.argv[2] if len(sys.argv) > 2 else "demo"
kc = "http://localhost:8180/realms/" + os.environ.get("KEYCLOAK_REALM", "integrity") + "/protocol/openid-connect"
verifier = base64.urlsafe_b64encode(os.urandom(32)).rstrip(b'=').decode()
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b'=').decode()
redirect = "http://localhost:8080/callback"
cj = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj), NoRedirect)
q = urllib.parse.urlencode(dict(client_id="integrity-portal", response_type="code", scope="openid", redirect_uri=redirect, code_challenge=challenge, code_challenge_method="S256", state="x"))
r0 = opener.open(f"{kc}/auth?{q}"); cookies = "; ".join(c.split(";")[0] for c in r0.headers.get_all("Set-Cookie")); page = r0.read().decode()
action = html.unescape(re.search(r'action="([^"]+)"', page).group(1))
try:
    opener.open(urllib.request.Request(action, urllib.parse.urlencode(dict(username=user, password=password, credentialId="")).encode(), headers={"Cookie": cookies}))
    raise SystemExit("no redirect")
except urllib.error.HTTPError as e:
    loc = e.headers["Location"]
code = urllib.parse.parse_qs(urllib.parse.urlparse(loc).query)["code"][0]
tok = json.loads(urllib.request.urlopen(f"{kc}/token", urllib.parse.urlencode(dict(grant_type="authorization_code", client_id="integrity-portal", code=code, redirect_uri=redirect, code_verifier=verifier)).encode()).read())
print(tok["access_token"])
