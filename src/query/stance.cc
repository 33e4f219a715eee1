#include "query/stance.h"

#include <algorithm>
#include <bit>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "query/article_columns.h"
#include "query/quote_columns.h"
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

// Display names of targets, each looked up once (a join looked one up for every stance row).
class TargetNames {
 public:
  explicit TargetNames(sqlite3* db) : st_(db, "SELECT name FROM entities WHERE id = ?") {}
  // The entity's name, or the id itself when the entity is unknown.
  const std::string& Of(std::string_view id) {
    auto it = names_.find(id);
    if (it == names_.end()) {
      st_.Reset();
      st_.Bind(1, id);
      it = names_.emplace(id, st_.Step() ? st_.Text(0) : std::string(id)).first;
    }
    return it->second;
  }
  const Status& status() const { return st_.status(); }

 private:
  Stmt st_;
  std::map<std::string, std::string, std::less<>> names_;
};

// A stance cell's key (holder, target, period), and an order that finds a cell from the row's
// text without copying it.
using CellKey = std::tuple<std::string, std::string, std::string>;
using CellKeyView = std::tuple<std::string_view, std::string_view, std::string_view>;
struct CellKeyLess {
  using is_transparent = void;
  static CellKeyView View(const CellKey& k) { return {std::get<0>(k), std::get<1>(k), std::get<2>(k)}; }
  static CellKeyView View(const CellKeyView& k) { return k; }
  bool operator()(const auto& a, const auto& b) const { return View(a) < View(b); }
};

}  // namespace

namespace {

// A stance cell as its rows are counted.
struct CellAcc {
  StanceCell cell;
  // The most confident quotation on each side (critical, neutral, favourable); among equals
  // the first stored.
  double confidence[3] = {-1, -1, -1};
  int64_t quote[3] = {0, 0, 0};
  int64_t name_quote = INT64_MAX;  // the quotation the holder's name was taken from

