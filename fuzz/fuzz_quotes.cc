// The analysis an article goes through after reading: language and script, entity mentions,
// quotations with speakers, and stance, over a headline and paragraphs of arbitrary (repaired)
// text.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/check.h"
#include "ingest/outlets.h"
#include "ingest/reader.h"
#include "pipeline/ingest_job.h"

namespace {

const parallax::pipeline::Analysers& Shared() {
  static parallax::pipeline::Analysers analysers = [] {
    auto loaded = parallax::pipeline::Analysers::Load({}, "");
    if (!loaded.ok()) parallax::fuzz::Fail("cannot load the analysers");
    return std::move(*loaded);
  }();
  return analysers;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& an = Shared();
  static const parallax::ingest::OutletRegistry outlets;
  parallax::Article a;
  // Readers hand the pipeline valid UTF-8; the first byte picks a declared date, how paragraphs
  // are split and whether the first line is the headline (read with the body).
  a.day = size > 0 && data[0] % 2 ? "2024-09-16" : "";
  a.text = parallax::text::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  if (size > 0 && data[0] % 8 >= 4) {
    size_t nl = a.text.find('\n');
    a.title = a.text.substr(0, nl);
    a.text.erase(0, nl == std::string::npos ? a.text.size() : nl + 1);
  }
  a.paragraphs = parallax::ingest::SplitParagraphs(a.text, size > 0 && data[0] % 4 >= 2);
  parallax::pipeline::CompleteArticle(a, outlets, "", "", an.matcher.get(), an.quotes.get(), an.stance.get());
  parallax::fuzz::CheckArticle(a);
  return 0;
}
