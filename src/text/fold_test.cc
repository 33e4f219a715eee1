#include "text/fold.h"

#include <gtest/gtest.h>

namespace parallax::text {
namespace {

TEST(Fold, CrossScriptAndDiacritics) {
  const struct {
    std::string_view in, want;
  } kCases[] = {
      {"Вучић", "vucic"}, {"VUČIĆ", "vucic"}, {"Vučića", "vucica"}, {"Đurić", "djuric"},
      {"Ђурић", "djuric"}, {"Kosovës", "kosoves"}, {"Çështja", "ceshtja"}, {"Џеј", "dzej"},
      {"Ѓорѓе", "gorge"}, {"Ǵorǵe", "gorge"}, {"Москва́", "moskva"}, {"Straße", "strasse"}, {"傅聪", "傅聪"},
      {"ＡＢＣ", "abc"}, {"", ""}};
  for (const auto& c : kCases) EXPECT_EQ(FoldForMatch(c.in), c.want) << c.in;
}

TEST(Fold, LowerKeepsScript) {
  EXPECT_EQ(Lower("ВУЧИЋ Vučić"), "вучић vučić");
}

TEST(Fold, MapPointsIntoOriginal) {
  std::string_view in = "Рекао је Вучић.";
  Folded f = FoldWithMap(in);
  size_t at = f.text.find("vucic");
  ASSERT_NE(at, std::string::npos);
  ByteRange r = f.to_original.Map({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5)});
  EXPECT_EQ(r.Of(in), "Вучић");
}

TEST(Fold, ClassifiesCharacters) {
  EXPECT_EQ(ClassOf(U'ž'), CharClass::kLetter);
  EXPECT_EQ(ClassOf(U'Ж'), CharClass::kLetter);
  EXPECT_EQ(ClassOf(U'中'), CharClass::kUnspaced);
  EXPECT_EQ(ClassOf(U'7'), CharClass::kDigit);
  EXPECT_EQ(ClassOf(U'„'), CharClass::kOther);
  EXPECT_EQ(ClassOf(0x301), CharClass::kMark);
}

}  // namespace
}  // namespace parallax::text
