#include "query/reader.h"

#include <sqlite3.h>

#include "query/article_columns.h"
#include "query/clickhouse.h"
#include "store/sqlite_store.h"
#include "store/sqlite.h"

namespace parallax::query {
namespace {

class Sqlite final : public Reader {
 public:
  Sqlite(sqlite3* db, bool hold_quotations) : db_(db), hold_quotations_(hold_quotations) {}
  Result<int64_t> Count(std::string_view q, const Filters& f) override { return query::Count(db_, q, f); }
  Result<Facets> FacetCounts(std::string_view q, const Filters& f) override { return query::FacetCounts(db_, q, f); }
  Result<std::vector<TimelineRow>> Timeline(std::string_view q, std::string_view interval, std::string_view by,
                                            const Filters& f) override {
    return query::Timeline(db_, q, interval, by, f, &columns_);
  }
  Result<std::vector<Hit>> Search(std::string_view q, const Filters& f, int64_t limit, int64_t offset, std::string_view open,
                                  std::string_view close, int64_t* total) override {
    return query::Search(db_, q, f, limit, offset, open, close, &columns_, total, Sibling());
  }
  Result<std::vector<QuoteRow>> Quotes(const Filters& f, const QuoteQuery& q, int64_t limit, int64_t offset) override {
    return query::ListQuotes(db_, f, q, limit, offset);
  }
  Result<std::vector<StanceCell>> StanceTable(const Filters& f, const StanceQuery& q) override {
    return query::StanceTable(db_, f, q, hold_quotations_ ? &columns_ : nullptr);
  }
  Result<std::vector<Voice>> Voices(std::string_view q, const Filters& f, std::string_view target, int64_t limit,
                                    int examples) override {
    return query::Voices(db_, q, f, target, limit, examples, hold_quotations_ ? &columns_ : nullptr);
  }
  Result<std::vector<EntityCount>> TopEntities(std::string_view q, const Filters& f, int64_t limit) override {
    return query::TopEntities(db_, q, f, limit);
  }
  Result<std::vector<Edge>> ActorTargetEdges(const Filters& f, std::string_view target) override {
    return query::ActorTargetEdges(db_, f, target);
  }
  Result<std::vector<Edge>> CoMentionEdges(const Filters& f, int64_t top) override { return query::CoMentionEdges(db_, f, top); }
  Result<std::vector<Statement>> Statements(const Filters& f, std::string_view target) override {
    return query::Statements(db_, f, target);
  }
  Result<std::optional<Article>> GetArticle(const std::string& id) override { return store::ReadArticle(db_, id); }
  Result<std::vector<MentionRow>> Mentions(std::string_view id) override { return query::ArticleMentions(db_, id); }
  Result<StoreStats> Stats() override {
    StoreStats s;
    for (auto [n, sql] : std::vector<std::pair<int64_t*, const char*>>{
             {&s.articles, "SELECT count(*) FROM articles"},
             {&s.unique_stories, "SELECT count(*) FROM articles WHERE duplicate_of IS NULL"},
             {&s.outlets, "SELECT count(DISTINCT outlet) FROM articles"},
             {&s.languages, "SELECT count(DISTINCT lang) FROM articles"},
             {&s.entities, "SELECT count(*) FROM entities"},
             {&s.mentions, "SELECT count(*) FROM mentions"},
             {&s.quotes, "SELECT count(*) FROM quotes WHERE kind <> 'term'"},
             {&s.stance, "SELECT count(*) FROM quote_stance"},
             {&s.quarantined, "SELECT count(*) FROM quarantine"}}) {
      store::Stmt st(db_, sql);
      if (st.Step()) *n = st.Int(0);
      PLX_RETURN_IF_ERROR(st.status());
    }
    store::Stmt days(db_, "SELECT coalesce(min(day),''), coalesce(max(day),'') FROM articles");
    if (days.Step()) {
      s.first_day = days.Text(0);
      s.last_day = days.Text(1);
    }
    PLX_RETURN_IF_ERROR(days.status());
    return s;
  }
  Result<EntityCounts> CountEntity(std::string_view id) override { return query::CountEntity(db_, id); }
  Result<std::string> StoredEntityId(std::string_view name) override { return query::StoredEntityId(db_, name); }
  Result<std::vector<OutletInfo>> Outlets() override { return query::ListOutlets(db_); }
  Result<std::optional<std::pair<std::string, std::string>>> Archive(const std::string& id) override {
    store::Stmt s(db_, "SELECT archive, fetched_at FROM articles WHERE id = ? AND archive IS NOT NULL");
    s.Bind(1, id);
    if (s.Step()) return std::optional<std::pair<std::string, std::string>>({s.Text(0), s.Text(1)});
    PLX_RETURN_IF_ERROR(s.status());
    return std::optional<std::pair<std::string, std::string>>();
  }

