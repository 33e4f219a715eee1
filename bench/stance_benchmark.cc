// Stance scoring throughput on news text: the lexicon alone (Arg 0) and with the shipped model
// (Arg 1). Each document is read toward one target, its first word.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "stance/stance.h"

namespace parallax {
namespace {

const std::vector<bench::Doc>& Docs() {
  static const auto* docs = new std::vector<bench::Doc>(bench::LoadNewsDocs(PARALLAX_SHARED_DATA, PARALLAX_SOURCE_DIR));
  return *docs;
}

void BM_Stance(benchmark::State& state) {
  stance::Scorer scorer(state.range(0) ? &stance::Model::Default() : nullptr);
  Docs();
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const bench::Doc& d : Docs()) {
      size_t first = d.text.find(' ');
      stance::Target t{{{0, static_cast<uint32_t>(first == std::string::npos ? d.text.size() : first)}}};
      benchmark::DoNotOptimize(scorer.Score(d.text, d.lang, {}, {t}));
      bytes += static_cast<int64_t>(d.text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Stance)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax
