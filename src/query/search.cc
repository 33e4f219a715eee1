#include "query/search.h"

#include <algorithm>
#include <map>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "query/article_columns.h"
#include "query/sql_parts.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace parallax::query {
namespace {

using store::Stmt;
using namespace internal;

bool HasWordChar(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    text::CharClass c = text::ClassOf(text::DecodeUtf8(s, i));
    if (c == text::CharClass::kLetter || c == text::CharClass::kDigit || c == text::CharClass::kUnspaced) return true;
  }
  return false;
}

// White space and control characters (NUL among them: FTS5 would end a string there) separate words.
bool IsSpace(char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; }

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += IsSpace(c) ? ' ' : c;
  }
  return out + "\"";
}

}  // namespace

// FTS5's parser gives up near 100 nested groups, and every word costs a stem in each language.
constexpr int kMaxQueryDepth = 32;
constexpr int kMaxQueryWords = 500;

Result<std::string> ToFtsQuery(std::string_view q) {
  std::string out;
  int depth = 0;
  bool expect_operand = true;  // at the start, after an operator or "("
  bool after_group = false;    // just after ")"
  int words = 0;
  bool any = false;
  size_t i = 0;
  auto append = [&out](std::string_view piece) {
    if (!out.empty() && out.back() != '(' && piece != ")") out += ' ';
    out += piece;
  };
  while (i < q.size()) {
    char c = q[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '(') {
      if (!expect_operand) append("AND");  // FTS5 has no implicit AND next to a group
      append("(");
      after_group = false;
      if (++depth > kMaxQueryDepth) {
        return Status::InvalidInput(fmt::format("bad query: groups nested more than {} deep", kMaxQueryDepth));
      }
      expect_operand = true;
      ++i;
      continue;
    }
    if (c == ')') {
      if (depth == 0) return Status::InvalidInput("bad query: unbalanced ')'");
      if (expect_operand) return Status::InvalidInput("bad query: empty group or operator before ')'");
      out += ')';
      --depth;
      after_group = true;
      ++i;
      continue;
    }
    std::string term;
    bool phrase = false;
    if (c == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos) return Status::InvalidInput("bad query: unclosed '\"'");
      term = std::string(q.substr(i + 1, end - i - 1));
      i = end + 1;
      phrase = true;
    } else {
      size_t end = i;
      while (end < q.size() && !IsSpace(q[end]) && q[end] != '(' && q[end] != ')' && q[end] != '"') ++end;
      term = std::string(q.substr(i, end - i));
      i = end;
    }
    bool prefix = false;
    if (i < q.size() && q[i] == '*') {
      prefix = true;
      ++i;
    }
    if (!phrase && !prefix && !term.empty() && term.back() == '*') {
      prefix = true;
      term.pop_back();
    }
    if (!phrase && (term == "AND" || term == "OR" || term == "NOT")) {
      // "a AND NOT b" is how many analysts write FTS5's "a NOT b".
      if (term == "NOT" && expect_operand && out.size() >= 4 && out.compare(out.size() - 4, 4, " AND") == 0) {
        out.replace(out.size() - 3, 3, "NOT");
        continue;
      }
      if (expect_operand) return Status::InvalidInput(fmt::format("bad query: '{}' needs a word before it", term));
      append(term);
      expect_operand = true;
      after_group = false;
      continue;
    }
    if (!HasWordChar(term)) continue;  // punctuation alone finds nothing; drop it
    if (after_group) append("AND");
    after_group = false;
    if (++words > kMaxQueryWords) {
      return Status::InvalidInput(fmt::format("bad query: more than {} words", kMaxQueryWords));
    }
    append(Quote(term) + (prefix ? "*" : ""));
    expect_operand = false;
    any = true;
  }
  if (depth != 0) return Status::InvalidInput("bad query: unbalanced '('");
  if (!any) return Status::InvalidInput("bad query: no words to search for");
  if (expect_operand) return Status::InvalidInput("bad query: ends with an operator");
  return out;
}

