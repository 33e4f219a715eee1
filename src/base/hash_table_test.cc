#include "base/hash_table.h"

#include <gtest/gtest.h>

#include <string>

#include "base/hash.h"

namespace parallax {
namespace {

TEST(Hash64, ValuesAreStableAndFnv64FeedsThemPieceByPiece) {
  // The store keeps these values: FNV-1a then murmur3's fmix64, as computed independently.
  EXPECT_EQ(Hash64("Vučić"), 0xf2770c2430dfd380ULL);
  EXPECT_EQ(Hash64("Vučić", 7), 0x435a05e626ef3426ULL);
  constexpr Fnv64 kPrefix = Fnv64().Add("Vu");  // a prefix hashed at compile time
  EXPECT_EQ(kPrefix.Add("či").Add("ć").Finish(), Hash64("Vučić"));
  EXPECT_EQ(Fnv64(7).Add("Vuč").Add("ić").Finish(), Hash64("Vučić", 7));
  EXPECT_EQ(HashParts({"p1=", "vučić"}), Hash64("p1=vučić"));
}

TEST(HashTable64, FindsWhatWasStoredThroughGrowth) {
  HashTable64<std::string> t;
  EXPECT_EQ(t.Find(Hash64("absent")), nullptr);  // empty table
  for (int i = 0; i < 5000; ++i) t[Hash64(std::to_string(i))] = std::to_string(i);
  EXPECT_EQ(t.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const std::string* v = t.Find(Hash64(std::to_string(i)));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, std::to_string(i));
  }
  EXPECT_EQ(t.Find(Hash64("5000")), nullptr);
  EXPECT_FALSE(t.Contains(Hash64("x")));
}

TEST(HashTable64, IndexingAnExistingHashKeepsItsValue) {
  HashTable64<int> t;
  t[42] = 7;
  t[42] += 1;
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(*t.Find(42), 8);
}

TEST(HashTable64, HashesThatCollideInTheTableStayApart) {
  // Same low bits, so the same first slot at any table size up to 2^32: linear probing
  // must keep them distinct.
  HashTable64<int> t;
  for (uint64_t k = 1; k <= 20; ++k) t[k << 32] = static_cast<int>(k);
  for (uint64_t k = 1; k <= 20; ++k) EXPECT_EQ(*t.Find(k << 32), static_cast<int>(k));
  EXPECT_EQ(t.Find(21ULL << 32), nullptr);
}

TEST(HashTable64, ZeroIsAnOrdinaryHash) {
  HashTable64<int> t;
  t[0] = 5;
  ASSERT_NE(t.Find(0), nullptr);
  EXPECT_EQ(*t.Find(0), 5);
  EXPECT_EQ(t.Find(2), nullptr);
}

TEST(WordSet, ContainsExactlyTheWordsInserted) {
  WordSet s;
  s.Insert("spokesman");
  s.Insert("portparol");
  s.Insert("spokesman");
  EXPECT_EQ(s.size(), 2u);
  EXPECT_TRUE(s.Contains("spokesman"));
  EXPECT_TRUE(s.Contains(Hash64("portparol"), "portparol"));
  EXPECT_FALSE(s.Contains("spokesmen"));
  // A hash that finds a slot is not enough: the stored word must be the one asked for.
  EXPECT_FALSE(s.Contains(Hash64("spokesman"), "spokesmen"));
}

}  // namespace
}  // namespace parallax
