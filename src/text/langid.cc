#include "text/langid.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <vector>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "base/embedded.h"
#include "base/hash.h"
#include "base/strings.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

enum ScriptBucket { kLatn, kCyrl, kHan, kGrek, kHang, kKana, kArab, kHebr, kOtherScript, kBuckets };
constexpr const char* kBucketName[] = {"Latn", "Cyrl", "Hani", "Grek", "Kore", "Jpan", "Arab", "Hebr", "Zyyy"};

struct ScriptCounts {
  std::array<int, kBuckets> letters{};
  int macedonian_letters = 0;  // ѓ ќ ѕ
  int serbian_letters = 0;     // ђ ћ
  int shared_letters = 0;      // џ љ њ ј: Serbian and Macedonian
  int russian_letters = 0;     // ы э ъ ё й щ
  int ukrainian_letters = 0;   // і ї є ґ
};

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts c;
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++c.letters[kLatn];
      ++i;
      continue;
    }
    char32_t cp = DecodeUtf8(text, i);
    if (cp >= 0x400 && cp <= 0x52F) {
      ++c.letters[kCyrl];
      char32_t l = cp >= 0x410 && cp <= 0x42F ? cp + 0x20 : (cp >= 0x400 && cp <= 0x40F ? cp + 0x50 : cp);
      if (l == U'ѓ' || l == U'ќ' || l == U'ѕ') ++c.macedonian_letters;
      if (l == U'ђ' || l == U'ћ') ++c.serbian_letters;
      if (l == U'џ' || l == U'љ' || l == U'њ' || l == U'ј') ++c.shared_letters;
      if (l == U'ы' || l == U'э' || l == U'ъ' || l == U'ё' || l == U'й' || l == U'щ') ++c.russian_letters;
      if (l == U'і' || l == U'ї' || l == U'є' || l == U'ґ') ++c.ukrainian_letters;
      continue;
    }
    // The blocks of Chinese, Korean and Japanese text, every code point a letter: no lookups.
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      c.letters[kHan] += 3;  // a Han character carries about a word
      continue;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      ++c.letters[kHang];
      continue;
    }
    if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA)) {
      ++c.letters[kKana];
      continue;
    }
    // Latin letters with diacritics (all of U+00C0-024F but × and ÷): no lookups either.
    if (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) {
      ++c.letters[kLatn];
      continue;
    }
    CharClass cls = ClassOf(cp);
    if (cls != CharClass::kLetter && cls != CharClass::kUnspaced) continue;
    if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00)) {
      ++c.letters[kLatn];
      continue;
    }
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    switch (sc) {
      case USCRIPT_HAN:
        c.letters[kHan] += 3;  // a Han character carries about a word
        break;
      case USCRIPT_GREEK: ++c.letters[kGrek]; break;
      case USCRIPT_HANGUL: ++c.letters[kHang]; break;
      case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: ++c.letters[kKana]; break;
      case USCRIPT_ARABIC: ++c.letters[kArab]; break;
      case USCRIPT_HEBREW: ++c.letters[kHebr]; break;
      case USCRIPT_LATIN: ++c.letters[kLatn]; break;
      case USCRIPT_CYRILLIC: ++c.letters[kCyrl]; break;
      default: ++c.letters[kOtherScript]; break;
    }
  }
  return c;
}

// Cyrillic words typed with some Latin look-alikes (Хитнa with a Latin a, jуну with a Latin j), as
// scraped and hand-typed text has them: the look-alikes back in Cyrillic, so that the letters
// (ј is Serbian) and CLD2 see the words as written. Words in one script are left alone.
std::string CyrillicLookalikes(std::string_view text) {
  static constexpr std::u32string_view kLatin = U"aeopcxyjkmtABEHKMOPCTXYJ";
  static constexpr std::u32string_view kCyrillic = U"аеорсхујкмтАВЕНКМОРСТХУЈ";
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    // One word: a run of letters.
    size_t start = i;
    bool latin = false, cyrillic = false;
    while (i < text.size()) {
      size_t k = i;
      char32_t c = DecodeUtf8(text, k);
      if (ClassOf(c) != CharClass::kLetter) break;
      latin = latin || (c < 0x80);
      cyrillic = cyrillic || (c >= 0x400 && c <= 0x52F);
      i = k;
    }
    for (size_t k = start; k < i;) {
      char32_t c = DecodeUtf8(text, k);
      size_t at = latin && cyrillic ? kLatin.find(c) : std::u32string_view::npos;
      AppendUtf8(out, at == std::u32string_view::npos ? c : kCyrillic[at]);
    }
    if (i == start && i < text.size()) {
      size_t k = i;
      AppendUtf8(out, DecodeUtf8(text, k));
      i = k;
    }
  }
  return out;
}

int DominantBucket(const ScriptCounts& c) {
  int best = kOtherScript;
  int best_n = 0;
  for (int b = 0; b < kBuckets; ++b) {
    if (c.letters[b] > best_n) {
      best_n = c.letters[b];
      best = b;
    }
  }
  // Japanese mixes kana with Han; a fair share of kana makes it Japanese.
  // Chinese never writes kana, so a few kana among Han characters make the text Japanese.
  int han_chars = c.letters[kHan] / 3;
  if (c.letters[kKana] >= 2 || (c.letters[kKana] > 0 && c.letters[kKana] * 10 >= han_chars)) return kKana;
  return best_n == 0 ? -1 : best;
}

