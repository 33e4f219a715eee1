#!/usr/bin/env python3
"""Trains the name taggers used by entities/tagger.cc: data/ner-model.tsv (words of spaced
scripts) and, with --chinese, data/ner-zh-model.tsv (characters of Chinese text).

Averaged perceptrons over BIO tags for PER, ORG and LOC, decoded greedily left to right.
Training data (never the splits `make eval` scores, which are the test splits):
  - words: UNER SETimes Serbian and Croatian train and dev splits, UNER English-EWT dev split
    (the English train split is not in ../shared/data) and UNER Chinese-GSDSimp train and dev
    splits; only word tokens (with a letter or digit), as the C++ tokenizer sees them;
  - characters: UNER Chinese-GSDSimp train and dev splits, each sentence's tokens joined into
    running text as Chinese is written, one tag per character.

Usage: tools/train_ner.py ../shared/data data/ner-model.tsv
       tools/train_ner.py --chinese ../shared/data data/ner-zh-model.tsv
"""
import collections
import os
import random
import sys

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
MAX_FEATURES = 55000
EPOCHS = 6


def sentences(path, keep_punctuation=False):
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
            if not keep_punctuation and not any(ch.isalnum() for ch in w):
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


def chinese_sentences(path):
    """Sentences of a UNER file as characters, each with its BIO tag."""
    for words, tags in sentences(path, keep_punctuation=True):
        chars, char_tags = [], []
        for w, t in zip(words, tags):
            for k, ch in enumerate(w):
                chars.append(ch)
                char_tags.append(t if t == "O" or k == 0 else "I-" + t[2:])
        yield chars, char_tags


def char_kind(ch):
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    return "d" if ch.isdigit() else "a" if ch.isalpha() else "p"


def char_features(chars, kinds, i, prev):
    n = len(chars)

    def at(k):
        j = i + k
        return chars[j] if 0 <= j < n else "<s>" if j < 0 else "</s>"

    def kind_at(k):
        j = i + k
        return kinds[j] if 0 <= j < n else "e"

    c, p1, p2, n1, n2 = at(0), at(-1), at(-2), at(1), at(2)
    return ["b", "c=" + c, "p1=" + p1, "n1=" + n1, "p2=" + p2, "n2=" + n2, "p1c=" + p1 + c, "cn1=" + c + n1,
            "p2p1=" + p2 + p1, "n1n2=" + n1 + n2, "p1n1=" + p1 + n1, "k=" + kind_at(0) + kind_at(-1) + kind_at(1),
            "pt=" + prev, "pt+c=" + prev + "|" + c]


def train(data_set, features_of, epochs):
    """data_set: (context, tags) pairs; features_of(context, i, prev) lists token i's features."""
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

    for epoch in range(epochs):
        rng.shuffle(data_set)
        errors = 0
        for context, tags in data_set:
            prev = "O"
            for i in range(len(tags)):
                step += 1
                feats = features_of(context, i, prev)
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
    return sorted(averaged.items(), key=lambda kv: -sum(abs(v) for v in kv[1].values()))[:MAX_FEATURES]


def write(out, ranked, header):
    with open(out, "w", encoding="utf-8") as f:
        f.write(header)
        f.write("# tags: " + " ".join(TAGS) + "\n")
        for feat, w in sorted(ranked):
            if "\t" in feat or "\n" in feat:
                continue
            f.write(feat + "\t" + " ".join(f"{k}:{v:.3g}" for k, v in sorted(w.items())) + "\n")
    print(f"wrote {out}: {len(ranked)} features", file=sys.stderr)


def main():
    chinese = sys.argv[1] == "--chinese"
    data, out = sys.argv[1 + chinese], sys.argv[2 + chinese]
    if chinese:
        data_set = []
        for name in ("zh_gsdsimp-ud-train.iob2", "zh_gsdsimp-ud-dev.iob2"):
            for chars, tags in chinese_sentences(os.path.join(data, "uner-en-zh", name)):
                data_set.append(((chars, [char_kind(c) for c in chars]), tags))
        ranked = train(data_set, lambda ctx, i, prev: char_features(ctx[0], ctx[1], i, prev), EPOCHS)
        write(out, ranked,
              "# Generated by tools/train_ner.py --chinese; do not edit. Averaged-perceptron weights of\n"
              "# the Chinese name tagger (BIO tags over PER, ORG, LOC, one per character). Sources: UNER\n"
              "# Chinese-GSDSimp train+dev (CC BY-SA 4.0); the test split is left for make eval.\n"
              "# Columns: feature, then tag-index:weight pairs.\n")
        return
    files = [
        ("uner-setimes-sr-hr", "sr_set-ud-train.iob2"), ("uner-setimes-sr-hr", "sr_set-ud-dev.iob2"),
        ("uner-setimes-sr-hr", "hr_set-ud-train.iob2"), ("uner-setimes-sr-hr", "hr_set-ud-dev.iob2"),
        ("uner-en-zh", "en_ewt-ud-dev.iob2"),
        ("uner-en-zh", "zh_gsdsimp-ud-train.iob2"), ("uner-en-zh", "zh_gsdsimp-ud-dev.iob2"),
    ]
    data_set = []
    for d, name in files:
        for words, tags in sentences(os.path.join(data, d, name)):
            data_set.append(((words, [w.lower() for w in words], [shape(w) for w in words]), tags))
    ranked = train(data_set, lambda ctx, i, prev: features(*ctx, i, prev), EPOCHS)
    write(out, ranked,
          "# Generated by tools/train_ner.py; do not edit. Averaged-perceptron weights of the name\n"
          "# tagger (BIO tags over PER, ORG, LOC). Sources: UNER SETimes sr/hr train+dev, UNER\n"
          "# English-EWT dev, UNER Chinese-GSDSimp train+dev (CC BY-SA 4.0); the test splits are\n"
          "# left for make eval. Columns: feature, then tag-index:weight pairs.\n")


if __name__ == "__main__":
    main()
