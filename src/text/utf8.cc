#include "text/utf8.h"

namespace parallax::text {

size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    size_t start = i;
    char32_t cp = DecodeUtf8(s, i);
    if (cp == kReplacement) {
      // A literal U+FFFD (EF BF BD) is valid; a replacement from a bad sequence advanced 1 byte.
      if (i - start != 3) return start;
    }
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view s) { return FirstInvalidUtf8(s) == std::string_view::npos; }

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(s, i);
    if (cp == kReplacement && i - start != 3) {
      AppendUtf8(out, kReplacement);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

size_t FindFirstOf(std::string_view s, std::u32string_view set) {
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    if (set.find(DecodeUtf8(s, i)) != std::u32string_view::npos) return start;
  }
  return std::string_view::npos;
}

}  // namespace parallax::text
