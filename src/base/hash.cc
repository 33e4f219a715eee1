#include "base/hash.h"

#include <fmt/format.h>

namespace parallax {

uint64_t Hash64(std::string_view bytes, uint64_t seed) { return Fnv64(seed).Add(bytes).Finish(); }

uint64_t HashParts(std::initializer_list<std::string_view> parts) {
  Fnv64 h;
  for (std::string_view p : parts) h = h.Add(p);
  return h.Finish();
}

std::string HexId(uint64_t value) { return fmt::format("{:016x}", value); }

}  // namespace parallax
