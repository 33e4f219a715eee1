#!/usr/bin/env bash
# The ClickHouse store against a real server (Debian's clickhouse-server, started here on
# loopback with a temporary data folder and stopped at the end): the sample corpus ingested into
# ClickHouse and into SQLite gives the same rows and the same answers to search counts,
# timelines, stance tables, search pages and facets, stored quotations and voices, articles,
# entities, networks (GraphML, edge lists, DNA statements), briefs and the HTTP API (`serve`); re-ingest stores nothing twice; a batch the server refuses is
# spooled and sent later; a database an earlier version made is brought up to date; the cluster DDL. Skips (77) when clickhouse-server is not installed.
# Usage: clickhouse.sh PARALLAX_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
server_bin=$(command -v clickhouse-server || ls /usr/sbin/clickhouse-server 2>/dev/null || true)
if [[ -z $server_bin ]]; then
  echo "skipped: clickhouse-server is not installed (scripts/install-deps --clickhouse installs it)"
  exit 77
fi
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
fails=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port=$(free_port)
tcp_port=$(free_port)
mkdir -p "$work/ch"
cat >"$work/ch/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$work/ch/server.log</log><errorlog>$work/ch/error.log</errorlog></logger>
  <http_port>$http_port</http_port>
  <tcp_port>$tcp_port</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$work/ch/data/</path>
  <tmp_path>$work/ch/tmp/</tmp_path>
  <user_files_path>$work/ch/user_files/</user_files_path>
  <format_schema_path>$work/ch/format_schemas/</format_schema_path>
  <users_config>$work/ch/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers><one><shard><replica><host>127.0.0.1</host><port>$tcp_port</port></replica></shard></one></remote_servers>
</yandex>
XML
cat >"$work/ch/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
"$server_bin" --config-file="$work/ch/config.xml" >"$work/ch/stdout.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do  # up to 2 minutes: a loaded machine (the sanitizer run) starts it slowly
  curl -sf "http://127.0.0.1:$http_port/?query=SELECT%201" >/dev/null 2>&1 && break
  sleep 0.2
done
version=$(curl -sf "http://127.0.0.1:$http_port/?query=SELECT%20version()" || true)
if [[ -z $version ]]; then
  echo "FAIL clickhouse-server did not start"; tail -20 "$work/ch/error.log" "$work/ch/stdout.log" 2>/dev/null
  exit 1
fi
echo "clickhouse-server $version on 127.0.0.1:$http_port"
ch=clickhouse://127.0.0.1:$http_port/parallax_test
chq() { curl -sf "http://127.0.0.1:$http_port/" --data-binary "$1"; }
# same NAME ARGS...: `parallax ARGS` on the workspace and on ClickHouse both succeed, print
# something, and print the same (stance: whether each cell has a strongest quotation, not which
# of equally confident ones).
same() {
  local name=$1
  shift
  local a b
  a=$("$bin" "$@" 2>&1) || { echo "FAIL $name (SQLite: $a)"; fails=$((fails + 1)); return; }
  b=$("$bin" "$@" --store "$ch" 2>&1) || { echo "FAIL $name (ClickHouse: $b)"; fails=$((fails + 1)); return; }
  if [[ $1 == stance ]]; then
    a=$(strip_evidence <<<"$a")
    b=$(strip_evidence <<<"$b")
  fi
  check "$name" test -n "$a" -a "$a" = "$b"
  if [[ $a != "$b" ]]; then  # where they part
    python3 -c 'import sys; a, b = sys.argv[1], sys.argv[2]; i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
print("  SQLite:     ...", a[max(0, i - 120):i + 120]); print("  ClickHouse: ...", b[max(0, i - 120):i + 120])' "$a" "$b"
  fi
}
strip_evidence() {
  python3 -c 'import sys, json
for l in sys.stdin:
    r = json.loads(l)
    print(json.dumps({k: (bool(v) if k.startswith("evidence") else v) for k, v in r.items()}, sort_keys=True))'
}
corpus=$src/examples/sample-corpus

