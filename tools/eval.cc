// parallax_eval: scores each stage on gold data in ../shared/data and prints Markdown tables.
// Usage: parallax_eval SHARED_DATA_DIR [--section NAME]... [--stance-gold DIR] [--stance-model FILE]
//        [--quote-errors FILE] [--entity-errors FILE] [--segment-errors FILE] (one line per missed or wrong item;
//        German quotations go to FILE.de)
// Sections: translit segment langid entities quotes stance.
// Sections whose data is missing print a line saying so and are skipped.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>

#include "entities/matcher.h"
#include "pipeline/ingest_job.h"
#include "quotes/quotes.h"
#include "stance/stance.h"
#include "text/tokenize.h"
#include "text/langid.h"
#include "text/segment.h"
#include "text/translit.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using namespace parallax;

namespace {

std::vector<std::string> ReadLines(const fs::path& p) {
  std::vector<std::string> out;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

// Unicode NFC, so precomposed and decomposed spellings (ć and c + U+0301) compare equal.
std::string Nfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return s;
  icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(s), err);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string IcuTransform(icu::Transliterator* t, const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// ---- transliteration ------------------------------------------------------------------------
void EvalTranslit(const fs::path& data) {
  fmt::print("## Transliteration\n\n");
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_bgn(
      icu::Transliterator::createInstance("Serbian-Latin/BGN", UTRANS_FORWARD, err));
  if (U_FAILURE(err)) icu_bgn.reset();
  fmt::print("| test | items | ours | ICU Serbian-Latin/BGN | ours = ICU |\n|---|---|---|---|---|\n");
  fs::path pairs = data / "cldr-names-translit/testData-transforms/sr-Latn-t-sr-m0-bgn.txt";
  if (fs::exists(pairs)) {
    int n = 0, ours = 0, icu = 0, agree = 0;
    for (const std::string& line : ReadLines(pairs)) {
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
      std::string src = line.substr(0, tab), want = Nfc(line.substr(tab + 1));
      std::string got = Nfc(text::CyrillicToLatin(src).text);
      std::string ref = icu_bgn ? Nfc(IcuTransform(icu_bgn.get(), src)) : "";
      ++n;
      ours += got == want;
      icu += ref == want;
      agree += got == ref;
    }
    fmt::print("| CLDR sr Cyrillic→Latin pairs (exact after NFC) | {} | {:.3f} | {:.3f} | {:.3f} |\n", n, double(ours) / n,
               double(icu) / n, double(agree) / n);
  } else {
    fmt::print("| CLDR pairs | skipped: {} not found | | | |\n", pairs.string());
  }
  fs::path mk_pairs = data / "cldr-names-translit/testData-transforms/mk-Latn-t-mk-m0-bgn.txt";
  if (fs::exists(mk_pairs)) {
    std::unique_ptr<icu::Transliterator> icu_mk(
        icu::Transliterator::createInstance("Macedonian-Latin/BGN", UTRANS_FORWARD, err = U_ZERO_ERROR));
    if (U_FAILURE(err)) icu_mk.reset();
    int n = 0, ours = 0, icu = 0, agree = 0;
    for (const std::string& line : ReadLines(mk_pairs)) {
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
      std::string src = line.substr(0, tab), want = Nfc(line.substr(tab + 1));
      std::string got = Nfc(text::CyrillicToLatin(src, text::TranslitLang::kMacedonian).text);
      std::string ref = icu_mk ? Nfc(IcuTransform(icu_mk.get(), src)) : "";
      ++n;
      ours += got == want;
      icu += ref == want;
      agree += got == ref;
    }
    fmt::print("| CLDR mk Cyrillic→Latin pairs (exact after NFC; ICU Macedonian-Latin/BGN) | {} | {:.3f} | {:.3f} | {:.3f} |\n", n,
               double(ours) / n, double(icu) / n, double(agree) / n);
  }
  fs::path cyr = data / "ntrex-128-news-parallel/newstest2019-ref.srp-Cyrl.txt";
  fs::path lat = data / "ntrex-128-news-parallel/newstest2019-ref.srp-Latn.txt";
  if (fs::exists(cyr) && fs::exists(lat)) {
    std::vector<std::string> c = ReadLines(cyr), l = ReadLines(lat);
    size_t n = std::min(c.size(), l.size());
    int to_latin = 0, icu_same = 0, to_cyr = 0, agree = 0;
    for (size_t i = 0; i < n; ++i) {
      std::string ours = text::CyrillicToLatin(c[i]).text;
      to_latin += ours == l[i];
      if (icu_bgn) {
        std::string ref = IcuTransform(icu_bgn.get(), c[i]);
        icu_same += ref == l[i];
        agree += ref == ours;
      }
      to_cyr += text::LatinToCyrillic(l[i]).text == c[i];
    }
    fmt::print("| NTREX srp-Cyrl → Latin = srp-Latn (identical lines) | {} | {:.3f} | {:.3f} | {:.3f} |\n", n,
               double(to_latin) / n, double(icu_same) / n, double(agree) / n);
    fmt::print("| NTREX srp-Latn → Cyrillic = srp-Cyrl (identical lines) | {} | {:.3f} | – | – |\n", n, double(to_cyr) / n);
  }
  fmt::print("\nThe NTREX files are two human versions, not a transliteration of each other, so identical\n"
             "lines bound what any transliterator can reach.\n\n");
}

// ---- segmentation ---------------------------------------------------------------------------
struct Doc {
  std::string text;
  std::set<uint32_t> boundaries;  // end offsets of gold sentences (the last one excluded)
};

// Gold sentences from "# text = " lines, concatenated into running text (with a space, none for
// Chinese), one document per "# newdoc" (or per file).
std::vector<Doc> LoadGold(const std::vector<fs::path>& files, bool cjk) {
  std::vector<Doc> docs;
  for (const fs::path& f : files) {
    if (!fs::exists(f)) continue;
    docs.emplace_back();
    for (const std::string& line : ReadLines(f)) {
      if (line.rfind("# newdoc", 0) == 0 && !docs.back().text.empty()) docs.emplace_back();
      if (line.rfind("# text = ", 0) != 0) continue;
      Doc& d = docs.back();
      if (!d.text.empty()) {
        d.boundaries.insert(static_cast<uint32_t>(d.text.size()));
        if (!cjk) d.text += ' ';
      }
      d.text += line.substr(9);
    }
  }
  return docs;
}

void EvalSegment(const fs::path& data, const std::string& errors_file) {
  std::FILE* errors = errors_file.empty() ? nullptr : std::fopen(errors_file.c_str(), "w");
  fmt::print("## Sentence segmentation (boundary precision / recall / F1)\n\n");
  fmt::print("| language | data | gold boundaries | precision | recall | F1 |\n|---|---|---|---|---|---|\n");
  struct Set {
    const char* lang;
    const char* name;
    std::vector<fs::path> files;
  };
  const Set sets[] = {
      {"sr", "UD Serbian-SET dev+test", {data / "ud-setimes-sr-hr/sr_set-ud-dev.conllu", data / "ud-setimes-sr-hr/sr_set-ud-test.conllu"}},
      {"sr", "UD Serbian-SET Cyrillic dev+test", {data / "ud-setimes-sr-hr/sr_set_cyr-ud-dev.conllu", data / "ud-setimes-sr-hr/sr_set_cyr-ud-test.conllu"}},
      {"hr", "UD Croatian-SET dev+test", {data / "ud-setimes-sr-hr/hr_set-ud-dev.conllu", data / "ud-setimes-sr-hr/hr_set-ud-test.conllu"}},
      {"sq", "UD Albanian STAF+TSA", {data / "ud-albanian/sq_staf-ud-train.conllu", data / "ud-albanian/sq_staf-ud-dev.conllu",
                                      data / "ud-albanian/sq_staf-ud-test.conllu", data / "ud-albanian/sq_tsa-ud-test.conllu"}},
      {"en", "UNER English-EWT dev+test", {data / "uner-en-zh/en_ewt-ud-dev.iob2", data / "uner-en-zh/en_ewt-ud-test.iob2"}},
      {"zh", "UNER Chinese-GSDSimp dev+test", {data / "uner-en-zh/zh_gsdsimp-ud-dev.iob2", data / "uner-en-zh/zh_gsdsimp-ud-test.iob2"}},
  };
  for (const Set& s : sets) {
    std::vector<Doc> docs = LoadGold(s.files, std::string_view(s.lang) == "zh");
    if (docs.empty()) {
      fmt::print("| {} | {} | skipped: data not found | | | |\n", s.lang, s.name);
      continue;
    }
    long tp = 0, fp = 0, fn = 0, gold = 0;
    for (const Doc& d : docs) {
      std::set<uint32_t> predicted;
      std::vector<ByteRange> sents = text::SplitSentences(d.text, s.lang);
      for (size_t k = 0; k + 1 < sents.size(); ++k) {
        // A boundary is the position between sentences: the end of one, skipping spaces.
        predicted.insert(sents[k].end);
      }
      // "MISSED/WRONG lang | text before | text after" lines for --segment-errors.
      auto report = [&](const char* what, uint32_t b) {
        if (errors == nullptr) return;
        uint32_t from = b > 60 ? b - 60 : 0;
        std::string before = d.text.substr(from, b - from), after = d.text.substr(b, 40);
        for (std::string* t : {&before, &after}) std::replace(t->begin(), t->end(), '\n', ' ');
        fmt::print(errors, "{}\t{}\t{}\t{}\n", s.lang, what, before, after);
      };
      for (uint32_t b : predicted) {
        (d.boundaries.count(b) ? tp : fp)++;
        if (!d.boundaries.count(b)) report("WRONG", b);
      }
      for (uint32_t b : d.boundaries) {
        fn += !predicted.count(b);
        if (!predicted.count(b)) report("MISSED", b);
      }
      gold += static_cast<long>(d.boundaries.size());
    }
    double p = tp + fp ? double(tp) / (tp + fp) : 0, r = tp + fn ? double(tp) / (tp + fn) : 0;
    fmt::print("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", s.lang, s.name, gold, p, r, p + r ? 2 * p * r / (p + r) : 0);
  }
  if (errors != nullptr) std::fclose(errors);
  fmt::print("\n");
}

// ---- language identification ----------------------------------------------------------------
std::string CutTo(const std::string& s, size_t chars) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < chars) {
    text::DecodeUtf8(s, i);
    ++n;
  }
  return s.substr(0, i);
}

