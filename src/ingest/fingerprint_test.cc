#include "ingest/fingerprint.h"

#include <cstring>
#include <random>

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

// The index answers what a scan of every original would: per band in order, the earliest
// kBandCandidates sharing it, the first similar one. Fingerprints drawn from a few values per
// position make bands popular (past the cap) and similar pairs common; enough articles force
// several merges of recent postings into the base.
TEST(NearDuplicateIndex, AnswersAsAScanWould) {
  std::mt19937 rng(7);
  auto random_fingerprint = [&] {
    uint32_t v[kMinHashes];
    for (uint32_t& x : v) x = rng() % 3;
    return std::string(reinterpret_cast<const char*>(v), sizeof v);
  };
  auto scan = [](const std::vector<std::string>& originals, const std::string& fp) -> std::optional<uint64_t> {
    auto bands = FingerprintBands(fp);
    for (int b = 0; b < kBands; ++b) {
      size_t candidates = 0;
      for (size_t i = 0; i < originals.size() && candidates < NearDuplicateIndex::kBandCandidates; ++i) {
        if (FingerprintBands(originals[i])[b] != bands[b]) continue;
        ++candidates;
        if (Similarity(originals[i], fp) >= kNearDuplicateSimilarity) return 1000 + 3 * i;
      }
    }
    return std::nullopt;
  };
  NearDuplicateIndex index;
  std::vector<std::string> originals;
  int found = 0;
  for (int n = 0; n < 12000; ++n) {
    std::string fp = random_fingerprint();
    std::optional<uint64_t> want = scan(originals, fp);
    ASSERT_EQ(index.Find(fp), want) << "article " << n;
    if (want) {
      ++found;
    } else {
      index.Add(1000 + 3 * originals.size(), fp);  // keys grow, not necessarily by one
      originals.push_back(fp);
    }
  }
  EXPECT_GT(found, 100);
  EXPECT_GT(originals.size(), 100u);
  EXPECT_EQ(index.size(), originals.size());
  index.Add(1, "too short");
  EXPECT_EQ(index.size(), originals.size());
  EXPECT_EQ(index.Find("too short"), std::nullopt);
  index.Clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.Find(originals[0]), std::nullopt);
}

}  // namespace
}  // namespace parallax::ingest
