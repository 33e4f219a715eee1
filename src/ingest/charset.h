// Character sets: conversion to UTF-8 from a declared charset, or detection among the ones the
// region's sites still use (Windows-1250/1251, ISO-8859-2/5, KOI8-R) when nothing is declared
// and the bytes are not UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace parallax::ingest {

struct Decoded {
  std::string utf8;
  std::string charset;  // what the bytes were read as ("UTF-8", "windows-1251"...)
  bool detected = false;  // true when guessed rather than declared
};

// Converts `bytes` to UTF-8. `declared` (from HTTP, <meta> or an XML declaration) wins when it
// names a charset ICU knows; otherwise valid UTF-8 stays UTF-8, and anything else is detected.
// A byte-order mark (UTF-8, UTF-16) wins over the declaration and is removed. UTF-8 with a few
// broken sequences keeps its good characters and gets U+FFFD for the broken ones. Binary data
// (many control bytes) is rejected.
Result<Decoded> ToUtf8(std::string_view bytes, std::string_view declared = {});

// Guesses the single-byte charset of non-UTF-8 bytes by which reading gives the most plausible
// Serbian/Croatian/Bosnian/Albanian/Macedonian/Russian text.
std::string DetectCharset(std::string_view bytes);

// The charset an HTML document declares in its first 4 KiB (<meta charset> or http-equiv).
std::string SniffHtmlCharset(std::string_view html);

}  // namespace parallax::ingest
