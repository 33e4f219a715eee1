#include "base/range_index.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace parallax {
namespace {

TEST(RangeIndexTest, EmptyIndexHoldsNothing) {
  RangeIndex index;
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.BeginningBefore(100), 0u);
  EXPECT_FALSE(index.Overlaps({0, 100}));
  EXPECT_FALSE(index.Contains({5, 5}));
}

TEST(RangeIndexTest, OrdersByBeginKeepingTiesInGivenOrder) {
  std::vector<ByteRange> ranges = {{10, 20}, {0, 5}, {10, 12}, {3, 40}};
  RangeIndex index = RangeIndex::Of(ranges.size(), [&](size_t k) { return ranges[k]; });
  ASSERT_EQ(index.size(), 4u);
  EXPECT_EQ(index.id(0), 1u);
  EXPECT_EQ(index.id(1), 3u);
  EXPECT_EQ(index.id(2), 0u);  // ids 0 and 2 both begin at 10: 0 came first
  EXPECT_EQ(index.id(3), 2u);
  EXPECT_EQ(index.range(3), (ByteRange{10, 12}));
  EXPECT_EQ(index.BeginningBefore(10), 2u);
  EXPECT_EQ(index.BeginningBefore(11), 4u);
}

TEST(RangeIndexTest, AnEarlierLongRangeStillOverlapsAndContains) {
  // {0, 100} begins first; the ranges after it end sooner, so only the reach remembers it.
  std::vector<ByteRange> ranges = {{0, 100}, {10, 20}, {30, 40}};
  RangeIndex index = RangeIndex::Of(ranges.size(), [&](size_t k) { return ranges[k]; });
  EXPECT_TRUE(index.Overlaps({60, 70}));
  EXPECT_TRUE(index.Contains({60, 70}));
  EXPECT_FALSE(index.Overlaps({100, 110}));  // half-open: 100 is past the end
  EXPECT_FALSE(index.Contains({90, 101}));
}

// Answers by asking every range, which the index must equal.
bool OverlapsAny(const std::vector<ByteRange>& ranges, ByteRange r) {
  for (ByteRange x : ranges) {
    if (x.begin < r.end && r.begin < x.end) return true;
  }
  return false;
}
bool ContainedByAny(const std::vector<ByteRange>& ranges, ByteRange r) {
  for (ByteRange x : ranges) {
    if (x.begin <= r.begin && r.end <= x.end) return true;
  }
  return false;
}

TEST(RangeIndexTest, BuiltOrInsertedItAnswersAsAskingEveryRange) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<ByteRange> ranges;
    RangeIndex inserted;
    const int n = static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) {
      uint32_t b = rng() % 200, len = rng() % 40;
      ranges.push_back({b, b + len});
      inserted.Insert(ranges.back(), static_cast<uint32_t>(k));
    }
    RangeIndex built = RangeIndex::Of(ranges.size(), [&](size_t k) { return ranges[k]; });
    ASSERT_EQ(inserted.size(), ranges.size());
    for (size_t k = 0; k < built.size(); ++k) {
      EXPECT_EQ(built.id(k), inserted.id(k));  // inserting after equal begins keeps ties in order too
      if (k > 0) {
        EXPECT_LE(built.range(k - 1).begin, built.range(k).begin);
      }
    }
    for (int q = 0; q < 50; ++q) {
      uint32_t b = rng() % 240, len = rng() % 30;
      ByteRange r{b, b + len};
      EXPECT_EQ(built.Overlaps(r), OverlapsAny(ranges, r)) << r.begin << "-" << r.end;
      EXPECT_EQ(inserted.Overlaps(r), OverlapsAny(ranges, r));
      EXPECT_EQ(built.Contains(r), ContainedByAny(ranges, r)) << r.begin << "-" << r.end;
      EXPECT_EQ(inserted.Contains(r), ContainedByAny(ranges, r));
    }
  }
}

}  // namespace
}  // namespace parallax
