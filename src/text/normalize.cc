#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/fold.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

// What a single code point becomes before NFC: nothing, a space, a newline, or itself.
enum class Action { kKeep, kDrop, kSpace, kNewline };

Action ActionFor(char32_t cp, std::string_view text, size_t next) {
  if (cp == '\n' || cp == '\t') return Action::kKeep;
  if (cp == '\r') return next < text.size() && text[next] == '\n' ? Action::kDrop : Action::kNewline;
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return Action::kDrop;
  if (cp == 0xFEFF || cp == 0x200B || cp == 0x2060 || cp == 0x00AD) return Action::kDrop;
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000) {
    return Action::kSpace;
  }
  if (cp == 0x2028 || cp == 0x2029) return Action::kNewline;
  return Action::kKeep;
}

}  // namespace

Normalized Normalize(std::string_view raw, const NormalizeOptions& options) {
  Normalized n;
  n.text.reserve(raw.size());
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  size_t i = 0;
  while (i < raw.size()) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c >= 0x20 && c < 0x7F) {
      // ASCII printable: NFC-stable on its own; but a following combining mark could compose
      // with it, so only copy when the next byte is ASCII too (or the end).
      size_t j = i;
      while (j < raw.size() && static_cast<unsigned char>(raw[j]) >= 0x20 &&
             static_cast<unsigned char>(raw[j]) < 0x7F) {
        ++j;
      }
      size_t end = j < raw.size() && static_cast<unsigned char>(raw[j]) >= 0x80 && j > i ? j - 1 : j;
      if (end > i) {
        n.text.append(raw.substr(i, end - i));
        n.to_original.Copy(static_cast<uint32_t>(end - i));
        i = end;
        continue;
      }
    }
    size_t start = i;
    char32_t cp = DecodeUtf8(raw, i);
    bool invalid = cp == kReplacement && i - start != 3;
    Action a = invalid ? Action::kKeep : ActionFor(cp, raw, i);
    if (a == Action::kDrop) {
      n.to_original.Skip(static_cast<uint32_t>(i - start));
      continue;
    }
    if (a == Action::kSpace || a == Action::kNewline) {
      n.text += a == Action::kSpace ? ' ' : '\n';
      n.to_original.Append(1, static_cast<uint32_t>(i - start), false);
      continue;
    }
    // A base character and the combining marks after it form one NFC unit.
    size_t unit_end = i;
    while (unit_end < raw.size()) {
      size_t k = unit_end;
      char32_t next = DecodeUtf8(raw, k);
      if (u_getCombiningClass(static_cast<UChar32>(next)) == 0 &&
          u_charType(static_cast<UChar32>(next)) != U_NON_SPACING_MARK) {
        break;
      }
      unit_end = k;
    }
    std::string_view unit = raw.substr(start, unit_end - start);
    if (invalid) {
      AppendUtf8(n.text, kReplacement);
      n.to_original.Append(3, static_cast<uint32_t>(i - start), false);
      continue;
    }
    if (U_SUCCESS(err) && (unit_end > i || !nfc->isInert(static_cast<UChar32>(cp)))) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(unit);
      UErrorCode e2 = U_ZERO_ERROR;
      if (!nfc->isNormalized(u, e2)) {
        icu::UnicodeString normalized = nfc->normalize(u, e2);
        std::string out;
        normalized.toUTF8String(out);
        if (U_SUCCESS(e2)) {
          n.text += out;
          n.to_original.Append(static_cast<uint32_t>(out.size()), static_cast<uint32_t>(unit.size()), false);
          i = unit_end;
          continue;
        }
      }
    }
    n.text.append(unit);
    n.to_original.Copy(static_cast<uint32_t>(unit.size()));
    i = unit_end;
  }
  if (options.fold) {
    Folded f = FoldWithMap(n.text);
    n.to_original = n.to_original.Then(f.to_original);
    n.text = std::move(f.text);
  }
  return n;
}

}  // namespace parallax::text
