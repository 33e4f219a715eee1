// Small string helpers shared by modules.
#pragma once

#include <cctype>
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

}  // namespace parallax
