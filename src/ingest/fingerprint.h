// Near-duplicate fingerprints: a wire story republished by several outlets with small edits.
//
// MinHash over 3-word shingles of the match-folded text (so script, case and diacritics do
// not matter): kMinHashes minimum hash values, whose share of equal positions estimates the
// Jaccard similarity of the two shingle sets. Locality-sensitive bands (pairs of minima) find
// candidates without a scan: two texts with Jaccard 0.8 share a band with probability
// 1 - (1 - 0.8^2)^8 > 0.999; unrelated texts (Jaccard < 0.1) almost never do. A candidate is a
// near-duplicate when the estimate reaches kNearDuplicateSimilarity.
//
// Why MinHash rather than SimHash: news items are short, and a 64-bit SimHash of a
// three-sentence wire copy with one edited sentence can differ in 8+ bits, beyond any
// threshold that keeps unrelated stories apart; MinHash's estimate degrades gracefully.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parallax::ingest {

constexpr int kMinHashes = 16;
constexpr int kBands = kMinHashes / 2;
constexpr double kNearDuplicateSimilarity = 0.6;

// kMinHashes uint32 values as bytes (the store keeps them as a BLOB); empty for a text
// without words.
std::string Fingerprint(std::string_view text);
// Estimated Jaccard similarity of two fingerprints (0 when either is empty or malformed).
double Similarity(std::string_view a, std::string_view b);
// Band keys of a fingerprint (each mixes the band number with its two minima).
std::array<int64_t, kBands> FingerprintBands(std::string_view fingerprint);

// The fingerprints of the original articles of a store, in memory, for near-duplicate lookups
// at ingest (both stores use it). Find() checks, band by band, the earliest kBandCandidates
// articles sharing that band and returns the first similar one, so the answer depends only on
// what was added and in which order.
//
// Why in memory: the candidates of a popular band are scattered over the store; reading their
// fingerprints from SQLite cost one random page read each, which dominated ingest past 200,000
// articles. Here a candidate costs one comparison of 64 bytes. Memory: 64 bytes of fingerprint
// plus at most kBands postings of 12 bytes per original article (about 170 MB at a million).
//
// Postings live in two parts: a base sorted by (band, article) and searched by bisection, and
// a small hash map of recent additions, merged into the base when it reaches an eighth of it
// (each posting is copied O(log n) times in all). Not thread-safe.
class NearDuplicateIndex {
 public:
  static constexpr size_t kBandCandidates = 64;

  // `key` identifies the article to the caller (a row id, a sequence number) and must grow
  // with each call. A fingerprint of the wrong size is ignored.
  void Add(uint64_t key, std::string_view fingerprint);
  // The key of the first similar article, if any.
  std::optional<uint64_t> Find(std::string_view fingerprint) const;
  void Clear();
  size_t size() const { return keys_.size(); }

 private:
  // fn(article index) for each candidate of `band`, earliest first, until it returns false.
  template <typename Fn>
  void ForEachCandidate(int64_t band, Fn fn) const;
  size_t Count(int64_t band) const;
  void Merge();

  std::string fingerprints_;  // size() * kMinHashes uint32 values
  std::vector<uint64_t> keys_;
  std::vector<int64_t> base_bands_;      // sorted, with base_articles_ as the tie-break
  std::vector<uint32_t> base_articles_;  // indexes into keys_
  std::unordered_map<int64_t, std::vector<uint32_t>> recent_;
  size_t recent_postings_ = 0;
};

}  // namespace parallax::ingest
