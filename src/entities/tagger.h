// The name taggers: averaged perceptrons over BIO tags (PER, ORG, LOC), trained by
// tools/train_ner.py, decoded greedily left to right. They find names that no pack lists.
// Default() tags words of spaced scripts (data/ner-model.tsv; features: the word and its
// neighbours lower-cased, suffixes, prefix, letter-case shape, the previous tag). Chinese()
// tags the characters of Chinese text, which has no spaces (data/ner-zh-model.tsv; features:
// the character, its neighbours and their pairs, character kinds, the previous tag).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_range.h"
#include "base/hash_table.h"

namespace parallax::entities {

struct TaggedSpan {
  size_t first_word, end_word;  // [first, end) into the words given
  char type;                    // 'P', 'O' or 'L'
};

class NameTagger {
 public:
  // The built-in models (empty when the model file is missing: they then find nothing).
  static const NameTagger& Default();
  static const NameTagger& Chinese();

  // `words[i]` is the text of word i as written (for Chinese(), of character i);
  // `sentence_start[i]` marks a sentence's first word. Returns the name spans.
  std::vector<TaggedSpan> Tag(const std::vector<std::string_view>& words, const std::vector<bool>& sentence_start) const;

 private:
  static constexpr int kTags = 7;  // O B-PER I-PER B-ORG I-ORG B-LOC I-LOC
  NameTagger(std::string_view model, bool characters);
  void TagWords(const std::vector<std::string_view>& words, const std::vector<size_t>& begin,
                const std::vector<size_t>& end, std::vector<int>& tags) const;
  void TagCharacters(const std::vector<std::string_view>& chars, const std::vector<size_t>& begin,
                     const std::vector<size_t>& end, std::vector<int>& tags) const;
  // Adds the weights of the features whose hashes (Hash64 of their names as the model writes
  // them) are given to `score`; prefetches them all first, so their cache misses overlap.
  template <size_t N>
  void Add(std::array<double, kTags>& score, const std::array<uint64_t, N>& features) const;
  // The best tag after `prev` for `score`.
  static int Best(const std::array<double, kTags>& score, int prev);
  bool characters_;
  // Feature hash -> its weight for each tag. (The weights beside their keys in one slot, so
  // that a hit reads one place, measured no faster on BM_MatchEntities.)
  HashTable64<std::array<float, kTags>> features_;
};

}  // namespace parallax::entities
