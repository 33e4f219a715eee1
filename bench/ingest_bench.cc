// Ingest throughput: the full ingest pipeline (parse, language id, fingerprint, entities,
// quotations, stance, FTS5 with our tokenizer, commit) on news text, in several configurations.
// The index alone against other engines is bench/index_compare.cc. Prints Markdown.
// Usage: ingest_bench SHARED_DATA SOURCE_DIR WORKDIR
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bench/corpus.h"
#include "pipeline/ingest_job.h"

using namespace parallax;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: ingest_bench SHARED_DATA SOURCE_DIR WORKDIR\n");
    return 2;
  }
  std::string work = argv[3];
  std::filesystem::create_directories(work);
  // Five shuffles of NTREX-128 in ten languages: about 17 MB of news text.
  std::vector<bench::Doc> docs = bench::LoadNewsDocs(argv[1], argv[2], 5);
  int64_t bytes = 0;
  for (const auto& d : docs) bytes += static_cast<int64_t>(d.text.size());
  std::string jsonl = work + "/news.jsonl";
  {
    std::ofstream out(jsonl);
    for (size_t i = 0; i < docs.size(); ++i) {
      out << nlohmann::json{{"text", docs[i].text}, {"url", fmt::format("https://bench.example/{}", i)},
                            {"published", "2024-09-16"}}.dump()
          << "\n";
    }
  }
  double mb = bytes / 1e6;
  fmt::print("Input: {} documents, {:.1f} MB of news text (NTREX-128 in 10 languages, 5 shuffles of its lines).\n\n", docs.size(), mb);

  // 1. The ingest pipeline, best of three runs, with and without entity analysis.
  fmt::print("| measure | value |\n|---|---|\n");
  struct Config {
    bool entities, stance;
    int jobs;
    const char* label;
  };
  const Config configs[] = {
      {true, true, 1, "ingest with entities, quotations and stance, one thread"},
      {true, false, 1, "ingest with entities and quotations, `--no-stance`, one thread"},
      {true, true, 2, "ingest with entities, quotations and stance, `--jobs 2`"},
      {false, false, 1, "ingest `--no-entities` (parse, langid, fingerprint, FTS5 index, commit), one thread"},
  };
  for (const Config& cfg : configs) {
    double best = 1e9;
    store::RunCounts counts;
    for (int run = 0; run < 3; ++run) {
      std::string db = work + "/ingest.db";
      for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
      auto st = store::SqliteStore::Open(db, {.create = true});
      if (!st.ok()) return 1;
      pipeline::IngestOptions o;
      o.paths = {jsonl};
      o.find_entities = cfg.entities;
      o.find_stance = cfg.stance;
      o.jobs = cfg.jobs;
      auto t0 = Clock::now();
      auto r = pipeline::RunIngest(**st, o);
      if (!r.ok()) {
        fmt::print(stderr, "ingest failed: {}\n", r.status().ToString());
        return 1;
      }
      best = std::min(best, Seconds(t0));
      counts = r->counts;
    }
    fmt::print("| {} | {:.1f} MB/s ({:.0f} articles/s; stored {}, near-duplicates {}) |\n", cfg.label, mb / best,
               docs.size() / best, counts.stored, counts.near_duplicates);
  }

  return 0;
}
