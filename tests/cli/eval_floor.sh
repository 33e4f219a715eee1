#!/usr/bin/env bash
# Quality floors: runs parallax_eval on ../shared/data and fails when a measured figure drops
# below what this version reaches (so a change that makes a stage worse is caught). Skips (77)
# when the data is absent.
set -u
eval_bin=$1
data=$2
src=$3
if [[ ! -d $data/lid-testset ]]; then
  echo "skipped: $data not found (third-party gold data lives in ../shared/data)"
  exit 77
fi
python3 "$src/tools/stance_gold.py" "$data" "$TMPDIR/stance-gold" 2>/dev/null || exit 1
# (Its notes on stderr go to a file of their own: mixed into the tables, a buffer flushed
# mid-line would cut a row.)
"$eval_bin" "$data" --stance-gold "$TMPDIR/stance-gold" > "$TMPDIR/eval.md" 2> "$TMPDIR/eval.err" ||
  { cat "$TMPDIR/eval.md" "$TMPDIR/eval.err"; exit 1; }
python3 - "$TMPDIR/eval.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
fails = []
def row(prefix):
    for line in text.splitlines():
        if line.startswith("| " + prefix):
            return [c.strip() for c in line.strip("|").split("|")]
    fails.append(f"no row '{prefix}'")
    return None
def floor(name, value, minimum):
    ok = value >= minimum
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {value:.3f} (floor {minimum})")
    if not ok:
        fails.append(name)
r = row("CLDR sr"); r and floor("CLDR sr transliteration", float(r[2]), 1.0)
r = row("CLDR mk"); r and floor("CLDR mk transliteration", float(r[2]), 1.0)
for lang, data in (("sr", "UD Serbian-SET dev"), ("hr", "UD Croatian"), ("sq", "UD Albanian"), ("zh", "UNER Chinese")):
    r = row(f"{lang} | {data}"); r and floor(f"sentence F1 {lang}", float(r[5]), 0.97)
r = row("full sentences")
if r:
    floor("language id accuracy", float(r[1]), 0.953)
    floor("language id ahead of CLD2", float(r[1]) - float(r[2]), 0.0)
r = row("first 40 characters"); r and floor("language id accuracy, 40 characters", float(r[1]), 0.893)
# Every label at least CLD2's accuracy (label | n | ours | CLD2 | ours 40 | CLD2 40 | error).
for line in text.split("## Language identification", 1)[-1].split("\n## ", 1)[0].splitlines():
    c = [x.strip() for x in line.strip("|").split("|")]
    if len(c) == 7 and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]+)?", c[0]):
        floor(f"language id {c[0]} ahead of CLD2", float(c[2]) - float(c[3]), 0.0)
for lang, p_floor, r_floor in (("sr", 0.913, 0.94), ("hr", 0.86, 0.885), ("en", 0.68, 0.67), ("zh", 0.66, 0.44)):
    r = row(f"{lang} | PER")
    if r:
        floor(f"{lang} person precision", float(r[3]), p_floor)
        floor(f"{lang} person recall", float(r[4]), r_floor)
for lang, f_floor in (("sr", 0.935), ("hr", 0.87), ("en", 0.655), ("zh", 0.59)):
    r = row(f"{lang} | LOC")
    r and floor(f"{lang} place F1", float(r[5]), f_floor)
for lang, f_floor in (("sr", 0.79), ("hr", 0.73)):
    r = row(f"{lang} | ORG")
    r and floor(f"{lang} organisation F1", float(r[5]), f_floor)
m = re.search(r"identical entity sets ([0-9.]+)", text)
if m: floor("cross-script entity agreement", float(m.group(1)), 0.78)
m = re.search(r"identical entities \(id and how found\) ([0-9]+\.[0-9]+)", text)
if m: floor("same text in both scripts, identical entities", float(m.group(1)), 0.99)
for lang, p_floor, r_floor in (("sr", 0.905, 0.92), ("hr", 0.86, 0.865)):
    r = row(f"{lang}, no diacritics | PER")
    if r:
        floor(f"{lang} person precision, no diacritics", float(r[3]), p_floor)
        floor(f"{lang} person recall, no diacritics", float(r[4]), r_floor)
for lang, recall, accuracy, precision in (("en", 0.90, 0.92, 0.935), ("srp-Latn", 0.92, 0.87, 0.90), ("srp-Cyrl", 0.915, 0.87, 0.90),
                                          ("hrv", 0.905, 0.865, 0.925), ("bos", 0.90, 0.84, 0.90), ("sqi", 0.905, 0.85, 0.89),
                                          ("mkd", 0.91, 0.835, 0.905), ("zho-CN", 0.90, 0.815, 0.86)):
    r = row(f"{lang} | 0")
    if r:
        floor(f"{lang} quote recall", float(r[1]), recall)
        floor(f"{lang} speaker accuracy", float(r[2]), accuracy)
        floor(f"{lang} attributed precision", float(r[3]), precision)
m = re.search(r"German speaker attribution.*?\n\| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \|", text, re.S)
if m:
    floor("German message recall", float(m.group(1)), 0.20)
    floor("German source accuracy", float(m.group(2)), 0.48)
m = re.search(r"macro-F1 .*: ours ([0-9.]+) on full", text)
if m: floor("sr/hr/bs macro-F1", float(m.group(1)), 0.848)
for name, targets, minimum in (("devtest-rw", 1146, 0.65), ("devtest-mt", 1476, 0.61)):
    r = row(f"{name} | {targets} | model"); r and floor(f"NewsMTSC {name} macro-F1 (model)", float(r[7]), minimum)
for name, targets, minimum in (("devtest-rw", 1146, 0.45), ("devtest-mt", 1476, 0.425)):
    r = row(f"{name} | {targets} | lexicon"); r and floor(f"NewsMTSC {name} macro-F1 (lexicon)", float(r[7]), minimum)
r = row("model | 1355"); r and floor("IBM claim stance accuracy (model)", float(r[2]), 0.55)
own_table = text.split("Our multilingual check", 1)[-1] if "Our multilingual check" in text else ""
own = [float(m.group(1)) for m in re.finditer(r"^\| [a-zA-Z-]+ \| \d+ \| ([0-9.]+) \|", own_table, re.M)]
if own: floor("own multilingual stance check, mean lexicon accuracy", sum(own) / len(own), 0.85)
print(f"{len(fails)} failed")
sys.exit(1 if fails else 0)
PY
