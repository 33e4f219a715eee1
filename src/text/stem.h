// Per-language stemming for search: Snowball (libstemmer) where it has the language, Serbian
// for Croatian and Bosnian too, and a light Albanian suffix stemmer of our own.
//
// Input is case-folded text in the language's own script (Snowball's Russian wants Cyrillic;
// its Serbian takes both scripts and answers in Latin). A Stemmer is not thread-safe: make one
// per thread or per SQLite connection.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

struct sb_stemmer;

namespace parallax::text {

class Stemmer {
 public:
  // Null when the language has no stemmer (the caller keeps words as they are).
  static std::unique_ptr<Stemmer> Create(std::string_view lang);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `word`; the view lives until the next call.
  std::string_view Stem(std::string_view word);
  const std::string& lang() const { return lang_; }

  // Languages with a stemmer, by the codes Create() takes (one per distinct algorithm).
  static const std::vector<std::string>& StemmedLanguages();

 private:
  Stemmer(std::string lang, sb_stemmer* sb) : lang_(std::move(lang)), sb_(sb) {}
  std::string_view Compute(std::string_view word);

  // News vocabulary is Zipfian: most words were stemmed before. The cache is an open-addressing
  // table of 32-byte slots, each a word's Hash64 beside its stem (stems of up to 23 bytes; longer
  // ones are computed each time), so a lookup reads one cache line: the lookups are a third of
  // the text layer's time, nearly all of it waiting on memory, and a map that keeps the word to
  // compare reads a second line. The hash stands for the word: two words of a language sharing
  // a 64-bit hash among the cache's 65,536 is a chance of about one in 10^10.
  // Bounded; emptied when full.
  static constexpr size_t kCacheEntries = 1 << 16;
  struct Slot {
    uint64_t hash = 0;  // 0: empty (a word whose hash is 0 is stored as 1)
    char stem[23];
    uint8_t size = 0;
  };
  static_assert(sizeof(Slot) == 32);
  std::vector<Slot> cache_;  // a power of two in size, at most half full
  size_t cached_ = 0;

  std::string lang_;
  sb_stemmer* sb_;  // null for Albanian
  std::string buffer_;
};

// The Albanian stemmer on its own: strips one definite or case ending (Kosovës, Kosovën,
// Kurtit, Prishtinës, qeverisë) and then one final vowel (Kosova, Kosovo, Kosovë -> kosov).
std::string_view StemAlbanian(std::string_view word, std::string& buffer);

}  // namespace parallax::text
