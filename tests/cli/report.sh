#!/usr/bin/env bash
# Briefs on the sample corpus: footnote format and numbering, every note resolving to a stored
# article, every number matching the store, the exonym policy, the chart; then, where Chromium
# is installed, the HTML rendered in headless Chromium (not blank) and printed to PDF.
set -u
bin=$1
src=$2
mode=${3:-golden}  # golden | browser
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
check() {  # check NAME EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; fails=$((fails + 1)); fi
}
export PARALLAX_DB=$work/p.db
"$bin" init >/dev/null
"$bin" ingest -q "$src/examples/sample-corpus" >/dev/null 2>&1

if [[ $mode == browser ]]; then
  chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
  if [[ -z $chromium ]]; then
    echo "skipped: Chromium is not installed (scripts/install-deps --browser installs it)"
    exit 77
  fi
  "$bin" report --out "$work/brief.html" >/dev/null; check "html brief" 0 $?
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1000,1400 --screenshot="$work/shot.png" "file://$work/brief.html" >/dev/null 2>&1
  python3 - "$work/shot.png" <<'PY'
# Decodes the PNG (8-bit RGB or RGBA, as Chromium writes) and checks that the page is not blank:
# enough dark pixels (text), some coloured ones (the chart), and text near the top.
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), width * bpp
rows, prev, i = [], bytearray(stride), 0
for _ in range(height):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line
dark = coloured = top_dark = 0
for y, line in enumerate(rows):
    for x in range(0, stride, bpp):
        r, g, b = line[x], line[x + 1], line[x + 2]
        if r + g + b < 200:
            dark += 1
            top_dark += y < height // 8
        if max(r, g, b) - min(r, g, b) > 60:
            coloured += 1
total = width * height
print(f"dark {dark / total:.3f}, coloured {coloured / total:.3f}, dark in the top eighth {top_dark}")
assert dark / total > 0.01 and coloured / total > 0.005 and top_dark > 500
PY
  check "Chromium renders the brief (not blank)" 0 $?
  "$bin" report --format pdf --out "$work/brief.pdf" >/dev/null; check "pdf brief" 0 $?
  python3 - "$work/brief.pdf" <<'PY'
import re, sys
pdf = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
print(f"{len(pdf)} bytes, {pages} pages")
assert pdf.startswith(b"%PDF-") and len(pdf) > 20000 and pages >= 2
PY
  check "pdf has pages" 0 $?
  echo "$fails failed"
  [[ $fails == 0 ]]
  exit
fi

"$bin" report --out "$work/brief.md" --date 2032-01-15 >/dev/null; check "markdown brief" 0 $?
"$bin" report --out "$work/brief.html" --date 2032-01-15 >/dev/null; check "html brief" 0 $?
[[ -s $work/brief-coverage.svg ]]; check "chart written beside the markdown" 0 $?
grep -q '](brief-coverage.svg)' "$work/brief.md"; check "markdown references the chart" 0 $?
python3 - "$work/brief.md" "$work/brief.html" "$work/brief-coverage.svg" "$PARALLAX_DB" <<'PY'
import html, re, sqlite3, sys, xml.etree.ElementTree as ET
md, page, svg, db = (open(p, encoding="utf-8").read() for p in sys.argv[1:4]), None, None, None
md, page, svg = md
db = sqlite3.connect(sys.argv[4])
ET.fromstring(svg)  # the chart is well-formed SVG
body, notes_part = md.split("## Notes", 1)
notes = re.findall(r"^\[\^(\d+)\]: (.*)$", notes_part, re.M)
numbers = [int(n) for n, _ in notes]
assert numbers == list(range(1, len(numbers) + 1)), numbers
refs = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)]
assert refs == numbers, ("references in reading order", refs[:20])
# The HTML carries each note's article id; the notes are the same text.
articles = re.findall(r'<li id="note-(\d+)" data-article="([0-9a-f]{16})">', page)
assert [int(n) for n, _ in articles] == numbers
article_of = {int(n): a for n, a in articles}
months = "January|February|March|April|May|June|July|August|September|October|November|December"
full = re.compile(r"^(?P<outlet>[^,]+), “(?P<title>.+)”(?: \[(?P<en>.+)\])?, (?P<date>(?:%s) \d{1,2}, \d{4}), (?P<url>https?://\S+)\.$" % months)
first_note = {}
for n, text in notes:
    n = int(n)
    a = article_of[n]
    if text == "Ibid.":
        assert n > 1 and article_of[n - 1] == a, (n, text)
        continue
    m = re.match(r"^See note (\d+)\.$", text)
    if m:
        k = int(m.group(1))
        assert k < n and article_of[k] == a and first_note[a] == k and article_of[n - 1] != a, (n, text)
        continue
    m = full.match(text)
    assert m, ("footnote format", text)
    assert a not in first_note, ("a source's full note appears once", n)
    first_note[a] = n
    row = db.execute("SELECT outlet, title, url, day, coalesce(title_en, '') FROM articles WHERE id = ?", (a,)).fetchone()
    assert row, ("footnote resolves to a stored article", n, a)
    outlet, title, url, day, title_en = row
    assert (m["outlet"], m["title"], m["url"]) == (outlet, title, url), (n, text, row)
    assert (m["en"] or "") == (title_en if title_en != title else ""), (n, text)
