#!/usr/bin/env bash
# The HTTP API against a real `parallax serve` on loopback: every endpoint, paging, errors as
# {"error":{"code","message"}} with the right status, security headers, read-only by default,
# token-protected ingest, body size limit, static files that cannot escape.
set -u
bin=$1
src=$2
source "$(dirname "$0")/lib.sh"
sample_workspace
start ro
printf 'a-long-enough-secret-token-123\n' > "$work/token"
start rw --allow-ingest --token-file "$work/token" --max-body 200000 --cors https://analyst.example

python3 - "$(cat "$work/ro.url")" "$(cat "$work/rw.url")" "$PARALLAX_DB" "$bin" <<'PY'
import json, sqlite3, subprocess, sys, urllib.error, urllib.parse, urllib.request
ro, rw, db_path, binary = sys.argv[1:5]
db = sqlite3.connect(db_path)
fails = 0

def call(base, path, method="GET", body=None, headers=None):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()

def get(path, base=None):
    status, headers, body = call(base or ro, path)
    return status, headers, json.loads(body) if headers.get("Content-Type", "").startswith("application/json") else body

def check(name, cond, detail=""):
    global fails
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {str(detail)[:300]}"))
    fails += 0 if cond else 1

q = urllib.parse.quote
s, h, j = get("/healthz")
check("healthz", s == 200 and j == {"status": "ok", "articles": 44}, j)
check("Content-Security-Policy on every response", "default-src 'self'" in h.get("Content-Security-Policy", ""), h)
check("no CORS unless configured", "Access-Control-Allow-Origin" not in h, h)
check("nosniff", h.get("X-Content-Type-Options") == "nosniff")

cli = lambda *args: subprocess.run([binary, *args, "--db", db_path], capture_output=True, text=True).stdout.strip()
s, h, j = get("/api/search?q=" + q("Kina") + "&limit=5&facets=1")
check("search total matches the CLI", s == 200 and j["total"] == int(cli("search", "Kina", "--count")), j.get("total"))
check("search pages, facets include outlet tags", len(j["hits"]) == 5 and set(j["facets"]) >= {"outlet", "lang", "country", "tag", "month"}, j.keys())
s, _, j2 = get("/api/search?q=" + q("Kina") + "&limit=5&offset=5")
check("second page differs", {h["id"] for h in j["hits"]}.isdisjoint({h["id"] for h in j2["hits"]}))
check("snippets mark matches", any("\u0001" in h["snippet"] for h in j["hits"]))
_, _, lat = get("/api/search?q=" + q("Milović"))
_, _, cyr = get("/api/search?q=" + q("Миловић"))
check("cross-script search", lat["total"] == cyr["total"] > 0, (lat["total"], cyr["total"]))

def offsets_hold(a):
    """Every entity's and quotation's offsets index its field (the title or the text)."""
    ok = bool(a["quotes"] and a["entities"])
    for x in a["quotes"] + a["entities"]:
        field = a[x["field"]].encode("utf-8")
        ok = ok and x["field"] in ("title", "text") and 0 <= x["start"] < x["end"] <= len(field)
        if "text" in x:
            ok = ok and field[x["start"]:x["end"]].decode("utf-8") == x["text"]
    return ok
