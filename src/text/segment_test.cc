#include "text/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax::text {
namespace {

std::vector<std::string> Sentences(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (ByteRange r : SplitSentences(text, lang)) out.emplace_back(r.Of(text));
  return out;
}

TEST(Segment, AbbreviationsDatesAndInitials) {
  EXPECT_EQ(Sentences("Sastanak je održan 16. septembra 2024. u Beogradu. Dr. Petrović je rekao da tzv. "
                      "Zajednica nije formirana. Novi rok je 16.09.2024. Vlada ćuti.", "sr"),
            (std::vector<std::string>{"Sastanak je održan 16. septembra 2024. u Beogradu.",
                                      "Dr. Petrović je rekao da tzv. Zajednica nije formirana.",
                                      "Novi rok je 16.09.2024.", "Vlada ćuti."}));
  // g. is gospodin (Mr) before a name, in either script.
  EXPECT_EQ(Sentences("Tako je rekao g. Adams. Г. Адамс је отишао.", "sr"),
            (std::vector<std::string>{"Tako je rekao g. Adams.", "Г. Адамс је отишао."}));
  EXPECT_EQ(Sentences("Тако каже г. Адамс. Гђа Петровић се слаже.", "sr"),
            (std::vector<std::string>{"Тако каже г. Адамс.", "Гђа Петровић се слаже."}));
  EXPECT_EQ(Sentences("Тоа го рече г. Адамс. Тој отиде.", "mk"), (std::vector<std::string>{"Тоа го рече г. Адамс.", "Тој отиде."}));
  EXPECT_EQ(Sentences("Mr. Smith met A. Vučić in the U.S. on Monday. He left.", "en"),
            (std::vector<std::string>{"Mr. Smith met A. Vučić in the U.S. on Monday.", "He left."}));
  // U.S. and U.N. stand before names; they end a sentence only before a word that opens one.
  EXPECT_EQ(Sentences("Pompeo told the U.N. Security Council that sanctions stay. He flew to the U.S. The talks ended.", "en"),
            (std::vector<std::string>{"Pompeo told the U.N. Security Council that sanctions stay.", "He flew to the U.S.",
                                      "The talks ended."}));
  // Св. (Saint) before a name in Macedonian.
  EXPECT_EQ(Sentences("Мериветер рече дека Св. Мартин не го замени. Тој замина.", "mk"),
            (std::vector<std::string>{"Мериветер рече дека Св. Мартин не го замени.", "Тој замина."}));
  EXPECT_EQ(Sentences("Z. Gashi tha se p.sh. Kosova ka të drejtë. Ai shtoi: «Po.» Pastaj iku.", "sq"),
            (std::vector<std::string>{"Z. Gashi tha se p.sh. Kosova ka të drejtë.", "Ai shtoi: «Po.»", "Pastaj iku."}));
}

TEST(Segment, QuotesCjkAndParagraphs) {
  EXPECT_EQ(Sentences("„Ovo je kraj.“ Rekao je on.\nNovi pasus bez tačke", "sr"),
            (std::vector<std::string>{"„Ovo je kraj.“", "Rekao je on.", "Novi pasus bez tačke"}));
  EXPECT_EQ(Sentences("他说：“我们支持对话。”中方呼吁克制！大家同意吗？", "zh"),
            (std::vector<std::string>{"他说：“我们支持对话。”", "中方呼吁克制！", "大家同意吗？"}));
  EXPECT_EQ(Sentences("Vrednost je 3.5 odsto, videti primer.com sajt. Kraj...", "sr"),
            (std::vector<std::string>{"Vrednost je 3.5 odsto, videti primer.com sajt.", "Kraj..."}));
  EXPECT_TRUE(SplitSentences("", "sr").empty());
}

TEST(Segment, SentencesStartingLowerCase) {
  // A question or exclamation mark ends a sentence before a lower-case word unless a quotation
  // closes after it; in English a full stop after a plain lower-case word does too.
  EXPECT_EQ(Sentences("Is it far? yes, very. I bought sausages. they were cold. He said “Why?” and left.", "en"),
            (std::vector<std::string>{"Is it far?", "yes, very.", "I bought sausages.", "they were cold.",
                                      "He said “Why?” and left."}));
  // The words that may open a sentence after U.S. (data/abbreviations.tsv openers) are plain words.
  EXPECT_EQ(Sentences("I did not know that. then he left.", "en"),
            (std::vector<std::string>{"I did not know that.", "then he left."}));
  EXPECT_EQ(Sentences("Prices rose approx. five percent in the govt. sector.", "en"),
            (std::vector<std::string>{"Prices rose approx. five percent in the govt. sector."}));
  // Elsewhere a full stop before a lower-case word stays inside the sentence (16. septembra).
  EXPECT_EQ(Sentences("Rok je bio 16. septembra. a onda je produžen.", "sr").size(), 1u);
}

// A dateline is a place in capitals, a comma, then a dash; a capitalised word alone is none.
TEST(Segment, WhereADatelineEnds) {
  auto end = [](std::string_view s) { return DatelineEnd(s, {0, static_cast<uint32_t>(s.size())}); };
  std::string_view wire = "BELGRADE, March 3 (Reuters) - The minister said.";
  EXPECT_EQ(wire.substr(end(wire)), "The minister said.");
  std::string_view sq = "PRISHTINË, 14 shtator 2024 – Kurti deklaroi.";
  EXPECT_EQ(sq.substr(end(sq)), "Kurti deklaroi.");
  EXPECT_EQ(end("Belgrade, March 3 - The minister said."), 0u);
  EXPECT_EQ(end("BELGRADE said on Monday - that it would."), 0u);
}

}  // namespace
}  // namespace parallax::text