print(f"{len(notes)} notes, {len(first_note)} sources, every one stored")
# Every number in the corpus section matches the store.
q = lambda sql: db.execute(sql).fetchone()[0]
expect = (q("SELECT count(*) FROM articles"), q("SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
          q("SELECT count(DISTINCT outlet) FROM articles"), q("SELECT count(DISTINCT lang) FROM articles"),
          q("SELECT count(DISTINCT country) FROM articles"),
          q("SELECT count(*) FROM quotes WHERE kind <> 'term' AND speaker_entity IS NOT NULL"),
          q("SELECT count(*) FROM quote_stance s JOIN quotes q ON q.id = s.quote WHERE q.kind <> 'term' AND q.speaker_entity IS NOT NULL"))
line = re.search(r"^(\d+) articles \((\d+) unique stories\) from (\d+) outlets, in (\d+) languages, from outlets in (\d+) countries; "
                 r"(\d+) attributed quotations and (\d+) stance readings\.$", body, re.M)
assert line and tuple(map(int, line.groups())) == expect, (line and line.groups(), expect)
# Outlet table: articles per outlet and shares.
for outlet, n in db.execute("SELECT outlet, count(*) FROM articles GROUP BY outlet"):
    assert re.search(r"^\| %s \| [^|]* \| %d \| %d%% \|" % (re.escape(outlet), n, round(100 * n / expect[0])), body, re.M), outlet
assert "Prepared with Parallax on January 15, 2032." in body
for section in ("## The corpus in numbers", "## Coverage over time", "## Outlets", "## Official positions", "## Key voices",
                "## Side by side", "## Methods"):
    assert section in body, section
print("numbers match the store")
PY
check "footnotes and numbers" 0 $?

# Exonym policy: names change, quotations do not.
"$bin" report --out "$work/kosova.md" --exonyms kosova >/dev/null
grep -q '^- Outlet countries: .*Kosova (13)' "$work/kosova.md"; check "exonyms: Kosova" 0 $?
grep -q 'Albanian-language convention (Kosova, Prishtina)' "$work/kosova.md"; check "exonyms: note" 0 $?
printf 'place/xk: Kosovë\n' > "$work/names.yaml"
"$bin" report --out "$work/custom.md" --exonyms "$work/names.yaml" >/dev/null
grep -q 'Kosovë (13)' "$work/custom.md"; check "exonyms: file" 0 $?
# Filters and targets reach every section.
"$bin" report --out "$work/rs.md" --country RS --target Kina >/dev/null
grep -q '^20 articles' "$work/rs.md"; check "filtered brief counts" 0 $?
grep -q 'voices on China$' "$work/rs.md"; check "target named in Serbian, shown in English" 0 $?
"$bin" report 'nonexistentword' --out "$work/none.md" 2>"$work/err" >/dev/null; check "empty brief exit status" 4 $?
grep -q 'no stored article matches' "$work/err"; check "empty brief message" 0 $?
echo "$fails failed"
[[ $fails == 0 ]]
