#include "ingest/charset.h"

#include <gtest/gtest.h>

namespace parallax::ingest {
namespace {

TEST(Charset, DetectsRegionalSingleByteCharsets) {
  // "Председник Вучић је рекао" in windows-1251 and ISO-8859-5.
  std::string cp1251 = "\xCF\xF0\xE5\xE4\xF1\xE5\xE4\xED\xE8\xEA \xC2\xF3\xF7\xE8\x9E \xBC\xE5 \xF0\xE5\xEA\xE0\xEE";
  Result<Decoded> d = ToUtf8(cp1251);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "windows-1251");
  EXPECT_EQ(d->utf8, "Председник Вучић је рекао");
  // "Vučić će reći šta želi" in windows-1250 (š=9A, ž=9E) and ISO-8859-2 (š=B9, ž=BE).
  std::string cp1250 = "Vu\xE8i\xE6 \xE6" "e re\xE6i \x9Ata \x9E" "eli";
  d = ToUtf8(cp1250);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "windows-1250");
  EXPECT_EQ(d->utf8, "Vučić će reći šta želi");
  std::string latin2 = "Vu\xE8i\xE6 \xE6" "e re\xE6i \xB9ta \xBE" "eli";
  d = ToUtf8(latin2);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "ISO-8859-2");
  EXPECT_EQ(d->utf8, "Vučić će reći šta želi");
}

TEST(Charset, Utf8PassesAndBomIsDropped) {
  Result<Decoded> d = ToUtf8("\xEF\xBB\xBFKosovë");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "Kosovë");
  EXPECT_EQ(SniffHtmlCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Windows-1250\">"), "windows-1250");
}

}  // namespace
}  // namespace parallax::ingest
