#include "stance/stance.h"

#include <tuple>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace parallax::stance {
namespace {

// The span of the first occurrence of `word` in `text`.
Target At(std::string_view text, std::string_view word) {
  size_t p = text.find(word);
  EXPECT_NE(p, std::string_view::npos) << word;
  return Target{{{static_cast<uint32_t>(p), static_cast<uint32_t>(p + word.size())}}};
}

int Baseline(std::string_view text, std::string_view lang, std::string_view target) {
  Scorer s(nullptr);
  return s.Score(text, lang, {}, {At(text, target)})[0].polarity;
}

TEST(Stance, LexiconReadsEachLanguage) {
  const struct {
    std::string_view text, lang, target;
    int polarity;
  } kCases[] = {
      {"The minister praised China for its steadfast support.", "en", "China", 1},
      {"The minister condemned China's reckless provocation.", "en", "China", -1},
      {"The minister met China's ambassador on Tuesday.", "en", "China", 0},
      {"Predsednik je zahvalio Kini na čeličnom prijateljstvu i podršci.", "sr", "Kini", 1},
      {"Председник је захвалио Кини на челичном пријатељству и подршци.", "sr", "Кини", 1},
      {"Ministar je oštro osudio neodgovorne poteze Prištine.", "hr", "Prištine", -1},
      {"Kryeministri kritikoi ashpër Serbinë për provokime.", "sq", "Serbinë", -1},
      {"外交部高度评价中国与塞尔维亚的友谊。", "zh", "中国", 1},
      {"外交部强烈谴责科索沃当局的挑衅行为。", "zh", "科索沃", -1},
      // Blocking what someone seeks.
      {"The ministry said China blocks its membership bid.", "en", "China", -1},
      {"Ministarka je rekla da Kina blokira članstvo u organizaciji.", "sr", "Kina", -1},
      {"Министерката рече дека Кина блокира членство.", "mk", "Кина", -1},
      {"外交部表示美国一再阻挠谈判。", "zh", "美国", -1},
      // "A negative role" in each language.
      {"The analyst said Russia plays a negative role in the region.", "en", "Russia", -1},
      {"Analitičar smatra da Rusija ima negativan uticaj na region.", "sr", "Rusija", -1},
      {"Profesori thotë se Rusia luan një rol negativ në rajon.", "sq", "Rusia", -1},
      {"Аналитичарот смета дека Русија има негативна улога.", "mk", "Русија", -1},
      {"专家认为，俄罗斯在该地区发挥了负面作用。", "zh", "俄罗斯", -1},
      // "Koristi" is mostly "uses", not a benefit; a Trojan horse is an accusation in each language.
      {"Vlada koristi Srbiju za svoje ciljeve.", "sr", "Srbiju", 0},
      {"Peking koristi Srbiju kao trojanskog konja.", "sr", "Srbiju", -1},
      {"They called Serbia a Trojan horse.", "en", "Serbia", -1},
      {"Ata e quajnë Serbinë kalë trojan.", "sq", "Serbinë", -1},
      {"他们称塞尔维亚是特洛伊木马。", "zh", "塞尔维亚", -1},
      // Not recognising Kosovo's independence is the stance the region's news turns on.
      {"Srbija nikada neće priznati nezavisnost Kosova.", "sr", "nezavisnost Kosova", -1},
      {"Serbia nuk do ta njohë kurrë pavarësinë e Kosovës.", "sq", "pavarësinë e Kosovës", -1},
      {"Србија никада неће признати независност Косова.", "sr", "независност Косова", -1},
      {"塞尔维亚永远不会承认科索沃独立。", "zh", "科索沃独立", -1},
      // "Unilaterally declared" independence, as Beijing and Belgrade call it.
      {"科索沃单方面宣布了独立。", "zh", "独立", -1},
  };
  for (const auto& c : kCases) EXPECT_EQ(Baseline(c.text, c.lang, c.target), c.polarity) << c.text;
}

TEST(Stance, NegationAndContrast) {
  EXPECT_EQ(Baseline("Belgrade does not support the plan.", "en", "plan"), -1);
  EXPECT_EQ(Baseline("Beograd ne podržava plan.", "sr", "plan"), -1);
  EXPECT_EQ(Baseline("Ai nuk e mbështet planin.", "sq", "planin"), -1);
  EXPECT_EQ(Baseline("这个计划不受支持。", "zh", "计划"), -1);
  // Negation ends at the first evaluative word: the object keeps its own sense.
  EXPECT_EQ(Baseline("Beograd neće priznati jednostrano proglašenu nezavisnost.", "sr", "nezavisnost"), -1);
  // What follows "but" weighs more.
  EXPECT_EQ(Baseline("The plan has some good points, but it is a dangerous and reckless idea.", "en", "plan"), -1);
}

// Backing what is condemned is condemned; backing alone, or backing what is praised, is not.
TEST(Stance, BackingWhatIsCondemned) {
  EXPECT_EQ(Baseline("Peking ne može biti neutralan kada podržava agresora.", "sr", "Peking"), -1);
  EXPECT_EQ(Baseline("Пекинг не може бити неутралан када подржава агресора.", "sr", "Пекинг"), -1);
  EXPECT_EQ(Baseline("Pekini mbështet agresorin në rajon.", "sq", "Pekini"), -1);
  EXPECT_EQ(Baseline("北京支持侵略者。", "zh", "北京"), -1);
  EXPECT_EQ(Baseline("Beijing praised the corrupt regime.", "en", "Beijing"), -1);
  EXPECT_EQ(Baseline("Peking podržava Srbiju.", "sr", "Peking"), 1);
  EXPECT_EQ(Baseline("Peking podržava uspešnu saradnju.", "sr", "Peking"), 1);
  // An accomplice is named as critically as the aggressor.
  EXPECT_EQ(Baseline("Kurti je ocenio da je Kina saučesnik.", "sr", "Kina"), -1);
  EXPECT_EQ(Baseline("Kurti tha se Kina është bashkëfajtore.", "sq", "Kina"), -1);
}

// An attitude word counts for what follows it, even past a nearer holder; its holder shares a
// favourable reading but not a critical one; a passive auxiliary turns the order round.
TEST(Stance, AttitudeWordsPointFromTheirHolder) {
  Scorer s(nullptr);
  const struct {
    std::string_view text, lang, holder, object;
    int holder_polarity, object_polarity;
  } kCases[] = {
      {"Kina kritikuje Evropsku uniju.", "sr", "Kina", "Evropsku uniju", 0, -1},
      {"Кина осуђује Приштину.", "sr", "Кина", "Приштину", 0, -1},
      {"Kina kritikoi Kosovën.", "sq", "Kina", "Kosovën", 0, -1},
      {"中国批评欧盟。", "zh", "中国", "欧盟", 0, -1},
      {"The ministry said China condemned Pristina.", "en", "China", "Pristina", 0, -1},
      {"China is opposed to Pristina.", "en", "China", "Pristina", 0, -1},
      {"Kina podržava teritorijalni integritet Srbije.", "sr", "Kina", "Srbije", 1, 1},
  };
  for (const auto& c : kCases) {
    auto v = s.Score(c.text, c.lang, {}, {At(c.text, c.holder), At(c.text, c.object)});
    EXPECT_EQ(v[0].polarity, c.holder_polarity) << c.text;
    EXPECT_EQ(v[1].polarity, c.object_polarity) << c.text;
  }
  // A negated favourable word is critical, and still not of its holder.
  EXPECT_EQ(Baseline("Kina neće podržati Prištinu.", "sr", "Kina"), 0);
  // Passive: what stands before the word is its object.
  EXPECT_EQ(Baseline("Kosovo was strongly condemned.", "en", "Kosovo"), -1);
  EXPECT_EQ(Baseline("Priština je osuđena zbog toga.", "sr", "Priština"), -1);
  EXPECT_EQ(Baseline("中国遭到批评。", "zh", "中国"), -1);
  // An l-participle after the auxiliary is active: "je osudila", she condemned.
  EXPECT_EQ(Baseline("Kina je osudila Prištinu.", "sr", "Kina"), 0);
}

// With no evaluative word to point to, a lean the model gives less than even odds is no
// verdict; even odds or more, or an evaluative word, and it is one. A hand-set model makes the
// odds exact: one word ("permission", negated) leans critical by `w`, everything else is even.
TEST(Stance, NoEvidenceAndLessThanEvenOddsIsNeutral) {
  std::string_view text = "Valbona Berisha said Kosovo does not need permission from Beijing.";
  auto verdict = [&](double w) {
    auto m = Model::Parse(fmt::format("# test\nbias\t0\t0\t0\nen:u:!permiss\t{}\t0\t0\n", w), "test");
    EXPECT_TRUE(m.ok());
    return Scorer(&*m).Score(text, "en", {}, {At(text, "Kosovo")})[0];
  };
  // exp(0.5) / (exp(0.5) + 2) = 0.45: critical is likeliest, at less than even odds.
  Verdict weak = verdict(0.5);
  EXPECT_EQ(weak.polarity, 0);
  EXPECT_LT(weak.score, 0);  // the lean is still reported
  // exp(1) / (exp(1) + 2) = 0.58.
  EXPECT_EQ(verdict(1.0).polarity, -1);
  // Evidence decides with the shipped model: it reads the critical words.
  Scorer s(&Model::Default());
  text = "Valbona Berisha said Kosovo's reckless provocation must stop.";
  EXPECT_EQ(s.Score(text, "en", {}, {At(text, "Kosovo")})[0].polarity, -1);
}

// Targets joined by "and" share what is said of them.
TEST(Stance, CoordinatedTargetsShareTheirWords) {
  Scorer s(nullptr);
  for (auto [text, lang, a, b] : {std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>{
                                      "China and Serbia are ironclad friends.", "en", "China", "Serbia"},
                                  {"Kina i Srbija su čelični prijatelji.", "sr", "Kina", "Srbija"},
                                  {"Kina dhe Serbia janë miq të hekurt.", "sq", "Kina", "Serbia"},
                                  {"中国与塞尔维亚是铁杆朋友。", "zh", "中国", "塞尔维亚"}}) {
    auto v = s.Score(text, lang, {}, {At(text, a), At(text, b)});
    EXPECT_EQ(v[0].polarity, 1) << text;
    EXPECT_EQ(v[1].polarity, 1) << text;
  }
}

TEST(Stance, NearerWordsDecideBetweenTargets) {
  std::string_view text = "Serbia praised China, while it condemned the reckless provocations of Pristina.";
  Scorer s(nullptr);
  auto v = s.Score(text, "en", {}, {At(text, "China"), At(text, "Pristina")});
  EXPECT_EQ(v[0].polarity, 1);
  EXPECT_EQ(v[1].polarity, -1);
  EXPECT_EQ(text.substr(v[1].evidence.begin, v[1].evidence.size()).find("reckless") == 0 ||
                text.substr(v[1].evidence.begin, v[1].evidence.size()).find("provocations") == 0 ||
                text.substr(v[1].evidence.begin, v[1].evidence.size()).find("condemned") == 0,
            true);
}

TEST(Stance, ExcludedWordsAreNotEvidence) {
  // The speaker's own words are excluded: "Friendship" in a name is not praise.
  std::string_view text = "Friendship Society chair met Kosovo officials.";
  Scorer s(nullptr);
  auto v = s.Score(text, "en", {}, {At(text, "Kosovo")}, {{0, 18}});
  EXPECT_EQ(v[0].polarity, 0);
  EXPECT_TRUE(v[0].evidence.empty());
}

TEST(Stance, ModelTrainsAndRoundTrips) {
  std::vector<Example> ex;
  const char* pos[] = {"We applaud X", "X is a wonderful partner", "X deserves praise", "great work by X"};
  const char* neg[] = {"We loathe X", "X is a terrible partner", "X deserves blame", "awful work by X"};
  const char* neu[] = {"X met them", "X travelled to Rome", "X spoke on Monday", "the office of X"};
  for (int rep = 0; rep < 5; ++rep) {
    for (const char* t : pos) ex.push_back({t, "en", {}, At(t, "X"), {}, 1});
    for (const char* t : neg) ex.push_back({t, "en", {}, At(t, "X"), {}, -1});
    for (const char* t : neu) ex.push_back({t, "en", {}, At(t, "X"), {}, 0});
  }
  Model m = Model::Train(ex, 10, 1);
  ASSERT_GT(m.size(), 0u);
  auto parsed = Model::Parse(m.Save("test"), "saved");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  Scorer s(&*parsed);
  std::string_view t1 = "We loathe X";  // "loathe" is not in the lexicon: the model learnt it
  EXPECT_EQ(s.Score(t1, "en", {}, {At(t1, "X")})[0].polarity, -1);
  std::string_view t2 = "X travelled to Rome";
  EXPECT_EQ(s.Score(t2, "en", {}, {At(t2, "X")})[0].polarity, 0);
}

TEST(Stance, BadModelAndGoldNameTheLine) {
  auto m = Model::Parse("# header\nbias\t1\t2\n", "m.tsv");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().ToString().find("m.tsv"), std::string::npos);
  EXPECT_NE(m.status().ToString().find("2"), std::string::npos);
  auto g = ReadGold("{\"text\":\"a\",\"targets\":[{\"polarity\":1}]}\n{\"text\":\"b\"}\n", "g.jsonl");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().where().record, 2);
  auto bad_span = ReadGold("{\"text\":\"abc\",\"targets\":[{\"start\":1,\"end\":9,\"polarity\":0}]}\n", "g.jsonl");
  ASSERT_FALSE(bad_span.ok());
}

}  // namespace
}  // namespace parallax::stance
