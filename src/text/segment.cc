#include "text/segment.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include <unicode/uchar.h>

#include "base/embedded.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

// kName: stands before a name ("U.S. President", "U.N. Security Council") and ends a sentence
// only before a word that opens one (kOpener: The, He, But …).
enum class AbbrevKind { kTitle, kInner, kEnd, kName, kOpener };

// Abbreviations per language, keyed by the lower-cased abbreviation without its final stop.
class Abbreviations {
 public:
  Abbreviations() {
    std::string_view data = EmbeddedData("abbreviations.tsv");
    ForEachDataLine(data, [&](std::string_view line) {
      size_t t1 = line.find('\t');
      size_t t2 = line.find('\t', t1 + 1);
      if (t1 == std::string_view::npos || t2 == std::string_view::npos) return;
      std::string lang(line.substr(0, t1));
      std::string_view kind = line.substr(t2 + 1);
      AbbrevKind k = kind == "title"    ? AbbrevKind::kTitle
                     : kind == "end"    ? AbbrevKind::kEnd
                     : kind == "name"   ? AbbrevKind::kName
                     : kind == "opener" ? AbbrevKind::kOpener
                                        : AbbrevKind::kInner;
      table_[lang][Lower(line.substr(t1 + 1, t2 - t1 - 1))] = k;
    });
  }
  const std::unordered_map<std::string, AbbrevKind>* For(std::string_view lang) const {
    std::string base(lang.substr(0, lang.find('-')));
    if (base == "hr" || base == "bs" || base == "me" || base == "sh") base = "sr";
    auto it = table_.find(base);
    return it == table_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, std::unordered_map<std::string, AbbrevKind>> table_;
};

const Abbreviations& GetAbbreviations() {
  static const Abbreviations* a = new Abbreviations();
  return *a;
}

bool IsClosing(char32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case U'”': case U'’': case U'»': case U'«': case U'“':
    case U'」': case U'』': case U'）': case U'›': case U'‹':
      return true;
    default:
      return false;
  }
}

bool IsOpening(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case U'“': case U'„': case U'‘': case U'«': case U'»':
    case U'「': case U'『': case U'‹': case U'›': case U'—': case U'–': case '-':
      return true;
    default:
      return false;
  }
}

bool IsCjkTerminator(char32_t c) { return c == U'。' || c == U'！' || c == U'？'; }
bool IsTerminator(char32_t c) { return c == '.' || c == '!' || c == '?' || c == U'…' || IsCjkTerminator(c); }

bool OrdinalLanguage(std::string_view lang) {
  std::string_view base = lang.substr(0, lang.find('-'));
  return base == "sr" || base == "hr" || base == "bs" || base == "sq" || base == "mk" || base == "sl" ||
         base == "de" || base == "cs" || base == "sk" || base == "pl" || base == "hu" || base == "me";
}

// The word (letters, digits and inner full stops, as in "p.sh" or "U.S") that ends at `end`.
std::string_view WordBefore(std::string_view text, size_t end) {
  size_t b = end;
  while (b > 0) {
    size_t k = b - 1;
    while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
    size_t j = k;
    char32_t c = DecodeUtf8(text, j);
    if (!(u_isalnum(static_cast<UChar32>(c)) || (c == '.' && k > 0 && k + 1 < end))) break;
    b = k;
  }
  return text.substr(b, end - b);
}

}  // namespace