// Hans or Hant: ICU's Traditional-Simplified transforms say which characters only one standard
// uses (a character that Hant->Hans changes is traditional; one that Hans->Hant changes is
// simplified). The table is built once, on first use, for the CJK Unified Ideographs block.
class HanTable {
 public:
  static constexpr char32_t kBegin = 0x4E00, kEnd = 0xA000;
  enum Kind : uint8_t { kBoth = 0, kSimplified = 1, kTraditional = 2 };

  HanTable() : kind_(kEnd - kBegin, kBoth) {
    UErrorCode e1 = U_ZERO_ERROR, e2 = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> to_hans(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, e1));
    std::unique_ptr<icu::Transliterator> to_hant(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, e2));
    if (U_FAILURE(e1) || U_FAILURE(e2)) return;
    // Characters separated by spaces, so that each one's output can be read back in place.
    icu::UnicodeString all;
    for (char32_t c = kBegin; c < kEnd; ++c) {
      all.append(static_cast<UChar32>(c));
      all.append(static_cast<UChar>(' '));
    }
    icu::UnicodeString hans = all, hant = all;
    to_hans->transliterate(hans);
    to_hant->transliterate(hant);
    Mark(hans, kTraditional);
    Mark(hant, kSimplified);
  }
  Kind Of(char32_t c) const { return c >= kBegin && c < kEnd ? static_cast<Kind>(kind_[c - kBegin]) : kBoth; }

 private:
  // Walks the space-separated outputs; a character whose output differs is marked `kind`.
  void Mark(const icu::UnicodeString& out, Kind kind) {
    char32_t c = kBegin;
    int32_t start = 0;
    for (int32_t i = 0; i <= out.length() && c < kEnd; ++i) {
      if (i < out.length() && out[i] != ' ') continue;
      icu::UnicodeString piece = out.tempSubString(start, i - start);
      if (piece.length() != U16_LENGTH(c) || piece.char32At(0) != static_cast<UChar32>(c)) kind_[c - kBegin] = kind;
      ++c;
      start = i + 1;
    }
  }
  std::vector<uint8_t> kind_;
};

const HanTable& GetHanTable() {
  static const HanTable* table = new HanTable();
  return *table;
}

// "Hant" or "Hans" by which standard's own characters are more; `tie` when neither is (text of
// characters both standards share).
std::string HanScript(std::string_view text, const char* tie = "Hans") {
  const HanTable& table = GetHanTable();
  int traditional = 0, simplified = 0;
  for (size_t i = 0; i < text.size();) {
    HanTable::Kind k = table.Of(DecodeUtf8(text, i));
    traditional += k == HanTable::kTraditional;
    simplified += k == HanTable::kSimplified;
  }
  return traditional > simplified ? "Hant" : simplified > traditional ? "Hans" : tie;
}

// Characters of written Cantonese that standard written Chinese does not use.
bool LooksCantonese(std::string_view text) {
  static constexpr std::u32string_view kMarkers = U"嘅咗佢喺冇嘢啲嗰哋唔睇噉嚟畀諗嘢咩";
  int n = 0;
  for (size_t i = 0; i < text.size();) {
    if (kMarkers.find(DecodeUtf8(text, i)) != std::u32string_view::npos) ++n;
  }
  return n >= 1;
}

// Cantonese against standard written Chinese in Traditional characters: naive Bayes
// log-ratios of character 1-3-grams (Han characters and ，。), trained by tools/train_lid.py
// into data/lid-yue.tsv. Grams the file leaves out count for neither.
class CantoneseModel {
 public:
  CantoneseModel() {
    ForEachDataLine(EmbeddedData("lid-yue.tsv"), [&](std::string_view line) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return;
      if (std::optional<float> ratio = ParseFloat(line.substr(tab + 1))) ratio_[Hash64(line.substr(0, tab))] = *ratio;
    });
  }
  // Positive when the text reads as Cantonese.
  double Score(std::string_view text) const {
    std::vector<size_t> cuts;  // byte offsets of the kept characters in `kept`, and its end
    std::string kept;
    for (size_t i = 0; i < text.size();) {
      size_t start = i;
      char32_t c = DecodeUtf8(text, i);
      if ((c >= 0x4E00 && c <= 0x9FFF) || c == U'，' || c == U'。') {
        cuts.push_back(kept.size());
        kept.append(text.substr(start, i - start));
      }
    }
    cuts.push_back(kept.size());
    double score = 0;
    for (size_t n = 1; n <= 3; ++n) {
      for (size_t k = 0; k + n < cuts.size(); ++k) {
        auto it = ratio_.find(Hash64(std::string_view(kept).substr(cuts[k], cuts[k + n] - cuts[k])));
        if (it != ratio_.end()) score += it->second;
      }
    }
    return score;
  }

 private:
  std::unordered_map<uint64_t, float> ratio_;
};

const CantoneseModel& GetCantoneseModel() {
  static const CantoneseModel* m = new CantoneseModel();
  return *m;
}

// --- Serbian / Croatian / Bosnian -----------------------------------------------------------
// Marker words from data/sr-hr-bs-markers.tsv (written by hand) and data/lid-jat.tsv (ekavian and
// ijekavian forms mined by tools/train_lid.py), matched on match-folded words.
struct Marker {
  int ekavian = 0, ijekavian = 0, hr = 0, sr = 0, bs = 0;
};

// Markers in a trie over the letters a-z of match-folded words, built once: one walk down a word
// finds its exact entry or its longest prefix entry, with no hashing.
class MarkerIndex {
 public:
  MarkerIndex() {
    nodes_.emplace_back();
    // The hand-written markers first: a mined jat form never overrides one.
    for (const char* file : {"sr-hr-bs-markers.tsv", "lid-jat.tsv"}) Load(EmbeddedData(file));
  }

