// Quotation finding throughput on news text in every language Parallax serves, with the
// entity mentions found beforehand (as ingest passes them): the quotation layer alone.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "entities/matcher.h"
#include "pipeline/ingest_job.h"
#include "quotes/quotes.h"

namespace parallax {
namespace {

struct Prepared {
  Article article;
  std::string lang;
};

const std::vector<Prepared>& Docs() {
  static const auto* docs = [] {
    auto* out = new std::vector<Prepared>();
    auto knowledge = entities::Knowledge::Default();
    auto matcher = entities::Matcher::Create(*knowledge);
    for (bench::Doc& d : bench::LoadNewsDocs(PARALLAX_SHARED_DATA, PARALLAX_SOURCE_DIR)) {
      Prepared p;
      p.article.text = std::move(d.text);
      p.article.day = "2024-09-16";
      p.article.mentions = pipeline::FindMentions(**matcher, p.article);
      p.lang = d.lang;
      out->push_back(std::move(p));
    }
    return out;
  }();
  return *docs;
}

void BM_FindQuotes(benchmark::State& state) {
  auto finder = pipeline::MakeQuoteFinder(*entities::Knowledge::Default());
  Docs();  // entity matching happens here, outside the timing
  int64_t bytes = 0;
  for (auto _ : state) {
    size_t n = 0;
    for (const Prepared& d : Docs()) {
      n += finder->Find(d.article.text, {}, d.lang, d.article.mentions).size();
      bytes += static_cast<int64_t>(d.article.text.size());
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_FindQuotes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax
