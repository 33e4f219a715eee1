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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace parallax::store {

// Registers the tokenizer on `db` (every connection that touches an FTS table needs it).
Status RegisterTokenizer(sqlite3* db);
// The FTS5 extension API of `db`; null when this SQLite has no FTS5.
fts5_api* Fts5Api(sqlite3* db);

// "\x1Fsr\x1F": put before each indexed column's text.
std::string LanguageMarker(std::string_view lang);
// Removes a marker wherever FTS5 returned it (snippets that start at the column's beginning).
std::string StripLanguageMarker(std::string_view text);

// The terms the tokenizer gives one document (a column value, marker included), computed
// ahead on another thread: the writing thread then only inserts them (SqliteStore::Prepare).
struct DocumentTerms {
  struct Term {
    uint32_t end;    // of the term in `terms` (it starts where the previous one ends)
    int begin, stop;  // bytes of the word in `text`
  };
  std::string text;
  std::string terms;
  std::vector<Term> list;
};
// Thread-safe (stemmers are per thread).
DocumentTerms TokenizeDocument(std::string text);

// While one is alive, the tokenizer on this thread answers a document whose text equals one of
// `docs` from it instead of tokenising again (the answer is the same either way).
class ScopedDocumentTerms {
 public:
  explicit ScopedDocumentTerms(const std::vector<DocumentTerms>* docs);
  ~ScopedDocumentTerms();
  ScopedDocumentTerms(const ScopedDocumentTerms&) = delete;
  ScopedDocumentTerms& operator=(const ScopedDocumentTerms&) = delete;

 private:
  const std::vector<DocumentTerms>* previous_;
};

}  // namespace parallax::store
