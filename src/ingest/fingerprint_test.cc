#include "ingest/fingerprint.h"

#include <gtest/gtest.h>

namespace parallax::ingest {
namespace {

bool ShareABand(std::string_view a, std::string_view b) {
  auto x = FingerprintBands(a), y = FingerprintBands(b);
  for (int i = 0; i < kBands; ++i) {
    if (x[i] == y[i]) return true;
  }
  return false;
}

TEST(Fingerprint, NearCopiesAreSimilarAndShareABand) {
  std::string base =
      "BELGRADE, Sept 16 (Wire) - The foreign minister said on Monday that talks with Pristina would "
      "resume next month in Brussels, adding that both sides had agreed on an agenda covering energy, "
      "freedom of movement and the status of the northern municipalities after weeks of tension.";
  std::string edited = base + " The ministry did not give further details.";
  std::string other =
      "A new bridge over the river opened on Saturday after three years of construction, the city "
      "council said, and traffic is expected to ease in the old town during the summer season.";
  EXPECT_GE(Similarity(Fingerprint(base), Fingerprint(edited)), kNearDuplicateSimilarity);
  EXPECT_TRUE(ShareABand(Fingerprint(base), Fingerprint(edited)));
  EXPECT_LT(Similarity(Fingerprint(base), Fingerprint(other)), 0.2);
  // Case, spacing and punctuation do not matter; script does not either.
  EXPECT_EQ(Fingerprint("Predsednik Vučić je rekao da Srbija neće priznati Kosovo."),
            Fingerprint("ПРЕДСЕДНИК Вучић је рекао да Србија неће признати Косово"));
  EXPECT_EQ(Fingerprint(" ,, "), "");
  EXPECT_EQ(Similarity("", ""), 0);
}

}  // namespace
}  // namespace parallax::ingest
