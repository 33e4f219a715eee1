#include "query/clickhouse.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/tokenize.h"

namespace parallax::query {
namespace {

using json = nlohmann::json;

std::string Literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string Array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += Literal(items[i]);
  }
  return out + "]";
}

// The forms a query word matches, as the SQLite tokenizer gives them for queries.
std::vector<std::string> WordForms(std::string_view lower, bool unspaced) {
  thread_local std::vector<std::unique_ptr<text::Stemmer>> stemmers;
  if (stemmers.empty()) {
    for (const std::string& lang : text::Stemmer::StemmedLanguages()) {
      if (auto s = text::Stemmer::Create(lang)) stemmers.push_back(std::move(s));
    }
  }
  std::vector<std::string> forms;
  std::string term;
  text::MakeTerm(lower, nullptr, term);
  forms.push_back(term);
  if (unspaced) return forms;
  for (auto& s : stemmers) {
    text::MakeTerm(lower, s.get(), term);
    if (std::find(forms.begin(), forms.end(), term) == forms.end()) forms.push_back(term);
  }
  return forms;
}

// What a search runs on: the articles (key `id`, table `postings`) or the quotations (key
// `(article, in_title, start)`, table `quote_postings`); both have the column `folded`.
struct Index {
  std::string db;
  const char* key;       // the searched table's key
  const char* postings;  // the postings table
  const char* columns;   // its columns that hold the key
};
Index ArticleIndex(const std::string& db) { return {db, "id", "postings", "article"}; }
Index QuoteIndex(const std::string& db) {
  return {db, "(article, in_title, start)", "quote_postings", "article, in_title, quote_start"};
}

// One quoted item of the FTS5 query ToFtsQuery writes: a word or a phrase, maybe a prefix, as
// a condition on the searched table; words are looked up in its postings.
std::string ItemCondition(std::string_view item, bool prefix, const Index& ix) {
  std::vector<std::string> parts;
  bool spaced_words = false;
  int words = 0;
  text::ForEachWord(item, [&](std::string_view lower, ByteRange, bool unspaced) {
    ++words;
    spaced_words |= !unspaced;
    if (prefix) {
      std::string term;
      text::MakeTerm(lower, nullptr, term);
      parts.push_back(fmt::format("{} IN (SELECT {} FROM {}.{} WHERE startsWith(term, {}))", ix.key, ix.columns, ix.db,
                                  ix.postings, Literal(term)));
    } else {
      std::string forms = Array(WordForms(lower, unspaced));
      parts.push_back(fmt::format("{} IN (SELECT {} FROM {}.{} WHERE term IN ({}))", ix.key, ix.columns, ix.db, ix.postings,
                                  forms.substr(1, forms.size() - 2)));
    }
  });
  if (parts.empty()) return "0";
  if (words > 1 && spaced_words && !prefix) {
    parts.push_back(fmt::format("positionUTF8(folded, {}) > 0", Literal(text::FoldForMatch(item))));
  }
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += " AND ";
    out += p;
  }
  return parts.size() > 1 ? "(" + out + ")" : out;
}

// A recursive-descent reading of ToFtsQuery's output: OR < AND (also implicit) < NOT.
class Translator {
 public:
  Translator(std::string_view fts, Index ix) : s_(fts), ix_(std::move(ix)) {}
  Result<std::string> Run() {
    PLX_ASSIGN_OR_RETURN(std::string e, Or());
    Skip();
    if (i_ != s_.size()) return Status::InvalidInput("bad query");
    return e;
  }

 private:
  void Skip() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  bool Keyword(std::string_view k) {
    Skip();
    if (s_.substr(i_, k.size()) == k && (i_ + k.size() == s_.size() || s_[i_ + k.size()] == ' ' || s_[i_ + k.size()] == '(')) {
      i_ += k.size();
      return true;
    }
    return false;
  }
  Result<std::string> Or() {
    PLX_ASSIGN_OR_RETURN(std::string e, And());
    while (Keyword("OR")) {
      PLX_ASSIGN_OR_RETURN(std::string r, And());
      e = "(" + e + " OR " + r + ")";
    }
    return e;
  }
  Result<std::string> And() {
    PLX_ASSIGN_OR_RETURN(std::string e, Not());
    while (true) {
      Skip();
      if (i_ >= s_.size() || s_[i_] == ')') break;
      size_t save = i_;
      if (Keyword("OR")) {
        i_ = save;
        break;
      }
      (void)Keyword("AND");  // implicit otherwise
      PLX_ASSIGN_OR_RETURN(std::string r, Not());
      e = "(" + e + " AND " + r + ")";
    }
    return e;
  }
  Result<std::string> Not() {
    PLX_ASSIGN_OR_RETURN(std::string e, Primary());
    while (Keyword("NOT")) {
      PLX_ASSIGN_OR_RETURN(std::string r, Primary());
      e = "(" + e + " AND NOT " + r + ")";
    }
    return e;
  }
  Result<std::string> Primary() {
    Skip();
    if (i_ < s_.size() && s_[i_] == '(') {
      ++i_;
      PLX_ASSIGN_OR_RETURN(std::string e, Or());
      Skip();
      if (i_ >= s_.size() || s_[i_] != ')') return Status::InvalidInput("bad query: unbalanced '('");
      ++i_;
      return e;
    }
    if (i_ >= s_.size() || s_[i_] != '"') return Status::InvalidInput("bad query");
    std::string item;
    for (++i_; i_ < s_.size(); ++i_) {
      if (s_[i_] == '"') {
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {  // FTS5 doubles quotes inside strings
          item += '"';
          ++i_;
          continue;
        }
        break;
      }
      item += s_[i_];
    }
    ++i_;
    bool prefix = i_ < s_.size() && s_[i_] == '*';
    if (prefix) ++i_;
    return ItemCondition(item, prefix, ix_);
  }

  std::string_view s_;
  Index ix_;
  size_t i_ = 0;
};

Result<std::string> DayOf(const std::string& s, const char* what) {
  Result<Date> d = ParseDate(s);
  if (!d.ok()) return Status::InvalidInput(fmt::format("{}: {}", what, d.status().message()));
  return d->Day();
}