  // An exact word wins; otherwise the longest prefix entry of two letters or more.
  const Marker* Find(std::string_view word) const {
    const Marker* longest = nullptr;
    int node = 0;
    for (size_t k = 0; k < word.size(); ++k) {
      node = nodes_[node].next[word[k] - 'a'];
      if (node == 0) return longest;
      if (k >= 1 && nodes_[node].prefix >= 0) longest = &markers_[nodes_[node].prefix];
    }
    return nodes_[node].exact >= 0 ? &markers_[nodes_[node].exact] : longest;
  }

 private:
  struct Node {
    std::array<int, 26> next{};  // 0: no child (the root is never a child)
    int exact = -1, prefix = -1;  // indexes into markers_
  };

  void Load(std::string_view data) {
    ForEachDataLine(data, [&](std::string_view line) {
      std::vector<std::string_view> cols;
      for (size_t at = 0; at <= line.size();) {
        size_t tab = line.find('\t', at);
        if (tab == std::string_view::npos) tab = line.size();
        cols.push_back(line.substr(at, tab - at));
        at = tab + 1;
      }
      if (cols.size() != 6) return;
      auto num = [](std::string_view v) { return v.empty() ? 0 : std::atoi(std::string(v).c_str()); };
      std::string_view word = cols[0];
      bool is_prefix = !word.empty() && word.back() == '*';
      if (is_prefix) word.remove_suffix(1);
      if (word.empty() || word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos) return;
      int node = 0;
      for (char c : word) {
        if (nodes_[node].next[c - 'a'] == 0) {
          int fresh = static_cast<int>(nodes_.size());
          nodes_[node].next[c - 'a'] = fresh;
          nodes_.emplace_back();
        }
        node = nodes_[node].next[c - 'a'];
      }
      int& slot = is_prefix ? nodes_[node].prefix : nodes_[node].exact;
      if (slot >= 0) return;  // the first file's entry stays
      slot = static_cast<int>(markers_.size());
      markers_.push_back({num(cols[1]), num(cols[2]), num(cols[3]), num(cols[4]), num(cols[5])});
    });
  }

  std::vector<Node> nodes_;
  std::vector<Marker> markers_;
};

const MarkerIndex& Markers() {
  static const MarkerIndex* index = new MarkerIndex();
  return *index;
}

struct SouthSlavicScores {
  // Forms only Serbian writes (ekavian reflexes, the joined future) and forms Serbian does not.
  int ekavian = 0, ijekavian = 0, hr = 0, sr = 0, bs = 0;
};

// How the future tense is spelt: Serbian joins the infinitive to the auxiliary (uradićemo,
// biće, урадићемо), Croatian and Bosnian cut the infinitive's -i and write them apart (uradit
// ćemo, bit će). Returns {joined forms, split forms}; only the plural and the second person
// singular count as joined (uradićemo, uradićete, uradićeš), as "-će" and "-ću" also end nouns
// (kuće, sreću), and hoćemo/nećemo (want, will not) are every variety's. Only the places where
// ć or ћ is written are looked at.
std::pair<int, int> FutureForms(std::string_view text) {
  auto letter_before = [&](size_t at, size_t* start) {  // the code point that ends at `at`
    if (at == 0) return false;
    size_t i = at - 1;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    *start = i;
    size_t j = i;
    return u_isalpha(static_cast<UChar32>(DecodeUtf8(text, j))) != 0;
  };
  auto letter_at = [&](size_t at) {
    if (at >= text.size()) return false;
    return u_isalpha(static_cast<UChar32>(DecodeUtf8(text, at))) != 0;
  };
  int joined = 0, split = 0;
  for (size_t at = 0; at + 1 < text.size(); ++at) {
    bool latin = text[at] == '\xC4' && text[at + 1] == '\x87';  // ć
    bool cyrillic = text[at] == '\xD1' && text[at + 1] == '\x9B';  // ћ
    if (!latin && !cyrillic) continue;
    std::string_view rest = text.substr(at + 2);
    size_t ending = 0;  // bytes after ć of a plural or second-person auxiliary, else 0
    static constexpr std::string_view kLatin[] = {"emo", "ete", "eš"}, kCyrillic[] = {"емо", "ете", "еш"};
    for (std::string_view e : latin ? kLatin : kCyrillic) {
      if (rest.starts_with(e) && !letter_at(at + 2 + e.size())) ending = e.size();
    }
    size_t prev = 0;
    if (!letter_before(at, &prev)) {
      // A split auxiliary (ću, ćeš, će, ćemo, ćete) after one space and an infinitive in -t.
      bool auxiliary = ending > 0 || ((rest.starts_with("u") || rest.starts_with("e")) && !letter_at(at + 3));
      if (!latin || !auxiliary || at < 4 || text[at - 1] != ' ' || text[at - 2] != 't') continue;
      char v = text[at - 3];
      size_t before_vowel = 0;
      if ((v == 'a' || v == 'e' || v == 'i' || v == 'u') && letter_before(at - 3, &before_vowel)) ++split;
      continue;
    }
    if (ending == 0) continue;
    // A joined future: two letters or more, a, e or i, then the auxiliary.
    size_t vowel = prev;
    std::string_view v = text.substr(vowel, at - vowel);
    if (v != "a" && v != "e" && v != "i" && v != "а" && v != "е" && v != "и") continue;
    size_t begin = vowel, letters = 0;
    for (size_t p = 0; letter_before(begin, &p); begin = p) ++letters;
    if (letters < 2) continue;
    std::string word = Lower(text.substr(begin, at + 2 + ending - begin));
    size_t length = 0;
    for (size_t i = 0; i < word.size(); DecodeUtf8(word, i)) ++length;
    bool modal = length <= 7 && (word.starts_with("ho") || word.starts_with("ne") || word.starts_with("хо") ||
                                 word.starts_with("не"));
    joined += !modal;
  }
  return {joined, split};
}