 private:
  // A second read-only connection to the same workspace file, opened when first needed, for
  // walks split across two threads (nullptr for a database without a file, or if it fails to
  // open: the walks then stay on db_).
  sqlite3* Sibling() {
    if (!sibling_tried_) {
      sibling_tried_ = true;
      const char* file = sqlite3_db_filename(db_, "main");
      if (file != nullptr && *file != '\0') {
        auto opened = store::SqliteStore::Open(file, {.read_only = true});
        if (opened.ok()) sibling_ = std::move(*opened);
      }
    }
    return sibling_ ? sibling_->db() : nullptr;
  }

  sqlite3* db_;
  bool hold_quotations_;
  ArticleColumns columns_;
  bool sibling_tried_ = false;
  std::unique_ptr<store::SqliteStore> sibling_;
};

class ClickHouse final : public Reader {
 public:
  explicit ClickHouse(store::ClickHouseStore& ch) : ch_(ch) {}
  Result<int64_t> Count(std::string_view q, const Filters& f) override { return ClickHouseCount(ch_, q, f); }
  Result<Facets> FacetCounts(std::string_view q, const Filters& f) override { return ClickHouseFacets(ch_, q, f); }
  Result<std::vector<TimelineRow>> Timeline(std::string_view q, std::string_view interval, std::string_view by,
                                            const Filters& f) override {
    return ClickHouseTimeline(ch_, q, interval, by, f);
  }
  Result<std::vector<Hit>> Search(std::string_view q, const Filters& f, int64_t limit, int64_t offset, std::string_view open,
                                  std::string_view close, int64_t* total) override {
    PLX_ASSIGN_OR_RETURN(auto hits, ClickHouseSearch(ch_, q, f, limit, offset, open, close));
    if (total != nullptr) {
      PLX_ASSIGN_OR_RETURN(*total, ClickHouseCount(ch_, q, f));
    }
    return hits;
  }
  Result<std::vector<QuoteRow>> Quotes(const Filters& f, const QuoteQuery& q, int64_t limit, int64_t offset) override {
    return ClickHouseQuotes(ch_, f, q, limit, offset);
  }
  Result<std::vector<StanceCell>> StanceTable(const Filters& f, const StanceQuery& q) override {
    return ClickHouseStanceTable(ch_, f, q);
  }
  Result<std::vector<Voice>> Voices(std::string_view q, const Filters& f, std::string_view target, int64_t limit,
                                    int examples) override {
    return ClickHouseVoices(ch_, q, f, target, limit, examples);
  }
  Result<std::vector<EntityCount>> TopEntities(std::string_view q, const Filters& f, int64_t limit) override {
    return ClickHouseTopEntities(ch_, q, f, limit);
  }
  Result<std::vector<Edge>> ActorTargetEdges(const Filters& f, std::string_view target) override {
    return ClickHouseActorTargetEdges(ch_, f, target);
  }
  Result<std::vector<Edge>> CoMentionEdges(const Filters& f, int64_t top) override {
    return ClickHouseCoMentionEdges(ch_, f, top);
  }
  Result<std::vector<Statement>> Statements(const Filters& f, std::string_view target) override {
    return ClickHouseStatements(ch_, f, target);
  }
  Result<std::optional<Article>> GetArticle(const std::string& id) override { return ClickHouseArticle(ch_, id); }
  Result<std::vector<MentionRow>> Mentions(std::string_view id) override { return ClickHouseMentions(ch_, id); }
  Result<StoreStats> Stats() override { return ClickHouseStats(ch_); }
  Result<EntityCounts> CountEntity(std::string_view id) override { return ClickHouseCountEntity(ch_, id); }
  Result<std::string> StoredEntityId(std::string_view name) override { return ClickHouseEntityId(ch_, name); }
  Result<std::vector<OutletInfo>> Outlets() override {
    PLX_ASSIGN_OR_RETURN(std::vector<Outlet> outlets, ch_.Outlets());
    std::vector<OutletInfo> out;
    for (Outlet& o : outlets) out.push_back({std::move(o.name), std::move(o.country), std::move(o.lang), std::move(o.tags)});
    return out;
  }
  Result<std::optional<std::pair<std::string, std::string>>> Archive(const std::string& id) override {
    return ClickHouseArchive(ch_, id);
  }

 private:
  store::ClickHouseStore& ch_;
};

}  // namespace

std::unique_ptr<Reader> SqliteReader(sqlite3* db, bool hold_quotations) {
  return std::make_unique<Sqlite>(db, hold_quotations);
}
std::unique_ptr<Reader> ClickHouseReader(store::ClickHouseStore& ch) { return std::make_unique<ClickHouse>(ch); }

}  // namespace parallax::query