// The filters as conditions on the articles table (alias-free), ANDed after `first`.
Result<std::string> Conditions(std::string_view query, const Filters& f, const std::string& db) {
  std::vector<std::string> c;
  if (query.find_first_not_of(" \t") != std::string_view::npos) {
    PLX_ASSIGN_OR_RETURN(std::string m, ClickHouseMatch(query, db));
    c.push_back(m);
  }
  if (!f.from.empty()) {
    PLX_ASSIGN_OR_RETURN(std::string d, DayOf(f.from, "--from"));
    c.push_back("day >= toDate(" + Literal(d) + ")");
  }
  if (!f.to.empty()) {
    PLX_ASSIGN_OR_RETURN(std::string d, DayOf(f.to, "--to"));
    c.push_back("day <= toDate(" + Literal(d) + ")");
  }
  if (!f.outlets.empty()) {
    std::vector<std::string> lower;
    for (const std::string& o : f.outlets) lower.push_back(text::FoldForMatch(o));
    std::string list = Array(lower);
    c.push_back("lowerUTF8(outlet) IN (" + list.substr(1, list.size() - 2) + ")");
  }
  if (!f.country.empty()) c.push_back("upper(country) = upper(" + Literal(f.country) + ")");
  if (!f.lang.empty()) {
    size_t dash = f.lang.find('-');
    c.push_back("lang = " + Literal(f.lang.substr(0, dash)));
    if (dash != std::string::npos) c.push_back("script = " + Literal(f.lang.substr(dash + 1)));
  }
  if (!f.tag.empty()) c.push_back("has(tags, " + Literal(f.tag) + ")");
  if (f.unique) c.push_back("duplicate_of = ''");
  if (!f.entity.empty()) {
    c.push_back(fmt::format("id IN (SELECT article FROM {}.mentions WHERE entity = {})", db, Literal(f.entity)));
  }
  std::string out;
  for (const std::string& x : c) {
    if (!out.empty()) out += " AND ";
    out += x;
  }
  return out.empty() ? std::string("1") : out;
}

// The period of the Date column `day`, as PeriodSql gives it on SQLite.
Result<std::string> Period(std::string_view interval, std::string_view day = "day") {
  if (interval.empty()) return std::string("''");
  if (interval == "day") return fmt::format("toString({})", day);
  if (interval == "week") return fmt::format("toString(toMonday({}))", day);
  if (interval == "month") return fmt::format("substring(toString({}), 1, 7)", day);
  return Status::InvalidInput(fmt::format("unknown interval '{}' (day, week or month)", interval));
}


int64_t Int(const json& j) { return j.is_string() ? std::stoll(j.get<std::string>()) : j.get<int64_t>(); }

}  // namespace

Result<std::string> ClickHouseMatch(std::string_view user_query, const std::string& database) {
  PLX_ASSIGN_OR_RETURN(std::string fts, ToFtsQuery(user_query));
  return Translator(fts, ArticleIndex(database)).Run();
}

namespace {

// The quotation columns QuoteRows read back, from `quotes` joined with its article.
constexpr const char* kQuoteSelect =
    "article, toString(day) AS d, outlet, lang, text, kind, speaker, speaker_entity, speaker_type, cue, url, title, "
    "start, end, confidence, title_en, in_title";

// The non-term quotations of articles matching `query` and `f`, with `more` conditions on the
// quotations, one row each (a batch sent twice left copies until ClickHouse merges them),
// ordered by `order` (columns of both tables; `seq` is the article's store order). `articles`:
// a further condition on the articles table.
Result<std::vector<QuoteRow>> SelectQuotes(store::ClickHouseStore& ch, std::string_view query, const Filters& f,
                                           const std::string& more, const std::string& order, int64_t limit, int64_t offset,
                                           const std::string& articles = "") {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions(query, f, db));
  if (!articles.empty()) where += " AND " + articles;
  std::string sql = fmt::format(
      "SELECT {} FROM {}.quotes ANY INNER JOIN (SELECT id AS article, seq, url, title, title_en FROM {}.articles "
      "WHERE {}) USING article WHERE kind != 'term'{} ORDER BY {} LIMIT 1 BY article, in_title, start",
      kQuoteSelect, db, db, where, more, order);
  if (limit >= 0) sql += fmt::format(" LIMIT {}, {}", offset, limit);
  PLX_ASSIGN_OR_RETURN(std::string answer, ch.Query(sql + " FORMAT JSONEachRow"));
  std::vector<QuoteRow> out;
  for (const json& j : store::JsonEachRow(answer)) {
    QuoteRow r;
    r.article = j.value("article", "");
    r.day = j.value("d", "");
    if (r.day == "1970-01-01") r.day.clear();
    r.outlet = j.value("outlet", "");
    r.lang = j.value("lang", "");
    r.text = j.value("text", "");
    r.kind = j.value("kind", "");
    r.speaker = j.value("speaker", "");
    r.speaker_entity = j.value("speaker_entity", "");
    r.speaker_type = j.value("speaker_type", "");
    r.cue = j.value("cue", "");
    r.url = j.value("url", "");
    r.title = j.value("title", "");
    r.title_en = j.value("title_en", "");
    r.start = Int(j["start"]);
    r.end = Int(j["end"]);
    r.in_title = Int(j["in_title"]) != 0;
    r.confidence = j.value("confidence", 0.0);
    out.push_back(std::move(r));
  }
  return out;
}

// A quotation's place in the store: its article, its field, its start and its article's day.
struct QuoteAt {
  std::string article;
  bool in_title;
  int64_t start;
  std::string day;  // YYYY-MM-DD; empty when the article has none
};

// What names a quotation in the store: its article, field and start.
using QuoteKey = std::tuple<std::string, bool, int64_t>;
QuoteKey KeyOf(const QuoteRow& r) { return {r.article, r.in_title, r.start}; }
std::string KeyLiteral(const std::string& article, bool in_title, int64_t start) {
  return fmt::format("({}, {}, {})", Literal(article), in_title ? 1 : 0, start);
}

// The quotations at these places, in store order. Only their days and articles are read: the
// days narrow both tables by their primary keys (reading every article's citation for a few
// quotations took 0.4 s at 100,000 articles).
Result<std::vector<QuoteRow>> QuotesAt(store::ClickHouseStore& ch, const std::vector<QuoteAt>& at) {
  if (at.empty()) return std::vector<QuoteRow>();
  std::string keys, ids;
  std::set<std::string> day_set;
  for (const QuoteAt& q : at) {
    keys += (keys.empty() ? "" : ",") + KeyLiteral(q.article, q.in_title, q.start);
    ids += (ids.empty() ? "" : ",") + Literal(q.article);
    day_set.insert(q.day.empty() ? "1970-01-01" : q.day);
  }
  std::string days;
  for (const std::string& d : day_set) days += fmt::format("{}toDate({})", days.empty() ? "" : ",", Literal(d));
  return SelectQuotes(ch, "", {}, fmt::format(" AND day IN ({}) AND (article, in_title, start) IN ({})", days, keys),
                      "seq, in_title DESC, start", -1, 0,
                      fmt::format("day IN ({}) AND id IN ({})", days, ids));
}

// Fills each row's stance, in the order ingest stored it. The quotations are asked for 2,000
// at a time: a query's text is limited (256 KiB by default).
Status AttachClickHouseStance(store::ClickHouseStore& ch, std::vector<QuoteRow>& rows) {
  std::map<QuoteKey, size_t> index;
  for (size_t i = 0; i < rows.size(); ++i) index[KeyOf(rows[i])] = i;
  for (size_t first = 0; first < rows.size(); first += 2000) {
    std::string keys;
    for (size_t i = first; i < std::min(rows.size(), first + 2000); ++i) {
      if (!keys.empty()) keys += ',';
      keys += KeyLiteral(rows[i].article, rows[i].in_title, rows[i].start);
    }
    PLX_ASSIGN_OR_RETURN(
        std::string answer,
        ch.Query(fmt::format("SELECT article, in_title, quote_start, target, name, polarity, confidence, evidence_start, "
                             "evidence_end FROM {}.stances WHERE (article, in_title, quote_start) IN ({}) "
                             "ORDER BY article, in_title, quote_start, rank LIMIT 1 BY article, in_title, quote_start, rank "
                             "FORMAT JSONEachRow",
                             ch.database(), keys)));
    for (const json& j : store::JsonEachRow(answer)) {
      auto it = index.find({j.value("article", ""), Int(j["in_title"]) != 0, Int(j["quote_start"])});
      if (it == index.end()) continue;
      int64_t es = Int(j["evidence_start"]), ee = Int(j["evidence_end"]);
      if (es == ee) es = ee = -1;  // stored as 0, 0 when there is none
      rows[it->second].stance.push_back({j.value("target", ""), j.value("name", ""), static_cast<int>(Int(j["polarity"])),
                                         j.value("confidence", 0.0), es, ee});
    }
  }
  return Status::Ok();
}

// The condition on quotations with a stance toward `target` (and `polarity`, when -1, 0 or 1).
std::string StanceCondition(const std::string& db, const std::string& target, int polarity) {
  if (target.empty()) return "";
  std::string c = "target = " + Literal(target);
  if (polarity >= -1 && polarity <= 1) c += fmt::format(" AND polarity = {}", polarity);
  return fmt::format(" AND (article, in_title, start) IN (SELECT article, in_title, quote_start FROM {}.stances WHERE {})",
                     db, c);
}

}  // namespace

namespace {

// The words of a user query, as term forms (any stemmer) and prefixes; operators are skipped.
struct QueryWords {
  std::set<std::string> forms;
  std::vector<std::string> prefixes;
  bool Matches(const std::string& term) const {
    if (forms.count(term)) return true;
    for (const std::string& p : prefixes) {
      if (term.compare(0, p.size(), p) == 0) return true;
    }
    return false;
  }
};

QueryWords WordsOf(std::string_view query) {
  QueryWords w;
  text::ForEachWord(query, [&](std::string_view lower, ByteRange r, bool unspaced) {
    std::string_view raw = query.substr(r.begin, r.end - r.begin);
    if (raw == "AND" || raw == "OR" || raw == "NOT") return;
    if (r.end < query.size() && query[r.end] == '*') {
      std::string term;
      text::MakeTerm(lower, nullptr, term);
      w.prefixes.push_back(term);
      return;
    }
    for (std::string& f : WordForms(lower, unspaced)) w.forms.insert(std::move(f));
  });
  return w;
}

// About 24 words of `text` around the first word `words` matches (its start without a query),
// matches marked, cuts shown with '…', as FTS5's snippet() does for SQLite.
std::string Snippet(std::string_view text, const std::string& lang, const QueryWords& words, std::string_view open,
                    std::string_view close) {
  if (words.forms.empty() && words.prefixes.empty()) {
    // No query: the first 200 characters, as SQLite's substr() gives them.
    size_t i = 0;
    for (int n = 0; n < 200 && i < text.size(); ++n) text::DecodeUtf8(text, i);
    return std::string(text.substr(0, i));
  }
  std::unique_ptr<text::Stemmer> stemmer = text::Stemmer::Create(lang);
  struct Word {
    ByteRange r;
    bool match;
  };
  std::vector<Word> all;
  size_t first = SIZE_MAX;
  std::string term;
  text::ForEachWord(text, [&](std::string_view lower, ByteRange r, bool) {
    text::MakeTerm(lower, stemmer.get(), term);
    std::string plain;
    text::MakeTerm(lower, nullptr, plain);
    bool match = !term.empty() && (words.Matches(term) || words.Matches(plain));
    if (match && first == SIZE_MAX) first = all.size();
    all.push_back({r, match});
  });
  size_t begin = first == SIZE_MAX ? 0 : first > 6 ? first - 6 : 0;
  size_t end = std::min(all.size(), begin + 24);
  std::string out = begin > 0 ? "…" : "";
  uint32_t at = begin > 0 ? all[begin].r.begin : 0;
  for (size_t k = begin; k < end; ++k) {
    out.append(text.substr(at, all[k].r.begin - at));
    if (all[k].match) out.append(open);
    out.append(text.substr(all[k].r.begin, all[k].r.size()));
    if (all[k].match) out.append(close);
    at = all[k].r.end;
  }
  if (end < all.size()) {
    out += "…";
  } else {
    out.append(text.substr(at));
  }
  return out;
}

}  // namespace

Result<std::vector<Hit>> ClickHouseSearch(store::ClickHouseStore& ch, std::string_view query, const Filters& f,
                                          int64_t limit, int64_t offset, std::string_view open, std::string_view close) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions(query, f, db));
  PLX_ASSIGN_OR_RETURN(
      std::string answer,
      ch.Query(fmt::format("SELECT id, toString(day) AS d, outlet, title, text, lang, country, url, title_en FROM {}.articles "
                           "WHERE {} ORDER BY day DESC, seq LIMIT 1 BY id LIMIT {}, {} FORMAT JSONEachRow",
                           db, where, offset, limit)));
  QueryWords words = WordsOf(query);
  std::vector<Hit> hits;
  for (const json& j : store::JsonEachRow(answer)) {
    Hit h;
    h.id = j.value("id", "");
    h.day = j.value("d", "");
    if (h.day == "1970-01-01") h.day.clear();
    h.outlet = j.value("outlet", "");
    h.title = j.value("title", "");
    h.lang = j.value("lang", "");
    h.country = j.value("country", "");
    h.url = j.value("url", "");
    h.title_en = j.value("title_en", "");
    h.snippet = Snippet(j.value("text", ""), h.lang, words, open, close);
    hits.push_back(std::move(h));
  }
  return hits;
}

Result<Facets> ClickHouseFacets(store::ClickHouseStore& ch, std::string_view query, const Filters& f) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions(query, f, db));
  const std::pair<const char*, const char*> kFacets[] = {
      {"outlet", "outlet"}, {"lang", "lang"}, {"country", "country"}, {"tag", "arrayJoin(tags)"},
      {"month", "if(day = toDate('1970-01-01'), '', substring(toString(day), 1, 7))"}};
  Facets out;
  for (const auto& [name, expr] : kFacets) {
    PLX_ASSIGN_OR_RETURN(std::string answer,
                         ch.Query(fmt::format("SELECT {} AS v, uniqExact(id) AS n FROM {}.articles WHERE {} GROUP BY v "
                                              "ORDER BY n DESC, v FORMAT JSONEachRow",
                                              expr, db, where)));
    std::vector<Facet>& list = out[name];
    for (const json& j : store::JsonEachRow(answer)) list.push_back({j.value("v", ""), Int(j["n"])});
  }
  return out;
}

