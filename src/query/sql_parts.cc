#include "query/sql_parts.h"

#include <fmt/format.h>

#include "base/date.h"

namespace parallax::query::internal {

using store::Stmt;

Result<std::string> FilterDay(const std::string& s, const char* what) {
  Result<Date> d = ParseDate(s);
  if (!d.ok()) return Status::InvalidInput(fmt::format("{}: {}", what, d.status().message()));
  return d->Day();
}

Result<Where> BuildWhere(const Filters& f) {
  Where w;
  auto add = [&w](std::string cond) {
    w.sql += w.sql.empty() ? " WHERE " : " AND ";
    w.sql += cond;
  };
  if (!f.from.empty()) {
    PLX_ASSIGN_OR_RETURN(std::string d, FilterDay(f.from, "--from"));
    add("a.day >= ?");
    w.params.push_back(d);
  }
  if (!f.to.empty()) {
    PLX_ASSIGN_OR_RETURN(std::string d, FilterDay(f.to, "--to"));
    add("a.day <= ?");
    w.params.push_back(d);
  }
  if (!f.outlets.empty()) {
    std::string in;
    for (const std::string& o : f.outlets) {
      in += in.empty() ? "?" : ",?";
      w.params.push_back(o);
    }
    add("a.outlet COLLATE NOCASE IN (" + in + ")");
  }
  if (!f.country.empty()) {
    add("a.country = ? COLLATE NOCASE");
    w.params.push_back(f.country);
  }
  if (!f.lang.empty()) {
    // "sr" matches sr articles; tags like "sr-Cyrl" match the script too.
    size_t dash = f.lang.find('-');
    add(dash == std::string::npos ? "a.lang = ?" : "(a.lang = ? AND a.script = ?)");
    w.params.push_back(f.lang.substr(0, dash));
    if (dash != std::string::npos) w.params.push_back(f.lang.substr(dash + 1));
  }
  if (!f.tag.empty()) {
    add("EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = ?)");
    w.params.push_back(f.tag);
  }
  if (f.unique) add("a.duplicate_of IS NULL");
  if (!f.entity.empty()) {
    add("EXISTS (SELECT 1 FROM mentions m WHERE m.article = a.rowid AND m.entity = ?)");
    w.params.push_back(f.entity);
  }
  return w;
}

Result<Source> BuildSource(std::string_view query, const Filters& f) {
  Source s;
  PLX_ASSIGN_OR_RETURN(s.where, BuildWhere(f));
  bool has_query = query.find_first_not_of(" \t") != std::string_view::npos;
  if (has_query) {
    PLX_ASSIGN_OR_RETURN(std::string fts, ToFtsQuery(query));
    s.from = " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid";
    s.index_only = s.where.sql.empty();
    s.where.sql = " WHERE articles_fts MATCH ?" + (s.where.sql.empty() ? "" : " AND " + s.where.sql.substr(7));
    s.params.push_back(fts);
  } else {
    s.from = " FROM articles a";
  }
  for (const std::string& p : s.where.params) s.params.push_back(p);
  return s;
}

void BindAll(Stmt& st, const std::vector<std::string>& params, int first) {
  for (size_t i = 0; i < params.size(); ++i) st.Bind(first + static_cast<int>(i), params[i]);
}

Status QueryError(const Status& s) {
  if (s.message().find("fts5") != std::string::npos || s.message().find("MATCH") != std::string::npos) {
    return Status::InvalidInput(fmt::format("bad query: {}", s.message()));
  }
  return s;
}

// Offsets are bytes: the quoted words are cut from their field (the text, or the title) as a blob.
#define PLX_QUOTE_WORDS \
  "CAST(substr(CAST(CASE WHEN q.in_title THEN coalesce(a.title,'') ELSE a.text END AS BLOB), q.start + 1, " \
  "q.end - q.start) AS TEXT)"
const char* const kQuoteWords = PLX_QUOTE_WORDS;
const char* const kQuoteColumns =
    "a.id, coalesce(a.day,''), coalesce(a.outlet,''), coalesce(a.lang,''), " PLX_QUOTE_WORDS ", q.kind, "
    "coalesce(q.speaker,''), coalesce(q.speaker_entity,''), coalesce(q.speaker_type,''), coalesce(q.cue,''), "
    "coalesce(a.url,''), coalesce(a.title,''), q.start, q.end, q.confidence, q.id, coalesce(a.title_en,''), q.in_title";
#undef PLX_QUOTE_WORDS

QuoteRow ReadQuote(const Stmt& st, int first) {
  QuoteRow r;
  r.article = st.Text(first + 0);
  r.day = st.Text(first + 1);
  r.outlet = st.Text(first + 2);
  r.lang = st.Text(first + 3);
  r.text = st.Text(first + 4);
  r.kind = st.Text(first + 5);
  r.speaker = st.Text(first + 6);
  r.speaker_entity = st.Text(first + 7);
  r.speaker_type = st.Text(first + 8);
  r.cue = st.Text(first + 9);
  r.url = st.Text(first + 10);
  r.title = st.Text(first + 11);
  r.start = st.Int(first + 12);
  r.end = st.Int(first + 13);
  r.confidence = st.Real(first + 14);
  r.id = st.Int(first + 15);
  r.title_en = st.Text(first + 16);
  r.in_title = st.Int(first + 17) != 0;
  return r;
}

Result<std::string> PeriodSql(std::string_view interval) {
  if (interval.empty()) return std::string("''");
  if (interval == "day") return std::string("a.day");
  if (interval == "week") return std::string("date(a.day, '-' || ((strftime('%w', a.day) + 6) % 7) || ' days')");
  if (interval == "month") return std::string("substr(a.day, 1, 7)");
  return Status::InvalidInput(fmt::format("unknown interval '{}' (day, week or month)", interval));
}

}  // namespace parallax::query::internal
