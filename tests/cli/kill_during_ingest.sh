#!/usr/bin/env bash
# Crash safety: SIGKILL an ingest at several moments; the workspace must pass integrity_check,
# hold no half-stored article, and a rerun must end with exactly the expected counts.
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/big.jsonl" <<'PY'
import json, sys, random
random.seed(7)
words = "vlada ministar kina kosovo srbija dijalog brisel priština beograd saradnja investicija rezolucija".split()
with open(sys.argv[1], "w") as f:
    for i in range(6000):
        text = " ".join(random.choice(words) for _ in range(120)) + f" broj {i}."
        f.write(json.dumps({"text": text, "url": f"https://kill.example/{i}", "published": "2031-09-01"}) + "\n")
PY
fails=0
for delay in 0.05 0.15 0.3 0.5 0.8; do
  db=$work/k.db
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" init "$db" >/dev/null
  "$bin" ingest -q --db "$db" "$work/big.jsonl" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  ic=$(sqlite3 "$db" 'pragma integrity_check')
  # Half-stored: an article row without its index entry (or the reverse).
  half=$(sqlite3 "$db" 'select (select count(*) from articles) - (select count(*) from articles_fts_docsize)')
  out=$("$bin" ingest -q --db "$db" "$work/big.jsonl" 2>/dev/null | head -1)
  total=$(sqlite3 "$db" 'select count(*) from articles')
  stored=$(echo "$out" | sed -n 's/.*stored \([0-9]*\), duplicates \([0-9]*\).*/\1 \2/p')
  s=${stored% *}; d=${stored#* }
  if [[ $ic == ok && $total == 6000 && $((s + d)) == 6000 && $half == 0 ]]; then
    echo "ok   killed after ${delay}s: integrity ok, rerun stored $s, skipped $d, total $total"
  else
    echo "FAIL killed after ${delay}s: integrity=$ic total=$total rerun='$out' half=$half"
    fails=$((fails + 1))
  fi
done
echo "$fails failed"
[[ $fails == 0 ]]
