#!/usr/bin/env python3
"""Trains the Serbian / Croatian / Bosnian (Latin script) linear model used by
text/langid.cc and writes data/lid-sr-hr-bs.tsv.

Training text (none of it in ../shared/data/lid-testset):
  - NTREX-128 srp-Latn, hrv, bos: every line except 1, 8, 15, ... (the lines lid-testset uses);
  - UNER SETimes Serbian and Croatian train and dev splits (lid-testset uses the UD test split).
Features: lower-cased words and character 1-4-grams of " word " (script kept, diacritics kept).
Model: an averaged multiclass perceptron over feature presence; a sentence's class is the one
with the largest summed weight.

Usage: tools/train_lid.py ../shared/data data/lid-sr-hr-bs.tsv [--holdout]
  --holdout  trains on 80% and prints accuracy on the other 20% (for tuning), writes nothing.
"""
import collections
import math
import os
import random
import re
import sys

CLASSES = ["sr", "hr", "bs"]
MAX_FEATURES = 40000


def ntrex_lines(data, code):
    path = os.path.join(data, "ntrex-128-news-parallel", f"newstest2019-ref.{code}.txt")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    # lid-testset takes lines 1, 8, 15, ... (1-based): leave them out.
    return [l for i, l in enumerate(lines, 1) if (i - 1) % 7 != 0 and l.strip()]


def uner_sentences(data, name):
    out = []
    for split in ("train", "dev"):
        path = os.path.join(data, "uner-setimes-sr-hr", f"{name}_set-ud-{split}.iob2")
        with open(path, encoding="utf-8") as f:
            out += [l[9:].strip() for l in f if l.startswith("# text = ")]
    return out


def features(text):
    text = text.lower()
    words = re.findall(r"\w+", text)
    feats = ["w:" + w for w in words if not w.isdigit()]
    for w in words:
        if w.isdigit():
            continue
        padded = f" {w} "
        for n in (1, 2, 3, 4):
            for i in range(len(padded) - n + 1):
                g = padded[i:i + n]
                if g.strip():
                    feats.append("c:" + g)
    return feats


def train(samples, epochs=6):
    """Averaged multiclass perceptron over binary features (presence, not counts)."""
    weights = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    totals = collections.defaultdict(lambda: [0.0, 0.0, 0.0])  # for averaging
    stamps = collections.defaultdict(lambda: [0, 0, 0])
    step = 0
    featurised = [(CLASSES.index(c), sorted(set(features(t)))) for c, t in samples]
    order = list(range(len(featurised)))
    rng = random.Random(7)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            step += 1
            gold, feats = featurised[i]
            scores = [0.0, 0.0, 0.0]
            for f in feats:
                w = weights.get(f)
                if w:
                    for k in range(3):
                        scores[k] += w[k]
            guess = max(range(3), key=lambda k: scores[k])
            if guess == gold:
                continue
            for f in feats:
                w, t, st = weights[f], totals[f], stamps[f]
                for k, delta in ((gold, 1.0), (guess, -1.0)):
                    t[k] += (step - st[k]) * w[k]
                    st[k] = step
                    w[k] += delta
    averaged = {}
    for f, w in weights.items():
        t, st = totals[f], stamps[f]
        avg = [(t[k] + (step - st[k]) * w[k]) / step for k in range(3)]
        averaged[f] = avg
    return averaged


def prune(model):
    scored = sorted(model.items(), key=lambda kv: -(max(kv[1]) - min(kv[1])))
    return {f: w for f, w in scored[:MAX_FEATURES] if max(w) - min(w) > 1e-4}


def classify(model, text):
    scores = [0.0, 0.0, 0.0]
    for f in set(features(text)):
        w = model.get(f)
        if w:
            for k in range(3):
                scores[k] += w[k]
    return CLASSES[max(range(3), key=lambda k: scores[k])]


def main():
    data, out = sys.argv[1], sys.argv[2]
    holdout = "--holdout" in sys.argv
    samples = [("sr", t) for t in ntrex_lines(data, "srp-Latn") + uner_sentences(data, "sr")]
    samples += [("hr", t) for t in ntrex_lines(data, "hrv") + uner_sentences(data, "hr")]
    samples += [("bs", t) for t in ntrex_lines(data, "bos")]
    random.seed(1)
    random.shuffle(samples)
    if holdout:
        cut = len(samples) * 4 // 5
        train_set, test_set = samples[:cut], samples[cut:]
    else:
        train_set, test_set = samples, []
    # Bosnian has one source; repeating it balances the perceptron's updates across classes.
    train_set = train_set + [x for x in train_set if x[0] == "bs"] * 2
    model = prune(train(train_set))
    if holdout:
        ok = collections.Counter()
        n = collections.Counter()
        for cls, text in test_set:
            n[cls] += 1
            ok[cls] += classify(model, text) == cls
        for cls in CLASSES:
            print(f"{cls}: {ok[cls]}/{n[cls]} = {ok[cls] / n[cls]:.3f}")
        return
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/train_lid.py; do not edit. Averaged-perceptron weights for Latin-script\n")
        f.write("# Serbian, Croatian and Bosnian. Sources: NTREX-128 srp-Latn/hrv/bos lines not in\n")
        f.write("# lid-testset, UNER SETimes sr/hr train+dev (CC BY-SA 4.0). Columns: feature, sr, hr, bs.\n")
        for feat, c in sorted(model.items()):
            f.write(f"{feat}\t{c[0]:.4g}\t{c[1]:.4g}\t{c[2]:.4g}\n")
    print(f"wrote {out}: {len(model)} features from {len(train_set)} sentences")


if __name__ == "__main__":
    main()
