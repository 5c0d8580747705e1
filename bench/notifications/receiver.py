#!/usr/bin/env python3
"""A webhook receiver for the benchmark: answers 204 to every POST, many at a time."""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep connections open, as a real receiver would

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default backlog of 5 drops parallel connects, which then wait a second to retry
    daemon_threads = True


Server(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
