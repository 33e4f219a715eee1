// Search, facets and timelines over the SQLite workspace.
//
// Queries are written as users expect (words, "phrases", AND / OR / NOT / AND NOT, prefix*, parentheses)
// and translated into a safe FTS5 expression: every word is quoted, so punctuation in a query
// never becomes FTS5 syntax, and folding and stemming happen in the `parallax` tokenizer. A query
// has at most 500 words and 32 nested groups.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace parallax::query {

class ArticleColumns;

// "Вучић AND (Kosovo OR Kosova*) NOT sport" -> "\"Вучић\" AND (\"Kosovo\" OR \"Kosova\"*) NOT \"sport\"".
Result<std::string> ToFtsQuery(std::string_view user_query);

struct Filters {
  std::string from, to;              // inclusive days (YYYY-MM-DD or any date ParseDate reads)
  std::vector<std::string> outlets;  // any of
  std::string country, lang, tag;
  bool unique = false;               // leave out near-duplicates (wire copies)
  std::string entity;                // only articles mentioning this entity id
};

struct Hit {
  std::string id, day, outlet, title, snippet, lang, country, url, title_en;
  double rank = 0;  // bm25: lower is better
};

struct Facet {
  std::string value;
  int64_t count = 0;
};
using Facets = std::map<std::string, std::vector<Facet>>;  // outlet, lang, country, tag, month

// `offset` skips that many hits (paging). Snippets mark matches with <mark>...</mark>, or with
// `open`/`close` when given (a caller that escapes HTML itself passes control characters).
// With `columns`, matches are ranked with the article lengths held there (the same ranks), in
// one walk of the matches that also counts them. `total`, when given, receives Count(): a page
// and its total for about the price of the page. `sibling`: another connection to the same
// workspace, which then walks half of the index's matches on a second thread.
Result<std::vector<Hit>> Search(sqlite3* db, std::string_view query, const Filters& f, int64_t limit, int64_t offset = 0,
                                std::string_view open = "<mark>", std::string_view close = "</mark>",
                                ArticleColumns* columns = nullptr, int64_t* total = nullptr,
                                sqlite3* sibling = nullptr);
Result<int64_t> Count(sqlite3* db, std::string_view query, const Filters& f);
Result<Facets> FacetCounts(sqlite3* db, std::string_view query, const Filters& f);

struct TimelineRow {
  std::string period;  // 2024-09-16, 2024-W38 (Monday of the week as a day), 2024-09
  std::string group;   // empty unless grouped
  int64_t count = 0;
};
// `query` may be empty (all articles). `interval`: day | week | month; `by`: "" | outlet |
// country | lang | tag. With `columns` (the connection's, article_columns.h), ungrouped and
// by-outlet timelines filtered at most by date and outlet count the matches from memory.
Result<std::vector<TimelineRow>> Timeline(sqlite3* db, std::string_view query, std::string_view interval,
                                          std::string_view by, const Filters& f, ArticleColumns* columns = nullptr);

// Stored quotations (terms left out), newest first, with their article's date and outlet and
// the speaker's stance toward each target.
struct StanceEntry {
  std::string target, name;
  int polarity = 0;
  double confidence = 0;
  int64_t evidence_start = -1, evidence_end = -1;  // bytes into the article; -1 when none
};
struct QuoteRow {
  int64_t id = 0;
  std::string article, day, outlet, lang, text, kind, speaker, speaker_entity, speaker_type, cue, url, title, title_en;
  int64_t start = 0, end = 0;  // bytes into the article's text, or its title when in_title
  bool in_title = false;
  double confidence = 0;
  std::vector<StanceEntry> stance;
};
struct QuoteQuery {
  std::string speaker_entity;  // only this speaker
  std::string match;           // words searched inside the quotations
  std::string target;          // only quotations with a stance toward this entity
  int polarity = 2;            // -1, 0 or 1: only that stance toward `target`; 2 any
  std::string article;         // only this article's quotations (in text order)
  bool headlines = false;      // only quotations in headlines
};
Result<std::vector<QuoteRow>> ListQuotes(sqlite3* db, const Filters& f, const QuoteQuery& q, int64_t limit,
                                         int64_t offset = 0);

// The entity mentions stored for one article, in text order (the headline's first).
struct MentionRow {
  std::string entity, name, type, via;
  int64_t start = 0, end = 0;  // bytes into the article's text, or its title when in_title
  bool in_title = false;
};
Result<std::vector<MentionRow>> ArticleMentions(sqlite3* db, std::string_view article_id);

// The most quoted speakers (terms left out): entity id, display name, quotations, outlets.
struct Speaker {
  std::string entity, name;
  int64_t quotes = 0, outlets = 0;
};
Result<std::vector<Speaker>> TopSpeakers(sqlite3* db, const Filters& f, int64_t limit);

// Mention counts of one entity: by outlet and by month.
struct EntityCounts {
  int64_t mentions = 0, articles = 0;
  std::vector<Facet> by_outlet, by_month;
};
Result<EntityCounts> CountEntity(sqlite3* db, std::string_view entity_id);

// The workspace's outlets (from outlets.yaml, packs and ingest).
struct OutletInfo {
  std::string name, country, lang;
  std::vector<std::string> tags;
};
Result<std::vector<OutletInfo>> ListOutlets(sqlite3* db);

// The id of a stored entity whose display name matches `name` (folded), or "".
Result<std::string> StoredEntityId(sqlite3* db, std::string_view name);

}  // namespace parallax::query