  void Add(int polarity, double c, int64_t id) {
    polarity = std::clamp(polarity, -1, 1);
    (polarity > 0 ? cell.favourable : polarity < 0 ? cell.critical : cell.neutral) += 1;
    int k = polarity + 1;
    if (c > confidence[k] || (c == confidence[k] && id < quote[k])) {
      confidence[k] = c;
      quote[k] = id;
    }
  }
  // The holder's name as the earliest quotation gives it.
  void Name(int64_t id, std::string_view name) {
    if (id < name_quote) {
      name_quote = id;
      cell.holder_name = name;
    }
  }
};

// Net scores, the order (most quotations first), and each cell's strongest quotation read.
Result<std::vector<StanceCell>> FinishCells(sqlite3* db, std::vector<CellAcc>& accs) {
  std::vector<StanceCell> out;
  out.reserve(accs.size());
  for (CellAcc& acc : accs) {
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
    return std::tie(nb, a.holder_name, a.target_name, a.period, a.holder, a.target) <
           std::tie(na, b.holder_name, b.target_name, b.period, b.holder, b.target);
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

// The stance table from the in-memory columns: the same cells as the SQL, for filters of date
// and outlet, by speaker or by outlet.
Result<std::vector<StanceCell>> ColumnStanceTable(sqlite3* db, const Filters& f, const StanceQuery& q,
                                                  const std::string& period, ArticleColumns& articles,
                                                  const QuoteColumns& quotes) {
  const uint32_t want = q.target.empty() ? QuoteColumns::kNull : quotes.Target(q.target);
  const uint32_t speaker = q.speaker.empty() ? QuoteColumns::kNull : quotes.Speaker(q.speaker);
  std::vector<CellAcc> accs;
  if ((!q.target.empty() && want == QuoteColumns::kNull) || (!q.speaker.empty() && speaker == QuoteColumns::kNull)) {
    return FinishCells(db, accs);
  }
  const bool by_outlet = q.by == "outlet";
  // Each day's period, by the same SQL expression, for the days the walk below has synced (read
  // at its first match: the codes it gives index those days). day_period[no_day]: no day.
  std::vector<uint32_t> day_period;
  std::vector<std::string> periods;
  uint32_t no_outlet = 0, no_day = 0;
  Status prepared;
  auto prepare = [&]() -> Status {
    Stmt period_of(db, "SELECT " + period + " FROM (SELECT ? AS day) a");
    std::map<std::string, uint32_t> codes;
    day_period.assign(articles.days().size() + 1, 0);
    for (size_t d = 0; d < day_period.size(); ++d) {
      period_of.Reset();
      if (d < articles.days().size()) period_of.Bind(1, articles.days()[d]);
      else period_of.BindNull(1);
      std::string p = period_of.Step() ? period_of.Text(0) : std::string();
      PLX_RETURN_IF_ERROR(period_of.status());
      auto it = codes.emplace(p, static_cast<uint32_t>(periods.size())).first;
      if (it->second == periods.size()) periods.push_back(p);
      day_period[d] = it->second;
    }
    no_outlet = articles.BlankOutlet();  // held by "", as the SQL's coalesce gives it
    no_day = static_cast<uint32_t>(articles.days().size());
    if (quotes.speakers().size() >= (1u << 22) || quotes.targets().size() >= (1u << 21) ||
        periods.size() >= (1u << 21) || no_outlet >= (1u << 22)) {
      return Status::Unavailable("too many distinct values for the in-memory stance table");
    }
    return Status::Ok();
  };
  std::unordered_map<uint64_t, uint32_t> index;  // (holder, target, period) -> accs
  auto key = [](uint64_t holder, uint64_t target, uint64_t p) { return (holder << 42) | (target << 21) | p; };
  PLX_RETURN_IF_ERROR(articles.ForEachMatch(db, "", f, /*require_day=*/false, [&](int64_t rowid, uint32_t day, uint32_t outlet) {
    if (day_period.empty() && prepared.ok()) prepared = prepare();
    if (!prepared.ok()) return;
    auto [begin, end] = quotes.OfArticle(rowid);
    for (size_t i = begin; i < end; ++i) {
      if (speaker != QuoteColumns::kNull && quotes.SpeakerOf(i) != speaker) continue;
      uint32_t holder = by_outlet ? (outlet == ArticleColumns::kNull ? no_outlet : outlet) : quotes.SpeakerOf(i);
      uint32_t p = day_period[day == ArticleColumns::kNull ? no_day : day];
      for (const QuoteColumns::Stance& st : quotes.StanceOf(i)) {
        if (want != QuoteColumns::kNull && st.target != want) continue;
        const uint64_t k = key(holder, st.target, p);
        auto it = index.find(k);
        if (it == index.end()) {
          it = index.emplace(k, static_cast<uint32_t>(accs.size())).first;
          CellAcc& acc = accs.emplace_back();
          acc.cell.holder = by_outlet ? (holder == no_outlet ? std::string() : articles.outlets()[holder])
                                      : quotes.speakers()[holder];
          acc.cell.target = quotes.targets()[st.target];
          acc.cell.period = periods[p];
        }
        // Quotations go by index here (the same order as their ids), so that the walk reads
        // none of their rows; ids and names are read below, for the cells' chosen ones.
        CellAcc& acc = accs[it->second];
        acc.name_quote = std::min(acc.name_quote, static_cast<int64_t>(i));
        acc.Add(st.polarity, quotes.Confidence(st), static_cast<int64_t>(i));
      }
    }
  }));
  PLX_RETURN_IF_ERROR(prepared);
  for (CellAcc& acc : accs) {
    const QuoteColumns::Quote& first = quotes.quotes()[static_cast<size_t>(acc.name_quote)];
    if (by_outlet) acc.cell.holder_name = acc.cell.holder;
    else if (first.name != QuoteColumns::kNull) acc.cell.holder_name = quotes.names()[first.name];
    acc.name_quote = first.id;
    for (int k = 0; k < 3; ++k) {
      if (acc.confidence[k] >= 0) acc.quote[k] = quotes.quotes()[static_cast<size_t>(acc.quote[k])].id;
    }
  }
  TargetNames names(db);
  for (CellAcc& acc : accs) acc.cell.target_name = names.Of(acc.cell.target);
  if (!names.status().ok()) return QueryError(names.status());
  return FinishCells(db, accs);
}

}  // namespace

Result<std::vector<StanceCell>> StanceTable(sqlite3* db, const Filters& f, const StanceQuery& q, ArticleColumns* articles) {
  PLX_ASSIGN_OR_RETURN(std::string period, PeriodSql(q.interval));
  if (articles != nullptr && ArticleColumns::Covers(f) && (q.by == "speaker" || q.by == "outlet")) {
    auto quotes = QuoteColumns::Get(db);
    if (quotes.ok()) {
      auto cells = ColumnStanceTable(db, f, q, period, *articles, **quotes);
      if (cells.ok() || cells.status().code() != StatusCode::kUnavailable) return cells;
    } else if (quotes.status().code() != StatusCode::kUnavailable) {
      return quotes.status();
    }
  }
  PLX_ASSIGN_OR_RETURN(Where w, StanceWhere(f, q.target));
  PLX_ASSIGN_OR_RETURN(auto holder, HolderSql(q.by));
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
  bool join_articles = !filters.sql.empty() || q.by != "speaker" || !q.interval.empty();
  Stmt st(db, fmt::format("SELECT {}, {}, s.target, {}, s.polarity, s.confidence, q.id "
                          "FROM quote_stance s JOIN quotes q ON q.id = s.quote{}{}{}",
                          holder.first, holder_name, period, join_articles ? " JOIN articles a ON a.rowid = q.article" : "",
                          holder.second, where));
  BindAll(st, params);
  std::map<CellKey, size_t, CellKeyLess> cells;
  std::vector<CellAcc> accs;
  TargetNames names(db);
  while (st.Step()) {
    auto cell = cells.find(CellKeyView{st.View(0), st.View(2), st.View(3)});
    if (cell == cells.end()) {
      cell = cells.emplace(CellKey{st.Text(0), st.Text(2), st.Text(3)}, accs.size()).first;
      StanceCell& c = accs.emplace_back().cell;
      c.holder = st.Text(0);
      c.target = st.Text(2);
      c.target_name = names.Of(c.target);
      c.period = st.Text(3);
    }
    CellAcc& acc = accs[cell->second];
    acc.Name(st.Int(6), st.View(1));
    acc.Add(static_cast<int>(st.Int(4)), st.Real(5), st.Int(6));
  }
  if (!st.status().ok()) return QueryError(st.status());
  if (!names.status().ok()) return QueryError(names.status());
  return FinishCells(db, accs);
}

namespace {

// A quotation that may serve as an example of its speaker's voice: its key (the id the store
// completes it by), the code of its outlet and a hash of its words (0 when unknown).
struct ExampleCandidate {
  int64_t key;
  uint32_t outlet;
  uint64_t text_hash;
};

// Up to `examples` representative quotations out of candidates given best first by `at(r)`
// (nullopt past the last), which come from `outlets` different outlets: each from a different
// outlet while others remain (the first pass stops when none remains), and the same words (a
// wire copy in two outlets) once. Words are read only for the candidates looked at, a few at a
// time, twice as many each time (a speaker whose words recur in every outlet has thousands of
// candidates to pass over, and each read is a query). The chosen ones come with their stance.
Result<std::vector<QuoteRow>> ChooseExamples(const std::function<std::optional<ExampleCandidate>(size_t)>& at,
                                             size_t outlets, int examples, const VoiceTally::StanceFn& attach_stance,
                                             const VoiceTally::CompleteFn& complete) {
  std::vector<QuoteRow> out;
  // What the examples chosen so far took: a handful each, so looked up by a scan (a pass may
  // look at every candidate of a speaker with a million quotations).
  std::vector<uint32_t> used_outlets;
  std::vector<uint64_t> used_hashes;
  std::vector<size_t> taken;
  std::set<std::string> used_texts;
  std::map<size_t, QuoteRow> read;  // by rank
  std::vector<QuoteRow> stance;     // stubs of the examples, for their stance
  auto has = [](const auto& v, auto x) { return std::find(v.begin(), v.end(), x) != v.end(); };
  auto eligible = [&](size_t r, const ExampleCandidate& c, int pass) {
    return (pass == 1 || !has(used_outlets, c.outlet)) && (c.text_hash == 0 || !has(used_hashes, c.text_hash)) &&
           !has(taken, r);
  };
  size_t batch_size = 16;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t r = 0; out.size() < static_cast<size_t>(examples) && (pass == 1 || used_outlets.size() < outlets); ++r) {
      std::optional<ExampleCandidate> c = at(r);
      if (!c) break;
      if (!eligible(r, *c, pass)) continue;
      if (!read.count(r)) {
        std::vector<size_t> batch;
        std::vector<QuoteRow> stubs;
        for (size_t k = r; batch.size() < batch_size; ++k) {
          std::optional<ExampleCandidate> ck = at(k);
          if (!ck) break;
          if (read.count(k) || !eligible(k, *ck, pass)) continue;
          batch.push_back(k);
          stubs.emplace_back().id = ck->key;
        }
        PLX_RETURN_IF_ERROR(complete(stubs));
        for (size_t i = 0; i < batch.size(); ++i) read[batch[i]] = std::move(stubs[i]);
        batch_size = std::min<size_t>(batch_size * 2, 1024);
      }
      const QuoteRow& q = read[r];
      if (q.article.empty() || used_texts.count(q.text)) continue;
      taken.push_back(r);
      used_outlets.push_back(c->outlet);
      used_texts.insert(q.text);
      if (c->text_hash != 0) used_hashes.push_back(c->text_hash);
      out.push_back(q);
      stance.emplace_back().id = c->key;
    }
  }
  PLX_RETURN_IF_ERROR(attach_stance(stance));
  for (size_t i = 0; i < out.size(); ++i) out[i].stance = std::move(stance[i].stance);
  return out;
}

// Outlet names by how many quotations each gave (`counts`, by code), most first, then by name.
std::vector<std::string> OutletsByCount(std::span<const int64_t> counts, const std::vector<std::string>& names) {
  std::vector<std::pair<int64_t, std::string>> outlets;
  for (size_t o = 0; o < counts.size(); ++o) {
    if (counts[o] > 0) outlets.emplace_back(-counts[o], names[o]);
  }
  std::sort(outlets.begin(), outlets.end());
  std::vector<std::string> out;
  for (auto& [n, o] : outlets) out.push_back(std::move(o));
  return out;
}

// A voice's targets, the most concerned first, then by name and id.
void SortStance(std::vector<TargetCounts>& stance) {
  std::sort(stance.begin(), stance.end(), [](const TargetCounts& a, const TargetCounts& b) {
    int64_t na = a.favourable + a.neutral + a.critical, nb = b.favourable + b.neutral + b.critical;
    return std::tie(nb, a.name, a.target) < std::tie(na, b.name, b.target);
  });
}

// The words, article and citation of each quotation stub, by id.
Status CompleteQuotes(sqlite3* db, std::vector<QuoteRow>& qs) {
  std::map<int64_t, size_t> index;
  std::string ids;
  for (size_t i = 0; i < qs.size(); ++i) {
    index[qs[i].id] = i;
    qs[i].article.clear();
    if (!ids.empty()) ids += ',';
    ids += std::to_string(qs[i].id);
  }
  // Ids are integers we read from the store, never user text.
  Stmt full(db, fmt::format("SELECT {} FROM quotes q JOIN articles a ON a.rowid = q.article WHERE q.id IN ({})",
                            kQuoteColumns, ids));
  while (full.Step()) {
    QuoteRow r = ReadQuote(full, 0);
    if (auto it = index.find(r.id); it != index.end()) qs[it->second] = std::move(r);
  }
  return full.status();
}

// An article that matches, as ArticleColumns::ForEachMatch() gives it.
struct MatchedArticle {
  int64_t rowid;
  uint32_t day, outlet;
};

// ArticleColumns::ForEachMatch(), with `consume` run on a second thread on the matches in order,
// a batch at a time, while this one steps the full-text index: at a million articles the two take
// about as long each, and a walk then takes the longer of them rather than both. `consume` runs
// after the columns are synced and must not use `db`.
Status ForEachMatchAside(sqlite3* db, ArticleColumns& articles, std::string_view query, const Filters& f,
                         const std::function<void(std::span<const MatchedArticle>)>& consume) {
  constexpr size_t kBatch = 4096;
  std::mutex mu;
  std::condition_variable ready;
  std::deque<std::vector<MatchedArticle>> queue;
  bool done = false;
  std::thread worker([&] {
    for (;;) {
      std::vector<MatchedArticle> batch;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready.wait(lock, [&] { return !queue.empty() || done; });
        if (queue.empty()) return;
        batch = std::move(queue.front());
        queue.pop_front();
      }
      consume(batch);
    }
  });
  std::vector<MatchedArticle> batch;
  auto hand_over = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      queue.push_back(std::move(batch));
    }
    ready.notify_one();
    batch = {};
    batch.reserve(kBatch);
  };
  batch.reserve(kBatch);
  Status walked = articles.ForEachMatch(db, query, f, /*require_day=*/false, [&](int64_t rowid, uint32_t day, uint32_t outlet) {
    batch.push_back({rowid, day, outlet});
    if (batch.size() == kBatch) hand_over();
  });
  if (!batch.empty()) hand_over();
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  ready.notify_one();
  worker.join();
  return walked;
}

