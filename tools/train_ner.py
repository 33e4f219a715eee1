#!/usr/bin/env python3
"""Trains the name tagger used by entities/tagger.cc and writes data/ner-model.tsv.

An averaged perceptron over BIO tags for PER, ORG and LOC, decoded greedily left to right.
Training data (never the splits `make eval` scores, which are the test splits):
  - UNER SETimes Serbian and Croatian: train and dev splits;
  - UNER English-EWT: dev split (the English train split is not in ../shared/data);
  - UNER Chinese-GSDSimp: train and dev splits.
Only word tokens are used (tokens with a letter or digit), as the C++ tokenizer sees them.

Usage: tools/train_ner.py ../shared/data data/ner-model.tsv
"""
import collections
import os
import random
import sys

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
MAX_FEATURES = 45000
EPOCHS = 6


def sentences(path):
    words, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            w, t = cols[1], cols[2]
            if not any(ch.isalnum() for ch in w):
                continue
            if t.endswith("OTH"):
                t = "O"
            # Punctuation removed: an I- tag after a dropped token stays inside its name.
            words.append(w)
            tags.append(t if t in TAGS else "O")
    if words:
        yield words, tags


def shape(w):
    out = []
    for ch in w:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else "o"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:4])


def features(words, lowers, shapes, i, prev):
    n = len(words)
    lw = lowers[i]
    p1 = lowers[i - 1] if i > 0 else "<s>"
    p2 = lowers[i - 2] if i > 1 else "<s>"
    n1 = lowers[i + 1] if i + 1 < n else "</s>"
    n2 = lowers[i + 2] if i + 2 < n else "</s>"
    sh = shapes[i]
    f = ["b", "w=" + lw, "p1=" + p1, "n1=" + n1, "p2=" + p2, "n2=" + n2,
         "s3=" + lw[-3:], "s2=" + lw[-2:], "pre3=" + lw[:3], "sh=" + sh,
         "psh=" + (shapes[i - 1] if i > 0 else "<s>"), "nsh=" + (shapes[i + 1] if i + 1 < n else "</s>"),
         "pt=" + prev, "pt+sh=" + prev + "|" + sh, "p1+sh=" + p1 + "|" + sh, "w+n1sh=" + lw + "|" + (shapes[i + 1] if i + 1 < n else "</s>")]
    if i == 0:
        f.append("first")
    return f


def valid(tag, prev):
    return not tag.startswith("I-") or prev[2:] == tag[2:]


def predict(weights, feats, prev):
    scores = [0.0] * len(TAGS)
    for f in feats:
        w = weights.get(f)
        if w:
            for k, v in w.items():
                scores[k] += v
    best = max((k for k in range(len(TAGS)) if valid(TAGS[k], prev)), key=lambda k: scores[k])
    return best


def main():
    data, out = sys.argv[1], sys.argv[2]
    files = [
        ("uner-setimes-sr-hr", "sr_set-ud-train.iob2"), ("uner-setimes-sr-hr", "sr_set-ud-dev.iob2"),
        ("uner-setimes-sr-hr", "hr_set-ud-train.iob2"), ("uner-setimes-sr-hr", "hr_set-ud-dev.iob2"),
        ("uner-en-zh", "en_ewt-ud-dev.iob2"),
        ("uner-en-zh", "zh_gsdsimp-ud-train.iob2"), ("uner-en-zh", "zh_gsdsimp-ud-dev.iob2"),
    ]
    data_set = []
    for d, name in files:
        for words, tags in sentences(os.path.join(data, d, name)):
            data_set.append((words, [w.lower() for w in words], [shape(w) for w in words], tags))
    weights = collections.defaultdict(dict)
    totals = collections.defaultdict(lambda: collections.defaultdict(float))
    stamps = collections.defaultdict(lambda: collections.defaultdict(int))
    step = 0
    rng = random.Random(3)

    def update(f, k, delta):
        w = weights[f]
        totals[f][k] += (step - stamps[f][k]) * w.get(k, 0.0)
        stamps[f][k] = step
        w[k] = w.get(k, 0.0) + delta

    for epoch in range(EPOCHS):
        rng.shuffle(data_set)
        errors = 0
        for words, lowers, shapes, tags in data_set:
            prev = "O"
            for i in range(len(words)):
                step += 1
                feats = features(words, lowers, shapes, i, prev)
                guess = predict(weights, feats, prev)
                gold = TAGS.index(tags[i]) if valid(tags[i], prev) else TAGS.index("B-" + tags[i][2:])
                if guess != gold:
                    errors += 1
                    for f in feats:
                        update(f, gold, 1.0)
                        update(f, guess, -1.0)
                prev = TAGS[gold]
        print(f"epoch {epoch + 1}: {errors} token errors", file=sys.stderr)
    averaged = {}
    for f, w in weights.items():
        avg = {}
        for k, v in w.items():
            a = (totals[f][k] + (step - stamps[f][k]) * v) / step
            if abs(a) > 1e-3:
                avg[k] = a
        if avg:
            averaged[f] = avg
    ranked = sorted(averaged.items(), key=lambda kv: -sum(abs(v) for v in kv[1].values()))[:MAX_FEATURES]
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/train_ner.py; do not edit. Averaged-perceptron weights of the name\n")
        f.write("# tagger (BIO tags over PER, ORG, LOC). Sources: UNER SETimes sr/hr train+dev, UNER\n")
        f.write("# English-EWT dev, UNER Chinese-GSDSimp train+dev (CC BY-SA 4.0); the test splits are\n")
        f.write("# left for make eval. Columns: feature, then tag-index:weight pairs.\n")
        f.write("# tags: " + " ".join(TAGS) + "\n")
        for feat, w in sorted(ranked):
            if "\t" in feat or "\n" in feat:
                continue
            f.write(feat + "\t" + " ".join(f"{k}:{v:.3g}" for k, v in sorted(w.items())) + "\n")
    print(f"wrote {out}: {len(ranked)} features from {len(data_set)} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