void EvalLangid(const fs::path& data) {
  fs::path file = data / "lid-testset/lid_test.tsv";
  if (!fs::exists(file)) {
    fmt::print("## Language identification\n\nskipped: {} not found\n\n", file.string());
    return;
  }
  struct Item {
    std::string label, text;
  };
  std::vector<Item> items;
  bool header = true;
  for (const std::string& line : ReadLines(file)) {
    if (header) {
      header = false;
      continue;
    }
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
    if (t3 == std::string::npos) continue;
    items.push_back({line.substr(t1 + 1, t2 - t1 - 1), line.substr(t3 + 1)});
  }
  fmt::print("## Language identification (lid-testset, {} sentences)\n\n", items.size());
  struct Score {
    std::map<std::string, int> total, ours, cld2;
    std::map<std::string, std::map<std::string, int>> confusion;  // label -> predicted -> n (ours)
    double ours_seconds = 0, cld2_seconds = 0;
    long bytes = 0;
  };
  // Warm up lazily built tables (model, Han classes) so they are not timed.
  text::LoadLanguageModels();
  auto run = [&](size_t cut) {
    Score s;
    for (const Item& it : items) {
      std::string t = cut ? CutTo(it.text, cut) : it.text;
      s.bytes += static_cast<long>(t.size());
      auto t0 = std::chrono::steady_clock::now();
      std::string ours = text::IdentifyLanguage(t).best.tag;
      auto t1 = std::chrono::steady_clock::now();
      std::string cld2 = text::Cld2Baseline(t);
      auto t2 = std::chrono::steady_clock::now();
      s.ours_seconds += std::chrono::duration<double>(t1 - t0).count();
      s.cld2_seconds += std::chrono::duration<double>(t2 - t1).count();
      s.total[it.label]++;
      s.ours[it.label] += ours == it.label;
      s.cld2[it.label] += cld2 == it.label;
      s.confusion[it.label][ours]++;
    }
    return s;
  };
  Score full = run(0), short40 = run(40);
  auto overall = [](const Score& s, const std::map<std::string, int>& m) {
    int n = 0, ok = 0;
    for (const auto& [l, t] : s.total) n += t, ok += m.at(l);
    return double(ok) / n;
  };
  fmt::print("| input | ours accuracy | CLD2 accuracy | ours MB/s | CLD2 MB/s |\n|---|---|---|---|---|\n");
  for (const auto& [name, s] : {std::pair<const char*, const Score&>{"full sentences", full}, {"first 40 characters", short40}}) {
    fmt::print("| {} | {:.3f} | {:.3f} | {:.1f} | {:.1f} |\n", name, overall(s, s.ours), overall(s, s.cld2),
               s.bytes / 1e6 / s.ours_seconds, s.bytes / 1e6 / s.cld2_seconds);
  }
  // Macro-F1 over sr (both scripts), hr and bs.
  auto macro = [](const Score& s) {
    const std::vector<std::string> labels = {"sr-Latn", "sr-Cyrl", "hr", "bs"};
    double sum = 0;
    for (const std::string& l : labels) {
      int tp = s.confusion.count(l) && s.confusion.at(l).count(l) ? s.confusion.at(l).at(l) : 0;
      int predicted = 0;
      for (const auto& [gold, row] : s.confusion) predicted += row.count(l) ? row.at(l) : 0;
      int actual = s.total.count(l) ? s.total.at(l) : 0;
      double p = predicted ? double(tp) / predicted : 0, r = actual ? double(tp) / actual : 0;
      sum += p + r ? 2 * p * r / (p + r) : 0;
    }
    return sum / labels.size();
  };
  fmt::print("\nsr/hr/bs macro-F1 (sr-Latn, sr-Cyrl, hr, bs): ours {:.3f} on full sentences, {:.3f} on 40 characters.\n\n",
             macro(full), macro(short40));
  fmt::print("| label | n | ours | CLD2 | ours (40 chars) | CLD2 (40 chars) | ours' most common error |\n|---|---|---|---|---|---|---|\n");
  for (const auto& [label, n] : full.total) {
    std::string worst;
    int worst_n = 0;
    for (const auto& [pred, k] : full.confusion[label]) {
      if (pred != label && k > worst_n) worst = pred, worst_n = k;
    }
    fmt::print("| {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {} |\n", label, n, double(full.ours[label]) / n,
               double(full.cld2[label]) / n, double(short40.ours[label]) / n, double(short40.cld2[label]) / n,
               worst_n ? fmt::format("{} ({})", worst, worst_n) : "");
  }
  fmt::print("\n");
}

