// One interface over the two stores for everything the query commands and briefs read: a
// Reader answers on a SQLite workspace (search.h, stance.h) or on a ClickHouse store
// (clickhouse.h) with the same results (search hits differ only in order: bm25 on SQLite,
// newest first on ClickHouse). Callers hold a Reader and never ask which store it is.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/article.h"
#include "base/status.h"
#include "query/search.h"
#include "query/stance.h"

struct sqlite3;

namespace parallax::store {
class ClickHouseStore;
}

namespace parallax::query {

// What a store holds, in numbers (the dashboard's /api/stats).
struct StoreStats {
  int64_t articles = 0, unique_stories = 0, outlets = 0, languages = 0, entities = 0, mentions = 0, quotes = 0, stance = 0,
          quarantined = 0;
  std::string first_day, last_day;
};

class Reader {
 public:
  virtual ~Reader() = default;

  virtual Result<int64_t> Count(std::string_view query, const Filters& f) = 0;
  virtual Result<Facets> FacetCounts(std::string_view query, const Filters& f) = 0;
  virtual Result<std::vector<TimelineRow>> Timeline(std::string_view query, std::string_view interval, std::string_view by,
                                                    const Filters& f) = 0;
  // `total`, when given, receives Count(query, f) (the SQLite store counts in the same walk).
  virtual Result<std::vector<Hit>> Search(std::string_view query, const Filters& f, int64_t limit, int64_t offset = 0,
                                          std::string_view open = "<mark>", std::string_view close = "</mark>",
                                          int64_t* total = nullptr) = 0;
  virtual Result<std::vector<QuoteRow>> Quotes(const Filters& f, const QuoteQuery& q, int64_t limit, int64_t offset = 0) = 0;
  virtual Result<std::vector<StanceCell>> StanceTable(const Filters& f, const StanceQuery& q) = 0;
  virtual Result<std::vector<Voice>> Voices(std::string_view query, const Filters& f, std::string_view target,
                                            int64_t limit, int examples = 3) = 0;
  virtual Result<std::vector<EntityCount>> TopEntities(std::string_view query, const Filters& f, int64_t limit) = 0;
  virtual Result<std::vector<Edge>> ActorTargetEdges(const Filters& f, std::string_view target) = 0;
  virtual Result<std::vector<Edge>> CoMentionEdges(const Filters& f, int64_t top) = 0;
  virtual Result<std::vector<Statement>> Statements(const Filters& f, std::string_view target) = 0;
  virtual Result<std::optional<Article>> GetArticle(const std::string& id) = 0;
  virtual Result<std::vector<MentionRow>> Mentions(std::string_view article_id) = 0;
  virtual Result<StoreStats> Stats() = 0;
  virtual Result<EntityCounts> CountEntity(std::string_view entity_id) = 0;
  // A stored entity (one no pack lists) by its name or a word of it; "" when none.
  virtual Result<std::string> StoredEntityId(std::string_view name) = 0;
  virtual Result<std::vector<OutletInfo>> Outlets() = 0;
  // A fetched article's archived copy: WARC location and fetch time; empty when none.
  virtual Result<std::optional<std::pair<std::string, std::string>>> Archive(const std::string& article_id) = 0;
};

// Reads the workspace behind `db` (not owned; it must outlive the reader). `hold_quotations`:
// answer voices and stance tables from the quotations held in memory (QuoteColumns), which pays
// when several are asked (a server, a brief); a command asking one is answered by SQL sooner.
std::unique_ptr<Reader> SqliteReader(sqlite3* db, bool hold_quotations = true);
// Reads `ch` (not owned).
std::unique_ptr<Reader> ClickHouseReader(store::ClickHouseStore& ch);

}  // namespace parallax::query