std::vector<ByteRange> SplitSentences(std::string_view text, std::string_view lang) {
  std::vector<ByteRange> out;
  const auto* abbrevs = GetAbbreviations().For(lang);
  bool ordinals = OrdinalLanguage(lang);
  size_t start = 0;
  auto emit = [&](size_t end) {
    size_t b = start, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n' || text[e - 1] == '\r')) --e;
    if (e > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    start = end;
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t at = i;
    char32_t c = DecodeUtf8(text, i);
    if (c == '\n') {
      emit(at);
      continue;
    }
    if (!IsTerminator(c)) continue;
    bool cjk = IsCjkTerminator(c);
    // Absorb further terminators and closing quotes or brackets.
    size_t end = i;
    bool closed = false;  // a closing quote or bracket follows the terminator
    while (end < text.size()) {
      size_t k = end;
      char32_t d = DecodeUtf8(text, k);
      if (!IsTerminator(d) && !IsClosing(d)) break;
      if (IsCjkTerminator(d)) cjk = true;
      closed = closed || IsClosing(d);
      end = k;
    }
    if (cjk) {
      emit(end);
      i = end;
      continue;
    }
    // What follows: white space, then the next sentence's first character.
    size_t k = end;
    bool space = false;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) {
      ++k;
      space = true;
    }
    if (k >= text.size() || text[k] == '\n') {
      emit(end);
      i = end;
      continue;
    }
    if (!space) continue;  // 3.5, example.com, U.S.
    size_t n = k;
    char32_t next = DecodeUtf8(text, n);
    bool upper = u_isupper(static_cast<UChar32>(next)) || u_istitle(static_cast<UChar32>(next));
    bool starts = upper || u_isdigit(static_cast<UChar32>(next)) || IsOpening(next) ||
                  ClassOf(next) == CharClass::kUnspaced;
    // A question or exclamation mark ends a sentence even before a lower-case word ("huh? yuck"),
    // unless a quotation closes after it: "Why?" he asked.
    bool asked = (c == '?' || c == '!') && !closed && u_islower(static_cast<UChar32>(next));
    // English web text and careless copy start sentences in lower case too: a full stop after
    // a lower-case word of four letters or more that is no abbreviation ends one ("blood
    // sausages. huh"), where the word cannot be an initial, a number or a name.
    bool plain_stop = false;
    if (!starts && !asked && c == '.' && end == i && lang.substr(0, 2) == "en" && u_islower(static_cast<UChar32>(next))) {
      std::string_view word = WordBefore(text, at);
      bool lower_word = word.size() >= 4 && word.find('.') == std::string_view::npos &&
                        std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      bool listed = false;  // an abbreviation (an opener is a plain word)
      if (abbrevs != nullptr) {
        auto a = abbrevs->find(std::string(word));
        listed = a != abbrevs->end() && a->second != AbbrevKind::kOpener;
      }
      plain_stop = lower_word && !listed;
    }
    if (!starts && !asked && !plain_stop) continue;
    if (c == '.' && end == i) {  // a bare full stop: abbreviations, initials, ordinals
      std::string_view word = WordBefore(text, at);
      if (!word.empty()) {
        size_t w = 0;
        char32_t first = DecodeUtf8(word, w);
        bool single_letter = w == word.size() && u_isalpha(static_cast<UChar32>(first));
        if (single_letter && u_isupper(static_cast<UChar32>(first))) continue;  // A. Vučić
        bool all_digits = word.find_first_not_of("0123456789") == std::string_view::npos;
        if (ordinals && all_digits && word.size() <= 3 && at > 0) continue;  // 16. Septembar, 5. Međunarodni
        if (abbrevs != nullptr) {
          auto it = abbrevs->find(Lower(word));
          if (it != abbrevs->end() && it->second == AbbrevKind::kName) {
            size_t e = k;
            while (e < text.size()) {
              size_t j = e;
              if (!u_isalpha(static_cast<UChar32>(DecodeUtf8(text, j)))) break;
              e = j;
            }
            auto opener = abbrevs->find(Lower(text.substr(k, e - k)));
            if (!upper || opener == abbrevs->end() || opener->second != AbbrevKind::kOpener) continue;
          } else if (it != abbrevs->end() && it->second != AbbrevKind::kOpener && (it->second != AbbrevKind::kEnd || !upper)) {
            continue;
          }
        }
      }
    }
    emit(end);
    i = end;
  }
  emit(text.size());
  return out;
}

uint32_t DatelineEnd(std::string_view text, ByteRange sentence) {
  std::string_view s = text.substr(sentence.begin, std::min<size_t>(sentence.size(), 100));
  size_t i = 0, letters = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = DecodeUtf8(s, i);
    if (!u_isalpha(static_cast<UChar32>(c))) {
      i = at;
      break;
    }
    if (!u_isupper(static_cast<UChar32>(c))) return sentence.begin;
    ++letters;
  }
  if (letters < 3 || i >= s.size() || s[i] != ',') return sentence.begin;
  for (std::string_view dash : {" - ", " – ", " — "}) {
    size_t d = s.find(dash, i);
    if (d != std::string_view::npos) return static_cast<uint32_t>(sentence.begin + d + dash.size());
  }
  return sentence.begin;
}

}  // namespace parallax::text
