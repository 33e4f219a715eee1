#include "ingest/simhash.h"

#include <string>
#include <vector>

#include "base/hash.h"
#include "text/tokenize.h"

namespace parallax::ingest {

uint64_t SimHash(std::string_view text) {
  std::vector<uint64_t> words;
  std::string term;
  text::ForEachWord(text, [&](std::string_view lower, ByteRange, bool) {
    text::MakeTerm(lower, nullptr, term);
    words.push_back(Hash64(term));
  });
  if (words.empty()) return 0;
  int counts[64] = {0};
  auto add = [&counts](uint64_t h) {
    for (int b = 0; b < 64; ++b) counts[b] += (h >> b) & 1 ? 1 : -1;
  };
  if (words.size() < 3) {
    for (uint64_t w : words) add(w);
  } else {
    for (size_t i = 0; i + 2 < words.size(); ++i) {
      add(Hash64(std::string_view(reinterpret_cast<const char*>(&words[i]), 24)));
    }
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) {
    if (counts[b] > 0) out |= uint64_t{1} << b;
  }
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

std::array<uint32_t, 4> SimHashBands(uint64_t f) {
  std::array<uint32_t, 4> out;
  for (uint32_t i = 0; i < 4; ++i) out[i] = (i << 16) | static_cast<uint32_t>((f >> (16 * i)) & 0xFFFF);
  return out;
}

}  // namespace parallax::ingest