// ---- named entities --------------------------------------------------------------------------
void EvalEntities(const fs::path& data, const std::string& errors_file) {
  std::FILE* errors = errors_file.empty() ? nullptr : std::fopen(errors_file.c_str(), "w");
  fmt::print("## Named entities (UNER test splits; packs, name tagger and cue rules; exact spans)\n\n");
  auto knowledge = entities::Knowledge::Default();
  if (!knowledge.ok()) {
    fmt::print("cannot load packs: {}\n\n", knowledge.status().ToString());
    return;
  }
  auto matcher = entities::Matcher::Create(*knowledge);
  if (!matcher.ok()) return;
  struct Set {
    const char* lang;
    std::vector<fs::path> files;
    bool unmarked = false;  // typed without diacritics ("ošišana latinica": Vucic, Djokovic)
  };
  const Set sets[] = {
      // Test splits only: the name tagger trains on the train and dev splits.
      {"sr", {data / "uner-setimes-sr-hr/sr_set-ud-test.iob2"}},
      {"hr", {data / "uner-setimes-sr-hr/hr_set-ud-test.iob2"}},
      {"en", {data / "uner-en-zh/en_ewt-ud-test.iob2"}},
      {"zh", {data / "uner-en-zh/zh_gsdsimp-ud-test.iob2"}},
      {"sr, no diacritics", {data / "uner-setimes-sr-hr/sr_set-ud-test.iob2"}, true},
      {"hr, no diacritics", {data / "uner-setimes-sr-hr/hr_set-ud-test.iob2"}, true},
  };
  // Serbian and Croatian as often typed online: č ć -> c, š -> s, ž -> z, đ -> dj.
  auto unmark = [](std::string s) {
    static const std::pair<std::string_view, std::string_view> kLetters[] = {
        {"č", "c"}, {"ć", "c"}, {"š", "s"}, {"ž", "z"}, {"đ", "dj"}, {"Č", "C"}, {"Ć", "C"}, {"Š", "S"}, {"Ž", "Z"}, {"Đ", "Dj"}};
    for (const auto& [from, to] : kLetters) {
      for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    }
    return s;
  };
  fmt::print("| language | type | gold | precision | recall | F1 |\n|---|---|---|---|---|---|\n");
  for (const Set& set : sets) {
    std::map<std::string, long> tp, fp, fn;
    bool any = false;
    bool cjk = std::string_view(set.lang) == "zh";
    for (const fs::path& f : set.files) {
      if (!fs::exists(f)) continue;
      any = true;
      // One document at a time (UNER keeps "# newdoc" boundaries), as ingest sees an article:
      // a surname alone refers back to the full name sentences earlier. Sentences are joined by
      // a space as in a paragraph (none for Chinese), or a line break after a headline.
      std::string text;
      std::vector<ByteRange> tokens;
      std::vector<std::string> tags;
      std::vector<size_t> sentence_of;         // token -> its sentence
      std::vector<ByteRange> sentence_ranges;  // sentence -> its bytes in `text`
      auto flush = [&]() {
        if (tokens.empty()) return;
        // Gold spans from B-/I- tags (OTH is scored as O by UNER).
        std::set<std::tuple<std::string, size_t, size_t>> gold, predicted;
        for (size_t i = 0; i < tags.size(); ++i) {
          if (tags[i].rfind("B-", 0) != 0) continue;
          std::string type = tags[i].substr(2);
          size_t j = i + 1;
          while (j < tags.size() && tags[j] == "I-" + type && sentence_of[j] == sentence_of[i]) ++j;
          if (type != "OTH") gold.insert({type, i, j});
        }
        for (const entities::Mention& m : (*matcher)->Find(text, {})) {
          // Role phrases ("the Serbian President") name no one in UNER's annotation.
          if (m.via == "role") continue;
          std::string type = m.type == entities::EntityType::kPerson ? "PER"
                             : (m.type == entities::EntityType::kOrg || m.type == entities::EntityType::kOutlet) ? "ORG"
                             : m.type == entities::EntityType::kPlace ? "LOC" : "";
          if (type.empty()) continue;
          size_t b = SIZE_MAX, e = 0;
          for (size_t t = 0; t < tokens.size(); ++t) {
            if (tokens[t].end > m.range.begin && tokens[t].begin < m.range.end) {
              b = std::min(b, t);
              e = t + 1;
            }
          }
          if (b != SIZE_MAX) predicted.insert({type, b, e});
        }
        // "lang MISSED/WRONG type span sentence" lines for --entity-errors.
        auto report = [&](const char* what, const std::tuple<std::string, size_t, size_t>& span) {
          if (errors == nullptr) return;
          auto [type, b, e] = span;
          std::string words(text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin));
          ByteRange s = sentence_ranges[sentence_of[b]];
          fmt::print(errors, "{}\t{}\t{}\t{}\t{}\n", set.lang, what, type, words, text.substr(s.begin, s.end - s.begin));
        };
        for (const auto& g : gold) {
          (predicted.count(g) ? tp : fn)[std::get<0>(g)]++;
          if (!predicted.count(g)) report("MISSED", g);
        }
        for (const auto& p : predicted) {
          if (!gold.count(p)) {
            fp[std::get<0>(p)]++;
            report("WRONG", p);
          }
        }
        text.clear();
        tokens.clear();
        tags.clear();
        sentence_of.clear();
        sentence_ranges.clear();
      };
      // A sentence is its "# text" line as published; each token is found in it in order (a
      // token the line lacks is appended after a space).
      std::string sentence;
      size_t sentence_base = 0, cursor = 0;
      for (const std::string& read : ReadLines(f)) {
        const std::string line = set.unmarked ? unmark(read) : read;
        if (line.rfind("# newdoc", 0) == 0) flush();
        if (line.rfind("# text = ", 0) == 0) {
          // A sentence without closing punctuation is a headline or a line of a letter ("Kam ,"),
          // a paragraph of its own.
          sentence = line.substr(9);
          auto closed = [](std::string_view t) { return !t.empty() && t.find_last_of(".!?\"”»:;)") + 1 == t.size(); };
          if (!text.empty() && !cjk) text += closed(text) && closed(sentence) ? " " : "\n";
          sentence_base = text.size();
          cursor = 0;
          text += sentence;
          sentence_ranges.push_back({static_cast<uint32_t>(sentence_base), static_cast<uint32_t>(text.size())});
          continue;
        }
        if (line.empty() || line[0] == '#') continue;
        size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
        if (t2 == std::string::npos || sentence_ranges.empty()) continue;
        std::string token = line.substr(t1 + 1, t2 - t1 - 1);
        size_t at = sentence.find(token, cursor);
        size_t begin;
        if (at == std::string::npos) {
          text += ' ';
          begin = text.size();
          text += token;
          sentence_ranges.back().end = static_cast<uint32_t>(text.size());
        } else {
          begin = sentence_base + at;
          cursor = at + token.size();
        }
        tokens.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + token.size())});
        sentence_of.push_back(sentence_ranges.size() - 1);
        tags.push_back(line.substr(t2 + 1, t3 == std::string::npos ? std::string::npos : t3 - t2 - 1));
      }
      flush();
    }
    if (!any) {
      fmt::print("| {} | | skipped: data not found | | | |\n", set.lang);
      continue;
    }
    for (const char* type : {"PER", "ORG", "LOC"}) {
      long g = tp[type] + fn[type];
      double p = tp[type] + fp[type] ? double(tp[type]) / (tp[type] + fp[type]) : 0;
      double r = g ? double(tp[type]) / g : 0;
      fmt::print("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", set.lang, type, g, p, r, p + r ? 2 * p * r / (p + r) : 0);
    }
  }
  if (errors != nullptr) std::fclose(errors);
  fmt::print("\nEach document (UNER's \"newdoc\") is matched as one text: its sentences as published (\"# text\")\n"
             "joined by spaces (none for Chinese), so a surname alone can refer back to a full name sentences earlier. Role\n"
             "phrases (\"the Serbian President\") are left out: UNER does not tag them. The rows \"no diacritics\" score\n"
             "the same test text typed as much Serbian and Croatian online text is (č ć -> c, š -> s, ž -> z, đ -> dj).\n\n");

  // Cross-script agreement: the same news in Serbian Latin and Cyrillic should yield the same
  // entities (ids are script-independent, unknown names included).
  fs::path lat = data / "ntrex-128-news-parallel/newstest2019-ref.srp-Latn.txt";
  fs::path cyr = data / "ntrex-128-news-parallel/newstest2019-ref.srp-Cyrl.txt";
  if (fs::exists(lat) && fs::exists(cyr)) {
    std::vector<std::string> l = ReadLines(lat), c = ReadLines(cyr);
    long lines = 0, same = 0, both = 0, either = 0;
    for (size_t i = 0; i < std::min(l.size(), c.size()); ++i) {
      std::set<std::string> a, b;
      for (const auto& m : (*matcher)->Find(l[i], {})) a.insert(m.entity);
      for (const auto& m : (*matcher)->Find(c[i], {})) b.insert(m.entity);
      if (a.empty() && b.empty()) continue;
      ++lines;
      same += a == b;
      for (const auto& x : a) both += b.count(x);
      std::set<std::string> u = a;
      u.insert(b.begin(), b.end());
      either += static_cast<long>(u.size());
    }
    fmt::print("Cross-script agreement on NTREX srp-Latn vs srp-Cyrl ({} lines with entities): identical entity sets "
               "{:.3f}; entities found in both / in either {:.3f}. (The two files are separate translations, so "
               "some differences are in the text itself.)\n",
               lines, double(same) / lines, double(both) / either);
    // The same words in both scripts: srp-Latn and our Cyrillic of it. Here every difference is ours.
    long t_lines = 0, t_same = 0;
    for (const std::string& line : l) {
      std::set<std::pair<std::string, std::string>> a, b;
      for (const auto& m : (*matcher)->Find(line, {})) a.insert({m.entity, m.via});
      for (const auto& m : (*matcher)->Find(text::LatinToCyrillic(line).text, {})) b.insert({m.entity, m.via});
      if (a.empty() && b.empty()) continue;
      ++t_lines;
      t_same += a == b;
    }
    fmt::print("The same text in both scripts (NTREX srp-Latn and our transliteration of it to Cyrillic, {} lines with "
               "entities): identical entities (id and how found) {:.3f}.\n\n",
               t_lines, double(t_same) / t_lines);
  }
}

