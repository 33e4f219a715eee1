#include "text/translit.h"

#include <gtest/gtest.h>

namespace parallax::text {
namespace {

TEST(Transliterate, CyrillicToLatin) {
  const struct {
    std::string_view in, want;
  } kCases[] = {{"Љубљана", "Ljubljana"}, {"ЊЕГОШ", "NJEGOŠ"}, {"Џон", "Džon"},
                {"Ђорђе Ћосић", "Đorđe Ćosić"}, {"председник Вучић", "predsednik Vučić"},
                {"NATO и ЕУ", "NATO i EU"}, {"", ""}};
  for (const auto& c : kCases) EXPECT_EQ(CyrillicToLatin(c.in).text, c.want) << c.in;
}

TEST(Transliterate, Macedonian) {
  EXPECT_EQ(CyrillicToLatin("Ѓорѓе Ќосе Ѕвезда Џеват жена чаша шума", TranslitLang::kMacedonian).text,
            "Ǵorǵe Ḱose Dzvezda Dževat žena čaša šuma");
}

TEST(Transliterate, LatinToCyrillicDigraphs) {
  const struct {
    std::string_view in, want;
  } kCases[] = {{"Ljubljana", "Љубљана"}, {"NJEGOŠ", "ЊЕГОШ"}, {"džep", "џеп"},
                {"nadživeti", "надживети"}, {"podžupan", "поджупан"}, {"injekcija", "инјекција"},
                {"konjunktura", "конјунктура"}, {"konj", "коњ"}, {"Vučić", "Вучић"}};
  for (const auto& c : kCases) EXPECT_EQ(LatinToCyrillic(c.in).text, c.want) << c.in;
}

TEST(Transliterate, LatinToCyrillicLeavesForeignAlone) {
  EXPECT_EQ(LatinToCyrillic("Vidi https://example.com/vesti i Washington").text,
            "Види https://example.com/vesti и Washington");
}

TEST(Transliterate, OffsetsPointAtOriginal) {
  std::string_view in = "Министар Ђурић";
  Transliterated t = CyrillicToLatin(in);
  size_t at = t.text.find("Đurić");
  ByteRange r = t.to_original.Map({static_cast<uint32_t>(at), static_cast<uint32_t>(t.text.size())});
  EXPECT_EQ(r.Of(in), "Ђурић");
}

}  // namespace
}  // namespace parallax::text
