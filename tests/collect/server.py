#!/usr/bin/env python3
"""The collector tests' web site: a local HTTP/1.1 server on 127.0.0.1 with feeds, pages in
UTF-8, Windows-1250 and Windows-1251, a redirect, 304s, 429s and 503s, a slow page, a gzip page
sent chunked, a robots.txt that forbids a path, and a malformed feed. Every request is logged as
a JSON line (time, path, headers) so tests can check what was fetched, how often and how fast.

The outlet and people are fictional; the text is written for these tests.

Usage: server.py LOGFILE PORTFILE   (the chosen port is written to PORTFILE)
Control (not logged): GET /__control/up makes /news/down.html answer; /__control/publish adds an
item to the main feed.
"""
import gzip
import http.server
import json
import sys
import threading
import time

LOG, PORTFILE = sys.argv[1], sys.argv[2]
lock = threading.Lock()
state = {"up": False, "published": False, "flaky": 0, "limited": 0}


def page(title, body, charset="utf-8", meta=True, date="2026-11-20"):
    head = f'<meta charset="{charset}">' if meta else ""
    html = (f"<!DOCTYPE html><html lang=\"sr\"><head>{head}<title>{title}</title>"
            f"<meta property=\"article:published_time\" content=\"{date}T10:00:00Z\"></head>"
            f"<body><article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body) +
            "</article></body></html>")
    return html.encode(charset)


PAGES = {
    "/news/utf8.html": ("text/html; charset=utf-8", page(
        "Ministar Petrović o saradnji sa Kinom",
        ["Ministar spoljnih poslova Dragan Petrović rekao je u utorak da je saradnja sa Kinom stabilna.",
         "„Naši odnosi su dobri i biće još bolji“, rekao je Petrović novinarima u Beogradu."])),
    "/news/cp1250.html": ("text/html; charset=windows-1250", page(
        "Analitičarka Jelena Šarić: dijalog će se nastaviti",
        ["Analitičarka Jelena Šarić ocijenila je da će se dijalog nastaviti unatoč teškoćama.",
         "Ističe da su čelnici oprezni, ali da je napredak moguć."], charset="windows-1250", meta=False)),
    "/news/cp1251.html": ("text/html", page(
        "Министар Петровић о сарадњи са Кином",
        ["Министар спољних послова Драган Петровић рекао је да је сарадња са Кином стабилна.",
         "Ђорђе Ћирић, аналитичар, оценио је да ће односи бити још бољи."], charset="windows-1251")),
    "/news/moved.html": ("text/html; charset=utf-8", page(
        "Premijer Ilić najavio posetu Pekingu",
        ["Premijer Nikola Ilić najavio je da će sledećeg meseca posetiti Peking.",
         "Ilić je rekao da će razgovarati o infrastrukturnim projektima."])),
    "/news/flaky.html": ("text/html; charset=utf-8", page(
        "Poslanica Marković kritikovala vladu",
        ["Poslanica Ana Marković kritikovala je vladu zbog nedostatka transparentnosti.",
         "„Građani zaslužuju odgovore“, rekla je Marković."])),
    "/news/limited.html": ("text/html; charset=utf-8", page(
        "Ekonomista Lazić o investicijama",
        ["Ekonomista Milan Lazić rekao je da strane investicije rastu treću godinu zaredom.",
         "Lazić upozorava da rast zavisi od nekoliko velikih projekata."])),
    "/news/down.html": ("text/html; charset=utf-8", page(
        "Gradonačelnica Tomić otvorila most",
        ["Gradonačelnica Vesna Tomić otvorila je novi most preko reke.",
         "Tomić je rekla da će most skratiti putovanje za dvadeset minuta."])),
    "/news/slow.html": ("text/html; charset=utf-8", page(
        "Spora stranica", ["Ova stranica stiže presporo i sakupljač je odustaje od nje posle isteka vremena."])),
    "/news/gzip.html": ("text/html; charset=utf-8", page(
        "Ambasador Jovanović o vizama",
        ["Ambasador Stefan Jovanović rekao je da će vizni režim ostati nepromenjen.",
         "Jovanović je dodao da razgovori o olakšicama traju."])),
    "/news/new.html": ("text/html; charset=utf-8", page(
        "Nova vest: sastanak u Briselu",
        ["Pregovarači su se ponovo sastali u Briselu, rekao je portparol Luka Savić.",
         "Savić je rekao da je sastanak bio konstruktivan."], date="2026-11-28")),
    "/news/notes.txt": ("application/pdf", b"%PDF-1.4 not an article"),
    "/private/secret.html": ("text/html; charset=utf-8", page("Skriveno", ["Ovo ne sme biti preuzeto."])),
}

