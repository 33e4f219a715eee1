// Stable 64-bit hashing for ids and fingerprints. The values are part of the store format:
// never change the algorithm without a migration.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace parallax {

// FNV-1a over the bytes followed by a 64-bit finaliser (murmur3 fmix64) for good low bits.
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

// Hash64(prefix + bytes) without building the concatenation.
uint64_t PrefixedHash(std::string_view prefix, std::string_view bytes);
// Hash64 of the concatenation of `parts`, without building it.
uint64_t HashParts(std::initializer_list<std::string_view> parts);

// The 64-bit finaliser Hash64 ends with (murmur3 fmix64): a good mixer of one integer.
uint64_t Mix64(uint64_t h);

// 16 lowercase hex digits.
std::string HexId(uint64_t value);

}  // namespace parallax