// ---- quotations and speakers ----
// Same person? As the gold set's README scores it: after folding (Cyrillic to Latin, no
// diacritics, lower case), the gold name's last word (the surname, or a role's or
// organisation's head word) equals one of ours or is an inflected form of it: the same first
// max(4, shorter length - 2) letters (Ford/Fordova, Voren/Vorenova). Chinese names, which
// have no spaces, match by containment.
bool SameSpeaker(const std::string& ours, const std::string& gold) {
  if (ours.empty() || gold.empty()) return false;
  auto words = [](const std::string& s) {
    std::vector<std::u32string> out;
    text::ForEachWord(text::FoldForMatch(s), [&](std::string_view w, ByteRange, bool unspaced) {
      if (unspaced) return;
      std::u32string u;
      for (size_t i = 0; i < w.size();) u += text::DecodeUtf8(w, i);
      out.push_back(u);
    });
    return out;
  };
  std::vector<std::u32string> o = words(ours), g = words(gold);
  if (!o.empty() && !g.empty()) {
    const std::u32string& surname = g.back();
    for (const std::u32string& w : o) {
      size_t shorter = std::min(w.size(), surname.size());
      size_t need = std::max<size_t>(4, shorter >= 2 ? shorter - 2 : 0);
      if (w == surname || (shorter >= need && w.compare(0, need, surname, 0, need) == 0)) return true;
    }
  }
  // Containment at word edges: "he" is not inside "the american"; Chinese, written without
  // spaces, has an edge between any two characters.
  auto within = [](const std::string& part, const std::string& whole) {
    auto letter_at = [&](size_t i, bool before) {
      if (before ? i == 0 : i >= whole.size()) return false;
      if (before) {
        while (i > 0 && (static_cast<unsigned char>(whole[i - 1]) & 0xC0) == 0x80) --i;
        --i;
      }
      char32_t c = text::DecodeUtf8(whole, i);
      return u_isalnum(static_cast<UChar32>(c)) && c < 0x2E80;
    };
    for (size_t at = whole.find(part); at != std::string::npos; at = whole.find(part, at + 1)) {
      if (!letter_at(at, true) && !letter_at(at + part.size(), false)) return true;
    }
    return false;
  };
  std::string fo = text::FoldForMatch(ours), fg = text::FoldForMatch(gold);
  return within(fg, fo) || within(fo, fg);
}

