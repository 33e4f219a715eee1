// Google Benchmarks of the text layer on real news text, in bytes per second.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "text/fold.h"
#include "text/langid.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/stem.h"
#include "text/tokenize.h"
#include "text/translit.h"

namespace parallax {
namespace {

const std::vector<bench::Doc>& Docs() {
  static const auto* docs = new std::vector<bench::Doc>(bench::LoadNewsDocs(PARALLAX_SHARED_DATA, PARALLAX_SOURCE_DIR));
  return *docs;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const auto& d : Docs()) n += static_cast<int64_t>(d.text.size());
  return n;
}

void BM_TokenizeIndex(benchmark::State& state) {
  std::map<std::string, std::unique_ptr<text::Stemmer>> stemmers;
  for (const auto& d : Docs()) {
    if (!stemmers.count(d.lang)) stemmers[d.lang] = text::Stemmer::Create(d.lang == "hr" || d.lang == "bs" ? "sr" : d.lang);
  }
  std::string term;
  for (auto _ : state) {
    size_t terms = 0;
    for (const auto& d : Docs()) {
      text::Stemmer* s = stemmers[d.lang].get();
      text::ForEachWord(d.text, [&](std::string_view w, ByteRange, bool unspaced) {
        text::MakeTerm(w, unspaced ? nullptr : s, term);
        ++terms;
      });
    }
    benchmark::DoNotOptimize(terms);
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_TokenizeIndex);

void BM_FoldForMatch(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& d : Docs()) benchmark::DoNotOptimize(text::FoldForMatch(d.text));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_FoldForMatch);

void BM_Normalize(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& d : Docs()) benchmark::DoNotOptimize(text::Normalize(d.text));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Normalize);

void BM_TransliterateToLatin(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& d : Docs()) benchmark::DoNotOptimize(text::CyrillicToLatin(d.text));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_TransliterateToLatin);

void BM_Segment(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& d : Docs()) benchmark::DoNotOptimize(text::SplitSentences(d.text, d.lang));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Segment);

// The text layer as ingest and search use it on news: fold, segment and tokenize (stemmed).
void BM_TextLayer(benchmark::State& state) {
  std::map<std::string, std::unique_ptr<text::Stemmer>> stemmers;
  for (const auto& d : Docs()) {
    if (!stemmers.count(d.lang)) stemmers[d.lang] = text::Stemmer::Create(d.lang == "hr" || d.lang == "bs" ? "sr" : d.lang);
  }
  std::string term;
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& d : Docs()) {
      n += text::FoldForMatch(d.text).size();
      n += text::SplitSentences(d.text, d.lang).size();
      text::Stemmer* s = stemmers[d.lang].get();
      text::ForEachWord(d.text, [&](std::string_view w, ByteRange, bool unspaced) {
        text::MakeTerm(w, unspaced ? nullptr : s, term);
        ++n;
      });
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_TextLayer);

void BM_LangId(benchmark::State& state) {
  text::LoadLanguageModels();
  for (auto _ : state) {
    for (const auto& d : Docs()) benchmark::DoNotOptimize(text::IdentifyLanguage(d.text));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_LangId);

}  // namespace
}  // namespace parallax

