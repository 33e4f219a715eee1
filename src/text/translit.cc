#include "text/translit.h"

#include <array>
#include <vector>

#include <unicode/uchar.h>

#include "text/fold.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

struct Pair {
  char32_t cyr;    // lowercase Cyrillic letter
  const char* lat; // lowercase Latin
};

// Serbian Cyrillic alphabet, in order.
constexpr Pair kSerbian[] = {
    {U'а', "a"}, {U'б', "b"}, {U'в', "v"}, {U'г', "g"}, {U'д', "d"}, {U'ђ', "đ"}, {U'е', "e"},
    {U'ж', "ž"}, {U'з', "z"}, {U'и', "i"}, {U'ј', "j"}, {U'к', "k"}, {U'л', "l"}, {U'љ', "lj"},
    {U'м', "m"}, {U'н', "n"}, {U'њ', "nj"}, {U'о', "o"}, {U'п', "p"}, {U'р', "r"}, {U'с', "s"},
    {U'т', "t"}, {U'ћ', "ć"}, {U'у', "u"}, {U'ф', "f"}, {U'х', "h"}, {U'ц', "c"}, {U'ч', "č"},
    {U'џ', "dž"}, {U'ш', "š"}};

// Macedonian letters that differ from the Serbian table: the Macedonian Latin alphabet as
// CLDR's Macedonian-Latin/BGN has it (ѓ ǵ, ќ ḱ, ѕ dz).
constexpr Pair kMacedonian[] = {{U'ѓ', "ǵ"}, {U'ѕ', "dz"}, {U'ќ', "ḱ"}};

// Words whose stem puts two letters side by side that would otherwise read as one Cyrillic
// letter: a prefix ending in d or n before ž or j (nad-živeti, pod-župan, in-jekcija,
// kon-junktura). Each entry is a lowercase Latin fragment; a digraph inside a matched fragment
// is split. Extend with care: every entry must be a fragment no ordinary lj/nj/dž word has.
constexpr const char* kSplitDigraphs[] = {
    "nadž",   "podž",    "odžal",   "odžive", "predž",  "injek", "injic",  "konjug", "konjunk",
    "konjukt", "vanjez", "vanjug", "injunk", "tanjez", "panjevr", "izvanj", "sinjun"};

const char* SerbianLatinOf(char32_t lower, TranslitLang lang) {
  if (lang == TranslitLang::kMacedonian) {
    for (const Pair& p : kMacedonian) {
      if (p.cyr == lower) return p.lat;
    }
  }
  for (const Pair& p : kSerbian) {
    if (p.cyr == lower) return p.lat;
  }
  if (lang == TranslitLang::kMacedonian && lower == U'ј') return "j";
  return nullptr;
}

bool IsUpper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)); }
bool IsLower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
char32_t ToLowerCp(char32_t cp) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))); }
char32_t ToUpperCp(char32_t cp) { return static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp))); }

// Appends `lat` (lowercase Latin) in the case the Cyrillic letter had: all upper when the word
// around it is upper case, title case ("Lj") otherwise.
void AppendCased(std::string& out, std::string_view lat, bool upper, bool word_upper) {
  bool first = true;
  for (size_t i = 0; i < lat.size();) {
    char32_t cp = DecodeUtf8(lat, i);
    AppendUtf8(out, (upper && (first || word_upper)) ? ToUpperCp(cp) : cp);
    first = false;
  }
}

// The Latin of each lowercase letter U+0430-U+045F, where every letter the tables above name
// lies: one lookup per letter rather than a search of the tables.
using LatinRow = std::array<const char*, 0x30>;
const LatinRow& LatinOf(TranslitLang lang) {
  static const std::array<LatinRow, 2> kLatinOf = [] {
    std::array<LatinRow, 2> rows{};
    for (char32_t c = 0x430; c < 0x460; ++c) {
      rows[0][c - 0x430] = SerbianLatinOf(c, TranslitLang::kSerbian);
      rows[1][c - 0x430] = SerbianLatinOf(c, TranslitLang::kMacedonian);
    }
    return rows;
  }();
  return kLatinOf[lang == TranslitLang::kMacedonian ? 1 : 0];
}

// The table's row for a letter U+0400-U+045F: capitals U+0400-U+040F and U+0410-U+042F are
// their small letters less 0x50 and 0x20.
size_t LatinIndex(char32_t cp) { return (cp < 0x410 ? cp + 0x50 : cp < 0x430 ? cp + 0x20 : cp) - 0x430; }

}  // namespace

std::string CyrillicToLatinLower(std::string_view text) {
  const LatinRow& latin_of = LatinOf(TranslitLang::kSerbian);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(text, i);
    const char* lat = cp >= 0x400 && cp < 0x460 ? latin_of[LatinIndex(cp)] : nullptr;
    if (lat != nullptr) {
      out += lat;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return Lower(out);
}

Transliterated CyrillicToLatin(std::string_view text, TranslitLang lang) {
  const LatinRow& latin_of = LatinOf(lang);
  Transliterated t;
  t.text.reserve(text.size());
  char32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(text, i);
    const char* lat = nullptr;
    if (cp >= 0x400 && cp < 0x460) lat = latin_of[LatinIndex(cp)];
    if (lat == nullptr) {
      t.text.append(text.substr(start, i - start));
      t.to_original.Copy(static_cast<uint32_t>(i - start));
    } else {
      bool upper = cp < 0x430;
      bool word_upper = false;
      if (upper) {
        size_t j = i;
        char32_t next = j < text.size() ? DecodeUtf8(text, j) : 0;
        word_upper = IsUpper(next) || (IsUpper(prev) && !IsLower(next));
      }
      size_t before = t.text.size();
      AppendCased(t.text, lat, upper, word_upper);
      t.to_original.Append(static_cast<uint32_t>(t.text.size() - before),
                           static_cast<uint32_t>(i - start), false);
    }
    prev = cp;
  }
  return t;
}

