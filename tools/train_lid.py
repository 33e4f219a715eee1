#!/usr/bin/env python3
"""Trains the language-id models used by text/langid.cc: for Serbian / Croatian / Bosnian (Latin
script), data/lid-sr-hr-bs.tsv (two linear models over the same features) and data/lid-jat.tsv
(ekavian and ijekavian word forms found in the training text); for Cantonese against standard
written Chinese in Traditional characters, data/lid-yue.tsv (naive Bayes over character
1-3-grams, from NTREX yue and zho-TW lines not in lid-testset); for Latin-script text that CLD2
cannot place, data/lid-latin.tsv (naive Bayes over fourteen languages, Serbian, Croatian and
Bosnian as one, from the NTREX lines of each not in lid-testset).

Training text (none of it in ../shared/data/lid-testset):
  - NTREX-128 srp-Latn, srp-Cyrl (transliterated to Latin), hrv, bos: every line except 1, 8, 15, ...
    (the lines lid-testset uses);
  - UNER SETimes Serbian and Croatian train and dev splits (lid-testset uses the UD test split).
Features: lower-cased words, pairs of adjacent words, and character 1-4-grams of " word " (script
kept, diacritics kept; words of digits only are skipped).
Models, summed by langid.cc as  naive Bayes + 0.1 x perceptron + 2 x marker votes:
  - an averaged multiclass perceptron over feature presence (columns sr, hr, bs);
  - multinomial naive Bayes over feature counts, each class's distribution an even mix of its
    NTREX and SETimes text (see train_bayes), log-probabilities centred per feature (columns
    nb_sr, nb_hr, nb_bs), keeping the features that weigh most (count x spread).
Jat reflexes: a Croatian or Bosnian word with ije/je after a consonant whose ekavian form (e) is a
Serbian word of the training text, and neither form is seen on the other side, gives an ijekavian and
an ekavian entry: the shortest prefix that only that side's words start with, or else the word.

Usage: tools/train_lid.py ../shared/data data [--holdout]
  --holdout  trains without NTREX lines 4, 11, 18, ... and the UNER dev splits, scores the whole
             decision (markers, jat forms and both models, as langid.cc combines them) on them, and
             writes nothing.
"""
import bisect
import collections
import math
import os
import random
import re
import sys

CLASSES = ["sr", "hr", "bs"]
PERCEPTRON_FEATURES = 36000
NB_FEATURES = 36000
NB_ALPHA = 0.01
# The combination langid.cc uses; keep the two in step.
PERCEPTRON_SCALE = 0.1
MARKER_VOTE = 2.0

CYRILLIC = dict(zip("абвгдђежзијклљмнњопрстћуфхцчџш",
                    "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š".split()))


def to_latin(text):
    out = []
    for ch in text:
        low = ch.lower()
        latin = CYRILLIC.get(low)
        out.append(ch if latin is None else latin.capitalize() if ch != low else latin)
    return "".join(out)


def ntrex_lines(data, code, holdout):
    path = os.path.join(data, "ntrex-128-news-parallel", f"newstest2019-ref.{code}.txt")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    # lid-testset takes lines 1, 8, 15, ... (1-based): never use them. --holdout keeps 4, 11, ... apart.
    train = [l for i, l in enumerate(lines) if i % 7 not in (0, 3) and l.strip()]
    held = [l for i, l in enumerate(lines) if i % 7 == 3 and l.strip()]
    return (train, held) if holdout else (train + held, [])


def ntrex_corpus(data, files, holdout):
    """(label, line) for training and held out, from {label: [NTREX file codes]}: the lines
    lid-testset does not use."""
    train, held = [], []
    for label, codes in files.items():
        for code in codes:
            t, h = ntrex_lines(data, code, holdout)
            train += [(label, x) for x in t]
            held += [(label, x) for x in h]
    return train, held


def uner_sentences(data, name, holdout):
    def read(split):
        path = os.path.join(data, "uner-setimes-sr-hr", f"{name}_set-ud-{split}.iob2")
        with open(path, encoding="utf-8") as f:
            return [l[9:].strip() for l in f if l.startswith("# text = ")]
    train, dev = read("train"), read("dev")
    return (train, dev) if holdout else (train + dev, [])


def corpus(data, holdout):
    """(class, source, text) for training and held out; source is "ntrex" or "setimes"."""
    train, held = [], []
    for cls, parts in (("sr", [("ntrex", ntrex_lines(data, "srp-Latn", holdout)),
                               ("setimes", uner_sentences(data, "sr", holdout))]),
                       ("hr", [("ntrex", ntrex_lines(data, "hrv", holdout)),
                               ("setimes", uner_sentences(data, "hr", holdout))]),
                       ("bs", [("ntrex", ntrex_lines(data, "bos", holdout))])):
        for source, (t, h) in parts:
            train += [(cls, source, x) for x in t]
            held += [(cls, source, x) for x in h]
    # The Cyrillic NTREX file is another Serbian translation: more Serbian words, in Latin letters.
    cyr_train, _ = ntrex_lines(data, "srp-Cyrl", holdout)
    train += [("sr", "ntrex", to_latin(x)) for x in cyr_train]
    return train, held


def features(text):
    text = text.lower()
    words = [w for w in re.findall(r"\w+", text) if not w.isdigit()]
    feats = ["w:" + w for w in words]
    # Word pairs: a variety shows in its phrasing (Serbian "da li", Croatian "je li") as well as its words.
    feats += ["b:" + a + " " + b for a, b in zip(words, words[1:])]
    for w in words:
        padded = f" {w} "
        for n in (1, 2, 3, 4):
            for i in range(len(padded) - n + 1):
                g = padded[i:i + n]
                if g.strip():
                    feats.append("c:" + g)
    return feats


def train_perceptron(samples, epochs=6):
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
        averaged[f] = [(t[k] + (step - st[k]) * w[k]) / step for k in range(3)]
    scored = sorted(averaged.items(), key=lambda kv: -(max(kv[1]) - min(kv[1])))
    return {f: w for f, w in scored[:PERCEPTRON_FEATURES] if max(w) - min(w) > 1e-4}


def train_bayes(samples):
    """Multinomial naive Bayes; log-probabilities centred per feature (only differences matter).

    Each class's feature distribution is the even mix of its two sources, NTREX and SETimes, so
    that neither source's share of a class's text becomes evidence for the class: NTREX is
    parallel, and an article's names occur in every class's NTREX lines alike, but with SETimes
    making up most of the Croatian text and none of the Bosnian, a name of an NTREX article
    (and its character grams) would read as Bosnian. Bosnian has no SETimes text; its SETimes
    distribution is the mean of the Serbian and Croatian ones.
    """
    sources = ("ntrex", "setimes")
    counts = {(c, s): collections.Counter() for c in CLASSES for s in sources}
    for c, s, t in samples:
        counts[c, s].update(features(t))
    vocab = set().union(*counts.values())
    totals = {key: sum(c.values()) for key, c in counts.items()}

    def prob(c, s, f):
        return (counts[c, s][f] + NB_ALPHA) / (totals[c, s] + NB_ALPHA * len(vocab))

    model = {}
    for f in vocab:
        setimes = {c: prob(c, "setimes", f) for c in ("sr", "hr")}
        setimes["bs"] = (setimes["sr"] + setimes["hr"]) / 2
        logp = [math.log(0.5 * prob(c, "ntrex", f) + 0.5 * setimes[c]) for c in CLASSES]
        mean = sum(logp) / 3
        model[f] = [x - mean for x in logp]
    weight = {f: sum(c[f] for c in counts.values()) * (max(w) - min(w)) for f, w in model.items()}
    keep = sorted(vocab, key=lambda f: (-weight[f], f))[:NB_FEATURES]  # ties by name: deterministic
    return {f: model[f] for f in keep}


def fold(word):
    """FoldForMatch for Latin Serbo-Croatian words: lower case, no diacritics, đ as dj."""
    word = word.lower().replace("đ", "dj")
    return word.translate(str.maketrans("čćšž", "ccsz"))


def vocabulary(texts):
    c = collections.Counter()
    for t in texts:
        for w in re.findall(r"[^\W\d_]+", t):
            c[fold(w)] += 1
    return c


class Prefixes:
    """Occurrences of the words that start with a prefix."""

    def __init__(self, counts):
        self.words, self.counts = sorted(counts), counts

    def total(self, prefix):
        i, n = bisect.bisect_left(self.words, prefix), 0
        while i < len(self.words) and self.words[i].startswith(prefix):
            n += self.counts[self.words[i]]
            i += 1
        return n