Result<std::vector<QuoteRow>> ClickHouseQuotes(store::ClickHouseStore& ch, const Filters& f, const QuoteQuery& q,
                                               int64_t limit, int64_t offset) {
  const std::string& db = ch.database();
  std::string more;
  if (!q.speaker_entity.empty()) more += " AND speaker_entity = " + Literal(q.speaker_entity);
  if (q.match.find_first_not_of(" \t") != std::string::npos) {
    PLX_ASSIGN_OR_RETURN(std::string fts, ToFtsQuery(q.match));
    PLX_ASSIGN_OR_RETURN(std::string m, Translator(fts, QuoteIndex(db)).Run());
    more += " AND " + m;
  }
  if (!q.article.empty()) more += " AND article = " + Literal(q.article);
  if (q.headlines) more += " AND in_title = 1";
  more += StanceCondition(db, q.target, q.polarity);
  PLX_ASSIGN_OR_RETURN(std::vector<QuoteRow> rows, SelectQuotes(ch, "", f, more, "day DESC, seq, in_title DESC, start", limit, offset));
  PLX_RETURN_IF_ERROR(AttachClickHouseStance(ch, rows));
  return rows;
}

Result<std::vector<Voice>> ClickHouseVoices(store::ClickHouseStore& ch, std::string_view query, const Filters& f,
                                            std::string_view target, int64_t limit, int examples) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions(query, f, db));
  std::string topic = StanceCondition(db, std::string(target), 2);
  // Every quotation of the topic with a hash of its words but not the words themselves (sent as
  // JSON for a million quotations, they took most of the time), and every stance row of those
  // quotations, both in (article, in_title, start) order so that one pass joins them. A batch sent twice leaves
  // copies until ClickHouse merges them: LIMIT 1 BY keeps one.
  constexpr size_t kQ = 13, kS = 6;  // columns of each answer
  PLX_ASSIGN_OR_RETURN(
      std::string quotes,
      ch.Query(fmt::format("SELECT article, in_title, start, seq, speaker_entity, speaker, speaker_type, toString(day), outlet, "
                           "kind, confidence, end - start, cityHash64(text) FROM {0}.quotes ANY INNER JOIN (SELECT id AS article, "
                           "seq FROM {0}.articles WHERE {1}) USING article WHERE kind != 'term' AND speaker_entity != ''{2} "
                           "ORDER BY article, in_title, start LIMIT 1 BY article, in_title, start FORMAT TabSeparated",
                           db, where, topic)));
  PLX_ASSIGN_OR_RETURN(std::vector<std::string_view> q, store::TabSeparated(quotes, kQ));
  std::string of_articles = where == "1" ? "" : fmt::format(" AND article IN (SELECT id FROM {}.articles WHERE {})", db, where);
  std::string stance_topic =
      target.empty() ? ""
                     : fmt::format(" AND (article, in_title, quote_start) IN (SELECT article, in_title, quote_start "
                                   "FROM {}.stances WHERE target = {})", db, Literal(target));
  PLX_ASSIGN_OR_RETURN(
      std::string stances,
      ch.Query(fmt::format("SELECT article, in_title, quote_start, target, name, polarity FROM {0}.stances WHERE kind != 'term' "
                           "AND speaker_entity != ''{1}{2} ORDER BY article, in_title, quote_start, rank "
                           "LIMIT 1 BY article, in_title, quote_start, rank FORMAT TabSeparated",
                           db, of_articles, stance_topic)));
  PLX_ASSIGN_OR_RETURN(std::vector<std::string_view> s, store::TabSeparated(stances, kS));
  auto number = [](std::string_view v) { return std::strtoll(std::string(v).c_str(), nullptr, 10); };
  // A row's quotation (article, field, start); rows of both answers begin with it.
  auto quote_of = [&](const std::vector<std::string_view>& rows, size_t width, size_t r) {
    const std::string_view* row = &rows[r * width];
    return std::tuple(row[0], row[1] == "1", number(row[2]));
  };
  const size_t n = q.size() / kQ;
  // Each quotation's stance rows: [stance_begin[i], stance_begin[i + 1]) in `s`, by row of `s`.
  std::vector<size_t> stance_begin(n + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) {
    auto quote = quote_of(q, kQ, i);
    while (k * kS < s.size() && quote_of(s, kS, k) < quote) ++k;  // stance of quotations not in the topic
    stance_begin[i] = k;
    while (k * kS < s.size() && quote_of(s, kS, k) == quote) ++k;
    stance_begin[i + 1] = k;
  }
  // The tally's key is the store's order (the article's sequence, the headline first, then the
  // start), as SQLite's.
  std::vector<size_t> order(n);
  std::vector<std::tuple<int64_t, bool, int64_t>> seq_start(n);
  for (size_t i = 0; i < n; ++i) {
    order[i] = i;
    seq_start[i] = {number(q[i * kQ + 3]), q[i * kQ + 1] != "1", number(q[i * kQ + 2])};
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return seq_start[a] < seq_start[b]; });
  VoiceTally tally;
  for (size_t key = 0; key < n; ++key) {
    const std::string_view* r = &q[order[key] * kQ];
    std::string_view day = r[7] == "1970-01-01" ? std::string_view() : r[7];
    tally.Add(static_cast<int64_t>(key), r[4], r[5], r[6], day, r[8], r[9], std::strtod(std::string(r[10]).c_str(), nullptr),
              number(r[11]), std::strtoull(std::string(r[12]).c_str(), nullptr, 10));
    for (size_t j = stance_begin[order[key]]; j < stance_begin[order[key] + 1]; ++j) {
      tally.AddStance(s[j * kS + 3], s[j * kS + 4], static_cast<int>(number(s[j * kS + 5])));
    }
  }
  // The place in the store of the quotation the tally knows as `id`.
  auto place = [&](int64_t id) {
    const std::string_view* row = &q[order[static_cast<size_t>(id)] * kQ];
    return QuoteAt{std::string(row[0]), row[1] == "1", number(row[2]), std::string(row[7])};
  };
  // The examples' stance, with confidence and evidence (the tally has counted the rest).
  auto stance = [&](std::vector<QuoteRow>& qs) -> Status {
    if (s.empty()) return Status::Ok();
    std::vector<QuoteRow> keyed(qs.size());
    for (size_t i = 0; i < qs.size(); ++i) {
      QuoteAt at = place(qs[i].id);
      keyed[i].article = at.article;
      keyed[i].in_title = at.in_title;
      keyed[i].start = at.start;
    }
    PLX_RETURN_IF_ERROR(AttachClickHouseStance(ch, keyed));
    for (size_t i = 0; i < qs.size(); ++i) qs[i].stance = std::move(keyed[i].stance);
    return Status::Ok();
  };
  // The words and citations of the quotations looked at, a few at a time.
  auto complete = [&](std::vector<QuoteRow>& qs) -> Status {
    std::vector<QuoteAt> at;
    for (const QuoteRow& r : qs) at.push_back(place(r.id));
    PLX_ASSIGN_OR_RETURN(std::vector<QuoteRow> full, QuotesAt(ch, at));
    for (QuoteRow& r : qs) {
      QuoteAt p = place(r.id);
      auto it = std::find_if(full.begin(), full.end(),
                             [&](const QuoteRow& x) { return KeyOf(x) == QuoteKey{p.article, p.in_title, p.start}; });
      r = it == full.end() ? QuoteRow() : std::move(*it);
    }
    return Status::Ok();
  };
  return tally.Finish(limit, examples, stance, complete);
}

Result<int64_t> ClickHouseCount(store::ClickHouseStore& ch, std::string_view query, const Filters& f) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions(query, f, db));
  PLX_ASSIGN_OR_RETURN(std::string answer, ch.Query(fmt::format("SELECT uniqExact(id) FROM {}.articles WHERE {}", db, where)));
  return static_cast<int64_t>(std::strtoll(answer.c_str(), nullptr, 10));
}

Result<std::vector<TimelineRow>> ClickHouseTimeline(store::ClickHouseStore& ch, std::string_view query,
                                                    std::string_view interval, std::string_view by, const Filters& f) {
  if (interval.empty()) return Status::InvalidInput("unknown interval '' (day, week or month)");
  PLX_ASSIGN_OR_RETURN(std::string period, Period(interval));
  std::string group = "''";
  if (by == "outlet" || by == "country" || by == "lang") group = std::string(by);
  else if (by == "tag") group = "arrayJoin(tags)";
  else if (!by.empty()) return Status::InvalidInput(fmt::format("unknown grouping '{}' (outlet, country, lang or tag)", by));
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions(query, f, db));
  PLX_ASSIGN_OR_RETURN(std::string answer,
                       ch.Query(fmt::format("SELECT {} AS p, {} AS g, uniqExact(id) AS n FROM {}.articles WHERE {} AND "
                                            "day > toDate('1970-01-01') GROUP BY p, g ORDER BY p, g FORMAT JSONEachRow",
                                            period, group, db, where)));
  std::vector<TimelineRow> rows;
  for (const json& j : store::JsonEachRow(answer)) rows.push_back({j.value("p", ""), j.value("g", ""), Int(j["n"])});
  return rows;
}

Result<std::vector<StanceCell>> ClickHouseStanceTable(store::ClickHouseStore& ch, const Filters& f, const StanceQuery& q) {
  const std::string& db = ch.database();
  std::string holder;
  if (q.by == "speaker") holder = "speaker_entity";
  else if (q.by == "outlet" || q.by == "country") holder = q.by;
  else if (q.by == "lang") holder = "concat(lang, if(lang IN ('sr', 'zh'), concat('-', script), ''))";
  else if (q.by == "tag") holder = "arrayJoin(tags)";
  else return Status::InvalidInput(fmt::format("unknown --by '{}' (speaker, outlet, country, tag or lang)", q.by));
  PLX_ASSIGN_OR_RETURN(std::string period, Period(q.interval));
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions("", f, db));
  std::string cond = "speaker_entity != '' AND kind != 'term'";
  if (!q.target.empty()) cond += " AND target = " + Literal(q.target);
  if (!q.speaker.empty()) cond += " AND speaker_entity = " + Literal(q.speaker);
  if (where != "1") cond += fmt::format(" AND article IN (SELECT id FROM {}.articles WHERE {})", db, where);
  std::string sql = fmt::format(
      "SELECT {} AS h, any(speaker) AS hn, target AS t, any(name) AS tn, {} AS p, "
      "uniqExactIf((article, in_title, quote_start), polarity > 0) AS fav, "
      "uniqExactIf((article, in_title, quote_start), polarity = 0) AS neu, "
      "uniqExactIf((article, in_title, quote_start), polarity < 0) AS cri, "
      // The most confident quotation on each side, for the strongest one of the prevailing side,
      // with its day (the primary key's first column) to find it by.
      "maxIf(confidence, polarity < 0) AS cc, "
      "argMaxIf((article, in_title, quote_start, toString(day)), confidence, polarity < 0) AS cq, "
      "maxIf(confidence, polarity > 0) AS fc, "
      "argMaxIf((article, in_title, quote_start, toString(day)), confidence, polarity > 0) AS fq, "
      "argMaxIf((article, in_title, quote_start, toString(day)), confidence, polarity = 0) AS nq "
      "FROM {}.stances WHERE {} GROUP BY h, t, p FORMAT JSONEachRow",
      holder, period, db, cond);
  PLX_ASSIGN_OR_RETURN(std::string answer, ch.Query(sql));
  std::vector<StanceCell> out;
  for (const json& j : store::JsonEachRow(answer)) {
    StanceCell c;
    c.holder = j.value("h", "");
    c.holder_name = q.by == "speaker" ? j.value("hn", "") : c.holder;
    c.target = j.value("t", "");
    c.target_name = j.value("tn", c.target);
    c.period = j.value("p", "");
    c.favourable = Int(j["fav"]);
    c.neutral = Int(j["neu"]);
    c.critical = Int(j["cri"]);
    int64_t n = c.favourable + c.neutral + c.critical;
    c.net = n ? static_cast<double>(c.favourable - c.critical) / static_cast<double>(n) : 0;
    // As StanceTable chooses: the prevailing side, else the more confident of the two, else neutral.
    const char* side = c.favourable > c.critical   ? "fq"
                       : c.critical > c.favourable ? "cq"
                       : c.favourable > 0          ? (j.value("fc", 0.0) > j.value("cc", 0.0) ? "fq" : "cq")
                                                   : "nq";
    const json& q = j[side];
    if (q.is_array() && q.size() == 4) {
      c.strongest.article = q[0].get<std::string>();
      c.strongest.in_title = Int(q[1]) != 0;
      c.strongest.start = Int(q[2]);
      c.strongest.day = q[3].get<std::string>();
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const StanceCell& a, const StanceCell& b) {
    int64_t na = a.favourable + a.neutral + a.critical, nb = b.favourable + b.neutral + b.critical;
    return std::tie(nb, a.holder_name, a.target_name, a.period) < std::tie(na, b.holder_name, b.target_name, b.period);
  });
  // The strongest quotations themselves, with their stance, 2,000 at a time.
  std::map<QuoteKey, QuoteRow> quotes;
  for (size_t first = 0; first < out.size(); first += 2000) {
    std::vector<QuoteAt> at;
    for (size_t i = first; i < std::min(out.size(), first + 2000); ++i) {
      const QuoteRow& r = out[i].strongest;
      if (!r.article.empty()) at.push_back({r.article, r.in_title, r.start, r.day});
    }
    PLX_ASSIGN_OR_RETURN(std::vector<QuoteRow> rows, QuotesAt(ch, at));
    PLX_RETURN_IF_ERROR(AttachClickHouseStance(ch, rows));
    for (QuoteRow& r : rows) quotes[KeyOf(r)] = std::move(r);
  }
  for (StanceCell& c : out) {
    auto it = quotes.find(KeyOf(c.strongest));
    c.strongest = it == quotes.end() ? QuoteRow() : it->second;
  }
  return out;
}

