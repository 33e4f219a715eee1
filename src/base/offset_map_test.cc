#include "base/offset_map.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(OffsetMap, IdentityRunsMapLinearly) {
  OffsetMap m;
  m.Copy(5);
  m.Copy(5);
  EXPECT_EQ(m.MapBegin(7), 7u);
  EXPECT_EQ(m.MapEnd(10), 10u);
}

TEST(OffsetMap, ChangedPiecesRoundOutward) {
  // Original "Љa" (Љ is 2 bytes) became "Lja": piece 1 is 2 bytes -> 2 bytes but not identity.
  OffsetMap m;
  m.Append(2, 2, false);
  m.Copy(1);
  EXPECT_EQ(m.Map({0, 2}), (ByteRange{0, 2}));
  EXPECT_EQ(m.Map({1, 2}), (ByteRange{0, 2}));
  EXPECT_EQ(m.Map({2, 3}), (ByteRange{2, 3}));
}

TEST(OffsetMap, SkippedBytesAreNotPartOfRanges) {
  OffsetMap m;
  m.Copy(3);
  m.Skip(2);  // two control bytes dropped
  m.Copy(3);
  EXPECT_EQ(m.derived_size(), 6u);
  EXPECT_EQ(m.original_size(), 8u);
  EXPECT_EQ(m.Map({3, 6}), (ByteRange{5, 8}));
  EXPECT_EQ(m.Map({0, 3}), (ByteRange{0, 3}));
}

TEST(OffsetMap, ComposesTwoSteps) {
  // A -> B drops 1 byte at 2; B -> C expands byte 0 into 3 bytes.
  OffsetMap ab;
  ab.Copy(2);
  ab.Skip(1);
  ab.Copy(4);
  OffsetMap bc;
  bc.Append(3, 1, false);
  bc.Copy(5);
  OffsetMap ac = ab.Then(bc);
  EXPECT_EQ(ac.derived_size(), 8u);
  EXPECT_EQ(ac.Map({3, 4}), (ByteRange{1, 2}));
  EXPECT_EQ(ac.Map({4, 5}), (ByteRange{3, 4}));
  EXPECT_EQ(ac.Map({0, 1}), (ByteRange{0, 1}));
}

}  // namespace
}  // namespace parallax
