// Query latency on an existing workspace, for bench/scale.sh: opens WORKSPACE read-only and
// times, over ROUNDS rotations, the three queries analysts run most: search (the first page of
// 20 hits with snippets plus the total, as /api/search runs it), timeline (monthly counts by
// outlet for a query) and voices (the top 10 speakers on a topic toward a target, with their
// stance and examples). Prints one Markdown row per kind: p50 and p99 in milliseconds.
// Usage: query_latency WORKSPACE [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

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
  auto store = store::SqliteStore::Open(argv[1], {.read_only = true});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  sqlite3* db = (*store)->db();
  // Words of the sample corpus's stories (which the synthetic corpus recombines) and of NTREX.
  const std::vector<std::string> words = {"Kina", "Кина", "Kosovo", "Kosovës", "China", "中国", "investicija",
                                          "\"Dragan Milović\"", "(Kina OR China) AND NOT fudbal", "qeveria"};
  const std::vector<std::string> targets = {"China", "Kosovo", "Serbia"};
  struct Kind {
    const char* name;
    std::function<Status(size_t)> run;
  };
  const std::vector<Kind> kinds = {
      {"search (20 hits with snippets + total)",
       [&](size_t i) -> Status {
         const std::string& q = words[i % words.size()];
         PLX_RETURN_IF_ERROR(query::Search(db, q, {}, 20).status());
         return query::Count(db, q, {}).status();
       }},
      {"timeline (monthly, by outlet)",
       [&](size_t i) -> Status { return query::Timeline(db, words[i % words.size()], "month", "outlet", {}).status(); }},
      {"voices (top 10 toward a target)",
       [&](size_t i) -> Status {
         return query::Voices(db, words[i % words.size()], {}, targets[i % targets.size()], 10).status();
       }},
  };
  fmt::print("| query | p50 ms | p99 ms | runs |\n|---|---:|---:|---:|\n");
  for (const Kind& k : kinds) {
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