namespace {

Hit ReadHit(const Stmt& st) {
  Hit h;
  h.id = st.Text(0);
  h.day = st.Text(1);
  h.outlet = st.Text(2);
  h.title = st.Text(3);
  h.snippet = store::StripLanguageMarker(st.Text(4));
  h.lang = st.Text(5);
  h.country = st.Text(6);
  h.url = st.Text(7);
  h.rank = st.Real(8);
  h.title_en = st.Text(9);
  return h;
}

// A read transaction on a connection that is not in one (one that is keeps its own), ended
// when this goes out of scope (rolled back: it only read).
class ReadTransaction {
 public:
  explicit ReadTransaction(sqlite3* db) : db_(db), began_(sqlite3_get_autocommit(db) != 0) {
    if (began_) status_ = store::Exec(db_, "BEGIN");
    if (!status_.ok()) began_ = false;
  }
  ~ReadTransaction() {
    if (began_) (void)store::Exec(db_, "ROLLBACK");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  const Status& status() const { return status_; }

 private:
  sqlite3* db_;
  bool began_;
  Status status_;
};

// What identifies the state of the full-text index: its structure record, which every write
// to it rewrites, and its totals (FTS5's records 10 and 1).
Result<std::string> IndexState(sqlite3* db) {
  Stmt st(db, "SELECT id, block FROM articles_fts_data WHERE id IN (1, 10) ORDER BY id");
  std::string state;
  while (st.Step()) {
    state += std::to_string(st.Int(0)) + ":";
    state += st.View(1);
  }
  if (!st.status().ok()) return QueryError(st.status());
  return state;
}

// Scores the matches with rowids in [lo, hi) into `top`; gives how many there were.
Result<int64_t> RankRange(sqlite3* db, const Source& src, const std::string& from, int64_t lo, int64_t hi,
                          store::TopRanks& top) {
  // The scores are taken in a subquery (its LIMIT keeps it from being merged into the sum): its
  // select list sees only the rows every filter passed, and there the index's row is current,
  // which the function needs.
  Stmt st(db, "SELECT sum(kept) FROM (SELECT parallax_bm25_top(articles_fts, ?1, 2.0, 1.0) AS kept" + from +
                  src.where.sql + " AND articles_fts.rowid >= ? AND articles_fts.rowid < ? LIMIT -1)");
  st.BindPointer(1, &top, store::kTopRanksType);
  BindAll(st, src.params, 2);
  const int n = static_cast<int>(src.params.size());
  st.Bind(n + 2, lo).Bind(n + 3, hi);
  const int64_t count = st.Step() ? st.Int(0) : 0;
  if (!st.status().ok()) return QueryError(st.status());
  return count;
}

// Scores every match into `top` (inside a read transaction on `db`); gives how many there were.
// A search of the index alone is split by rowid between `db` and `sibling`, each half on its own
// thread, when the sibling's read transaction sees the index in the same state (else `db` walks
// it all): a word in most of a million articles takes two cores half as long.
Result<int64_t> RankMatches(sqlite3* db, sqlite3* sibling, const Source& src, const std::string& from,
                            store::TopRanks& top) {
  const int64_t split = static_cast<int64_t>(top.sizes != nullptr ? top.sizes->tokens.size() / 2 : 0);
  if (sibling == nullptr || !src.index_only || split == 0) return RankRange(db, src, from, INT64_MIN, INT64_MAX, top);
  ReadTransaction sibling_txn(sibling);
  PLX_ASSIGN_OR_RETURN(std::string here, IndexState(db));
  Result<std::string> there = sibling_txn.status().ok() ? IndexState(sibling) : Result<std::string>(sibling_txn.status());
  if (!there.ok() || *there != here) return RankRange(db, src, from, INT64_MIN, INT64_MAX, top);
  store::TopRanks upper;
  upper.sizes = top.sizes;
  upper.keep = top.keep;
  Result<int64_t> upper_count = int64_t{0};
  std::thread worker([&] { upper_count = RankRange(sibling, src, from, split, INT64_MAX, upper); });
  Result<int64_t> lower_count = RankRange(db, src, from, INT64_MIN, split, top);
  worker.join();
  PLX_RETURN_IF_ERROR(lower_count.status());
  PLX_RETURN_IF_ERROR(upper_count.status());
  top.Merge(upper);
  return *lower_count + *upper_count;
}

// The hits of a ranked page (rowid, rank): each article's columns and a snippet of its text.
Result<std::vector<Hit>> Snippets(sqlite3* db, const std::vector<std::pair<int64_t, double>>& page, const Source& src,
                                  std::string_view open, std::string_view close) {
  std::vector<Hit> hits;
  Stmt st(db, "SELECT a.id, coalesce(a.day,''), coalesce(a.outlet,''), coalesce(a.title,''), "
              "snippet(articles_fts, 1, ?, ?, '…', 24), coalesce(a.lang,''), coalesce(a.country,''), "
              "coalesce(a.url,''), 0, coalesce(a.title_en,'') "
              "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
              "WHERE articles_fts MATCH ? AND articles_fts.rowid = ?");
  for (const auto& [rowid, rank] : page) {
    st.Reset();
    st.Bind(1, open).Bind(2, close).Bind(3, src.params[0]).Bind(4, rowid);
    if (st.Step()) {
      hits.push_back(ReadHit(st));
      hits.back().rank = rank;
    }
    if (!st.status().ok()) return QueryError(st.status());
  }
  return hits;
}

}  // namespace

Result<std::vector<Hit>> Search(sqlite3* db, std::string_view query, const Filters& f, int64_t limit, int64_t offset,
                                std::string_view open, std::string_view close, ArticleColumns* columns,
                                int64_t* total, sqlite3* sibling) {
  PLX_ASSIGN_OR_RETURN(Source src, BuildSource(query, f));
  bool fts = !src.params.empty() && src.from.find("articles_fts") != std::string::npos;
  if (!fts) {
    std::vector<Hit> hits;
    Stmt st(db, "SELECT a.id, coalesce(a.day,''), coalesce(a.outlet,''), coalesce(a.title,''), substr(a.text, 1, 200), "
                "coalesce(a.lang,''), coalesce(a.country,''), coalesce(a.url,''), 0 AS rank, coalesce(a.title_en,'')" +
                    src.from + src.where.sql + " ORDER BY a.day DESC, a.rowid LIMIT ? OFFSET ?");
    BindAll(st, src.params);
    st.Bind(static_cast<int>(src.params.size()) + 1, limit).Bind(static_cast<int>(src.params.size()) + 2, offset);
    while (st.Step()) hits.push_back(ReadHit(st));
    if (!st.status().ok()) return QueryError(st.status());
    if (total != nullptr) {
      PLX_ASSIGN_OR_RETURN(*total, Count(db, query, f));
    }
    return hits;
  }
  // First the page's articles by rank, then their snippets and columns: computed in one query,
  // SQLite would make a snippet and read the article row of every match before sorting them
  // (seconds for a word most of a million articles contain). Ties keep the index's order, as
  // one query would.
  std::vector<std::pair<int64_t, double>> page;
  const std::string from = src.index_only ? std::string(" FROM articles_fts") : src.from;
  if (columns == nullptr) {
    Stmt st(db, "SELECT articles_fts.rowid, bm25(articles_fts, 2.0, 1.0) AS rank" + from + src.where.sql +
                    " ORDER BY rank LIMIT ? OFFSET ?");
    BindAll(st, src.params);
    const int n = static_cast<int>(src.params.size());
    st.Bind(n + 1, limit).Bind(n + 2, offset);
    while (st.Step()) page.emplace_back(st.Int(0), st.Real(1));
    if (!st.status().ok()) return QueryError(st.status());
    if (total != nullptr) {
      PLX_ASSIGN_OR_RETURN(*total, Count(db, query, f));
    }
    return Snippets(db, page, src, open, close);
  }
  // bm25 with the lengths from memory (store/fts_rank.h), the best rows kept as the walk scores
  // them: the same ranks without a docsize lookup per match, and no sort of every match (which
  // cost most of the time for a word most of a million articles contain). The snippets are read
  // in the same transaction as the ranks.
  ReadTransaction txn(db);
  PLX_RETURN_IF_ERROR(txn.status());
  PLX_ASSIGN_OR_RETURN(const store::DocSizes* sizes, columns->Sizes(db));
  store::TopRanks top;
  top.sizes = sizes;
  top.keep = limit < 0 ? SIZE_MAX : static_cast<size_t>(limit + std::max<int64_t>(offset, 0));
  PLX_ASSIGN_OR_RETURN(int64_t n, RankMatches(db, sibling, src, from, top));
  if (total != nullptr) *total = n;
  page = top.Best();
  page.erase(page.begin(), page.begin() + std::min<std::ptrdiff_t>(std::max<int64_t>(offset, 0), static_cast<std::ptrdiff_t>(page.size())));
  return Snippets(db, page, src, open, close);
}

Result<int64_t> Count(sqlite3* db, std::string_view query, const Filters& f) {
  PLX_ASSIGN_OR_RETURN(Source src, BuildSource(query, f));
  // Without filters the index alone counts: joining each match to its article row costs a
  // random read per match (seconds for a word most of a million articles contain).
  Stmt st(db, "SELECT count(*)" + (src.index_only ? std::string(" FROM articles_fts") : src.from) + src.where.sql);
  BindAll(st, src.params);
  int64_t n = st.Step() ? st.Int(0) : 0;
  if (!st.status().ok()) return QueryError(st.status());
  return n;
}

Result<Facets> FacetCounts(sqlite3* db, std::string_view query, const Filters& f) {
  PLX_ASSIGN_OR_RETURN(Source src, BuildSource(query, f));
  Facets out;
  struct FacetSql {
    const char* name;
    const char* expr;
    const char* join;  // an article counts once per tag of its outlet
  };
  const FacetSql kFacets[] = {{"outlet", "coalesce(a.outlet,'')", ""},
                              {"lang", "coalesce(a.lang,'')", ""},
                              {"country", "coalesce(a.country,'')", ""},
                              {"tag", "t.value", ", json_each(a.tags) t"},
                              {"month", "substr(coalesce(a.day,''),1,7)", ""}};
  for (const auto& [name, expr, join] : kFacets) {
    Stmt st(db, fmt::format("SELECT {} AS v, count(*) AS n{}{}{} GROUP BY v ORDER BY n DESC, v", expr, src.from, join,
                            src.where.sql));
    BindAll(st, src.params);
    std::vector<Facet>& list = out[name];
    while (st.Step()) list.push_back({st.Text(0), st.Int(1)});
    if (!st.status().ok()) return QueryError(st.status());
  }
  return out;
}

namespace {

// Timeline from the in-memory day and outlet columns: the same rows as the SQL below, for a
// query with at most date and outlet filters, by outlet or ungrouped.
Result<std::vector<TimelineRow>> ColumnTimeline(sqlite3* db, std::string_view query, const std::string& period,
                                                bool by_outlet, const Filters& f, ArticleColumns& columns) {
  // Matches by (day, outlet) code.
  std::unordered_map<uint64_t, int64_t> counts;
  PLX_RETURN_IF_ERROR(columns.ForEachMatch(db, query, f, /*require_day=*/true, [&](int64_t, uint32_t day, uint32_t outlet) {
    ++counts[static_cast<uint64_t>(day) << 32 | (by_outlet ? outlet : 0)];
  }));
  // Each day's period, computed by the same SQL as the query below.
  Stmt period_of(db, "SELECT " + period + " FROM (SELECT ? AS day) a");
  std::unordered_map<uint32_t, std::string> periods;
  std::map<std::pair<std::string, std::string>, int64_t> rows;
  for (const auto& [key, n] : counts) {
    uint32_t day = static_cast<uint32_t>(key >> 32), outlet = static_cast<uint32_t>(key);
    auto p = periods.find(day);
    if (p == periods.end()) {
      period_of.Reset();
      period_of.Bind(1, columns.days()[day]);
      p = periods.emplace(day, period_of.Step() ? period_of.Text(0) : std::string()).first;
      PLX_RETURN_IF_ERROR(period_of.status());
    }
    std::string group = by_outlet && outlet != ArticleColumns::kNull ? columns.outlets()[outlet] : std::string();
    rows[{p->second, std::move(group)}] += n;
  }
  std::vector<TimelineRow> out;
  out.reserve(rows.size());
  for (auto& [key, n] : rows) out.push_back({key.first, key.second, n});
  return out;
}

}  // namespace

Result<std::vector<TimelineRow>> Timeline(sqlite3* db, std::string_view query, std::string_view interval,
                                          std::string_view by, const Filters& f, ArticleColumns* columns) {
  if (interval.empty()) return Status::InvalidInput("unknown interval '' (day, week or month)");
  PLX_ASSIGN_OR_RETURN(std::string period, PeriodSql(interval));
  if (columns && ArticleColumns::Covers(f) && (by.empty() || by == "outlet")) {
    return ColumnTimeline(db, query, period, by == "outlet", f, *columns);
  }
  std::string group = "''";
  std::string join;
  if (by == "outlet") group = "coalesce(a.outlet,'')";
  else if (by == "country") group = "coalesce(a.country,'')";
  else if (by == "lang") group = "coalesce(a.lang,'')";
  else if (by == "tag") {
    group = "t.value";
    join = ", json_each(a.tags) t";
  } else if (!by.empty()) {
    return Status::InvalidInput(fmt::format("unknown grouping '{}' (outlet, country, lang or tag)", by));
  }
  PLX_ASSIGN_OR_RETURN(Source src, BuildSource(query, f));
  std::string where = src.where.sql.empty() ? " WHERE a.day IS NOT NULL" : src.where.sql + " AND a.day IS NOT NULL";
  std::string from = src.from;
  if (src.index_only && (by.empty() || by == "outlet")) {
    // Reading the article row of each match costs a random read; for a word in more than an
    // eighth of the articles, scanning the (outlet, day) index, which holds all this needs, and
    // keeping the matches is cheaper (a million articles, a word in 58% of them: 3.2 s -> 0.85
    // s). FTS5 gives SQLite no estimate of the matches, so we count them first.
    PLX_ASSIGN_OR_RETURN(int64_t matches, Count(db, query, f));
    Stmt last(db, "SELECT coalesce(max(rowid), 0) FROM articles");
    int64_t articles = last.Step() ? last.Int(0) : 0;
    if (matches * 8 > articles) {
      from = " FROM articles a INDEXED BY articles_outlet_day";
      where = " WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND a.day IS NOT NULL";
    }
  }
  Stmt st(db, fmt::format("SELECT {} AS p, {} AS g, count(*){}{}{} GROUP BY p, g ORDER BY p, g", period, group,
                          from, join, where));
  BindAll(st, src.params);
  std::vector<TimelineRow> rows;
  while (st.Step()) rows.push_back({st.Text(0), st.Text(1), st.Int(2)});
  if (!st.status().ok()) return QueryError(st.status());
  return rows;
}

Result<std::vector<QuoteRow>> ListQuotes(sqlite3* db, const Filters& f, const QuoteQuery& q, int64_t limit, int64_t offset) {
  PLX_ASSIGN_OR_RETURN(Where w, BuildWhere(f));
  std::vector<std::string> params = w.params;
  std::string where = w.sql.empty() ? " WHERE q.kind <> 'term'" : w.sql + " AND q.kind <> 'term'";
  if (!q.speaker_entity.empty()) {
    where += " AND q.speaker_entity = ?";
    params.push_back(q.speaker_entity);
  }
  if (q.match.find_first_not_of(" \t") != std::string::npos) {
    PLX_ASSIGN_OR_RETURN(std::string fts, ToFtsQuery(q.match));
    where += " AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)";
    params.push_back(fts);
  }
  if (!q.article.empty()) {
    where += " AND a.id = ?";
    params.push_back(q.article);
  }
  if (q.headlines) where += " AND q.in_title = 1";
  if (!q.target.empty()) {
    where += " AND EXISTS (SELECT 1 FROM quote_stance s WHERE s.quote = q.id AND s.target = ?";
    params.push_back(q.target);
    if (q.polarity >= -1 && q.polarity <= 1) {
      where += " AND s.polarity = ?";
      params.push_back(std::to_string(q.polarity));
    }
    where += ")";
  }
  Stmt st(db, std::string("SELECT ") + kQuoteColumns + " FROM quotes q JOIN articles a ON a.rowid = q.article" + where +
                  " ORDER BY a.day DESC, a.rowid, q.in_title DESC, q.start LIMIT ? OFFSET ?");
  BindAll(st, params);
  st.Bind(static_cast<int>(params.size()) + 1, limit);
  st.Bind(static_cast<int>(params.size()) + 2, offset);
  std::vector<QuoteRow> out;
  while (st.Step()) out.push_back(ReadQuote(st, 0));
  if (!st.status().ok()) return QueryError(st.status());
  PLX_RETURN_IF_ERROR(AttachStance(db, out));
  return out;
}

Result<std::vector<MentionRow>> ArticleMentions(sqlite3* db, std::string_view article_id) {
  Stmt st(db, "SELECT m.entity, coalesce(e.name, m.entity), coalesce(e.type, ''), m.via, m.start, m.end, m.in_title "
              "FROM mentions m JOIN articles a ON a.rowid = m.article LEFT JOIN entities e ON e.id = m.entity "
              "WHERE a.id = ? ORDER BY m.in_title DESC, m.start");
  st.Bind(1, article_id);
  std::vector<MentionRow> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Int(4), st.Int(5), st.Int(6) != 0});
  if (!st.status().ok()) return st.status();
  return out;
}

