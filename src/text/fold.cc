#include "text/fold.h"

#include <array>
#include <cstring>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace parallax::text {
namespace {

// Tables cover U+0000..U+052F (Latin, Greek, Cyrillic) and U+1E00..U+1EFF (Latin Extended
// Additional); anything else asks ICU per character.
constexpr char32_t kLowTableEnd = 0x0530;
constexpr char32_t kExtBegin = 0x1E00, kExtEnd = 0x1F00;

struct Entry {
  char lower[8];
  char folded[8];
  uint8_t lower_len;
  uint8_t folded_len;
  CharClass cls;
};

const char* CyrillicLatin(char32_t lower) {
  switch (lower) {
    case U'а': return "a";  case U'б': return "b";  case U'в': return "v";  case U'г': return "g";
    case U'д': return "d";  case U'ђ': return "dj"; case U'е': return "e";  case U'ж': return "z";
    case U'з': return "z";  case U'и': return "i";  case U'ј': return "j";  case U'к': return "k";
    case U'л': return "l";  case U'љ': return "lj"; case U'м': return "m";  case U'н': return "n";
    case U'њ': return "nj"; case U'о': return "o";  case U'п': return "p";  case U'р': return "r";
    case U'с': return "s";  case U'т': return "t";  case U'ћ': return "c";  case U'у': return "u";
    case U'ф': return "f";  case U'х': return "h";  case U'ц': return "c";  case U'ч': return "c";
    case U'џ': return "dz"; case U'ш': return "s";
    case U'ѓ': return "g";  case U'ќ': return "k";  case U'ѕ': return "dz";  // as ǵ, ḱ fold
    case U'й': return "j";  case U'ы': return "y";  case U'э': return "e";  case U'ю': return "ju";
    case U'я': return "ja"; case U'щ': return "sc"; case U'ъ': return "";   case U'ь': return "";
    case U'ё': return "e";  case U'є': return "je"; case U'і': return "i";  case U'ї': return "ji";
    case U'ґ': return "g";  case U'ў': return "u";  case U'ѐ': return "e";  case U'ѝ': return "i";
    default: return nullptr;
  }
}

const char* LatinSpecial(char32_t lower) {
  switch (lower) {
    case U'đ': return "dj"; case U'ð': return "d";  case U'ł': return "l";  case U'ø': return "o";
    case U'ß': return "ss"; case U'æ': return "ae"; case U'œ': return "oe"; case U'þ': return "th";
    case U'ı': return "i";  case U'ŀ': return "l";  case U'ħ': return "h";  case U'ŧ': return "t";
    default: return nullptr;
  }
}

CharClass ComputeClass(char32_t cp) {
  int8_t type = u_charType(static_cast<UChar32>(cp));
  switch (type) {
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharClass::kMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: {
      if (cp < 0x0E00) return CharClass::kLetter;
      UErrorCode err = U_ZERO_ERROR;
      UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
      switch (sc) {
        case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_THAI:
        case USCRIPT_LAO: case USCRIPT_KHMER: case USCRIPT_MYANMAR: case USCRIPT_TIBETAN:
          return CharClass::kUnspaced;
        default:
          return CharClass::kLetter;
      }
    }
    default:
      return CharClass::kOther;
  }
}

char32_t SimpleLower(char32_t cp) {
  if (cp == 0x130) return U'i';  // İ
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

void FillFolded(std::string& out, char32_t lower) {
  if (const char* s = CyrillicLatin(lower)) {
    out += s;
    return;
  }
  if (const char* s = LatinSpecial(lower)) {
    out += s;
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(err) && nfd->getDecomposition(static_cast<UChar32>(lower), decomposed)) {
    for (int32_t k = 0; k < decomposed.length();) {
      UChar32 c = decomposed.char32At(k);
      k += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK) continue;
      if (const char* s = CyrillicLatin(static_cast<char32_t>(c))) {
        out += s;
      } else {
        AppendUtf8(out, static_cast<char32_t>(c));
      }
    }
    return;
  }
  if (u_charType(static_cast<UChar32>(lower)) == U_NON_SPACING_MARK) return;
  AppendUtf8(out, lower);
}

Entry MakeEntry(char32_t cp) {
  Entry e{};
  e.cls = ComputeClass(cp);
  std::string lower, folded;
  char32_t l = SimpleLower(cp);
  AppendUtf8(lower, l);
  FillFolded(folded, l);
  if (e.cls == CharClass::kMark) folded.clear();
  std::memcpy(e.lower, lower.data(), lower.size());
  std::memcpy(e.folded, folded.data(), folded.size());
  e.lower_len = static_cast<uint8_t>(lower.size());
  e.folded_len = static_cast<uint8_t>(folded.size());
  return e;
}

struct Tables {
  std::array<Entry, kLowTableEnd> low;
  std::array<Entry, kExtEnd - kExtBegin> ext;
  Tables() {
    for (char32_t cp = 0; cp < kLowTableEnd; ++cp) low[cp] = MakeEntry(cp);
    for (char32_t cp = kExtBegin; cp < kExtEnd; ++cp) ext[cp - kExtBegin] = MakeEntry(cp);
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

const Entry* Lookup(char32_t cp) {
  const Tables& t = GetTables();
  if (cp < kLowTableEnd) return &t.low[cp];
  if (cp >= kExtBegin && cp < kExtEnd) return &t.ext[cp - kExtBegin];
  return nullptr;
}

}  // namespace

CharClass ClassOf(char32_t cp) {
  if (const Entry* e = Lookup(cp)) return e->cls;
  if (cp >= 0x4E00 && cp <= 0x9FFF) return CharClass::kUnspaced;  // common CJK fast path
  return ComputeClass(cp);
}

void AppendLower(std::string& out, char32_t cp) {
  if (const Entry* e = Lookup(cp)) {
    out.append(e->lower, e->lower_len);
    return;
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) {
    AppendUtf8(out, cp);
    return;
  }
  AppendUtf8(out, SimpleLower(cp));
}

void AppendFolded(std::string& out, char32_t cp) {
  if (const Entry* e = Lookup(cp)) {
    out.append(e->folded, e->folded_len);
    return;
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) {
    AppendUtf8(out, cp);
    return;
  }
  if (ComputeClass(cp) == CharClass::kMark) return;
  // Full-width ASCII (ＡＢＣ１２３) folds to ASCII.
  if (cp >= 0xFF01 && cp <= 0xFF5E) {
    AppendFolded(out, cp - 0xFF01 + 0x21);
    return;
  }
  AppendUtf8(out, SimpleLower(cp));
}

std::string Lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    AppendLower(out, DecodeUtf8(text, i));
  }
  return out;
}

std::string FoldForMatch(std::string_view text) {
  // The ASCII prefix (most words of Latin-script text are ASCII throughout) is copied and
  // lower-cased in place; the rest goes letter by letter.
  size_t ascii = 0;
  while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80) ++ascii;
  std::string out(text.substr(0, ascii));
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (ascii == text.size()) return out;
  out.reserve(text.size());
  for (size_t i = ascii; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    AppendFolded(out, DecodeUtf8(text, i));
  }
  return out;
}

Folded FoldWithMap(std::string_view text) {
  Folded f;
  f.text.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      bool upper = c >= 'A' && c <= 'Z';
      f.text += static_cast<char>(upper ? c + 32 : c);
      f.to_original.Copy(1);  // same length, and offsets line up byte for byte
      ++i;
      continue;
    }
    size_t start = i;
    size_t before = f.text.size();
    AppendFolded(f.text, DecodeUtf8(text, i));
    f.to_original.Append(static_cast<uint32_t>(f.text.size() - before),
                         static_cast<uint32_t>(i - start), false);
  }
  return f;
}

}  // namespace parallax::text