void EvalQuotes(const fs::path& data, const std::string& errors_file) {
  fs::path gold_file = data / "ntrex-quotes-gold/gold.jsonl";
  fs::path dir = data / "ntrex-128-news-parallel";
  if (!fs::exists(gold_file) || !fs::exists(dir / "DOCUMENT_IDS.tsv")) {
    fmt::print("## Quotations\n\nskipped: {} not found\n\n", gold_file.string());
    return;
  }
  struct Gold {
    std::string doc, kind, content, speaker_en;
    int line;
    std::map<std::string, std::string> surface;
  };
  std::vector<Gold> gold;
  for (const std::string& l : ReadLines(gold_file)) {
    nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
    if (!j.is_object()) continue;
    Gold g{j["doc"], j["kind"], j["content_en"], j["speaker_en"].is_string() ? j["speaker_en"].get<std::string>() : "",
           j["line"], {}};
    for (auto& [k, v] : j["speaker_surface"].items()) {
      if (v.is_string()) g.surface[k] = v.get<std::string>();
    }
    gold.push_back(std::move(g));
  }
  std::set<std::string> gold_docs;
  for (const Gold& g : gold) gold_docs.insert(g.doc);
  std::vector<std::string> doc_of = ReadLines(dir / "DOCUMENT_IDS.tsv");
  auto knowledge = entities::Knowledge::Default();
  auto matcher = entities::Matcher::Create(*knowledge);
  auto finder = pipeline::MakeQuoteFinder(*knowledge);
  std::FILE* errors = errors_file.empty() ? nullptr : std::fopen(errors_file.c_str(), "w");
  // Load the name taggers' models before timing: MB/s is the steady state, not start-up.
  (*matcher)->Find("Warm up, said John Smith. 约翰·史密斯说。", {});
  fmt::print("## Quotations and speakers (ntrex-quotes-gold dev half: {} quotations in {} documents)\n\n", gold.size(),
             gold_docs.size());
  fmt::print("| language | quote recall | speaker accuracy | attributed precision | our quotations | MB/s with entities | MB/s quotations |\n|---|---|---|---|---|---|---|\n");
  const std::pair<const char*, const char*> kLangs[] = {{"en", "newstest2019-src.eng.txt"}, {"srp-Latn", "newstest2019-ref.srp-Latn.txt"},
                                                        {"srp-Cyrl", "newstest2019-ref.srp-Cyrl.txt"}, {"hrv", "newstest2019-ref.hrv.txt"},
                                                        {"bos", "newstest2019-ref.bos.txt"}, {"sqi", "newstest2019-ref.sqi.txt"},
                                                        {"mkd", "newstest2019-ref.mkd.txt"}, {"zho-CN", "newstest2019-ref.zho-CN.txt"}};
  const std::map<std::string, std::string> kLangCode = {{"en", "en"}, {"srp-Latn", "sr"}, {"srp-Cyrl", "sr"}, {"hrv", "hr"},
                                                        {"bos", "bs"}, {"sqi", "sq"}, {"mkd", "mk"}, {"zho-CN", "zh"}};
  for (const auto& [key, file] : kLangs) {
    std::vector<std::string> lines = ReadLines(dir / file);
    if (lines.empty()) continue;
    // Documents: consecutive lines with the same id, one paragraph per line.
    struct Found {
      int line;
      std::string content, speaker, kind;
      std::string speaker_text;  // the speaker's words in the text (a name as written, or a pronoun)
      std::vector<std::string> aliases;  // the speaker entity's names in the packs
    };
    std::vector<Found> found;
    double seconds = 0, quote_seconds = 0;  // entities and quotations; quotations alone
    size_t bytes = 0;
    for (size_t i = 0; i < lines.size();) {
      size_t j = i;
      while (j < lines.size() && j < doc_of.size() && doc_of[j] == doc_of[i]) ++j;
      if (j == i) j = i + 1;
      if (gold_docs.count(doc_of[i])) {
        Article a;
        a.day = "2019-06-01";
        std::vector<uint32_t> starts;
        for (size_t k = i; k < j; ++k) {
          starts.push_back(static_cast<uint32_t>(a.text.size()));
          a.paragraphs.push_back({{static_cast<uint32_t>(a.text.size()), static_cast<uint32_t>(a.text.size() + lines[k].size())}, false});
          a.text += lines[k] + "\n";
        }
        auto t0 = std::chrono::steady_clock::now();
        a.mentions.clear();
        for (auto& m : (*matcher)->Find(a.text, {.day = a.day})) {
          a.mentions.push_back({m.entity, m.name, std::string(entities::TypeName(m.type)), m.via, m.range});
        }
        auto t1 = std::chrono::steady_clock::now();
        std::vector<quotes::Quote> qs = finder->Find(a.text, a.paragraphs, kLangCode.at(key), a.mentions);
        auto t2 = std::chrono::steady_clock::now();
        seconds += std::chrono::duration<double>(t2 - t0).count();
        quote_seconds += std::chrono::duration<double>(t2 - t1).count();
        bytes += a.text.size();
        for (const quotes::Quote& q : qs) {
          if (q.kind == quotes::Kind::kTerm) continue;
          size_t line = std::upper_bound(starts.begin(), starts.end(), q.content.begin) - starts.begin() - 1;
          Found f{static_cast<int>(i + line + 1), std::string(q.content.Of(a.text)), q.speaker,
                  std::string(quotes::KindName(q.kind)), std::string(q.speaker_range.Of(a.text)), {}};
          if (const entities::Entity* e = knowledge->Find(q.speaker_entity)) {
            for (const entities::Alias& al : e->aliases) f.aliases.push_back(al.text);
          }
          found.push_back(std::move(f));
        }
      }
      i = j;
    }
    // Our speaker is the gold one by its display name, by its words in the text (the pack's
    // "Donald Trump" is the translation's "Tramp"), or by another of its names in the packs (a
    // pronoun resolved to Donald Trump, where the gold names 特朗普).
    auto matches = [](const Found& f, const std::string& want) {
      if (SameSpeaker(f.speaker, want) || SameSpeaker(f.speaker_text, want)) return true;
      for (const std::string& alias : f.aliases) {
        if (SameSpeaker(alias, want)) return true;
      }
      return false;
    };
    long recall_hits = 0, considered = 0, speaker_ok = 0, attributed = 0, attributed_ok = 0;
    std::vector<bool> used(found.size(), false);
    for (const Gold& g : gold) {
      std::string want = key == std::string("en") ? g.speaker_en : (g.surface.count(key) ? g.surface.at(key) : "");
      if (key != std::string("en") && !g.surface.count(key)) continue;
      ++considered;
      // Found: a quotation of ours on the same line (English: overlapping the gold words).
      int best = -1;
      for (size_t f = 0; f < found.size(); ++f) {
        if (found[f].line != g.line) continue;
        bool overlap = key != std::string("en") || found[f].content.find(g.content.substr(0, std::min<size_t>(20, g.content.size()))) != std::string::npos ||
                       g.content.find(found[f].content.substr(0, std::min<size_t>(20, found[f].content.size()))) != std::string::npos;
        if (!overlap) continue;
        if (best < 0 || (matches(found[f], want) && !matches(found[best], want))) best = static_cast<int>(f);
      }
      if (best < 0) {
        if (errors) fmt::print(errors, "{}\tMISSED\t{}:{}\t{}\t{}\t{}\n", key, g.doc, g.line, g.kind, want, g.content);
        continue;
      }
      ++recall_hits;
      used[best] = true;
      if (!want.empty() && matches(found[best], want)) {
        ++speaker_ok;
      } else if (errors) {
        fmt::print(errors, "{}\tSPEAKER\t{}:{}\t{}\tgold={}\tours={}\t{}\n", key, g.doc, g.line, g.kind, want,
                   found[best].speaker, g.content);
      }
    }
    for (size_t f = 0; f < found.size(); ++f) {
      if (found[f].speaker.empty()) continue;
      ++attributed;
      bool ok = false;
      for (const Gold& g : gold) {
        std::string want = key == std::string("en") ? g.speaker_en : (g.surface.count(key) ? g.surface.at(key) : "");
        if (g.line == found[f].line && matches(found[f], want)) {
          ok = true;
          break;
        }
      }
      attributed_ok += ok;
      if (!ok && errors) {
        fmt::print(errors, "{}\tWRONG\t{}\t{}\tours={}\t{}\n", key, found[f].line, found[f].kind, found[f].speaker,
                   found[f].content);
      }
    }
    fmt::print("| {} | {:.3f} | {:.3f} | {:.3f} | {} | {:.1f} | {:.1f} |\n", key, considered ? double(recall_hits) / considered : 0,
               recall_hits ? double(speaker_ok) / recall_hits : 0, attributed ? double(attributed_ok) / attributed : 0,
               found.size(), seconds > 0 ? bytes / 1e6 / seconds : 0, quote_seconds > 0 ? bytes / 1e6 / quote_seconds : 0);
  }
  fmt::print("\nRecall: gold quotations with a quotation of ours on the same line (English: with overlapping\n"
             "words). Speaker accuracy: of those, the share whose speaker matches the gold name (folded, surname,\n"
             "any script; our display name or the speaker's words as written). MB/s on one core: entity matching and quotations, and quotations alone. Attributed precision: of our quotations with a speaker, the share matching a gold\n"
             "speaker on that line. Translations carry only the speaker's name, so the same English\n"
             "annotations are scored on each.\n\n");
  if (errors) std::fclose(errors);
}

