// HashTable64: a map from 64-bit hashes to values in one flat array of slots (open addressing,
// linear probing, at most half full). Callers hash their keys once (a word's key, a feature's parts)
// and look the hash up, with no string hashed again, compared or allocated, and one cache line
// touched on most probes. Hashes 0 and 1 share a slot (0 marks an empty one); otherwise a
// hash is its key, so callers that need exactness against hash collisions compare their keys
// themselves.
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
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Entry& e = slots_[Slot(hash)];
    if (e.key == 0) {
      e.key = Key(hash);
      ++size_;
    }
    return e.value;
  }

  // The value stored for `hash`, or null.
  const V* Find(uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const Entry& e = slots_[Slot(hash)];
    return e.key == 0 ? nullptr : &e.value;
  }
  bool Contains(uint64_t hash) const { return Find(hash) != nullptr; }
  // Starts loading the slot of `hash` into the cache, so that several lookups' misses overlap.
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Key(hash) & (slots_.size() - 1)]);
  }
  size_t size() const { return size_; }

 private:
  struct Entry {
    uint64_t key = 0;  // Key(hash); 0 marks an empty slot
    V value{};
  };

  static uint64_t Key(uint64_t hash) { return hash == 0 ? 1 : hash; }

  // The slot holding `hash`, else the empty slot where it would go.
  size_t Slot(uint64_t hash) const {
    uint64_t key = Key(hash);
    size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }

  void Grow() {
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Entry());
    for (Entry& e : old) {
      if (e.key != 0) slots_[Slot(e.key)] = std::move(e);
    }
  }

  std::vector<Entry> slots_;
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