def mine_jat(samples):
    """{"prefix*" or "word": (ekavian, ijekavian)} from pairs such as mjesto / mesto."""
    ek = vocabulary(t for c, t in samples if c == "sr")
    ij = vocabulary(t for c, t in samples if c != "sr")
    ek_prefix, ij_prefix = Prefixes(ek), Prefixes(ij)
    found = {}
    for word in ij:
        for m in re.finditer(r"(?<=[bcdfghklmnprstvz])(ije|je)", word):
            ekav = word[:m.start()] + "e" + word[m.end():]
            if ek[ekav] == 0 or ij[ekav] > 0 or ek[word] > 0:
                continue
            extra = m.end() - m.start() - 1  # letters ijekavian spells more than ekavian
            for k in range(max(m.start() + 2, 4), len(ekav) + 1):
                pe, pi = ekav[:k], word[:k + extra]
                if ij_prefix.total(pe) == 0 and ek_prefix.total(pi) == 0:
                    found[pe + "*"] = (1, 0)
                    found[pi + "*"] = (0, 1)
                    break
            else:
                found.setdefault(ekav, (1, 0))
                found.setdefault(word, (0, 1))
    # A prefix that a shorter prefix of the same kind covers adds nothing.
    out = {}
    for key in sorted(found):
        if key.endswith("*") and any(key[:n] + "*" in out and out[key[:n] + "*"] == found[key]
                                     for n in range(1, len(key) - 1)):
            continue
        out[key] = found[key]
    return out


def read_markers(path):
    exact, prefix = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) != 6:
                continue
            votes = [int(x) if x else 0 for x in cols[1:]]
            (prefix if cols[0].endswith("*") else exact)[cols[0].rstrip("*")] = votes
    return exact, prefix


# The future tense as langid.cc's FutureForms reads it: joined (uradićemo, Serbian) or split
# after an infinitive cut to -t (uradit ćemo, Croatian and Bosnian); hoćemo/nećemo are everyone's.
FUTURE_JOINED = re.compile(r"[^\W\d_]{2,}[aeiаеи](?:ćemo|ćete|ćeš|ћемо|ћете|ћеш)(?![^\W\d_])", re.I)
FUTURE_SPLIT = re.compile(r"(?<![^\W\d_])[^\W\d_]+[aeiu]t (?:ću|ćeš|će|ćemo|ćete)(?![^\W\d_])", re.I)


def future_forms(text):
    joined = sum(1 for w in FUTURE_JOINED.findall(text)
                 if not (len(w) <= 7 and w.lower().startswith(("ho", "ne", "хо", "не"))))
    return joined, len(FUTURE_SPLIT.findall(text))


def classify(perceptron, bayes, markers, text):
    """The decision langid.cc makes (RefineSouthSlavic), for --holdout."""
    exact, prefix = markers
    s = [0.0, 0.0, 0.0]
    for f in features(text):
        w = bayes.get(f)
        if w:
            s = [a + b for a, b in zip(s, w)]
    for f in set(features(text)):
        w = perceptron.get(f)
        if w:
            s = [a + PERCEPTRON_SCALE * b for a, b in zip(s, w)]
    m = [0] * 5
    for word in re.findall(r"[^\W\d_]+", text):
        word = fold(word)
        votes = exact.get(word)
        for n in range(len(word), 1, -1):
            if votes is not None:
                break
            votes = prefix.get(word[:n])
        if votes:
            m = [a + b for a, b in zip(m, votes)]
    joined, split = future_forms(text)
    m[0] += joined
    m[1] += split
    s[0] += MARKER_VOTE * m[3]
    s[1] += MARKER_VOTE * m[2]
    s[2] += MARKER_VOTE * m[4]
    if m[0] > m[1]:
        return "sr"
    if m[1] > m[0]:
        s[0] = -math.inf
    return CLASSES[max(range(3), key=lambda k: s[k])]


# --- Latin-script languages, where CLD2 has no answer -----------------------------------------
# Each label with the NTREX files that train it; Serbian, Croatian and Bosnian are one class here
# (the sr/hr/bs models above tell them apart).
LATIN = {"en": ["eng-US", "eng-GB"], "de": ["deu"], "fr": ["fra"], "it": ["ita"], "es": ["spa"], "ro": ["ron"],
         "pl": ["pol"], "cs": ["ces"], "sk": ["slk"], "sl": ["slv"], "hbs": ["srp-Latn", "hrv", "bos"],
         "hu": ["hun"], "tr": ["tur"], "sq": ["sqi"]}