aid = db.execute("SELECT a.id FROM articles a JOIN quotes q ON q.article = a.rowid GROUP BY a.id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
s, _, a = get("/api/articles/" + aid)
check("article: entities and quotes with byte offsets into its text", s == 200 and offsets_hold(a))
aid = db.execute("SELECT a.id FROM articles a JOIN quotes q ON q.article = a.rowid WHERE q.in_title LIMIT 1").fetchone()[0]
s, _, a = get("/api/articles/" + aid)
check("article: a headline's quotation and entities index the title", s == 200 and offsets_hold(a) and
      any(x["field"] == "title" for x in a["quotes"]) and any(x["field"] == "title" for x in a["entities"]))
s, _, j = get("/api/quotes?headlines=1&limit=500")
n = db.execute("SELECT count(*) FROM quotes WHERE in_title AND kind <> 'term'").fetchone()[0]
check("quotes: headlines only", s == 200 and n > 0 and len(j["quotes"]) == n and all(x["field"] == "title" for x in j["quotes"]),
      (len(j.get("quotes", [])), n))
check("unknown article is 404 JSON", get("/api/articles/0000000000000000")[0] == 404)

s, _, j = get("/api/quotes?target=China&stance=critical&limit=100")
check("quotes by target and stance", s == 200 and j["quotes"] and all(
    any(x["target"] == "place/cn" and x["polarity"] == -1 for x in r["stance"]) for r in j["quotes"]), len(j.get("quotes", [])))
n_cli = len(cli("quotes", "--target", "China", "--stance", "critical", "--format", "jsonl", "--limit", "100").splitlines())
check("quotes match the CLI", len(j["quotes"]) == n_cli, (len(j["quotes"]), n_cli))
s, _, j = get("/api/quotes?speaker=" + q("Nepostojeći Govornik"))
check("unknown speaker is 404", s == 404 and j["error"]["code"] == "not_found", j)
s, _, j = get("/api/quotes?stance=critical")
check("stance without target is 400", s == 400 and j["error"]["code"] == "invalid_input", j)
s, _, j = get("/api/search?q=" + q('"unclosed'))
check("bad query is 400 with a message", s == 400 and "bad query" in j["error"]["message"], j)
s, _, j = get("/api/search?limit=100000")
check("out-of-range limit is 400", s == 400, j)

s, _, j = get("/api/entities?q=kos")
check("entities by name", s == 200 and any(e["id"] == "place/xk" for e in j["entities"]), j)
s, _, j = get("/api/entities/place/xk")
check("entity detail", s == 200 and j["articles"] > 0 and "roles" in j and j["by_month"], j.keys())
s, _, j = get("/api/timeline?interval=month&by=country")
check("timeline sums to the articles", s == 200 and sum(r["count"] for r in j["rows"]) == 44, j)
s, _, j = get("/api/stance?target=China&by=outlet")
stored = db.execute("SELECT count(*) FROM quote_stance s JOIN quotes q ON q.id = s.quote WHERE s.target = 'place/cn' AND q.speaker_entity IS NOT NULL AND q.kind <> 'term'").fetchone()[0]
check("stance counts balance", s == 200 and sum(c["favourable"] + c["neutral"] + c["critical"] for c in j["cells"]) == stored, stored)
s, _, j = get("/api/voices?target=China&limit=3")
check("voices", s == 200 and len(j["voices"]) == 3 and all(v["examples"] for v in j["voices"]), j)
s, _, j = get("/api/network?kind=co-mention&top=10")
check("network", s == 200 and j["nodes"] and j["edges"], j)
s, _, j = get("/api/stats")
check("stats", s == 200 and j["articles"] == 44 and j["quarantined"] == 3 and j["ingest_allowed"] is False, j)
s, h, body = call(ro, "/api/report?format=html&target=China")
check("report as HTML", s == 200 and h["Content-Type"].startswith("text/html") and b"voices on China" in body and b"<h1>" in body)
check("report HTML has its own CSP (inline styles only)", h.get("Content-Security-Policy", "").startswith("default-src 'none'"), h)
s, h, body = call(ro, "/api/report?format=md&download=1")
check("report as Markdown download", s == 200 and b"## Notes" in body and b"data:image/svg+xml;base64," in body
      and h.get("Content-Disposition", "").startswith("attachment"))
s, _, j = get("/api/report?exonyms=/etc/passwd")
check("report never reads a file named by the request", s == 400, j)

s, _, spec = get("/api/openapi.json")
check("OpenAPI lists every endpoint", s == 200 and {"/api/search", "/api/articles/{id}", "/api/quotes", "/api/entities",
      "/api/entities/{id}", "/api/timeline", "/api/stance", "/api/voices", "/api/report", "/api/stats", "/api/ingest"} <= set(spec["paths"]))
for path in ("/", "/app.js", "/style.css"):
    check("static " + path, call(ro, path)[0] == 200)
for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/web/app.js", "/index.html/../app.js"):
    s, _, body = call(ro, path)
    check("no escape: " + path, s in (400, 404) and b"root:" not in body, s)
s, _, j = get("/nope")
check("unknown path is a JSON 404", s == 404 and j["error"]["code"] == "not_found", j)

record = json.dumps({"text": "Novinarka Ana Test je rekla da je dan bio miran.", "url": "https://api-test.example/1",
                     "published": "2031-12-24", "lang": "sr"}).encode() + b"\n"
s, _, j = get("/api/ingest")
check("read-only server has no ingest", s in (404, 405), s)
s, _, _ = call(ro, "/api/ingest", "POST", record, {"Authorization": "Bearer a-long-enough-secret-token-123"})
check("read-only server refuses POST /api/ingest", s == 404, s)
s, h, _ = call(rw, "/api/ingest", "POST", record)
check("ingest without a token is 401", s == 401 and h.get("WWW-Authenticate") == "Bearer", s)
s, _, _ = call(rw, "/api/ingest", "POST", record, {"Authorization": "Bearer wrong-token-of-the-same-len"})
check("ingest with a wrong token is 401", s == 401, s)
s, h, body = call(rw, "/api/ingest", "POST", record, {"Authorization": "Bearer a-long-enough-secret-token-123"})
j = json.loads(body)
check("ingest with the token stores the record", s == 200 and j["stored"] == 1 and j["seen"] == 1, j)
check("CORS header when configured", h.get("Access-Control-Allow-Origin") == "https://analyst.example", h)
check("the new article is searchable", get("/api/search?q=" + q("Ana Test"), rw)[2]["total"] == 1)
s, _, body = call(rw, "/api/ingest", "POST", b"{" * 300000, {"Authorization": "Bearer a-long-enough-secret-token-123"})
check("oversized body is 413", s == 413, s)
s, _, body = call(rw, "/api/ingest", "POST", b'{"title": "no text"}\n', {"Authorization": "Bearer a-long-enough-secret-token-123"})
j = json.loads(body)
check("a bad record is quarantined with its reason", s == 200 and j["quarantined"] == 1 and "no text" in j["rejected"][0], j)
print(f"{fails} failed")
sys.exit(1 if fails else 0)
PY