// German parliamentary speeches (GePaDe-SpkAtt): message recall, source accuracy, precision.
// `errors_file` gets "de MISSED|SOURCE speech message | gold source | ours" lines.
void EvalGermanSpeakers(const fs::path& data, const std::string& errors_file) {
  fs::path dir = data / "spkatt-gepade-de/speeches";
  if (!fs::exists(dir)) {
    fmt::print("## German speaker attribution\n\nskipped: {} not found\n\n", dir.string());
    return;
  }
  auto knowledge = entities::Knowledge::Default();
  auto matcher = entities::Matcher::Create(*knowledge);
  auto finder = pipeline::MakeQuoteFinder(*knowledge);
  long events = 0, found = 0, source_ok = 0, with_source = 0, attributed = 0, attributed_ok = 0;
  std::FILE* errors = errors_file.empty() ? nullptr : std::fopen(errors_file.c_str(), "w");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object()) continue;
    // Running text: tokens joined by spaces, one paragraph per speech.
    std::map<std::pair<int, int>, ByteRange> token;
    Article a;
    for (const auto& sent : j["Sentences"]) {
      int sid = sent["SentenceId"];
      int t = 0;
      for (const auto& tok : sent["Tokens"]) {
        std::string w = tok.get<std::string>();
        if (!a.text.empty()) a.text += ' ';
        token[{sid, t++}] = {static_cast<uint32_t>(a.text.size()), static_cast<uint32_t>(a.text.size() + w.size())};
        a.text += w;
      }
    }
    a.paragraphs.push_back({{0, static_cast<uint32_t>(a.text.size())}, false});
    a.day = "2019-01-01";
    for (auto& m : (*matcher)->Find(a.text, {.day = a.day})) {
      a.mentions.push_back({m.entity, m.name, std::string(entities::TypeName(m.type)), m.via, m.range});
    }
    std::vector<quotes::Quote> qs = finder->Find(a.text, a.paragraphs, "de", a.mentions);
    auto span = [&](const nlohmann::json& refs) {
      ByteRange r{UINT32_MAX, 0};
      for (const auto& ref : refs) {
        std::string s = ref.get<std::string>();
        size_t colon = s.find(':');
        auto it = token.find({std::stoi(s.substr(0, colon)), std::stoi(s.substr(colon + 1))});
        if (it == token.end()) continue;
        r.begin = std::min(r.begin, it->second.begin);
        r.end = std::max(r.end, it->second.end);
      }
      return r;
    };
    auto overlaps = [](ByteRange x, ByteRange y) { return x.begin < y.end && y.begin < x.end; };
    std::vector<std::pair<ByteRange, ByteRange>> gold;  // message, source
    for (const auto& ev : j["Annotations"]) {
      if (ev["Message"].empty()) continue;
      ByteRange msg = span(ev["Message"]);
      ByteRange src = ev["Source"].empty() ? ByteRange{UINT32_MAX, 0} : span(ev["Source"]);
      gold.push_back({msg, src});
      ++events;
      const quotes::Quote* hit = nullptr;
      for (const quotes::Quote& q : qs) {
        if (q.kind != quotes::Kind::kTerm && overlaps(q.content, msg)) hit = &q;
      }
      auto of = [&](ByteRange r) { return r.begin == UINT32_MAX ? std::string() : std::string(r.Of(a.text)); };
      if (hit == nullptr) {
        if (errors != nullptr) fmt::print(errors, "de\tMISSED\t{}\t{}\t{}\n", f.stem().string(), of(msg), of(src));
        continue;
      }
      ++found;
      if (src.begin != UINT32_MAX) {
        ++with_source;
        if (!hit->speaker.empty() && overlaps(hit->speaker_range, src)) {
          ++source_ok;
        } else if (errors != nullptr) {
          fmt::print(errors, "de\tSOURCE\t{}\t{}\tgold={}\tours={}\n", f.stem().string(), of(msg), of(src),
                     hit->speaker.empty() ? "" : of(hit->speaker_range));
        }
      }
    }
    for (const quotes::Quote& q : qs) {
      if (q.kind == quotes::Kind::kTerm || q.speaker.empty()) continue;
      ++attributed;
      for (const auto& [msg, src] : gold) {
        if (overlaps(q.content, msg) && src.begin != UINT32_MAX && overlaps(q.speaker_range, src)) {
          ++attributed_ok;
          break;
        }
      }
    }
  }
  if (errors != nullptr) std::fclose(errors);
  fmt::print("## German speaker attribution (GePaDe-SpkAtt, shared part: {} speeches, {} events with a message)\n\n",
             files.size(), events);
  fmt::print("| message recall | source accuracy | attributed precision |\n|---|---|---|\n");
  fmt::print("| {:.3f} | {:.3f} | {:.3f} |\n\n", events ? double(found) / events : 0,
             with_source ? double(source_ok) / with_source : 0, attributed ? double(attributed_ok) / attributed : 0);
  fmt::print("A message is found when one of our quotations overlaps it; the source is right when our speaker's\n"
             "words overlap the gold source (a name, a noun or a pronoun such as \"ich\").\n\n");
}

