#!/usr/bin/env bash
# Concurrency and hostile storage:
#   - two ingests of different sources on one workspace at once both finish (the second waits
#     for the writer lock between the first's batches), and the workspace holds both;
#   - two ingests of the same source at once store each article exactly once;
#   - `parallax serve` answering during an ingest always sees one consistent snapshot: in every
#     /api/stats the quotation count fits the article count, and in every /api/search the
#     total equals the sum of its language facet;
#   - a full disk (a 3 MiB tmpfs) and a read-only workspace (tmpfs remounted read-only) give a
#     clear error and leave the workspace intact. These need root and mount(8); without them
#     they are skipped with a message.
# Usage: concurrency.sh PARALLAX_BINARY
set -u
bin=$1
work=$(mktemp -d)
pids=()
mnt=$work/mnt
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
  rm -rf "$work"
}
trap cleanup EXIT
fails=0
ok() { echo "ok   $*"; }
fail() {
  echo "FAIL $*"
  fails=$((fails + 1))
}
source "$(dirname "$0")/lib.sh"

# corpus FILE PREFIX N: N articles; every third has one quotation (so quotes = ceil(stored / 3)
# whenever articles are stored in file order, as ingest does).
corpus() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys, random
path, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(prefix)
words = "vlada ministar kina kosovo srbija dijalog brisel saradnja investicija rezolucija".split()
with open(path, "w") as f:
    for i in range(n):
        text = " ".join(random.choice(words) for _ in range(80)) + f" {prefix} broj {i}."
        if i % 3 == 0:
            text += "\n\n„Saradnja se nastavlja”, rekao je ministar Marko Primer."
        f.write(json.dumps({"text": text, "url": f"https://{prefix}.example/{i}", "published": "2031-09-01",
                            "lang": "sr"}, ensure_ascii=False) + "\n")
PY
}
corpus "$work/a.jsonl" a 1500
corpus "$work/b.jsonl" b 1500

# summary FILE: "stored duplicates" from an ingest's summary line.
summary() { sed -n 's/^seen [0-9]*, stored \([0-9]*\), duplicates \([0-9]*\),.*/\1 \2/p' "$1"; }

# ---- two writers ----------------------------------------------------------------------------
# at_once DB A B: ingests A and B into DB at the same time; exit statuses in r1 and r2, outputs
# in $work/1.out, 1.err, 2.out, 2.err.
at_once() {
  "$bin" init --db "$1" >/dev/null
  "$bin" ingest -q --db "$1" "$2" >"$work/1.out" 2>"$work/1.err" &
  local p1=$!
  "$bin" ingest -q --db "$1" "$3" >"$work/2.out" 2>"$work/2.err" &
  local p2=$!
  wait $p1
  r1=$?
  wait $p2
  r2=$?
}

db=$work/two.db
at_once "$db" "$work/a.jsonl" "$work/b.jsonl"
n=$(sqlite3 "$db" "SELECT count(*) FROM articles")
ic=$(sqlite3 "$db" "PRAGMA integrity_check")
if ((r1 == 0 && r2 == 0 && n == 3000)) && [[ $ic == ok ]]; then
  ok "two ingests of different sources at once: both finished, 3000 articles, integrity ok"
else
  fail "two ingests at once: exit $r1/$r2, $n articles, integrity $ic; $(cat "$work/1.err" "$work/2.err" | head -3)"
fi

db=$work/same.db
at_once "$db" "$work/a.jsonl" "$work/a.jsonl"
read -r s1 d1 < <(summary "$work/1.out")
read -r s2 d2 < <(summary "$work/2.out")
n=$(sqlite3 "$db" "SELECT count(*) FROM articles")
if ((r1 == 0 && r2 == 0 && n == 1500 && s1 + s2 == 1500 && d1 + d2 == 1500)); then
  ok "two ingests of the same source at once: each article stored once ($s1 + $s2), the rest counted as duplicates"
else
  fail "same source twice at once: exit $r1/$r2, $n articles, summaries '$(head -1 "$work/1.out")' '$(head -1 "$work/2.out")'; $(cat "$work/1.err" "$work/2.err" | head -3)"
fi

