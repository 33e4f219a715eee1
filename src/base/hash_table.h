// HashTable64: a map from 64-bit hashes to values in flat arrays of slots (open addressing,
// linear probing, at most half full). Callers hash their keys once (a word's key, a feature's parts)
// and look the hash up, with no string hashed again, compared or allocated. The keys lie in an
// array of their own, apart from the values: a probe reads eight bytes a slot, so the keys of a
// large table (a tagger's model, a pack's aliases) stay in cache, and a lookup that finds
// nothing, the commonest kind, touches no value. Hashes 0 and 1 share a slot (0 marks an empty
// one); otherwise a hash is its key, so callers that need exactness against hash collisions
// compare their keys themselves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/hash.h"

namespace parallax {

template <typename V>
class HashTable64 {
 public:
  // The value stored for `hash`, inserted as V() when absent.
  V& operator[](uint64_t hash) {
    if ((size_ + 1) * 2 > keys_.size()) Grow();
    size_t i = Slot(hash);
    if (keys_[i] == 0) {
      keys_[i] = Key(hash);
      ++size_;
    }
    return values_[i].value;
  }

  // The value stored for `hash`, or null.
  const V* Find(uint64_t hash) const {
    if (keys_.empty()) return nullptr;
    size_t i = Slot(hash);
    return keys_[i] == 0 ? nullptr : &values_[i].value;
  }
  bool Contains(uint64_t hash) const { return Find(hash) != nullptr; }
  // Starts loading the key slot of `hash` into the cache, so that several lookups' misses overlap.
  void Prefetch(uint64_t hash) const {
    if (!keys_.empty()) __builtin_prefetch(&keys_[Key(hash) & (keys_.size() - 1)]);
  }
  size_t size() const { return size_; }

 private:
  // A value in a struct of its own, so that a table of bools holds bools, not std::vector<bool>'s bits.
  struct Box {
    V value{};
  };

  static uint64_t Key(uint64_t hash) { return hash == 0 ? 1 : hash; }

  // The slot holding `hash`, else the empty slot where it would go.
  size_t Slot(uint64_t hash) const {
    uint64_t key = Key(hash);
    size_t mask = keys_.size() - 1;
    size_t i = key & mask;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }

  void Grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<Box> old_values = std::move(values_);
    size_t n = old_keys.empty() ? 16 : old_keys.size() * 2;
    keys_.assign(n, 0);
    values_.clear();
    values_.resize(n);
    for (size_t k = 0; k < old_keys.size(); ++k) {
      if (old_keys[k] == 0) continue;
      size_t i = Slot(old_keys[k]);
      keys_[i] = old_keys[k];
      values_[i] = std::move(old_values[k]);
    }
  }

  std::vector<uint64_t> keys_;  // Key(hash) per slot; 0 marks an empty one
  std::vector<Box> values_;     // the value of each slot
  size_t size_ = 0;
};

// A set of words, looked up by their Hash64 when the caller has it already (a tokenizer that
// hashes each word once), and exact: the word stored in the slot is compared. Two words with one
// hash would share a slot; the first inserted keeps it.
class WordSet {
 public:
  void Insert(std::string_view word) {
    std::string& stored = table_[Hash64(word)];
    if (stored.empty()) stored = word;
  }
  bool Contains(uint64_t hash, std::string_view word) const {
    const std::string* stored = table_.Find(hash);
    return stored != nullptr && *stored == word;
  }
  bool Contains(std::string_view word) const { return Contains(Hash64(word), word); }
  size_t size() const { return table_.size(); }

 private:
  HashTable64<std::string> table_;
};

}  // namespace parallax
