#!/usr/bin/env python3
"""Writes packs/cities.yaml: the world's main cities with their names in the languages Parallax
reads (English, Serbian in both scripts, Croatian, Bosnian, Albanian, Macedonian, Chinese), from
GeoNames place names (../shared/data/geonames-city-names, CC BY 4.0).

Which cities: those GeoNames names in English and in eleven languages or more (the cities the
world writes about), or in three or more of the project's languages (Nikšić, Fier), or in both
Serbian and Albanian (Kosovo's towns: Peć/Pejë), or listed in ALSO. Where several cities share
an English name, the one named in most languages keeps it (Paris, France; Florence, Italy).

Which names: each becomes an alias in its language and script. A name ending in "City" or
"D.C.", or in Chinese in 市 or 特区, also counts without it when three letters or characters
remain; a Chinese name without 市 also counts with it (天津, 天津市). Left out: names another
shipped pack uses (Luxembourg and Kuwait are countries in world.yaml; the domain pack's own
Belgrade and Pristina gain this pack's other names through their shared id), given names
(Florence, Victoria), words written in lower case (data/common-words.tsv) and particles of
people's names (Van, a city in Turkey and of Herman Van Rompuy). Serbian,
Croatian, Bosnian, Albanian and Macedonian names match by their stem (Beč, Beča, Beču), which
a word of another language may share (Токио and "tokom", during), so only cities named in
fifteen languages or more get them, and only names whose stem keeps four letters or is the name
itself, and that no given name or common word of similar length shares a stem with. (Such a
name may equal the English one: Лондон is London, and it also matches Londonu.) Names of three plain letters or fewer (Bar, Ufa; not Beč)
are weak: they count only with support in the article.

Usage: tools/gen_cities_pack.py [SHARED_DATA_DIR] > packs/cities.yaml
"""
import collections
import os
import re
import sys
import unicodedata

# GeoNames locale -> our alias language; sr is split by script below.
LANGS = {"en": "en", "sr": "sr", "hr": "hr", "bs": "bs", "sq": "sq", "mk": "mk", "zh": "zh-Hans", "zh_CN": "zh-Hans",
         "zh_TW": "zh-Hant"}
PROJECT = {"sr", "hr", "bs", "sq", "mk", "zh", "zh_CN", "zh_TW"}
INFLECTED = {"sr", "hr", "bs", "sq", "mk"}  # matched through NameKey's case endings
CYRILLIC = dict(zip("абвгдђежзијклљмнњопрстћуфхцчџшѓќѕ",
                    "a b v g d dj e z z i j k l lj m n nj o p r s t c u f h c c dz s g k dz".split()))
