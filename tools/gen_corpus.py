#!/usr/bin/env python3
"""Writes a large SYNTHETIC corpus as JSON Lines on stdout, for scaling measurements
(bench/scale.sh). Each article recombines paragraphs of the bundled sample corpus (fictional
outlets and people, with quotations, so the whole analysis runs) with lines of NTREX-128 news in
the same language from ../shared/data when that folder is present. Articles are marked
"synthetic": true and published by the sample corpus's fictional outlets under
https://synthetic.example/ URLs; dates spread over three years. Deterministic for a given N and
seed; nothing here is real news.

Usage: gen_corpus.py N [SOURCE_DIR] [SHARED_DATA] [--seed S]
"""
import glob
import json
import os
import random
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
n = int(args[0])
src = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..")
shared = args[2] if len(args) > 2 else os.path.join(src, "..", "shared", "data")
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
rng = random.Random(seed)

# Sample corpus paragraphs by (outlet domain, language).
outlets = {}
for path in sorted(glob.glob(os.path.join(src, "examples", "sample-corpus", "*.jsonl"))):
    for line in open(path, encoding="utf-8"):
        try:
            a = json.loads(line)
        except ValueError:
            continue
        if not isinstance(a, dict) or not isinstance(a.get("text"), str) or not isinstance(a.get("url"), str):
            continue
        domain = a["url"].split("/")[2]
        paras = [p for p in a["text"].split("\n\n") if len(p) > 40]
        o = outlets.setdefault(domain, {"paras": [], "titles": [], "lang": a.get("lang", "")})
        o["paras"] += paras
        if isinstance(a.get("title"), str):
            o["titles"].append(a["title"])
if not outlets:
    sys.exit("gen_corpus: no sample corpus under " + src)

# NTREX lines for the outlets' languages (Serbian outlets alternate scripts).
ntrex = {}
codes = {"sr": ["srp-Latn", "srp-Cyrl"], "sq": ["sqi"], "zh": ["zho-CN"], "en": ["eng-US"], "mk": ["mkd"]}
for lang, files in codes.items():
    for f in files:
        p = os.path.join(shared, "ntrex-128-news-parallel", f"newstest2019-ref.{f}.txt")
        if os.path.exists(p):
            ntrex.setdefault(lang, []).extend(l.strip() for l in open(p, encoding="utf-8") if l.strip())

domains = sorted(outlets)
out = sys.stdout
for i in range(n):
    d = domains[i % len(domains)]
    o = outlets[d]
    lang = o["lang"] or "sr"
    paras = rng.sample(o["paras"], min(3, len(o["paras"])))
    pool = ntrex.get(lang)
    if pool:
        paras.append(" ".join(rng.choice(pool) for _ in range(3)))
    rng.shuffle(paras)
    day = rng.randrange(3 * 365)
    year, doy = 2029 + day // 365, day % 365
    month, mday = 1 + doy // 31 % 12, 1 + doy % 28
    article = {
        "url": f"https://{d}/synthetic/{i}",
        "title": (rng.choice(o["titles"]) if o["titles"] else "Synthetic") + f" ({i})",
        "published": f"{year:04d}-{month:02d}-{mday:02d}",
        "text": "\n\n".join(paras),
        "synthetic": True,
    }
    if o["lang"]:
        article["lang"] = o["lang"]
    out.write(json.dumps(article, ensure_ascii=False) + "\n")
