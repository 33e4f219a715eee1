// Entity matching: compile time of a large pack and matching throughput on news text.
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "bench/corpus.h"
#include "entities/matcher.h"

namespace parallax {
namespace {

const std::vector<bench::Doc>& Docs() {
  static const auto* docs = new std::vector<bench::Doc>(bench::LoadNewsDocs(PARALLAX_SHARED_DATA, PARALLAX_SOURCE_DIR));
  return *docs;
}

// The built-in packs plus synthetic people to reach `n` aliases (two-word names in Latin and
// Cyrillic spelling, as a large regional pack would have).
const entities::Knowledge& BigKnowledge(int n) {
  static std::map<int, entities::Knowledge*> cache;
  entities::Knowledge*& k = cache[n];
  if (k == nullptr) {
    k = new entities::Knowledge(std::move(*entities::Knowledge::Default()));
    std::string yaml = "entities:\n";
    static const char* kGiven[] = {"Marko", "Ana", "Arben", "Drita", "Nikola", "Jelena", "Ilir", "Vesna"};
    for (int i = 0; i < n / 2; ++i) {
      yaml += fmt::format("  - {{id: person/synthetic-{0}, type: person, name: {1} Testović{0}, aliases: {{sr-Latn: [{1} Testović{0}], sr-Cyrl: [Тестовић{0}]}}}}\n",
                          i, kGiven[i % 8]);
    }
    (void)k->AddPack(yaml, "synthetic");
  }
  return *k;
}

// Reading the built-in packs (0.7 MB of YAML) into a Knowledge: most of a command's start-up.
void BM_LoadPacks(benchmark::State& state) {
  size_t entities = 0;
  for (auto _ : state) {
    auto k = entities::Knowledge::Default();
    entities = k->entities().size();
    benchmark::DoNotOptimize(k);
  }
  state.counters["entities"] = static_cast<double>(entities);
}
BENCHMARK(BM_LoadPacks)->Unit(benchmark::kMillisecond);

void BM_CompileAliases(benchmark::State& state) {
  const entities::Knowledge& k = BigKnowledge(static_cast<int>(state.range(0)));
  size_t aliases = 0;
  for (auto _ : state) {
    auto m = entities::Matcher::Create(k);
    aliases = (*m)->alias_count();
    benchmark::DoNotOptimize(m);
  }
  state.counters["aliases"] = static_cast<double>(aliases);
}
BENCHMARK(BM_CompileAliases)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_MatchEntities(benchmark::State& state) {
  auto m = entities::Matcher::Create(BigKnowledge(static_cast<int>(state.range(0))));
  int64_t bytes = 0;
  for (const auto& d : Docs()) bytes += static_cast<int64_t>(d.text.size());
  (*m)->Find(Docs().front().text, {});  // loads the name tagger's model outside the timing
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& d : Docs()) n += (*m)->Find(d.text, {.day = "2024-09-16"}).size();
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_MatchEntities)->Arg(0)->Arg(200000);

// One long document (a report, a transcript): the news documents of one language (English,
// or German, which capitalises every noun) joined, and joined again to reach the size asked
// for, so that hundreds of people are named in one text, each many times. Bytes per second
// should stay near the short documents' figure; a rule that compares every word or mention
// with every person or mention before it falls far.
void BM_MatchLongDocument(benchmark::State& state) {
  auto m = entities::Matcher::Create(BigKnowledge(0));
  const std::string lang = state.range(1) == 0 ? "en" : "de";
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) {
    const size_t before = text.size();
    for (const auto& d : Docs()) {
      if (d.lang == lang && text.size() < static_cast<size_t>(state.range(0))) text += d.text + "\n";
    }
    if (text.size() == before) break;  // no documents in that language
  }
  state.SetLabel(lang);
  (*m)->Find(Docs().front().text, {});
  for (auto _ : state) benchmark::DoNotOptimize((*m)->Find(text, {.day = "2024-09-16"}).size());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_MatchLongDocument)
    ->Args({20000, 0})
    ->Args({300000, 0})
    ->Args({2000000, 0})
    ->Args({2000000, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
