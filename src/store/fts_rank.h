// parallax_bm25_top(): FTS5's bm25() ranking with each document's length taken from memory, the
// best rows kept as the walk scores them.
//
// Why: bm25() reads every match's length from the FTS table's docsize table, a b-tree lookup per
// match, and ORDER BY rank LIMIT n then sorts every match; a page also counted its matches in a
// second walk. For a word in most of a million articles that was a search page's time. The
// reader already keeps per-article columns in memory (query::ArticleColumns); with the lengths
// among them, one walk of the matches gives the page and its total:
//
//   SELECT sum(kept) FROM (SELECT parallax_bm25_top(articles_fts, ?1, w1, w2, ...) AS kept
//                          FROM articles_fts ... WHERE articles_fts MATCH ? ... LIMIT -1)
//
// where ?1 is a TopRanks bound with Stmt::BindPointer(1, &top, kTopRanksType). Each row is
// scored exactly as bm25(articles_fts, w1, w2, ...) scores it (the same formula, k1 = 1.2,
// b = 0.75, the same IDF and average length, the same order of operations; a test compares the
// pages) and offered to the TopRanks; the function gives 1, so the sum counts the rows. The
// subquery (kept apart by its LIMIT) scores only the rows every filter passed. A row the
// DocSizes does not cover (written after it was read) falls back to the docsize table.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"

namespace parallax::store {

// Tokens per document (all columns), by rowid; 0 where no document has been read.
struct DocSizes {
  std::vector<uint32_t> tokens;
};

// The best `keep` rows offered: lowest rank first (bm25 ranks are negative), among equals the
// lowest rowid (the order FTS5 visits rows in, which ORDER BY rank keeps for ties).
inline constexpr const char* kTopRanksType = "parallax_top_ranks";
struct TopRanks {
  const DocSizes* sizes = nullptr;  // lengths from memory, or nullptr
  size_t keep = 0;
  void Offer(double rank, int64_t rowid);
  // Offers the rows `other` kept (the two walked different rows of the same index).
  void Merge(const TopRanks& other);
  // The rows kept, best first, with their ranks.
  std::vector<std::pair<int64_t, double>> Best() const;

 private:
  struct Entry {
    double rank;
    int64_t rowid;
    bool operator<(const Entry& o) const { return rank != o.rank ? rank < o.rank : rowid < o.rowid; }
  };
  std::vector<Entry> heap;  // the worst kept on top
};

// Registers parallax_bm25_top on `db` (with the tokenizer, on every connection).
Status RegisterRank(sqlite3* db);

// Reads the lengths of the FTS5 table `fts` (its `fts`_docsize table) for rowids below `end`.
Status ReadDocSizes(sqlite3* db, const std::string& fts, int64_t end, DocSizes& out);

}  // namespace parallax::store