// Voices from the in-memory columns (the same voices as the SQL below gives, for a query with
// at most date and outlet filters), in two walks of the matching quotations: the first counts
// every speaker's, the second tallies outlets and stance for the speakers shown only. Nothing
// is held per quotation but its index; examples come from each speaker's quotations in example
// order (QuoteColumns::RankedOf), the first that match.
Result<std::vector<Voice>> ColumnVoices(sqlite3* db, std::string_view query, const Filters& f, std::string_view target,
                                        int64_t limit, int examples, ArticleColumns& articles,
                                        const QuoteColumns& quotes) {
  constexpr uint32_t kNull = QuoteColumns::kNull;
  const uint32_t want = target.empty() ? kNull : quotes.Target(target);
  if (!target.empty() && want == kNull) return std::vector<Voice>();
  auto concerns = [&](size_t i) {
    if (want == kNull) return true;
    std::span<const QuoteColumns::Stance> st = quotes.StanceOf(i);
    return std::any_of(st.begin(), st.end(), [&](const QuoteColumns::Stance& s) { return s.target == want; });
  };
  const std::vector<QuoteColumns::Quote>& qs = quotes.quotes();
  const size_t n_speakers = quotes.speakers().size();
  // By speaker: matching quotations, the earliest, the first and last day (as ranks of days()).
  std::vector<uint32_t> count(n_speakers, 0), first(n_speakers, kNull), first_day(n_speakers, kNull),
      last_day(n_speakers, kNull);
  struct Match {
    uint32_t quote, speaker, outlet;
  };
  std::vector<Match> matches;
  // Read at the first match, from the days and outlets the walk synced (the codes it gives).
  bool prepared = false;
  std::vector<uint32_t> day_rank;  // by day code: rank among days, kNull for the empty day
  std::vector<uint32_t> day_of_rank;
  uint32_t no_outlet = 0;         // the code of "" (an article without an outlet counts under it)
  PLX_RETURN_IF_ERROR(ForEachMatchAside(db, articles, query, f, [&](std::span<const MatchedArticle> batch) {
    if (!prepared) {
      prepared = true;
      const std::vector<std::string>& days = articles.days();
      day_of_rank.resize(days.size());
      for (uint32_t d = 0; d < days.size(); ++d) day_of_rank[d] = d;
      std::sort(day_of_rank.begin(), day_of_rank.end(), [&](uint32_t a, uint32_t b) { return days[a] < days[b]; });
      day_rank.assign(days.size(), kNull);
      for (uint32_t r = 0; r < day_of_rank.size(); ++r) {
        if (!days[day_of_rank[r]].empty()) day_rank[day_of_rank[r]] = r;
      }
      no_outlet = articles.BlankOutlet();
    }
    for (const MatchedArticle& a : batch) {
      const uint32_t rank = a.day == ArticleColumns::kNull ? kNull : day_rank[a.day];
      const uint32_t o = a.outlet == ArticleColumns::kNull ? no_outlet : a.outlet;
      auto [begin, end] = quotes.OfArticle(a.rowid);
      for (size_t i = begin; i < end; ++i) {
        if (!concerns(i)) continue;
        const uint32_t s = quotes.SpeakerOf(i);
        ++count[s];
        first[s] = std::min(first[s], static_cast<uint32_t>(i));
        if (rank != kNull) {
          first_day[s] = first_day[s] == kNull ? rank : std::min(first_day[s], rank);
          last_day[s] = last_day[s] == kNull ? rank : std::max(last_day[s], rank);
        }
        matches.push_back({static_cast<uint32_t>(i), s, o});
      }
    }
  }));
  if (matches.empty()) return std::vector<Voice>();

  // The speakers shown: most quotations first, then by name (as the earliest quotation gives
  // it) and id.
  auto text = [](const std::vector<std::string>& dict, uint32_t code) -> std::string_view {
    return code == kNull ? std::string_view() : std::string_view(dict[code]);
  };
  auto name_of = [&](uint32_t s) { return text(quotes.names(), qs[first[s]].name); };
  std::vector<uint32_t> top;
  for (uint32_t s = 0; s < n_speakers; ++s) {
    if (count[s] > 0) top.push_back(s);
  }
  auto before = [&](uint32_t a, uint32_t b) {
    return std::make_tuple(-int64_t{count[a]}, name_of(a), std::string_view(quotes.speakers()[a])) <
           std::make_tuple(-int64_t{count[b]}, name_of(b), std::string_view(quotes.speakers()[b]));
  };
  size_t shown = limit >= 0 ? std::min(top.size(), static_cast<size_t>(limit)) : top.size();
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(shown), top.end(), before);
  top.resize(shown);

  // Outlets and stance of the speakers shown, counted in flat arrays.
  std::vector<std::string> outlet_names = articles.outlets();
  if (no_outlet == outlet_names.size()) outlet_names.emplace_back();
  const size_t n_outlets = outlet_names.size(), n_targets = quotes.targets().size();
  if (shown * (n_outlets + 3 * n_targets) > (size_t{1} << 25)) {
    return Status::Unavailable("too many speakers, outlets and targets for the in-memory voices");
  }
  std::vector<uint32_t> slot(n_speakers, kNull);
  for (uint32_t k = 0; k < shown; ++k) slot[top[k]] = k;
  std::vector<int64_t> outlet_counts(shown * n_outlets), stance_counts(shown * n_targets * 3);
  // By speaker shown, the places in its RankedOf() of the quotations that match, as bits.
  std::vector<std::vector<uint64_t>> candidates(shown);
  for (uint32_t k = 0; k < shown; ++k) candidates[k].assign(quotes.RankedOf(top[k]).size() / 64 + 1, 0);
  for (const Match& m : matches) {
    const uint32_t k = slot[m.speaker];
    if (k == kNull) continue;
    ++outlet_counts[k * n_outlets + m.outlet];
    const uint32_t place = quotes.RankOf(m.quote);
    candidates[k][place / 64] |= uint64_t{1} << (place % 64);
    for (const QuoteColumns::Stance& st : quotes.StanceOf(m.quote)) {
      ++stance_counts[(k * n_targets + st.target) * 3 + static_cast<size_t>(st.polarity + 1)];
    }
  }

  TargetNames names(db);
  const VoiceTally::StanceFn attach = [&](std::vector<QuoteRow>& rows) { return AttachStance(db, rows); };
  const VoiceTally::CompleteFn complete = [&](std::vector<QuoteRow>& rows) { return CompleteQuotes(db, rows); };
  std::vector<Voice> out;
  for (uint32_t k = 0; k < shown; ++k) {
    const uint32_t s = top[k];
    Voice& v = out.emplace_back();
    v.entity = quotes.speakers()[s];
    v.name = name_of(s);
    v.type = text(quotes.types(), qs[first[s]].type);
    v.quotes = count[s];
    if (first_day[s] != kNull) {
      v.first_day = articles.days()[day_of_rank[first_day[s]]];
      v.last_day = articles.days()[day_of_rank[last_day[s]]];
    }
    v.outlets = OutletsByCount(std::span(outlet_counts).subspan(k * n_outlets, n_outlets), outlet_names);
    for (uint32_t t = 0; t < n_targets; ++t) {
      const int64_t* c = &stance_counts[(k * n_targets + t) * 3];
      if (c[0] + c[1] + c[2] == 0) continue;
      const std::string& id = quotes.targets()[t];
      v.stance.push_back({id, names.Of(id), c[2], c[1], c[0]});
    }
    SortStance(v.stance);
    // Candidates: the matching quotations in the speaker's example order, found as asked for.
    std::span<const uint32_t> ranked = quotes.RankedOf(s);
    const std::vector<uint64_t>& bits = candidates[k];
    std::vector<ExampleCandidate> found;
    size_t word = 0;
    uint64_t rest = bits[0];
    auto at = [&](size_t r) -> std::optional<ExampleCandidate> {
      while (found.size() <= r) {
        while (rest == 0 && word + 1 < bits.size()) rest = bits[++word];
        if (rest == 0) break;
        const size_t place = word * 64 + static_cast<size_t>(std::countr_zero(rest));
        rest &= rest - 1;
        const QuoteColumns::Quote& q = qs[ranked[place]];
        const uint32_t o = articles.outlet(q.article);
        found.push_back({q.id, o == ArticleColumns::kNull ? no_outlet : o, q.text_hash});
      }
      return r < found.size() ? std::optional(found[r]) : std::nullopt;
    };
    PLX_ASSIGN_OR_RETURN(v.examples, ChooseExamples(at, v.outlets.size(), examples, attach, complete));
  }
  if (!names.status().ok()) return QueryError(names.status());
  return out;
}

}  // namespace

