#!/usr/bin/env bash
# End-to-end: the CLI contract on the sample corpus (formats, counts, exit codes, re-ingest,
# cross-script search, stdin, compressed input, errors).
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
check() {  # check NAME EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; fails=$((fails + 1)); fi
}
db=$work/p.db
export PARALLAX_DB=$db

"$bin" version | grep -q '^parallax ' ; check "version" 0 $?
"$bin" init >/dev/null; check "init" 0 $?
"$bin" ingest -q "$src/examples/sample-corpus" > "$work/out" 2> "$work/err"
check "ingest exit status with quarantined records" 3 $?
check "summary balances" "seen 47, stored 44, duplicates 0, quarantined 3 (near-duplicates linked: 3)" "$(head -1 "$work/out")"
"$bin" ingest -q "$src/examples/sample-corpus" > "$work/out2" 2>/dev/null
check "re-ingest adds nothing" "seen 47, stored 0, duplicates 44, quarantined 3" "$(head -1 "$work/out2")"
check "article count unchanged" 44 "$(sqlite3 "$db" 'select count(*) from articles')"
check "quarantine listed" 3 "$("$bin" quarantine --format jsonl | wc -l)"
"$bin" quarantine --format csv | head -1 | grep -q '^run,source,record' ; check "quarantine csv header" 0 $?

# Cross-script and inflected search.
check "Latin query finds Cyrillic" "$("$bin" search 'Milović' --count)" "$("$bin" search 'Миловић' --count)"
check "inflected Serbian" 6 "$("$bin" search 'Milovića' --count)"
check "inflected Serbian, Cyrillic query" 6 "$("$bin" search 'Миловићу' --count)"
check "Cyrillic article found by Latin words" 1 "$("$bin" search '"Пријатељ у невољи"' --count)"
check "Latin diacritics folded" "$("$bin" search 'Stankovic' --count)" "$("$bin" search 'Станковић' --count)"
n=$("$bin" search 'Kosovës' --lang sq --count); check "Albanian inflection" 6 "$n"
check "Chinese name in running text" 1 "$("$bin" search '郭汉明' --count)"
check "phrase and NOT" 1 "$("$bin" search '"steel friendship" NOT Gashi' --count)"
check "prefix" 1 "$("$bin" search 'Taiw* AND Ristić' --count)"
check "filters" 4 "$("$bin" search 'Kina OR China OR 中国 OR Kinë' --country CN --count)"
check "unique stories" 1 "$("$bin" search 'infrastructure' --unique --count)"
check "all publications" 2 "$("$bin" search 'infrastructure' --count)"
# A Cyrillic republication of a Latin article is a near-duplicate across scripts.
check "cross-script copy linked" 1 "$(sqlite3 "$db" "select count(*) from articles where outlet = 'Večernje Novine' and duplicate_of in (select id from articles where outlet = 'Beogradski Glasnik')")"
check "tag filter equals its outlets" "$("$bin" search 'Kina OR Кина' --outlet 'Beogradski Glasnik' --outlet 'Večernje Novine' --count)" "$("$bin" search 'Kina OR Кина' --tag pro-government --count)"
"$bin" search 'Krasniqi' --facets --format jsonl | grep -q '"facet":"country","value":"XK"'; check "facets" 0 $?
"$bin" search 'Krasniqi' --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d and "<mark>" in d[0]["snippet"]'
check "json output with marked snippet" 0 $?
check "timeline by month" 5 "$("$bin" timeline --interval month --format jsonl | wc -l)"
"$bin" timeline 'Kina' --interval week --by tag --format csv | head -1 | grep -q '^period,tag,count$'; check "timeline csv by tag" 0 $?

