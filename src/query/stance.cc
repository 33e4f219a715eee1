#include "query/stance.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "query/sql_parts.h"

namespace parallax::query {

using namespace internal;
using store::Stmt;

namespace internal {

Status AttachStance(sqlite3* db, std::vector<QuoteRow>& rows) {
  if (rows.empty()) return Status::Ok();
  std::map<int64_t, size_t> index;
  std::string ids;
  for (size_t i = 0; i < rows.size(); ++i) {
    index[rows[i].id] = i;
    if (!ids.empty()) ids += ',';
    ids += std::to_string(rows[i].id);
  }
  // Ids are integers we read from the store, never user text.
  Stmt st(db, "SELECT s.quote, s.target, coalesce(e.name, s.target), s.polarity, s.confidence, "
              "coalesce(s.evidence_start, -1), coalesce(s.evidence_end, -1) FROM quote_stance s "
              "LEFT JOIN entities e ON e.id = s.target WHERE s.quote IN (" + ids + ") ORDER BY s.quote, s.rowid");
  while (st.Step()) {
    auto it = index.find(st.Int(0));
    if (it == index.end()) continue;
    rows[it->second].stance.push_back({st.Text(1), st.Text(2), static_cast<int>(st.Int(3)), st.Real(4), st.Int(5), st.Int(6)});
  }
  return st.status();
}

}  // namespace internal

namespace {

// The holder column and any join it needs.
Result<std::pair<std::string, std::string>> HolderSql(std::string_view by) {
  if (by == "speaker") return std::pair<std::string, std::string>{"q.speaker_entity", ""};
  if (by == "outlet") return std::pair<std::string, std::string>{"coalesce(a.outlet,'')", ""};
  if (by == "country") return std::pair<std::string, std::string>{"coalesce(a.country,'')", ""};
  if (by == "lang") {
    return std::pair<std::string, std::string>{
        "coalesce(a.lang,'') || CASE WHEN a.lang IN ('sr','zh') THEN '-' || coalesce(a.script,'') ELSE '' END", ""};
  }
  if (by == "tag") return std::pair<std::string, std::string>{"t.value", " JOIN json_each(a.tags) t"};
  return Status::InvalidInput(fmt::format("unknown --by '{}' (speaker, outlet, country, tag or lang)", by));
}

std::string And(const Where& w) { return w.sql.empty() ? " WHERE " : w.sql + " AND "; }

// The filters on stance rows (alias s) of quotations with a known speaker (q, on articles a),
// toward `target` when given.
Result<Where> StanceWhere(const Filters& f, std::string_view target) {
  PLX_ASSIGN_OR_RETURN(Where w, BuildWhere(f));
  w.sql = And(w) + "q.kind <> 'term' AND q.speaker_entity IS NOT NULL";
  if (!target.empty()) {
    w.sql += " AND s.target = ?";
    w.params.emplace_back(target);
  }
  return w;
}

}  // namespace

Result<std::vector<StanceCell>> StanceTable(sqlite3* db, const Filters& f, const StanceQuery& q) {
  PLX_ASSIGN_OR_RETURN(Where w, StanceWhere(f, q.target));
  PLX_ASSIGN_OR_RETURN(auto holder, HolderSql(q.by));
  PLX_ASSIGN_OR_RETURN(std::string period, PeriodSql(q.interval));
  std::string where = w.sql;
  std::vector<std::string> params = w.params;
  if (!q.speaker.empty()) {
    where += " AND q.speaker_entity = ?";
    params.push_back(q.speaker);
  }
  std::string holder_name = q.by == "speaker" ? "coalesce(q.speaker,'')" : holder.first;
  // The article row is read only when a filter, the holder or the period needs it: at a
  // million articles a random row read per stance row cost seconds. The strongest quotations'
  // words and articles are read afterwards, for the chosen ones only.
  PLX_ASSIGN_OR_RETURN(Where filters, BuildWhere(f));
  bool articles = !filters.sql.empty() || q.by != "speaker" || !q.interval.empty();
  Stmt st(db, fmt::format("SELECT {}, {}, s.target, coalesce(e.name, s.target), {}, s.polarity, s.confidence, q.id "
                          "FROM quote_stance s JOIN quotes q ON q.id = s.quote{}"
                          "{} LEFT JOIN entities e ON e.id = s.target{}",
                          holder.first, holder_name, period, articles ? " JOIN articles a ON a.rowid = q.article" : "",
                          holder.second, where));
  BindAll(st, params);
  using Key = std::tuple<std::string, std::string, std::string>;  // holder, target, period
  struct Acc {
    StanceCell cell;
    // The most confident quotation on each side (critical, neutral, favourable); among equals
    // the first stored.
    double confidence[3] = {-1, -1, -1};
    int64_t quote[3] = {0, 0, 0};
  };
  std::map<Key, Acc> cells;
  while (st.Step()) {
    Acc& acc = cells[Key{st.Text(0), st.Text(2), st.Text(4)}];
    StanceCell& c = acc.cell;
    if (c.target.empty()) {
      c.holder = st.Text(0);
      c.holder_name = st.Text(1);
      c.target = st.Text(2);
      c.target_name = st.Text(3);
      c.period = st.Text(4);
    }
    int polarity = std::clamp(static_cast<int>(st.Int(5)), -1, 1);
    double confidence = st.Real(6);
    int64_t id = st.Int(7);
    (polarity > 0 ? c.favourable : polarity < 0 ? c.critical : c.neutral) += 1;
    int k = polarity + 1;
    if (confidence > acc.confidence[k] || (confidence == acc.confidence[k] && id < acc.quote[k])) {
      acc.confidence[k] = confidence;
      acc.quote[k] = id;
    }
  }
  if (!st.status().ok()) return QueryError(st.status());
  std::vector<StanceCell> out;
  out.reserve(cells.size());
  for (auto& [key, acc] : cells) {
    StanceCell& c = acc.cell;
    int64_t n = c.favourable + c.neutral + c.critical;
    c.net = n ? static_cast<double>(c.favourable - c.critical) / static_cast<double>(n) : 0;
    int side = c.favourable > c.critical ? 2 : c.critical > c.favourable ? 0
               : acc.confidence[0] >= 0 || acc.confidence[2] >= 0 ? (acc.confidence[2] > acc.confidence[0] ? 2 : 0) : 1;
    c.strongest.id = acc.quote[side];
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const StanceCell& a, const StanceCell& b) {
    int64_t na = a.favourable + a.neutral + a.critical, nb = b.favourable + b.neutral + b.critical;
    return std::tie(nb, a.holder_name, a.target_name, a.period) < std::tie(na, b.holder_name, b.target_name, b.period);
  });
  std::vector<QuoteRow> strongest;
  Stmt quote(db, fmt::format("SELECT {} FROM quotes q JOIN articles a ON a.rowid = q.article WHERE q.id = ?", kQuoteColumns));
  for (const StanceCell& c : out) {
    strongest.emplace_back();
    if (c.strongest.id == 0) continue;
    quote.Reset();
    quote.Bind(1, c.strongest.id);
    if (quote.Step()) strongest.back() = ReadQuote(quote, 0);
    if (!quote.status().ok()) return QueryError(quote.status());
  }
  PLX_RETURN_IF_ERROR(AttachStance(db, strongest));
  for (size_t i = 0; i < out.size(); ++i) out[i].strongest = std::move(strongest[i]);
  return out;
}

