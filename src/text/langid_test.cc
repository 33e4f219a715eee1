#include "text/langid.h"

#include <gtest/gtest.h>

namespace parallax::text {
namespace {

TEST(LangId, TellsScriptsAndRegionalLanguages) {
  const struct {
    std::string_view text, tag;
  } kCases[] = {
      {"Председник Србије рекао је да ће влада наставити разговоре о Косову.", "sr-Cyrl"},
      {"Predsednik Srbije rekao je da će vlada nastaviti razgovore o Kosovu ove nedelje.", "sr-Latn"},
      {"Predsjednik Vlade rekao je tko će sudjelovati u razgovorima tijekom idućeg tjedna.", "hr"},
      {"Kryeministri tha se qeveria e Kosovës do të vazhdojë bisedimet me Serbinë.", "sq"},
      {"The Serbian president said talks on Kosovo would continue next week.", "en"},
      {"中国常驻联合国代表傅聪表示，安理会应当继续关注这个问题。", "zh-Hans"},
      {"Претседателот рече дека владата ќе ги продолжи разговорите за ѕидот.", "mk"},
  };
  for (const auto& c : kCases) EXPECT_EQ(IdentifyLanguage(c.text).best.tag, c.tag) << c.text;
}

TEST(LangId, EmptyIsUndetermined) {
  EXPECT_EQ(IdentifyLanguage("  123 ,,").best.lang, "und");
  EXPECT_EQ(DominantScript("Вучић and Kurti said"), "Latn");
}

}  // namespace
}  // namespace parallax::text
