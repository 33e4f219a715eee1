// OffsetMap: maps byte offsets in a derived text (normalised, folded, transliterated) back to
// byte offsets in the original text, the article as published.
//
// A transformation appends one piece at a time: `n` output bytes made from `m` input bytes.
// Identity pieces (n == m, copied) are merged into runs, so a mostly unchanged text costs a few
// entries. Inside a changed piece (e.g. "Љ" -> "Lj") no finer mapping exists: a begin offset
// maps to the piece's start and an end offset to the piece's end, so a mapped range always
// covers whole original characters.
#pragma once

#include <cstdint>
#include <vector>

#include "base/byte_range.h"

namespace parallax {

class OffsetMap {
 public:
  // Records that the next `out_len` derived bytes came from the next `in_len` original bytes.
  void Append(uint32_t out_len, uint32_t in_len, bool identity);
  // Convenience: a piece copied unchanged.
  void Copy(uint32_t len) { Append(len, len, true); }
  // Skips `in_len` original bytes that produced no output (e.g. a dropped control character).
  void Skip(uint32_t in_len) { Append(0, in_len, false); }

  uint32_t derived_size() const { return out_total_; }
  uint32_t original_size() const { return in_total_; }

  // Original offset for a derived begin offset (rounds down into a changed piece).
  uint32_t MapBegin(uint32_t derived) const;
  // Original offset for a derived end offset (rounds up to the end of a changed piece).
  uint32_t MapEnd(uint32_t derived) const;
  ByteRange Map(ByteRange derived) const { return {MapBegin(derived.begin), MapEnd(derived.end)}; }

  // Composes: `outer` maps C -> B, `this` maps B -> A; the result maps C -> A.
  OffsetMap Then(const OffsetMap& outer) const;

 private:
  struct Piece {
    uint32_t out_begin;
    uint32_t in_begin;
    uint32_t out_len;
    uint32_t in_len;
    bool identity;
  };
  const Piece* Find(uint32_t derived) const;

  std::vector<Piece> pieces_;
  uint32_t out_total_ = 0;
  uint32_t in_total_ = 0;
};

}  // namespace parallax
