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
#include <string>
#include <string_view>

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

}  // namespace parallax::ingest
