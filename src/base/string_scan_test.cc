#include "base/string_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace parallax {
namespace {

// Positions with "nothing found" written one way: no lists.
std::vector<std::vector<size_t>> Normalized(std::vector<std::vector<size_t>> found) {
  for (const auto& f : found) {
    if (!f.empty()) return found;
  }
  return {};
}

// What searching the text once per string finds: the reference StringScan must equal.
std::vector<std::vector<size_t>> FindEach(std::string_view text, const std::vector<std::string>& strings, bool overlapping = false) {
  std::vector<std::vector<size_t>> out;
  for (const std::string& s : strings) {
    out.emplace_back();
    for (size_t at = text.find(s); !s.empty() && at != std::string_view::npos; at = text.find(s, at + (overlapping ? 1 : s.size()))) {
      out.back().push_back(at);
    }
  }
  return Normalized(out);
}

TEST(StringScan, FindsChineseWordsAsSearchingForEachDoes) {
  const std::vector<std::string> words = {"他们", "他", "表示", "发言人", "说", "说明"};
  const StringScan scan(words);
  const std::string text = "他们表示，外交部发言人说明了情况。他说：“我们说过。”";
  EXPECT_EQ(scan.Find(text), FindEach(text, words));
  EXPECT_EQ(scan.Find(text)[0], (std::vector<size_t>{0}));
  EXPECT_EQ(scan.Find(text)[1], (std::vector<size_t>{0, 51}));
}

TEST(StringScan, OccurrencesOfOneStringDoNotOverlap) {
  const StringScan scan({"aa", "aaa", "哈哈"});
  const std::string text = "aaaaa 哈哈哈";
  auto found = scan.Find(text);
  EXPECT_EQ(found[0], (std::vector<size_t>{0, 2}));
  EXPECT_EQ(found[1], (std::vector<size_t>{0}));
  EXPECT_EQ(found[2], (std::vector<size_t>{6}));
}

TEST(StringScan, OverlappingOccurrencesWhenAskedFor) {
  const std::string text = "aaaaa 哈哈哈";
  auto found = StringScan({"aa", "哈哈"}).Find(text, /*overlapping=*/true);
  EXPECT_EQ(found[0], (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(found[1], (std::vector<size_t>{6, 9}));
}

TEST(StringScan, AgreesWithFindOnRandomText) {
  // Short strings over a small alphabet, so that heads are shared and matches overlap.
  std::mt19937 rng(7);
  const std::string alphabet[] = {"a", "b", "他", "她", "们"};
  auto random_text = [&](size_t pieces) {
    std::string s;
    for (size_t i = 0; i < pieces; ++i) s += alphabet[rng() % 5];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> strings;
    for (int k = 0; k < 6; ++k) strings.push_back(random_text(1 + rng() % 3));
    const std::string text = random_text(40);
    EXPECT_EQ(Normalized(StringScan(strings).Find(text)), FindEach(text, strings)) << text;
    EXPECT_EQ(Normalized(StringScan(strings).Find(text, true)), FindEach(text, strings, true)) << text;
  }
}

TEST(StringScan, NoPositionsWhenNoStringCanStart) {
  EXPECT_TRUE(StringScan({}).Find("text").empty());
  EXPECT_TRUE(StringScan({""}).Find("text").empty());
  EXPECT_TRUE(StringScan({"他"}).Find("Vučić je rekao").empty());
  // A string's first byte present, the string not: one (empty) list per string.
  EXPECT_EQ(StringScan({"他", "xy"}).Find("们"), (std::vector<std::vector<size_t>>{{}, {}}));
}

}  // namespace
}  // namespace parallax
