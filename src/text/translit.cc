#include "text/translit.h"

#include <algorithm>
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

std::string LowerString(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) AppendUtf8(out, ToLowerCp(DecodeUtf8(s, i)));
  return out;
}

// Transliterates one Serbian word (letters, perhaps an apostrophe: "rek'o") into `t`.
void WordToCyrillic(std::string_view word, Transliterated& t) {
  std::string lower = LowerString(word);
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

// A word of Latin text: letters and marks, with an apostrophe between letters kept inside
// ("Women's", "O'Neill", "rek'o").
struct LatinWord {
  size_t begin, end;
  bool upper = false;    // starts with a capital
  bool foreign = false;  // left as written
};

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// Whether a word is not Serbian by its letters: q, w, x or y anywhere; an English or Irish
// apostrophe (Sainsbury's, don't, O'Neill, D'Angelo); in a capitalised word, letter pairs that no
// Serbian name has (th, ck, gh, ph, doubled consonants: Thompson, Jackson, Brigham, Phillips).
bool ForeignWord(const std::string& lower, bool upper) {
  if (lower.find_first_of("qwxy") != std::string::npos) return true;
  for (std::string_view apostrophe : {"'", "’"}) {
    size_t at = lower.find(apostrophe);
    if (at == std::string::npos) continue;
    std::string_view before = std::string_view(lower).substr(0, at), after = std::string_view(lower).substr(at + apostrophe.size());
    for (std::string_view clitic : {"s", "t", "re", "ve", "ll", "d", "m"}) {
      if (after == clitic) return true;
    }
    return before == "o" || before == "d" || before == "l";
  }
  if (!upper) return false;
  for (std::string_view pair : {"th", "ck", "gh", "ph", "bb", "cc", "ff", "gg", "ll", "mm", "nn", "pp", "rr", "ss", "tt"}) {
    if (lower.find(pair) != std::string::npos) return true;
  }
  return false;
}

// The words of `text`, URLs and addresses as one foreign word each. Foreign-ness spreads over
// a run of capitalised words (and the English or Romance connectors between them) that holds a
// foreign word: "Washington Post", "Selly Oak", "Brigham and Women's Hospital", "The Rolling
// Stones" stay whole. A sentence's first word takes it only when it is foreign itself.
std::vector<LatinWord> LatinWords(std::string_view text) {
  std::vector<LatinWord> words;
  size_t i = 0;
  while (i < text.size()) {
    size_t chunk_end = i;
    while (chunk_end < text.size() && text[chunk_end] != ' ' && text[chunk_end] != '\n' && text[chunk_end] != '\t') ++chunk_end;
    std::string_view chunk = text.substr(i, chunk_end - i);
    if (!chunk.empty() && IsVerbatimChunk(chunk)) {
      words.push_back({i, chunk_end, false, true});
    } else {
      size_t j = i;
      while (j < chunk_end) {
        size_t start = j;
        char32_t cp = DecodeUtf8(text, j);
        if (!u_isalpha(static_cast<UChar32>(cp))) continue;
        size_t end = j;
        while (end < chunk_end) {
          size_t k = end;
          char32_t c = DecodeUtf8(text, k);
          if (IsApostrophe(c) && k < chunk_end) {  // inside the word only when a letter follows
            size_t m = k;
            if (!u_isalpha(static_cast<UChar32>(DecodeUtf8(text, m)))) break;
          } else if (!u_isalpha(static_cast<UChar32>(c)) && u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) {
            break;
          }
          end = k;
        }
        LatinWord w{start, end, IsUpper(cp), false};
        w.foreign = ForeignWord(LowerString(text.substr(start, end - start)), w.upper);
        words.push_back(w);
        j = end;
      }
    }
    i = chunk_end;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
  }
  static constexpr std::string_view kConnectors[] = {"and", "of", "the", "for", "von", "van", "der", "de", "du", "le", "la"};
  auto connector = [&](const LatinWord& w) {
    std::string_view s = text.substr(w.begin, w.end - w.begin);
    return std::find(std::begin(kConnectors), std::end(kConnectors), s) != std::end(kConnectors);
  };
  auto joined = [&](const LatinWord& a, const LatinWord& b) {
    std::string_view gap = text.substr(a.end, b.begin - a.end);
    return gap == " " || gap == "-";
  };
  auto sentence_first = [&](size_t k) {
    if (k == 0) return true;
    std::string_view gap = text.substr(words[k - 1].end, words[k].begin - words[k - 1].end);
    if (gap.find_first_of(".!?\n:\"") != std::string_view::npos) return true;
    for (std::string_view mark : {"„", "“", "«"}) {  // (whole: their bytes are in other marks too)
      if (gap.find(mark) != std::string_view::npos) return true;
    }
    return false;
  };
  for (size_t k = 0; k < words.size();) {
    if (!words[k].upper) {
      ++k;
      continue;
    }
    // A run: capitalised words, one space or hyphen apart, connectors between them.
    size_t end = k + 1, last = k;
    bool foreign = words[k].foreign;
    while (end < words.size() && joined(words[end - 1], words[end])) {
      if (words[end].upper) {
        foreign = foreign || words[end].foreign;
        last = end++;
      } else if (connector(words[end]) && end + 1 < words.size() && joined(words[end], words[end + 1]) && words[end + 1].upper) {
        ++end;
      } else {
        break;
      }
    }
    if (foreign) {
      for (size_t m = k; m <= last; ++m) {
        if (m == k && sentence_first(m) && !words[m].foreign && last > k) continue;
        words[m].foreign = true;
      }
    }
    k = last + 1;
  }
  return words;
}

}  // namespace

Transliterated LatinToCyrillic(std::string_view text) {
  Transliterated t;
  t.text.reserve(text.size() * 2);
  size_t at = 0;
  for (const LatinWord& w : LatinWords(text)) {
    t.text.append(text.substr(at, w.begin - at));
    t.to_original.Copy(static_cast<uint32_t>(w.begin - at));
    std::string_view word = text.substr(w.begin, w.end - w.begin);
    if (w.foreign) {
      t.text.append(word);
      t.to_original.Copy(static_cast<uint32_t>(word.size()));
    } else {
      WordToCyrillic(word, t);
    }
    at = w.end;
  }
  t.text.append(text.substr(at));
  t.to_original.Copy(static_cast<uint32_t>(text.size() - at));
  return t;
}

}  // namespace parallax::text