Result<std::vector<OutletInfo>> ListOutlets(sqlite3* db) {
  Stmt st(db, "SELECT name, coalesce(country,''), coalesce(lang,''), tags FROM outlets ORDER BY name");
  std::vector<OutletInfo> out;
  while (st.Step()) {
    OutletInfo o{st.Text(0), st.Text(1), st.Text(2), {}};
    nlohmann::json tags = nlohmann::json::parse(st.Text(3), nullptr, false);
    if (tags.is_array()) {
      for (const auto& t : tags) {
        if (t.is_string()) o.tags.push_back(t.get<std::string>());
      }
    }
    out.push_back(std::move(o));
  }
  if (!st.status().ok()) return st.status();
  return out;
}

Result<std::vector<Speaker>> TopSpeakers(sqlite3* db, const Filters& f, int64_t limit) {
  PLX_ASSIGN_OR_RETURN(Where w, BuildWhere(f));
  std::string where = (w.sql.empty() ? " WHERE " : w.sql + " AND ") + "q.kind <> 'term' AND q.speaker_entity IS NOT NULL";
  Stmt st(db, "SELECT q.speaker_entity, min(q.speaker), count(*) AS n, count(DISTINCT a.outlet) "
              "FROM quotes q JOIN articles a ON a.rowid = q.article" + where +
              " GROUP BY q.speaker_entity ORDER BY n DESC, 2 LIMIT ?");
  BindAll(st, w.params);
  st.Bind(static_cast<int>(w.params.size()) + 1, limit);
  std::vector<Speaker> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Int(2), st.Int(3)});
  if (!st.status().ok()) return QueryError(st.status());
  return out;
}