Result<std::vector<Voice>> Voices(sqlite3* db, std::string_view query, const Filters& f, std::string_view target,
                                  int64_t limit, int examples, ArticleColumns* articles) {
  if (articles != nullptr && ArticleColumns::Covers(f)) {
    auto quotes = QuoteColumns::Get(db);
    if (quotes.ok()) {
      auto voices = ColumnVoices(db, query, f, target, limit, examples, *articles, **quotes);
      if (voices.ok() || voices.status().code() != StatusCode::kUnavailable) return voices;
    } else if (quotes.status().code() != StatusCode::kUnavailable) {
      return quotes.status();
    }
  }
  PLX_ASSIGN_OR_RETURN(Source src, BuildSource(query, f));
  std::string where = And(src.where) + "q.kind <> 'term' AND q.speaker_entity IS NOT NULL";
  std::vector<std::string> params = src.params;
  if (!target.empty()) {
    where += " AND EXISTS (SELECT 1 FROM quote_stance t WHERE t.quote = q.id AND t.target = ?)";
    params.emplace_back(target);
  }
  // Every quotation of the topic with its stance, without its words (which live in the
  // article's text: reading them would read every matching article whole). In any order (the
  // tally orders by key, here the quotation's id, which follows the store's order); a
  // quotation's stance rows come together, as the left join nests them inside it.
  Stmt st(db, fmt::format("SELECT q.id, q.speaker_entity, coalesce(q.speaker,''), coalesce(q.speaker_type,''), "
                          "coalesce(a.day,''), coalesce(a.outlet,''), q.kind, q.confidence, q.end - q.start, "
                          "s.target, s.polarity, coalesce(q.text_hash, 0)"
                          "{} JOIN quotes q ON q.article = a.rowid LEFT JOIN quote_stance s ON s.quote = q.id{}",
                          src.from, where));
  BindAll(st, params);
  TargetNames names(db);
  VoiceTally tally;
  int64_t last = 0;
  while (st.Step()) {
    if (int64_t id = st.Int(0); id != last) {
      tally.Add(id, st.View(1), st.View(2), st.View(3), st.View(4), st.View(5), st.View(6), st.Real(7), st.Int(8),
                static_cast<uint64_t>(st.Int(11)));
      last = id;
    }
    if (!st.IsNull(9)) tally.AddStance(st.View(9), names.Of(st.View(9)), static_cast<int>(st.Int(10)));
  }
  if (!st.status().ok()) return QueryError(st.status());
  if (!names.status().ok()) return QueryError(names.status());
  return tally.Finish(limit, examples, [&](std::vector<QuoteRow>& qs) { return AttachStance(db, qs); },
                      [&](std::vector<QuoteRow>& qs) { return CompleteQuotes(db, qs); });
}

