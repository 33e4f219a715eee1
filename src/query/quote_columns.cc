#include "query/quote_columns.h"

#include <algorithm>
#include <map>
#include <mutex>

#include <sqlite3.h>

#include "store/sqlite.h"

namespace parallax::query {

using store::Stmt;

uint32_t QuoteColumns::Dictionary::Code(std::string_view v) {
  auto it = codes.find(v);
  if (it != codes.end()) return it->second;
  auto code = static_cast<uint32_t>(values.size());
  values.emplace_back(v);
  codes.emplace(values.back(), code);
  return code;
}

uint32_t QuoteColumns::Target(std::string_view id) const {
  auto it = targets_.codes.find(id);
  return it == targets_.codes.end() ? kNull : it->second;
}

uint32_t QuoteColumns::Speaker(std::string_view id) const {
  auto it = speakers_.codes.find(id);
  return it == speakers_.codes.end() ? kNull : it->second;
}

double QuoteColumns::ExampleScore(bool quoted, double confidence, int64_t bytes, bool side) {
  double x = confidence;
  if (quoted) x += 1;
  if (bytes >= 40) x += 0.5;
  if (bytes > 400) x -= 0.5;
  if (side) x += 0.5;
  return x;
}

std::pair<size_t, size_t> QuoteColumns::OfArticle(int64_t rowid) const {
  if (rowid < 0 || static_cast<size_t>(rowid) + 1 >= article_begin_.size()) return {quotes_.size(), quotes_.size()};
  return {article_begin_[static_cast<size_t>(rowid)], article_begin_[static_cast<size_t>(rowid) + 1]};
}

Status QuoteColumns::Extend(sqlite3* db, int64_t max_quote, int64_t max_stance) {
  const size_t old_quotes = quotes_.size();
  Stmt q(db, "SELECT id, article, speaker_entity, speaker, speaker_type, kind, confidence, end - start, "
             "coalesce(text_hash, 0) FROM quotes "
             "WHERE id > ? AND id <= ? AND kind <> 'term' AND speaker_entity IS NOT NULL ORDER BY id");
  q.Bind(1, max_quote_);
  q.Bind(2, max_quote);
  while (q.Step()) {
    Quote r;
    r.id = q.Int(0);
    int64_t article = q.Int(1);
    if (article < 0 || article >= INT32_MAX || (!quotes_.empty() && article < quotes_.back().article)) {
      return Status::Unavailable("quotations are not stored in article order");
    }
    r.article = static_cast<uint32_t>(article);
    speaker_.push_back(speakers_.Code(q.View(2)));
    if (!q.IsNull(3)) r.name = names_.Code(q.View(3));
    if (!q.IsNull(4)) r.type = types_.Code(q.View(4));
    r.kind = static_cast<uint8_t>(std::min<uint32_t>(kinds_.Code(q.View(5)), 255));
    r.confidence = q.Real(6);
    r.bytes = static_cast<uint32_t>(std::max<int64_t>(0, q.Int(7)));
    r.text_hash = static_cast<uint64_t>(q.Int(8));
    quotes_.push_back(r);
  }
  PLX_RETURN_IF_ERROR(q.status());
  if (kinds_.values.size() > 255) return Status::Unavailable("more than 255 kinds of quotation");

  // Stance rows, each placed with its quotation (found by id: quotes_ is in id order).
  struct Row {
    uint32_t quote;
    Stance stance;
    double confidence;
  };
  std::vector<Row> rows;
  Stmt s(db, "SELECT quote, target, polarity, confidence FROM quote_stance WHERE rowid > ? AND rowid <= ? ORDER BY rowid");
  s.Bind(1, max_stance_);
  s.Bind(2, max_stance);
  size_t hint = old_quotes;
  while (s.Step()) {
    int64_t id = s.Int(0);
    size_t i = hint < quotes_.size() && quotes_[hint].id == id ? hint
               : static_cast<size_t>(std::lower_bound(quotes_.begin(), quotes_.end(), id,
                                                      [](const Quote& a, int64_t b) { return a.id < b; }) -
                                     quotes_.begin());
    if (i == quotes_.size() || quotes_[i].id != id) continue;  // a term or a quotation without a speaker
    if (i < old_quotes) return Status::Unavailable("stance added to a quotation held before");
    hint = i;
    rows.push_back({static_cast<uint32_t>(i),
                    {targets_.Code(s.View(1)), static_cast<int8_t>(std::clamp<int64_t>(s.Int(2), -1, 1))}, s.Real(3)});
  }
  PLX_RETURN_IF_ERROR(s.status());
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.quote < b.quote; });
  stance_begin_.resize(quotes_.size() + 1, static_cast<uint32_t>(stance_.size()));
  size_t k = 0;
  for (size_t i = old_quotes; i < quotes_.size(); ++i) {
    stance_begin_[i] = static_cast<uint32_t>(stance_.size());
    for (; k < rows.size() && rows[k].quote == i; ++k) {
      stance_.push_back(rows[k].stance);
      stance_confidence_.push_back(rows[k].confidence);
    }
  }
  stance_begin_[quotes_.size()] = static_cast<uint32_t>(stance_.size());

  // Each speaker's quotations in example order: the new ones sorted, then merged into the held
  // order (a copy: the held one may be in use).
  struct Ranked {
    uint32_t speaker;
    double score;
    uint32_t index;
    bool operator<(const Ranked& o) const {
      return speaker != o.speaker ? speaker < o.speaker : score != o.score ? score > o.score : index < o.index;
    }
  };
  auto ranked = [&](uint32_t i) {
    const Quote& r = quotes_[i];
    std::span<const Stance> st = StanceOf(i);
    bool side = std::any_of(st.begin(), st.end(), [](const Stance& x) { return x.polarity != 0; });
    const std::string& kind = kinds_.values[r.kind];
    return Ranked{speaker_[i], ExampleScore(kind == "direct" || kind == "block", r.confidence, r.bytes, side), i};
  };
  std::vector<Ranked> fresh;
  fresh.reserve(quotes_.size() - old_quotes);
  for (size_t i = old_quotes; i < quotes_.size(); ++i) fresh.push_back(ranked(static_cast<uint32_t>(i)));
  std::sort(fresh.begin(), fresh.end());
  std::vector<uint32_t> merged;
  merged.reserve(quotes_.size());
  size_t held = 0, added = 0;
  while (held < ranked_.size() || added < fresh.size()) {
    if (added == fresh.size() || (held < ranked_.size() && ranked(ranked_[held]) < fresh[added])) {
      merged.push_back(ranked_[held++]);
    } else {
      merged.push_back(fresh[added++].index);
    }
  }
  ranked_ = std::move(merged);
  ranked_begin_.assign(speakers_.values.size() + 1, 0);
  for (uint32_t i : ranked_) ++ranked_begin_[speaker_[i] + 1];
  for (size_t k = 1; k < ranked_begin_.size(); ++k) ranked_begin_[k] += ranked_begin_[k - 1];
  rank_of_.resize(quotes_.size());
  for (size_t k = 0; k + 1 < ranked_begin_.size(); ++k) {
    for (uint32_t p = ranked_begin_[k]; p < ranked_begin_[k + 1]; ++p) rank_of_[ranked_[p]] = p - ranked_begin_[k];
  }

  // Where each article's quotations begin, for every article up to the last one quoted.
  size_t articles = quotes_.empty() ? 0 : quotes_.back().article + 1;
  article_begin_.assign(articles + 1, 0);
  size_t next = 0;
  for (size_t a = 0; a <= articles; ++a) {
    while (next < quotes_.size() && quotes_[next].article < a) ++next;
    article_begin_[a] = static_cast<uint32_t>(next);
  }
  max_quote_ = max_quote;
  max_stance_ = max_stance;
  return Status::Ok();
}

