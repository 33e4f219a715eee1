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
  // An English apostrophe keeps its word whole; a Serbian elision is transliterated.
  EXPECT_EQ(LatinToCyrillic("Sainsbury's i O'Neill, rek'o je").text, "Sainsbury's и O'Neill, рек'о је");
  // A foreign word keeps the capitalised words around it, and the connectors between them.
  EXPECT_EQ(LatinToCyrillic("u listu Washington Post i bolnici Brigham and Women's Hospital").text,
            "у листу Washington Post и болници Brigham and Women's Hospital");
  EXPECT_EQ(LatinToCyrillic("grupa The Rolling Stones").text, "група The Rolling Stones");
  // Not a sentence's first word, which is capitalised anyway, nor a Serbian name beside it.
  EXPECT_EQ(LatinToCyrillic("Predsednik Washingtona. Tony Blair i Boris Tadić").text,
            "Председник Washingtona. Tony Blair и Борис Тадић");
  EXPECT_EQ(LatinToCyrillic("izjava – Mark Phillips").text, "изјава – Mark Phillips");
}

TEST(Transliterate, LatinToCyrillicOffsetsPointAtOriginal) {
  std::string_view in = "Lista Washington Post piše o Đokoviću";
  Transliterated t = LatinToCyrillic(in);
  for (std::string_view word : {"Washington Post", "Ђоковићу"}) {
    size_t at = t.text.find(word);
    ASSERT_NE(at, std::string::npos) << t.text;
    ByteRange r = t.to_original.Map({static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())});
    EXPECT_EQ(r.Of(in), word == "Ђоковићу" ? "Đokoviću" : word);
  }
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
