// UTF-8 decoding, validation and repair.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax::text {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `s[i]` and advances `i` past it. An invalid or truncated sequence
// (overlong, surrogate, > U+10FFFF) yields kReplacement and advances by one byte.
inline char32_t DecodeUtf8(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    n = 1, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 2, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 3, cp = c & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + static_cast<size_t>(n) >= s.size()) {  // truncated at the end
    ++i;
    return kReplacement;
  }
  for (int k = 1; k <= n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += n + 1;
  return cp;
}

inline void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);
// Byte offset of the first invalid sequence, or npos.
size_t FirstInvalidUtf8(std::string_view s);
// `s` with every invalid sequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view s);
// Byte offset of the first code point of `s` that is in `set`, or npos. Unlike
// std::string_view::find_first_of, which compares bytes, a mark such as » (C2 BB) does not match
// the second byte of Cyrillic л (D0 BB).
size_t FindFirstOf(std::string_view s, std::u32string_view set);

}  // namespace parallax::text
