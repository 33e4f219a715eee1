#!/usr/bin/env python3
"""A pass-through HTTP proxy in front of the real ClickHouse server, for the spool test: it
forwards every request, except that while the file DOWN exists it answers INSERTs with 503 as
an overloaded or restarting server would.

Usage: flaky_proxy.py UPSTREAM_PORT DOWN_FILE PORTFILE
"""
import http.client
import http.server
import os
import sys

upstream, down, portfile = int(sys.argv[1]), sys.argv[2], sys.argv[3]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if os.path.exists(down) and "INSERT" in self.path.upper():
            msg = b"service unavailable (test)"
            self.send_response(503)
            self.send_header("Content-Length", str(len(msg)))
            self.end_headers()
            self.wfile.write(msg)
            return
        c = http.client.HTTPConnection("127.0.0.1", upstream, timeout=60)
        c.request("POST", self.path, body)
        r = c.getresponse()
        data = r.read()
        self.send_response(r.status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(portfile + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(portfile + ".tmp", portfile)
server.serve_forever()
