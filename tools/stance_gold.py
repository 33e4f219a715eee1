#!/usr/bin/env python3
"""Converts third-party stance gold in ../shared/data into Parallax's gold JSONL.

Usage: tools/stance_gold.py SHARED_DATA_DIR OUT_DIR

Parallax gold (read by `parallax stance train --gold` and by `make eval`), one text per line:
  {"text": ..., "lang": "en", "targets": [{"start": B, "end": E, "polarity": -1|0|1,
                                           "mentions": [{"start": B, "end": E}, ...]}]}
Offsets are UTF-8 bytes. Written:
  newsmtsc-train.jsonl, newsmtsc-devtest-rw.jsonl, newsmtsc-devtest-mt.jsonl
      NewsMTSC (MIT): sentiment toward a named target; 2/4/6 become -1/0/+1; the character
      offsets become byte offsets; further mentions of the target are kept.
  ibm-claims-train.jsonl, ibm-claims-test.jsonl
      IBM Debater Claim Stance (CC BY-SA 3.0): each claim with the motion it argues about.
      "targets" holds the claim's sentiment toward its own target (claims.claimSentiment, only
      where IBM marked the claim compatible); extra fields carry the motion ("topic",
      "topic_target", "topic_sentiment") and the gold "stance" (PRO/CON) for scoring.
The output is derived from the sources above and stays outside the repository (build/).
"""
import csv
import json
import os
import sys


def byte_span(text, start, end):
    return len(text[:start].encode("utf-8")), len(text[:end].encode("utf-8"))


def newsmtsc(src, dst):
    polarity = {2.0: -1, 4.0: 0, 6.0: 1}
    n = 0
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            rec = json.loads(line)
            text = rec["sentence_normalized"]
            targets = []
            for t in rec["targets"]:
                b, e = byte_span(text, t["from"], t["to"])
                mentions = []
                for m in t.get("further_mentions", []):
                    mb, me = byte_span(text, m["from"], m["to"])
                    mentions.append({"start": mb, "end": me})
                targets.append({"start": b, "end": e, "polarity": polarity[t["polarity"]], "mentions": mentions})
            out.write(json.dumps({"id": rec["primary_gid"], "text": text, "lang": "en", "targets": targets},
                                 ensure_ascii=False) + "\n")
            n += 1
    return n


def ibm(src, out_dir):
    files = {s: open(os.path.join(out_dir, f"ibm-claims-{s}.jsonl"), "w", encoding="utf-8") for s in ("train", "test")}
    n = 0
    with open(src, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            text = r["claims.claimCorrectedText"]
            targets = []
            if r["claims.Compatible"] == "yes":
                b, e = byte_span(text, int(r["claims.claimTarget.span.start"]), int(r["claims.claimTarget.span.end"]))
                targets.append({"start": b, "end": e, "polarity": int(r["claims.claimSentiment"])})
            topic, target = r["topicText"], r["topicTarget"]
            tb = topic.find(target)
            rec = {"id": r["claims.claimId"], "text": text, "lang": "en", "targets": targets,
                   "topic": topic, "topic_target": [len(topic[:tb].encode("utf-8")), len(topic[:tb + len(target)].encode("utf-8"))] if tb >= 0 else None,
                   "topic_sentiment": int(r["topicSentiment"]), "stance": r["claims.stance"]}
            files[r["split"]].write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    for f in files.values():
        f.close()
    return n


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    m = os.path.join(data, "newsmtsc-en")
    if os.path.isdir(m):
        for name in ("train", "devtest_rw", "devtest_mt"):
            n = newsmtsc(os.path.join(m, name + ".jsonl"), os.path.join(out_dir, "newsmtsc-" + name.replace("_", "-") + ".jsonl"))
            print(f"newsmtsc {name}: {n} sentences", file=sys.stderr)
    else:
        print(f"skipped: {m} not found", file=sys.stderr)
    i = os.path.join(data, "ibm-claim-stance-en", "claim_stance_dataset_v1.csv")
    if os.path.isfile(i):
        print(f"ibm claims: {ibm(i, out_dir)}", file=sys.stderr)
    else:
        print(f"skipped: {i} not found", file=sys.stderr)


if __name__ == "__main__":
    main()
