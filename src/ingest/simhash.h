// SimHash fingerprints for near-duplicate detection: a wire story republished by several
// outlets with small edits lands within a few bits of the original.
//
// Features are 3-word shingles of the match-folded text (so script and diacritics do not
// matter). Two texts are near-duplicates when their fingerprints differ in at most
// kNearDuplicateBits bits; with four 16-bit bands, such pairs share at least one band exactly,
// which is how the store finds candidates without a scan.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace parallax::ingest {

constexpr int kNearDuplicateBits = 3;

uint64_t SimHash(std::string_view text);
int HammingDistance(uint64_t a, uint64_t b);
// The four 16-bit bands of a fingerprint, tagged with their position (band << 16 | value).
std::array<uint32_t, 4> SimHashBands(uint64_t fingerprint);

}  // namespace parallax::ingest
