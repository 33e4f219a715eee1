#include "text/stem.h"

#include <gtest/gtest.h>

#include "text/tokenize.h"

namespace parallax::text {
namespace {

std::string TermOf(std::string_view lang, std::string_view lower_word) {
  std::unique_ptr<Stemmer> s = Stemmer::Create(lang);
  std::string term;
  MakeTerm(lower_word, s.get(), term);
  return term;
}

TEST(Stem, SerbianCasesShareATerm) {
  for (std::string_view w : {"vučić", "vučića", "vučiću", "vučićem", "вучић", "вучића"}) {
    EXPECT_EQ(TermOf("sr", w), "vucic") << w;
  }
  EXPECT_EQ(TermOf("sr", "srbije"), TermOf("sr", "srbija"));
  EXPECT_EQ(TermOf("hr", "kinom"), TermOf("hr", "kina"));
}

TEST(Stem, AlbanianDefiniteAndCaseForms) {
  for (std::string_view w : {"kosova", "kosovës", "kosovën", "kosovo", "kosovë"}) {
    EXPECT_EQ(TermOf("sq", w), "kosov") << w;
  }
  EXPECT_EQ(TermOf("sq", "kurtit"), TermOf("sq", "kurti"));
  EXPECT_EQ(TermOf("sq", "prishtinës"), TermOf("sq", "prishtina"));
}

TEST(Stem, UnknownLanguageHasNoStemmer) { EXPECT_EQ(Stemmer::Create("zh"), nullptr); }

}  // namespace
}  // namespace parallax::text
