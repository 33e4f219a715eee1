// Parallax's full analysis (language, entities, quotations with speakers, stance) on JSONL
// records, for bench/compare.sh beside compromise. Times the analysis only (the analysers and
// their models are loaded first, as a long-running ingest has them) and prints the seconds, bytes,
// quotation and person-mention counts as JSON.
// Usage: analyze_compare FILE.jsonl
#include <chrono>
#include <cstdio>
#include <vector>

#include <fmt/format.h>

#include "ingest/reader.h"
#include "pipeline/ingest_job.h"

int main(int argc, char** argv) {
  using namespace parallax;
  if (argc != 2) {
    std::fprintf(stderr, "usage: analyze_compare FILE.jsonl\n");
    return 2;
  }
  auto an = pipeline::Analysers::Load({}, "");
  if (!an.ok()) {
    std::fprintf(stderr, "%s\n", an.status().ToString().c_str());
    return 1;
  }
  std::vector<Article> articles;
  ingest::ReadSource(argv[1], {}, [&](ingest::Record& r) {
    if (r.article.ok()) articles.push_back(std::move(*r.article));
  });
  const ingest::OutletRegistry outlets;
  if (!articles.empty()) {  // lazily loaded models (name tagger, stance) load before timing starts
    Article warm = articles.front();
    pipeline::CompleteArticle(warm, outlets, "", "", an->matcher.get(), an->quotes.get(), an->stance.get());
  }
  long bytes = 0, quotations = 0, people = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (Article& a : articles) {
    pipeline::CompleteArticle(a, outlets, "", "", an->matcher.get(), an->quotes.get(), an->stance.get());
    bytes += static_cast<long>(a.text.size());
    for (const QuoteRecord& q : a.quotes) quotations += q.kind != "term";
    for (const EntityMention& m : a.mentions) people += m.type == "person";
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("{{\"seconds\": {}, \"bytes\": {}, \"articles\": {}, \"quotations\": {}, \"people\": {}}}\n", seconds,
             bytes, articles.size(), quotations, people);
  return 0;
}