Result<std::shared_ptr<const QuoteColumns>> QuoteColumns::Get(sqlite3* db) {
  // The state this connection sees (both read in one statement, so from one snapshot).
  Stmt m(db, "SELECT (SELECT coalesce(max(id), 0) FROM quotes), (SELECT coalesce(max(rowid), 0) FROM quote_stance)");
  if (!m.Step()) return m.status().ok() ? Status::Internal("no maxima") : m.status();
  const int64_t max_quote = m.Int(0), max_stance = m.Int(1);

  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::shared_ptr<const QuoteColumns>>();
  const char* file = sqlite3_db_filename(db, "main");
  std::string key = file != nullptr ? file : "";
  std::lock_guard<std::mutex> lock(mu);  // one reads while the others wait for its copy
  std::shared_ptr<const QuoteColumns>* held = key.empty() ? nullptr : &(*cache)[key];
  // A copy newer than this connection's view holds rows it cannot see, but only of articles it
  // cannot see either (an article, its quotations and their stance are written in one
  // transaction), which no walk of its matches reaches.
  if (held != nullptr && *held && (*held)->max_quote_ >= max_quote && (*held)->max_stance_ >= max_stance) return *held;
  std::shared_ptr<QuoteColumns> next;
  if (held != nullptr && *held && (*held)->max_quote_ <= max_quote && (*held)->max_stance_ <= max_stance) {
    next = std::make_shared<QuoteColumns>(**held);
    if (!next->Extend(db, max_quote, max_stance).ok()) next.reset();  // read whole below
  }
  if (!next) {
    next = std::make_shared<QuoteColumns>();
    PLX_RETURN_IF_ERROR(next->Extend(db, max_quote, max_stance));
  }
  if (held != nullptr) *held = next;
  return std::shared_ptr<const QuoteColumns>(std::move(next));
}

}  // namespace parallax::query
