#include "base/offset_map.h"

#include <algorithm>

namespace parallax {

void OffsetMap::Append(uint32_t out_len, uint32_t in_len, bool identity) {
  if (out_len == 0 && in_len == 0) return;
  identity = identity && out_len == in_len;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (identity && last.identity) {
      last.out_len += out_len;
      last.in_len += in_len;
      out_total_ += out_len;
      in_total_ += in_len;
      return;
    }
  }
  pieces_.push_back({out_total_, in_total_, out_len, in_len, identity});
  out_total_ += out_len;
  in_total_ += in_len;
}

// The last piece whose output starts at or before `derived` and is not empty, or the piece
// holding `derived`; nullptr when there are no pieces.
const OffsetMap::Piece* OffsetMap::Find(uint32_t derived) const {
  if (pieces_.empty()) return nullptr;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), derived,
                             [](uint32_t d, const Piece& p) { return d < p.out_begin; });
  if (it == pieces_.begin()) return &pieces_.front();
  return &*(it - 1);
}

uint32_t OffsetMap::MapBegin(uint32_t derived) const {
  if (derived >= out_total_) return in_total_;
  const Piece* p = Find(derived);
  if (p == nullptr) return derived;
  // Skip pieces that produced nothing: they lie before the first byte at `derived`.
  while (p->out_len == 0 && p + 1 < pieces_.data() + pieces_.size()) ++p;
  uint32_t within = derived - p->out_begin;
  if (p->identity) return p->in_begin + within;
  return p->in_begin;
}

uint32_t OffsetMap::MapEnd(uint32_t derived) const {
  if (derived == 0) {
    // An empty prefix ends where the original's first produced byte starts.
    for (const Piece& p : pieces_) {
      if (p.out_len > 0) return p.in_begin;
    }
    return 0;
  }
  if (derived >= out_total_) {
    // Trailing pieces that produced nothing are not part of the range.
    for (auto it = pieces_.rbegin(); it != pieces_.rend(); ++it) {
      if (it->out_len > 0) return it->in_begin + it->in_len;
    }
    return in_total_;
  }
  const Piece* p = Find(derived - 1);  // the piece holding the last byte of the range
  if (p == nullptr) return derived;
  uint32_t within = derived - p->out_begin;
  if (p->identity) return p->in_begin + within;
  return p->in_begin + p->in_len;
}

OffsetMap OffsetMap::Then(const OffsetMap& outer) const {
  OffsetMap result;
  uint32_t cursor = 0;  // original (A) bytes accounted for so far
  size_t k = 0;         // this map's piece under the current B offset
  for (const Piece& p : outer.pieces_) {
    uint32_t b = p.in_begin;
    uint32_t b_end = p.in_begin + p.in_len;
    if (!p.identity) {
      // A changed piece maps coarsely: it takes everything up to where its B range ends.
      uint32_t a_end = p.in_len == 0 ? cursor : std::max(cursor, MapEnd(b_end));
      result.Append(p.out_len, a_end - cursor, false);
      cursor = a_end;
      continue;
    }
    // A copied piece is split where this map's pieces change, keeping identity runs exact.
    while (b < b_end) {
      while (k < pieces_.size() && pieces_[k].out_begin + pieces_[k].out_len <= b) ++k;
      if (k == pieces_.size()) {
        result.Append(b_end - b, b_end - b, true);
        cursor += b_end - b;
        break;
      }
      const Piece& inner = pieces_[k];
      uint32_t inner_end = inner.out_begin + inner.out_len;
      uint32_t sub_end = std::min(b_end, inner_end);
      uint32_t len = sub_end - b;
      if (inner.identity) {
        uint32_t a = inner.in_begin + (b - inner.out_begin);
        if (a > cursor) result.Append(0, a - cursor, false);  // bytes the inner map dropped
        result.Append(len, len, true);
        cursor = a + len;
      } else {
        uint32_t a_end = sub_end == inner_end ? inner.in_begin + inner.in_len : cursor;
        a_end = std::max(a_end, cursor);
        result.Append(len, a_end - cursor, false);
        cursor = a_end;
      }
      b = sub_end;
    }
  }
  if (cursor < in_total_) result.Append(0, in_total_ - cursor, false);
  return result;
}

}  // namespace parallax
