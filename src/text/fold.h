// Folding for matching: case folding, diacritic removal and Cyrillic->Latin, so that Вучић,
// VUČIĆ, Vucic and vučić all become "vucic", and Kosovës becomes "kosoves".
//
// Cyrillic follows the Serbian and Macedonian Latin alphabets, then drops their diacritics
// (ч ћ -> c, ђ -> dj, џ ѕ -> dz, ѓ -> g, ќ -> k, as Macedonian Latin ǵ ḱ fold), and extends to Russian, Ukrainian, Bulgarian
// and Belarusian letters (я -> ja, ы -> y, ь -> nothing). Latin letters lose their marks
// (č -> c, ë -> e, ç -> c), with đ -> dj to meet Serbian Latin "dj" spelling, ß -> ss, ø -> o.
// Other scripts are case folded only. All functions are thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/offset_map.h"

namespace parallax::text {

enum class CharClass : uint8_t {
  kOther,     // punctuation, space, symbols: ends a word
  kLetter,    // letters of spaced scripts
  kDigit,
  kMark,      // combining marks: part of the word they follow
  kUnspaced,  // Han, kana, Thai and other scripts written without spaces
};

CharClass ClassOf(char32_t cp);

// Appends the case-folded form of `cp` (script and diacritics kept).
void AppendLower(std::string& out, char32_t cp);
// Appends the match-folded form of `cp` (may be empty, e.g. for ь or a combining mark).
void AppendFolded(std::string& out, char32_t cp);

// Case folding only: "VUČIĆ" -> "vučić", "ВУЧИЋ" -> "вучић".
std::string Lower(std::string_view text);
// Full match folding: "Вучића" -> "vucica".
std::string FoldForMatch(std::string_view text);

struct Folded {
  std::string text;
  OffsetMap to_original;  // from `text` back to the input
};
// Full match folding with a map back to the input's byte offsets.
Folded FoldWithMap(std::string_view text);

}  // namespace parallax::text
