// The `parallax` FTS5 tokenizer: NFC-insensitive case folding, Serbian/Macedonian Cyrillic ->
// Latin, diacritic folding and per-language stemming (text/tokenize.h), so `Вучић`, `Vucic`
// and `Vučića` all find `Vučić`, and `Kosovës` finds `Kosova`.
//
// Documents carry their language as a prefix marker "\x1F<lang>\x1F" (see LanguageMarker), which
// the tokenizer reads and does not index; the article's stemmer is then used. Queries do not
// know the language of what they should find, so each query word is given as the folded word
// plus, as FTS5 colocated synonyms, its stem under every stemmed language. Unspaced scripts
// index as character bigrams.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "base/status.h"

namespace parallax::store {

// Registers the tokenizer on `db` (every connection that touches an FTS table needs it).
Status RegisterTokenizer(sqlite3* db);

// "\x1Fsr\x1F": put before each indexed column's text.
std::string LanguageMarker(std::string_view lang);
// Removes a marker wherever FTS5 returned it (snippets that start at the column's beginning).
std::string StripLanguageMarker(std::string_view text);

}  // namespace parallax::store
