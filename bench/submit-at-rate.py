#!/usr/bin/env python3
"""Submits declarations at a steady rate, whatever the answers' times (open loop).

  submit-at-rate.py URL RATE SECONDS      TOKEN (the alumnus' access token) comes from the environment.
Four threads, each with its own keep-alive connection, take the planned send times in turn; a
send that is late goes at once. Prints what was sent, the rate reached, the failures, and the
latency p50/p99 counted from each request's planned time (so a late send counts its wait too).
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

url, rate, seconds = urllib.parse.urlparse(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
token = os.environ["TOKEN"]
total = int(rate * seconds)
start = time.time() + 0.5
lock = threading.Lock()
state = {"next": 0, "ok": 0, "failed": 0}
latencies = []
sectors = ["ICT", "PRIVATE_SECURITY", "HOSPITALITY", "CYBER_SECURITY", "AVIATION", "CONSULTANCY"]


def body(i):
    return json.dumps({"employerName": "Alert Bench %d BV" % i, "kvkNumber": "%08d" % (20000000 + i), "country": "NL",
                       "sector": sectors[i % len(sectors)], "role": "Consultant", "duties": "Advises clients",
                       "startDate": "2027-0%d-01" % (1 + i % 9), "paid": True, "hoursPerWeek": 32,
                       "selfEmployed": False, "expectsContact": False, "usesKnowledge": False})


def worker():
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    while True:
        with lock:
            i = state["next"]
            if i >= total:
                return
            state["next"] = i + 1
        planned = start + i / rate
        delay = planned - time.time()
        if delay > 0:
            time.sleep(delay)
        try:
            connection.request("POST", "/api/declarations", body(i),
                               {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            outcome = "ok" if response.status == 201 else "failed"
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            outcome = "failed"
        with lock:
            state[outcome] += 1
            latencies.append(time.time() - planned)


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
latencies.sort()


def percentile(p):
    return 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] if latencies else 0


print("sent %d in %.1f s (%.0f/s), %d failed; p50 %.1f ms, p99 %.1f ms" % (
    state["ok"] + state["failed"], elapsed, total / elapsed, state["failed"], percentile(50), percentile(99)))