SouthSlavicScores ScoreSouthSlavic(std::string_view text) {
  SouthSlavicScores s;
  // The future's spelling decides as the reflex of jat does: Serbian against the rest.
  auto [joined, split] = FutureForms(text);
  s.ekavian += joined;
  s.ijekavian += split;
  std::string folded = FoldForMatch(text);
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !((folded[i] >= 'a' && folded[i] <= 'z'))) ++i;
    size_t start = i;
    while (i < folded.size() && folded[i] >= 'a' && folded[i] <= 'z') ++i;
    if (i == start) break;
    std::string_view word(folded.data() + start, i - start);
    if (const Marker* m = Markers().Find(word)) {
      s.ekavian += m->ekavian;
      s.ijekavian += m->ijekavian;
      s.hr += m->hr;
      s.sr += m->sr;
      s.bs += m->bs;
    }
  }
  return s;
}

// The features of the trained Latin-script models (tools/train_lid.py's features()): lower-cased
// words, pairs of adjacent words and character 1-4-grams of " word ", words of digits only
// skipped, hashed ("w:word", "b:word word", "c:gram") exactly as Hash64 hashes the names the tool
// writes. Eighty words settle the language and variety as well as a whole article does, at a
// fraction of the cost.
std::vector<uint64_t> ModelFeatures(std::string_view text) {
  constexpr int kMaxWords = 80;
  // The hash states after each feature's prefix, continued with the feature's text.
  constexpr Fnv64 kWord = Fnv64().Add("w:"), kPair = Fnv64().Add("b:"), kGram = Fnv64().Add("c:");
  auto is_digit = [](char32_t c) { return c < 0x80 ? c - '0' < 10u : u_isdigit(static_cast<UChar32>(c)) != 0; };
  auto is_word_char = [](char32_t c) {
    if (c < 0x80) return c == '_' || c - '0' < 10u || (c | 0x20) - 'a' < 26u;
    return u_isalnum(static_cast<UChar32>(c)) != 0;
  };
  std::string lower = Lower(text);
  std::vector<uint64_t> feats;
  feats.reserve(lower.size() * 4);
  std::vector<size_t> cuts;
  std::string padded;
  std::string_view previous;  // the last word of letters, for the word pair feature
  size_t i = 0;
  int words = 0;
  while (i < lower.size() && words < kMaxWords) {
    size_t start = i;
    char32_t c = DecodeUtf8(lower, i);
    if (!is_word_char(c)) continue;
    ++words;
    // The word and its code point boundaries, as offsets into " word ".
    cuts.assign({0, 1});
    size_t end = i;
    bool digits_only = is_digit(c);
    while (end < lower.size()) {
      size_t k = end;
      char32_t d = DecodeUtf8(lower, k);
      if (!is_word_char(d)) break;
      digits_only = digits_only && is_digit(d);
      cuts.push_back(end - start + 1);
      end = k;
    }
    i = end;
    if (digits_only) continue;
    std::string_view word(lower.data() + start, end - start);
    cuts.push_back(word.size() + 1);
    cuts.push_back(word.size() + 2);
    feats.push_back(kWord.Add(word).Finish());
    if (!previous.empty()) feats.push_back(kPair.Add(previous).Add(" ").Add(word).Finish());
    previous = word;
    padded.assign(1, ' ');
    padded.append(word);
    padded.push_back(' ');
    // The 1-4-grams starting at each code point: each extends the one before it by a code point,
    // and so does its hash.
    for (size_t k = 0; k + 1 < cuts.size(); ++k) {
      Fnv64 gram = kGram;
      for (size_t n = 1; n <= 4 && k + n < cuts.size(); ++n) {
        std::string_view piece(padded.data() + cuts[k + n - 1], cuts[k + n] - cuts[k + n - 1]);
        gram = gram.Add(piece);
        if (n > 1 || piece != " ") feats.push_back(gram.Finish());
      }
    }
  }
  return feats;
}

// N weights per feature from a generated TSV (feature, then N numbers; `header` skips the first
// line, which names the columns), in an open-addressing table at most half full with each key
// beside its weights: a lookup touches one or two cache lines, where a node-based map took a
// pointer chase and separate key and weight arrays two misses (lookups dominate the models' time).
template <size_t N>
class WeightTable {
 public:
  using Weights = std::array<float, N>;

  WeightTable(std::string_view data, bool header) {
    std::vector<std::pair<uint64_t, Weights>> entries;
    ForEachDataLine(data, [&](std::string_view line) {
      if (header) {
        header = false;
        return;
      }
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return;
      Weights w{};
      size_t at = tab + 1;
      for (float& x : w) {
        if (at > line.size()) return;
        size_t next = line.find('\t', at);
        if (next == std::string_view::npos) next = line.size();
        std::optional<float> v = ParseFloat(line.substr(at, next - at));
        if (!v) return;
        x = *v;
        at = next + 1;
      }
      entries.emplace_back(Hash64(line.substr(0, tab)), w);
    });
    size_t cap = 16;
    while (cap < entries.size() * 2) cap <<= 1;
    table_.assign(cap, Entry{});
    for (const auto& [hash, w] : entries) {
      uint64_t key = Key(hash);
      size_t slot = (key >> 1) & (cap - 1);
      while (table_[slot].key != 0 && table_[slot].key != key) slot = (slot + 1) & (cap - 1);
      table_[slot] = {key, w};
    }
  }

