#include "text/normalize.h"

#include <gtest/gtest.h>

#include "text/utf8.h"

namespace parallax::text {
namespace {

TEST(Utf8, FindFirstOfComparesCodePoints) {
  // л is D0 BB and » is C2 BB: a byte-wise search would find the mark in the word.
  EXPECT_EQ(FindFirstOf("владиниот", U"»«"), std::string_view::npos);
  EXPECT_EQ(FindFirstOf("влада »да«", U"»«"), 11u);
  EXPECT_EQ(FindFirstOf("a, b", U",."), 1u);
  EXPECT_EQ(FindFirstOf("", U","), std::string_view::npos);
}

TEST(Normalize, NfcControlsAndSpaces) {
  std::string decomposed = "Vuc\xCC\x8Ci\xC4\x87";  // c + combining caron
  Normalized n = Normalize(decomposed + "\r\n\x01" + "a\xC2\xA0" + "b");
  EXPECT_EQ(n.text, "Vučić\na b");
}

TEST(Normalize, OffsetsSurvive) {
  std::string raw = "\xEF\xBB\xBFKurti\r\n said Vuc\xCC\x8Ci\xC4\x87 spoke";
  Normalized n = Normalize(raw, {.fold = true});
  size_t at = n.text.find("vucic");
  ASSERT_NE(at, std::string::npos);
  ByteRange r = n.to_original.Map({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5)});
  EXPECT_EQ(r.Of(raw), "Vuc\xCC\x8Ci\xC4\x87");
  size_t k = n.text.find("kurti");
  ByteRange rk = n.to_original.Map({static_cast<uint32_t>(k), static_cast<uint32_t>(k + 5)});
  EXPECT_EQ(rk.Of(raw), "Kurti");
}

}  // namespace
}  // namespace parallax::text
