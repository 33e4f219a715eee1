#include "text/stem.h"

#include <algorithm>

#include <libstemmer.h>

#include "base/hash.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

const char* SnowballAlgorithm(std::string_view lang) {
  struct Entry {
    std::string_view lang;
    const char* algorithm;
  };
  static constexpr Entry kTable[] = {
      {"en", "english"},    {"sr", "serbian"},    {"hr", "serbian"},   {"bs", "serbian"},
      {"ru", "russian"},    {"de", "german"},     {"fr", "french"},    {"es", "spanish"},
      {"it", "italian"},    {"pt", "portuguese"}, {"ro", "romanian"},  {"hu", "hungarian"},
      {"tr", "turkish"},    {"el", "greek"},      {"nl", "dutch"},     {"sv", "swedish"},
      {"da", "danish"},     {"no", "norwegian"},  {"fi", "finnish"},   {"ca", "catalan"},
      {"ar", "arabic"},     {"lt", "lithuanian"}, {"id", "indonesian"}};
  for (const Entry& e : kTable) {
    if (e.lang == lang) return e.algorithm;
  }
  return nullptr;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips one final vowel from a Serbian Snowball stem that kept it (vučiće -> vučić).
std::string_view TrimSerbianVowel(std::string_view stem) {
  if (CodePoints(stem) > 4 && !stem.empty()) {
    char c = stem.back();
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') stem.remove_suffix(1);
  }
  return stem;
}

}  // namespace

std::string_view StemAlbanian(std::string_view word, std::string& buffer) {
  // Definite and case endings, longest first; the stem keeps at least three letters.
  static constexpr std::string_view kEndings[] = {"ërit", "ëve", "ës", "ën", "ët", "së", "në",
                                                  "it",   "in",  "ve", "ja", "ut", "un"};
  static constexpr std::string_view kVowels[] = {"a", "ë", "o", "i", "e", "u"};
  std::string_view w = word;
  for (std::string_view e : kEndings) {
    if (EndsWith(w, e) && CodePoints(w) >= CodePoints(e) + 3) {
      w.remove_suffix(e.size());
      break;
    }
  }
  for (std::string_view v : kVowels) {
    if (EndsWith(w, v) && CodePoints(w) >= 4) {
      w.remove_suffix(v.size());
      break;
    }
  }
  buffer.assign(w);
  return buffer;
}

std::unique_ptr<Stemmer> Stemmer::Create(std::string_view lang) {
  if (lang == "sq") return std::unique_ptr<Stemmer>(new Stemmer("sq", nullptr));
  const char* algorithm = SnowballAlgorithm(lang);
  if (algorithm == nullptr) return nullptr;
  sb_stemmer* sb = sb_stemmer_new(algorithm, "UTF_8");
  if (sb == nullptr) return nullptr;
  return std::unique_ptr<Stemmer>(new Stemmer(std::string(lang), sb));
}

Stemmer::~Stemmer() {
  if (sb_ != nullptr) sb_stemmer_delete(sb_);
}

std::string_view Stemmer::Stem(std::string_view word) {
  const uint64_t hash = std::max<uint64_t>(Hash64(word), 1);
  size_t mask = cache_.size() - 1;
  size_t i = hash & mask;
  if (!cache_.empty()) {
    for (; cache_[i].hash != 0; i = (i + 1) & mask) {
      if (cache_[i].hash == hash) return {cache_[i].stem, cache_[i].size};
    }
  }
  std::string_view stem = Compute(word);
  if (stem.size() > sizeof(Slot::stem)) return stem;
  // Copied before the slots move: `word`, and so the stem, may be a view of one (a stem stemmed).
  Slot fresh;
  fresh.hash = hash;
  fresh.size = static_cast<uint8_t>(stem.size());
  std::copy(stem.begin(), stem.end(), fresh.stem);
  if (cached_ >= kCacheEntries || (cached_ + 1) * 2 > cache_.size()) {
    // Twice the room, or, full, empty again; either way the slots are laid out afresh.
    std::vector<Slot> old = std::move(cache_);
    cache_.assign(cached_ >= kCacheEntries ? old.size() : std::max<size_t>(1024, old.size() * 2), Slot{});
    mask = cache_.size() - 1;
    if (cached_ >= kCacheEntries) {
      cached_ = 0;
    } else {
      for (const Slot& o : old) {
        if (o.hash == 0) continue;
        size_t k = o.hash & mask;
        while (cache_[k].hash != 0) k = (k + 1) & mask;
        cache_[k] = o;
      }
    }
    for (i = hash & mask; cache_[i].hash != 0;) i = (i + 1) & mask;
  }
  Slot& slot = cache_[i] = fresh;
  ++cached_;
  return {slot.stem, slot.size};
}

std::string_view Stemmer::Compute(std::string_view word) {
  if (sb_ == nullptr) return StemAlbanian(word, buffer_);
  const sb_symbol* out = sb_stemmer_stem(sb_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return word;  // out of memory inside Snowball: keep the word
  std::string_view stem(reinterpret_cast<const char*>(out),
                        static_cast<size_t>(sb_stemmer_length(sb_)));
  if (lang_ == "sr" || lang_ == "hr" || lang_ == "bs") stem = TrimSerbianVowel(stem);
  return stem;
}

const std::vector<std::string>& Stemmer::StemmedLanguages() {
  static const std::vector<std::string> kLangs = {
      "en", "sr", "sq", "ru", "de", "fr", "es", "it", "pt", "ro", "hu", "tr", "el",
      "nl", "sv", "da", "no", "fi", "ca", "ar", "lt", "id"};
  return kLangs;
}

}  // namespace parallax::text