# ---- a reader during an ingest --------------------------------------------------------------
db=$work/serve.db
"$bin" init --db "$db" >/dev/null
start serve --db "$db"
base=$(cat "$work/serve.url")
# One article per transaction: the ingest commits thousands of times while the server reads.
"$bin" ingest -q --batch 1 --db "$db" "$work/a.jsonl" "$work/b.jsonl" >/dev/null 2>&1 &
ingest=$!
python3 - "$base" "$ingest" <<'PY'
import json, os, sys, threading, urllib.request
base, ingest = sys.argv[1], int(sys.argv[2])
def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.load(r)
def running():
    try:
        os.kill(ingest, 0)
        return os.path.exists(f"/proc/{ingest}") and open(f"/proc/{ingest}/stat").read().split()[2] != "Z"
    except OSError:
        return False
bad, seen, lock = [], set(), threading.Lock()
done = threading.Event()
def poll():
    last = -1
    while not done.is_set():
        st = get("/api/stats")
        a, q = st["articles"], st["quotes"]
        # Corpus a then b, each with a quotation in every third article from its first.
        expect = (min(a, 1500) + 2) // 3 + (max(a - 1500, 0) + 2) // 3
        s = get("/api/search?q=broj&limit=1&facets=1")
        lang_sum = sum(f["count"] for f in s["facets"]["lang"])
        with lock:
            if q != expect:
                bad.append(f"stats: {a} articles but {q} quotations (a snapshot would have {expect})")
            if a < last:
                bad.append(f"stats went back from {last} to {a} articles")
            if s["total"] != lang_sum:
                bad.append(f"search: total {s['total']} but language facet sums to {lang_sum}")
            seen.add(a)
        last = a
threads = [threading.Thread(target=poll) for _ in range(3)]
for t in threads:
    t.start()
while running():
    done.wait(0.05)
done.set()
for t in threads:
    t.join()
last = get("/api/stats")["articles"]
print(f"{len(seen)} distinct article counts seen while ingesting; final {last}")
for b in bad[:5]:
    print("  " + b)
sys.exit(1 if bad or last != 3000 else 0)
PY
if (($? == 0)); then
  ok "serve during an ingest: every response consistent"
else
  fail "serve during an ingest saw inconsistent data"
fi
wait $ingest

# ---- full disk, read-only workspace ---------------------------------------------------------
mkdir -p "$mnt"
if [[ $(id -u) != 0 ]] || ! mount -t tmpfs -o size=3m tmpfs "$mnt" 2>/dev/null; then
  echo "skip full disk and read-only workspace: mounting a tmpfs needs root (docs/RELIABILITY.md says how it was tested)"
else
  db=$mnt/full.db
  "$bin" init --db "$db" >/dev/null
  # 3,000 articles need about 4.5 MB: more than the 3 MB the file system has.
  "$bin" ingest -q --db "$db" "$work/a.jsonl" "$work/b.jsonl" >"$work/full.out" 2>"$work/full.err"
  rc=$?
  ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1)
  n=$(sqlite3 "$db" "SELECT count(*) FROM articles" 2>&1)
  if ((rc == 5)) && grep -qi "full" "$work/full.err" && [[ $ic == ok ]]; then
    ok "disk full: exit $rc with '$(head -1 "$work/full.err")'; integrity ok, $n whole articles kept"
  else
    fail "disk full: exit $rc, integrity $ic, message '$(head -2 "$work/full.err")'"
  fi
  # After freeing space the same workspace takes the rest.
  umount "$mnt" && mount -t tmpfs -o size=64m tmpfs "$mnt"
  db=$mnt/ro.db
  "$bin" init --db "$db" >/dev/null
  "$bin" ingest -q --db "$db" "$work/b.jsonl" >/dev/null 2>&1
  mount -o remount,ro "$mnt"
  "$bin" ingest -q --db "$db" "$work/a.jsonl" >"$work/ro.out" 2>"$work/ro.err"
  rc=$?
  searched=$("$bin" search --db "$db" --count broj 2>"$work/ro-search.err")
  mount -o remount,rw "$mnt"
  ic=$(sqlite3 "$db" "PRAGMA integrity_check")
  n=$(sqlite3 "$db" "SELECT count(*) FROM articles")
  if ((rc == 5)) && grep -qi "read-only" "$work/ro.err" && [[ $ic == ok && $n == 1500 && $searched == 1500 ]]; then
    ok "read-only workspace: ingest exits $rc with '$(head -1 "$work/ro.err")'; searches still work; nothing changed"
  else
    fail "read-only workspace: exit $rc, message '$(head -2 "$work/ro.err")', search '$searched' $(cat "$work/ro-search.err"), integrity $ic, $n articles"
  fi
fi

echo "$fails failed"
((fails == 0))
