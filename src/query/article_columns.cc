#include "query/article_columns.h"

#include <map>

#include <sqlite3.h>

#include "query/sql_parts.h"
#include "store/sqlite.h"

namespace parallax::query {

using store::Stmt;

namespace {

// ASCII case folding, as SQLite's NOCASE.
bool EqualNoCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

bool ArticleColumns::Covers(const Filters& f) {
  return f.country.empty() && f.lang.empty() && f.tag.empty() && !f.unique && f.entity.empty();
}

Status ArticleColumns::ForEachMatch(sqlite3* db, std::string_view query, const Filters& f, bool require_day,
                                    const std::function<void(int64_t rowid, uint32_t day, uint32_t outlet)>& fn) {
  PLX_RETURN_IF_ERROR(Sync(db));
  std::string from, to;
  if (!f.from.empty()) {
    PLX_ASSIGN_OR_RETURN(from, internal::FilterDay(f.from, "--from"));
  }
  if (!f.to.empty()) {
    PLX_ASSIGN_OR_RETURN(to, internal::FilterDay(f.to, "--to"));
  }
  require_day |= !from.empty() || !to.empty();
  std::vector<char> day_in(days_.size()), outlet_in(outlets_.size(), f.outlets.empty());
  for (size_t d = 0; d < day_in.size(); ++d) {
    day_in[d] = (from.empty() || days_[d] >= from) && (to.empty() || days_[d] <= to);
  }
  for (size_t o = 0; o < outlet_in.size(); ++o) {
    for (const std::string& want : f.outlets) outlet_in[o] |= EqualNoCase(outlets_[o], want);
  }
  auto visit = [&](int64_t rowid) {
    uint32_t d = day(rowid), o = outlet(rowid);
    if (d == kNull ? require_day : !day_in[d]) return;
    if (!f.outlets.empty() && (o == kNull || !outlet_in[o])) return;
    fn(rowid, d, o);
  };
  if (query.find_first_not_of(" \t") == std::string_view::npos) {
    for (int64_t rowid = 0; rowid < end(); ++rowid) visit(rowid);
    return Status::Ok();
  }
  PLX_ASSIGN_OR_RETURN(std::string fts, ToFtsQuery(query));
  Stmt st(db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?");
  st.Bind(1, fts);
  while (st.Step()) visit(st.Int(0));
  return st.status().ok() ? Status::Ok() : internal::QueryError(st.status());
}

Result<ArticleColumns::State> ArticleColumns::Now(sqlite3* db) {
  Stmt version(db, "PRAGMA data_version");
  State s{version.Step() ? version.Int(0) : -1, sqlite3_total_changes64(db)};
  PLX_RETURN_IF_ERROR(version.status());
  return s;
}

Result<const store::DocSizes*> ArticleColumns::Sizes(sqlite3* db) {
  PLX_ASSIGN_OR_RETURN(State now, Now(db));
  if (now == sizes_state_) return &sizes_;
  sizes_state_ = State();  // until the read below completes
  Stmt last(db, "SELECT coalesce(max(rowid), 0) FROM articles");
  int64_t end = last.Step() ? last.Int(0) + 1 : 1;
  PLX_RETURN_IF_ERROR(last.status());
  PLX_RETURN_IF_ERROR(store::ReadDocSizes(db, "articles_fts", end, sizes_));
  sizes_state_ = now;
  return &sizes_;
}

Status ArticleColumns::Sync(sqlite3* db) {
  PLX_ASSIGN_OR_RETURN(State now, Now(db));
  if (now == state_) return Status::Ok();
  state_ = State();  // until the read below completes

  Stmt last(db, "SELECT coalesce(max(rowid), 0) FROM articles");
  int64_t end = last.Step() ? last.Int(0) + 1 : 1;
  PLX_RETURN_IF_ERROR(last.status());
  day_.assign(static_cast<size_t>(end), kNull);
  outlet_.assign(static_cast<size_t>(end), kNull);
  days_.clear();
  outlets_.clear();
  // The index keeps rows in (outlet, day) order, so a code changes only when the value does.
  Stmt st(db, "SELECT rowid, outlet, day FROM articles INDEXED BY articles_outlet_day");
  std::map<std::string, uint32_t, std::less<>> day_codes;
  uint32_t outlet = kNull, day = kNull;
  std::string last_day;
  while (st.Step()) {
    int64_t rowid = st.Int(0);
    if (rowid < 0 || rowid >= end) continue;  // written after max(rowid) was read; the next Sync reads it
    if (st.IsNull(1)) {
      outlet = kNull;
    } else if (outlet == kNull || st.View(1) != outlets_[outlet]) {
      outlet = static_cast<uint32_t>(outlets_.size());
      outlets_.emplace_back(st.View(1));
    }
    if (st.IsNull(2)) {
      day = kNull;
    } else if (day == kNull || st.View(2) != last_day) {
      last_day = st.View(2);
      auto it = day_codes.find(last_day);
      if (it == day_codes.end()) {
        it = day_codes.emplace(last_day, static_cast<uint32_t>(days_.size())).first;
        days_.push_back(last_day);
      }
      day = it->second;
    }
    outlet_[static_cast<size_t>(rowid)] = outlet;
    day_[static_cast<size_t>(rowid)] = day;
  }
  PLX_RETURN_IF_ERROR(st.status());
  state_ = now;
  return Status::Ok();
}

}  // namespace parallax::query