LATIN_FEATURES = 15000
LATIN_ALPHA = 0.1


def train_latin(samples):
    """Naive Bayes over the sr/hr/bs features, the most frequent ones; log-probabilities centred."""
    labels = list(LATIN)
    counts = {label: collections.Counter() for label in labels}
    for label, t in samples:
        counts[label].update(features(t))
    every = collections.Counter()
    for c in counts.values():
        every.update(c)
    keep = [f for f, _ in sorted(every.items(), key=lambda kv: (-kv[1], kv[0]))[:LATIN_FEATURES]]
    totals = {label: sum(counts[label][f] for f in keep) for label in labels}
    model = {}
    for f in keep:
        logp = [math.log((counts[x][f] + LATIN_ALPHA) / (totals[x] + LATIN_ALPHA * len(keep))) for x in labels]
        mean = sum(logp) / len(logp)
        model[f] = [x - mean for x in logp]
    return model


def latin_guess(model, text):
    scores = [0.0] * len(LATIN)
    for f in features(text):
        w = model.get(f)
        if w:
            scores = [a + b for a, b in zip(scores, w)]
    return list(LATIN)[max(range(len(LATIN)), key=lambda k: scores[k])]


# --- Cantonese against standard written Chinese (Traditional) ---------------------------------
YUE_FEATURES = 10000
YUE_ALPHA = 0.1


def han_grams(text):
    """Character 1-3-grams of the Han characters (and ， 。) of a text, in order."""
    t = "".join(c for c in text if "\u4e00" <= c <= "\u9fff" or c in "，。")
    return [t[i:i + n] for n in (1, 2, 3) for i in range(len(t) - n + 1)]


def train_cantonese(samples):
    """Naive Bayes log-ratios log P(g | yue) - log P(g | zh), the grams that weigh most."""
    counts = {"yue": collections.Counter(), "zh": collections.Counter()}
    for c, t in samples:
        counts[c].update(han_grams(t))
    vocab = set(counts["yue"]) | set(counts["zh"])
    totals = {c: sum(counts[c].values()) for c in counts}
    ratio = {g: math.log((counts["yue"][g] + YUE_ALPHA) / (totals["yue"] + YUE_ALPHA * len(vocab))) -
                math.log((counts["zh"][g] + YUE_ALPHA) / (totals["zh"] + YUE_ALPHA * len(vocab))) for g in vocab}
    keep = sorted(vocab, key=lambda g: (-abs(ratio[g]) * (counts["yue"][g] + counts["zh"][g]), g))[:YUE_FEATURES]
    return {g: ratio[g] for g in keep}


