#include "ingest/charset.h"

#include <gmock/gmock.h>
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

TEST(Charset, Utf16ByteOrderMarkWinsOverTheDeclaration) {
  std::string le("\xFF\xFE" "P\0r\0i\0\x61\x01t\0i\0n\0\x30\x04", 18);  // "Prištinа" with a Cyrillic а
  Result<Decoded> d = ToUtf8(le, "windows-1250");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "UTF-16LE");
  EXPECT_EQ(d->utf8, "Prištinа");
  std::string be("\xFE\xFF\0K\0o\0s", 8);
  d = ToUtf8(be);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "Kos");
}

TEST(Charset, DamagedUtf8KeepsItsGoodCharacters) {
  // One stray Windows-1250 byte (\xE8) in UTF-8 text: read as UTF-8, not as Windows-1250.
  Result<Decoded> d = ToUtf8("Ćevapi u Nišu \xE8 i Prištini");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "UTF-8");
  EXPECT_EQ(d->utf8, "Ćevapi u Nišu \uFFFD i Prištini");
}

TEST(Charset, BinaryDataIsRejected) {
  static constexpr char kPngHead[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5C\x72\xA8\x66";
  std::string png(kPngHead, sizeof kPngHead - 1);
  Result<Decoded> d = ToUtf8(png);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), testing::HasSubstr("binary data"));
  // A stray NUL or two in a long text is not binary.
  static constexpr char kStrayNul[] = "Tekst sa jednim NUL bajtom \0 u sredini, a inace sasvim obican.";
  d = ToUtf8(std::string(kStrayNul, sizeof kStrayNul - 1));
  EXPECT_TRUE(d.ok());
}

}  // namespace
}  // namespace parallax::ingest