  // Starts loading the slot where `hash` would be: a caller that knows its next lookups
  // overlaps their cache misses instead of waiting on each in turn.
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&table_[(Key(hash) >> 1) & (table_.size() - 1)]); }

  // Calls `use(hash, weights)` for each of `hashes` in the table, in order, prefetching the
  // slots of those a little ahead.
  template <typename Use>
  void ForEachFound(const std::vector<uint64_t>& hashes, Use&& use) const {
    constexpr size_t kAhead = 32;
    for (size_t i = 0; i < std::min(kAhead, hashes.size()); ++i) Prefetch(hashes[i]);
    for (size_t i = 0; i < hashes.size(); ++i) {
      if (i + kAhead < hashes.size()) Prefetch(hashes[i + kAhead]);
      if (const Weights* w = Find(hashes[i])) use(hashes[i], *w);
    }
  }

  const Weights* Find(uint64_t hash) const {
    uint64_t key = Key(hash);
    size_t mask = table_.size() - 1;
    for (size_t slot = (key >> 1) & mask; table_[slot].key != 0; slot = (slot + 1) & mask) {
      if (table_[slot].key == key) return &table_[slot].weights;
    }
    return nullptr;
  }
 private:
  // Keys are feature hashes with the low bit set (0 marks an empty slot).
  static uint64_t Key(uint64_t hash) { return hash | 1; }
  struct alignas(sizeof(Weights) <= 24 ? 32 : 64) Entry {
    uint64_t key = 0;
    Weights weights{};
  };
  std::vector<Entry> table_;
};

// A set of feature hashes for one text at a time, in an open-addressing table that is emptied
// by starting a new generation rather than by zeroing it: per sentence, zeroing a table sized
// for the sentence's features cost as much as the lookups it served.
class FeatureSet {
 public:
  // Empties the set and makes room for `n` keys.
  void Clear(size_t n) {
    size_t cap = 64;
    while (cap < n * 2) cap <<= 1;
    if (cap > slots_.size() || ++generation_ == 0) {
      slots_.assign(std::max(cap, slots_.size()), Slot{});
      generation_ = 1;
    }
    mask_ = cap - 1;  // a large table from an earlier text: only its first `cap` slots are used
  }
  // False when `key` is in the set already.
  bool Insert(uint64_t key) {
    size_t slot = key & mask_;
    while (slots_[slot].generation == generation_) {
      if (slots_[slot].key == key) return false;
      slot = (slot + 1) & mask_;
    }
    slots_[slot] = {key, generation_};
    return true;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t generation = 0;
  };
  std::vector<Slot> slots_;
  uint32_t generation_ = 0;
  size_t mask_ = 0;
};

// The Latin-script sr/hr/bs models, trained by tools/train_lid.py into data/lid-sr-hr-bs.tsv over
// ModelFeatures: an averaged perceptron over feature presence and naive Bayes over feature
// counts. A text scores naive Bayes plus kPerceptronScale times the perceptron, the mix
// tools/train_lid.py --holdout scores.
class SouthSlavicModel {
 public:
  static constexpr double kPerceptronScale = 0.1;

  SouthSlavicModel() : weights_(EmbeddedData("lid-sr-hr-bs.tsv"), false) {}

  // Scores for sr, hr, bs: naive Bayes over every feature occurrence plus the scaled perceptron
  // over the distinct features (columns: perceptron sr, hr, bs; naive Bayes sr, hr, bs).
  std::array<double, 3> Score(const std::vector<uint64_t>& feats) const {
    std::array<double, 3> bayes = {0, 0, 0}, perceptron = {0, 0, 0};
    // The perceptron counts each distinct feature once (it was trained on presence).
    thread_local FeatureSet seen;
    seen.Clear(feats.size());
    weights_.ForEachFound(feats, [&](uint64_t f, const WeightTable<6>::Weights& w) {
      for (int k = 0; k < 3; ++k) bayes[k] += w[3 + k];
      if (!seen.Insert(f)) return;
      for (int k = 0; k < 3; ++k) perceptron[k] += w[k];
    });
    std::array<double, 3> score;
    for (int k = 0; k < 3; ++k) score[k] = bayes[k] + kPerceptronScale * perceptron[k];
    return score;
  }

 private:
  WeightTable<6> weights_;
};

const SouthSlavicModel& GetSouthSlavicModel() {
  static const SouthSlavicModel* m = new SouthSlavicModel();
  return *m;
}

// Latin-script languages for text CLD2 cannot place (too short, or names and foreign words in
// most of it): naive Bayes over ModelFeatures for the fourteen languages of data/lid-latin.tsv
// (trained by tools/train_lid.py; hbs stands for Serbian, Croatian and Bosnian together), whose
// first line names them.
class LatinModel {
 public:
  static constexpr size_t kLanguages = 14;

