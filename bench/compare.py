#!/usr/bin/env python3
"""Inputs and tables for bench/compare.sh (Parallax beside its peers).

  compare.py english SHARED SOURCE_DIR OUT.jsonl
      English news as articles: NTREX-128 eng-US grouped by its document ids, plus the English
      records of the sample corpus.
  compare.py analysis OURS.json... -- PEER.json...
      The full-analysis table from runs of bench/analyze_compare and bench/peers/analyze.mjs.
  compare.py lid LID_TSV OURS_PRED OURS.json PEERS_PRED PEERS.json
      Accuracy per label and speed for Parallax, CLD2, franc and eld.
"""
import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path


def english(shared, source, out):
    ntrex = Path(shared) / "ntrex-128-news-parallel"
    lines = (ntrex / "newstest2019-ref.eng-US.txt").read_text(encoding="utf-8").split("\n")
    ids = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    docs, order = defaultdict(list), []
    for doc_id, line in zip(ids, lines):
        if not doc_id:
            continue
        if doc_id not in docs:
            order.append(doc_id)
        docs[doc_id].append(line)
    with open(out, "w", encoding="utf-8") as f:
        for doc_id in order:
            f.write(json.dumps({"text": "\n\n".join(docs[doc_id]), "lang": "en",
                                "url": f"https://ntrex.example/{doc_id}"}, ensure_ascii=False) + "\n")
        for path in sorted((Path(source) / "examples/sample-corpus").glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").split("\n"):
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and record.get("lang") == "en" and isinstance(record.get("text"), str):
                    f.write(json.dumps({"text": record["text"], "lang": "en"}, ensure_ascii=False) + "\n")


def analysis(args):
    split = args.index("--")
    ours = [json.loads(Path(p).read_text()) for p in args[:split]]
    peer = [json.loads(Path(p).read_text()) for p in args[split + 1:]]
    o_s = statistics.median(r["seconds"] for r in ours)
    p_s = statistics.median(r["seconds"] for r in peer)
    mb = ours[0]["bytes"] / 1e6
    print(f"Input: {ours[0]['articles']} English articles, {mb:.2f} MB (NTREX-128 eng-US by document, and the "
          f"sample corpus's English records); median of {len(ours)} runs; analysis time only (models loaded).\n")
    print("| system | what it finds | MB/s | quotations | person mentions |\n|---|---|---|---|---|")
    print(f"| Parallax | language, entities, quotations with speakers, stance | {mb / o_s:.2f} | "
          f"{ours[0]['quotations']} | {ours[0]['people']} |")
    print(f"| compromise 14.17 (npm) | its `quotations()` and `people()` | {peer[0]['bytes'] / 1e6 / p_s:.3f} | "
          f"{peer[0]['quotations']} | {peer[0]['people']} |")
    ratio = (mb / o_s) / (peer[0]["bytes"] / 1e6 / p_s)
    print(f"\nParallax is {ratio:.0f}x compromise's speed (target at least 100x) at {mb / o_s:.2f} MB/s on one core "
          f"(target at least 20 MB/s): {'met' if ratio >= 100 and mb / o_s >= 20 else '**not met**'}. compromise "
          "counts any quoted span (titles and scare quotes too) and has no speakers; the counts are not a quality "
          "comparison (docs/EVALUATION.md has ours on gold data).")


def lid(tsv, ours_pred, ours_json, peers_pred, peers_json):
    gold = {}
    for line in Path(tsv).read_text(encoding="utf-8").split("\n")[1:]:
        parts = line.split("\t")
        if len(parts) == 4:
            gold[parts[0]] = parts[1]
    preds = defaultdict(dict)  # system -> id -> label
    for line in Path(ours_pred).read_text().split("\n"):
        if line:
            i, ours, cld2 = line.split("\t")
            preds["Parallax"][i], preds["CLD2"][i] = ours, cld2
    for line in Path(peers_pred).read_text().split("\n"):
        if line:
            i, franc, eld = line.split("\t")
            preds["franc 6.2"][i], preds["eld 2.1"][i] = franc, eld
    timing = json.loads(Path(ours_json).read_text()) | json.loads(Path(peers_json).read_text())
    seconds = {"Parallax": timing["ours_seconds"], "CLD2": timing["cld2_seconds"],
               "franc 6.2": timing["franc_seconds"], "eld 2.1": timing["eld_seconds"]}
    systems = list(seconds)
    mb = timing["bytes"] / 1e6

    def lang(tag):  # the language without its script: neither peer tells scripts apart
        return tag.split("-")[0]

    right = {s: Counter() for s in systems}
    total = Counter()
    for i, label in gold.items():
        total[label] += 1
        for s in systems:
            right[s][label] += lang(preds[s].get(i, "und")) == lang(label)
    n = sum(total.values())
    print(f"lid-testset: {n} sentences, 28 labels. Scored on the language (sr-Latn and sr-Cyrl both as sr, zh-Hans and "
          "zh-Hant as zh), since franc and eld do not name scripts; franc considers all its 187 languages, eld its "
          "60 (no Bosnian, Macedonian or Cantonese; Serbian only in Cyrillic), CLD2 its own. Each system is timed "
          "over the whole set in its own pass (Parallax and CLD2: median of three), as a deployment runs one of "
          "them.\n")
    print("| system | accuracy | MB/s | speed vs CLD2 |\n|---|---|---|---|")
    for s in systems:
        acc = sum(right[s].values()) / n
        print(f"| {s} | {acc:.3f} | {mb / seconds[s]:.1f} | {seconds['CLD2'] / seconds[s]:.2f}x |")
    ours_acc = sum(right["Parallax"].values()) / n
    cld2_acc = sum(right["CLD2"].values()) / n
    speed = seconds["CLD2"] / seconds["Parallax"]
    met = ours_acc >= cld2_acc and speed >= 0.5
    print(f"\nTarget: at least CLD2's accuracy at no less than half its speed: {'met' if met else '**not met**'} "
          f"({ours_acc:.3f} vs {cld2_acc:.3f}, {speed:.2f}x its speed). Our own labels, scripts included, are scored "
          "strictly in docs/EVALUATION.md.\n")
    print("| label | n | " + " | ".join(systems) + " |\n|---|---|" + "---|" * len(systems))
    for label in sorted(total):
        cells = " | ".join(f"{right[s][label] / total[label]:.2f}" for s in systems)
        print(f"| {label} | {total[label]} | {cells} |")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "english":
        english(*args)
    elif cmd == "analysis":
        analysis(args)
    elif cmd == "lid":
        lid(*args)
    else:
        sys.exit(f"compare.py: unknown command {cmd}")


if __name__ == "__main__":
    main()