Result<EntityCounts> CountEntity(sqlite3* db, std::string_view entity_id) {
  EntityCounts c;
  {
    Stmt st(db, "SELECT count(*), count(DISTINCT article) FROM mentions WHERE entity = ?");
    st.Bind(1, entity_id);
    if (st.Step()) {
      c.mentions = st.Int(0);
      c.articles = st.Int(1);
    }
    PLX_RETURN_IF_ERROR(st.status());
  }
  for (auto [expr, list] : {std::pair{"coalesce(a.outlet,'')", &c.by_outlet}, {"substr(coalesce(a.day,''),1,7)", &c.by_month}}) {
    Stmt st(db, fmt::format("SELECT {} AS v, count(*) FROM mentions m JOIN articles a ON a.rowid = m.article "
                            "WHERE m.entity = ? GROUP BY v ORDER BY {}", expr,
                            list == &c.by_month ? "v" : "count(*) DESC, v"));
    st.Bind(1, entity_id);
    while (st.Step()) list->push_back({st.Text(0), st.Int(1)});
    PLX_RETURN_IF_ERROR(st.status());
  }
  return c;
}

Result<std::string> StoredEntityId(sqlite3* db, std::string_view name) {
  // An exact (folded) name wins; otherwise the one entity whose name has `name` as a word
  // ("Krasniqi" for "Arben Krasniqi"), the most mentioned when several do.
  std::string want = text::FoldForMatch(name);
  Stmt st(db, "SELECT e.id, e.name FROM entities e LEFT JOIN mentions m ON m.entity = e.id "
              "GROUP BY e.id ORDER BY count(m.entity) DESC");
  std::string partial;
  while (st.Step()) {
    std::string folded = text::FoldForMatch(st.Text(1));
    if (folded == want) return st.Text(0);
    if (partial.empty()) {
      size_t at = folded.find(want);
      bool word = at != std::string::npos && (at == 0 || folded[at - 1] == ' ') &&
                  (at + want.size() == folded.size() || folded[at + want.size()] == ' ');
      if (word) partial = st.Text(0);
    }
  }
  PLX_RETURN_IF_ERROR(st.status());
  return partial;
}

}  // namespace parallax::query
