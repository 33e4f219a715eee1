// Query latency on an existing store, for bench/scale.sh: opens WORKSPACE (a SQLite file, read
// only) or a clickhouse:// URL and times, over ROUNDS rotations of ten queries, what analysts
// run most: search counts, timelines (monthly counts by outlet for a query), stance tables
// (speaker x target toward a rotating target) and voices (the top 10 speakers on a topic toward
// a target, with stance and examples) on both stores; on SQLite also the search page (20 hits
// with snippets plus the total, as /api/search runs it). Prints one Markdown row per kind: p50
// and p99 in milliseconds.
// Usage: query_latency WORKSPACE|clickhouse://HOST:PORT/DB [ROUNDS [KIND...]]
// KIND: the first word of a kind's name (search, timeline, stance, page, voices); default all.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "query/clickhouse.h"
#include "query/search.h"
#include "query/stance.h"
#include "store/sqlite_store.h"

using namespace parallax;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: query_latency WORKSPACE [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
  const std::string where = argv[1];
  std::unique_ptr<store::SqliteStore> lite;
  std::unique_ptr<store::ClickHouseStore> ch;
  if (where.rfind("clickhouse://", 0) == 0) {
    auto url = store::ClickHouseUrl::Parse(where);
    auto opened = url.ok() ? store::ClickHouseStore::Open(*url, {.writer = false})
                           : Result<std::unique_ptr<store::ClickHouseStore>>(url.status());
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      return 1;
    }
    ch = std::move(*opened);
  } else {
    auto opened = store::SqliteStore::Open(where, {.read_only = true});
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      return 1;
    }
    lite = std::move(*opened);
  }
  sqlite3* db = lite ? lite->db() : nullptr;
  // Words of the sample corpus's stories (which the synthetic corpus recombines) and of NTREX.
  const std::vector<std::string> words = {"Kina", "Кина", "Kosovo", "Kosovës", "China", "中国", "investicija",
                                          "\"Dragan Milović\"", "(Kina OR China) AND NOT fudbal", "qeveria"};
  struct Kind {
    const char* name;
    std::function<Status(size_t)> run;
  };
  auto target_of = [&](size_t i) { return "place/" + std::string(i % 2 ? "cn" : "xk"); };
  std::vector<Kind> kinds = {
      {"search count",
       [&](size_t i) -> Status {
         const std::string& q = words[i % words.size()];
         return ch ? query::ClickHouseCount(*ch, q, {}).status() : query::Count(db, q, {}).status();
       }},
      {"timeline (monthly, by outlet)",
       [&](size_t i) -> Status {
         const std::string& q = words[i % words.size()];
         return ch ? query::ClickHouseTimeline(*ch, q, "month", "outlet", {}).status()
                   : query::Timeline(db, q, "month", "outlet", {}).status();
       }},
      {"stance table (speaker x target)",
       [&](size_t i) -> Status {
         query::StanceQuery sq{.target = target_of(i)};
         return ch ? query::ClickHouseStanceTable(*ch, {}, sq).status() : query::StanceTable(db, {}, sq).status();
       }},
  };
  if (!ch) {
    kinds.push_back({"search page (20 hits with snippets + total)", [&](size_t i) -> Status {
                       const std::string& q = words[i % words.size()];
                       PLX_RETURN_IF_ERROR(query::Search(db, q, {}, 20).status());
                       return query::Count(db, q, {}).status();
                     }});
  }
  kinds.push_back({"voices (top 10 toward a target)", [&](size_t i) -> Status {
                     const std::string& q = words[i % words.size()];
                     return ch ? query::ClickHouseVoices(*ch, q, {}, target_of(i), 10).status()
                               : query::Voices(db, q, {}, target_of(i), 10).status();
                   }});
  std::vector<std::string> only(argv + std::min(argc, 3), argv + argc);
  auto wanted = [&](const Kind& k) {
    std::string name = k.name;
    if (name.rfind("search page", 0) == 0) name = "page";
    return only.empty() || std::find(only.begin(), only.end(), name.substr(0, name.find(' '))) != only.end();
  };
  fmt::print("| query | p50 ms | p99 ms | runs |\n|---|---:|---:|---:|\n");
  for (const Kind& k : kinds) {
    if (!wanted(k)) continue;
    (void)k.run(0);  // warm the page cache, as a running server has it
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r) {
      for (size_t i = 0; i < words.size(); ++i) {
        auto t0 = Clock::now();
        Status s = k.run(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!s.ok()) {
          std::fprintf(stderr, "%s: %s\n", k.name, s.ToString().c_str());
          return 1;
        }
      }
    }
    std::sort(ms.begin(), ms.end());
    fmt::print("| {} | {:.1f} | {:.1f} | {} |\n", k.name, ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)],
               ms.size());
  }
  return 0;
}
