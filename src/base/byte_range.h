// ByteRange: a half-open range [begin, end) of byte offsets into a UTF-8 text.
#pragma once

#include <cstdint>
#include <string_view>

namespace parallax {

struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

}  // namespace parallax
