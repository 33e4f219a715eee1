#include "ingest/fingerprint.h"

#include <algorithm>
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

void NearDuplicateIndex::Add(uint64_t key, std::string_view fingerprint) {
  constexpr size_t kSize = kMinHashes * sizeof(uint32_t);
  if (fingerprint.size() != kSize) return;
  const auto article = static_cast<uint32_t>(keys_.size());
  keys_.push_back(key);
  fingerprints_.append(fingerprint);
  for (int64_t band : FingerprintBands(fingerprint)) {
    // Only the earliest kBandCandidates of a band are ever read.
    if (Count(band) >= kBandCandidates) continue;
    recent_[band].push_back(article);
    ++recent_postings_;
  }
  if (recent_postings_ >= std::max<size_t>(4096, base_bands_.size() / 8)) Merge();
}

std::optional<uint64_t> NearDuplicateIndex::Find(std::string_view fingerprint) const {
  constexpr size_t kSize = kMinHashes * sizeof(uint32_t);
  if (fingerprint.size() != kSize) return std::nullopt;
  std::optional<uint64_t> found;
  for (int64_t band : FingerprintBands(fingerprint)) {
    ForEachCandidate(band, [&](uint32_t article) {
      std::string_view candidate(fingerprints_.data() + size_t{article} * kSize, kSize);
      if (Similarity(candidate, fingerprint) < kNearDuplicateSimilarity) return true;
      found = keys_[article];
      return false;
    });
    if (found) break;
  }
  return found;
}

template <typename Fn>
void NearDuplicateIndex::ForEachCandidate(int64_t band, Fn fn) const {
  // Base postings are all older than recent ones.
  auto it = std::lower_bound(base_bands_.begin(), base_bands_.end(), band);
  size_t seen = 0;
  for (size_t i = static_cast<size_t>(it - base_bands_.begin()); i < base_bands_.size() && base_bands_[i] == band; ++i) {
    if (seen++ == kBandCandidates || !fn(base_articles_[i])) return;
  }
  if (auto r = recent_.find(band); r != recent_.end()) {
    for (uint32_t article : r->second) {
      if (seen++ == kBandCandidates || !fn(article)) return;
    }
  }
}

size_t NearDuplicateIndex::Count(int64_t band) const {
  auto [lo, hi] = std::equal_range(base_bands_.begin(), base_bands_.end(), band);
  auto r = recent_.find(band);
  return static_cast<size_t>(hi - lo) + (r == recent_.end() ? 0 : r->second.size());
}

void NearDuplicateIndex::Merge() {
  std::vector<std::pair<int64_t, uint32_t>> add;
  add.reserve(recent_postings_);
  for (const auto& [band, articles] : recent_) {
    for (uint32_t a : articles) add.emplace_back(band, a);
  }
  std::sort(add.begin(), add.end());
  std::vector<int64_t> bands;
  std::vector<uint32_t> articles;
  bands.reserve(base_bands_.size() + add.size());
  articles.reserve(bands.capacity());
  size_t i = 0, j = 0;
  while (i < base_bands_.size() || j < add.size()) {
    // Every recent posting is newer than every base posting of its band.
    bool take_base = j == add.size() || (i < base_bands_.size() && base_bands_[i] <= add[j].first);
    if (take_base) {
      bands.push_back(base_bands_[i]);
      articles.push_back(base_articles_[i++]);
    } else {
      bands.push_back(add[j].first);
      articles.push_back(add[j++].second);
    }
  }
  base_bands_ = std::move(bands);
  base_articles_ = std::move(articles);
  recent_.clear();
  recent_postings_ = 0;
}

void NearDuplicateIndex::Clear() { *this = NearDuplicateIndex(); }

}  // namespace parallax::ingest