uint32_t VoiceTally::Names::Intern(std::string_view s) {
  auto it = index.find(s);
  if (it != index.end()) return it->second;
  auto n = static_cast<uint32_t>(names.size());
  names.emplace_back(s);
  index.emplace(std::string(s), n);
  return n;
}

const std::string& VoiceTally::Names::Of(uint32_t code) const {
  static const std::string empty;
  return code < names.size() ? names[code] : empty;
}

void VoiceTally::Add(int64_t key, std::string_view speaker_entity, std::string_view speaker,
                     std::string_view speaker_type, std::string_view day, std::string_view outlet,
                     std::string_view kind, double confidence, int64_t bytes, uint64_t text_hash) {
  AddCoded(key, entities_.Intern(speaker_entity), names_.Intern(speaker), types_.Intern(speaker_type),
           day.empty() ? kNoCode : days_.Intern(day), outlets_.Intern(outlet), kind == "direct" || kind == "block",
           confidence, bytes, text_hash);
}

void VoiceTally::AddStance(std::string_view target, std::string_view name, int polarity) {
  uint32_t t = targets_.Intern(target);
  if (t == target_names_.size()) {
    target_names_.emplace_back(name);
    target_named_.push_back(true);
  }
  AddStanceCoded(t, polarity);
}

void VoiceTally::Adopt(Dictionaries d) {
  entities_.names = std::move(d.speakers);
  names_.names = std::move(d.names);
  types_.names = std::move(d.types);
  days_.names = std::move(d.days);
  outlets_.names = std::move(d.outlets);
  targets_.names = std::move(d.targets);
  target_name_ = std::move(d.target_name);
  target_names_.assign(targets_.names.size(), std::string());
  target_named_.assign(targets_.names.size(), false);
  // Days compare by rank, not by string.
  std::vector<uint32_t> order(days_.names.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return days_.names[a] < days_.names[b]; });
  day_rank_.assign(order.size(), 0);
  for (uint32_t r = 0; r < order.size(); ++r) day_rank_[order[r]] = r;
}