// ---- stance ----

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Confusion {
  int64_t m[3][3] = {};  // gold x predicted, classes -1, 0, +1
  void Add(int gold, int pred) { ++m[gold + 1][pred + 1]; }
  int64_t Total() const {
    int64_t n = 0;
    for (auto& r : m) for (int64_t v : r) n += v;
    return n;
  }
  double Accuracy() const {
    int64_t t = Total();
    return t ? double(m[0][0] + m[1][1] + m[2][2]) / t : 0;
  }
  double F1(int c) const {
    int64_t tp = m[c][c], fp = 0, fn = 0;
    for (int o = 0; o < 3; ++o) {
      if (o == c) continue;
      fp += m[o][c];
      fn += m[c][o];
    }
    return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
  }
  double MacroF1() const { return (F1(0) + F1(1) + F1(2)) / 3; }
};

Confusion ScoreExamples(const std::vector<stance::Example>& ex, const stance::Scorer& scorer) {
  Confusion c;
  for (const stance::Example& e : ex) {
    std::vector<stance::Target> targets{e.target};
    targets.insert(targets.end(), e.others.begin(), e.others.end());
    c.Add(e.polarity, scorer.Score(e.text, e.lang, e.region, targets)[0].polarity);
  }
  return c;
}

void EvalStance(const fs::path& gold_dir, const std::string& model_path) {
  fmt::print("## Stance\n\n");
  if (!fs::exists(gold_dir / "newsmtsc-devtest-rw.jsonl")) {
    fmt::print("skipped: {} not found (make eval converts ../shared/data with tools/stance_gold.py)\n\n",
               (gold_dir / "newsmtsc-devtest-rw.jsonl").string());
    return;
  }
  stance::Scorer lexicon(nullptr);
  stance::Model loaded;
  if (!model_path.empty()) {
    auto m = stance::Model::Load(model_path);
    if (!m.ok()) {
      fmt::print("error: {}\n\n", m.status().ToString());
      return;
    }
    loaded = std::move(*m);
  }
  const stance::Model& trained = model_path.empty() ? stance::Model::Default() : loaded;
  stance::Scorer model(&trained);
  fmt::print("Sentiment toward a named target in English news (NewsMTSC; the model was trained on its train split "
             "by tools/train_stance.sh, {} features). Three classes; macro-F1 is the mean of the per-class F1.\n\n",
             trained.size());
  fmt::print("| set | targets | method | accuracy | F1 critical | F1 neutral | F1 favourable | macro-F1 |\n|---|---|---|---|---|---|---|---|\n");
  for (const char* set : {"devtest-rw", "devtest-mt"}) {
    auto ex = stance::ReadGold(ReadAll(gold_dir / fmt::format("newsmtsc-{}.jsonl", set)), set);
    if (!ex.ok()) {
      fmt::print("error: {}\n", ex.status().ToString());
      continue;
    }
    for (auto [name, scorer] : {std::pair{"lexicon", &lexicon}, std::pair{"model", &model}}) {
      Confusion c = ScoreExamples(*ex, *scorer);
      fmt::print("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", set, c.Total(), name, c.Accuracy(),
                 c.F1(0), c.F1(1), c.F1(2), c.MacroF1());
      fmt::print(stderr, "stance newsmtsc {} {} macro_f1 {:.3f}\n", set, name, c.MacroF1());
    }
  }
  // IBM claims: PRO/CON toward the motion = the claim's sentiment x the motion's polarity toward
  // its target. Both are read by our scorer: the claim as a whole (no gold span), the motion
  // ("... should be banned") toward its target; a motion with no critical reading proposes its
  // target (+1). A claim read as neutral gets no stance and counts as an error.
  fs::path ibm = gold_dir / "ibm-claims-test.jsonl";
  if (fs::exists(ibm)) {
    fmt::print("\nClaim stance toward a debate motion (IBM Debater Claim Stance, test split, 30 motions). Stance = the "
               "claim's sentiment (the whole claim, no gold span) x the motion's polarity toward its target, both "
               "read by our scorer; a claim read as neutral counts as wrong. The diagnostic columns use IBM's gold "
               "claim target.\n\n");
    fmt::print("| method | claims | stance accuracy | answered | accuracy when answered | motion polarity right | "
               "claim sentiment toward gold target |\n|---|---|---|---|---|---|---|\n");
    std::vector<nlohmann::json> rows;
    for (const std::string& l : ReadLines(ibm)) {
      nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
      if (j.is_object()) rows.push_back(std::move(j));
    }
    for (auto [name, scorer] : {std::pair{"lexicon", &lexicon}, std::pair{"model", &model}}) {
      int64_t right = 0, answered = 0, motion_right = 0, sent_right = 0, sent_total = 0;
      for (const nlohmann::json& j : rows) {
        std::string claim = j["text"], topic = j["topic"];
        stance::Target tt;
        if (j["topic_target"].is_array()) tt.mentions.push_back({j["topic_target"][0].get<uint32_t>(), j["topic_target"][1].get<uint32_t>()});
        int motion = lexicon.Score(topic, "en", {}, {tt})[0].score < 0 ? -1 : 1;
        motion_right += motion == j["topic_sentiment"].get<int>();
        double lean = scorer->Score(claim, "en", {}, {stance::Target{}})[0].score;
        int sentiment = lean > 0 ? 1 : lean < 0 ? -1 : 0;
        if (sentiment != 0) {
          ++answered;
          right += (sentiment * motion > 0 ? "PRO" : "CON") == j["stance"].get<std::string>();
        }
        for (const auto& t : j["targets"]) {
          stance::Target ct{{{t["start"].get<uint32_t>(), t["end"].get<uint32_t>()}}};
          ++sent_total;
          sent_right += scorer->Score(claim, "en", {}, {ct})[0].polarity == t["polarity"].get<int>();
        }
      }
      double n = static_cast<double>(rows.size());
      fmt::print("| {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", name, rows.size(), right / n, answered / n,
                 answered ? double(right) / answered : 0, motion_right / n, sent_total ? double(sent_right) / sent_total : 0);
      fmt::print(stderr, "stance ibm {} accuracy {:.3f}\n", name, right / n);
    }
  }
  // Our own multilingual check (testdata/stance.jsonl): sentences with known stance.
  fs::path own = fs::path(PARALLAX_SOURCE_DIR) / "testdata/stance.jsonl";
  if (fs::exists(own)) {
    auto ex = stance::ReadGold(ReadAll(own), own.string());
    if (!ex.ok()) {
      fmt::print("error: {}\n", ex.status().ToString());
      return;
    }
    std::map<std::string, std::vector<stance::Example>> by_lang;
    for (const auto& e : *ex) {
      std::string tag = e.lang;
      if (e.lang == "sr") {
        size_t i = 0;
        bool cyr = false;
        while (i < e.text.size() && !cyr) {
          char32_t c = text::DecodeUtf8(e.text, i);
          cyr = c >= 0x400 && c <= 0x4FF;
        }
        tag = cyr ? "sr-Cyrl" : "sr-Latn";
      }
      by_lang[tag].push_back(e);
    }
    fmt::print("\nOur multilingual check (testdata/stance.jsonl, written by us): accuracy per language.\n\n"
               "| language | targets | lexicon | model |\n|---|---|---|---|\n");
    for (const auto& [tag, list] : by_lang) {
      double a = ScoreExamples(list, lexicon).Accuracy(), b = ScoreExamples(list, model).Accuracy();
      fmt::print("| {} | {} | {:.2f} | {:.2f} |\n", tag, list.size(), a, b);
      fmt::print(stderr, "stance own {} lexicon {:.3f} model {:.3f}\n", tag, a, b);
    }
  }
  fmt::print("\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parallax_eval SHARED_DATA_DIR [--section translit|segment|langid]...\n");
    return 2;
  }
  fs::path data = argv[1];
  std::set<std::string> sections;
  fs::path stance_gold = "build/stance-gold";
  std::string stance_model;  // default: the shipped model
  std::string quote_errors;  // --quote-errors FILE: one line per missed, misattributed or wrong quotation
  std::string entity_errors;  // --entity-errors FILE: one line per missed or wrong name
  std::string segment_errors;  // --segment-errors FILE: one line per missed or wrong sentence boundary
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--section") sections.insert(argv[i + 1]);
    if (std::string(argv[i]) == "--stance-gold") stance_gold = argv[i + 1];
    if (std::string(argv[i]) == "--stance-model") stance_model = argv[i + 1];
    if (std::string(argv[i]) == "--quote-errors") quote_errors = argv[i + 1];
    if (std::string(argv[i]) == "--entity-errors") entity_errors = argv[i + 1];
    if (std::string(argv[i]) == "--segment-errors") segment_errors = argv[i + 1];
  }
  auto want = [&](const char* s) { return sections.empty() || sections.count(s); };
  if (!fs::exists(data)) {
    fmt::print("skipped: {} not found (third-party gold data lives in ../shared/data)\n", data.string());
    return 0;
  }
  fmt::print("# Parallax evaluation\n\nGold data: {}\n\n", fs::canonical(data).string());
  if (want("translit")) EvalTranslit(data);
  if (want("segment")) EvalSegment(data, segment_errors);
  if (want("langid")) EvalLangid(data);
  if (want("entities")) EvalEntities(data, entity_errors);
  if (want("quotes")) EvalQuotes(data, quote_errors);
  if (want("quotes")) EvalGermanSpeakers(data, quote_errors.empty() ? "" : quote_errors + ".de");
  if (want("stance")) EvalStance(stance_gold, stance_model);
  return 0;
}
