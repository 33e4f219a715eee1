#!/usr/bin/env bash
# `parallax watch` and `parallax fetch` against a local web site (tests/collect/server.py on
# 127.0.0.1; nothing leaves the machine): what is ingested, archived, retried and refused, the
# charsets, the redirect, conditional GET, the rate limit, and WARC files other tools read.
# Usage: collect.sh PARALLAX_BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
here=$src/tests/collect
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
export PARALLAX_DB=$work/p.db
fails=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
sql() { sqlite3 "$PARALLAX_DB" "$1"; }
requests() { python3 -c "import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l)['path']==sys.argv[2]))" "$work/log.jsonl" "$1"; }

python3 "$here/server.py" "$work/log.jsonl" "$work/port" &
pids+=($!)
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.1; done
port=$(cat "$work/port")
base=http://127.0.0.1:$port
cat >"$work/feeds.yaml" <<YAML
collect:
  contact: collect-test@example.org
  delay: 0.25
  timeout: 1
  retries: 2
  backoff: 0.2
  failure_backoff: 0
outlets:
  - name: Primer Vesti
    domains: [127.0.0.1]
    country: RS
    lang: sr
    tags: [independent]
    feeds: [$base/feeds/main.xml, $base/feeds/broken.xml]
YAML
"$bin" init >/dev/null

# ---- cycle 1: everything new ----
rc=0
"$bin" watch --feeds "$work/feeds.yaml" --once >"$work/c1.out" 2>"$work/c1.err" || rc=$?
cat "$work/c1.out"
check "cycle 1 exits 7 (a feed and pages failed)" test "$rc" = 7
check "cycle 1 names each failure on stderr" test "$(grep -c '^parallax: fetch failed: ' "$work/c1.err")" = 3
check "cycle 1 stored 8 articles (7 pages, 1 feed item for a forbidden page)" test "$(sql 'select count(*) from articles')" = 8
check "counts balance" grep -q 'stored 8, duplicates 0, quarantined 3' "$work/c1.out"
check "the broken feed is quarantined with its reason" \
  test "$(sql "select count(*) from quarantine where source = '$base/feeds/broken.xml' and reason like 'malformed feed%'")" = 1
check "the PDF is quarantined, not stored" test "$(sql "select count(*) from quarantine where source = '$base/news/notes.txt' and reason like 'not an article page%'")" = 1
check "robots.txt: the forbidden path was never requested" test "$(requests /private/secret.html)" = 0
check "robots.txt: the feed's own text stands in for the forbidden page" \
  test "$(sql "select format from articles where url = '$base/private/secret.html'")" = rss
