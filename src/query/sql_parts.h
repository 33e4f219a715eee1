// Internal to the query library: the SQL that every query shares (filters on the articles
// table `a`, the optional full-text source, binding and error mapping).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "query/search.h"
#include "store/sqlite.h"

namespace parallax::query::internal {

// WHERE conditions (on table alias `a`) and their parameters.
struct Where {
  std::string sql;  // "" or " WHERE ..."
  std::vector<std::string> params;
};
Result<Where> BuildWhere(const Filters& f);

// FROM clause and bindings for a query (or all articles when it is empty).
struct Source {
  std::string from;
  Where where;
  std::vector<std::string> params;  // query first, then filters
  bool index_only = false;  // a search without filters: where.sql names articles_fts alone
};
Result<Source> BuildSource(std::string_view query, const Filters& f);

// The period of an article's day: "" (none), day, week (its Monday) or month (YYYY-MM).
Result<std::string> PeriodSql(std::string_view interval);
// A --from or --to filter as YYYY-MM-DD; `what` names the flag in the error.
Result<std::string> FilterDay(const std::string& s, const char* what);

void BindAll(store::Stmt& st, const std::vector<std::string>& params, int first = 1);

// The columns of a quotation row (from `quotes q JOIN articles a`), read back by ReadQuote
// starting at column `first`.
extern const char* const kQuoteColumns;
// The quoted words of `quotes q JOIN articles a`, cut from their field.
extern const char* const kQuoteWords;
QuoteRow ReadQuote(const store::Stmt& st, int first);

// Fills each row's stance (one query for all of them).
Status AttachStance(sqlite3* db, std::vector<QuoteRow>& rows);

// SQLite's complaint about a MATCH expression becomes a usage error ("bad query").
Status QueryError(const Status& s);

}  // namespace parallax::query::internal