# show
id=$("$bin" search 'heshtja Pekinit' --format jsonl --limit 1 | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')
"$bin" show "$id" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["lang"]=="sq" and d["published"]=="2031-11-28", d'
check "show text-file article with header lines" 0 $?
"$bin" show 0000000000000000 >/dev/null 2>&1; check "show unknown id exits 4" 4 $?

# Errors are 'parallax: what: where' with documented codes.
"$bin" search 'NOT x' >/dev/null 2>"$work/e"; check "bad query exits 2" 2 $?
grep -q '^parallax: bad query' "$work/e"; check "bad query message" 0 $?
"$bin" search x --db "$work/none.db" >/dev/null 2>"$work/e"; check "missing workspace exits 4" 4 $?
grep -q "none.db" "$work/e"; check "missing workspace named" 0 $?
echo "not a database" > "$work/bad.db"
"$bin" search x --db "$work/bad.db" >/dev/null 2>&1; check "not a workspace exits 5" 5 $?
"$bin" frobnicate >/dev/null 2>&1; check "unknown command exits 2" 2 $?

# stdin, gzip and zstd, formats by flag.
printf '{"text":"Vest sa standardnog ulaza o Kini.","url":"https://stdin.example/1"}\n' | "$bin" ingest -q - >/dev/null
check "stdin ingest" 0 $?
printf '{"text":"Komprimovana vest o Kosovu i Kini.","url":"https://gz.example/1"}\n' | gzip > "$work/c.jsonl.gz"
printf '{"text":"Druga komprimovana vest o Kosovu.","url":"https://zst.example/1"}\n' | zstd -q > "$work/c.jsonl.zst" 2>/dev/null || true
"$bin" ingest -q "$work/c.jsonl.gz" >/dev/null; check "gzip ingest" 0 $?
if [[ -s "$work/c.jsonl.zst" ]]; then "$bin" ingest -q "$work/c.jsonl.zst" >/dev/null; check "zstd ingest" 0 $?; fi
printf 'Bez zaglavlja, samo tekst o Prištini.\n' | "$bin" ingest -q --format text --outlet 'Nezavisni Pregled' - >/dev/null
check "text from stdin with --outlet" 1 "$("$bin" search 'zaglavlja' --outlet 'Nezavisni Pregled' --count)"
head -c 3000 /dev/urandom > "$work/noise.bin.txt"
"$bin" ingest -q "$work/noise.bin.txt" >/dev/null 2>&1; rc=$?
[[ $rc == 0 || $rc == 3 ]]; check "binary noise does not crash ($rc)" 0 $?
check "database integrity" ok "$(sqlite3 "$db" 'pragma integrity_check')"

# Entities: stored at ingest, searchable, countable; files without a workspace.
check "entity filter (Krasniqi in every spelling: 9 articles name him)" 9 "$("$bin" search '' --entity Krasniqi --count)"
check "entity by id across scripts" "$("$bin" search '' --entity 'Dragan Milović' --count)" "$("$bin" search '' --entity 'Драган Миловић' --count)"
"$bin" entity Kosovo --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["id"]=="place/xk" and d["articles"]>=20, d["articles"]'
check "entity counts" 0 $?
printf '{"text":"Serbian President Aleksandar Vučić met Kurti. Vučić said the Serbian President would return.","published":"2024-09-16"}\n' > "$work/e.jsonl"
"$bin" entities "$work/e.jsonl" --format jsonl > "$work/e.out"
check "entities: mentions" 5 "$(wc -l < "$work/e.out")"
check "entities: role resolved on date" 2 "$(grep -c '"via":"role","entity":"person/aleksandar-vucic"\|"entity":"person/aleksandar-vucic".*"via":"role"' "$work/e.out")"
"$bin" entities "$work/e.jsonl" --date 2010-01-01 --format jsonl | grep -q 'person/boris-tadic'; check "entities: --date" 0 $?
check "entities: summary" "person/aleksandar-vucic" "$("$bin" entities "$work/e.jsonl" --summary --format csv | sed -n 2p | cut -d, -f1)"

# Quotations in a file, no workspace needed.
"$bin" quotes "$src/examples/sample-corpus/html/ledger-analysis-steel-friendship.html" --format jsonl > "$work/q.out"
check "quotes: block quote with speaker" 1 "$(grep -c '"kind":"block".*"speaker":"Arben Krasniqi"' "$work/q.out")"
check "quotes: term without speaker" 1 "$(grep -c '"field":"text","kind":"term","lang":"en","speaker":null' "$work/q.out")"
# The headline is read too ("The 'steel friendship' under the microscope"), its offsets into the title.
check "quotes: a term in the headline" 1 "$(grep -c '"end":21,"field":"title","kind":"term".*"start":5,"text":"steel friendship"' "$work/q.out")"
python3 - "$work/q.out" "$src/examples/sample-corpus/html/ledger-analysis-steel-friendship.html" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert rows and all(r["start"] < r["end"] for r in rows), rows
PY
check "quotes: offsets" 0 $?
# A pronoun that refers to no one names no speaker, and so gives no speaker offsets.
printf 'She said: "It is very tense here."\n' >"$work/pronoun.txt"
check "quotes: no speaker, no speaker offsets" 1 "$("$bin" quotes "$work/pronoun.txt" --format jsonl | grep -c '"speaker":null,"speaker_end":null,"speaker_entity":null,"speaker_start":null')"

# Stored quotations: filters by speaker (any spelling) and words inside the quotation.
n=$("$bin" quotes --speaker Krasniqi --format jsonl | wc -l); [[ $n -ge 8 ]]; check "stored quotes by speaker ($n)" 0 $?
# Headlines' statements only: each from a title, as many as the workspace holds (terms aside).
n=$("$bin" quotes --headlines --format jsonl | grep -c '"field":"title"')
check "stored quotes: --headlines ($n)" "$(sqlite3 "$PARALLAX_DB" "select count(*) from quotes where in_title and kind <> 'term'")" "$n"
check "stored quotes: --headlines gives nothing else" "$n" "$("$bin" quotes --headlines --format jsonl | wc -l)"
check "stored quotes: cross-script match" 1 "$("$bin" quotes --match 'razvoj' --lang sr --format jsonl | grep -c 'Кином')"
"$bin" analyze "$src/examples/sample-corpus/html/ledger-analysis-steel-friendship.html" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["quotes"] and d["entities"] and d["sentences"]'
check "analyze" 0 $?

# Stance: stored for quotations, filterable, aggregated, exported.
n=$("$bin" quotes --target China --stance favourable --format jsonl | wc -l); [[ $n -ge 5 ]]; check "quotes favourable to China ($n)" 0 $?
"$bin" quotes --target China --stance favourable --format jsonl | python3 -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    assert any(s["target"] == "place/cn" and s["polarity"] == 1 for s in r["stance"]), r' ; check "stance filter keeps only favourable" 0 $?
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("""SELECT CAST(a.text AS BLOB), s.evidence_start, s.evidence_end, q.start, q.end FROM quote_stance s
                     JOIN quotes q ON q.id = s.quote JOIN articles a ON a.rowid = q.article
                     WHERE s.evidence_start IS NOT NULL""").fetchall()
assert len(rows) >= 20, len(rows)
for text, b, e, qs, qe in rows:
    assert 0 <= b < e <= len(text), (b, e, len(text))
    text[b:e].decode("utf-8")  # evidence starts and ends on character boundaries
PY
check "stance evidence points into the published text" 0 $?
total=$(sqlite3 "$db" "select count(*) from quote_stance s join quotes q on q.id = s.quote where q.speaker_entity is not null and q.kind <> 'term'")
agg=$("$bin" stance --limit -1 --format jsonl | python3 -c 'import json,sys; print(sum(r["favourable"] + r["neutral"] + r["critical"] for r in map(json.loads, sys.stdin)))')
check "stance table counts balance with the store" "$total" "$agg"
"$bin" stance --by outlet --target Kina --format jsonl | python3 -c '
import json, sys
rows = {r["outlet"]: r for r in map(json.loads, sys.stdin)}
assert rows["Beogradski Glasnik"]["net"] > 0, rows' ; check "stance by outlet toward China (target named in Serbian)" 0 $?
check "stance by month has periods" 0 "$("$bin" stance --interval month --format jsonl | python3 -c 'import json,sys; print(sum(1 for r in map(json.loads, sys.stdin) if not r["period"].startswith("2031-")))')"
"$bin" voices --target China --format json | python3 -c '
import json, sys
v = json.load(sys.stdin)
assert v and v[0]["quotes"] >= v[-1]["quotes"] and v[0]["outlets"], v
assert all(1 <= len(x["examples"]) <= 3 and x["examples"][0]["url"] for x in v), v' ; check "voices" 0 $?
"$bin" network --out "$work/net.graphml" 2>/dev/null
python3 -c 'import sys, xml.etree.ElementTree as E; g = E.parse(sys.argv[1]).getroot(); ns = "{http://graphml.graphdrawing.org/xmlns}"; assert len(g.findall(f".//{ns}edge")) > 10' "$work/net.graphml"
check "network: GraphML" 0 $?
check "network: DNA statements header" "actor,concept,agreement,date,source,text,title,url,actor_id,concept_id" "$("$bin" network --format dna | head -1)"
n=$("$bin" network --kind co-mention --format csv --top 10 | tail -n +2 | wc -l); [[ $n -ge 10 ]]; check "network: co-mention ($n edges)" 0 $?
# A model trained on our own gold, used on files; a broken model names its file and line.
"$bin" stance train --gold "$src/testdata/stance.jsonl" --out "$work/model.tsv" --min-count 1 2>/dev/null; check "stance train" 0 $?
"$bin" quotes --model "$work/model.tsv" --format jsonl "$src/examples/sample-corpus/glasnik.jsonl" | grep -q '"polarity"'; check "quotes with a trained model" 0 $?
printf 'bias\t1\t2\n' > "$work/bad.tsv"
"$bin" quotes --model "$work/bad.tsv" "$src/examples/sample-corpus/glasnik.jsonl" 2>"$work/err" >/dev/null; check "bad model exit status" 2 $?
grep -q "bad.tsv, record 1" "$work/err"; check "bad model error names file and line" 0 $?

# Parallel analysis gives the same workspace as one thread.
for j in 1 2; do
  "$bin" init "$work/j$j.db" >/dev/null
  "$bin" ingest -q --jobs $j --db "$work/j$j.db" "$src/examples/sample-corpus" >/dev/null 2>&1
done
digest='select group_concat(id || coalesce(duplicate_of, ""), ",") from (select id, duplicate_of from articles order by id);
        select count(*), sum(start), sum(end), group_concat(entity) from (select * from mentions order by article, start);
        select count(*), sum(start), group_concat(coalesce(speaker_entity, "-")) from (select * from quotes order by article, start);
        select count(*), sum(polarity), sum(coalesce(evidence_start, 0)), group_concat(target) from (select * from quote_stance order by quote, rowid);'
check "--jobs 2 equals --jobs 1" "$(sqlite3 "$work/j1.db" "$digest" | md5sum)" "$(sqlite3 "$work/j2.db" "$digest" | md5sum)"

# translit and langid
check "translit to latin" "Ljubljana Đorđe" "$(printf 'Љубљана Ђорђе' | "$bin" translit --to latin)"
check "translit to cyrillic" "Њујорк надживети" "$(printf 'Njujork nadživeti' | "$bin" translit --to cyrillic)"
check "langid" '"sr-Cyrl"' "$(printf 'Председник је рекао да ће влада наставити разговоре.' | "$bin" langid | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["tag"]))')"

echo "$fails failed"
[[ $fails == 0 ]]