Result<std::optional<Article>> ClickHouseArticle(store::ClickHouseStore& ch, const std::string& id) {
  // A batch sent twice leaves a second row until ClickHouse merges them: the latest wins.
  PLX_ASSIGN_OR_RETURN(std::string answer,
                       ch.Query(fmt::format("SELECT id, url, title, title_en, published, day, outlet, country, lang, script, "
                                            "lang_confidence, author, text, paragraphs, extra, source, record, format, "
                                            "duplicate_of, archive, fetched_at FROM {}.articles WHERE id = {} "
                                            "ORDER BY seq DESC LIMIT 1 FORMAT JSONEachRow",
                                            ch.database(), Literal(id))));
  std::vector<json> rows = store::JsonEachRow(answer);
  if (rows.empty()) return std::optional<Article>();
  const json& j = rows[0];
  Article a;
  for (auto [field, column] : {std::pair{&a.id, "id"}, {&a.url, "url"}, {&a.title, "title"}, {&a.title_en, "title_en"},
                               {&a.published, "published"}, {&a.day, "day"}, {&a.outlet, "outlet"}, {&a.country, "country"},
                               {&a.lang, "lang"}, {&a.script, "script"}, {&a.author, "author"}, {&a.text, "text"},
                               {&a.extra_json, "extra"}, {&a.source, "source"}, {&a.format, "format"},
                               {&a.duplicate_of, "duplicate_of"}, {&a.archive, "archive"}, {&a.fetched_at, "fetched_at"}}) {
    *field = j.value(column, "");
  }
  if (a.day == "1970-01-01") a.day.clear();  // ClickHouse's Date has no empty value
  a.lang_confidence = j.value("lang_confidence", 0.0);
  a.record = Int(j["record"]);
  json paragraphs = json::parse(j.value("paragraphs", "[]"), nullptr, false);
  if (paragraphs.is_array()) {
    for (const json& p : paragraphs) {
      if (p.is_array() && p.size() == 3) a.paragraphs.push_back({{p[0].get<uint32_t>(), p[1].get<uint32_t>()}, p[2].get<int>() != 0});
    }
  }
  return std::optional<Article>(std::move(a));
}

Result<EntityCounts> ClickHouseCountEntity(store::ClickHouseStore& ch, std::string_view entity_id) {
  const std::string& db = ch.database();
  // A mention is its article, field and start: rows a batch sent twice count once.
  std::string mentions = fmt::format("(SELECT DISTINCT article, in_title, start, outlet, day FROM {}.mentions WHERE entity = {})", db,
                                     Literal(entity_id));
  EntityCounts c;
  PLX_ASSIGN_OR_RETURN(std::string totals, ch.Query(fmt::format("SELECT count() AS n, uniqExact(article) AS a FROM {} "
                                                                 "FORMAT JSONEachRow", mentions)));
  for (const json& j : store::JsonEachRow(totals)) {
    c.mentions = Int(j["n"]);
    c.articles = Int(j["a"]);
  }
  for (auto [expr, list] : {std::pair{"outlet", &c.by_outlet},
                            {"if(day > toDate('1970-01-01'), substring(toString(day), 1, 7), '')", &c.by_month}}) {
    PLX_ASSIGN_OR_RETURN(std::string answer,
                         ch.Query(fmt::format("SELECT {} AS v, count() AS n FROM {} GROUP BY v ORDER BY {} FORMAT JSONEachRow",
                                              expr, mentions, list == &c.by_month ? "v" : "n DESC, v")));
    for (const json& j : store::JsonEachRow(answer)) list->push_back({j.value("v", ""), Int(j["n"])});
  }
  return c;
}

Result<std::string> ClickHouseEntityId(store::ClickHouseStore& ch, std::string_view name) {
  std::string want = text::FoldForMatch(name);
  if (want.empty()) return std::string();
  PLX_ASSIGN_OR_RETURN(std::string answer,
                       ch.Query(fmt::format("SELECT entity, any(name) AS name FROM {}.mentions GROUP BY entity "
                                            "ORDER BY uniqExact(article, in_title, start) DESC, entity FORMAT JSONEachRow",
                                            ch.database())));
  std::string partial;
  for (const json& j : store::JsonEachRow(answer)) {
    std::string id = j.value("entity", "");
    std::string folded = text::FoldForMatch(j.value("name", ""));
    if (folded == want) return id;
    if (partial.empty()) {
      size_t at = folded.find(want);
      bool word = at != std::string::npos && (at == 0 || folded[at - 1] == ' ') &&
                  (at + want.size() == folded.size() || folded[at + want.size()] == ' ');
      if (word) partial = id;
    }
  }
  return partial;
}

namespace {

// The stance rows of the quotations the filters keep (speaker known, not a term), each once
// (a batch sent twice leaves its rows twice until ClickHouse merges them).
Result<std::string> StanceRows(store::ClickHouseStore& ch, const Filters& f, std::string_view target, const char* columns) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions("", f, db));
  std::string cond = "speaker_entity != '' AND kind != 'term'";
  if (!target.empty()) cond += " AND target = " + Literal(target);
  if (where != "1") cond += fmt::format(" AND article IN (SELECT id FROM {}.articles WHERE {})", db, where);
  return fmt::format("(SELECT DISTINCT article, in_title, quote_start, rank, {} FROM {}.stances WHERE {})", columns, db, cond);
}

// The JSONEachRow rows `query` gives for the keys, asked 2,000 at a time: `query` makes the
// SQL for one chunk's IN list; `row` takes each row.
template <typename F>
Status InChunks(store::ClickHouseStore& ch, const std::vector<std::string>& keys,
                const std::function<std::string(const std::string& list)>& query, F&& row) {
  for (size_t from = 0; from < keys.size(); from += 2000) {
    std::vector<std::string> chunk(keys.begin() + static_cast<long>(from),
                                   keys.begin() + static_cast<long>(std::min(keys.size(), from + 2000)));
    std::string list = Array(chunk);
    PLX_ASSIGN_OR_RETURN(std::string answer, ch.Query(query(list.substr(1, list.size() - 2))));
    for (const json& j : store::JsonEachRow(answer)) row(j);
  }
  return Status::Ok();
}

