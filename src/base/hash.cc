#include "base/hash.h"

#include <fmt/format.h>

namespace parallax {

namespace {

uint64_t Fnv(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t Finalize(uint64_t h) { return Mix64(h); }

}  // namespace

uint64_t Mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  return Finalize(Fnv(0xcbf29ce484222325ULL ^ (seed * 0x9e3779b97f4a7c15ULL), bytes));
}

uint64_t PrefixedHash(std::string_view prefix, std::string_view bytes) {
  return Finalize(Fnv(Fnv(0xcbf29ce484222325ULL, prefix), bytes));
}

uint64_t HashParts(std::initializer_list<std::string_view> parts) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (std::string_view p : parts) h = Fnv(h, p);
  return Finalize(h);
}

std::string HexId(uint64_t value) { return fmt::format("{:016x}", value); }

}  // namespace parallax
