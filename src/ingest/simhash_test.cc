#include "ingest/simhash.h"

#include <gtest/gtest.h>

namespace parallax::ingest {
namespace {

TEST(SimHash, NearCopiesAreClose) {
  std::string base =
      "BELGRADE, Sept 16 (Wire) - The foreign minister said on Monday that talks with Pristina would "
      "resume next month in Brussels, adding that both sides had agreed on an agenda covering energy, "
      "freedom of movement and the status of the northern municipalities after weeks of tension.";
  std::string edited = base + " The ministry did not give further details.";
  std::string other =
      "A new bridge over the river opened on Saturday after three years of construction, the city "
      "council said, and traffic is expected to ease in the old town during the summer season.";
  EXPECT_LE(HammingDistance(SimHash(base), SimHash(edited)), kNearDuplicateBits + 5);
  EXPECT_GT(HammingDistance(SimHash(base), SimHash(other)), 12);
  EXPECT_EQ(SimHash(base), SimHash("belgrade,   sept 16 (wire) - THE foreign minister said on monday that talks with pristina would "
      "resume next month in brussels, adding that both sides had agreed on an agenda covering energy, "
      "freedom of movement and the status of the northern municipalities after weeks of tension."));
}

}  // namespace
}  // namespace parallax::ingest