bool VoiceTally::DayBefore(uint32_t a, uint32_t b) const {
  if (a == b) return false;
  return day_rank_.empty() ? days_.names[a] < days_.names[b] : day_rank_[a] < day_rank_[b];
}

void VoiceTally::AddCoded(int64_t key, uint32_t speaker, uint32_t name, uint32_t type, uint32_t day, uint32_t outlet,
                          bool quoted, double confidence, int64_t bytes, uint64_t text_hash) {
  if (speaker >= speaker_slot_.size()) speaker_slot_.resize(speaker + 1, kNoCode);
  if (speaker_slot_[speaker] == kNoCode) {
    speaker_slot_[speaker] = static_cast<uint32_t>(speakers_.size());
    speakers_.emplace_back().entity = speaker;
  }
  Speaker& s = speakers_[speaker_slot_[speaker]];
  if (s.quotes.empty() || key < s.first_key) {  // the name as the earliest quotation gives it
    s.first_key = key;
    s.name = name;
    s.type = type;
  }
  if (day != kNoCode) {
    if (s.first_day == kNoCode || DayBefore(day, s.first_day)) s.first_day = day;
    if (s.last_day == kNoCode || DayBefore(s.last_day, day)) s.last_day = day;
  }
  s.quotes.push_back({key, bytes, confidence, text_hash, outlet, quoted, false});
  last_ = speaker_slot_[speaker];
}