Result<std::vector<Voice>> Voices(sqlite3* db, std::string_view query, const Filters& f, std::string_view target,
                                  int64_t limit, int examples) {
  PLX_ASSIGN_OR_RETURN(Source src, BuildSource(query, f));
  std::string where = And(src.where) + "q.kind <> 'term' AND q.speaker_entity IS NOT NULL";
  std::vector<std::string> params = src.params;
  if (!target.empty()) {
    where += " AND EXISTS (SELECT 1 FROM quote_stance s WHERE s.quote = q.id AND s.target = ?)";
    params.emplace_back(target);
  }
  // Every quotation of the topic, in store order; GroupVoices does the rest.
  Stmt st(db, fmt::format("SELECT {}{} JOIN quotes q ON q.article = a.rowid{} ORDER BY a.rowid, q.start", kQuoteColumns,
                          src.from, where));
  BindAll(st, params);
  std::vector<QuoteRow> rows;
  while (st.Step()) rows.push_back(ReadQuote(st, 0));
  if (!st.status().ok()) return QueryError(st.status());
  return GroupVoices(std::move(rows), limit, examples, [&](std::vector<QuoteRow>& qs) { return AttachStance(db, qs); });
}

Result<std::vector<Voice>> GroupVoices(std::vector<QuoteRow> rows, int64_t limit, int examples,
                                       const std::function<Status(std::vector<QuoteRow>&)>& attach_stance) {
  // Grouped by speaker: a speaker's outlets, dates, stance and examples all come from the same
  // rows.
  std::map<std::string, Voice> voices;
  std::map<std::string, std::vector<QuoteRow>> quotes;
  std::map<std::string, std::map<std::string, int64_t>> outlet_counts;
  for (QuoteRow& r : rows) {
    Voice& v = voices[r.speaker_entity];
    if (v.entity.empty()) {
      v.entity = r.speaker_entity;
      v.name = r.speaker;
      v.type = r.speaker_type;
    }
    ++v.quotes;
    if (!r.day.empty() && (v.first_day.empty() || r.day < v.first_day)) v.first_day = r.day;
    if (r.day > v.last_day) v.last_day = r.day;
    ++outlet_counts[v.entity][r.outlet];
    quotes[v.entity].push_back(std::move(r));
  }
  std::vector<Voice> out;
  for (auto& [id, v] : voices) out.push_back(std::move(v));
  std::sort(out.begin(), out.end(), [](const Voice& a, const Voice& b) {
    return std::tie(b.quotes, a.name) < std::tie(a.quotes, b.name);
  });
  if (limit >= 0 && out.size() > static_cast<size_t>(limit)) out.resize(static_cast<size_t>(limit));
  for (Voice& v : out) {
    std::vector<std::pair<int64_t, std::string>> outlets;
    for (const auto& [o, n] : outlet_counts[v.entity]) outlets.emplace_back(-n, o);
    std::sort(outlets.begin(), outlets.end());
    for (const auto& [n, o] : outlets) v.outlets.push_back(o);
    std::vector<QuoteRow>& qs = quotes[v.entity];
    PLX_RETURN_IF_ERROR(attach_stance(qs));
    std::map<std::string, TargetCounts> by_target;
    for (const QuoteRow& q : qs) {
      for (const StanceEntry& s : q.stance) {
        TargetCounts& t = by_target[s.target];
        t.target = s.target;
        t.name = s.name;
        (s.polarity > 0 ? t.favourable : s.polarity < 0 ? t.critical : t.neutral) += 1;
      }
    }
    for (auto& [id, t] : by_target) v.stance.push_back(std::move(t));
    std::sort(v.stance.begin(), v.stance.end(), [](const TargetCounts& a, const TargetCounts& b) {
      int64_t na = a.favourable + a.neutral + a.critical, nb = b.favourable + b.neutral + b.critical;
      return std::tie(nb, a.name) < std::tie(na, b.name);
    });
    // Representative quotations: quoted words (direct, block) before reported speech, the
    // speaker surely identified, a full thought (at least 40 bytes), taking a side, and each
    // from a different outlet while others remain.
    auto score = [](const QuoteRow& q) {
      double s = q.confidence;
      if (q.kind == "direct" || q.kind == "block") s += 1;
      if (q.text.size() >= 40) s += 0.5;
      if (q.text.size() > 400) s -= 0.5;
      for (const StanceEntry& e : q.stance) {
        if (e.polarity != 0) {
          s += 0.5;
          break;
        }
      }
      return s;
    };
    std::stable_sort(qs.begin(), qs.end(), [&](const QuoteRow& a, const QuoteRow& b) { return score(a) > score(b); });
    // The same words twice (a wire copy in two outlets) are one example.
    std::set<std::string> used_outlets, used_texts;
    std::vector<bool> taken(qs.size(), false);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < qs.size() && v.examples.size() < static_cast<size_t>(examples); ++i) {
        if (taken[i] || used_texts.count(qs[i].text) || (pass == 0 && used_outlets.count(qs[i].outlet))) continue;
        taken[i] = true;
        used_outlets.insert(qs[i].outlet);
        used_texts.insert(qs[i].text);
        v.examples.push_back(qs[i]);
      }
    }
  }
  return out;
}

