#include "entities/tagger.h"

#include <unicode/uchar.h>

#include "base/embedded.h"
#include "base/hash.h"
#include "base/strings.h"
#include "text/fold.h"
#include "text/translit.h"
#include "text/utf8.h"

namespace parallax::entities {
namespace {

constexpr std::string_view kTagNames[] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};

std::string Shape(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size() && out.size() < 4;) {
    auto b = static_cast<unsigned char>(w[i]);
    char s;
    if (b < 0x80) {  // ASCII without a call into ICU
      ++i;
      s = b >= 'A' && b <= 'Z' ? 'X' : b >= 'a' && b <= 'z' ? 'x' : b >= '0' && b <= '9' ? 'd' : 'o';
    } else {
      char32_t c = text::DecodeUtf8(w, i);
      s = u_isupper(static_cast<UChar32>(c)) ? 'X' : u_islower(static_cast<UChar32>(c)) ? 'x'
          : u_isdigit(static_cast<UChar32>(c)) ? 'd' : 'o';
    }
    if (out.empty() || out.back() != s) out += s;
  }
  return out;
}

// As Shape(w) starting with 'X'.
bool StartsUpper(std::string_view w) {
  size_t i = 0;
  return !w.empty() && u_isupper(static_cast<UChar32>(text::DecodeUtf8(w, i)));
}

// The last or first `n` code points of `s`.
std::string_view LastChars(std::string_view s, size_t n) {
  size_t i = s.size();
  while (n > 0 && i > 0) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    --n;
  }
  return s.substr(i);
}
std::string_view FirstChars(std::string_view s, size_t n) {
  size_t i = 0;
  while (n > 0 && i < s.size()) {
    text::DecodeUtf8(s, i);
    --n;
  }
  return s.substr(0, i);
}

// A feature name's hash state ("p1=", "pt+sh="), computed at compile time.
consteval Fnv64 Name(std::string_view name) { return Fnv64().Add(name); }

// The hash of a feature as the model file writes it, its name and then its parts: Hash64 of
// the concatenation.
template <typename... Parts>
uint64_t Feature(Fnv64 name, const Parts&... parts) {
  ((name = name.Add(parts)), ...);
  return name.Finish();
}

bool Valid(int tag, int prev) {
  // I-X follows only B-X or I-X.
  if (tag == 0 || tag % 2 == 1) return true;
  return prev == tag || prev == tag - 1;
}

// The kind of a character, as tools/train_ner.py names it: h Han, d digit, a letter, p other.
char CharKind(std::string_view ch) {
  size_t i = 0;
  auto c = static_cast<UChar32>(text::DecodeUtf8(ch, i));
  if (c >= 0x4E00 && c <= 0x9FFF) return 'h';
  return u_isdigit(c) ? 'd' : u_isalpha(c) ? 'a' : 'p';
}

}  // namespace

NameTagger::NameTagger(std::string_view model, bool characters) : characters_(characters) {
  std::string_view data = EmbeddedData(model);
  ForEachDataLine(data, [&](std::string_view line) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::array<float, kTags>& weights = features_[Hash64(line.substr(0, tab))];
    weights.fill(0);
    std::string_view rest = line.substr(tab + 1);
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      std::string_view pair = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      size_t colon = pair.find(':');
      if (colon != 1 || pair[0] < '0' || pair[0] >= '0' + kTags) continue;
      std::optional<float> weight = ParseFloat(pair.substr(colon + 1));
      if (weight) weights[static_cast<size_t>(pair[0] - '0')] = *weight;
    }
  });
}

template <size_t N>
void NameTagger::Add(std::array<double, kTags>& score, const std::array<uint64_t, N>& features) const {
  for (uint64_t f : features) features_.Prefetch(f);
  for (uint64_t f : features) {
    const std::array<float, kTags>* weights = features_.Find(f);
    if (weights == nullptr) continue;
    for (int k = 0; k < kTags; ++k) score[k] += (*weights)[k];
  }
}

int NameTagger::Best(const std::array<double, kTags>& score, int prev) {
  int best = 0;
  for (int k = 1; k < kTags; ++k) {
    if (Valid(k, prev) && score[k] > score[best]) best = k;
  }
  return best;
}

const NameTagger& NameTagger::Default() {
  static const NameTagger* t = new NameTagger("ner-model.tsv", false);
  return *t;
}

const NameTagger& NameTagger::Chinese() {
  static const NameTagger* t = new NameTagger("ner-zh-model.tsv", true);
  return *t;
}

std::vector<TaggedSpan> NameTagger::Tag(const std::vector<std::string_view>& words,
                                         const std::vector<bool>& sentence_start) const {
  std::vector<TaggedSpan> out;
  if (features_.size() == 0 || words.empty()) return out;
  // Sentence of each word, so context features stop at sentence edges as in training.
  std::vector<size_t> begin(words.size()), end(words.size());
  for (size_t i = 0, s = 0; i < words.size(); ++i) {
    if (sentence_start[i]) s = i;
    begin[i] = s;
  }
  for (size_t i = words.size(), e = words.size(); i-- > 0;) {
    end[i] = e;
    if (sentence_start[i]) e = i;
  }
  std::vector<int> tags(words.size(), 0);
  if (characters_) {
    TagCharacters(words, begin, end, tags);
  } else {
    TagWords(words, begin, end, tags);
  }
  for (size_t i = 0; i < tags.size();) {
    if (tags[i] == 0) {
      ++i;
      continue;
    }
    int type = (tags[i] - 1) / 2;  // 0 PER, 1 ORG, 2 LOC
    size_t j = i + 1;
    while (j < tags.size() && tags[j] == 2 + 2 * type && !sentence_start[j]) ++j;
    out.push_back({i, j, "POL"[type]});
    i = j;
  }
  return out;
}

