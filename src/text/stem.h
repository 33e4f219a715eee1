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
#include <unordered_map>
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

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // News vocabulary is Zipfian: most words were stemmed before. Bounded; cleared when full.
  static constexpr size_t kCacheEntries = 1 << 16;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;

  std::string lang_;
  sb_stemmer* sb_;  // null for Albanian
  std::string buffer_;
};

// The Albanian stemmer on its own: strips one definite or case ending (Kosovës, Kosovën,
// Kurtit, Prishtinës, qeverisë) and then one final vowel (Kosova, Kosovo, Kosovë -> kosov).
std::string_view StemAlbanian(std::string_view word, std::string& buffer);

}  // namespace parallax::text