Result<std::vector<Edge>> ActorTargetEdges(sqlite3* db, const Filters& f, std::string_view target) {
  PLX_ASSIGN_OR_RETURN(Where w, StanceWhere(f, target));
  Stmt st(db, "SELECT q.speaker_entity, min(coalesce(q.speaker,'')), min(coalesce(q.speaker_type,'')), s.target, "
              "coalesce(min(e.name), s.target), coalesce(min(e.type), ''), count(*), sum(s.polarity > 0), "
              "sum(s.polarity = 0), sum(s.polarity < 0) "
              "FROM quote_stance s JOIN quotes q ON q.id = s.quote JOIN articles a ON a.rowid = q.article "
              "LEFT JOIN entities e ON e.id = s.target" + w.sql +
              " GROUP BY q.speaker_entity, s.target ORDER BY 7 DESC, 1, 4");
  BindAll(st, w.params);
  std::vector<Edge> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Int(6), st.Int(7),
                   st.Int(8), st.Int(9)});
  }
  if (!st.status().ok()) return QueryError(st.status());
  return out;
}

Result<std::vector<Edge>> CoMentionEdges(sqlite3* db, const Filters& f, int64_t top) {
  PLX_ASSIGN_OR_RETURN(Where w, BuildWhere(f));
  std::string filtered = "SELECT a.rowid FROM articles a" + w.sql;
  // The `top` most mentioned entities (by articles) among the filtered articles, then pairs.
  std::string sql = fmt::format(
      "WITH arts AS ({0}), "
      "top AS (SELECT m.entity FROM mentions m JOIN entities e ON e.id = m.entity "
      "        WHERE m.article IN (SELECT rowid FROM arts) AND e.type IN ('person','org','place','topic','role') "
      "        GROUP BY m.entity ORDER BY count(DISTINCT m.article) DESC, m.entity LIMIT ?), "
      "pairs AS (SELECT DISTINCT m.article, m.entity FROM mentions m "
      "          WHERE m.article IN (SELECT rowid FROM arts) AND m.entity IN (SELECT entity FROM top)) "
      "SELECT p1.entity, e1.name, e1.type, p2.entity, e2.name, e2.type, count(*) "
      "FROM pairs p1 JOIN pairs p2 ON p1.article = p2.article AND p1.entity < p2.entity "
      "JOIN entities e1 ON e1.id = p1.entity JOIN entities e2 ON e2.id = p2.entity "
      "GROUP BY p1.entity, p2.entity ORDER BY 7 DESC, 1, 4",
      filtered);
  Stmt st(db, sql);
  BindAll(st, w.params);
  st.Bind(static_cast<int>(w.params.size()) + 1, top);
  std::vector<Edge> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Int(6)});
  }
  if (!st.status().ok()) return QueryError(st.status());
  return out;
}