  LatinModel() : weights_(EmbeddedData("lid-latin.tsv"), true) {
    ForEachDataLine(EmbeddedData("lid-latin.tsv"), [&](std::string_view line) {
      if (!names_.empty()) return;
      for (size_t at = line.find('\t'); at != std::string_view::npos;) {
        size_t next = line.find('\t', at + 1);
        names_.emplace_back(line.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
        at = next;
      }
    });
  }

  bool Knows(std::string_view language) const {
    return std::find(names_.begin(), names_.end(), language) != names_.end();
  }

  // The likeliest language and its lead over the next, in nats; "und" when the model has nothing.
  std::pair<std::string, double> Guess(const std::vector<uint64_t>& feats) const {
    if (names_.size() != kLanguages) return {"und", 0};
    std::array<double, kLanguages> score{};
    bool any = false;
    weights_.ForEachFound(feats, [&](uint64_t, const WeightTable<kLanguages>::Weights& w) {
      any = true;
      for (size_t k = 0; k < kLanguages; ++k) score[k] += w[k];
    });
    if (!any) return {"und", 0};
    size_t best = static_cast<size_t>(std::max_element(score.begin(), score.end()) - score.begin());
    double second = -1e300;
    for (size_t k = 0; k < kLanguages; ++k) {
      if (k != best) second = std::max(second, score[k]);
    }
    return {names_[best], score[best] - second};
  }

 private:
  WeightTable<kLanguages> weights_;
  std::vector<std::string> names_;
};

const LatinModel& GetLatinModel() {
  static const LatinModel* m = new LatinModel();
  return *m;
}

// True when CLD2's `language` is one of the Latin model's (Serbian, Croatian and Bosnian are its hbs).
bool InLatinModel(CLD2::Language language) {
  std::string_view code = CLD2::LanguageCode(language);
  return GetLatinModel().Knows(code == "sr" || code == "hr" || code == "bs" ? "hbs" : code);
}

// The first couple of kilobytes of `text` (whole code points): they settle the language or
// variety of a whole article.
std::string_view Sample(std::string_view text) {
  constexpr size_t kSample = 2048;
  if (text.size() <= kSample) return text;
  size_t cut = kSample;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// Chooses among sr, hr and bs: the trained model, with the hand-written markers (ekavian /
// ijekavian reflexes, tko/ko, tisuća/hiljada ...) as a further vote.
// `features` are ModelFeatures(Sample(text)), computed once for this and the Latin model.
std::string RefineSouthSlavic(std::string_view text, const std::vector<uint64_t>& features, double* confidence) {
  text = Sample(text);
  SouthSlavicScores m = ScoreSouthSlavic(text);
  std::array<double, 3> s = GetSouthSlavicModel().Score(features);
  // The reflex of jat decides Serbian against the rest when the text shows it: ekavian forms
  // (vreme, mesto, dete) are Serbian, ijekavian ones (vrijeme, mjesto, dijete) Croatian or
  // Bosnian; so does the future's spelling (uradićemo against uradit ćemo). The model then separates what remains; lexical markers add votes.
  const double kLex = 2.0;  // tools/train_lid.py's MARKER_VOTE
  s[0] += kLex * m.sr;
  s[1] += kLex * m.hr;
  s[2] += kLex * m.bs;
  if (m.ekavian > m.ijekavian) {
    s[0] = std::max(s[0], std::max(s[1], s[2]) + 1.0);
  } else if (m.ijekavian > m.ekavian) {
    s[0] = std::min(s[0], std::min(s[1], s[2]) - 1.0);
  }
  static constexpr const char* kLangs[] = {"sr", "hr", "bs"};
  int best = static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
  double second = -1e9;
  for (int k = 0; k < 3; ++k) {
    if (k != best) second = std::max(second, s[k]);
  }
  *confidence = std::min(0.99, 0.5 + 0.05 * (s[best] - second));
  return kLangs[best];
}

// The number of words of `text` (match-folded, letters a-z) and how many of them `list` has.
// A letter with a dot is an abbreviation's ("U.S. Rep."), no word of the list.
template <size_t N>
std::pair<int, int> CountFunctionWords(std::string_view text, const std::string_view (&list)[N]) {
  std::string folded = FoldForMatch(text);
  int words = 0, hits = 0;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !(folded[i] >= 'a' && folded[i] <= 'z')) ++i;
    size_t start = i;
    while (i < folded.size() && folded[i] >= 'a' && folded[i] <= 'z') ++i;
    if (i == start) break;
    std::string_view w(folded.data() + start, i - start);
    ++words;
    if (w.size() == 1 && i < folded.size() && folded[i] == '.') continue;
    hits += std::find(std::begin(list), std::end(list), w) != std::end(list);
  }
  return {words, hits};
}

// Common English function words (several of them are words of other languages too).
constexpr std::string_view kEnglishWords[] = {
    "the", "and", "of", "is", "are", "was", "were", "am", "i", "you", "he", "she", "we", "they", "not",
    "this", "that", "with", "have", "has", "had", "will", "would", "be", "to", "in", "on", "a", "an",
    "my", "it", "his", "her", "our", "their", "what", "do", "does", "did"};

// True when at least a fifth of the words are common Serbian, Croatian or Bosnian function
// words, two or more of them (one in a text of four words or fewer), and more of them than
// English ones.
bool LooksSouthSlavic(std::string_view text) {
  static constexpr std::string_view kWords[] = {
      "je", "da", "se", "su", "na", "u", "za", "od", "i", "sa", "iz", "koji", "koja", "koje", "sto", "sta",
      "kao", "ce", "bi", "nije", "to", "ali", "ili", "o", "po", "pa", "jer", "kad", "kada", "bio", "bila",
      "bilo", "sam", "smo", "ste", "ga", "mu", "joj", "ih", "nam", "vam", "li", "vec", "jos", "samo",
      "on", "ona", "ono", "oni", "mi", "vi", "ne", "nisu", "ima", "mora", "biti", "ovo", "ova", "ovaj"};
  auto [words, hits] = CountFunctionWords(text, kWords);
  return (hits >= 2 || (hits == 1 && words <= 4)) && hits * 5 >= words &&
         hits > CountFunctionWords(text, kEnglishWords).second;
}

// True when a Cyrillic text has more function words that only Macedonian uses (во, дека, тој,
// со) than ones that only Serbian uses (у, је, су, није), compared match-folded. It decides
// text that has neither ѓ ќ ѕ nor ђ ћ, only the letters the two share (ј љ њ џ).
bool MoreMacedonianThanSerbian(std::string_view text) {
  static constexpr std::string_view kMacedonian[] = {
      "vo", "e", "deka", "toj", "taa", "tie", "so", "kon", "site", "koga", "kade", "mnogu", "uste", "gi",
      "go", "nie", "vie", "nivnite", "nivniot", "nivnata"};
  static constexpr std::string_view kSerbian[] = {
      "u", "je", "su", "nije", "nisu", "bio", "bila", "bilo", "bili", "sa", "iz", "jer", "zbog", "kada",
      "koji", "koje", "kao", "tako", "mnogo"};
  text = Sample(text);
  return CountFunctionWords(text, kMacedonian).second > CountFunctionWords(text, kSerbian).second;
}

bool IsSouthSlavic(std::string_view lang) { return lang == "sr" || lang == "hr" || lang == "bs" || lang == "me"; }

}  // namespace

void LoadLanguageModels() {
  GetHanTable();
  GetCantoneseModel();
  Markers();
  GetSouthSlavicModel();
  GetLatinModel();
}

std::string DominantScript(std::string_view text) {
  ScriptCounts c = CountScripts(text);
  int b = DominantBucket(c);
  if (b < 0) return "Zyyy";
  if (b == kHan) return HanScript(text);
  return kBucketName[b];
}

LangResult IdentifyLanguage(std::string_view text) {
  LangResult out;
  ScriptCounts counts = CountScripts(text);
  int bucket = DominantBucket(counts);
  std::string repaired;
  if (bucket == kCyrl && counts.letters[kLatn] > 0) {
    repaired = CyrillicLookalikes(text);
    text = repaired;
    counts = CountScripts(text);
  }
  int total_letters = 0;
  for (int n : counts.letters) total_letters += n;
  if (bucket < 0) {
    out.best = {"und", "und", "Zyyy", 0};
    return out;
  }

  // Scripts that name their language need no statistics.
  if (bucket == kHan || bucket == kHang || bucket == kGrek || bucket == kKana) {
    double share = total_letters > 0 ? double(counts.letters[bucket]) / total_letters : 0;
    std::string script = bucket == kHan ? HanScript(text) : kBucketName[bucket];
    std::string lang = bucket == kHan ? "zh" : bucket == kHang ? "ko" : bucket == kGrek ? "el" : "ja";
    // Written Cantonese shows its particles, in either standard (and in Traditional characters
    // when its characters do not say); without them its vocabulary still tells it from standard
    // written Chinese in Traditional characters, by a margin (standard Chinese is the likelier
    // default).
    if (bucket == kHan && LooksCantonese(text)) {
      lang = "yue";
      script = HanScript(text, "Hant");
    } else if (bucket == kHan && script == "Hant" && GetCantoneseModel().Score(text) > 1.0) {
      lang = "yue";
    }
    std::string tag = bucket == kHan ? lang + "-" + script : lang;
    out.best = {tag, lang, script, std::round(std::min(0.99, share) * 100) / 100};
    return out;
  }
  // Letters that only one language of the region writes name it as well: ѓ ќ ѕ Macedonian, ђ ћ
  // Serbian (CLD2 often says bg or ru for short text in either).
  if (bucket == kCyrl && (counts.macedonian_letters > 0 || counts.serbian_letters > 0)) {
    double share = total_letters > 0 ? double(counts.letters[bucket]) / total_letters : 0;
    bool mk = counts.macedonian_letters > 0;
    out.best = {mk ? "mk" : "sr-Cyrl", mk ? "mk" : "sr", "Cyrl", std::round(0.9 * share * 100) / 100};
    return out;
  }
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language summary = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), true, &hints, 0,
                                 language3, percent3, scores3, nullptr, &text_bytes, &reliable);
  // CLD2 unsure of Latin text (too little of it, or mostly names and foreign words), with no
  // guess or a guess among the languages of our Latin model: the model decides. Short Serbian,
  // Croatian or Bosnian that CLD2 calls English outright is told by its function words. Other
  // text CLD2 cannot place gets its best effort.
  std::string by_model;
  double model_lead = 0;
  bool by_words = false;
  std::vector<uint64_t> features;  // of the sample, for our models: computed once, when first needed
  auto model_features = [&]() -> const std::vector<uint64_t>& {
    if (features.empty()) features = ModelFeatures(Sample(text));
    return features;
  };
  if (bucket == kLatn && (summary == CLD2::UNKNOWN_LANGUAGE || (!reliable && InLatinModel(summary)))) {
    std::tie(by_model, model_lead) = GetLatinModel().Guess(model_features());
    if (by_model == "und") by_model.clear();
  }
  if (by_model.empty() && bucket == kLatn && summary == CLD2::ENGLISH && LooksSouthSlavic(text)) {
    by_words = true;
  } else if (by_model.empty() && summary == CLD2::UNKNOWN_LANGUAGE) {
    summary = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), true, &hints,
                                             CLD2::kCLDFlagBestEffort, language3, percent3, scores3, nullptr,
                                             &text_bytes, &reliable);
  }
  auto code = [](CLD2::Language l) { return std::string(CLD2::LanguageCode(l)); };

  std::string script = bucket == kHan ? HanScript(text) : kBucketName[bucket];
  double script_share = total_letters > 0 ? double(counts.letters[bucket]) / total_letters : 0;
  // The summary is CLD2's best guess even when unreliable; language3[0] may be UNKNOWN then.
  std::string lang = code(summary != CLD2::UNKNOWN_LANGUAGE ? summary : language3[0]);
  double confidence = reliable ? 0.6 + 0.4 * percent3[0] / 100.0 : 0.3 + 0.3 * percent3[0] / 100.0;

  if (bucket == kCyrl) {
    // Without ѓ ќ ѕ ђ ћ (above), the letters Serbian and Macedonian share and their function
    // words decide between the two; other letters, for the rest.
    if (counts.shared_letters > 0 && lang != "mk") {
      lang = MoreMacedonianThanSerbian(text) ? "mk" : "sr";
    } else if (counts.ukrainian_letters > 0 && lang != "be") {
      lang = "uk";
    } else if (counts.russian_letters > 0 && (lang == "sr" || lang == "mk")) {
      lang = "ru";
    }
  }
  if (lang == "zh-Hant") lang = "zh";
  // Chinese whose Latin-letter names outnumber its characters is still written in Han.
  if (lang == "zh" && bucket != kHan) script = HanScript(text);
  if (!by_model.empty()) {
    lang = by_model == "hbs" ? "hr" : by_model;  // hbs: refined below
    confidence = std::min(0.9, 0.3 + 0.05 * model_lead);
  } else if (by_words) {
    lang = "hr";  // refined below
    confidence = 0.3;
  } else if (lang == "un" || lang == "xx") {
    // No evidence even for a best effort: Latin text is most likely English, the commonest
    // Latin-script language of international news.
    lang = bucket == kLatn ? "en" : "und";
    confidence = 0.2;
  }
  if (IsSouthSlavic(lang) && bucket == kLatn) {
    lang = RefineSouthSlavic(text, model_features(), &confidence);
  } else if (lang == "sr" && bucket == kCyrl) {
    confidence = std::max(confidence, 0.9);
  }

  std::string tag = lang;
  if (lang == "sr") tag = bucket == kCyrl ? "sr-Cyrl" : "sr-Latn";
  if (lang == "zh") tag = "zh-" + script;
  out.best = {tag, lang, script, std::round(confidence * script_share * 100) / 100};
  for (int k = 1; k < 3; ++k) {
    if (language3[k] == CLD2::UNKNOWN_LANGUAGE || percent3[k] == 0) continue;
    std::string alt = code(language3[k]);
    if (alt == lang || alt == tag) continue;
    out.alternatives.push_back({alt, alt, script, percent3[k] / 100.0});
  }
  return out;
}

