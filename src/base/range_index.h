// RangeIndex: byte ranges by where they begin, with the furthest end reached by each prefix of
// that order. It answers "does anything overlap (or contain) this range?" and "which ranges
// begin from here?" in log time, where asking every range makes a long text's thousands of
// mentions or quotations quadratic.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/byte_range.h"

namespace parallax {

class RangeIndex {
 public:
  RangeIndex() = default;

  // The index of `n` ranges, `range_of(k)` for k = 0..n-1; each range's id is its k. Ranges that
  // begin together keep the order of k.
  template <typename RangeOf>
  static RangeIndex Of(size_t n, RangeOf range_of) {
    RangeIndex index;
    index.entries_.reserve(n);
    for (size_t k = 0; k < n; ++k) index.entries_.push_back({range_of(k), static_cast<uint32_t>(k), 0});
    std::stable_sort(index.entries_.begin(), index.entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.range.begin < b.range.begin; });
    index.Reach(0);
    return index;
  }

  // Adds `r` with `id` after the ranges that begin where it does or before. Cheap when ranges
  // come roughly in text order, as a reader finds them.
  void Insert(ByteRange r, uint32_t id) {
    size_t at = BeginningBefore(r.begin + 1);
    entries_.insert(entries_.begin() + static_cast<std::ptrdiff_t>(at), {r, id, 0});
    Reach(at);
  }

  size_t size() const { return entries_.size(); }
  // The k-th range by where it begins, and the id it came with.
  ByteRange range(size_t k) const { return entries_[k].range; }
  uint32_t id(size_t k) const { return entries_[k].id; }

  // How many ranges begin before byte `at`: positions from there on begin at or after it.
  size_t BeginningBefore(uint32_t at) const {
    return static_cast<size_t>(
        std::partition_point(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.range.begin < at; }) -
        entries_.begin());
  }

  // True when some range shares a byte with `r`.
  bool Overlaps(ByteRange r) const {
    size_t n = BeginningBefore(r.end);
    return n > 0 && entries_[n - 1].reach > r.begin;
  }

  // True when some range begins at or before `r` begins and ends at or after it ends.
  bool Contains(ByteRange r) const {
    size_t n = BeginningBefore(r.begin + 1);
    return n > 0 && entries_[n - 1].reach >= r.end;
  }

 private:
  struct Entry {
    ByteRange range;
    uint32_t id;
    uint32_t reach;  // the furthest end among this entry and those before it
  };

  // Recomputes the reaches from position `from` on.
  void Reach(size_t from) {
    for (size_t k = from; k < entries_.size(); ++k) {
      entries_[k].reach = std::max(k > 0 ? entries_[k - 1].reach : 0, entries_[k].range.end);
    }
  }

  std::vector<Entry> entries_;
};

}  // namespace parallax
