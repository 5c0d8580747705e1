#!/usr/bin/env python3
"""Logs a demo user in at the gateway the way a browser does (code flow with PKCE through Keycloak's
login form) and prints the gateway's session cookies as one Cookie header value.

    bench/gateway/portal-login.py officer.politie [http://localhost:8080]
"""
import html
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(url, cookies, data=None):
    req = urllib.request.Request(url, data=data)
    if cookies:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        response = OPENER.open(req)
    except urllib.error.HTTPError as e:
        response = e
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        if value and "max-age=0" not in header.lower():
            cookies[name.strip()] = value
        else:
            cookies.pop(name.strip(), None)
    return response


def login(user, gateway="http://localhost:8080", password="demo"):
    gateway_cookies, keycloak_cookies = {}, {}
    start = request(gateway + "/login", gateway_cookies)
    form = request(start.headers["Location"], keycloak_cookies)
    action = html.unescape(re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', form.read().decode()).group(1))
    body = urllib.parse.urlencode({"username": user, "password": password, "credentialId": ""}).encode()
    callback = request(action, keycloak_cookies, body).headers["Location"]
    response = request(callback, gateway_cookies)
    while response.status in (302, 303) and response.headers["Location"].startswith(("/", gateway)):
        location = response.headers["Location"]
        response = request(location if location.startswith("http") else gateway + location, gateway_cookies)
    return gateway_cookies


if __name__ == "__main__":
    cookies = login(sys.argv[1], *(sys.argv[2:3]))
    print("; ".join(f"{k}={v}" for k, v in cookies.items() if k.startswith("q_session")))