def main():
    data, out_dir = sys.argv[1], sys.argv[2]
    holdout = "--holdout" in sys.argv
    train_set, held = corpus(data, holdout)
    random.Random(1).shuffle(train_set)
    bayes = train_bayes(train_set)
    train_set = [(c, t) for c, _, t in train_set]
    # Bosnian has one source; repeating it balances the perceptron's updates across classes.
    perceptron = train_perceptron(train_set + [x for x in train_set if x[0] == "bs"] * 2)
    jat = mine_jat(train_set)
    # Cantonese against standard written Chinese in Traditional characters.
    yue_train, yue_held = ntrex_corpus(data, {"yue": ["yue"], "zh": ["zho-TW"]}, holdout)
    cantonese = train_cantonese(yue_train)
    latin_train, latin_held = ntrex_corpus(data, LATIN, holdout)
    latin = train_latin(latin_train)
    if holdout:
        ok = sum(latin_guess(latin, t) == label for label, t in latin_held)
        print(f"Latin-script languages: accuracy {ok / len(latin_held):.3f} ({len(latin_held)} lines)")
        right = collections.Counter(n for n, _ in yue_held)
        ok = collections.Counter(c for c, t in yue_held if (sum(cantonese.get(g, 0) for g in han_grams(t)) > 0) == (c == "yue"))
        print("yue / zh-Hant: " + ", ".join(f"{c} {ok[c] / right[c]:.3f} ({right[c]} lines)" for c in ("yue", "zh")))
        exact, prefix = read_markers(os.path.join(out_dir, "sr-hr-bs-markers.tsv"))
        for key, (e, i) in jat.items():
            # The hand-written markers win over a mined form, as in langid.cc.
            (prefix if key.endswith("*") else exact).setdefault(key.rstrip("*"), [e, i, 0, 0, 0])
        confusion = collections.Counter()
        for cls, _, text in held:
            confusion[cls, classify(perceptron, bayes, (exact, prefix), text)] += 1
        f1 = []
        for cls in CLASSES:
            tp = confusion[cls, cls]
            n = sum(confusion[cls, g] for g in CLASSES)
            guessed = sum(confusion[g, cls] for g in CLASSES)
            p, r = tp / max(guessed, 1), tp / max(n, 1)
            f1.append(2 * p * r / (p + r) if p + r else 0)
            print(f"{cls}: recall {r:.3f} precision {p:.3f} ({n} sentences)")
        print(f"accuracy {sum(confusion[c, c] for c in CLASSES) / len(held):.3f} macro-F1 {sum(f1) / 3:.3f}")
        return
    sources = ("# Sources: NTREX-128 srp-Latn, srp-Cyrl (transliterated), hrv and bos lines not in lid-testset;\n"
               "# UNER SETimes sr/hr train+dev (CC BY-SA 4.0).\n")
    path = os.path.join(out_dir, "lid-sr-hr-bs.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/train_lid.py; do not edit. Weights for Latin-script Serbian, Croatian\n")
        f.write("# and Bosnian: an averaged perceptron (sr, hr, bs; over feature presence) and naive Bayes\n")
        f.write("# (nb_sr, nb_hr, nb_bs; centred log-probabilities, over feature counts).\n")
        f.write(sources)
        f.write("# Columns: feature, sr, hr, bs, nb_sr, nb_hr, nb_bs.\n")
        for feat in sorted(set(perceptron) | set(bayes)):
            p = perceptron.get(feat, [0, 0, 0])
            b = bayes.get(feat, [0, 0, 0])
            f.write(feat + "".join(f"\t{x:.3g}" for x in p + b) + "\n")
    print(f"wrote {path}: {len(set(perceptron) | set(bayes))} features from {len(train_set)} sentences")
    path = os.path.join(out_dir, "lid-jat.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/train_lid.py; do not edit. Ekavian and ijekavian forms (reflexes of jat)\n")
        f.write("# found in the training text: mjesto/mesto, vrijeme/vreme. Match-folded; * makes a prefix.\n")
        f.write(sources)
        f.write("# Columns as data/sr-hr-bs-markers.tsv: word, ekavian, ijekavian, hr, sr, bs.\n")
        for key, (e, i) in sorted(jat.items()):
            f.write(f"{key}\t{e}\t{i}\t0\t0\t0\n")
    print(f"wrote {path}: {len(jat)} forms")
    path = os.path.join(out_dir, "lid-yue.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/train_lid.py; do not edit. Cantonese (yue) against standard written Chinese\n")
        f.write("# in Traditional characters: naive Bayes log P(gram | yue) - log P(gram | zh) over character\n")
        f.write("# 1-3-grams of Han characters and ，。. Sources: NTREX-128 yue and zho-TW lines not in\n")
        f.write("# lid-testset (CC BY-SA 4.0). Columns: gram, log-ratio.\n")
        for g, r in sorted(cantonese.items()):
            f.write(f"{g}\t{r:.3g}\n")
    print(f"wrote {path}: {len(cantonese)} grams")
    path = os.path.join(out_dir, "lid-latin.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/train_lid.py; do not edit. Latin-script languages, for text CLD2 cannot\n")
        f.write("# place: naive Bayes, log P(feature | language) centred per feature, over the features of\n")
        f.write("# data/lid-sr-hr-bs.tsv (the most frequent ones); hbs is Serbian, Croatian and Bosnian.\n")
        f.write("# Sources: NTREX-128 lines not in lid-testset (CC BY-SA 4.0): " +
                ", ".join(c for codes in LATIN.values() for c in codes) + ".\n")
        f.write("# The first line names the columns.\n")
        f.write("feature\t" + "\t".join(LATIN) + "\n")
        for feat, w in sorted(latin.items()):
            f.write(feat + "".join(f"\t{x:.3g}" for x in w) + "\n")
    print(f"wrote {path}: {len(latin)} features")


if __name__ == "__main__":
    main()
