// Word tokenisation for the search index and matching.
//
// Words are runs of letters, digits and combining marks; everything else separates them.
// Scripts written without spaces (Han, kana, Thai...) give overlapping character bigrams, so a
// name of two or more characters is found inside a longer run (傅聪 in 中国常驻联合国代表傅聪表示);
// a lone character is its own term. Terms are stemmed (when a Stemmer is given) and then
// match-folded, so "Вучића" with the Serbian stemmer indexes as "vucic".
#pragma once

#include <string>
#include <string_view>

#include "base/byte_range.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/utf8.h"

namespace parallax::text {

// Folds a case-folded word into a term: stemmed by `stemmer` when given, then match-folded.
void MakeTerm(std::string_view lower_word, Stemmer* stemmer, std::string& term);

namespace internal {

// ForEachWord, and with `kUnspaced` false ForEachSpacedWord.
template <bool kUnspaced, typename Emit>
void ScanWords(std::string_view text, Emit&& emit) {
  std::string word;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    size_t start = i;
    unsigned char c = static_cast<unsigned char>(text[i]);
    CharClass cls;
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      ++i;
      cls = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? CharClass::kLetter
            : (c >= '0' && c <= '9')                         ? CharClass::kDigit
                                                             : CharClass::kOther;
    } else {
      cp = DecodeUtf8(text, i);
      cls = ClassOf(cp);
    }
    if (cls == CharClass::kOther || cls == CharClass::kMark) continue;
    if (cls == CharClass::kUnspaced && !kUnspaced) {
      // The run of unspaced characters, skipped.
      while (i < n) {
        size_t j = i;
        if (ClassOf(DecodeUtf8(text, j)) != CharClass::kUnspaced) break;
        i = j;
      }
      continue;
    }
    if (cls == CharClass::kUnspaced) {
      // Bigrams over the run of unspaced characters.
      size_t prev_start = start;
      size_t prev_end = i;
      bool emitted = false;
      while (i < n) {
        size_t s2 = i;
        size_t j = i;
        char32_t cp2 = DecodeUtf8(text, j);
        if (ClassOf(cp2) != CharClass::kUnspaced) break;
        word.clear();
        AppendLower(word, cp);
        AppendLower(word, cp2);
        emit(std::string_view(word), ByteRange{static_cast<uint32_t>(prev_start), static_cast<uint32_t>(j)},
             true);
        emitted = true;
        prev_start = s2;
        prev_end = j;
        cp = cp2;
        i = j;
      }
      if (!emitted) {
        word.clear();
        AppendLower(word, cp);
        emit(std::string_view(word), ByteRange{static_cast<uint32_t>(start), static_cast<uint32_t>(prev_end)}, true);
      }
      continue;
    }
    word.clear();
    if (cp < 0x80) {
      word += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else {
      AppendLower(word, cp);
    }
    while (i < n) {
      unsigned char d = static_cast<unsigned char>(text[i]);
      if (d < 0x80) {
        bool alnum = (d >= 'a' && d <= 'z') || (d >= '0' && d <= '9');
        if (!alnum && d >= 'A' && d <= 'Z') {
          d = static_cast<unsigned char>(d + 32);
          alnum = true;
        }
        if (!alnum) break;
        word += static_cast<char>(d);
        ++i;
        continue;
      }
      size_t j = i;
      char32_t cp2 = DecodeUtf8(text, j);
      CharClass c2 = ClassOf(cp2);
      if (c2 != CharClass::kLetter && c2 != CharClass::kDigit && c2 != CharClass::kMark) break;
      AppendLower(word, cp2);
      i = j;
    }
    emit(std::string_view(word), ByteRange{static_cast<uint32_t>(start), static_cast<uint32_t>(i)},
         false);
  }
}

}  // namespace internal

// Calls `emit(std::string_view lower_word, ByteRange range, bool unspaced)` for each word of
// `text` in order; for unspaced scripts each call is one bigram (or a lone character).
template <typename Emit>
void ForEachWord(std::string_view text, Emit&& emit) {
  internal::ScanWords<true>(text, emit);
}

// The same for the words of spaced scripts only (`unspaced` is always false): runs of unspaced
// characters are passed over without making their bigrams, for callers that have no use for them.
template <typename Emit>
void ForEachSpacedWord(std::string_view text, Emit&& emit) {
  internal::ScanWords<false>(text, emit);
}

}  // namespace parallax::text
