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

}  // namespace parallax