DocumentLanguage IdentifyDocument(std::string_view text) {
  DocumentLanguage d;
  d.dominant = IdentifyLanguage(text);
  size_t i = 0;
  while (i < text.size()) {
    // A paragraph ends at a blank line (or the end); single newlines stay inside.
    while (i < text.size() && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    size_t start = i;
    size_t end = text.find("\n\n", i);
    if (end == std::string_view::npos) end = text.size();
    size_t trimmed = end;
    while (trimmed > start && (text[trimmed - 1] == ' ' || text[trimmed - 1] == '\r' || text[trimmed - 1] == '\n')) --trimmed;
    LangSpan span{{static_cast<uint32_t>(start), static_cast<uint32_t>(trimmed)},
                  IdentifyLanguage(text.substr(start, trimmed - start)).best};
    d.paragraphs.push_back(span);
    i = end;
  }
  if (d.paragraphs.size() > 1) {
    // Several paragraphs: the dominant language is the one most characters are written in.
    std::map<std::string, size_t> chars;
    for (const LangSpan& p : d.paragraphs) {
      std::string_view t = p.range.Of(text);
      chars[p.guess.tag] += static_cast<size_t>(std::count_if(t.begin(), t.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));
    }
    auto top = std::max_element(chars.begin(), chars.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    if (top->first != d.dominant.best.tag && top->first != "und") {
      for (const LangSpan& p : d.paragraphs) {
        if (p.guess.tag != top->first) continue;
        std::vector<LangGuess>& alts = d.dominant.alternatives;
        alts.erase(std::remove_if(alts.begin(), alts.end(), [&](const LangGuess& g) { return g.tag == p.guess.tag; }),
                   alts.end());
        alts.insert(alts.begin(), d.dominant.best);
        d.dominant.best = p.guess;
        break;
      }
    }
  }
  for (const LangSpan& p : d.paragraphs) {
    // Short paragraphs and unsure guesses are not evidence of another language.
    if (p.guess.tag != d.dominant.best.tag && p.guess.lang != "und" && p.guess.confidence >= 0.5 &&
        p.range.size() >= 40) {
      d.others.push_back(p);
    }
  }
  return d;
}

std::string Cld2Baseline(std::string_view text) {
  bool reliable = false;
  CLD2::Language l = CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()), true, &reliable);
  std::string code = CLD2::LanguageCode(l);
  if (code == "sr") return DominantScript(text) == "Cyrl" ? "sr-Cyrl" : "sr-Latn";
  if (code == "zh") return "zh-Hans";
  return code;
}

}  // namespace parallax::text
