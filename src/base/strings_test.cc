#include "base/strings.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(ParseFloat, ReadsTheNumbersOurModelsWrite) {
  EXPECT_FLOAT_EQ(*ParseFloat("-0.08154"), -0.08154f);
  EXPECT_FLOAT_EQ(*ParseFloat("1e-05"), 1e-05f);
  EXPECT_FLOAT_EQ(*ParseFloat("-8.554e-05"), -8.554e-05f);
  EXPECT_FLOAT_EQ(*ParseFloat("3"), 3.0f);
}

TEST(ParseFloat, RejectsAnythingElse) {
  EXPECT_FALSE(ParseFloat(""));
  EXPECT_FALSE(ParseFloat("abc"));
  EXPECT_FALSE(ParseFloat("0.5x"));  // all of it must be the number
  EXPECT_FALSE(ParseFloat(" 0.5"));
  EXPECT_FALSE(ParseFloat("0,5"));
}

TEST(AsciiHelpers, LowerAndTrim) {
  EXPECT_EQ(AsciiLower("UTF-8 Č"), "utf-8 Č");
  EXPECT_EQ(TrimAscii(" \t x y \r\n"), "x y");
}

}  // namespace
}  // namespace parallax