check "robots.txt fetched once" test "$(requests /robots.txt)" = 1
check "UTF-8 page" test "$(sql "select count(*) from articles where title = 'Ministar Petrović o saradnji sa Kinom' and outlet = 'Primer Vesti' and country = 'RS'")" = 1
check "Windows-1250 from the HTTP header" test "$(sql "select count(*) from articles where text like '%Analitičarka Jelena Šarić ocijenila%'")" = 1
check "Windows-1251 from the meta tag" test "$(sql "select count(*) from articles where text like '%Ђорђе Ћирић%' and script = 'Cyrl'")" = 1
check "gzip, chunked" test "$(sql "select count(*) from articles where text like '%Ambasador Stefan Jovanović%'")" = 1
check "redirect: stored under the URL it ended at" test "$(sql "select count(*) from articles where url = '$base/news/moved.html'")" = 1
check "redirect: both hops archived" grep -q "$base/old/moved.html" <(python3 "$here/check_warc.py" "$work"/archive/*.warc.gz)
check "503 with Retry-After retried in the same cycle" test "$(requests /news/flaky.html)" = 2
check "429 with Retry-After retried in the same cycle" test "$(requests /news/limited.html)" = 2
check "the retry waited as Retry-After asked" python3 - "$work/log.jsonl" <<'PY'
import json, sys
t = [json.loads(l)["t"] for l in open(sys.argv[1]) if json.loads(l)["path"] == "/news/flaky.html"]
sys.exit(0 if t[1] - t[0] >= 0.95 else 1)
PY
check "a page still down after retries is failed, with its error" \
  test "$(sql "select outcome || ' ' || failures || ' ' || last_error from fetch_state where url = '$base/news/down.html'")" = "failed 1 HTTP 503"
check "a slow page times out and is failed" test "$(sql "select outcome from fetch_state where url = '$base/news/slow.html'")" = failed
check "User-Agent names the contact" python3 - "$work/log.jsonl" <<'PY'
import json, sys
sys.exit(0 if all("collect-test@example.org" in json.loads(l)["ua"] for l in open(sys.argv[1])) else 1)
PY
check "rate limit: requests to the host at least 0.25 s apart" python3 - "$work/log.jsonl" <<'PY'
import json, sys
t = sorted(json.loads(l)["t"] for l in open(sys.argv[1]))
gaps = [b - a for a, b in zip(t, t[1:])]
print("     smallest gap %.3f s over %d requests" % (min(gaps), len(t)))
sys.exit(0 if min(gaps) >= 0.24 else 1)
PY
check "every stored page has an archive location and fetch time" \
  test "$(sql "select count(*) from articles where archive like 'archive/%.warc.gz#%' and fetched_at like '20%Z'")" = 8

# ---- the archive ----
id_utf8=$(sql "select id from articles where url = '$base/news/utf8.html'")
id_1251=$(sql "select id from articles where url = '$base/news/cp1251.html'")
id_gzip=$(sql "select id from articles where url = '$base/news/gzip.html'")
check "show --archived gives the page as served (UTF-8)" cmp -s <("$bin" show "$id_utf8" --archived) \
  <(curl -s "$base/news/utf8.html")
check "show --archived gives the page as served (Windows-1251 bytes)" cmp -s <("$bin" show "$id_1251" --archived) \
  <(curl -s "$base/news/cp1251.html")
check "show --archived decodes gzip and chunking" cmp -s <("$bin" show "$id_gzip" --archived) \
  <(curl -s --compressed "$base/news/gzip.html")
check "show names the archive" grep -q "^archived:  archive/" <("$bin" show "$id_utf8" --format table)
check "an ingested article has no archive: clear error" bash -c "! '$bin' show $id_utf8-x --archived 2>/dev/null"
check "WARC: gzip members, lengths and digests check out" python3 "$here/check_warc.py" "$work"/archive/*.warc.gz >/dev/null
if [[ -d $here/node_modules/warcio ]]; then
  # warcio.js's CDX indexer (what pywb-style replay builds on) reads every response at the
  # offset Parallax recorded.
  node "$here/node_modules/warcio/dist/cli.js" cdx-index "$work"/archive/*.warc.gz >"$work/cdx" 2>&1 || true
  check "warcio indexes every response" test "$(grep -c '"status"' "$work/cdx")" = \
    "$(python3 "$here/check_warc.py" "$work"/archive/*.warc.gz | wc -l)"
  check "warcio finds the archived page at the recorded offset" python3 - "$work/cdx" "$(sql "select archive from articles where id = '$id_utf8'")" <<'PY'
import json, sys
f, off = sys.argv[2].split("/")[-1].split("#")
rows = [json.loads(l.split(" ", 2)[2]) for l in open(sys.argv[1]) if l.count(" ") >= 2]
sys.exit(0 if any(r["filename"] == f and r["offset"] == off and r["status"] == "200" for r in rows) else 1)
PY
else
  echo "skip warcio check: tests/collect/node_modules missing (scripts/install-deps --browser installs it)"
fi

"$bin" report --out "$work/brief.md" >/dev/null 2>&1
check "a brief cites the archived copy beside the URL" grep -q "Archived copy archive/parallax-.*warc.gz#[0-9]*, fetched 20" "$work/brief.md"

# ---- cycle 2: unchanged feed costs one 304; the failed page is tried again ----
: >"$work/log.jsonl"
curl -s "$base/__control/up" >/dev/null
"$bin" watch --once >"$work/c2.out" 2>&1 || true
cat "$work/c2.out"
check "cycle 2: the feed was asked for conditionally" grep -q '"inm": "\\"v1\\""' "$work/log.jsonl"
check "cycle 2: the feed counts as unchanged" grep -q 'feeds 2 polled: 1 unchanged' "$work/c2.out"
check "cycle 2: the failed page is fetched again and stored" \
  test "$(sql "select outcome || ' ' || failures from fetch_state where url = '$base/news/down.html'")" = "stored 0"
check "cycle 2: no stored page fetched again" test "$(requests /news/utf8.html)$(requests /news/gzip.html)" = 00
check "cycle 2: 9 articles" test "$(sql 'select count(*) from articles')" = 9

# ---- cycle 3: a new item, and only it is fetched ----
: >"$work/log.jsonl"
curl -s "$base/__control/publish" >/dev/null
"$bin" watch --once >"$work/c3.out" 2>&1 || true
cat "$work/c3.out"
check "cycle 3: exactly the new article is fetched" test "$(requests /news/new.html)$(requests /news/utf8.html)" = 10
check "cycle 3: 10 articles" test "$(sql 'select count(*) from articles')" = 10
check "cycle 3: the new ETag is kept" test "$(sql "select etag from fetch_state where url = '$base/feeds/main.xml'")" = '"v2"'

# ---- status ----
"$bin" watch --status --format jsonl >"$work/status.jsonl"
check "status lists the failing feed with its history" python3 - "$work/status.jsonl" "$base" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
broken = [r for r in rows if r["url"] == sys.argv[2] + "/feeds/broken.xml"]
ok = broken and broken[0]["failures"] == 3 and broken[0]["history"].count("failed") == 3
slow = [r for r in rows if r["url"].endswith("/news/slow.html")]
sys.exit(0 if ok and slow and slow[0]["outcome"] == "failed" else 1)
PY

# ---- fetch ----
: >"$work/log.jsonl"
"$bin" fetch --delay 1 "$base/news/utf8.html" >"$work/f1.out" 2>&1 || true
check "fetch: a stored page is not fetched again" test "$(requests /news/utf8.html)" = 0
"$bin" fetch --again --delay 1 "$base/news/utf8.html" "$base/news/moved.html" "$base/news/cp1250.html" >"$work/f2.out" 2>&1 || true
check "fetch --again: fetched, found duplicates" grep -q 'stored 0, duplicates 3' "$work/f2.out"
check "rate limit 1 s: requests to the host at least a second apart" python3 - "$work/log.jsonl" <<'PY'
import json, sys
t = sorted(json.loads(l)["t"] for l in open(sys.argv[1]))
gaps = [b - a for a, b in zip(t, t[1:])]
print("     smallest gap %.3f s over %d requests" % (min(gaps), len(t)))
sys.exit(0 if len(t) >= 4 and min(gaps) >= 0.98 else 1)
PY
"$bin" fetch --delay 0 "$base/feeds/sitemap.xml" >"$work/f3.out" 2>&1 || true
check "fetch: a sitemap's pages are known already" grep -q 'pages 1: 0 fetched, 1 already known' "$work/f3.out"
rc=0
"$bin" fetch "file:///etc/passwd" >"$work/f4.out" 2>&1 || rc=$?
check "fetch: a file:// URL is refused, not read" bash -c "test $rc = 7 && grep -q 'only http and https' '$work/f4.out' && ! grep -q root: '$work/f4.out'"
rc=0
"$bin" fetch --delay 0 http://127.0.0.1:9/x >"$work/f5.out" 2>&1 || rc=$?
check "fetch: an unreachable host fails cleanly, exit 7" bash -c "test $rc = 7 && grep -q 'fetch failed: http://127.0.0.1:9/x: robots.txt unreachable' '$work/f5.out'"

if ((fails > 0)); then
  echo "$fails collect checks failed"
  exit 1
fi
echo "all collect checks passed"
