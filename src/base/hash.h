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

// The 64-bit finaliser Hash64 ends with (murmur3 fmix64): a good mixer of one integer.
inline uint64_t Mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Hash64 of a concatenation, fed piece by piece: Fnv64(seed).Add(a).Add(b).Finish() is
// Hash64(a + b, seed). A state after a fixed prefix can be computed once, at compile time, and
// continued with each text that follows it.
class Fnv64 {
 public:
  constexpr explicit Fnv64(uint64_t seed = 0) : h_(0xcbf29ce484222325ULL ^ (seed * 0x9e3779b97f4a7c15ULL)) {}
  constexpr Fnv64 Add(std::string_view bytes) const {
    Fnv64 next = *this;
    for (char c : bytes) {
      next.h_ ^= static_cast<unsigned char>(c);
      next.h_ *= 0x100000001b3ULL;
    }
    return next;
  }
  uint64_t Finish() const { return Mix64(h_); }

 private:
  uint64_t h_;
};

// Hash64 of the concatenation of `parts`, without building it.
uint64_t HashParts(std::initializer_list<std::string_view> parts);

// 16 lowercase hex digits.
std::string HexId(uint64_t value);

}  // namespace parallax
