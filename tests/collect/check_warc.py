#!/usr/bin/env python3
"""Checks WARC files the collector wrote, independently of its C++ reader: every record is its
own gzip member, starts with WARC/1.1, has the mandatory fields (WARC-Record-ID, WARC-Date,
WARC-Type, Content-Length), a Content-Length that matches its block, and block and payload
digests (sha1, base32) that match its bytes; each request record points at a response.

Usage: check_warc.py FILE...   Prints one JSON line per response record; exits 1 on the first
problem, naming the file and offset.
"""
import base64
import hashlib
import json
import sys
import zlib


def fail(msg):
    print("check_warc: " + msg, file=sys.stderr)
    sys.exit(1)


def digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def dechunk(body, where):
    out, pos = b"", 0
    while True:
        eol = body.index(b"\r\n", pos)
        size = int(body[pos:eol].split(b";")[0], 16)
        pos = eol + 2
        if size == 0:
            return out
        out += body[pos:pos + size]
        pos += size
        if body[pos:pos + 2] != b"\r\n":
            fail(f"{where}: bad chunk")
        pos += 2


ids, concurrent = set(), []
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    offset = 0
    while offset < len(data):
        d = zlib.decompressobj(31)
        rec = d.decompress(data[offset:])
        if not d.eof:
            fail(f"{path}#{offset}: truncated gzip member")
        member = len(data) - offset - len(d.unused_data)
        where = f"{path}#{offset}"
        head, sep, rest = rec.partition(b"\r\n\r\n")
        if not sep or not head.startswith(b"WARC/1.1\r\n"):
            fail(f"{where}: not a WARC/1.1 record")
        fields = {}
        for line in head.split(b"\r\n")[1:]:
            k, _, v = line.partition(b":")
            fields[k.decode().strip().lower()] = v.decode().strip()
        for k in ("warc-record-id", "warc-date", "warc-type", "content-length"):
            if k not in fields:
                fail(f"{where}: no {k}")
        n = int(fields["content-length"])
        block = rest[:n]
        if len(block) != n or rest[n:] != b"\r\n\r\n":
            fail(f"{where}: Content-Length {n} does not match the block")
        if "warc-block-digest" in fields and fields["warc-block-digest"] != digest(block):
            fail(f"{where}: block digest mismatch")
        ids.add(fields["warc-record-id"])
        if fields["warc-type"] == "request":
            concurrent.append((where, fields.get("warc-concurrent-to")))
        if fields["warc-type"] == "response":
            http_head, _, body = block.partition(b"\r\n\r\n")
            lines = http_head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {l.split(":", 1)[0].strip().lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
            payload = dechunk(body, where) if "chunked" in headers.get("transfer-encoding", "").lower() else body
            if "warc-payload-digest" in fields and fields["warc-payload-digest"] != digest(payload):
                fail(f"{where}: payload digest mismatch")
            print(json.dumps({"file": path, "offset": offset, "uri": fields.get("warc-target-uri"),
                              "status": status, "encoding": headers.get("content-encoding", ""),
                              "chunked": "chunked" in headers.get("transfer-encoding", "")}))
        offset += member
for where, target in concurrent:
    if target not in ids:
        fail(f"{where}: WARC-Concurrent-To {target} names no record")
