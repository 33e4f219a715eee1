// Queries on the ClickHouse store (store/clickhouse_store.h) that answer as their SQLite
// counterparts do: search counts, timelines, stance tables, stored quotations and voices.
//
// Search runs on the inverted index (table `postings`: each article's index terms, with the
// `parallax` tokenizer's folding and stemming): a query word matches when any of its forms
// (folded, and its stem in every stemmed language, as in SQLite) is a term of the article;
// `word*` matches terms starting with the folded word; a phrase needs its words and, for words with spaces between, the folded phrase in the
// folded text (SQLite's FTS5 also accepts inflected forms next to each other there).
// AND, OR, NOT and groups as in search.h.
//
// Rows a batch sent twice left behind (until ClickHouse merges them) are counted once by
// counting distinct articles and quotations rather than reading with FINAL, which the Debian
// server does on one thread.
#pragma once


#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/reader.h"
#include "query/search.h"
#include "query/stance.h"
#include "store/clickhouse_store.h"

namespace parallax::query {

// The ClickHouse condition on `database`.articles for a user query (column `folded`, and the
// postings table).
Result<std::string> ClickHouseMatch(std::string_view user_query, const std::string& database);

Result<int64_t> ClickHouseCount(store::ClickHouseStore& ch, std::string_view query, const Filters& f);
Result<std::vector<TimelineRow>> ClickHouseTimeline(store::ClickHouseStore& ch, std::string_view query,
                                                    std::string_view interval, std::string_view by, const Filters& f);
// Search hits, newest first (ClickHouse has no bm25: the order differs from Search's when
// there is a query), each with a snippet around the first word the query matches, marked with
// `open` and `close`.
Result<std::vector<Hit>> ClickHouseSearch(store::ClickHouseStore& ch, std::string_view query, const Filters& f,
                                          int64_t limit, int64_t offset = 0, std::string_view open = "<mark>",
                                          std::string_view close = "</mark>");
// Facet counts as FacetCounts gives them.
Result<Facets> ClickHouseFacets(store::ClickHouseStore& ch, std::string_view query, const Filters& f);

// Stored quotations, as ListQuotes gives them (QuoteRow::id is 0: ClickHouse has no row ids).
Result<std::vector<QuoteRow>> ClickHouseQuotes(store::ClickHouseStore& ch, const Filters& f, const QuoteQuery& q,
                                               int64_t limit, int64_t offset = 0);
// The most quoted speakers on a topic, as Voices gives them.
Result<std::vector<Voice>> ClickHouseVoices(store::ClickHouseStore& ch, std::string_view query, const Filters& f,
                                            std::string_view target, int64_t limit, int examples = 3);
// Holder x target counts with the strongest quotation of each, as StanceTable gives them
// (among equally confident quotations, either may be the strongest).
Result<std::vector<StanceCell>> ClickHouseStanceTable(store::ClickHouseStore& ch, const Filters& f, const StanceQuery& q);

// One stored article with its metadata, text and paragraphs (not its mentions or quotations),
// as SqliteStore::GetArticle gives it; empty when there is none.
Result<std::optional<Article>> ClickHouseArticle(store::ClickHouseStore& ch, const std::string& id);
// An entity's mentions and articles, by outlet and by month, as CountEntity gives them.
Result<EntityCounts> ClickHouseCountEntity(store::ClickHouseStore& ch, std::string_view entity_id);
// The id of a stored entity (one no pack lists) by its name or a word of it, the most
// mentioned first, as StoredEntityId finds it; "" when none.
Result<std::string> ClickHouseEntityId(store::ClickHouseStore& ch, std::string_view name);

// An article's entity mentions in text order, as ArticleMentions gives them.
Result<std::vector<MentionRow>> ClickHouseMentions(store::ClickHouseStore& ch, std::string_view article_id);
// The store in numbers, each row counted once.
Result<StoreStats> ClickHouseStats(store::ClickHouseStore& ch);
// The entities most often named in the matching articles, as TopEntities gives them.
Result<std::vector<EntityCount>> ClickHouseTopEntities(store::ClickHouseStore& ch, std::string_view query, const Filters& f,
                                                       int64_t limit);
// A fetched article's archived copy (WARC location, fetch time), when it has one.
Result<std::optional<std::pair<std::string, std::string>>> ClickHouseArchive(store::ClickHouseStore& ch,
                                                                             const std::string& article_id);
// Networks and statements, as ActorTargetEdges, CoMentionEdges and Statements give them.
Result<std::vector<Edge>> ClickHouseActorTargetEdges(store::ClickHouseStore& ch, const Filters& f, std::string_view target);
Result<std::vector<Edge>> ClickHouseCoMentionEdges(store::ClickHouseStore& ch, const Filters& f, int64_t top);
Result<std::vector<Statement>> ClickHouseStatements(store::ClickHouseStore& ch, const Filters& f, std::string_view target);

}  // namespace parallax::query