// Entity id -> (any stored name, type), from the mentions.
Result<std::map<std::string, std::pair<std::string, std::string>>> EntityNames(store::ClickHouseStore& ch,
                                                                               const std::vector<std::string>& ids) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  PLX_RETURN_IF_ERROR(InChunks(
      ch, ids,
      [&](const std::string& list) {
        return fmt::format("SELECT entity, min(name) AS n, min(type) AS t FROM {}.mentions WHERE entity IN ({}) "
                           "GROUP BY entity FORMAT JSONEachRow", ch.database(), list);
      },
      [&](const json& j) { out[j.value("entity", "")] = {j.value("n", ""), j.value("t", "")}; }));
  return out;
}

}  // namespace

Result<std::vector<Edge>> ClickHouseActorTargetEdges(store::ClickHouseStore& ch, const Filters& f, std::string_view target) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string rows, StanceRows(ch, f, target, "speaker, speaker_entity, target, name, polarity"));
  // The speaker's type is the quotation's.
  PLX_ASSIGN_OR_RETURN(
      std::string answer,
      ch.Query(fmt::format("SELECT speaker_entity AS s, min(speaker) AS sn, min(speaker_type) AS st, target AS t, "
                           "min(name) AS tn, count() AS n, countIf(polarity > 0) AS fav, countIf(polarity = 0) AS neu, "
                           "countIf(polarity < 0) AS cri FROM {} ANY LEFT JOIN (SELECT article, in_title, start AS quote_start, "
                           "any(speaker_type) AS speaker_type FROM {}.quotes GROUP BY article, in_title, quote_start) "
                           "USING article, in_title, quote_start GROUP BY s, t FORMAT JSONEachRow",
                           rows, db)));
  std::vector<Edge> out;
  std::set<std::string> targets;
  for (const json& j : store::JsonEachRow(answer)) {
    out.push_back({j.value("s", ""), j.value("sn", ""), j.value("st", ""), j.value("t", ""), j.value("tn", ""), "",
                   Int(j["n"]), Int(j["fav"]), Int(j["neu"]), Int(j["cri"])});
    targets.insert(out.back().target);
  }
  PLX_ASSIGN_OR_RETURN(auto names, EntityNames(ch, std::vector<std::string>(targets.begin(), targets.end())));
  for (Edge& e : out) {
    auto it = names.find(e.target);
    if (it == names.end()) continue;
    e.target_type = it->second.second;
  }
  std::sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) {
    return std::tie(b.weight, a.source, a.target) < std::tie(a.weight, b.source, b.target);
  });
  return out;
}

Result<std::vector<Edge>> ClickHouseCoMentionEdges(store::ClickHouseStore& ch, const Filters& f, int64_t top) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions("", f, db));
  std::string mentions = fmt::format("{}.mentions WHERE type IN ('person', 'org', 'place', 'topic', 'role'){}", db,
                                     where == "1" ? "" : fmt::format(" AND article IN (SELECT id FROM {}.articles WHERE {})", db, where));
  // The `top` most mentioned entities (by articles) among the filtered articles, then the
  // articles naming each; pairs are counted here.
  PLX_ASSIGN_OR_RETURN(
      std::string answer,
      ch.Query(fmt::format("SELECT article, entity FROM {0} AND entity IN (SELECT entity FROM {0} GROUP BY entity "
                           "ORDER BY uniqExact(article) DESC, entity LIMIT {1}) GROUP BY article, entity "
                           "ORDER BY article, entity FORMAT JSONEachRow",
                           mentions, top)));
  std::map<std::pair<std::string, std::string>, int64_t> pairs;
  std::set<std::string> entities;
  std::string article;
  std::vector<std::string> named;  // the entities of `article`, in order
  auto flush = [&] {
    for (size_t i = 0; i < named.size(); ++i) {
      for (size_t k = i + 1; k < named.size(); ++k) ++pairs[{named[i], named[k]}];
    }
    named.clear();
  };
  for (const json& j : store::JsonEachRow(answer)) {
    if (j.value("article", "") != article) {
      flush();
      article = j.value("article", "");
    }
    named.push_back(j.value("entity", ""));
    entities.insert(named.back());
  }
  flush();
  PLX_ASSIGN_OR_RETURN(auto names, EntityNames(ch, std::vector<std::string>(entities.begin(), entities.end())));
  std::vector<Edge> out;
  for (const auto& [pair, n] : pairs) {
    const auto& a = names[pair.first];
    const auto& b = names[pair.second];
    out.push_back({pair.first, a.first, a.second, pair.second, b.first, b.second, n});
  }
  std::sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) {
    return std::tie(b.weight, a.source, a.target) < std::tie(a.weight, b.source, b.target);
  });
  return out;
}

Result<std::vector<Statement>> ClickHouseStatements(store::ClickHouseStore& ch, const Filters& f, std::string_view target) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string rows, StanceRows(ch, f, target, "speaker, speaker_entity, target, name, polarity"));
  PLX_ASSIGN_OR_RETURN(std::string answer,
                       ch.Query(fmt::format("SELECT * FROM {} FORMAT JSONEachRow", rows)));
  struct Row {
    Statement s;
    std::string article;
    bool in_title;
    int64_t start, rank;
  };
  std::vector<Row> out;
  std::set<std::string> articles;
  for (const json& j : store::JsonEachRow(answer)) {
    Row r;
    r.s.actor = j.value("speaker", "");
    r.s.actor_id = j.value("speaker_entity", "");
    r.s.concept_id = j.value("target", "");
    r.s.concept_name = j.value("name", r.s.concept_id);
    r.s.polarity = static_cast<int>(Int(j["polarity"]));
    r.article = j.value("article", "");
    r.in_title = Int(j["in_title"]) != 0;
    r.start = Int(j["quote_start"]);
    r.rank = Int(j["rank"]);
    articles.insert(r.article);
    out.push_back(std::move(r));
  }
  // The articles' day, outlet, title, URL and order of ingest; the quotations' words.
  struct Meta {
    std::string day, outlet, title, url;
    int64_t seq = 0;
  };
  std::map<std::string, Meta> meta;
  std::map<QuoteKey, std::string> words;
  std::vector<std::string> ids(articles.begin(), articles.end());
  PLX_RETURN_IF_ERROR(InChunks(
      ch, ids,
      [&](const std::string& list) {
        return fmt::format("SELECT id, any(day) AS day, any(outlet) AS outlet, any(title) AS title, any(url) AS url, "
                           "min(seq) AS seq FROM {}.articles WHERE id IN ({}) GROUP BY id FORMAT JSONEachRow", db, list);
      },
      [&](const json& j) {
        std::string day = j.value("day", "");
        meta[j.value("id", "")] = {day == "1970-01-01" ? "" : day, j.value("outlet", ""), j.value("title", ""),
                                   j.value("url", ""), Int(j["seq"])};
      }));
  PLX_RETURN_IF_ERROR(InChunks(
      ch, ids,
      [&](const std::string& list) {
        return fmt::format("SELECT article, in_title, start, any(text) AS text FROM {}.quotes WHERE article IN ({}) "
                           "GROUP BY article, in_title, start FORMAT JSONEachRow", db, list);
      },
      [&](const json& j) {
        words[{j.value("article", ""), Int(j["in_title"]) != 0, Int(j["start"])}] = j.value("text", "");
      }));
  for (Row& r : out) {
    const Meta& m = meta[r.article];
    r.s.date = m.day;
    r.s.source = m.outlet;
    r.s.title = m.title;
    r.s.url = m.url;
    r.s.text = words[{r.article, r.in_title, r.start}];
  }
  std::sort(out.begin(), out.end(), [&](const Row& a, const Row& b) {
    const Meta& ma = meta[a.article];
    const Meta& mb = meta[b.article];
    // As SQLite's: by day, then the store's order (the headline first).
    return std::tuple(ma.day, ma.seq, !a.in_title, a.start, a.rank) < std::tuple(mb.day, mb.seq, !b.in_title, b.start, b.rank);
  });
  std::vector<Statement> statements;
  for (Row& r : out) statements.push_back(std::move(r.s));
  return statements;
}

