// Search latency on a large workspace, for bench/compare.sh: builds a workspace of N synthetic
// articles (default 100,000: NTREX news lines in ten languages, five to a document, drawn at
// random, spread over two years and twenty outlets; ingested without entity analysis), then
// times what one /api/search request runs (the page of hits with snippets and the total)
// for a rotation of queries: common and rare words, cross-script, inflected, a phrase, a
// boolean query, a filtered one and a Chinese one. Prints Markdown.
// Usage: search_latency SHARED_DATA SOURCE_DIR WORKDIR [N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bench/corpus.h"
#include "pipeline/ingest_job.h"
#include "query/search.h"

using namespace parallax;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: search_latency SHARED_DATA SOURCE_DIR WORKDIR [N]\n");
    return 2;
  }
  const std::string work = argv[3];
  const int n = argc > 4 ? std::atoi(argv[4]) : 100000;
  std::filesystem::create_directories(work);
  // Lines of every document, pooled per language.
  std::vector<bench::Doc> docs = bench::LoadNewsDocs(argv[1], argv[2], 1);
  std::vector<std::pair<std::string, std::string>> lines;  // lang, line
  for (const auto& d : docs) {
    size_t at = 0;
    while (at < d.text.size()) {
      size_t nl = d.text.find('\n', at);
      if (nl == std::string::npos) nl = d.text.size();
      if (nl > at) lines.emplace_back(d.lang, d.text.substr(at, nl - at));
      at = nl + 1;
    }
  }
  std::mt19937 rng(42);
  std::string jsonl = work + "/large.jsonl";
  int64_t bytes = 0;
  {
    std::ofstream out(jsonl);
    for (int i = 0; i < n; ++i) {
      std::string text;
      for (int k = 0; k < 5; ++k) text += (k ? "\n\n" : "") + lines[rng() % lines.size()].second;
      bytes += static_cast<int64_t>(text.size());
      int day = static_cast<int>(rng() % 730);
      out << nlohmann::json{{"text", text},
                            {"url", fmt::format("https://outlet{}.example/{}", i % 20, i)},
                            {"outlet", fmt::format("Outlet {}", i % 20)},
                            {"published", fmt::format("{:04d}-{:02d}-{:02d}", 2023 + day / 365, 1 + day % 365 / 31,
                                                      1 + day % 31 % 28)}}
                 .dump()
          << "\n";
    }
  }
  std::string db = work + "/large.db";
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  auto store = store::SqliteStore::Open(db, {.create = true});
  if (!store.ok()) return 1;
  pipeline::IngestOptions o;
  o.paths = {jsonl};
  o.find_entities = false;
  auto t0 = Clock::now();
  auto r = pipeline::RunIngest(**store, o);
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
    return 1;
  }
  double ingest_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::filesystem::remove(jsonl);

  struct Q {
    const char* label;
    const char* query;
    query::Filters f;
  };
  const std::vector<Q> queries = {
      {"common word", "government", {}},
      {"rare word", "Brexit", {}},
      {"cross-script", "Кина", {}},
      {"inflected (Albanian)", "qeveria", {}},
      {"inflected (Serbian)", "vlada", {}},
      {"phrase", "\"prime minister\"", {}},
      {"boolean", "(China OR Russia) AND NOT football", {}},
      {"filtered", "Trump", {.from = "2024-01-01", .to = "2024-06-30", .outlets = {"Outlet 3"}}},
      {"Chinese", "政府", {}},
  };
  sqlite3* h = (*store)->db();
  // Warm the page cache as a running server has it.
  for (const Q& q : queries) (void)query::Search(h, q.query, q.f, 20);
  fmt::print("Workspace: {} articles, {:.0f} MB of text, ingested in {:.0f} s (`--no-entities`); file {:.0f} MB.\n"
             "Each request: the first page of 20 hits with snippets plus the total, as /api/search runs it; "
             "30 rounds of the rotation.\n\n",
             r->counts.stored, bytes / 1e6, ingest_s, std::filesystem::file_size(db) / 1e6);
  fmt::print("| query | hits | p50 ms | p99 ms |\n|---|---|---|---|\n");
  std::vector<double> all;
  for (const Q& q : queries) {
    std::vector<double> ms;
    int64_t total = 0;
    for (int round = 0; round < 30; ++round) {
      auto s0 = Clock::now();
      auto hits = query::Search(h, q.query, q.f, 20);
      auto count = query::Count(h, q.query, q.f);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s0).count());
      if (!hits.ok() || !count.ok()) {
        std::fprintf(stderr, "%s: %s\n", q.query, (hits.ok() ? count.status() : hits.status()).ToString().c_str());
        return 1;
      }
      total = *count;
    }
    all.insert(all.end(), ms.begin(), ms.end());
    std::sort(ms.begin(), ms.end());
    fmt::print("| {} `{}` | {} | {:.1f} | {:.1f} |\n", q.label, q.query, total, ms[ms.size() / 2],
               ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]);
  }
  std::sort(all.begin(), all.end());
  double p99 = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  fmt::print("| **all** | | **{:.1f}** | **{:.1f}** |\n\nTarget: p99 under 100 ms at 100,000 articles: {}.\n",
             all[all.size() / 2], p99, p99 < 100 ? "met" : "**not met**");
  return 0;
}
