// Language and script identification.
//
// The script comes from counting letters per script. The language comes from CLD2 (Debian's
// libcld2), refined where CLD2 is weak: Serbian, Croatian and Bosnian are told apart by
// ekavian/ijekavian forms and lexical markers (tko/ko, tisuća/hiljada, kruh/hleb/hljeb,
// Croatian month names, historija), Serbian Cyrillic is always "sr-Cyrl" and Macedonian is
// recognised by its own letters (ѓ ќ ѕ). Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/byte_range.h"

namespace parallax::text {

struct LangGuess {
  std::string tag;     // "sr-Cyrl", "sr-Latn", "hr", "zh-Hans", "en"...
  std::string lang;    // "sr", "hr", "zh", "en"...; "und" when unknown
  std::string script;  // ISO 15924: "Latn", "Cyrl", "Hans", "Hant", "Grek"...
  double confidence = 0;
};

struct LangResult {
  LangGuess best;
  std::vector<LangGuess> alternatives;
};

// The dominant script of `text` by letter count ("Zyyy" when it has no letters). Han text is
// "Hans" or "Hant" by the share of characters that only one of them uses.
std::string DominantScript(std::string_view text);

LangResult IdentifyLanguage(std::string_view text);

// Builds the tables and models IdentifyLanguage otherwise builds on first use (the Han table alone
// takes a tenth of a second): for callers that time it, or that want the first call to be as
// fast as the rest.
void LoadLanguageModels();

// CLD2 alone, as Debian's libcld2 answers, with its codes written as our labels (sr becomes
// sr-Latn or sr-Cyrl by script, zh becomes zh-Hans): the baseline that evaluation and
// benchmarks compare IdentifyLanguage with.
std::string Cld2Baseline(std::string_view text);

struct LangSpan {
  ByteRange range;  // a paragraph (a run of non-empty lines) of the text
  LangGuess guess;
};

struct DocumentLanguage {
  LangResult dominant;              // the whole text
  std::vector<LangSpan> paragraphs; // every paragraph
  std::vector<LangSpan> others;     // paragraphs confidently in another language or script
};

// The dominant language of a text and the paragraphs written in something else (a quoted
// English statement in a Serbian article, a Cyrillic paragraph in a Latin one).
DocumentLanguage IdentifyDocument(std::string_view text);

}  // namespace parallax::text
