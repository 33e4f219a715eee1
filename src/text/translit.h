// Serbian Cyrillic <-> Latin and Macedonian Cyrillic -> Latin transliteration, with offsets.
//
// Serbian follows the standard one-to-one correspondence (Љ Lj, Њ Nj, Џ Dž, Ђ Đ, Ћ Ć ...);
// capitals of digraphs are "Lj" before a lowercase letter and "LJ" in upper-case words.
// Latin -> Cyrillic reads lj, nj, dž as one letter except in words whose stem joins two letters
// (nadživeti, podžupan, injekcija, konjunktura; data/sr-digraph-exceptions.tsv), and leaves
// alone what is not Serbian: URLs, e-mail addresses, words with q, w, x or y or an English
// apostrophe (Sainsbury's, O'Neill), capitalised words with th, ck, gh, ph or a doubled
// consonant, and the whole run of capitalised words around such a word ("Washington Post",
// "Brigham and Women's Hospital").
// Macedonian follows the Macedonian Latin alphabet as CLDR's Macedonian-Latin/BGN writes it:
// Ѓ Ǵ, Ж Ž, Ѕ Dz, Ј J, Ќ Ḱ, Љ Lj, Њ Nj, Ч Č, Џ Dž, Ш Š.
#pragma once

#include <string>
#include <string_view>

#include "base/offset_map.h"

namespace parallax::text {

enum class TranslitLang { kSerbian, kMacedonian };

struct Transliterated {
  std::string text;
  OffsetMap to_original;
};

Transliterated CyrillicToLatin(std::string_view text, TranslitLang lang = TranslitLang::kSerbian);
Transliterated LatinToCyrillic(std::string_view text);  // Serbian only
// Lower(CyrillicToLatin(text).text) in Serbian, without the offset map: for reading words.
std::string CyrillicToLatinLower(std::string_view text);

}  // namespace parallax::text