void NameTagger::TagCharacters(const std::vector<std::string_view>& chars, const std::vector<size_t>& begin,
                               const std::vector<size_t>& end, std::vector<int>& tags) const {
  std::string kinds;
  for (std::string_view c : chars) kinds += CharKind(c);
  int prev = 0;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (i == begin[i]) prev = 0;
    auto at = [&](long k) -> std::string_view {
      long j = static_cast<long>(i) + k;
      if (j < static_cast<long>(begin[i])) return "<s>";
      if (j >= static_cast<long>(end[i])) return "</s>";
      return chars[static_cast<size_t>(j)];
    };
    auto kind = [&](long k) {
      long j = static_cast<long>(i) + k;
      return j < static_cast<long>(begin[i]) || j >= static_cast<long>(end[i]) ? std::string_view("e")
                                                                                : std::string_view(&kinds[static_cast<size_t>(j)], 1);
    };
    std::string_view c = chars[i], p1 = at(-1), p2 = at(-2), n1 = at(1), n2 = at(2);
    std::string_view pt = kTagNames[prev];
    std::array<double, kTags> score{};
    Add(score, std::array<uint64_t, 14>{
                   Feature(Name("b")), Feature(Name("c="), c), Feature(Name("p1="), p1),
                   Feature(Name("n1="), n1), Feature(Name("p2="), p2), Feature(Name("n2="), n2),
                   Feature(Name("p1c="), p1, c), Feature(Name("cn1="), c, n1), Feature(Name("p2p1="), p2, p1),
                   Feature(Name("n1n2="), n1, n2), Feature(Name("p1n1="), p1, n1),
                   Feature(Name("k="), kind(0), kind(-1), kind(1)), Feature(Name("pt="), pt),
                   Feature(Name("pt+c="), pt, "|", c)});
    prev = tags[i] = Best(score, prev);
  }
}

void NameTagger::TagWords(const std::vector<std::string_view>& words, const std::vector<size_t>& begin,
                          const std::vector<size_t>& end, std::vector<int>& tags) const {
  // Features of a word, computed when first asked for: most words of running text start no
  // name and are never scored, nor are their neighbours.
  std::vector<std::string> lower(words.size()), shape(words.size());
  std::vector<bool> ready(words.size(), false);
  auto features = [&](size_t j) {
    if (ready[j]) return;
    ready[j] = true;
    // The model learnt Serbian from Latin text: Cyrillic words are read in Latin spelling.
    bool cyrillic = !words[j].empty() && (static_cast<unsigned char>(words[j][0]) & 0xFE) == 0xD0;
    lower[j] = cyrillic ? text::CyrillicToLatinLower(words[j]) : text::Lower(words[j]);
    shape[j] = Shape(words[j]);
  };
  int prev = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == begin[i]) prev = 0;
    // Outside a name, a word that does not start with a capital starts none: the model almost
    // never tags one, and skipping the scoring saves most of the time on running text.
    if (prev == 0 && !words[i].empty() && !StartsUpper(words[i])) {
      tags[i] = 0;
      continue;
    }
    auto at = [&](long k, const std::vector<std::string>& v, const char* edge) -> std::string_view {
      long j = static_cast<long>(i) + k;
      if (j < static_cast<long>(begin[i])) return "<s>";
      if (j >= static_cast<long>(end[i])) return edge;
      features(static_cast<size_t>(j));
      return v[static_cast<size_t>(j)];
    };
    features(i);
    std::string_view p1 = at(-1, lower, "</s>"), p2 = at(-2, lower, "</s>");
    std::string_view n1 = at(1, lower, "</s>"), n2 = at(2, lower, "</s>");
    std::string_view psh = at(-1, shape, "</s>"), nsh = at(1, shape, "</s>");
    std::string_view pt = kTagNames[prev];
    const std::string& lw = lower[i];
    const std::string& sh = shape[i];
    std::array<double, kTags> score{};
    Add(score, std::array<uint64_t, 16>{
                   Feature(Name("b")), Feature(Name("w="), lw), Feature(Name("p1="), p1),
                   Feature(Name("n1="), n1), Feature(Name("p2="), p2), Feature(Name("n2="), n2),
                   Feature(Name("s3="), LastChars(lw, 3)), Feature(Name("s2="), LastChars(lw, 2)),
                   Feature(Name("pre3="), FirstChars(lw, 3)), Feature(Name("sh="), sh),
                   Feature(Name("psh="), psh), Feature(Name("nsh="), nsh), Feature(Name("pt="), pt),
                   Feature(Name("pt+sh="), pt, "|", sh), Feature(Name("p1+sh="), p1, "|", sh),
                   Feature(Name("w+n1sh="), lw, "|", nsh)});
    if (i == begin[i]) Add(score, std::array<uint64_t, 1>{Feature(Name("first"))});
    prev = tags[i] = Best(score, prev);
  }
}

}  // namespace parallax::entities
