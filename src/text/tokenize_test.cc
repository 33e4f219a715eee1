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

}  // namespace
}  // namespace parallax::text
