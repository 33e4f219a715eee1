// Normalisation for analysis: NFC, control-character clean-up and (optionally) match folding,
// with an OffsetMap back to the text as published.
#pragma once

#include <string>
#include <string_view>

#include "base/offset_map.h"

namespace parallax::text {

struct NormalizeOptions {
  bool fold = false;  // also case-fold, strip diacritics and Latinise Cyrillic (FoldForMatch)
};

struct Normalized {
  std::string text;
  OffsetMap to_original;
};

// NFC; C0/C1 controls other than tab and newline removed; CR LF and lone CR become LF;
// no-break and other Unicode spaces become a plain space; zero-width characters and the BOM are
// removed. Invalid UTF-8 sequences become U+FFFD.
Normalized Normalize(std::string_view raw, const NormalizeOptions& options = {});

}  // namespace parallax::text
