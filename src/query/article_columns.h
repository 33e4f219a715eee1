// An in-memory copy of two small columns of a SQLite workspace's articles, day and outlet,
// indexed by rowid, for grouping full-text matches without reading their article rows; and of
// each article's length in the full-text index, for ranking matches without reading it.
//
// Why: a timeline counts the matches of a query by period and outlet. SQLite reads each match's
// article row (or scans the whole (outlet, day) index) to learn them: at a million articles,
// 0.85 s for a word most articles contain. Holding the two columns as dictionary codes in
// arrays (8 bytes an article) turns that into the FTS5 rowid walk plus an array read per match.
// The lengths (4 bytes an article) spare bm25 ranking a docsize lookup per match.
//
// Invariant: Sync() makes the copy equal to what the connection sees. It re-reads the columns
// (one scan of the (outlet, day) index; Sizes(): one of the docsize table) whenever anything
// was committed since the last read, by this connection (sqlite3_total_changes64) or another
// (PRAGMA data_version). A process that
// queries once pays about what the SQL it replaces costs; a server pays it once per change.
// Not thread-safe: one per connection, used by that connection's reader.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "query/search.h"
#include "store/fts_rank.h"

struct sqlite3;

namespace parallax::query {

class ArticleColumns {
 public:
  static constexpr uint32_t kNull = UINT32_MAX;  // the article has no such value (or no such rowid)

  Status Sync(sqlite3* db);

  // Whether ForEachMatch() can apply these filters (dates and outlets; the others need SQL).
  static bool Covers(const Filters& f);
  // Syncs, then calls `fn(rowid, day, outlet)` for each article matching the full-text `query`
  // (all articles when it is blank) and the date and outlet filters, as the SQL filters would
  // choose them. `require_day`: leave out articles without a day even when no date filter is set
  // (a blank query without it also visits rowids that hold no article, with kNull day and outlet).
  Status ForEachMatch(sqlite3* db, std::string_view query, const Filters& f, bool require_day,
                      const std::function<void(int64_t rowid, uint32_t day, uint32_t outlet)>& fn);

  // Dictionary codes of an article's day (YYYY-MM-DD) and outlet; kNull when unset or absent.
  uint32_t day(int64_t rowid) const { return Get(day_, rowid); }
  uint32_t outlet(int64_t rowid) const { return Get(outlet_, rowid); }
  // The values behind the codes.
  const std::vector<std::string>& days() const { return days_; }
  const std::vector<std::string>& outlets() const { return outlets_; }
  // The code an article without an outlet counts under, as SQL's coalesce(outlet, '') does:
  // the code of "" when some article has an empty outlet, else outlets().size().
  uint32_t BlankOutlet() const {
    return static_cast<uint32_t>(std::find(outlets_.begin(), outlets_.end(), "") - outlets_.begin());
  }
  // One past the largest rowid held.
  int64_t end() const { return static_cast<int64_t>(day_.size()); }
  // Each article's length in the full-text index (tokens), for ranking (store/fts_rank.h); read
  // apart from the columns above, when first asked for and again after a commit.
  Result<const store::DocSizes*> Sizes(sqlite3* db);

 private:
  static uint32_t Get(const std::vector<uint32_t>& column, int64_t rowid) {
    return rowid >= 0 && rowid < static_cast<int64_t>(column.size()) ? column[static_cast<size_t>(rowid)] : kNull;
  }

  // What the connection had seen when a copy was read: PRAGMA data_version and total changes.
  struct State {
    int64_t data_version = -1, changes = -1;
    bool operator==(const State&) const = default;
  };
  static Result<State> Now(sqlite3* db);

  State state_, sizes_state_;
  std::vector<uint32_t> day_, outlet_;
  std::vector<std::string> days_, outlets_;
  store::DocSizes sizes_;
};

}  // namespace parallax::query
