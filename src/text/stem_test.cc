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

// The cache grows, empties when full, and skips stems too long for a slot; through all of it a
// stemmer answers as a fresh one does.
TEST(Stem, CachedStemsStayRightPastTheCachesSize) {
  std::unique_ptr<Stemmer> s = Stemmer::Create("en");
  const std::string long_word = "internationalisationalisations";  // its stem is longer than a slot
  auto fresh = [](std::string_view w) { return std::string(Stemmer::Create("en")->Stem(w)); };
  const std::string running = fresh("running"), nations = fresh("nations"), long_stem = fresh(long_word);
  ASSERT_EQ(running, "run");
  ASSERT_GT(long_stem.size(), 23u);
  for (int k = 0; k < 150000; ++k) {
    std::string w = "word" + std::to_string(k) + "ings";
    std::string stem(s->Stem(w));
    if (k % 9973 == 0) {
      EXPECT_EQ(stem, fresh(w)) << w;
      EXPECT_EQ(s->Stem("running"), running);
      EXPECT_EQ(s->Stem(long_word), long_stem);
      EXPECT_EQ(s->Stem("nations"), nations);
      // A stem stemmed again: the argument is a view into the cache itself.
      EXPECT_EQ(s->Stem(s->Stem("nations")), fresh(fresh("nations")));
    }
  }
}

}  // namespace
}  // namespace parallax::text