# src/entities/matcher.cc NameKey: the case endings that come off, up to two, longest first.
ENDINGS = ["ama", "ima", "om", "em", "it", "in", "es", "en", "et", "se", "ne", "ve", "a", "e", "i", "o", "u"]
MIN_LANGUAGES = 11
MIN_PROJECT_LANGUAGES = 3
# Places the news names often that GeoNames names in few languages: Washington, D.C.
ALSO = {"4140963"}
# Particles of people's names (Herman Van Rompuy), never a city's name alone (Van, Turkey).
PARTICLES = {"bin", "ibn", "bint", "el", "al", "de", "del", "della", "di", "dos", "du", "la", "le", "van", "von"}
MIN_LANGUAGES_INFLECTED = 15


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower().replace("đ", "dj"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(CYRILLIC.get(c, c) for c in unicodedata.normalize("NFC", s))


def name_key(word):
    f = fold(word)
    for _ in range(2):
        if len(f) < 4:
            break
        cut = next((e for e in ENDINGS if len(f) >= len(e) + 3 and f.endswith(e)), None)
        if cut is None:
            break
        f = f[: -len(cut)]
    return f


def slug(name):
    s = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return s or "city"


def pack_aliases(path):
    """Every alias string of a shipped pack (YAML flow lists under aliases:)."""
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s+[a-zA-Z-]+: \[(.*)\]\s*$", line)
            if not m:
                continue
            for item in re.findall(r'"((?:[^"\\]|\\.)*)"|([^,\[\]"]+)', m.group(1)):
                text = (item[0] or item[1]).strip()
                if text:
                    out.add(fold(text))
    return out


def words_file(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            out.add(fold(line.split("\t")[0].strip()))
    return out


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    src = os.path.join(shared, "geonames-city-names", "geonames_names.tsv")
    names = collections.defaultdict(dict)
    with open(src, encoding="utf-8") as f:
        next(f)
        for line in f:
            kind, key, lang, name = line.rstrip("\n").split("\t")
            if kind == "city" and name:
                names[key][lang] = name  # every language counts towards fame; LANGS' become aliases
    taken = pack_aliases(os.path.join(repo, "packs", "world.yaml")) | pack_aliases(
        os.path.join(repo, "packs", "western-balkans-china.yaml"))
    with open(os.path.join(repo, "packs", "western-balkans-china.yaml"), encoding="utf-8") as f:
        domain_ids = set(re.findall(r"- id: (place/\S+)", f.read()))
    given = words_file(os.path.join(repo, "data", "given-names.tsv"))
    common = words_file(os.path.join(repo, "data", "common-words.tsv"))
    # Stems of given names and common words, with the shortest such word: a word much longer
    # than an alias is no inflection of it ("become" is not Beč, though both stem to "bec").
    blocked_keys = {}
    for w in given | common:
        blocked_keys[name_key(w)] = min(blocked_keys.get(name_key(w), len(w)), len(w))

    def project_languages(d):
        return len({"zh" if lang.startswith("zh") else lang for lang in d if lang in PROJECT})

    kept = [k for k, d in names.items() if "en" in d and (
        len(d) >= MIN_LANGUAGES or project_languages(d) >= MIN_PROJECT_LANGUAGES or {"sr", "sq"} <= set(d) or k in ALSO)]
    # Cities in order of how many languages name them (ties: the lower GeoNames id), so that an
    # English name, or an alias, two cities share (Washington) is the better-known one's.
    kept.sort(key=lambda k: (-len(names[k]), int(k)))
    by_name, ids = {}, set()
    for k in kept:
        by_name.setdefault(fold(names[k]["en"]), k)
    seen_alias = set()
    entries = []
    for k in by_name.values():
        d = names[k]
        aliases = collections.defaultdict(list)
        weak = []
        for lang, name in sorted(d.items()):
            if lang not in LANGS:
                continue
            variants = [name]
            # (Chinese: three characters or more stay, as 自由市 is Freetown but 自由 "freedom".)
            for suffix in ("特区", "特區", "市") if lang.startswith("zh") else (" D.C.", " City") if lang == "en" else ():
                if name.endswith(suffix) and len(name) - len(suffix) >= 3:
                    variants.append(name[: -len(suffix)])
            if lang.startswith("zh") and not name.endswith(("市", "特区", "特區")):
                variants.append(name + "市")  # 天津 and 天津市 alike
            for v in variants:
                f = fold(v)
                if f in taken or (LANGS[lang], f) in seen_alias or f in given or f in common or f in PARTICLES:
                    continue
                # An inflected language's name: see the module's comment.
                key = name_key(v)
                if lang in INFLECTED and " " not in v and (
                        len(d) < MIN_LANGUAGES_INFLECTED or (key != f and len(key) < 4) or
                        blocked_keys.get(key, len(f) + 3) <= len(f) + 2):
                    continue
                if lang == "sr":
                    ours = "sr-Cyrl" if re.search("[\u0400-\u04ff]", v) else "sr-Latn"
                else:
                    ours = LANGS[lang]
                if v in aliases[ours]:
                    continue
                seen_alias.add((LANGS[lang], f))
                aliases[ours].append(v)
                cjk = re.search("[\u3400-\u9fff]", v) is not None
                if not cjk and len(v) <= 3 and v.isascii() and v not in weak:
                    weak.append(v)
        ident = "place/" + slug(d["en"])
        if not aliases.get("en") and ident not in domain_ids:
            continue  # its English name is a country's (Luxembourg, Singapore) or a bigger city's
        if ident in ids:
            ident += "-" + k
        ids.add(ident)
        entries.append((ident, k, aliases, weak))
    out = sys.stdout
    out.write("# Generated by tools/gen_cities_pack.py from GeoNames place names; do not edit.\n")
    out.write("# Contains data from GeoNames (www.geonames.org), CC BY 4.0, as shipped in Debian's\n")
    out.write("# libgeonames-common (../shared/data/geonames-city-names). Regenerate with\n")
    out.write("#   tools/gen_cities_pack.py ../shared/data > packs/cities.yaml\n")
    out.write("pack: cities\nentities:\n")
    for ident, k, aliases, weak in sorted(entries):
        out.write(f"  - id: {ident}\n    type: place\n    name: {quote(names[k]['en'])}\n    tags: [city]\n")
        out.write(f"    geonames: {k}\n    aliases:\n")
        for lang in sorted(aliases):
            out.write(f"      {lang}: [{', '.join(quote(a) for a in aliases[lang])}]\n")
        if weak:
            out.write(f"    weak: [{', '.join(quote(a) for a in weak)}]\n")
    print(f"{len(entries)} cities", file=sys.stderr)


if __name__ == "__main__":
    main()
