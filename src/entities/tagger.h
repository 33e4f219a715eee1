// The name tagger: an averaged perceptron over BIO tags (PER, ORG, LOC), trained by
// tools/train_ner.py into data/ner-model.tsv, decoded greedily left to right. It finds names
// that no pack lists. Features: the word and its neighbours (lower-cased), suffixes, prefix,
// letter-case shape and the previous tag. Spaced scripts only.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_range.h"

namespace parallax::entities {

struct TaggedSpan {
  size_t first_word, end_word;  // [first, end) into the words given
  char type;                    // 'P', 'O' or 'L'
};

class NameTagger {
 public:
  // The built-in model (empty when the model file is missing: Tag() then finds nothing).
  static const NameTagger& Default();

  // `words[i]` is the text of word i as written; `sentence_start[i]` marks a sentence's first
  // word. Returns the name spans.
  std::vector<TaggedSpan> Tag(const std::vector<std::string_view>& words, const std::vector<bool>& sentence_start) const;

 private:
  NameTagger();
  static constexpr int kTags = 7;  // O B-PER I-PER B-ORG I-ORG B-LOC I-LOC
  // Open-addressing table from feature hash to its weights (a run in weights_): one probe
  // sequence in a flat array per feature, which matters at 17 features a word.
  struct Slot {
    uint64_t key = 0;  // 0: empty
    uint32_t first = 0;
    uint8_t count = 0;
  };
  const Slot* Lookup(uint64_t key) const;
  std::vector<Slot> slots_;
  std::vector<std::pair<uint8_t, float>> weights_;
};

}  // namespace parallax::entities
