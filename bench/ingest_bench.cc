// Ingest and index throughput: the full ingest pipeline (parse, language id, fingerprint, FTS5
// with our tokenizer, commit) on news text, and the same texts indexed with FTS5's stock
// `unicode61 remove_diacritics 2` tokenizer versus ours. Prints Markdown.
// Usage: ingest_bench SHARED_DATA SOURCE_DIR WORKDIR
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bench/corpus.h"
#include "pipeline/ingest_job.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite.h"

using namespace parallax;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

int64_t FileSize(const std::string& p) {
  std::error_code ec;
  int64_t n = 0;
  for (const char* s : {"", "-wal"}) n += static_cast<int64_t>(std::filesystem::file_size(p + s, ec) * !ec);
  return n;
}

// Indexes every doc into a fresh FTS5 table with `tokenize`; returns seconds and file size.
std::pair<double, int64_t> IndexWith(const std::string& path, const std::string& tokenize,
                                     const std::vector<bench::Doc>& docs, bool marker) {
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  (void)store::RegisterTokenizer(db);
  (void)store::Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  (void)store::Exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize=\"" + tokenize + "\")");
  auto t0 = Clock::now();
  (void)store::Exec(db, "BEGIN");
  {
    store::Stmt ins(db, "INSERT INTO t(body) VALUES(?)");
    for (const auto& d : docs) {
      ins.Reset();
      ins.Bind(1, marker ? store::LanguageMarker(d.lang) + d.text : d.text);
      (void)ins.Run();
    }
  }
  (void)store::Exec(db, "COMMIT");
  double s = Seconds(t0);
  (void)store::Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(db);
  return {s, FileSize(path)};
}

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

  // 2. FTS5 index build: our tokenizer against unicode61 (median of three).
  std::vector<double> ours, stock;
  int64_t ours_size = 0, stock_size = 0;
  for (int run = 0; run < 3; ++run) {
    auto [a, as] = IndexWith(work + "/ours.db", "parallax", docs, true);
    auto [b, bs] = IndexWith(work + "/stock.db", "unicode61 remove_diacritics 2", docs, false);
    ours.push_back(a);
    stock.push_back(b);
    ours_size = as;
    stock_size = bs;
  }
  std::sort(ours.begin(), ours.end());
  std::sort(stock.begin(), stock.end());
  fmt::print("| FTS5 index build, `parallax` tokenizer | {:.1f} MB/s, index file {:.2f} MB per MB of text |\n", mb / ours[1], ours_size / 1e6 / mb);
  fmt::print("| FTS5 index build, stock `unicode61 remove_diacritics 2` | {:.1f} MB/s, index file {:.2f} MB per MB of text |\n", mb / stock[1], stock_size / 1e6 / mb);
  fmt::print("| time ratio ours / stock (target at most 2x) | {:.2f}x |\n", ours[1] / stock[1]);
  return 0;
}