namespace {

struct LatinLetter {
  const char* lat;  // lowercase, one or two letters
  char32_t cyr;     // lowercase Cyrillic
};
// Digraphs first so that they win over their first letter.
constexpr LatinLetter kLatin[] = {
    {"lj", U'љ'}, {"nj", U'њ'}, {"dž", U'џ'}, {"a", U'а'}, {"b", U'б'}, {"c", U'ц'}, {"č", U'ч'},
    {"ć", U'ћ'}, {"d", U'д'}, {"đ", U'ђ'}, {"e", U'е'}, {"f", U'ф'}, {"g", U'г'}, {"h", U'х'},
    {"i", U'и'}, {"j", U'ј'}, {"k", U'к'}, {"l", U'л'}, {"m", U'м'}, {"n", U'н'}, {"o", U'о'},
    {"p", U'п'}, {"r", U'р'}, {"s", U'с'}, {"š", U'ш'}, {"t", U'т'}, {"u", U'у'}, {"v", U'в'},
    {"z", U'з'}, {"ž", U'ж'}};

// True when the chunk (text between white space) is a URL, an address or a handle.
bool IsVerbatimChunk(std::string_view chunk) {
  return chunk.find("://") != std::string_view::npos || chunk.substr(0, 4) == "www." ||
         chunk.find('@') != std::string_view::npos || chunk.find(".com") != std::string_view::npos ||
         chunk.find(".rs/") != std::string_view::npos;
}

bool HasForeignLetter(std::string_view lower_word) {
  return lower_word.find_first_of("qwxy") != std::string_view::npos;
}

std::string LowerString(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) AppendUtf8(out, ToLowerCp(DecodeUtf8(s, i)));
  return out;
}

// Transliterates one word (letters only) into `t`.
void WordToCyrillic(std::string_view word, Transliterated& t) {
  std::string lower = LowerString(word);
  if (HasForeignLetter(lower)) {
    t.text.append(word);
    t.to_original.Copy(static_cast<uint32_t>(word.size()));
    return;
  }
  // Mark the byte positions (in `lower`) where a digraph must be split.
  std::vector<bool> split(lower.size() + 1, false);
  for (const char* frag : kSplitDigraphs) {
    std::string_view f(frag);
    for (size_t p = lower.find(f); p != std::string::npos; p = lower.find(f, p + 1)) {
      for (size_t k = p; k < p + f.size(); ++k) split[k] = true;
    }
  }
  // `lower` and `word` have the same byte layout for Serbian Latin letters (case pairs have
  // equal UTF-8 lengths), which the loop below relies on; other letters are copied.
  bool same_layout = lower.size() == word.size();
  size_t i = 0;
  while (i < word.size()) {
    const LatinLetter* match = nullptr;
    if (same_layout) {
      for (const LatinLetter& l : kLatin) {
        std::string_view lat(l.lat);
        if (lower.compare(i, lat.size(), lat) != 0) continue;
        bool digraph = &l < kLatin + 3;  // lj, nj, dž
        if (digraph && split[i]) continue;
        match = &l;
        break;
      }
    }
    if (match == nullptr) {
      size_t start = i;
      DecodeUtf8(word, i);
      t.text.append(word.substr(start, i - start));
      t.to_original.Copy(static_cast<uint32_t>(i - start));
      continue;
    }
    size_t len = std::string_view(match->lat).size();
    size_t j = i;
    char32_t first = DecodeUtf8(word, j);
    AppendUtf8(t.text, IsUpper(first) ? ToUpperCp(match->cyr) : match->cyr);
    t.to_original.Append(static_cast<uint32_t>(std::string_view("љ").size()),
                         static_cast<uint32_t>(len), false);
    i += len;
  }
}

}  // namespace

Transliterated LatinToCyrillic(std::string_view text) {
  Transliterated t;
  t.text.reserve(text.size() * 2);
  size_t i = 0;
  while (i < text.size()) {
    // Chunks between white space that look like URLs or addresses are copied whole.
    size_t chunk_end = i;
    while (chunk_end < text.size() && text[chunk_end] != ' ' && text[chunk_end] != '\n' &&
           text[chunk_end] != '\t') {
      ++chunk_end;
    }
    std::string_view chunk = text.substr(i, chunk_end - i);
    if (!chunk.empty() && IsVerbatimChunk(chunk)) {
      t.text.append(chunk);
      t.to_original.Copy(static_cast<uint32_t>(chunk.size()));
      i = chunk_end;
      continue;
    }
    // Words inside the chunk; everything else is copied.
    size_t j = i;
    while (j < chunk_end) {
      size_t start = j;
      char32_t cp = DecodeUtf8(text, j);
      if (!u_isalpha(static_cast<UChar32>(cp))) {
        t.text.append(text.substr(start, j - start));
        t.to_original.Copy(static_cast<uint32_t>(j - start));
        continue;
      }
      size_t end = j;
      while (end < chunk_end) {
        size_t k = end;
        char32_t c = DecodeUtf8(text, k);
        if (!u_isalpha(static_cast<UChar32>(c)) && u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) break;
        end = k;
      }
      WordToCyrillic(text.substr(start, end - start), t);
      j = end;
    }
    i = chunk_end;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) {
      t.text += text[i];
      t.to_original.Copy(1);
      ++i;
    }
  }
  return t;
}

}  // namespace parallax::text
