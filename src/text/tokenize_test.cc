#include "text/tokenize.h"

#include <gtest/gtest.h>

#include <vector>

namespace parallax::text {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  ForEachWord(text, [&](std::string_view w, ByteRange r, bool) {
    EXPECT_LE(r.end, text.size());
    out.emplace_back(w);
  });
  return out;
}

TEST(Tokenize, SplitsAndLowers) {
  EXPECT_EQ(Words("Vučić: „Kosovo je Srbija“, 2024."),
            (std::vector<std::string>{"vučić", "kosovo", "je", "srbija", "2024"}));
  EXPECT_EQ(Words("Kosovo’s PM"), (std::vector<std::string>{"kosovo", "s", "pm"}));
}

TEST(Tokenize, UnspacedScriptsGiveBigrams) {
  EXPECT_EQ(Words("代表傅聪表示"),
            (std::vector<std::string>{"代表", "表傅", "傅聪", "聪表", "表示"}));
  EXPECT_EQ(Words("中 国"), (std::vector<std::string>{"中", "国"}));
}

TEST(Tokenize, RangesIndexTheInput) {
  std::string_view text = "Рекао је Вучић";
  std::vector<std::string> got;
  ForEachWord(text, [&](std::string_view, ByteRange r, bool) { got.emplace_back(r.Of(text)); });
  EXPECT_EQ(got, (std::vector<std::string>{"Рекао", "је", "Вучић"}));
}

TEST(Tokenize, SpacedWordsPassUnspacedRunsOver) {
  // The spaced words of ForEachWord, with the same ranges, and nothing of the Han runs.
  std::string_view text = "武契奇说 Vučić, 2024年 Kosovo傅聪";
  std::vector<std::string> all, spaced;
  ForEachWord(text, [&](std::string_view w, ByteRange r, bool unspaced) {
    if (!unspaced) all.push_back(std::string(w) + "@" + std::to_string(r.begin));
  });
  ForEachSpacedWord(text, [&](std::string_view w, ByteRange r, bool unspaced) {
    EXPECT_FALSE(unspaced);
    spaced.push_back(std::string(w) + "@" + std::to_string(r.begin));
  });
  EXPECT_EQ(spaced, (std::vector<std::string>{"vučić@13", "2024@22", "kosovo@30"}));
  EXPECT_EQ(spaced, all);
}

}  // namespace
}  // namespace parallax::text
