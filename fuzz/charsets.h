// The charset a fuzz input declares: its first byte picks one of these (or none), so inputs
// exercise declared, wrong, unknown and absent declarations alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parallax::fuzz {

inline std::string_view TakeCharset(const uint8_t*& data, size_t& size) {
  static constexpr std::string_view kNames[] = {"",           "utf-8",     "windows-1251", "windows-1250",
                                                "iso-8859-2", "iso-8859-5", "koi8-r",      "gb18030",
                                                "utf-16le",   "x-bogus",   "latin1"};
  if (size == 0) return "";
  std::string_view name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
  ++data;
  --size;
  return name;
}

}  // namespace parallax::fuzz
