// Transliteration in every direction: the offset map covers the whole input and output and maps
// every output offset into the input, in order.
#include <cstdint>
#include <string_view>

#include "fuzz/check.h"
#include "text/translit.h"

namespace {

void CheckMap(std::string_view in, const parallax::text::Transliterated& t) {
  using parallax::fuzz::Require;
  Require(t.to_original.derived_size() == t.text.size(), "offset map does not cover the output");
  Require(t.to_original.original_size() == in.size(), "offset map does not cover the input");
  uint32_t last = 0;
  for (uint32_t i = 0; i <= t.text.size(); ++i) {
    uint32_t b = t.to_original.MapBegin(i), e = t.to_original.MapEnd(i);
    Require(b <= e && e <= in.size(), "offset maps outside the input");
    Require(b >= last, "offsets map out of order");
    last = b;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax::text;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  CheckMap(in, CyrillicToLatin(in, TranslitLang::kSerbian));
  CheckMap(in, CyrillicToLatin(in, TranslitLang::kMacedonian));
  CheckMap(in, LatinToCyrillic(in));
  return 0;
}
