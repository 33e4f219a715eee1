#!/usr/bin/env bash
# Crash safety: SIGKILL an ingest at random moments (KILL_TRIALS, default 20; KILL_SEED picks
# the moments and is printed, so a failing trial can be replayed). After each kill:
#   - PRAGMA integrity_check is ok;
#   - no article is half-stored: every stored article has its search-index entry, and exactly
#     the entity mentions, quotations and stance rows a clean ingest gives it;
#   - no quotation, mention or stance row lacks its article;
#   - rerunning the ingest ends with exactly the articles (and rows) of a clean ingest, and its
#     summary accounts for every record (stored now + already stored = all).
# Usage: kill_during_ingest.sh PARALLAX_BINARY
set -u
bin=$1
trials=${KILL_TRIALS:-20}
seed=${KILL_SEED:-$(date +%s)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
records=3000
python3 - "$work/big.jsonl" "$records" <<'PY'
import json, sys, random
random.seed(7)
words = "vlada ministar kina kosovo srbija dijalog brisel priština beograd saradnja investicija rezolucija".split()
speakers = ["Vučić", "Kurti", "Ana Brnabić", "Vang Ji"]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        text = " ".join(random.choice(words) for _ in range(100)) + f" broj {i}."
        if i % 3 == 0:  # quotations with speakers and targets, so every table gets rows
            text += f"\n\n„Kina je pouzdan partner Srbije”, rekao je {random.choice(speakers)}."
        f.write(json.dumps({"text": text, "url": f"https://kill.example/{i}", "published": "2031-09-01"},
                           ensure_ascii=False) + "\n")
PY

# Each stored article with its row counts; a half-stored article differs from the clean ingest.
rows() {
  sqlite3 "$1" "SELECT a.id,
      (SELECT count(*) FROM articles_fts_docsize d WHERE d.id = a.rowid),
      (SELECT count(*) FROM mentions m WHERE m.article = a.rowid),
      (SELECT count(*) FROM quotes q WHERE q.article = a.rowid),
      (SELECT count(*) FROM quote_stance s JOIN quotes q ON s.quote = q.id WHERE q.article = a.rowid)
    FROM articles a ORDER BY a.id"
}
orphans() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM mentions WHERE article NOT IN (SELECT rowid FROM articles))
    + (SELECT count(*) FROM quotes WHERE article NOT IN (SELECT rowid FROM articles))
    + (SELECT count(*) FROM quote_stance WHERE quote NOT IN (SELECT id FROM quotes))
    + (SELECT count(*) FROM articles_fts_docsize WHERE id NOT IN (SELECT rowid FROM articles))"
}

# The clean ingest: the reference rows and how long a whole ingest takes.
ref=$work/ref.db
"$bin" init --db "$ref" >/dev/null
start=$(date +%s%N)
"$bin" ingest -q --db "$ref" "$work/big.jsonl" >/dev/null 2>&1
full_ms=$((($(date +%s%N) - start) / 1000000))
rows "$ref" >"$work/ref.rows"
quotes=$(sqlite3 "$ref" "SELECT count(*) FROM quotes")
[[ $(wc -l <"$work/ref.rows") == "$records" && $quotes -gt 0 ]] || {
  echo "FAIL: the clean ingest stored $(wc -l <"$work/ref.rows") articles and $quotes quotations"
  exit 1
}
echo "clean ingest: $records articles, $quotes quotations in ${full_ms} ms; seed $seed, $trials trials"

RANDOM=$seed
fails=0
for ((t = 1; t <= trials; t++)); do
  # A moment from the start of the process to well before its end (later kills find the work done).
  delay_ms=$((RANDOM * 32768 + RANDOM))
  delay_ms=$((20 + delay_ms % (full_ms * 80 / 100)))
  db=$work/k.db
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" init --db "$db" >/dev/null
  "$bin" ingest -q --db "$db" "$work/big.jsonl" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  ic=$(sqlite3 "$db" 'PRAGMA integrity_check')
  before=$(sqlite3 "$db" 'SELECT count(*) FROM articles')
  rows "$db" >"$work/k.rows"
  half=$(comm -23 "$work/k.rows" "$work/ref.rows" | wc -l)
  orphan=$(orphans "$db")
  out=$("$bin" ingest -q --db "$db" "$work/big.jsonl" 2>/dev/null | head -1)
  rows "$db" >"$work/k2.rows"
  s=$(echo "$out" | sed -n 's/.*stored \([0-9]*\),.*/\1/p')
  d=$(echo "$out" | sed -n 's/.*duplicates \([0-9]*\),.*/\1/p')
  if [[ $ic == ok && $half == 0 && $orphan == 0 && $((s + d)) == "$records" && $d == "$before" ]] &&
    cmp -s "$work/k2.rows" "$work/ref.rows"; then
    printf 'ok   trial %2d: killed after %5d ms with %4d articles stored; rerun stored %4d more, all rows as a clean ingest\n' \
      "$t" "$delay_ms" "$before" "$s"
  else
    echo "FAIL trial $t (seed $seed): killed after ${delay_ms} ms: integrity=$ic stored=$before half-stored=$half orphans=$orphan rerun='$out'"
    fails=$((fails + 1))
  fi
done
echo "$trials trials, $fails failed"
((fails == 0))
