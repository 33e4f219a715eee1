// Queries on the ClickHouse store (store/clickhouse_store.h) that answer as their SQLite
// counterparts do: search counts, timelines and stance tables.
//
// Search runs on each article's index terms (the `parallax` tokenizer's folding and stemming,
// stored in `terms`): a query word matches when any of its forms (folded, and its stem in every
// stemmed language, as in SQLite) is a term; `word*` matches terms starting with the folded
// word; a phrase needs its words and, for words with spaces between, the folded phrase in the
// folded text (SQLite's FTS5 also accepts inflected forms next to each other there).
// AND, OR, NOT and groups as in search.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/search.h"
#include "query/stance.h"
#include "store/clickhouse_store.h"

namespace parallax::query {

// The ClickHouse condition for a user query (over columns `terms` and `folded`).
Result<std::string> ClickHouseMatch(std::string_view user_query);

Result<int64_t> ClickHouseCount(store::ClickHouseStore& ch, std::string_view query, const Filters& f);
Result<std::vector<TimelineRow>> ClickHouseTimeline(store::ClickHouseStore& ch, std::string_view query,
                                                    std::string_view interval, std::string_view by, const Filters& f);
// Holder x target counts, ordered as StanceTable orders them; `strongest` is left empty.
Result<std::vector<StanceCell>> ClickHouseStanceTable(store::ClickHouseStore& ch, const Filters& f, const StanceQuery& q);

}  // namespace parallax::query