# ---- the same corpus into both stores ----
export PARALLAX_DB=$work/s.db
"$bin" init >/dev/null
"$bin" ingest -q "$corpus" >"$work/sqlite.out" 2>&1 || true
cd "$work"
"$bin" ingest -q --store "$ch" --jobs 2 "$corpus" >"$work/ch.out" 2>&1 || true
check "ingest summaries match" diff <(head -1 "$work/sqlite.out") <(head -1 "$work/ch.out")
check "ingest stored the corpus" grep -q 'stored 44' "$work/ch.out"
for pair in articles:articles mentions:mentions quotes:quotes quote_stance:stances quarantine:quarantine outlets:outlets; do
  lite=${pair%%:*}
  table=${pair##*:}
  check "rows of $table" test "$(sqlite3 "$PARALLAX_DB" "select count(*) from $lite")" = "$(chq "SELECT count() FROM parallax_test.$table FINAL")"
done
check "near-duplicates linked alike" test "$(sqlite3 "$PARALLAX_DB" "select count(*) from articles where duplicate_of is not null")" = \
  "$(chq "SELECT count() FROM parallax_test.articles FINAL WHERE duplicate_of != ''")"
headline_quotes=$(sqlite3 "$PARALLAX_DB" "select count(*) from quotes where in_title")
check "headlines' quotations in both stores ($headline_quotes)" test "$headline_quotes" -gt 0 -a \
  "$headline_quotes" = "$(chq "SELECT count() FROM parallax_test.quotes FINAL WHERE in_title")"
check "the same mentions per entity" diff <(sqlite3 "$PARALLAX_DB" "select entity, count(*) from mentions group by entity order by entity" | tr '|' '\t') \
  <(chq "SELECT entity, count() FROM parallax_test.mentions FINAL GROUP BY entity ORDER BY entity")

# ---- the same answers ----
while IFS= read -r q; do
  same "search --count $q" search --count "$q"
done <<'QUERIES'
Kina
Кина
Kosovo
Kosovës
China OR Kina
"Dragan Milović"
Kin*
Kosovo NOT Kina
(Kina OR China) AND investicija
科索沃
Milovića
QUERIES
check "search counts are not all zero" test "$("$bin" search --count Kosovo)" -gt 10
same "search --count with filters" search --count Kina --country RS --from 2031-08-10 --unique
same "search --count --entity" search --count '' --entity China
# A statement longer than the server's request line (300 words): sent as the request's body.
long_query=$(python3 -c "import random; r = random.Random(1)
print(' OR '.join(['Kina'] + [''.join(r.choice('abcdefghijklmnoprstuv') for _ in range(20)) for _ in range(300)]))")
same "search --count with a 7 KB query" search --count "$long_query"
# shellcheck disable=SC2086
# A word in most articles takes SQLite's (outlet, day) index scan, a rare one the join.
for args in "--interval month" "Kosovo --interval week --by country" "--interval month --by tag" \
            "Kina --interval day --by outlet --from 2031-08-01 --to 2031-09-30" "Kosovo --interval day --by outlet" \
            "investicija --interval month"; do
  same "timeline $args" timeline $args --format jsonl
done
# shellcheck disable=SC2086
for args in "" "--target China" "--by outlet" "--by lang --target China" "--by tag --interval month"; do
  same "stance $args" stance $args --format jsonl
done

# Search pages: newest first on both without a query; with one, the same hits (SQLite ranks
# them by bm25, ClickHouse lists them newest first) with the matches marked in the snippets.
same "search (all articles, newest first)" search '' --limit 30 --format jsonl
same "search --facets" search --facets Kina --format jsonl
same "search --facets with filters" search --facets '' --country RS --unique --format jsonl
ids() { python3 -c 'import sys, json; print("\n".join(sorted(json.loads(l)["id"] for l in sys.stdin)))'; }
for q in Kosovo "Kina OR China" 'Kin*' Кина; do
  check "search $q: the same hits" diff <("$bin" search "$q" --limit 1000 --format jsonl | ids) \
    <("$bin" search "$q" --limit 1000 --format jsonl --store "$ch" | ids)
done
check "search: ClickHouse snippets mark the matches" grep -q '<mark>Kosov' <("$bin" search Kosovo --format jsonl --store "$ch")
check "search: paging on ClickHouse" test "$("$bin" search Kosovo --limit 5 --format jsonl --store "$ch" | wc -l)" = 5

# Stored quotations and voices: the same rows, in the same order, with their stance.
# shellcheck disable=SC2086
for args in "--limit 1000" "--speaker Milović" "--match Kosovo --limit 50" "--match \"Dragan Milović\"" \
            "--target China --stance critical" "--country RS --from 2031-08-10" "--lang sr-Cyrl" "--headlines"; do
  eval "set -- $args"
  same "quotes $args" quotes "$@" --format jsonl
done
check "stored quotations are not all filtered away" test "$("$bin" quotes --limit 1000 --format jsonl | wc -l)" -gt 20
for args in "" "Kosovo" "--target China" "Kina --country RS --examples 2"; do
  eval "set -- $args"
  same "voices $args" voices "$@" --format jsonl
done

# Articles and entities: the same article (metadata, text, paragraphs) and the same counts,
# for pack entities and for people only the stored mentions know.
for id in $("$bin" search '' --limit 1000 --format jsonl | ids | awk 'NR % 9 == 1'); do
  same "show $id" show "$id" --format json
done
for name in China "Aleksandar Vučić" Kosovo Milović "Dragan Milović"; do
  same "entity $name" entity "$name" --format json
done
# shellcheck disable=SC2086
for args in "--kind actor-target --format csv" "--kind actor-target --format csv --target China --country RS" \
            "--kind co-mention --format csv --top 15" "--kind co-mention --format graphml --top 10 --lang sr" \
            "--kind actor-target --format dna" "--kind actor-target --format graphml --from 2031-08-10"; do
  same "network $args" network $args
done
check "network: the actor-target edges are not empty" test "$("$bin" network --kind actor-target --format csv --store "$ch" | wc -l)" -gt 3
# Briefs: the same brief, every number, quotation and footnote, from both stores.
mkdir -p "$work/brief-sqlite" "$work/brief-clickhouse"
for ext in md html; do
  "$bin" report --out "$work/brief-sqlite/brief.$ext" --target China --country RS --target Kosovo >/dev/null
  "$bin" report --out "$work/brief-clickhouse/brief.$ext" --target China --country RS --target Kosovo --store "$ch" >/dev/null
  check "report: the same brief ($ext)" test -s "$work/brief-clickhouse/brief.$ext" -a -z \
    "$(diff "$work/brief-sqlite/brief.$ext" "$work/brief-clickhouse/brief.$ext" | head -20)"
done
check "entity: a stored person's counts are not empty" grep -q '"mentions":[1-9]' <("$bin" entity Milović --format jsonl --store "$ch")

# ---- the HTTP API on each store ----
serve_on() {  # serve_on NAME ARGS...: starts `parallax serve`, sets url_NAME
  "$bin" serve --port 0 "${@:2}" >"$work/serve-$1.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q '^serving' "$work/serve-$1.out" && break; sleep 0.1; done
  printf -v "url_$1" '%s' "$(sed -n 's|^serving \(http://[^/]*\)/.*|\1|p' "$work/serve-$1.out")"
}
serve_on sqlite
serve_on clickhouse --store "$ch"
article=$("$bin" search Kosovo --limit 1 --format jsonl | python3 -c 'import sys, json; print(json.loads(sys.stdin.readline())["id"])')
python3 - "$url_sqlite" "$url_clickhouse" "$article" <<'PY'
import json, sys, urllib.request
lite, ch, article = sys.argv[1:4]
def get(base, path):
    with urllib.request.urlopen(base + path, timeout=60) as r:
        body = r.read()
        return json.loads(body) if r.headers.get_content_type() == "application/json" else body
# What differs by design: search hits come in bm25 order on SQLite and newest first on
# ClickHouse, with snippets cut by FTS5 or by Parallax; quotations have row ids on SQLite only;
# stance cells name their strongest quotation on both, but among equally confident quotations
# each store may pick a different one.
def order_free(j):
    if isinstance(j, list):
        return [order_free(x) for x in j]
    if not isinstance(j, dict):
        return j
    if "strongest" in j:
        j = dict(j, strongest=j["strongest"] is not None)
    j = {k: order_free(v) for k, v in j.items() if k != "snippet"}
    if "article" in j and "start" in j:
        j.pop("id", None)
    if "hits" in j:
        j["hits"] = sorted(j["hits"], key=lambda h: h["id"])
    return j
fails = 0
for path in ["/healthz", "/api/stats", "/api/search?q=Kosovo&limit=100&facets=1", "/api/search?q=Kina&country=RS",
             f"/api/articles/{article}", "/api/quotes?limit=200", "/api/quotes?speaker=Milovi%C4%87",
             "/api/entities?limit=30", "/api/entities/China", "/api/timeline?interval=month&by=country",
             "/api/stance?target=China&by=outlet", "/api/voices?q=Kosovo", "/api/network?kind=co-mention&top=12",
             "/api/network?kind=actor-target", "/api/report?format=md&target=China&country=RS"]:
    a, b = order_free(get(lite, path)), order_free(get(ch, path))
    same = a == b and a not in ({}, [], b"")
    print(("ok   " if same else "FAIL ") + "API " + path)
    if not same:
        fails += 1
        sa, sb = json.dumps(a, sort_keys=True, ensure_ascii=False) if not isinstance(a, bytes) else a.decode(), \
                 json.dumps(b, sort_keys=True, ensure_ascii=False) if not isinstance(b, bytes) else b.decode()
        i = next((k for k in range(min(len(sa), len(sb))) if sa[k] != sb[k]), min(len(sa), len(sb)))
        print("  SQLite:     ...", sa[max(0, i - 150):i + 150]); print("  ClickHouse: ...", sb[max(0, i - 150):i + 150])
sys.exit(1 if fails else 0)
PY
check "serve --store: the API answers as on the workspace" test $? = 0

# ---- idempotent ----
"$bin" ingest -q --store "$ch" "$corpus" >"$work/again.out" 2>&1 || true
check "re-ingest stores nothing" grep -q 'stored 0, duplicates 44' "$work/again.out"
check "re-ingest adds no rows" test "$(chq "SELECT count() FROM parallax_test.articles")" = 44

# ---- a server that refuses inserts: spooled, then sent ----
touch "$work/down"
python3 "$src/tests/clickhouse/flaky_proxy.py" "$http_port" "$work/down" "$work/proxy.port" &
pids+=($!)
for _ in $(seq 50); do [[ -s $work/proxy.port ]] && break; sleep 0.1; done
via=clickhouse://127.0.0.1:$(cat "$work/proxy.port")/parallax_spool
rc=0
"$bin" ingest -q --store "$via" --spool "$work/spool" "$corpus" >"$work/spool.out" 2>&1 || rc=$?
cat "$work/spool.out" | tail -2
check "refused batches: ingest still balances" grep -q 'seen 47, stored 44, duplicates 0, quarantined 3' "$work/spool.out"
check "refused batches: spooled, and said so" grep -q '44 articles spooled to' "$work/spool.out"
check "refused batches: nothing reached the server" test "$(chq "SELECT count() FROM parallax_spool.articles")" = 0
check "refused batches: spool files on disk" test "$(ls "$work/spool" | wc -l)" -ge 1
rm "$work/down"
"$bin" clickhouse flush --store "$via" --spool "$work/spool" >/dev/null
check "flush: every spooled article arrives" test "$(chq "SELECT count() FROM parallax_spool.articles FINAL")" = 44
check "flush: every mention arrives" test "$(chq "SELECT count() FROM parallax_spool.mentions FINAL")" = \
  "$(sqlite3 "$PARALLAX_DB" "select count(*) from mentions")"
check "flush: the spool is empty" test "$(ls "$work/spool" | wc -l)" = 0

# ---- a database an earlier version made: brought up to date ----
# Before headlines were read, quotations had no in_title column and their key ended at start.
old_quotes="(article String, day Date, outlet String, country String, lang String, start UInt32, end UInt32,
  kind String, text String, speaker String, speaker_entity String, speaker_type String, speaker_start UInt32,
  speaker_end UInt32, cue String, confidence Float64, folded String)"
chq "CREATE DATABASE parallax_old"
chq "CREATE TABLE parallax_old.quotes $old_quotes
  ENGINE = ReplacingMergeTree() PARTITION BY toYear(day) ORDER BY (day, article, start)"
"$bin" ingest -q --store "clickhouse://127.0.0.1:$http_port/parallax_old" "$corpus" >"$work/old.out" 2>&1 || true
check "an earlier database: the column added, and to the key" test \
  "$(chq "SELECT sorting_key FROM system.tables WHERE database = 'parallax_old' AND name = 'quotes'")" = "day, article, start, in_title"
check "an earlier database: every quotation stored" test "$(chq "SELECT count() FROM parallax_old.quotes FINAL")" = \
  "$(sqlite3 "$PARALLAX_DB" "select count(*) from quotes")"
# A cluster's tables are its administrator's to change on every shard: the error says how.
chq "CREATE DATABASE parallax_dist"
chq "CREATE TABLE parallax_dist.quotes_local $old_quotes
  ENGINE = ReplacingMergeTree() PARTITION BY toYear(day) ORDER BY (day, article, start)"
chq "CREATE TABLE parallax_dist.quotes AS parallax_dist.quotes_local ENGINE = Distributed(one, parallax_dist, quotes_local, cityHash64(article))"
rc=0
"$bin" ingest -q --store "clickhouse://127.0.0.1:$http_port/parallax_dist" "$corpus" >"$work/dist.out" 2>&1 || rc=$?
check "an earlier cluster: refused, with the statements to run" grep -q \
  'ALTER TABLE parallax_dist.quotes_local ON CLUSTER <cluster> ADD COLUMN in_title UInt8, MODIFY ORDER BY (day, article, start, in_title)' "$work/dist.out"
check "an earlier cluster: nothing stored" test "$rc" != 0 -a "$(chq "SELECT count() FROM parallax_dist.quotes_local")" = 0

# ---- errors and the cluster DDL ----
check "unreachable server: clear error" bash -c "'$bin' ingest -q --store clickhouse://127.0.0.1:9/x '$corpus' 2>&1 | grep -q 'ClickHouse: .*127.0.0.1'"
check "bad URL: clear error" bash -c "'$bin' search --count x --store clickhouse://host/bad-name 2>&1 | grep -q 'bad ClickHouse URL'"
"$bin" clickhouse schema --cluster two_shards --store clickhouse://h:8123/news >"$work/ddl.sql"
tables=$(chq "SELECT count() FROM system.tables WHERE database = 'parallax_test'")
check "cluster DDL: a replicated local table for each table" test "$(grep -c 'ReplicatedReplacingMergeTree' "$work/ddl.sql")" = "$tables"
check "cluster DDL: Distributed tables sharded by article" test "$(grep -c 'ENGINE = Distributed(two_shards, news, ' "$work/ddl.sql")" = "$tables"
check "the local DDL is what the server took" bash -c "'$bin' clickhouse schema --store '$ch' | grep -q 'ReplacingMergeTree(seq) PARTITION BY toYear(day)'"

if ((fails > 0)); then
  echo "$fails clickhouse checks failed"
  exit 1
fi
echo "all clickhouse checks passed"