Result<std::vector<EntityCount>> TopEntities(sqlite3* db, std::string_view query, const Filters& f, int64_t limit) {
  PLX_ASSIGN_OR_RETURN(Source src, BuildSource(query, f));
  Stmt st(db, "SELECT m.entity, min(e.name), min(e.type), count(DISTINCT m.article) AS n FROM mentions m "
              "JOIN entities e ON e.id = m.entity WHERE e.type IN ('person','org','place','topic') "
              "AND (m.entity NOT LIKE '%/~%' OR e.type = 'person') AND m.article IN (SELECT a.rowid" + src.from + src.where.sql +
              ") GROUP BY m.entity ORDER BY n DESC, 1 LIMIT ?");
  BindAll(st, src.params);
  st.Bind(static_cast<int>(src.params.size()) + 1, limit);
  std::vector<EntityCount> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Int(3)});
  if (!st.status().ok()) return QueryError(st.status());
  return out;
}

Result<std::vector<Statement>> Statements(sqlite3* db, const Filters& f, std::string_view target) {
  PLX_ASSIGN_OR_RETURN(Where w, StanceWhere(f, target));
  Stmt st(db, "SELECT coalesce(q.speaker,''), q.speaker_entity, coalesce(e.name, s.target), s.target, coalesce(a.day,''), "
              "coalesce(a.outlet,''), coalesce(a.title,''), coalesce(a.url,''), "
              "CAST(substr(CAST(a.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT), s.polarity "
              "FROM quote_stance s JOIN quotes q ON q.id = s.quote JOIN articles a ON a.rowid = q.article "
              "LEFT JOIN entities e ON e.id = s.target" + w.sql + " ORDER BY a.day, a.rowid, q.start, s.rowid");
  BindAll(st, w.params);
  std::vector<Statement> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Text(6), st.Text(7),
                   st.Text(8), static_cast<int>(st.Int(9))});
  }
  if (!st.status().ok()) return QueryError(st.status());
  return out;
}

}  // namespace parallax::query