ITEMS = [
    ("Ministar Petrović o saradnji sa Kinom", "/news/utf8.html", ""),
    ("Analitičarka Šarić", "/news/cp1250.html", ""),
    ("Министар Петровић", "/news/cp1251.html", ""),
    ("Premijer Ilić najavio posetu", "/old/moved.html", ""),
    ("Poslanica Marković", "/news/flaky.html", ""),
    ("Ekonomista Lazić", "/news/limited.html", ""),
    ("Gradonačelnica Tomić", "/news/down.html", ""),
    ("Spora stranica", "/news/slow.html", ""),
    ("Ambasador Jovanović", "/news/gzip.html", ""),
    ("Dokument", "/news/notes.txt", ""),
    ("Zatvorena tema", "/private/secret.html",
     "Portparol Luka Savić rekao je da je tema zatvorena za javnost do daljnjeg."),
]
NEW_ITEM = ("Nova vest: sastanak u Briselu", "/news/new.html", "")


def feed(base, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>',
           "<title>Primer Vesti</title><link>" + base + "/</link><description>Test feed</description>"]
    for title, path, desc in items:
        out.append(f"<item><title>{title}</title><link>{base}{path}</link>"
                   f"<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>"
                   + (f"<description>{desc}</description>" if desc else "") + "</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up (the slow page's timeout) is part of the test


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if body or status == 200:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path.startswith("/__control/"):
            with lock:
                state[path.rsplit("/", 1)[1] if not path.endswith("publish") else "published"] = True
            return self.send(200, b"ok", "text/plain")
        with lock, open(LOG, "a") as f:
            f.write(json.dumps({"t": time.time(), "path": path, "host": self.headers.get("Host", ""),
                                "ua": self.headers.get("User-Agent", ""),
                                "inm": self.headers.get("If-None-Match", ""),
                                "ae": self.headers.get("Accept-Encoding", "")}) + "\n")
        base = "http://" + self.headers.get("Host", "127.0.0.1")
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n",
                             "text/plain")
        if path == "/feeds/main.xml":
            etag = '"v2"' if state["published"] else '"v1"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers=[("ETag", etag)])
            items = ITEMS + ([NEW_ITEM] if state["published"] else [])
            return self.send(200, feed(base, items), "application/rss+xml; charset=utf-8", [("ETag", etag)])
        if path == "/feeds/broken.xml":
            return self.send(200, b"<?xml version=\"1.0\"?><rss><channel><item><title>Broken",
                             "application/rss+xml")
        if path == "/feeds/sitemap.xml":
            body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<url><loc>{base}/news/utf8.html</loc><lastmod>2026-11-20</lastmod></url></urlset>").encode()
            return self.send(200, body, "application/xml")
        if path == "/old/moved.html":
            return self.send(301, headers=[("Location", "/news/moved.html")])
        if path == "/news/flaky.html":
            with lock:
                state["flaky"] += 1
                first = state["flaky"] == 1
            if first:
                return self.send(503, b"busy", "text/plain", [("Retry-After", "1")])
        if path == "/news/limited.html":
            with lock:
                state["limited"] += 1
                first = state["limited"] == 1
            if first:
                return self.send(429, b"slow down", "text/plain", [("Retry-After", "1")])
        if path == "/news/down.html" and not state["up"]:
            return self.send(503, b"maintenance", "text/plain")
        if path == "/news/slow.html":
            time.sleep(3)
        if path == "/news/gzip.html":
            ctype, body = PAGES[path]
            z = gzip.compress(body)
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(z), 100):
                chunk = z[i:i + 100]
                self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        if path in PAGES:
            ctype, body = PAGES[path]
            return self.send(200, body, ctype)
        return self.send(404, b"not found", "text/plain")


server = Server(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os  # noqa: E402
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
