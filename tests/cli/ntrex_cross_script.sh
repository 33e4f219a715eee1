#!/usr/bin/env bash
# Real text: ingest NTREX Serbian Cyrillic news lines and find them with Latin queries built
# from the parallel Serbian Latin file. Skips (77) when ../shared/data is absent.
set -u
bin=$1
data=$2/ntrex-128-news-parallel
if [[ ! -f $data/newstest2019-ref.srp-Cyrl.txt ]]; then
  echo "skipped: $data not found (third-party data lives in ../shared/data)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$data/newstest2019-ref.srp-Cyrl.txt" "$work/cyrl.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, line in enumerate(f, 1):
        line = line.strip()
        if line:
            out.write(json.dumps({"text": line, "id": f"L{i}", "url": f"https://ntrex.example/{i}", "lang": "sr"}, ensure_ascii=False) + "\n")
PY
"$bin" init "$work/n.db" >/dev/null
"$bin" ingest -q --db "$work/n.db" "$work/cyrl.jsonl" | head -1
# For every tenth line: the longest word (7+ letters) of the Latin line, kept when the parallel
# Cyrillic line really has that word (some lines are translated differently; checked here with
# an independent transliteration in Python). Each query must find its Cyrillic line.
python3 - "$data/newstest2019-ref.srp-Latn.txt" "$data/newstest2019-ref.srp-Cyrl.txt" "$work/queries.tsv" <<'PY'
import re, sys, unicodedata
lat = open(sys.argv[1], encoding="utf-8").read().splitlines()
cyr = open(sys.argv[2], encoding="utf-8").read().splitlines()
table = dict(zip("абвгдђежзијклљмнњопрстћуфхцчџш",
                 "a b v g d dj e z z i j k l lj m n nj o p r s t c u f h c c dz s".split()))
def fold(s):
    s = "".join(table.get(c, c) for c in s.lower()).replace("đ", "dj")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for i in range(0, len(lat), 10):
        words = [w for w in re.findall(r"\w+", lat[i]) if len(w) >= 7 and not w.isdigit()]
        if words and fold(max(words, key=len)) in fold(cyr[i]):
            out.write(f"{i+1}\t{max(words, key=len)}\n")
PY
found=0; total=0
while IFS=$'\t' read -r line word; do
  total=$((total + 1))
  if "$bin" search "$word" --db "$work/n.db" --limit 1000 --format jsonl | grep -q "\"url\":\"https://ntrex.example/$line\""; then
    found=$((found + 1))
  fi
done < "$work/queries.tsv"
echo "Latin queries that found their Cyrillic line: $found / $total"
python3 -c "import sys; sys.exit(0 if $found >= 0.98 * $total else 1)"
