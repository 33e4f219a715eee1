// Small string helpers shared by modules.
#pragma once

#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace parallax {

// ASCII-only lowercase (charset names, HTML attributes, outlet names, domains).
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Without leading and trailing ASCII white space (space, tab, CR, LF, FF, VT).
inline std::string_view TrimAscii(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// The decimal number that is all of `s` ("-0.08154", "1e-05"), or nothing. Locale-free and
// several times faster than strtof, which matters to the models read at start-up.
inline std::optional<float> ParseFloat(std::string_view s) {
  float v = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (error != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace parallax
