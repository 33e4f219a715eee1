#include "ingest/charset.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "base/strings.h"
#include "text/utf8.h"

namespace parallax::ingest {
namespace {

bool IsUtf8Name(std::string_view name) {
  std::string n = AsciiLower(name);
  return n == "utf-8" || n == "utf8";
}

Result<std::string> Convert(std::string_view bytes, const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &err);
  if (U_FAILURE(err)) return Status::InvalidInput(fmt::format("unknown charset '{}'", charset));
  ucnv_close(conv);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  if (u.isBogus()) return Status::InvalidInput(fmt::format("cannot convert from '{}'", charset));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Scores a single-byte reading of `bytes`: letters of the expected alphabet count for it, C1
// controls and unlikely symbols against it.
double ScoreCyrillic(std::string_view bytes, const char* charset) {
  Result<std::string> u = Convert(bytes, charset);
  if (!u.ok()) return -1e9;
  double score = 0;
  const std::string& s = *u;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = text::DecodeUtf8(s, i);
    if (cp < 0x80) continue;
    if (cp >= 0x430 && cp <= 0x44F) score += 1.0;        // а..я: most letters are lowercase
    else if (cp >= 0x410 && cp <= 0x42F) score += 0.3;   // А..Я
    else if (cp == U'ј' || cp == U'љ' || cp == U'њ' || cp == U'ћ' || cp == U'ђ' || cp == U'џ') score += 1.0;
    else if (cp >= 0x400 && cp <= 0x4FF) score += 0.2;
    else if (cp >= 0x80 && cp < 0xA0) score -= 3.0;      // C1 controls: wrong charset
    else score -= 0.5;
  }
  return score;
}

double ScoreLatin(std::string_view bytes, const char* charset) {
  Result<std::string> u = Convert(bytes, charset);
  if (!u.ok()) return -1e9;
  static constexpr std::u32string_view kExpected = U"čćšžđČĆŠŽĐëçËÇ";
  double score = 0;
  const std::string& s = *u;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = text::DecodeUtf8(s, i);
    if (cp < 0x80) continue;
    if (kExpected.find(cp) != std::u32string_view::npos) score += 1.0;
    else if (cp >= 0xC0 && cp <= 0x17F) score += 0.2;
    else if (cp >= 0x80 && cp < 0xA0) score -= 3.0;
    else if (cp == 0x2013 || cp == 0x2014 || cp == 0x201E || cp == 0x201C || cp == 0x201D) score += 0.3;
    else score -= 0.5;
  }
  return score;
}

// Counts what a text would not have: C0 control characters other than tab, line feed, form
// feed, carriage return and escape (NUL among them).
size_t ControlBytes(std::string_view bytes) {
  size_t n = 0;
  for (unsigned char c : bytes) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B) ++n;
  }
  return n;
}

// Whether `bytes` are UTF-8 with a few broken sequences (a damaged UTF-8 file) rather than a
// single-byte charset: well-formed multi-byte sequences at least twice as many as broken bytes.
// Text in Windows-1250/1251 almost never forms a well-formed sequence.
bool MostlyUtf8(std::string_view bytes) {
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < bytes.size();) {
    size_t start = i;
    char32_t cp = text::DecodeUtf8(bytes, i);
    if (cp < 0x80) continue;
    if (cp == text::kReplacement && i - start != 3) ++bad;
    else ++good;
  }
  return good > 0 && good >= 2 * bad;
}

}  // namespace

std::string DetectCharset(std::string_view bytes) {
  // Cyrillic text in a single-byte charset has most of its letters above 0x7F; Latin-2 text only
  // a few. Compare the two families by their best reading.
  size_t high = 0, letters = 0;
  for (unsigned char c : bytes) {
    if (c >= 0x80) ++high;
    if (std::isalpha(c)) ++letters;
  }
  if (high == 0) return "UTF-8";
  double cyr = std::max({ScoreCyrillic(bytes, "windows-1251"), ScoreCyrillic(bytes, "ISO-8859-5"),
                         ScoreCyrillic(bytes, "KOI8-R")});
  double lat = std::max(ScoreLatin(bytes, "windows-1250"), ScoreLatin(bytes, "ISO-8859-2"));
  if (high > letters / 2 && cyr > lat) {
    double w = ScoreCyrillic(bytes, "windows-1251");
    double i = ScoreCyrillic(bytes, "ISO-8859-5");
    double k = ScoreCyrillic(bytes, "KOI8-R");
    if (w >= i && w >= k) return "windows-1251";
    return i >= k ? "ISO-8859-5" : "KOI8-R";
  }
  return ScoreLatin(bytes, "windows-1250") >= ScoreLatin(bytes, "ISO-8859-2") ? "windows-1250"
                                                                               : "ISO-8859-2";
}

Result<Decoded> ToUtf8(std::string_view bytes, std::string_view declared) {
  Decoded d;
  std::string name(declared);
  // A byte-order mark wins over any declaration.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    name = "UTF-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    name = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    bytes.remove_prefix(2);
    PLX_ASSIGN_OR_RETURN(d.utf8, Convert(bytes, name));
    d.charset = name;
    return d;
  }
  // Text has almost no control characters; images, archives and executables have many.
  size_t sample = std::min<size_t>(bytes.size(), 1 << 16);
  size_t controls = ControlBytes(bytes.substr(0, sample));
  if (controls > 8 && controls * 100 > sample) {
    return Status::InvalidInput(
        fmt::format("binary data, not text ({} control bytes in the first {})", controls, sample));
  }
  if (!name.empty() && !IsUtf8Name(name)) {
    std::string lower = AsciiLower(name);
    // Sites that declare Latin-1 or ASCII usually send Windows-1252; ICU knows the alias.
    if (lower == "iso-8859-1" || lower == "latin1" || lower == "us-ascii") name = "windows-1252";
    Result<std::string> u = Convert(bytes, name);
    if (u.ok()) {
      d.utf8 = std::move(*u);
      d.charset = name;
      return d;
    }
    // An unknown declared charset falls through to detection.
  }
  if (text::IsValidUtf8(bytes)) {
    d.utf8 = std::string(bytes);
    d.charset = "UTF-8";
    return d;
  }
  if (MostlyUtf8(bytes)) {  // damaged UTF-8: the broken bytes become U+FFFD, the rest stays
    d.utf8 = text::RepairUtf8(bytes);
    d.charset = "UTF-8";
    return d;
  }
  std::string guess = DetectCharset(bytes);
  PLX_ASSIGN_OR_RETURN(d.utf8, Convert(bytes, guess));
  d.charset = guess;
  d.detected = true;
  return d;
}

std::string SniffHtmlCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, 4096));
  size_t at = 0;
  while ((at = head.find("charset", at)) != std::string::npos) {
    size_t i = at + 7;
    while (i < head.size() && (head[i] == ' ')) ++i;
    if (i < head.size() && head[i] == '=') {
      ++i;
      while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
      size_t j = i;
      while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_')) ++j;
      if (j > i) return head.substr(i, j - i);
    }
    at = i;
  }
  return "";
}

}  // namespace parallax::ingest
