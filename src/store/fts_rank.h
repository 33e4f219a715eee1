// parallax_bm25(): FTS5's bm25() ranking with each document's length taken from memory.
//
// Why: bm25() reads every match's length from the FTS table's docsize table, a b-tree lookup per
// match. For a word in half of a million articles that was about half of a search page's time.
// The reader already keeps per-article columns in memory (query::ArticleColumns); with the
// lengths among them, ranking needs only the index's position lists.
//
//   parallax_bm25(articles_fts, :sizes, w1, w2, ...)
//
// gives exactly what bm25(articles_fts, w1, w2, ...) gives (the same formula, k1 = 1.2,
// b = 0.75, the same IDF and average length, the same order of operations), where :sizes is a
// DocSizes bound with Stmt::BindPointer(i, &sizes, kDocSizesType). A row the DocSizes does not
// cover (written after it was read) or a missing pointer falls back to the docsize table.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace parallax::store {

inline constexpr const char* kDocSizesType = "parallax_doc_sizes";

// Tokens per document (all columns), by rowid; 0 where no document has been read.
struct DocSizes {
  std::vector<uint32_t> tokens;
};

// Registers parallax_bm25 on `db` (with the tokenizer, on every connection).
Status RegisterRank(sqlite3* db);

// Reads the lengths of the FTS5 table `fts` (its `fts`_docsize table) for rowids below `end`.
Status ReadDocSizes(sqlite3* db, const std::string& fts, int64_t end, DocSizes& out);

}  // namespace parallax::store
