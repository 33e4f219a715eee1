// Query latency on an existing store, for bench/scale.sh: opens WORKSPACE (a SQLite file, read
// only) or a clickhouse:// URL and times, over ROUNDS rotations of ten queries, what analysts
// run most: search counts, timelines (monthly counts by outlet for a query), stance tables
// (speaker x target toward a rotating target) and voices (the top 10 speakers on a topic toward
// a target, with stance and examples) on both stores; on SQLite also the search page (20 hits
// with snippets plus the total, as /api/search runs it). The queries go through one Reader, as
// each server thread holds one. Prints one Markdown row per kind: the first run's time (cold:
// it fills the page cache and the reader's in-memory columns) and p50 and p99 of the rest, in
// milliseconds.
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
#include "query/reader.h"
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
  // What the server runs: a Reader on one connection, kept for the whole run.
  std::unique_ptr<query::Reader> reader = ch ? query::ClickHouseReader(*ch) : query::SqliteReader(lite->db());
  query::Reader& r = *reader;
  // Words of the sample corpus's stories (which the synthetic corpus recombines) and of NTREX.
  const std::vector<std::string> words = {"Kina", "Кина", "Kosovo", "Kosovës", "China", "中国", "investicija",
                                          "\"Dragan Milović\"", "(Kina OR China) AND NOT fudbal", "qeveria"};
  struct Kind {
    const char* name;
    std::function<Status(size_t)> run;
  };
  auto target_of = [&](size_t i) { return "place/" + std::string(i % 2 ? "cn" : "xk"); };
  std::vector<Kind> kinds = {
      {"search count", [&](size_t i) { return r.Count(words[i % words.size()], {}).status(); }},
      {"timeline (monthly, by outlet)",
       [&](size_t i) { return r.Timeline(words[i % words.size()], "month", "outlet", {}).status(); }},
      {"stance table (speaker x target)",
       [&](size_t i) { return r.StanceTable({}, query::StanceQuery{.target = target_of(i)}).status(); }},
  };
  if (!ch) {
    kinds.push_back({"search page (20 hits with snippets + total)", [&](size_t i) -> Status {
                       int64_t total = 0;
                       return r.Search(words[i % words.size()], {}, 20, 0, "<mark>", "</mark>", &total).status();
                     }});
  }
  kinds.push_back({"voices (top 10 toward a target)",
                   [&](size_t i) { return r.Voices(words[i % words.size()], {}, target_of(i), 10).status(); }});
  std::vector<std::string> only(argv + std::min(argc, 3), argv + argc);
  auto wanted = [&](const Kind& k) {
    std::string name = k.name;
    if (name.rfind("search page", 0) == 0) name = "page";
    return only.empty() || std::find(only.begin(), only.end(), name.substr(0, name.find(' '))) != only.end();
  };
  fmt::print("| query | first ms | p50 ms | p99 ms | runs |\n|---|---:|---:|---:|---:|\n");
  for (const Kind& k : kinds) {
    if (!wanted(k)) continue;
    // The first run warms the page cache (and the reader's in-memory columns), as a running
    // server has them; its time is shown apart.
    auto t_first = Clock::now();
    (void)k.run(0);
    double first = std::chrono::duration<double, std::milli>(Clock::now() - t_first).count();
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
    fmt::print("| {} | {:.1f} | {:.1f} | {:.1f} | {} |\n", k.name, first, ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)],
               ms.size());
  }
  return 0;
}
