#include "ingest/fingerprint.h"

#include <cstring>
#include <limits>
#include <vector>

#include "base/hash.h"
#include "text/tokenize.h"

namespace parallax::ingest {
namespace {

uint64_t Mix(uint64_t h) { return Mix64(h); }

std::array<uint32_t, kMinHashes> Unpack(std::string_view f) {
  std::array<uint32_t, kMinHashes> v{};
  std::memcpy(v.data(), f.data(), sizeof v);
  return v;
}

}  // namespace

std::string Fingerprint(std::string_view text) {
  std::vector<uint64_t> words;
  words.reserve(text.size() / 6);
  std::string term;
  text::ForEachWord(text, [&](std::string_view lower, ByteRange, bool) {
    text::MakeTerm(lower, nullptr, term);
    words.push_back(Hash64(term));
  });
  if (words.empty()) return "";
  std::array<uint32_t, kMinHashes> mins;
  mins.fill(std::numeric_limits<uint32_t>::max());
  auto add = [&mins](uint64_t shingle) {
    // One 64-bit hash gives two 32-bit values per round; rounds are re-mixed hashes.
    uint64_t h = shingle;
    for (int k = 0; k < kMinHashes; k += 2) {
      h = Mix(h + 0x9e3779b97f4a7c15ULL);
      uint32_t lo = static_cast<uint32_t>(h), hi = static_cast<uint32_t>(h >> 32);
      if (lo < mins[k]) mins[k] = lo;
      if (hi < mins[k + 1]) mins[k + 1] = hi;
    }
  };
  if (words.size() < 3) {
    for (uint64_t w : words) add(w);
  } else {
    for (size_t i = 0; i + 2 < words.size(); ++i) {
      add(Mix(words[i] ^ Mix(words[i + 1] ^ Mix(words[i + 2]))));
    }
  }
  std::string out(sizeof mins, '\0');
  std::memcpy(out.data(), mins.data(), sizeof mins);
  return out;
}

double Similarity(std::string_view a, std::string_view b) {
  constexpr size_t kSize = kMinHashes * sizeof(uint32_t);
  if (a.size() != kSize || b.size() != kSize) return 0;
  std::array<uint32_t, kMinHashes> x = Unpack(a), y = Unpack(b);
  int equal = 0;
  for (int k = 0; k < kMinHashes; ++k) equal += x[k] == y[k];
  return static_cast<double>(equal) / kMinHashes;
}

std::array<int64_t, kBands> FingerprintBands(std::string_view f) {
  std::array<int64_t, kBands> out{};
  if (f.size() != kMinHashes * sizeof(uint32_t)) return out;
  std::array<uint32_t, kMinHashes> v = Unpack(f);
  for (int b = 0; b < kBands; ++b) {
    uint64_t key = Mix((uint64_t{v[2 * b]} << 32 | v[2 * b + 1]) ^ (static_cast<uint64_t>(b) * 0x9e3779b97f4a7c15ULL));
    out[b] = static_cast<int64_t>(key >> 1);  // SQLite integers are signed; keep them positive
  }
  return out;
}

}  // namespace parallax::ingest