Result<std::vector<EntityCount>> ClickHouseTopEntities(store::ClickHouseStore& ch, std::string_view query, const Filters& f,
                                                       int64_t limit) {
  const std::string& db = ch.database();
  PLX_ASSIGN_OR_RETURN(std::string where, Conditions(query, f, db));
  PLX_ASSIGN_OR_RETURN(
      std::string answer,
      ch.Query(fmt::format("SELECT entity, min(name) AS first_name, min(type) AS first_type, uniqExact(article) AS n FROM {0}.mentions "
                           "WHERE type IN ('person', 'org', 'place', 'topic') AND (position(entity, '/~') = 0 OR type = 'person') "
                           "AND article IN (SELECT id FROM {0}.articles WHERE {1}) GROUP BY entity ORDER BY n DESC, entity "
                           "LIMIT {2} FORMAT JSONEachRow",
                           db, where, limit)));
  std::vector<EntityCount> out;
  for (const json& j : store::JsonEachRow(answer)) {
    out.push_back({j.value("entity", ""), j.value("first_name", ""), j.value("first_type", ""), Int(j["n"])});
  }
  return out;
}

Result<std::optional<std::pair<std::string, std::string>>> ClickHouseArchive(store::ClickHouseStore& ch,
                                                                             const std::string& article_id) {
  PLX_ASSIGN_OR_RETURN(std::string answer,
                       ch.Query(fmt::format("SELECT archive, fetched_at FROM {}.articles WHERE id = {} AND archive != '' "
                                            "ORDER BY seq DESC LIMIT 1 FORMAT JSONEachRow",
                                            ch.database(), Literal(article_id))));
  for (const json& j : store::JsonEachRow(answer)) {
    return std::optional<std::pair<std::string, std::string>>({j.value("archive", ""), j.value("fetched_at", "")});
  }
  return std::optional<std::pair<std::string, std::string>>();
}

Result<std::vector<MentionRow>> ClickHouseMentions(store::ClickHouseStore& ch, std::string_view article_id) {
  PLX_ASSIGN_OR_RETURN(std::string answer,
                       ch.Query(fmt::format("SELECT entity, any(name) AS n, any(type) AS t, any(via) AS v, in_title, start, "
                                            "any(end) AS e FROM {}.mentions WHERE article = {} GROUP BY in_title, start, entity "
                                            "ORDER BY in_title DESC, start, entity FORMAT JSONEachRow",
                                            ch.database(), Literal(article_id))));
  std::vector<MentionRow> out;
  for (const json& j : store::JsonEachRow(answer)) {
    out.push_back({j.value("entity", ""), j.value("n", ""), j.value("t", ""), j.value("v", ""), Int(j["start"]), Int(j["e"]),
                   Int(j["in_title"]) != 0});
  }
  return out;
}

Result<StoreStats> ClickHouseStats(store::ClickHouseStore& ch) {
  const std::string& db = ch.database();
  // Rows a batch sent twice left behind count once: each table by its key.
  PLX_ASSIGN_OR_RETURN(
      std::string answer,
      ch.Query(fmt::format(
          "SELECT (SELECT uniqExact(id) FROM {0}.articles) AS articles, "
          "(SELECT uniqExact(id) FROM {0}.articles WHERE duplicate_of = '') AS unique_stories, "
          "(SELECT uniqExact(outlet) FROM {0}.articles) AS outlets, (SELECT uniqExact(lang) FROM {0}.articles) AS languages, "
          "(SELECT uniqExact(entity) FROM {0}.mentions) AS entities, "
          "(SELECT uniqExact(article, in_title, start, entity) FROM {0}.mentions) AS mentions, "
          "(SELECT uniqExact(article, in_title, start) FROM {0}.quotes WHERE kind != 'term') AS quotes, "
          "(SELECT uniqExact(article, in_title, quote_start, rank) FROM {0}.stances) AS stance, "
          "(SELECT uniqExact(source, record, reason) FROM {0}.quarantine) AS quarantined, "
          "(SELECT toString(minIf(day, day > toDate('1970-01-01'))) FROM {0}.articles) AS first_day, "
          "(SELECT toString(maxIf(day, day > toDate('1970-01-01'))) FROM {0}.articles) AS last_day FORMAT JSONEachRow",
          db)));
  StoreStats s;
  for (const json& j : store::JsonEachRow(answer)) {
    for (auto [n, key] : {std::pair{&s.articles, "articles"}, {&s.unique_stories, "unique_stories"}, {&s.outlets, "outlets"},
                          {&s.languages, "languages"}, {&s.entities, "entities"}, {&s.mentions, "mentions"},
                          {&s.quotes, "quotes"}, {&s.stance, "stance"}, {&s.quarantined, "quarantined"}}) {
      *n = Int(j[key]);
    }
    s.first_day = j.value("first_day", "");
    s.last_day = j.value("last_day", "");
    if (s.first_day == "0000-00-00" || s.first_day == "1970-01-01") s.first_day.clear();
    if (s.last_day == "0000-00-00" || s.last_day == "1970-01-01") s.last_day.clear();
  }
  return s;
}

}  // namespace parallax::query
