#!/usr/bin/env python3
"""Lines for Kafka's console producer (headers, key, value): declaration-submitted CloudEvents.

  events.py COUNT [PER_SECOND]   PER_SECOND 0 (default) writes them all at once.
The employer name carries the epoch milliseconds at which the line was written, so the alert's
summary tells how long the event took to become an alert.
"""
import json
import sys
import time
import uuid

count = int(sys.argv[1])
rate = float(sys.argv[2]) if len(sys.argv) > 2 else 0
if rate:
    time.sleep(3)  # let the console producer start first, so its start-up is not counted as latency
start = time.time()
for i in range(count):
    if rate:
        delay = start + i / rate - time.time()
        if delay > 0:
            time.sleep(delay)
    declaration = str(uuid.uuid4())
    payload = {"declarationId": declaration, "alumnusId": str(uuid.uuid4()), "organisation": "POLITIE",
               "employerName": "T%d" % int(time.time() * 1000), "sector": "ICT", "role": "Bench",
               "startDate": "2027-03-01"}
    headers = "ce_id:%s,ce_type:nl.integrity.declaration.submitted.v1,ce_specversion:1.0,ce_source:/bench" % uuid.uuid4()
    sys.stdout.write("%s\t%s\t%s\n" % (headers, declaration, json.dumps(payload, separators=(",", ":"))))
    if rate:
        sys.stdout.flush()
sys.stdout.flush()