void VoiceTally::Count(Speaker& s, Quote& q, uint32_t target, int polarity) {
  s.stance[target][static_cast<size_t>(std::clamp(polarity, -1, 1) + 1)] += 1;
  if (polarity != 0) q.side = true;
}

void VoiceTally::AddStanceCoded(uint32_t target, int polarity) {
  if (last_ == SIZE_MAX) return;
  stance_added_ = true;
  Speaker& s = speakers_[last_];
  Count(s, s.quotes.back(), target, polarity);
}

const std::string& VoiceTally::TargetName(uint32_t t) {
  if (!target_named_[t]) {
    target_names_[t] = target_name_ ? target_name_(targets_.names[t]) : targets_.names[t];
    target_named_[t] = true;
  }
  return target_names_[t];
}

Result<std::vector<Voice>> VoiceTally::Finish(int64_t limit, int examples, const StanceFn& attach_stance,
                                              const CompleteFn& complete) {
  std::vector<Speaker*> order;
  for (Speaker& s : speakers_) order.push_back(&s);
  auto count = [](const Speaker* s) { return static_cast<int64_t>(s->quotes.size()); };
  std::sort(order.begin(), order.end(), [&](const Speaker* a, const Speaker* b) {
    int64_t na = count(a), nb = count(b);
    return std::tie(nb, names_.Of(a->name), entities_.Of(a->entity)) < std::tie(na, names_.Of(b->name), entities_.Of(b->entity));
  });
  if (limit >= 0 && order.size() > static_cast<size_t>(limit)) order.resize(static_cast<size_t>(limit));
  std::vector<Voice> out;
  for (Speaker* s : order) {
    Voice v;
    v.entity = entities_.Of(s->entity);
    v.name = names_.Of(s->name);
    v.type = types_.Of(s->type);
    v.quotes = count(s);
    v.first_day = days_.Of(s->first_day);
    v.last_day = days_.Of(s->last_day);
    std::vector<Quote>& qs = s->quotes;
    auto by_key = [](const Quote& a, const Quote& b) { return a.key < b.key; };
    if (!std::is_sorted(qs.begin(), qs.end(), by_key)) std::sort(qs.begin(), qs.end(), by_key);
    std::vector<int64_t> outlet_counts(outlets_.names.size());
    for (const Quote& q : qs) ++outlet_counts[q.outlet];
    v.outlets = OutletsByCount(outlet_counts, outlets_.names);
    // Stance toward each target, read here a slice at a time if the rows did not bring it.
    constexpr size_t kSlice = 5000;
    for (size_t first = 0; !stance_added_ && first < qs.size(); first += kSlice) {
      std::vector<QuoteRow> stubs(std::min(kSlice, qs.size() - first));
      for (size_t i = 0; i < stubs.size(); ++i) stubs[i].id = qs[first + i].key;
      PLX_RETURN_IF_ERROR(attach_stance(stubs));
      for (size_t i = 0; i < stubs.size(); ++i) {
        for (const StanceEntry& e : stubs[i].stance) {
          uint32_t t = targets_.Intern(e.target);
          if (t == target_names_.size()) {
            target_names_.push_back(e.name);
            target_named_.push_back(true);
          }
          Count(*s, qs[first + i], t, e.polarity);
        }
      }
    }
    for (const auto& [t, n] : s->stance) {
      v.stance.push_back({targets_.names[t], TargetName(t), n[2], n[1], n[0]});
    }
    SortStance(v.stance);
    // Quotations by example score, then key; ranked only as deep as the examples are looked for
    // (a speaker can have a million quotations, and a few dozen are looked at).
    std::vector<double> score(qs.size());
    for (size_t i = 0; i < qs.size(); ++i) {
      score[i] = QuoteColumns::ExampleScore(qs[i].quoted, qs[i].confidence, qs[i].bytes, qs[i].side);
    }
    std::vector<size_t> ranked(qs.size());
    for (size_t i = 0; i < ranked.size(); ++i) ranked[i] = i;
    size_t ranked_depth = 0;
    auto at = [&](size_t r) -> std::optional<ExampleCandidate> {
      if (r >= ranked.size()) return std::nullopt;
      if (r >= ranked_depth) {  // the ranked prefix stays; the next ones are chosen from the rest
        size_t depth = std::min(ranked.size(), std::max<size_t>(64, 2 * (r + 1)));
        auto it = [&](size_t k) { return ranked.begin() + static_cast<std::ptrdiff_t>(k); };
        std::partial_sort(it(ranked_depth), it(depth), ranked.end(),
                          [&](size_t a, size_t b) { return score[a] > score[b] || (score[a] == score[b] && a < b); });
        ranked_depth = depth;
      }
      const Quote& q = qs[ranked[r]];
      return ExampleCandidate{q.key, q.outlet, q.text_hash};
    };
    PLX_ASSIGN_OR_RETURN(v.examples, ChooseExamples(at, v.outlets.size(), examples, attach_stance, complete));
    out.push_back(std::move(v));
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
              "" + std::string(kQuoteWords) + ", s.polarity "
              "FROM quote_stance s JOIN quotes q ON q.id = s.quote JOIN articles a ON a.rowid = q.article "
              "LEFT JOIN entities e ON e.id = s.target" + w.sql + " ORDER BY a.day, a.rowid, q.in_title DESC, q.start, s.rowid");
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
