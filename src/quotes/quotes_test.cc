#include "quotes/quotes.h"

#include <gtest/gtest.h>

#include "entities/matcher.h"
#include "pipeline/ingest_job.h"

namespace parallax::quotes {
namespace {

struct Got {
  std::string content, kind, speaker;
};

class QuotesTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    knowledge_ = new entities::Knowledge(*entities::Knowledge::Default());
    matcher_ = entities::Matcher::Create(*knowledge_)->release();
    finder_ = QuoteFinder::Create().release();
  }
  static std::vector<Got> Run(const std::string& text, std::string lang, std::vector<Paragraph> paragraphs = {}) {
    Article a;
    a.text = text;
    a.day = "2024-09-16";
    std::vector<EntityMention> mentions = pipeline::FindMentions(*matcher_, a);
    std::vector<Got> out;
    for (const Quote& q : finder_->Find(text, paragraphs, lang, mentions)) {
      out.push_back({std::string(q.content.Of(text)), std::string(KindName(q.kind)), q.speaker});
    }
    return out;
  }
  // The speaker of the last quotation found in `text` ("" and a failure when none is found).
  static std::string LastSpeaker(const std::string& text, const std::string& lang) {
    std::vector<Got> g = Run(text, lang);
    if (g.empty()) {
      ADD_FAILURE() << "no quotation in: " << text;
      return "";
    }
    return g.back().speaker;
  }
  static entities::Knowledge* knowledge_;
  static entities::Matcher* matcher_;
  static QuoteFinder* finder_;
};
entities::Knowledge* QuotesTest::knowledge_ = nullptr;
entities::Matcher* QuotesTest::matcher_ = nullptr;
QuoteFinder* QuotesTest::finder_ = nullptr;

void ExpectQuote(const std::vector<Got>& got, size_t i, std::string content, std::string kind, std::string speaker) {
  ASSERT_LT(i, got.size());
  EXPECT_EQ(got[i].content, content);
  EXPECT_EQ(got[i].kind, kind) << content;
  EXPECT_EQ(got[i].speaker, speaker) << content;
}

// No quotation's speaker contains `who`.
void ExpectNotSpeaking(const std::vector<Got>& got, std::string_view who) {
  for (const Got& q : got) EXPECT_EQ(q.speaker.find(who), std::string::npos) << q.content << ": " << q.speaker;
}

// Exactly one quotation, with these words, kind and speaker.
void ExpectOnlyQuote(const std::vector<Got>& got, std::string content, std::string kind, std::string speaker) {
  ASSERT_EQ(got.size(), 1u) << content;
  ExpectQuote(got, 0, std::move(content), std::move(kind), std::move(speaker));
}

TEST_F(QuotesTest, DirectQuoteAfterAndBefore) {
  auto g = Run("“We will not recognise Kosovo,” Foreign Minister Dragan Milović said on Monday.", "en");
  ExpectOnlyQuote(g, "We will not recognise Kosovo", "direct", "Dragan Milović");
  g = Run("Albin Kurti told reporters: “China is not a friend of Kosovo and never was.”", "en");
  ExpectQuote(g, 0, "China is not a friend of Kosovo and never was", "direct", "Albin Kurti");
}

TEST_F(QuotesTest, AlbanianAnotherIsASpeakerOnlyAfterItsArticle) {
  // "Një tjetër" is another one; "tjetër" after any other word is "other", "else".
  EXPECT_EQ(LastSpeaker("Një tjetër shkroi: \"Kjo reklamë është e tepruar.\"", "sq"), "tjetër");
  EXPECT_EQ(LastSpeaker("Eksperti që e ka studiuar muzeun prej vitesh në Prizren e quajti projektin diçka krejt tjetër: "
                        "\"Një rrezik për qytetin e vjetër.\"",
                        "sq"),
            "Eksperti");
}

TEST_F(QuotesTest, AHeadlineThatGivesAPersonsNameAndAColon) {
  // Balkan and Chinese outlets headline a statement so: the known person speaks what follows.
  ExpectOnlyQuote(Run("Vučić: Srbija nikada neće priznati nezavisnost Kosova", "sr"),
                  "Srbija nikada neće priznati nezavisnost Kosova", "indirect", "Aleksandar Vučić");
  ExpectOnlyQuote(Run("Kryeministri Kurti: Serbia duhet ta njohë Kosovën", "sq"), "Serbia duhet ta njohë Kosovën", "indirect",
                  "Albin Kurti");
  ExpectOnlyQuote(Run("王毅：中方坚定支持塞尔维亚维护主权", "zh"), "中方坚定支持塞尔维亚维护主权", "indirect", "Wang Yi");
  // After a role phrase that names the same office holder.
  ExpectOnlyQuote(Run("外交部发言人毛宁：中方坚定支持塞尔维亚维护主权", "zh"), "中方坚定支持塞尔维亚维护主权", "indirect", "Mao Ning");
  ExpectOnlyQuote(Run("Predsednik Srbije Vučić: Nikada nećemo priznati Kosovo", "sr"), "Nikada nećemo priznati Kosovo", "indirect",
                  "Aleksandar Vučić");
  // Or of what or to whom they spoke, not where.
  ExpectOnlyQuote(Run("Vučić o Kini: Peking je naš čelični prijatelj", "sr"), "Peking je naš čelični prijatelj", "indirect",
                  "Aleksandar Vučić");
  ExpectOnlyQuote(Run("Kurti për Serbinë: Beogradi duhet ta njohë Kosovën", "sq"), "Beogradi duhet ta njohë Kosovën", "indirect",
                  "Albin Kurti");
  ExpectOnlyQuote(Run("Вучић о Кини: Пекинг је наш челични пријатељ", "sr"), "Пекинг је наш челични пријатељ", "indirect",
                  "Aleksandar Vučić");
  EXPECT_TRUE(Run("Vučić u Pekingu: potpisano dvadeset sporazuma", "sr").empty());
  // Nor a poll's line.
  EXPECT_TRUE(Run("Vučić: 48,2 odsto glasova", "sr").empty());
  // Quotation marks after the colon make it a direct quotation, found once.
  auto g = Run("Kurti: „Srbija mora da prizna Kosovo“", "sr");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kind, "direct");
  // A topic, a place or a name no pack lists opening a headline says nothing.
  EXPECT_TRUE(Run("Brexit: what happens next for the talks", "en").empty());
  EXPECT_TRUE(Run("Kosovo: tensions rise in the north again", "en").empty());
  EXPECT_TRUE(Run("Jane Roe: the village school turns one hundred", "en").empty());
  // Nor does a name inside a sentence that happens to have a colon later.
  EXPECT_TRUE(Run("The talks with Vučić had one result: a new deal.", "en").empty());
  EXPECT_TRUE(Run("Talks with Vučić: no progress on the deal", "en").empty());
  ExpectOnlyQuote(Run("Serbian Foreign Minister Đurić: talks will go on", "en"), "talks will go on", "indirect", "Marko Đurić");
}

TEST_F(QuotesTest, AnUnknownNameBeforeAnAuxiliaryAndAReportingVerb) {
  // Serbian, Croatian and Bosnian put "je" between the speaker and the participle; a name no
  // pack or tagger knows is still the speaker.
  EXPECT_EQ(LastSpeaker("Warren je odgovorila da je „vreme za promene“.", "sr"), "Warren");
  // A pronoun clitic may stand before the auxiliary (told me, told him).
  for (std::string clitic : {"mi", "mu"}) {
    EXPECT_EQ(LastSpeaker("Vozač joj je rekao da će glasati za Trampa.\n\n„Zato što me zasmejava”, Skovelova " + clitic + " je rekla.",
                          "sr"), "Skovelova") << clitic;
  }
  // Not in other languages, and not when the word is written in lower case elsewhere.
  EXPECT_NE(LastSpeaker("Tada je kazao da je „Kina uvek uz Srbiju“. Tada nije bilo ništa, a tada je kraj.", "sr"), "Tada");
}

TEST_F(QuotesTest, ReportingVerbsOfCroatianAndMacedonian) {
  EXPECT_EQ(LastSpeaker("Vučić je prokomentirao da je „Kina pouzdan prijatelj“.", "hr"), "Aleksandar Vučić");
  EXPECT_EQ(LastSpeaker("„Кина е пријател на Србија“, рекол Вучић.", "mk"), "Aleksandar Vučić");
  // Macedonian рече дека folds like Serbian reče da: the verb knows both that-words.
  auto g = Run("Вучић рече дека разговорите со Приштина ќе продолжат следната недела.", "mk");
  ExpectOnlyQuote(g, "разговорите со Приштина ќе продолжат следната недела", "indirect", "Aleksandar Vučić");
  g = Run("Vučić reče da će se razgovori sa Prištinom nastaviti sledeće nedelje.", "sr");
  ExpectOnlyQuote(g, "će se razgovori sa Prištinom nastaviti sledeće nedelje", "indirect", "Aleksandar Vučić");
}

TEST_F(QuotesTest, ConventionsOfEachLanguage) {
  ExpectQuote(Run("„Srbija nikada neće priznati nezavisnost Kosova“, rekao je Vučić.", "sr"), 0,
              "Srbija nikada neće priznati nezavisnost Kosova", "direct", "Aleksandar Vučić");
  ExpectQuote(Run("»Kina je naš prijatelj i ostaće to zauvek«, izjavio je Vučić.", "sr"), 0,
              "Kina je naš prijatelj i ostaće to zauvek", "direct", "Aleksandar Vučić");
  ExpectQuote(Run("Kurti deklaroi: «Kina nuk është mike e Kosovës.»", "sq"), 0,
              "Kina nuk është mike e Kosovës", "direct", "Albin Kurti");
  ExpectQuote(Run("傅聪说：「中方支持双方通过对话解决分歧。」", "zh"), 0, "中方支持双方通过对话解决分歧", "direct", "Fu Cong");
  ExpectQuote(Run("傅聪说：『中方支持双方通过对话解决分歧。』", "zh"), 0, "中方支持双方通过对话解决分歧", "direct", "Fu Cong");
  ExpectQuote(Run("Vučić je rekao: ‹Kina je naš prijatelj.›", "sr"), 0, "Kina je naš prijatelj", "direct", "Aleksandar Vučić");
  // Both marks alike, as Finnish and Swedish write them.
  ExpectQuote(Run("Kurti said: ”Beijing has chosen a side.”", "en"), 0, "Beijing has chosen a side", "direct", "Albin Kurti");
  // Curly apostrophes are no marks; "according to" in Serbian and Albanian "deklaroi se".
  ExpectOnlyQuote(Run("Kosovo’s prime minister Albin Kurti said he doesn’t expect “a quick deal” this year.", "en"),
                  "a quick deal", "partial", "Albin Kurti");
  ExpectOnlyQuote(Run("Prema rečima Aleksandra Vučića, razgovori će se nastaviti u petak.", "sr"),
                  "razgovori će se nastaviti u petak", "indirect", "Aleksandar Vučić");
  ExpectOnlyQuote(Run("Kurti deklaroi se bisedimet do të vazhdojnë të premten.", "sq"), "bisedimet do të vazhdojnë të premten",
                  "indirect", "Albin Kurti");
  // Plural forms report too (sugjeruan, kanë paralajmëruar: suggested, have warned).
  EXPECT_EQ(LastSpeaker("Analistët sugjeruan se bisedimet do të dështojnë.", "sq"), "Analistët");
  EXPECT_EQ(LastSpeaker("Ekspertët kanë paralajmëruar se çmimet do të rriten.", "sq"), "Ekspertët");
  // "izvještava da" (reports that), besides relaying ("…, javlja Tanjug").
  ExpectOnlyQuote(Run("Tanjug izveštava da su pregovori propali.", "sr"), "su pregovori propali", "indirect", "Tanjug");
}

TEST_F(QuotesTest, AccordingToASourceSetOffByCommas) {
  // Serbian "prema" alone is "according to" only set off by commas or a sentence's edge; inside
  // a clause it is "towards".
  ExpectOnlyQuote(Run("Prema policiji, uhapšena su dvojica muškaraca.", "sr"), "uhapšena su dvojica muškaraca", "indirect",
                  "policiji");
  ExpectOnlyQuote(Run("Pregovori će se nastaviti, prema Marku Petroviću.", "sr"), "Pregovori će se nastaviti", "indirect",
                  "Marko Petrović");
  EXPECT_TRUE(Run("Odnos prema Kini je dobar.", "sr").empty());
  ExpectOnlyQuote(Run("Srbija ima dobar odnos prema Kini, rekao je Marko Petrović.", "sr"), "Srbija ima dobar odnos prema Kini",
                  "indirect", "Marko Petrović");
  // Albanian cites a source noun in the ablative (policisë).
  ExpectOnlyQuote(Run("Sipas policisë, dy burra u arrestuan.", "sq"), "dy burra u arrestuan", "indirect", "policisë");
  // The source's own complement up to its comma is not what was said.
  ExpectOnlyQuote(Run("Prema navodima policije u Njuportu, lopovi su ukrali novac.", "sr"), "lopovi su ukrali novac", "indirect",
                  "policije");
  ExpectOnlyQuote(Run("Sipas policisë së Avon dhe Somerset, një 17-vjeçar u arrestua.", "sq"), "një 17-vjeçar u arrestua",
                  "indirect", "policisë");
  ExpectOnlyQuote(Run("According to police in Avon and Somerset, two men were arrested overnight.", "en"),
                  "two men were arrested overnight", "indirect", "police");
  // A noun before another is no source ("a court document").
  EXPECT_TRUE(Run("According to a court document, both counts carry a death sentence.", "en").empty());
}

TEST_F(QuotesTest, MarksUsedTheWrongWayRound) {
  // Some outlets close with the opening mark (“…“, ‘…‘) or mix straight and curly marks.
  auto g = Run("“SAD ne odustaju od ‘denuklearizacije prije svega‘ i pojačavaju pritisak“, rekao je Vučić.", "bs");
  ExpectOnlyQuote(g, "SAD ne odustaju od ‘denuklearizacije prije svega‘ i pojačavaju pritisak", "direct", "Aleksandar Vučić");
  g = Run("Kurti said \"Beijing has chosen a side“ and left.\nThe next paragraph is unaffected.", "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].content, "Beijing has chosen a side");
  // „…" with a straight closing mark, and a straight mark inside „…“ still nests.
  g = Run("„Mislim da to možemo riješiti,\" rekao je Vučić. „Kažu \"nikada\" i to je to“, dodao je.", "bs");
  ASSERT_EQ(g.size(), 2u);
  ExpectQuote(g, 0, "Mislim da to možemo riješiti", "direct", "Aleksandar Vučić");
  EXPECT_EQ(g[1].content, "Kažu \"nikada\" i to je to");
  // “…" with a straight closing mark: the quotation ends there, not at the paragraph's end.
  g = Run("“Beijing has chosen a side\" and Kurti said so twice.", "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].content, "Beijing has chosen a side");
  // A straight mark typed against the next word ("… 'histerike,' "tha Kurti") closes the
  // straight quotation open when no other one follows; the next line is no quotation.
  g = Run("\"Nuk mund të mos e mendoj se do të thoshin 'histerike,' \"tha Kurti për reagimin e saj.\nKurti foli gjatë.", "sq");
  ExpectOnlyQuote(g, "Nuk mund të mos e mendoj se do të thoshin 'histerike,'", "direct", "Albin Kurti");
  // Chinese writes no space after it: after a comma it closes too.
  g = Run("“我就站在你前面，\"一位女人说。", "zh");
  ExpectOnlyQuote(g, "我就站在你前面", "direct", "女人");
  // A closing “ with nothing open ends a quotation that began with its paragraph.
  g = Run("Srbija nikada neće priznati Kosovo“, rekao je Vučić.", "sr");
  ExpectOnlyQuote(g, "Srbija nikada neće priznati Kosovo", "direct", "Aleksandar Vučić");
}

TEST_F(QuotesTest, PartialTermsAndApostrophes) {
  auto g = Run("Kosovo's prime minister Albin Kurti said it's “a historic day for all of us” in Pristina.", "en");
  ExpectOnlyQuote(g, "a historic day for all of us", "partial", "Albin Kurti");
  g = Run("Officials praised the so-called “steel friendship” between the two capitals.", "en");
  ExpectOnlyQuote(g, "steel friendship", "term", "");
  g = Run("Kurti described China as an “enemy” of Kosovo.", "en");
  ExpectQuote(g, 0, "enemy", "partial", "Albin Kurti");
  // Chinese puts names of institutions, events and slogans in marks; a reporting verb in the
  // sentence does not make them speech. Words right after a verb of speech are speech.
  // Nor do they keep the sentence from being read for reported speech.
  g = Run("王毅表示，代表团将参加“全球和平大会”并支持“一带一路”的合作。", "zh");
  EXPECT_EQ(std::count_if(g.begin(), g.end(), [](const Got& q) { return q.kind == "term"; }), 2);
  EXPECT_EQ(std::count_if(g.begin(), g.end(), [](const Got& q) { return q.kind == "indirect" && q.speaker == "Wang Yi"; }), 1);
  g = Run("被问及此事时，王毅回答“我记得每一个细节”。", "zh");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_NE(g[0].kind, "term");
}

TEST_F(QuotesTest, BlockQuotesContinuationsAndUnbalancedMarks) {
  std::string text = "In Pristina, Albin Kurti remarked:\n“Beijing is not a neutral party. It has chosen a side.”\n"
                     "“And it is not ours, whatever it says in public.”";
  auto g = Run(text, "en");
  ASSERT_EQ(g.size(), 2u);
  ExpectQuote(g, 0, "Beijing is not a neutral party. It has chosen a side", "block", "Albin Kurti");
  ExpectQuote(g, 1, "And it is not ours, whatever it says in public", "block", "Albin Kurti");
  g = Run("Vučić said: “This will never end\nThe next paragraph is unaffected, he said.", "en");
  ASSERT_GE(g.size(), 1u);
  ExpectQuote(g, 0, "This will never end", "direct", "Aleksandar Vučić");
  // Opening marks left out: the first closing mark ends the quotation, and the verb after it is
  // its cue (not swallowed by a quotation running to a later closing mark).
  g = Run("Aleksandar Vučić je došao u Prištinu.\nNećemo odustati od dijaloga,” rekao je u petak za RTS, dodajući da "
          "je to jasno.”",
          "sr");
  ASSERT_GE(g.size(), 1u);
  ExpectQuote(g, 0, "Nećemo odustati od dijaloga", "direct", "Aleksandar Vučić");
  // Such a quotation that a reporting verb and its that-word open is partial, from there.
  g = Run("Američka senatorica Ana Marić kaže da će ozbiljno razmisliti o kandidaturi” nakon izbora.", "bs");
  ASSERT_GE(g.size(), 1u);
  ExpectQuote(g, 0, "će ozbiljno razmisliti o kandidaturi", "partial", "Ana Marić");
}

TEST_F(QuotesTest, QuotationsOverSeveralParagraphs) {
  // One sentence per line: the quotation opens on the first line and closes on the third, whose
  // speech tag names the speaker of every piece.
  std::string text = "Rescue teams reached Palu on Sunday.\n“There was no time to save ourselves.\n"
                     "The walls came down, and then silence.\nI hope they are safe,” Dobrin Velkov told reporters.";
  auto g = Run(text, "en");
  ASSERT_EQ(g.size(), 3u);
  ExpectQuote(g, 0, "There was no time to save ourselves", "direct", "Dobrin Velkov");
  ExpectQuote(g, 1, "The walls came down, and then silence", "direct", "Dobrin Velkov");
  ExpectQuote(g, 2, "I hope they are safe", "direct", "Dobrin Velkov");
  // A pronoun on the last piece names the speaker of the pieces before it too.
  text = "Marko Petrovic, a teacher at the protest, said he was no longer hopeful.\n"
         "\"Last spring we had our best season.\nNow we are stuck,\" he said.";
  g = Run(text, "en");
  ASSERT_EQ(g.size(), 3u);
  ExpectQuote(g, 1, "Last spring we had our best season", "direct", "Marko Petrovic");
  ExpectQuote(g, 2, "Now we are stuck", "direct", "Marko Petrovic");
  // Each paragraph reopens the quotation; a quotation inside it ("How …?") nests.
  text = "Albin Kurti said:\n\"So many times they ask: \"How can you trust Beijing?\"\n"
         "\"Well, we never did and never will.\"\nThe session ended at noon.";
  g = Run(text, "en");
  ASSERT_EQ(g.size(), 2u);
  ExpectQuote(g, 0, "So many times they ask: \"How can you trust Beijing?\"", "block", "Albin Kurti");
  ExpectQuote(g, 1, "Well, we never did and never will", "block", "Albin Kurti");
  // A closing mark with no opening one ends a quotation that began before its line; the
  // medium the words were told to is not the speaker.
  g = Run("Analysts expect a long night.\nThose things cannot be walked back,” Dobrin Velkov told The Hill.", "en");
  ExpectOnlyQuote(g, "Those things cannot be walked back", "direct", "Dobrin Velkov");
  // When the opening mark of such a quotation was lost where it was split into lines, the lines
  // back to the last quotation are its earlier pieces if they speak in the first or second
  // person (Serbian drops the pronoun: "idemo", we go); narration does not.
  g = Run("\"It was a great day for the team,\" said Dobrin Velkov after the match.\n"
          "So history will show us that this is not over.\nWe have a goal, and that is where the focus stays.\"", "en");
  ASSERT_EQ(g.size(), 3u);
  ExpectQuote(g, 1, "So history will show us that this is not over", "block", "Dobrin Velkov");
  ExpectQuote(g, 2, "We have a goal, and that is where the focus stays", "block", "Dobrin Velkov");
  g = Run("„Bio je to sjajan dan”, rekao je Dobrin Velkov posle meča.\nSutra idemo punom parom.\n"
          "Imamo cilj i na tome ostaje fokus.”", "sr");
  ASSERT_EQ(g.size(), 3u);
  ExpectQuote(g, 1, "Sutra idemo punom parom", "block", "Dobrin Velkov");
  g = Run("\"It was a great day for the team,\" said Dobrin Velkov after the match.\n"
          "The team won the trophy on Sunday in Paris.\nWe have a goal, and that is where the focus stays.\"", "en");
  for (const Got& q : g) EXPECT_EQ(q.content.find("Paris"), std::string::npos) << q.content;
  // And a quotation whose closing mark was lost goes on through the lines after it that speak
  // in the first person, up to the first that does not.
  g = Run("Dobrin Velkov said after the match: \"It was a great day for the team.\n"
          "Believe me, we are ready for the final.\nThe fans celebrated until late at night.", "en");
  ASSERT_EQ(g.size(), 2u);
  ExpectQuote(g, 1, "Believe me, we are ready for the final", "direct", "Dobrin Velkov");
  // It goes on through up to three lines that do not speak in person when one in the first
  // person follows; not when only "you" follows (advice to the reader).
  g = Run("Dobrin Velkov said after the match: \"We fought hard.\nHats off to Thomas.\nHe is a great captain.\n"
          "I will work with the committee and we will move on.\nThe fans went home late.", "en");
  ASSERT_EQ(g.size(), 4u);
  ExpectQuote(g, 3, "I will work with the committee and we will move on", "direct", "Dobrin Velkov");
  g = Run("Dobrin Velkov said after the match: \"We fought hard.\nPlanning is the key.\nYour family should know your plans.", "en");
  ASSERT_EQ(g.size(), 1u);
  // Nor through lines that only say "you": advice after the quotation is the article's.
  g = Run("Holly Snyder said: \"People want a family member to care for them.\nYou should start this way.\n"
          "Talk to your spouse and children about your plans.", "en");
  ASSERT_EQ(g.size(), 1u);
  // Macedonian drops the pronoun too: a verb in -ме is "we".
  g = Run("Добрин Велков рече: „Мислам дека е добро.\nНо работиме на тоа секој ден.\nНатпреварот заврши доцна.", "mk");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[1].content, "Но работиме на тоа секој ден");
  // A stray “ in a report does not make the next lines a quotation that a straight mark, of
  // another kind, reopens later: only the line with the speaker's words is his.
  g = Run("周六在北京“体育场，主队二比零获胜。\n他在六十分钟进球。\n前锋首先在中场接到传球。\n"
          "\"他的脚有伤，“ 教练王明告诉记者。", "zh");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].speaker, "");
  ExpectQuote(g, 1, "他的脚有伤", "direct", "王明");
  // Nor does a later line that opens with a mark of another kind (a quotation of its own)
  // let the stray mark run on to a closing mark further down.
  g = Run("周六在北京“体育场，主队二比零获胜。\n他在六十分钟进球。\n\"他的脚有伤，“ 教练王明告诉记者。\n"
          "“我们谈过了。\n我们很走运。\"", "zh");
  ASSERT_EQ(g.size(), 4u);
  EXPECT_EQ(g[0].content.find("进球"), std::string::npos);
  ExpectQuote(g, 2, "我们谈过了", "block", "王明");
  ExpectQuote(g, 3, "我们很走运", "block", "王明");
  // Nor one where a named person introduces a quotation of the same kind after a colon: that
  // line narrates. "They told me: „…”" inside the quotation is still its speaker's words.
  g = Run("„Novo cjepivo uči imunološki sustav\nPostupak uključuje izvlačenje stanica.\n"
          "Profesor Marko Petrović kazao je: „Naši rezultati su dobri.”\nHER2 potiče rast raka,” objašnjava prof. Petrović.", "hr");
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].content, "Novo cjepivo uči imunološki sustav");
  ExpectQuote(g, 1, "Naši rezultati su dobri", "direct", "Marko Petrović");
  g = Run("Marko Petrović se požalio publici.\n„Gnjavili su me iza pozornice.\nRekli su mi: „Nemoj ići s tom kapom.”\n"
          "Maltretirali su me!”, rekao je Petrović.", "hr");
  ASSERT_EQ(g.size(), 3u);
  ExpectQuote(g, 1, "Rekli su mi: „Nemoj ići s tom kapom.”", "direct", "Marko Petrović");
  // Chinese writes no space after a closing mark: “ after a comma closes the quotation that a
  // straight mark opened, and the report goes on outside it.
  g = Run("\"投票给他就是反对对手的策略，“张伟在集会上说。\n李娜周四在国会作证。\n她的证词持续了四个小时。", "zh");
  ExpectOnlyQuote(g, "投票给他就是反对对手的策略", "direct", "张伟");
}

TEST_F(QuotesTest, APartialQuotationNoOneIsSaidToSayHasNoSpeaker) {
  // After a quoted speaker, words in marks in a sentence with no reporting verb and no one
  // named before them are not hers; a pronoun before them carries her on.
  std::vector<Got> got = Run(
      "\"It is a historic moment,\" Jana Horvat said.\n\n"
      "The app lets people keep their own \"personal online data store\" at home.\n\n"
      "She worries that the money \"will not last as long as leaders expect\".",
      "en");
  ASSERT_EQ(got.size(), 3u);
  ExpectQuote(got, 0, "It is a historic moment", "direct", "Jana Horvat");
  ExpectQuote(got, 1, "personal online data store", "partial", "");
  ExpectQuote(got, 2, "will not last as long as leaders expect", "partial", "Jana Horvat");
  // Chinese has no case: words in marks inside a clause are partial, whole sentences direct.
  got = Run("王毅说：“中国支持塞尔维亚。”\n\n这款应用让人们建立自己的“个人在线数据存储库”。", "zh");
  ASSERT_EQ(got.size(), 2u);
  ExpectQuote(got, 0, "中国支持塞尔维亚", "direct", "Wang Yi");
  ExpectQuote(got, 1, "个人在线数据存储库", "partial", "");
  ExpectQuote(Run("王毅称“中国支持塞尔维亚。”", "zh"), 0, "中国支持塞尔维亚", "direct", "Wang Yi");
}

TEST_F(QuotesTest, AFollowingVerbKeepsItsOwnThatClause) {
  // "…, he said, adding that …": said's words are the clause before the tag, adding's the
  // clause after its that; the same with a listener after told.
  auto g = Run("The situation remains serious, Marko Petrovic said, adding that the bridge would stay closed for a week.\n"
               "The roads are flooded, Petrovic told reporters, adding that rescue teams would arrive on Monday.",
               "en");
  ASSERT_EQ(g.size(), 4u);
  ExpectQuote(g, 0, "The situation remains serious", "indirect", "Marko Petrovic");
  ExpectQuote(g, 1, "the bridge would stay closed for a week", "indirect", "Marko Petrovic");
  ExpectQuote(g, 2, "The roads are flooded", "indirect", "Marko Petrovic");
  ExpectQuote(g, 3, "rescue teams would arrive on Monday", "indirect", "Marko Petrovic");
}

TEST_F(QuotesTest, TheSourceAnAccordingToPhraseCitesDoesNotSpeak) {
  // "rekao je prema navodima lista Politika": the paper reports the words; he said them.
  auto g = Run("Marko Petrović se požalio publici.\n„Zadirkivali su me iza scene“, rekao je prema navodima lista Politika.",
               "sr");
  ExpectOnlyQuote(g, "Zadirkivali su me iza scene", "direct", "Marko Petrović");
  // "…, izjavila je, prenosi Politika": the outlet passing the words on is not their speaker.
  g = Run("Jelena Marković je govorila na skupu u Nišu.\n„Vreme je da se promeni vlada“, izjavila je, prenosi Politika.", "sr");
  ExpectOnlyQuote(g, "Vreme je da se promeni vlada", "direct", "Jelena Marković");
  // An "according to" phrase still names the source of what it reports.
  g = Run("The bridge will stay closed until spring, according to Marko Petrovic.", "en");
  ExpectOnlyQuote(g, "The bridge will stay closed until spring", "indirect", "Marko Petrovic");
  // An organisation named right after the source's noun is the source.
  g = Run("Podrška vladi je pala za pet odsto, po podacima agencije Ipsos.", "sr");
  ExpectOnlyQuote(g, "Podrška vladi je pala za pet odsto", "indirect", "Ipsos");
  // Nor does one that passes on indirect speech with its own speaker: his words end at its comma.
  g = Run("Marko Petrović je rekao da će odluku doneti do januara, prenosi Politika.", "sr");
  ExpectOnlyQuote(g, "će odluku doneti do januara", "indirect", "Marko Petrović");
  // A relative clause after a comma is no speech tag: the woman who accused him said nothing.
  ExpectNotSpeaking(Run("Milioni su gledali svedočenje sudije i Jelene Marković, žene koja ga je optužila za napad.", "sr"), "žen");
}

// A tag after the clause may name its speaker at length; an office speaks as its people do.
TEST_F(QuotesTest, LongerTagsAndOffices) {
  ExpectOnlyQuote(Run("The talks ended without agreement, a spokesman for the EU envoy said.", "en"),
                  "The talks ended without agreement", "indirect", "spokesman");
  ExpectOnlyQuote(Run("Takimi në Bruksel përfundoi pa marrëveshje, njoftoi zyra e ndërmjetësit evropian.", "sq"),
                  "Takimi në Bruksel përfundoi pa marrëveshje", "indirect", "zyra");
}

// A known place right after a speaker's noun is its complement; the noun's people speak.
TEST_F(QuotesTest, APlaceAfterASpeakersNounIsItsComplement) {
  ExpectOnlyQuote(Run("Stanovnici severa Kosova kažu da ih više brinu cene.", "sr"), "ih više brinu cene", "indirect", "Stanovnici");
  ExpectOnlyQuote(Run("Građani Srbije kažu da ih više brinu cene.", "sr"), "ih više brinu cene", "indirect", "Građani");
  ExpectOnlyQuote(Run("Qytetarët e Kosovës thonë se çmimet janë rritur.", "sq"), "çmimet janë rritur", "indirect", "Qytetarët");
}

// Reporting verbs that report nothing here, and furniture that is no one's words.
TEST_F(QuotesTest, InfinitivesDatelinesAsClausesAndTheWritersVoice) {
  // An infinitive reports nothing: one quotation, the clause after "added that".
  ExpectOnlyQuote(Run("Jane Roe added that the institutions were too slow to explain their case in Asia.", "en"),
                  "the institutions were too slow to explain their case in Asia", "indirect", "Jane Roe");
  // "went on to say that" still reports.
  ExpectOnlyQuote(Run("Jane Roe went on to say that the talks were over.", "en"), "the talks were over", "indirect", "Jane Roe");
  // What officials said begins after the wire's dateline.
  ExpectOnlyQuote(Run("BELGRADE, Sept 10 (Wire) - Serbia and China signed an agreement on Wednesday, officials said.", "en"),
                  "Serbia and China signed an agreement on Wednesday", "indirect", "officials");
  // "…, kako je naveo, …" naming no one: the sentence's subject put it so.
  ExpectQuote(Run("Jelena Marković je rekla da ostaje u vladi. Ona je zahvalila Kini na, kako je navela, principijelnom stavu.", "sr"),
              1, "principijelnom stavu", "indirect", "Jelena Marković");
  // "We" outside quotation marks is the writers: they are no speaker the article quotes.
  ExpectNotSpeaking(Run("Jane Roe has followed the talks for a decade. We asked her what Beijing wants.", "en"), "We");
}

TEST_F(QuotesTest, AHeadlinesNameAndColonLabelShortWords) {
  // "Surname: „…“" over the lede: however short, the words are that person's, the person the
  // lede names in full.
  std::vector<Got> got = Run("Vranešević: „Sporazum je mrtav“\n\n„Sporazum je mrtav“, rekao je Nikola Vranešević novinarima.", "sr");
  ASSERT_EQ(got.size(), 2u);
  ExpectQuote(got, 0, "Sporazum je mrtav", "direct", "Nikola Vranešević");
  // A topic's label is no speaker: the words stay a term.
  ExpectOnlyQuote(Run("Tema: „Sporazum je mrtav“", "sr"), "Sporazum je mrtav", "term", "");
}

TEST_F(QuotesTest, ANameATitleGovernsDoesNotSpeak) {
  // "trener Partizana Marko Petrović": the club belongs to the title; the coach speaks.
  EXPECT_EQ(LastSpeaker("„Imao je problema sa stopalom“, rekao je trener Partizana Marko Petrović novinarima.", "sr"),
            "Marko Petrović");
  // Without a person after it, the name is not passed over.
  EXPECT_NE(LastSpeaker("„Utakmica je odložena“, saopštio je direktor Partizana.", "sr"), "");
  // A title opening the sentence is capitalised, and the office it heads ends in a preposition's
  // object ("za KiM"): the person after them is no object of "za"; the person speaks.
  EXPECT_EQ(LastSpeaker("Direktor Kancelarije za KiM Nikola Vranešević izjavio je da je situacija teška.", "sr"),
            "Nikola Vranešević");
  EXPECT_EQ(LastSpeaker("Juče je direktor Kancelarije za KiM Nikola Vranešević izjavio da je situacija teška.", "sr"),
            "Nikola Vranešević");
}

TEST_F(QuotesTest, GendersTheArticleTeaches) {
  // Vanja is a name of either gender; "je rekla" says this Vanja is a woman, so the later
  // masculine "napisao je" is not hers.
  EXPECT_EQ(LastSpeaker("Saša Perić je trener tima.\nVanja Ilić je rekla: „Tim je spreman za finale.“\n"
                        "„Bilo je teško cele sezone“, napisao je.",
                        "sr"),
            "Saša Perić");
}

TEST_F(QuotesTest, NamesAfterPrepositionsDoNotSpeak) {
  // The European Union is nearer the verb, but "sa" governs it: it cannot be the subject.
  ExpectQuote(Run("„Nećemo odustati“, rekao je na sastanku sa Evropskom unijom Albin Kurti.", "sr"), 0, "Nećemo odustati",
              "direct", "Albin Kurti");
  ExpectQuote(Run("“We will not back down,” Albin Kurti said after meeting the European Union.", "en"), 0,
              "We will not back down", "direct", "Albin Kurti");
  // A Chinese preposition may stand a word before the name it governs (在年度联合国大会上).
  EXPECT_EQ(LastSpeaker("王毅在年度联合国大会上发言称，“对话取得了重要进展”。", "zh"), "Wang Yi");
  // Nor does a noun that capitalised words qualify after the preposition (za Vrhovni sud).
  ExpectNotSpeaking(Run("Liderka opozicije nazvala je kandidata za Vrhovni sud „histeričnim” i rekla da nije dostojan.", "sr"), "sud");
  ExpectNotSpeaking(Run("Лидерот на опозицијата го нарече кандидатот за Врховен суд „хистеричен“ и рече дека тој не е достоен.", "mk"),
                    "суд");
  // So with a name: the word the tagger found (News) and the capitalised one before it.
  EXPECT_EQ(LastSpeaker("Риза Кусума, 35-годишња мајка, каже за Sky News: „Сваког тренутка хитна помоћ доноси тела.“", "sr"),
            "Риза Кусума");
  // But not across the closing mark and full stop of the sentence before.
  std::vector<Got> g = Run("Рејтингот порасна во „MSNBC“.\n\nНилсен вели дека „Fox News“ во просек има 2,4 милиони гледачи.", "mk");
  EXPECT_TRUE(std::any_of(g.begin(), g.end(), [](const Got& q) { return q.kind == "indirect" && q.speaker == "Нилсен"; }));
}

TEST_F(QuotesTest, APlaceThatEndsAListBeforeTheVerbDoesNotSpeak) {
  // The region closes a list; the verb's subject follows it, after a title.
  EXPECT_EQ(LastSpeaker("Peking može, „ako bude potrebno”, proširiti ulaganja na nova tržišta, uključujući i Bliski istok, "
                        "otkrio je ministar spoljnih poslova, Marko Đurić.", "sr"),
            "Marko Đurić");
  EXPECT_EQ(LastSpeaker("Пекинг може „доколку е потребно“ да ги прошири вложувањата, вклучувајќи го и Средниот Исток, "
                        "откри министерот Марко Ѓуриќ.", "mk"),
            "Marko Đurić");
}

TEST_F(QuotesTest, ANameAfterTheWordsDoesNotSpeakForAVerbBeforeThem) {
  // The president praised Kurti's courage; Kurti, named after the quoted words, did not speak.
  EXPECT_EQ(LastSpeaker("Predsednik je u subotu rekao da je tog dana „narod video svu hrabrost“ Albina Kurtija.", "sr"), "");
  // Nor does one inside the clause the verb reports ("rekao je da je Si Đinping …"): the unstated
  // subject is the person the article follows.
  EXPECT_EQ(LastSpeaker("Aleksandar Vučić je otputovao u Peking.\n\nNa sastanku, posle duge rasprave, rekao je da je "
                        "Si Đinping „pouzdan prijatelj“.", "sr"),
            "Aleksandar Vučić");
}

TEST_F(QuotesTest, ATitleAfterTheNameWithoutACommaOpensAnAppositive) {
  // "Marko Petrović, commercial director of Delta, said": the company nearer the verb is the
  // title's complement.
  EXPECT_EQ(LastSpeaker("Marko Petrović komercijalni direktor Deltae izjavio je: „Promenili smo izgled naših prodavnica.“", "sr"),
            "Marko Petrović");
}

TEST_F(QuotesTest, AnAbbreviationInAnObliqueCaseDoesNotSpeak) {
  // "u skupštini UN-a": of the UN; the subject named earlier speaks.
  EXPECT_EQ(LastSpeaker("Albin Kurti se sastao sa delegacijom u skupštini UN-a i izjavio da će dijalog biti nastavljen.", "sr"),
            "Albin Kurti");
}

TEST_F(QuotesTest, ACoordinatedVerbKeepsTheSentencesSubject) {
  // "…, ali je rekao da": the subject is the sentence's (Vučić), not the object named nearer.
  EXPECT_EQ(LastSpeaker("Vučić je pohvalio Albina Kurtija zbog dijaloga, ali je rekao da je put još dug.", "sr"),
            "Aleksandar Vučić");
  // A conjunction at the text's start has no comma before it (and reading none is safe).
  for (std::string_view t : {" i rekao je da je to dobro.", "i rekao je da je to dobro.", ", a rekao je da je dobro."}) {
    (void)Run(std::string(t), "sr");
  }
  // A quotation may end the first clause ("nazvala je … „…” i dodala da"): the conjunction after
  // its closing mark coordinates too.
  EXPECT_EQ(LastSpeaker("Liderka opozicije Ana Marić nazvala je kandidata za guvernera Petra Jovića „neozbiljnim” i "
                        "dodala da ga neće podržati.",
                        "sr"),
            "Ana Marić");
  // "at the United Nations" is governed by its preposition, article or not.
  EXPECT_EQ(LastSpeaker("This year at the United Nations, Vučić praised Kurti, but said that the road was still long.", "en"),
            "Aleksandar Vučić");
}

TEST_F(QuotesTest, AVerbAfterAndWithNoCommaSharesTheSubject) {
  EXPECT_EQ(LastSpeaker("Wang Yi met Marko Đurić in New York and said afterwards that talks would go on.", "en"), "Wang Yi");
  EXPECT_EQ(LastSpeaker("Kurti sent a letter in which he criticised Aleksandar Vučić and said he would not attend.", "en"),
            "Albin Kurti");
  // Unless a reporting verb before it reports the clause the second verb is in.
  EXPECT_EQ(LastSpeaker("Ana Marić claims Vučić called her and told her he was \"sorry\".", "en"), "Aleksandar Vučić");
  // Albanian "i" before a verb is a pronoun ("told him"), not "and".
  EXPECT_EQ(LastSpeaker("Trajneri i FK Partizan Marko Petrović i tha gazetarëve se ndeshja shtyhet.", "sq"), "Marko Petrović");
  // "and where" repeats the clause of the first verb, whose object (title and name alike) does not speak.
  EXPECT_NE(LastSpeaker("Kurti foli në një tubim ku ai lavdëroi presidentin amerikan Donald Trump dhe ku tha se do të "
                        "kandidonte përsëri.", "sq"),
            "Donald Trump");
  EXPECT_NE(LastSpeaker("Kurti spoke at a rally where he praised Donald Trump and where he said he would run again.", "en"),
            "Donald Trump");
}

TEST_F(QuotesTest, AnOutletThatRelaysANamedSpeakersWordsDoesNotSpeak) {
  ExpectOnlyQuote(Run("Vučić said Serbia would never recognise Kosovo, the agency Tanjug reported.", "en"),
                  "Serbia would never recognise Kosovo", "indirect", "Aleksandar Vučić");
  ExpectOnlyQuote(Run("Vučić je rekao da Srbija nikada neće priznati Kosovo, javila je agencija Tanjug.", "sr"),
                  "Srbija nikada neće priznati Kosovo", "indirect", "Aleksandar Vučić");
  // With no speaker inside, the outlet's report is what was said.
  ExpectOnlyQuote(Run("Serbia would never recognise Kosovo, the agency Tanjug reported.", "en"), "Serbia would never recognise Kosovo",
                  "indirect", "Tanjug");
  // With a speaker the sentence names by a pronoun or not at all, the relay's report holds the
  // whole clause, and the speech inside it is no second quotation.
  ExpectOnlyQuote(Run("Jan Petrović drove the truck.\n\nHe told investigators that he felt good about it, police said.", "en"),
                  "He told investigators that he felt good about it", "indirect", "police");
  ExpectOnlyQuote(Run("Jan Petrović je vozio kamion.\n\nIzjavio je istražiteljima da se dobro osjeća, saopštila je policija.", "bs"),
                  "Izjavio je istražiteljima da se dobro osjeća", "indirect", "policija");
}

TEST_F(QuotesTest, AHeadlinesTitleIsThePersonTheArticleNamesWithIt) {
  std::vector<Got> got = Run("Montenegro 'ready' for new talks, says Foreign Minister\n\n"
                             "Speaking in Podgorica, Foreign minister Jelena Vuković said the talks would resume in May.\n",
                             "en");
  ASSERT_EQ(got.size(), 2u);
  ExpectQuote(got, 0, "ready", "partial", "Jelena Vuković");
  // A title the article never puts before a name stays unattributed.
  EXPECT_EQ(LastSpeaker("Montenegro 'ready' for new talks, says Foreign Minister\n\nThe talks resume in May.\n", "en"), "");
}

TEST_F(QuotesTest, PronounsAreEachLanguagesOwn) {
  // English "one" and "on" are not the Serbian pronouns one (they) and on (he).
  EXPECT_EQ(LastSpeaker("Aleksandar Vučić arrives in Beijing on Monday.\n\nIn an interview next to the one with him on the front "
                        "page, his former adviser Marko Petrović attacked the plan, saying it was \"entirely wrong.\"",
                        "en"),
            "Marko Petrović");
  EXPECT_EQ(LastSpeaker("Aleksandar Vučić je stigao u Peking.\n\nOn je rekao da je „poseta uspešna“.", "sr"), "Aleksandar Vučić");
}

TEST_F(QuotesTest, APossessiveBeforeASpeakerNounDoesNotSpeak) {
  // Kurti's government said: the government speaks; Ms Warren (Vorenova) said: she does.
  EXPECT_EQ(LastSpeaker("Kurtijeva vlada je saopštila da dijalog ide dalje.", "sr"), "vlada");
  EXPECT_EQ(LastSpeaker("Elizabet Voren je senatorka. Vorenova je rekla da je plan loš.", "sr"), "Elizabet Voren");
}

TEST_F(QuotesTest, AlbanianPluralVerbsAndSpeakerNouns) {
  EXPECT_EQ(LastSpeaker("\"Sulmi ishte i planifikuar me kujdes,\" u shprehën prokurorët.", "sq"), "prokurorët");
}

TEST_F(QuotesTest, ANameBetweenATitleAndAPersonIsTheTitles) {
  // Albanian links the title to its complement with an article; the person after the comma speaks.
  EXPECT_EQ(LastSpeaker("\"Aguero ka probleme me këmbët\", u shpreh për gazetarët menaxheri i City, Pep Guardiola.", "sq"),
            "Pep Guardiola");
}

TEST_F(QuotesTest, TheListenerOfToldDoesNotSpeak) {
  // Nobody before "told" is known: the medium told is still no speaker.
  auto g = Run("A mother told Sky News: \"Every minute an ambulance brings in bodies.\"", "en");
  ASSERT_FALSE(g.empty());
  EXPECT_NE(g[0].speaker, "Sky News");
}

TEST_F(QuotesTest, TheListenersInTheDativeDoNotSpeak) {
  // "rekao je okupljenim pristalicama": told the gathered supporters. The unstated subject speaks.
  EXPECT_EQ(LastSpeaker("Aleksandar Vučić je stigao u Novi Sad.\n„Ostaćemo jedinstveni“, rekao je okupljenim pristalicama.",
                        "sr"),
            "Aleksandar Vučić");
  // Nor an adjective and noun in the dative plural (told the United Nations).
  ExpectNotSpeaking(Run("Ministar je u subotu Ujedinjenim nacijama rekao da sankcije produbljuju nepovjerenje.", "bs"), "Ujedinjen");
  // (Named by the pack as one name, adjective and noun, the United Nations still only listen.)
  ExpectNotSpeaking(Run("Ministar je u subotu Ujedinjenim nacijama rekao da sankcije produbljuju nepovjerenje.", "bs"), "United");
  // Nor does a capitalised noun in the dative that opens the sentence (to the investigators).
  ExpectNotSpeaking(Run("Istražiteljima je rekao da se dobro osećao, saopštila je policija.", "sr"), "Istražiteljima");
}

TEST_F(QuotesTest, APersonsNameInBracketsDoesNotSpeak) {
  // An abbreviation's expansion in brackets, which the tagger may take for a name, is an aside.
  EXPECT_EQ(LastSpeaker("Ana Balarin, partnere dhe ECD (Drejtore Kreative Ekzekutive) në Mother komentoi: "
                        "\"Pompa është një produkt revolucionar.\"", "sq"),
            "Ana Balarin");
  // Unless the quotation is in the brackets too.
  EXPECT_EQ(LastSpeaker("Jakna je skupa („odelo oholosti”, kako je rekao Marko Petrović) i retka.", "sr"), "Marko Petrović");
}

TEST_F(QuotesTest, AVerbsGenderRulesOutSubjectsOfTheOther) {
  // "rekla je" is a woman's: the man named after it, in the dative, is not its subject.
  EXPECT_EQ(LastSpeaker("Jelena Marković je stigla u Niš.\n„Ovo je važan dan”, rekla je publici na skupu podrške Marku Petroviću.",
                        "sr"),
            "Jelena Marković");
}

TEST_F(QuotesTest, UnstatedSubjects) {
  // Serbian drops the pronoun: the verb's subject is the person quoted or named before.
  auto g = Run("Vučić je govorio u Beogradu.\n„Srbija neće priznati Kosovo“, rekao je.", "sr");
  ExpectOnlyQuote(g, "Srbija neće priznati Kosovo", "direct", "Aleksandar Vučić");
}

TEST_F(QuotesTest, AppositivesBeforeTheVerb) {
  struct Case {
    const char* text;
    const char* lang;
    const char* speaker;
  };
  const Case kCases[] = {
      // The name before an appositive speaks, not the role or organisation inside it; a name
      // that is the appositive itself does.
      {"Jan Gelfand, head of the International Red Cross in Indonesia, said that the aid was on its way.", "en",
       "Jan Gelfand"},
      {"The minister's daughter, Mary Jones, said that the letter was genuine.", "en", "Mary Jones"},
      // An appositive with commas of its own, or none before the verb: the person who opens the
      // clause speaks, not the place or organisation next to the verb.
      {"Professor Jay Berzofsky, of the National Cancer Institute in Bethesda, Maryland, said: “The results are good.”",
       "en", "Jay Berzofsky"},
      {"“We have a problem,” Dieter Kempf, head of the Federation of German Industries (BDI) said on Monday.", "en",
       "Dieter Kempf"},
      {"Profesorka Jelena Marić iz beogradskog Instituta za međunarodnu politiku u Dorćolu, u Beogradu, rekla je: "
       "„Dijalog je u krizi.“",
       "sr", "Jelena Marić"},
      // A person inside a relative clause is not the subject.
      {"Marko Perić, koji je nedavno oženio glumicu iz serije, Anu Lukić, priznao je da je „veoma srećan“.", "sr",
       "Marko Perić"},
      {"Marko Perić koji se nedavno oženio glumicom iz serije Anom Lukić (31), priznao je da je „veoma srećan“.", "sr",
       "Marko Perić"},
      // A possessor does not speak; a hyphenated surname stays whole.
      {"Mark Evans-Hughes, Tesco's finance director, said: “Sales rose in every region.”", "en", "Mark Evans-Hughes"},
  };
  for (const Case& c : kCases) {
    auto g = Run(c.text, c.lang);
    ASSERT_EQ(g.size(), 1u) << c.text;
    EXPECT_EQ(g[0].speaker, c.speaker) << c.text;
  }
  // Not a person named in a clause that opens with other words.
  auto g = Run("Asked about Albin Kurti, the ministry said that talks would go on.", "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_NE(g[0].speaker, "Albin Kurti");
}

TEST_F(QuotesTest, SpeakerNounsTakeOnlyInflectionalEndings) {
  // "committee" and "court" name speakers in any inflection (policija, полицијата), but
  // "committed" and "courage" are other words.
  auto g = Run("The minister, committed to reform, said that the plan would work next year.", "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_NE(g[0].speaker, "committed");
  g = Run("Полицијата соопшти дека истрагата продолжува до крајот на месецот.", "mk");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].speaker, "Полицијата");
}

TEST_F(QuotesTest, APronounSkipsAPersonAfterAPreposition) {
  // The paragraph's first person is its subject only when no preposition governs it.
  auto g = Run("Karen Jankel spoke about her father on Monday.\n\nOf Paddington, whom she describes as family, she added: "
               "“He was a quiet man.”",
               "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].speaker, "Karen Jankel");
}

TEST_F(QuotesTest, PronounsAndVerbFormsAgreeInGender) {
  // The feminine verb form (rekla) and "she" pass over the man named last.
  auto g = Run("Marko Petrović i Ana Jović su razgovarali u Beogradu.\n„Nećemo odustati“, rekla je.", "sr");
  ExpectOnlyQuote(g, "Nećemo odustati", "direct", "Ana Jović");
  g = Run("John Smith met Mary Jones on Monday.\n“We will win,” she said.", "en");
  ExpectOnlyQuote(g, "We will win", "direct", "Mary Jones");
  g = Run("Mary Jones met John Smith on Monday.\n“We will win,” he said.", "en");
  ExpectOnlyQuote(g, "We will win", "direct", "John Smith");
  // A pronoun goes on with the person the last pronoun resolved to, not back to the last one
  // quoted by name.
  g = Run("Ms Davis said: “I continually worry about it.”\nMs Humphreys, a friend of Ms Davis, lost her partner.\n"
          "“He did not say that he was feeling down,” she said.\n“He was at rock bottom on Christmas Day.”\n"
          "She said it was a trauma: “It rips a hole through the family.”",
          "en");
  ASSERT_GE(g.size(), 3u);
  EXPECT_EQ(g.back().speaker, g[1].speaker);
  EXPECT_NE(g.back().speaker, g[0].speaker);
}

TEST_F(QuotesTest, APronounLedParagraphGoesOnWithTheNameBefore) {
  // "On je kasnije pohvalio Petra Ilića": the paragraph's subject is "on" (Jović), not Ilić.
  EXPECT_EQ(LastSpeaker("Marko Jović je stigao u Niš.\nOn je kasnije pohvalio Petra Ilića.\n„Bilo je dobro“, rekao je.", "sr"),
            "Marko Jović");
}

TEST_F(QuotesTest, IndirectSpeechAndPronouns) {
  ExpectQuote(Run("Kurti tha se Kosova do të vazhdojë dialogun me Serbinë.", "sq"), 0,
              "Kosova do të vazhdojë dialogun me Serbinë", "indirect", "Albin Kurti");
  ExpectQuote(Run("Vučić je rekao da Srbija neće priznati Kosovo.", "sr"), 0, "Srbija neće priznati Kosovo", "indirect",
              "Aleksandar Vučić");
  // A verb that opens its sentence states no subject: the person of the sentences before speaks.
  ExpectQuote(Run("Aleksandar Vučić je stigao u Peking.\nRekao je da je Kina pravi prijatelj.", "sr"), 0,
              "je Kina pravi prijatelj", "indirect", "Aleksandar Vučić");
  // "Ali" (but) opening the sentence is no name before the verb.
  ExpectQuote(Run("Ana Marić je stigla u Niš.\nAli je naglasila da neće odustati.", "sr"), 0, "neće odustati", "indirect",
              "Ana Marić");
  // Imperfective and present forms report too ("naglašavao je da", "saopštava da").
  ExpectQuote(Run("Vučić je više puta naglašavao da Srbija neće priznati Kosovo.", "sr"), 0, "Srbija neće priznati Kosovo",
              "indirect", "Aleksandar Vučić");
  // Croatian and Bosnian also report with "kako".
  ExpectQuote(Run("Vučić je izjavio kako Srbija neće priznati Kosovo.", "hr"), 0, "Srbija neće priznati Kosovo", "indirect",
              "Aleksandar Vučić");
  ExpectQuote(Run("中国常驻联合国代表傅聪表示，安理会应当继续关注这个问题。", "zh"), 0, "安理会应当继续关注这个问题", "indirect",
              "Fu Cong");
  // With no name before a Chinese verb, its subject as written speaks, less the time words after
  // it; a clause that opens with a preposition has no such subject.
  ExpectQuote(Run("印尼国家减灾机构周日一早表示，死亡人数已攀升至832人。", "zh"), 0, "死亡人数已攀升至832人", "indirect",
              "印尼国家减灾机构");
  for (const Got& q : Run("在演出之前这名歌手表示，他改了名字。", "zh")) EXPECT_EQ(q.speaker.find("在"), std::string::npos);
  // A name right before a person's noun modifies it: the official speaks, not NATO.
  ExpectQuote(Run("一名北约官员周一表示，联盟将继续在科索沃部署部队。", "zh"), 0, "联盟将继续在科索沃部署部队", "indirect", "官员");
  // 据 X 报道: X is the source, in title marks or not, less the time words after it; 证据
  // (evidence) is no cue. A source the packs know speaks by its display name.
  ExpectQuote(Run("据《卫报》报道，联邦调查局正在调查这些指控。", "zh"), 0, "联邦调查局正在调查这些指控", "indirect", "The Guardian");
  ExpectQuote(Run("据明镜周刊周五报道，他随后支付了一笔钱。", "zh"), 0, "他随后支付了一笔钱", "indirect", "明镜周刊");
  for (const Got& q : Run("福特提交的证据详细说明了她的指控。", "zh")) EXPECT_NE(q.speaker, "详细") << q.content;
  // Nor is 说 in 说明 (explain), 小说 (novel) or 说服 (persuade).
  EXPECT_TRUE(Run("王毅去年写了一本小说，并努力说服出版社出版。", "zh").empty());
  // 并 joins a second verb to the first one's subject, and 称 inside 声称 is the same cue.
  auto joined = Run("王毅会见了李明并声称中方支持塞尔维亚。", "zh");
  ASSERT_EQ(joined.size(), 1u);
  ExpectQuote(joined, 0, "中方支持塞尔维亚", "indirect", "Wang Yi");
  // A name in brackets after a Chinese name is its original spelling: the Chinese name speaks.
  EXPECT_EQ(LastSpeaker("副总裁霍莉·斯奈德（Holly Snyder）说：“人们希望家人照顾他们。”", "zh"), "霍莉·斯奈德");
  // A name after a Chinese preposition is governed, not the speaker (向联合国表示: "told the UN").
  ExpectQuote(Run("外交部长于周六向联合国表示，制裁将加深不信任。", "zh"), 0, "制裁将加深不信任", "indirect", "外交部长");
  // Chinese names the speaker before the verb, not in the reported words after it.
  ExpectQuote(Run("美国内政部长莱恩·津克近日透露，华盛顿“在必要时”可动用海军。", "zh"), 0, "在必要时", "partial", "莱恩·津克");
  // The object of a verb joined by "and" to the reporting verb is not its subject.
  ExpectQuote(Run("Aleksandar Vučić arrived in Beijing on Monday. He praised Xi Jinping and said that China was a true friend.",
                  "en"),
              0, "China was a true friend", "indirect", "Aleksandar Vučić");
  ExpectQuote(Run("Vučić je stigao u Peking. On je pohvalio Si Đinpinga i rekao da je Kina prijatelj.", "sr"), 0,
              "je Kina prijatelj", "indirect", "Aleksandar Vučić");
  auto g = Run("Drita Gashi met the press on Monday. She said that Beijing was growing its influence.", "en");
  ExpectQuote(g, 0, "Beijing was growing its influence", "indirect", "Drita Gashi");
  ExpectQuote(Run("According to Albin Kurti, the talks have failed again.", "en"), 0, "the talks have failed again",
              "indirect", "Albin Kurti");
  // A company no pack knows, in the possessive before the verb.
  ExpectQuote(Run("Sainsbury's said it would double the size of its beauty range.", "en"), 0,
              "it would double the size of its beauty range", "indirect", "Sainsbury's");
  // English drops "that".
  ExpectQuote(Run("Albin Kurti said the talks had failed again.", "en"), 0, "the talks had failed again", "indirect",
              "Albin Kurti");
  EXPECT_TRUE(Run("Albin Kurti said nothing new.", "en").empty());
  // A clause of three words is one too.
  ExpectOnlyQuote(Run("Albin Kurti said Beijing backs Belgrade.", "en"), "Beijing backs Belgrade", "indirect", "Albin Kurti");
  // The speech tag after the clause.
  ExpectQuote(Run("Srbija neće priznati Kosovo ni pod kojim uslovima, rekao je Vučić.", "sr"), 0,
              "Srbija neće priznati Kosovo ni pod kojim uslovima", "indirect", "Aleksandar Vučić");
  // A colon after the verb opens the words said, without quotation marks too; the capitalised
  // word after it is no speaker.
  ExpectQuote(Run("Ana Marić, koja vodi školu, o tome kaže: Teško je reći šta će biti sledeće godine.", "sr"), 0,
              "Teško je reći šta će biti sledeće godine", "indirect", "Ana Marić");
  // A quotation with no tag right after reported speech is the same speaker's.
  auto after = Run("Ana Marić o tome kaže: Teško je reći šta će biti sledeće godine.\nVeoma je zanimljivo znati sve to sada.”", "sr");
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1].speaker, "Ana Marić");
  // A pronoun in a quotation's tag refers to the person named before an earlier reporting verb
  // of the paragraph, though indirect speech is read after quotations in marks.
  auto added = Run("傅聪在会上发言后，王毅表示很满意，他补充道：“明天是另一回事。”", "zh");
  auto direct = std::find_if(added.begin(), added.end(), [](const Got& q) { return q.kind == "direct"; });
  ASSERT_NE(direct, added.end());
  EXPECT_EQ(direct->speaker, "Wang Yi");
}

TEST_F(QuotesTest, TranscriptLabels) {
  // "Rogers: “…”": the label before the colon names the speaker.
  auto g = Run("Dvoje su šetali planinom.\nRogers: „To je Gajgerov brojač za radioaktivne minerale.“", "sr");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].speaker, "Rogers");
}

TEST_F(QuotesTest, TagsInTheNextSentence) {
  // Chinese closes the sentence inside the marks and tags the quotation in the next one.
  EXPECT_EQ(LastSpeaker("“我们不是种族主义者。”乔尔·普拉斯科对记者说道。", "zh"), "乔尔·普拉斯科");
  // A medium that tags the last piece of a quotation over several paragraphs reports it; the
  // speaker of the pieces before speaks it.
  auto g = Run("Kanye West nastupio je u subotu.\nTakođer, West se požalio publici da su mu predbacivali zbog kape.\n"
               "„Gnjavili su me iza pozornice.\nMaltretirali su me!\nRekli su da sam potonuo,” prenosi Washington Examiner.",
               "hr");
  ASSERT_GE(g.size(), 2u);
  for (const Got& q : g) EXPECT_EQ(q.speaker, "Kanye West") << q.content;
}

TEST_F(QuotesTest, DescriptionsAndTitlesReferBack) {
  // "the 54-year-old said": the person named before, not no one.
  EXPECT_EQ(LastSpeaker("Aleksandar Vučić arrived in Beijing on Monday.\n“China is a true friend,” the 54-year-old said.", "en"),
            "Aleksandar Vučić");
  // "The airline said": the last organisation named; "Air" and the word after it are one.
  EXPECT_EQ(LastSpeaker("Air Serbia cancelled two flights on Monday.\nThe airline said the weather was to blame.", "en"),
            "Air Serbia");
  // A bare title refers to the person the article named after the same title, inflection aside.
  EXPECT_EQ(LastSpeaker("Predsednik Marko Jović posetio je Niš u petak.\nOn je obišao fabriku sa Anom Marić.\n"
                        "Predsednik je u subotu rekao da je poseta bila uspešna.",
                        "sr"),
            "Marko Jović");
  // A Chinese verb in English text is no word to look around (an out-of-range read once).
  (void)Run("They met the minister 表示会继续努力。", "en");
  (void)Run("“We will try,” 表示", "en");
  (void)Run("表示会继续努力", "en");
  // Nor is a text that ends with the verb and "the".
  (void)Run("Ana Jones left. “We won,” said the", "en");
  // Unless the name follows it, set off by a comma.
  EXPECT_EQ(LastSpeaker("„Broj žrtava raste“, rekao je portparol agencije, Marko Marić.", "sr"), "Marko Marić");
  // Also a name of several words no pack knows, whatever type the tagger guessed.
  EXPECT_EQ(LastSpeaker("„Верује се да број жртава расте“, рекао је портпарол агенције, Сутопо Пурво Нагрохо.", "sr"),
            "Сутопо Пурво Нагрохо");
  // "revealed", "reports", "estimates" report too.
  ExpectQuote(Run("Ana Jones revealed that she would run for the Senate next year.", "en"), 0,
              "she would run for the Senate next year", "indirect", "Ana Jones");
  // A time phrase may stand between the verb and a clause without "that".
  ExpectQuote(Run("Ana Jones said on Monday the talks had failed completely.", "en"), 0, "the talks had failed completely",
              "indirect", "Ana Jones");
  // "continued" reports only with a quotation or "that": "continued sanctions" is no clause.
  for (const Got& q : Run("The minister told the United Nations on Saturday continued sanctions were deepening mistrust.", "en")) {
    EXPECT_NE(q.speaker, "United Nations") << q.content;
  }
  // A noun that names an unnamed speaker stays the speaker.
  EXPECT_EQ(LastSpeaker("Ana Jones took a taxi.\nThe driver said he would vote for her.", "en"), "driver");
}

TEST_F(QuotesTest, NamesInMarks) {
  // A name in marks is a term and still speaks („Air Serbia“ tani thotë se …).
  auto g = Run("Përplasje avioni: „Air Serbia“ tani thotë se një person ka humbur.", "sq");
  ASSERT_EQ(g.size(), 2u);
  ExpectQuote(g, 0, "Air Serbia", "term", "");
  ExpectQuote(g, 1, "një person ka humbur", "indirect", "Air Serbia");
  // After a preposition, the mark between them aside, it does not speak (za „CNN“).
  EXPECT_EQ(LastSpeaker("Jan Petrović je u razgovoru za „CNN“ rekao: „Brzo pomažemo preživelima.“", "sr"), "Jan Petrović");
}

TEST_F(QuotesTest, TitlesSlogansAndLyricsAreTerms) {
  // The title of a book, a slogan on a cap, a song's words: no one's speech, whoever is named
  // in the sentence.
  auto g = Run("Jelena Marković, autorka knjige „Samo smešni delovi i nekoliko istina”, ima drugu teoriju.", "sr");
  ExpectOnlyQuote(g, "Samo smešni delovi i nekoliko istina", "term", "");
  g = Run("Marko Petrović je nosio kapu s natpisom „Učinimo Srbiju ponovo velikom” i govorio protiv opozicije.", "sr");
  ExpectOnlyQuote(g, "Učinimo Srbiju ponovo velikom", "term", "");
  g = Run("Četiri majke plešu uz pesmu čiji tekst glasi: „Da, muzem se, ali nemam rep.”", "sr");
  ExpectOnlyQuote(g, "Da, muzem se, ali nemam rep", "term", "");
  g = Run("Dobrin Velkov published a memoir titled “Chasing the Long Night Home” last year.", "en");
  ExpectOnlyQuote(g, "Chasing the Long Night Home", "term", "");
  // A name in marks in a sentence that an "according to" phrase sources is no one's words.
  g = Run("Dobrin Velkov foli për dyqanet. Kompania ka vendosur “Argos” në qindra dyqane, gjë e cila sipas tij ka nxitur shitjet.",
          "sq");
  auto argos = std::find_if(g.begin(), g.end(), [](const Got& q) { return q.content == "Argos"; });
  ASSERT_NE(argos, g.end());
  EXPECT_EQ(argos->kind, "term");
  EXPECT_EQ(argos->speaker, "");
  // The song itself may be what a quotation describes.
  EXPECT_EQ(LastSpeaker("Jelena Marković je priznala da joj je pjesma „presmiješna”.", "hr"), "Jelena Marković");
}

TEST_F(QuotesTest, ChineseObjectsAndWordingsInMarks) {
  // The one met, a title before his name, is not the subject of the verb after it.
  EXPECT_EQ(LastSpeaker("能源部长王明在北京会见美国能源部长李强后表示，“我们都认为能源不能成为施压的工具”。", "zh"), "王明");
  // A question's or a slogan's wording, and a name with its original spelling in brackets, are
  // terms.
  auto g = Run("关于其网站上的一个常见问题“你凭什么认为我们可以消除贫困？”，张伟没有回答。", "zh");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g[0].kind, "term");
  g = Run("尽管“救助儿童会（Save the Children）”正在组建一支队伍，张伟说还无法确定。", "zh");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g[0].kind, "term");
  // An organisation's name in marks before a verb of speech is its subject, whatever its length.
  g = Run("“北城区（North Side）与南城区（South Side）警察局”表示，已在当地逮捕了两名男子。", "zh");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].kind, "term");
  ExpectQuote(g, 1, "已在当地逮捕了两名男子", "indirect", "北城区（North Side）与南城区（South Side）警察局");
  // So is an event's name that something is dated by (“…”之后: after …).
  g = Run("张伟自己也经历了大逆转，而在“林荫道奇迹”之后这支球队最终落败。", "zh");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g[0].kind, "term");
}

TEST_F(QuotesTest, PlacesSpeakForTheirGovernments) {
  // Right before the verb, or with auxiliaries and adverbs between; not further off.
  ExpectQuote(Run("Moscow has repeatedly stressed that the pipeline is a purely economic project.", "en"), 0,
              "the pipeline is a purely economic project", "indirect", "Moscow");
  EXPECT_EQ(LastSpeaker("Moscow, after a long meeting on Friday, stressed that the pipeline is economic.", "en"), "");
  EXPECT_EQ(LastSpeaker("Москва повеќе пати нагласи дека гасоводот е економски проект.", "mk"), "Moscow");
}

TEST_F(QuotesTest, AChineseTitleAfterAPrepositionIsTheListener) {
  // 对《华盛顿邮报》说道: told the Washington Post; the name before it speaks.
  EXPECT_EQ(LastSpeaker("“我们不是那种人。”乔尔·普拉斯科对《华盛顿邮报》说道。", "zh"), "乔尔·普拉斯科");
}

TEST_F(QuotesTest, DescriptionsWithoutArticlesReferBack) {
  // A listed noun that is the sentence's subject refers to the organisation named before it, or
  // to the person last quoted; a capitalised description is no organisation of its own.
  EXPECT_EQ(LastSpeaker("Air Danubia je otvorila novu liniju za Beč. Aviokompanija je saopštila da će letovi početi u maju.", "sr"),
            "Air Danubia");
  EXPECT_EQ(LastSpeaker("„Ovo je moj najbolji film“, rekao je glumac Marko Jovanović. Glumac je nedavno otkrio da se oženio.", "sr"),
            "Marko Jovanović");
  EXPECT_EQ(LastSpeaker("„Ky është filmi im më i mirë“, tha aktori Arben Gashi. Aktori tregoi së fundmi se është martuar.", "sq"),
            "Arben Gashi");
  EXPECT_EQ(LastSpeaker("„Ова е мојот најдобар филм“, рече актерот Марко Јовановски. Актерот неодамна откри дека се оженил.", "mk"),
            "Марко Јовановски");
  // Albanian "i cili" (who) opens a relative clause: the person inside it does not speak.
  EXPECT_EQ(LastSpeaker("Arben Gashi, i cili u martua me Drita Krasniqi, pranoi se ai e do filmin.", "sq"), "Arben Gashi");
}

TEST_F(QuotesTest, TheInstitutionThatIzNamesSpeaks) {
  // "rekli su iz policije": from the police, i.e. the police said; also when "iz" opens the clause.
  EXPECT_EQ(LastSpeaker("Požar je izbio u ulici Kralja Petra, rekli su iz policije.", "sr"), "policije");
  EXPECT_EQ(LastSpeaker("Iz policije su saopštili da je osumnjičeni uhapšen.", "sr"), "policije");
  // Macedonian says од (from).
  EXPECT_EQ(LastSpeaker("Гледаноста порасна за десет проценти, изјавија од Nielsen.", "mk"), "Nielsen");
  EXPECT_EQ(LastSpeaker("Од Владата одговорија: „Тоа ќе биде долг пат.“", "mk"), "Владата");
  // Albanian says nga.
  EXPECT_EQ(LastSpeaker("Nga Qeveria e Kosovës thanë se bisedimet do të vazhdojnë.", "sq"), "Government of Kosovo");
  // The domain pack's offices and embassies speak as themselves.
  EXPECT_EQ(LastSpeaker("Kancelarija za Kosovo i Metohiju saopštila je da su uhapšena dva Srbina.", "sr"),
            "Office for Kosovo and Metohija");
  EXPECT_EQ(LastSpeaker("中国驻塞尔维亚大使馆表示，中方尊重塞尔维亚主权。", "zh"), "Embassy of China in Serbia");
  // A name after a title and its article is the title's complement, not the speaker.
  ExpectNotSpeaking(Run("Ministri i Jashtëm ka theksuar se dialogu duhet të vazhdojë.", "sq"), "Jashtëm");
  ExpectNotSpeaking(Run("Kryetari i Kuvendit tha se seanca do të mbahet nesër.", "sq"), "Kuvendit");
  // A place after "iz" inside a subject is no speaker: the band speaks, or no one.
  EXPECT_EQ(LastSpeaker("Sastav Tamni Talas iz Bristola tvrdi da se hip-hop udaljio od svojih početaka.", "sr"), "Tamni Talas");
  EXPECT_EQ(LastSpeaker("Grupa iz Bristola tvrdi da se hip-hop udaljio od svojih početaka.", "sr"), "");
}

TEST_F(QuotesTest, APronounRepeatedInItsSentenceMeansWhoTheFirstMeant) {
  // 当他被问及…本·克兰肖…时他回答: the second 他 is the first, who is not Crenshaw.
  std::vector<Got> g = Run("弗里克说球队已经准备好了。\n\n当他被问及本·克兰肖队长如何团结队员时他回答“我记得每一个细节”。", "zh");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[1].speaker, "弗里克");
}

TEST_F(QuotesTest, AConjunctionThatOpensTheSentenceIsNoSpeaker) {
  // Siç (as) is capitalised before the verb, and is no organisation.
  EXPECT_EQ(LastSpeaker("Siç deklaron Kurti, qeveria shpreson se marrëveshja është afër.", "sq"), "Albin Kurti");
}

TEST_F(QuotesTest, ASpeechTagAfterAClosingMarkEndsTheWholeQuotation) {
  // The inner “ opened with the outer one's mark is never closed; ”, rekao je ends both, so
  // the narrative paragraph after them is no quotation.
  std::vector<Got> g = Run("“Toliko puta su mi rekli: “Kako možeš biti takav?\n\nAli ja sam ostao svoj,” rekao je Marko Jovanović."
                           "\n\nEmisija je počela skečom u kojem glumi Ana Petrović.\n\n“Zadirkivali su me iza kulisa."
                           "\n\nI onda kažu da sam se srozao”, rekao je.",
                           "bs");
  for (const Got& q : g) EXPECT_EQ(q.content.find("Emisija"), std::string::npos) << q.content;
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g.back().speaker, "Marko Jovanović");
}

TEST_F(QuotesTest, TheNameBeforeThePerfectsAuxiliaryIsTheSubject) {
  // "X je … rekao": X speaks, not the institution nearer the verb.
  EXPECT_EQ(LastSpeaker("Jan Petrović je na godišnjoj sjednici Vijeća sigurnosti UN rekao da je plan spreman.", "bs"), "Jan Petrović");
  EXPECT_EQ(LastSpeaker("Jan Petrović je rekao Vijeću sigurnosti da je plan spreman.", "bs"), "Jan Petrović");
  // A place that opens the sentence is its subject too; after a preposition it is not.
  EXPECT_EQ(LastSpeaker("Srbija je na sastanku sa Munom ovog meseca obećala da će zatvoriti rudnik.", "sr"), "Serbia");
  EXPECT_EQ(LastSpeaker("U Srbiji je na sastanku ministar Jan Petrović obećao da će zatvoriti rudnik.", "sr"), "Jan Petrović");
}

TEST_F(QuotesTest, SpeakerNounsForPeopleNotNamed) {
  EXPECT_EQ(LastSpeaker("“我就站在这里，”一位女人说。", "zh"), "女人");
  EXPECT_EQ(LastSpeaker("41%的受访者表示相信他的证词。", "zh"), "受访者");
  // Albanian "çifti" (the couple).
  EXPECT_EQ(LastSpeaker("Çifti ka mohuar se janë racistë.", "sq"), "Çifti");
  // Albanian "një grua" (a woman), indefinite.
  EXPECT_EQ(LastSpeaker("\"Jam këtu për ju\", tha një grua.", "sq"), "grua");
  // And in Serbian: the navy.
  EXPECT_EQ(LastSpeaker("Američka mornarica je saopštila da su svi putnici spaseni.", "sr"), "mornarica");
  // A people: "Srbi sa severa Kosova", "Serbët e veriut".
  EXPECT_EQ(LastSpeaker("Srbi sa severa Kosova su izjavili da neće učestvovati na izborima.", "sr"), "Srbi");
  EXPECT_EQ(LastSpeaker("Serbët e veriut deklaruan se nuk do të marrin pjesë.", "sq"), "Serbët");
}

TEST_F(QuotesTest, AlbanianVerbsOfReporting) {
  // warn (plural), report, deny.
  EXPECT_EQ(Run("Analistët paralajmërojnë se partia po humbet votuese.", "sq").size(), 1u);
  EXPECT_EQ(LastSpeaker("Gazeta Koha raportoi se ministri ka dhënë dorëheqje.", "sq"), "Koha");
  EXPECT_EQ(LastSpeaker("Drita Kelmendi ka mohuar se ka folur me gazetarët.", "sq"), "Drita Kelmendi");
  // A participle after a comma ("…, duke shtuar", adding) is no speech tag for the clause
  // before it: the names after it are what was added, not a speaker.
  auto g = Run("Drejtori Arben Krasniqi foli për planin. Ai u shpreh se “Lloyds” do të luante një rol në plan, "
               "duke shtuar një gamë të zgjeruar markash, duke përfshirë La Roche-Posay dhe Vichy në katër dyqane.", "sq");
  for (const Got& q : g) EXPECT_TRUE(q.speaker == "" || q.speaker == "Arben Krasniqi") << q.content << ": " << q.speaker;
}

TEST_F(QuotesTest, MoreSerbianAndMacedonianVerbForms) {
  // A neuter perfect after a quantity; a Macedonian perfect; a place with an adverbial between.
  EXPECT_EQ(LastSpeaker("Pedeset osam posto birača reklo je da senatorka ne bi trebala da se kandiduje.", "sr"), "birača");
  EXPECT_EQ(LastSpeaker("Возачот ѝ кажал дека ќе гласа за него.", "mk"), "Возачот");
  EXPECT_EQ(LastSpeaker("Атина долго време инсистираше дека името е проблем.", "mk"), "Athens");
}

TEST_F(QuotesTest, AChinesePossessorIsNoSubject) {
  // 马可的女儿安娜…她说道: she is the daughter, not the father whose daughter she is.
  EXPECT_EQ(LastSpeaker("画家马可·帕夫洛维奇的女儿安娜·帕夫洛维奇出生了，她在信里说道：“这幅画对我们很重要。”", "zh"),
            "安娜·帕夫洛维奇");
}

TEST_F(QuotesTest, AGivenNameOfEitherGenderFitsEitherPronoun) {
  // Joan is a woman's name in English and a man's in Catalan: 他 (he) may mean Joan Puig.
  std::vector<Got> g = Run("“我们很累，”Narcis Termes 说。\n\n42 岁的Joan Puig 是一名机械师，他用手机录制了抗议行动。他表示，双方的政治家煽动了此次冲突。", "zh");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g.back().speaker, "Joan Puig");
}

TEST_F(QuotesTest, ASpeakerNounWithItsComplementGivesWayToTheNameAfterIt) {
  // "portparol agencije X": X speaks; a name after "da" is inside what was said.
  EXPECT_EQ(LastSpeaker("Spasilačke ekipe su na terenu, rekao je portparol agencije Jaka Wiranto Sasmito na brifingu.", "sr")
                .rfind("Jaka", 0),
            0u);
  EXPECT_EQ(LastSpeaker("Portparol je rekao da Marko Petrović nije kriv.", "sr"), "Portparol");
  // The complement may name an office or a country in capitals; a person after it speaks.
  EXPECT_EQ(LastSpeaker("\"Besoj se ndajmë të njëjtin mendim,\" tha Ministri Rus i Energjisë Aleksandr Novak pas takimit.", "sq"),
            "Aleksandr Novak");
}

TEST_F(QuotesTest, AccordingToAQualifiedNounNeedsASpeakerNoun) {
  // "Ruritanian regulations" are no source; "Ruritanian officials" are.
  for (const Got& q : Run("According to Ruritanian regulations, aid can only flow once a disaster zone is declared.", "en")) {
    EXPECT_EQ(q.speaker, "") << q.content;
  }
  EXPECT_EQ(LastSpeaker("According to Ruritanian officials, aid will flow once a disaster zone is declared.", "en"),
            "Ruritanian officials");
}

TEST_F(QuotesTest, AVerbOfNamingHasNoSourceAfterIt) {
  // A province called Freedonia says nothing.
  EXPECT_TRUE(Run("The vote was meant to end a long dispute with Ruritania, which has its own province called Freedonia.", "en")
                  .empty());
}

TEST_F(QuotesTest, ABareTitleSpeaksAsItsHolder) {
  EXPECT_EQ(LastSpeaker("Aleksandar Vučić opened the bridge. The President said the talks had gone well.", "en"), "Aleksandar Vučić");
  EXPECT_EQ(LastSpeaker("Albin Kurti je otvorio most.\n\nPremijer je rekao da su razgovori bili dobri.", "hr"), "Albin Kurti");
}

TEST_F(QuotesTest, APluralPossessiveInsideSingleMarksDoesNotCloseThem) {
  std::vector<Got> g = Run("'We know it won't change the students' habits overnight,' Prof Dana Whitlow added.", "en");
  ExpectOnlyQuote(g, "We know it won't change the students' habits overnight", "direct", "Dana Whitlow");
  // A short one in single marks still closes at an s ('chaos').
  g = Run("She called it 'utter chaos' and left the room.", "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].content, "utter chaos");
}

TEST_F(QuotesTest, TwoChineseVerbsOfOneSentenceReportItOnce) {
  // 表示 and 说 each read the rest of the sentence as said: one quotation, not two.
  std::vector<Got> g = Run("马可·约万诺维奇表示对球队有信心，但这并不意味着他还能说些别的。", "zh");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].content, "对球队有信心，但这并不意味着他还能说些别的");
}

TEST_F(QuotesTest, UnnamedSpeakersOfSeveralLanguages) {
  // The couple, another one, a person.
  EXPECT_EQ(LastSpeaker("Par je odbacio optužbe, rekavši da je otkaz bio razuman.", "sr"), "Par");
  EXPECT_EQ(LastSpeaker("Një tjetër komentoi: \"Kjo është një reklamë e mirë.\"", "sq"), "tjetër");
  EXPECT_EQ(LastSpeaker("Druga osoba komentira: \"Ovo je dobra reklama.\"", "hr"), "osoba");
  EXPECT_EQ(LastSpeaker("\"This is a fine advert, but the cows deserve better,\" one wrote.", "en"), "one");
  EXPECT_EQ(LastSpeaker("许多人表示这是一个问题。\n有人评论道：“这是一个很好的广告。”", "zh"), "有人");
}

TEST_F(QuotesTest, VerbsOfPostingOnline) {
  // tweeted (Bosnian, Macedonian), posted (Albanian), with the platform between verb and "that".
  EXPECT_EQ(LastSpeaker("Voditeljica Jelena Marković je tvitala da je nastup bio sjajan.", "bs"), "Jelena Marković");
  EXPECT_EQ(LastSpeaker("Arben Gashi postoi në Twitter se nastupi ishte i shkëlqyer.", "sq"), "Arben Gashi");
  EXPECT_EQ(Run("Марко Петровски твитна дека настапот бил одличен.", "mk").size(), 1u);
  EXPECT_EQ(LastSpeaker("Another commented: \"This is a fine advert.\"", "en"), "Another");
}

TEST_F(QuotesTest, JokedDescribedAndWithTheWords) {
  // joked that; described … as "…"; left with the words that (a participle's phrase).
  EXPECT_EQ(LastSpeaker("U intervjuu za list, Marko Horvat se našalio da je cilj svjetska dominacija.", "bs"), "Marko Horvat");
  EXPECT_EQ(LastSpeaker("Marko Horvat je opisao napad kao „nasumičan čin”.", "bs"), "Marko Horvat");
  EXPECT_EQ(LastSpeaker("Marko Horvat je napustio grad sa riječima da je postignut napredak.", "bs"), "Marko Horvat");
}

TEST_F(QuotesTest, MoreCroatianVerbsOfReporting) {
  // reported, complained, recalled: each opens indirect speech.
  EXPECT_EQ(LastSpeaker("Policija je izvijestila da se incident zbio u centru grada.", "hr"), "Policija");
  EXPECT_EQ(Run("Neki su se potužili da stručnjaci nisu mogli doći u grad.", "hr").size(), 1u);
  EXPECT_EQ(LastSpeaker("Marko Horvat se prisjetio kako je tada slao poruke prijateljima.", "hr"), "Marko Horvat");
}

TEST_F(QuotesTest, NeuterSubjectsReportInTheNeuter) {
  // A ministry, a presidency, an office: the participle is neuter.
  EXPECT_EQ(LastSpeaker("Ministarstvo spoljnih poslova Srbije saopštilo je: „Odluka je neprihvatljiva.“", "sr"),
            "Ministry of Foreign Affairs of Serbia");
  EXPECT_EQ(LastSpeaker("Tužiteljstvo je priopćilo da je istraga u tijeku.", "hr"), "Tužiteljstvo");
}

TEST_F(QuotesTest, TheThatWordMayComeLaterWithNoPunctuationBefore) {
  std::vector<Got> g = Run("Marko Horvat izjavio je na konferenciji za novinare da je most zatvoren.", "hr");
  ExpectOnlyQuote(g, "je most zatvoren", "indirect", "Marko Horvat");
  // Not across a comma.
  g = Run("Marko Horvat izjavio je na konferenciji, pred novinarima, da je most zatvoren.", "hr");
  for (const Got& q : g) EXPECT_NE(q.content, "je most zatvoren");
}

TEST_F(QuotesTest, AnEnglishTitleInMarksIsATerm) {
  // A short name whose words are capitalised but for "of" and "the", in a sentence that reports
  // speech, is no one's words.
  for (const Got& q : Run("Qeveria deklaroi financimin e një projekti, \"The Power of Nutrition\", që do të ndihmojë fëmijët.", "sq")) {
    if (q.content == "The Power of Nutrition") {
      EXPECT_EQ(q.kind, "term");
    }
  }
  std::vector<Got> g = Run("Dana Whitlow, author of \"Notes From the Long Road Home Through Ruritania,\" has another theory.", "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kind, "term");
  EXPECT_EQ(g[0].speaker, "");
  // Inside a translation too; words all in capitals are shouted, not a title.
  g = Run("Nova knjiga Jelene Marić „The Long Road Home From Belgrade” izlazi u maju.", "sr");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kind, "term");
  g = Run("Nova knjiga Jelene Marić „NIKAD VIŠE NE DOLAZIM OVDE” izlazi u maju.", "sr");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kind, "direct");
  // A title keeps its short function words in lower case, "into" and "from" too.
  g = Run("Дана Витлоу, авторка на „Notes on Sneaking into the Long Road Home Through Ruritania,“ има друга теорија.", "mk");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kind, "term");
}

TEST_F(QuotesTest, AMissingOpeningMarkAfterASpeechTagsColon) {
  std::vector<Got> g = Run("Jelena Marković, šefica Crvenog krsta, izjavila je za agenciju: Pomoć stiže, ali ne znamo šta ćemo zateći.”", "bs");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].content, "Pomoć stiže, ali ne znamo šta ćemo zateći");
  EXPECT_EQ(g[0].speaker, "Jelena Marković");
}

TEST_F(QuotesTest, ANameAfterTheAuxiliaryOfASpeechTag) {
  // One capitalised word no layer knows, after "rekao je": the speaker, not the player named before.
  EXPECT_EQ(LastSpeaker("Lopta je pala preko Marka Petrovića u mrežu.\n\n„Samo sam pokušao da dam sebi vremena,” rekao je Sturrudge za klupski sajt.", "bs"),
            "Sturrudge");
}

TEST_F(QuotesTest, ASpeechTagBetweenCommasEarlyInTheSentence) {
  std::vector<Got> g = Run("Churches, Dana Whitlow added, could be replaced by apartment buildings full of new people.", "en");
  ExpectOnlyQuote(g, "could be replaced by apartment buildings full of new people", "indirect", "Dana Whitlow");
  g = Run("Marko Horvat je govorio o crkvama.\n\nCrkve, dodao je, mogle bi biti zamijenjene stambenim zgradama.", "bs");
  ExpectOnlyQuote(g, "mogle bi biti zamijenjene stambenim zgradama", "indirect", "Marko Horvat");
}

TEST_F(QuotesTest, ASpeechTagWhoseSubjectStandsBeforeItsVerb) {
  // The name after the verb is its object, not the speaker.
  std::vector<Got> g = Run("Marija Kovač je uhapšena u maju.\n\nNekoliko nedelja nakon napada, velika porota optužila je Mariju "
                           "Kovač po dvanaest tačaka.", "sr");
  ExpectNotSpeaking(g, "Kovač");
  // A tag with only "according to what" before its verb still has its speaker after it.
  EXPECT_EQ(LastSpeaker("Marko Horvat je uhapšen u maju i optužen za nasilje, prema onome što je izjavio Dan Bennett.", "bs"),
            "Dan Bennett");
}

TEST_F(QuotesTest, AnImpersonalVerbHasNoSpeakerToLookBackFor) {
  // "navodi se" (it is stated): neither the name inside the quotation's sentence nor the last
  // person named speaks.
  std::vector<Got> g = Run("Marko Horvat je uhapšen u maju.\n\nTužioci moraju da dokažu da je Horvat „namerno” pucao, navodi se "
                           "u zahtevu.\n\n„Horvat je pričinio veliku štetu porodicama žrtava”, navodi se u zahtevu.", "sr");
  ASSERT_EQ(g.size(), 2u);
  ExpectNotSpeaking(g, "Horvat");
  // A verb form with a gender has a subject, stated or not.
  EXPECT_EQ(LastSpeaker("Marko Horvat je uhapšen u maju.\n\n„Nisam kriv”, požalio se novinarima.", "sr"), "Marko Horvat");
}

TEST_F(QuotesTest, ANameInAThatClauseBeforeQuotedWordsIsNotTheirSpeaker) {
  // The name is inside what the source says; "according to" cites a document, not a person.
  std::vector<Got> g = Run("Prosecutors will have to prove that Marko Horvat “intentionally” killed eight people, according to the "
                           "filing.", "en");
  ExpectNotSpeaking(g, "Horvat");
  g = Run("Prokurorët duhet të vërtetojnë se Marko Horvat ka vrarë “me paramendim” tetë persona, sipas letrës së paraqitur.", "sq");
  ExpectNotSpeaking(g, "Horvat");
  g = Run("Обвинителите ќе треба да докажат дека Марко Хорват „намерно“ ги убил жртвите, согласно известувањето.", "mk");
  ExpectNotSpeaking(g, "Хорват");
  // A "that" cut off from the name by a comma opens no clause around it.
  EXPECT_EQ(LastSpeaker("For that effect, officials, including US President Donald Trump himself, try to persuade Germany to pull out "
                        "of the “inappropriate” pipeline, which according to Trump made Berlin Moscow's captive.", "en"),
            "Donald Trump");
}

TEST_F(QuotesTest, APronounAfterASentenceAboutAnUnnamedNational) {
  // The sentence before names no one but "the American": the pronoun (or unstated subject)
  // refers to him, not to the last person quoted.
  EXPECT_EQ(LastSpeaker("“She will be a great voice for athletes,” chairman Ian Beattie said.\n\nThe American, who won four Olympic "
                        "golds, was left unable to walk after a stroke.\n\nHe wrote on Twitter: “A month ago today I suffered a "
                        "stroke.”", "en"), "The American");
  EXPECT_EQ(LastSpeaker("„Biće odličan glas sportista”, kaže Ijan Biti.\n\nAmerikanac, koji je osvojio četiri zlata, ostao je "
                        "nepokretan posle udara.\n\nNapisao je na Tviteru: „Pre mesec dana sam pretrpeo moždani udar.”", "sr"),
            "Amerikanac");
  // A national adjective before a noun is no one: the pronoun means the person named before.
  EXPECT_EQ(LastSpeaker("Marko Horvat arrived in Belgrade on Monday.\n\nSerbian officials met him at the airport.\n\nHe said: "
                        "“We will talk about everything.”", "en"), "Marko Horvat");
}

TEST_F(QuotesTest, ANameAPrepositionGovernsIsNoAntecedent) {
  // "na Harvardu" (at Harvard) is no subject an unstated one can refer back to.
  std::vector<Got> g = Run("Studenti na Harvardu pohađaju novi tečaj.\n\nNa kraju predavanja prišla mi je jedna djevojka i rekla: "
                           "„Zašto sam ovo saznala tek sada?”", "hr");
  ExpectNotSpeaking(g, "Harvard");
}

TEST_F(QuotesTest, ATitleAwayFromTheReportingVerbIsATerm) {
  std::vector<Got> g = Run("Fox News has 2.4 million viewers, while \"The Rachel Maddow Show\" on MSNBC drew 3.5 million, according "
                           "to Nielsen.", "en");
  auto title = std::find_if(g.begin(), g.end(), [](const Got& q) { return q.content == "The Rachel Maddow Show"; });
  ASSERT_NE(title, g.end());
  EXPECT_EQ(title->kind, "term");
  EXPECT_EQ(title->speaker, "");
}

TEST_F(QuotesTest, ANounInAnEarlierClauseThatAContrastJoinsDoesNotSpeak) {
  std::vector<Got> g = Run("Marko Horvat je rekao da je njegova kancelarija izdala saopštenje, a pre nego što se lift zatvorio, "
                           "rekao je da ima još šta da kaže na saslušanju.", "sr");
  ASSERT_EQ(g.size(), 2u);
  ExpectNotSpeaking(g, "saopštenje");
}

TEST_F(QuotesTest, ManyPeopleSpeakAsAnUnnamedGroup) {
  EXPECT_EQ(LastSpeaker("Elvie je objavila reklamu.\n\nVideo je izazvao različite reakcije, dok su mnogi rekli da baca svetlo na "
                        "„užase” industrije.", "sr"), "mnogi");
}

TEST_F(QuotesTest, APluralSubjectIsNoOnePerson) {
  // A plural verb or pronoun does not fall back to the last person named or quoted.
  EXPECT_EQ(LastSpeaker("Na koncertu je nastupio Marko Petrović.\n\nTvrde da su te akcije pomogle svetskim liderima.", "sr"), "");
  EXPECT_EQ(LastSpeaker("„Bilo je teško”, rekao je Marko Petrović.\n\n„Nije bilo lako”, rekli su.", "sr"), "");
  EXPECT_EQ(LastSpeaker("“It was hard,” said Jane Roe.\n\n“It was not easy,” they said.", "en"), "");
  EXPECT_EQ(LastSpeaker("Në koncert doli Arben Gashi.\n\nAta thanë se aksionet i kanë ndihmuar liderët.", "sq"), "");
  // It is a speaker's noun earlier in its sentence, or the organisation quoted just before.
  EXPECT_EQ(LastSpeaker("Brackwell Group said that sales rose by a tenth.\n\nThey said the new shops would open in May.", "en"),
            "Brackwell Group");
  EXPECT_EQ(LastSpeaker("Jane Roe arrived.\n\nHer lawyers will sue the magazine over the claims, which they called “a smear”.", "en"),
            "lawyers");
  // "Those who" is a description, not a pronoun for someone before.
  EXPECT_NE(LastSpeaker("„Bilo je teško”, rekao je Marko Petrović.\n\nOni koji prate modu kažu da se šeširi vraćaju.", "sr"),
            "Marko Petrović");
  // "对他们来说" (for them) reports nothing.
  for (const Got& q : Run("凯莉说，这对他们来说是如此真实。", "zh")) EXPECT_NE(q.content, "是如此真实");
}

TEST_F(QuotesTest, ChantsAndShoutsAreSaid) {
  // The crowd that chants speaks, not the outlet that reports it.
  EXPECT_EQ(LastSpeaker("Demonstranti su u petak uzvikivali „Stiže novembar!” dok su protestovali u hodniku Senata, objavio je "
                        "portal Mik.", "sr"), "Demonstranti");
  EXPECT_EQ(LastSpeaker("On Friday, protesters chanted “November is coming!” in the hallway of the Senate, Mic reported.", "en"),
            "protesters");
}

TEST_F(QuotesTest, AClosingMarkThatEndsAParagraphClosesTheLevelsCarriedIntoIt) {
  // The inner quotation opened two paragraphs earlier; its closing mark ends the outer one too,
  // and the narration after it is no one's quotation.
  std::vector<Got> g = Run("„Pozvao me je da se oprostimo.\n\nRekla sam: „Volim te.\n\nBiću s tobom.\n\nMorala sam da se "
                           "saberem.”\n\nNa kraju se gospođa Marija Kovač ukrcala u avion sa ostalim putnicima.\n\n„Niko nije "
                           "znao”, kazala je Marija Kovač.", "sr");
  for (const Got& q : g) EXPECT_EQ(q.content.find("Na kraju"), std::string::npos) << q.content;
  // The same with Macedonian marks („…“).
  g = Run("„Потоа ми се јави да ми каже дека ќе умре.\n\nТоа и го направив.\n\nИ реков, „Таши, те сакам.\n\nЌе бидеме "
          "заедно.\n\nМорав да останам прибрана.“\n\nНа крајот, госпоѓа Марија Ковач се качи на авионот.\n\n„Никој не "
          "знаеше,“ рече таа.\n\n„Ја наведнав главата.\n\nЗнаев колку ја сакаше.“", "mk");
  for (const Got& q : g) EXPECT_EQ(q.content.find("На крајот"), std::string::npos) << q.content;
  // The same with straight marks.
  g = Run("\"Then Nad called me.\n\nI said, \"Tashi, I love you.\n\nWe will be together.\n\nI had to hold it "
          "together.\"\n\nEventually Mrs Maria Kovac boarded the plane alongside the other passengers.\n\n\"Nobody knew,\" "
          "she said.", "en");
  for (const Got& q : g) EXPECT_EQ(q.content.find("Eventually"), std::string::npos) << q.content;
  // One opened in the same paragraph closes alone: the outer quotation goes on.
  g = Run("„Gnjavili su me iza pozornice.\n\nRekli su mi: „Nemoj nigde ići s tom kapom.”\n\nMaltretirali su me!\n\nRekli su "
          "da sam potonuo”, prenosi list.", "sr");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g.back().content, "Rekli su da sam potonuo");
}

TEST_F(QuotesTest, AccordingToAnAdjectiveAndASpeakerNoun) {
  EXPECT_EQ(LastSpeaker("Prema informacijama katalonskih vlasti, skoro hiljadu ljudi je povređeno prošle godine.", "sr"), "vlasti");
}

TEST_F(QuotesTest, CyrillicLettersAreNotQuotationMarks) {
  // л and в end in the byte that ends » (D0 BB, C2 BB): the adjective is a word, not a mark.
  std::vector<Got> g = Run("Според владиниот портпарол, разговорите ќе продолжат во петок.", "mk");
  ExpectOnlyQuote(g, "разговорите ќе продолжат во петок", "indirect", "портпарол");
}

TEST_F(QuotesTest, AConjunctionBeforeAccordingToIsNotWhatWasSaid) {
  std::vector<Got> g = Run("И според портпаролот, разговорите ќе продолжат во петок.", "mk");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].content, "разговорите ќе продолжат во петок");
  g = Run("Talks will go on on Friday, according to the spokesman.", "en");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].content, "Talks will go on on Friday");
}

TEST_F(QuotesTest, AccordingToANameAfterItsTitle) {
  std::vector<Got> g = Run("The plan for Norvale, according to the company's chief executive Tomas Whitcombe, is to open ten shops.", "en");
  ExpectOnlyQuote(g, "is to open ten shops", "indirect", "Tomas Whitcombe");
}

// A sentence that ends inside a quotation's marks is no report of its own: the quotation is
// found once, not again as indirect speech.
TEST_F(QuotesTest, ASentenceEndingInsideTheMarksIsNoSecondQuotation) {
  std::vector<Got> zh = Run("毛宁说：“中塞是铁杆朋友。中方愿同塞方一道，推动合作取得更多成果。”", "zh");
  ASSERT_EQ(zh.size(), 1u);
  ExpectQuote(zh, 0, "中塞是铁杆朋友。中方愿同塞方一道，推动合作取得更多成果", "direct", "Mao Ning");
  std::vector<Got> hr = Run("„Imali su šest bodova prednosti, a sada imaju četiri. Dakle, mislim da je sreća na našoj "
                            "strani”, rekao je Jordan Spieth.", "hr");
  ASSERT_EQ(hr.size(), 1u);
  EXPECT_EQ(hr[0].kind, "direct");
  EXPECT_EQ(hr[0].speaker, "Jordan Spieth");
}

TEST_F(QuotesTest, NoSpeakerFromADatelineOrATitlesQualifier) {
  // The agency in a wire story's dateline does not speak in the sentence after it.
  EXPECT_EQ(LastSpeaker("BELGRADE, March 3 (Reuters) - Jan Petrović on Monday praised the plan, saying it was \"historic\".", "en"),
            "Jan Petrović");
  // Nor does the organisation that qualifies a title before a name.
  EXPECT_EQ(LastSpeaker("EU envoy Jan Petrović urged both sides to talk, warning that the north remained tense.", "en"), "Jan Petrović");
}

TEST_F(QuotesTest, AccordingToAPronoun) {
  // "according to him/her", "sipas tij/saj", "според него/неа": whom the pronoun refers to, with
  // or without a comma after it. The pronoun may be a possessive inside the phrase ("prema
  // njenim riječima", "според неговите зборови"); the name after the comma is no source. The
  // quotation checked is the last one found.
  struct Case {
    const char* text;
    const char* lang;
    size_t quotes;
    const char* content;
    const char* speaker;
  };
  for (const Case& c : {
           Case{"Jane Roe said the talks had stalled.\n\nAccording to her, the plan failed.", "en", 2, "the plan failed", "Jane Roe"},
           Case{"Jan Petrović said the talks had stalled.\n\nAccording to him the plan failed.", "en", 2, "the plan failed",
                "Jan Petrović"},
           Case{"Drita Kelmendi tha se bisedimet kanë ngecur.\n\nSipas saj, plani ka dështuar.", "sq", 2, "plani ka dështuar",
                "Drita Kelmendi"},
           Case{"Марко Јовановски рече дека разговорите запреа.\n\nСпоред него, планот пропадна.", "mk", 2, "планот пропадна",
                "Марко Јовановски"},
           Case{"Ana Marić je govorila prva.\n\nPrema njenim riječima, Europska unija ostaje najvažniji investitor.", "hr", 1,
                "Europska unija ostaje najvažniji investitor", "Ana Marić"},
           Case{"Марко Јовановски зборуваше прв.\n\nСпоред неговите зборови, планот пропадна.", "mk", 1, "планот пропадна",
                "Марко Јовановски"},
       }) {
    std::vector<Got> g = Run(c.text, c.lang);
    ASSERT_EQ(g.size(), c.quotes) << c.text;
    ExpectQuote(g, c.quotes - 1, c.content, "indirect", c.speaker);
  }
  // "according to her lawyer": the possessive's noun is the source, not the woman.
  for (const Got& q : Run("Jane Roe said the talks had stalled.\n\nAccording to her lawyer, the plan failed.", "en")) {
    if (q.content == "the plan failed") {
      EXPECT_NE(q.speaker, "Jane Roe");
    }
  }
}

TEST_F(QuotesTest, AnUnknownNameAfterASpeakerNounSpeaksWhateverItsGuessedType) {
  // The tagger takes this name for a place; after "the agency's spokesman" it is a person.
  EXPECT_EQ(LastSpeaker("„Бројот на жртви расте,“ рече портпаролот на агенцијата Сутопо Пурво Харјоно.", "mk"),
            "Сутопо Пурво Харјоно");
}

TEST_F(QuotesTest, ItMeansTheOrganisationQuotedLastOrNamedMost) {
  EXPECT_EQ(LastSpeaker("Brackwell Group said on Monday that sales rose by a tenth.\n\nThe weather was mild.\n\n"
                        "It said the new shops would open in May.", "en"),
            "Brackwell Group");
  EXPECT_EQ(LastSpeaker("Brackwell Group has been opening stores in the north since Brackwell Group bought two chains, "
                        "which it says has lifted sales across the region this year.", "en"),
            "Brackwell Group");
  // No organisation: no speaker, and "It" is not one.
  EXPECT_EQ(LastSpeaker("It said the new shops would open in May.", "en"), "");
}

TEST_F(QuotesTest, ADescriptionOpeningItsSentenceWithALongPhrase) {
  EXPECT_EQ(LastSpeaker("Brackwell Group cancelled all sailings on Sunday.\n\n"
                        "The carrier operating the ferry that ran aground near Korcula now says two people are missing.", "en"),
            "Brackwell Group");
  EXPECT_EQ(LastSpeaker("Dana Whitlow is known for her role in a long-running hospital drama.\n\n"
                        "But the actress, 42, has criticised the casting of the series, saying such roles leave young actors under pressure.",
                        "en"),
            "Dana Whitlow");
}

TEST_F(QuotesTest, EnglishSourcesThatOpenTheSentence) {
  // "The" that opens the sentence is not part of a capitalised name's run.
  EXPECT_EQ(LastSpeaker("The Kremlin argues that the tariffs are unfair.", "en"), "Kremlin");
  // A place with adverbs before its verb.
  EXPECT_EQ(LastSpeaker("Skopje has long insisted that the name belongs to its people.", "en"), "Skopje");
}

TEST_F(QuotesTest, ChineseVerbsOfConfirmingAdmittingAndPredicting) {
  // 确认 (confirm), 证实 (confirm, testify), 承认 (admit) and 预测 (predict) report what follows, as
  // "confirmed", "admitted" and "predicted" do in English.
  ExpectQuote(Run("王立新确认，会谈将于下周举行。", "zh"), 0, "会谈将于下周举行", "indirect", "王立新");
  ExpectQuote(Run("马可·彼得罗维奇证实，警方已经逮捕了两名嫌疑人。", "zh"), 0, "警方已经逮捕了两名嫌疑人", "indirect",
              "马可·彼得罗维奇");
  ExpectQuote(Run("一名女子承认她觉得这个计划“很荒唐”。", "zh"), 0, "很荒唐", "partial", "女子");
  ExpectQuote(Run("分析人士预测，明年的投票率将会下降。", "zh"), 0, "明年的投票率将会下降", "indirect", "分析人士");
}

TEST_F(QuotesTest, ChineseVerbsThatReportNothing) {
  // A verb before 的 modifies a noun, one before 了 takes a noun; 说唱 is rap, 所说 "what is said",
  // 称为 "be called".
  for (const char* text : {"李志强并未提及美国领导人本周早些时候宣布的会谈计划。", "王立新在会上表示了抗议。",
                           "随后，说唱歌手林峰于几天前去世。", "那么他们所说的比赛局势体现在哪儿呢？",
                           "这位艺人以前被称为小王子。", "也就是说，会谈将在周五继续进行。",
                           "王立新一直在说谎。", "王立新始终直言不讳地批评该方案。",
                           "在亮相之后马可·彼得罗维奇回应拥护新政府的指责。"}) {
    EXPECT_TRUE(Run(text, "zh").empty()) << text;
  }
  EXPECT_EQ(LastSpeaker("王立新表示，会谈将在周五继续进行。", "zh"), "王立新");
  EXPECT_EQ(LastSpeaker("马可·彼得罗维奇回应称，这些指责毫无根据。", "zh"), "马可·彼得罗维奇");
  // A group with a named member: the member speaks. "One of them" is a speaker of its own.
  EXPECT_EQ(LastSpeaker("然而，包括总理马可·彼得罗维奇 (Marko Petrović)在内的全民公投支持者认为，改名只是代价而已。", "zh"),
            "马可·彼得罗维奇");
  EXPECT_EQ(LastSpeaker("王立新说：“我们会再来。”\n\n《晨报》报道其中一人告诉记者：“整个大厅一片寂静。”", "zh"), "其中一人");
  // "answered thus:" (是这样回答的：) has its unnamed subject before it.
  EXPECT_EQ(LastSpeaker("王立新说：“我们会再来。”\n\n和平基金会是这样回答的：“这条路漫长而艰难。”", "zh"), "和平基金会");
}

TEST_F(QuotesTest, ChineseHearsayAndCitedSources) {
  // 据称, 据报道 (reportedly) name no source: nothing reported is anyone's, least of all the
  // name before them. 根据 before anything but a source reports words by no one.
  for (const char* text : {"她指控王立新，据称是在去年对其实施了诈骗。", "林峰队还没有公布首发阵容，但据报道，该队会让王立新首发。",
                           "根据经验判断，领先优势很容易消失。"}) {
    for (const Got& q : Run(text, "zh")) EXPECT_EQ(q.speaker, "") << text << " | " << q.content;
  }
  // A source longer than a plain subject still cites when it holds a name, "in the report of"
  // it included.
  ExpectQuote(Run("据市警察局发言人王立新的报告中所述，当时嫌疑人处于醉酒状态。", "zh"), 0, "当时嫌疑人处于醉酒状态", "indirect",
              "王立新");
}

TEST_F(QuotesTest, AChineseVerbsSubjectStandsBeforeItsClause) {
  // A name between the verb and the quoted words is inside what was said; the subject opens
  // the sentence, after any clause that opens with a preposition.
  EXPECT_EQ(LastSpeaker("在同一天发表的总统马可·彼得罗维奇专访一文旁边的另一篇专访中，其前任外交部长伊万·约万诺维奇再次批评了"
                        "政府所谓的新谈判方案，表示塞尔维亚和欧盟共同起草的这份文件“根本站不住脚”。",
                        "zh"),
            "伊万·约万诺维奇");
  // 并 (and) joins a verb to its clause's subject, unless a reporting verb before it in the
  // clause reports both: then the second verb is the reported person's.
  EXPECT_EQ(LastSpeaker("凯瑟琳·马丁声称克里斯·罗德在事后跪倒在地并告诉她，他是一个“好人”。", "zh"), "克里斯·罗德");
  EXPECT_EQ(LastSpeaker("据《晨报》报道，马可·彼得罗维奇解雇了保姆，并声称她工作做得很糟糕。", "zh"), "马可·彼得罗维奇");
  // A verb after a comma with no subject of its own shares the sentence's.
  EXPECT_EQ(LastSpeaker("王立新谴责了委员会中的民主党人士，称他们编织了指控，说这是“有组织的暗杀”。", "zh"), "王立新");
}

TEST_F(QuotesTest, AnOfficesNounIsThePersonTheArticleNamesAfterIt) {
  struct Case {
    const char* text;
    const char* lang;
    const char* speaker;  // of the first quotation
  };
  for (const Case& c : {
           // "The expert" speaks; the article names the expert elsewhere, right after the same words.
           Case{"The expert who tuned the organ in May called it “a musical jewel” and “a rare survivor.”\n\n"
                "The expert, Jane Roe of Northfield College, also noted that it was the oldest in the region.",
                "en", "Jane Roe"},
           // Two people so named decide nothing.
           Case{"The expert who tuned the organ in May called it “a musical jewel” and “a rare survivor.”\n\n"
                "The expert, Jane Roe, agreed. The expert, John Doe, did not.",
                "en", "expert"},
           // Chinese: the office before the head's noun says which minister (内政部长, not 能源部长).
           Case{"内政部长宣称将“严厉打击”走私\n\n内政部长马可·彼得罗维奇周一表示，警方将加强边境巡逻。\n\n"
                "同时，能源部长伊万·约万诺维奇表示，电价不会上涨。",
                "zh", "马可·彼得罗维奇"},
           // Albanian qualifies the office after its noun: the headline's "Ministri i Jashtëm" is
           // the one the lede names after the same words (a headline line may end in CR LF).
           Case{"Siria është “gati” për refugjatët, thotë Ministri i Jashtëm\r\n\n"
                "Duke folur në Nju Jork, Ministri i Jashtëm Arben Gashi tha se kushtet po përmirësohen.",
                "sq", "Arben Gashi"},
           // Serbian writes the office in lower case after the verb, its qualifiers after it.
           Case{"Sirija „spremna” za povratak izbeglica, kaže ministar inostranih poslova\n\n"
                "U govoru pred skupštinom, ministar inostranih poslova Marko Petrović izjavio je da se uslovi poboljšavaju.",
                "sr", "Marko Petrović"},
           // A verb with nothing after it names no office (and reads no empty one).
           Case{"„Spremni smo”, kaže.", "sr", ""}}) {
    std::vector<Got> g = Run(c.text, c.lang);
    ASSERT_FALSE(g.empty()) << c.text;
    EXPECT_EQ(g[0].speaker, c.speaker) << c.text;
  }
}

TEST_F(QuotesTest, ANegatedVerbReportsNothing) {
  // "did not say that X" does not put X in the speaker's mouth, in any language; the same verb
  // without the negation does.
  for (auto [text, lang] : std::vector<std::pair<const char*, const char*>>{
           {"Jane Roe did not say that the talks had failed.", "en"},
           {"Jane Roe hasn't yet said that the talks had failed.", "en"},
           {"Marko Petrović nije rekao da su pregovori propali.", "sr"},
           {"Марко Петровић није рекао да су преговори пропали.", "sr"},
           {"Arben Gashi nuk ka thënë se bisedimet dështuan.", "sq"},
           {"Arben Gashi s’tha se bisedimet dështuan.", "sq"},
           {"王立新还没有宣布会谈的结果。", "zh"}}) {
    for (const Got& q : Run(text, lang)) EXPECT_EQ(q.speaker, "") << text << " | " << q.content;
  }
  EXPECT_EQ(LastSpeaker("Jane Roe said that the talks had failed.", "en"), "Jane Roe");
  EXPECT_EQ(LastSpeaker("Arben Gashi tha se bisedimet dështuan.", "sq"), "Arben Gashi");
  // A possessive's "s" is no Albanian negation.
  EXPECT_EQ(LastSpeaker("Sainsbury's said it would double its range.", "en"), "Sainsbury's");
}

TEST_F(QuotesTest, SheIsTheWomanJustIntroduced) {
  // A woman introduced by a noun, with no one named since, is whom "she" means; not the woman
  // quoted further back.
  EXPECT_EQ(LastSpeaker("王丽华说：“我们会再来。”\n\n一名出现在现场的女子流着泪。她一直在说“太可怕了”。", "zh"), "女子");
  EXPECT_EQ(LastSpeaker("“We will be back,” said Jane Roe.\n\nA woman appeared at the scene in tears. She said it was awful.", "en"),
            "woman");
  EXPECT_EQ(LastSpeaker("一名女子流着泪。王丽华随后赶到现场。她说：“太可怕了。”", "zh"), "王丽华");
  // A word that holds the noun is no woman or man (大男子主义: machismo).
  EXPECT_EQ(LastSpeaker("王立新说：“我们会再来。”\n\n这位演员对大男子主义持否定态度，他表示这种角色有害。", "zh"), "王立新");
}

TEST_F(QuotesTest, AnAnswerIsThePersonAsked) {
  // A quotation paragraph with no tag after a paragraph that says someone was asked: theirs,
  // not the last speaker's.
  EXPECT_EQ(LastSpeaker("“We will win,” said John Doe.\n\nJane Roe was asked about her plans for the season.\n\n"
                        "“At this stage of my career I do not need more games to get ready.”",
                        "en"),
            "Jane Roe");
  EXPECT_EQ(LastSpeaker("王立新说：“我们会赢。”\n\n练习过后，马可·彼得罗维奇被问及他的赛季计划。\n\n“在我职业生涯的现阶段，我不需要更多比赛。”", "zh"),
            "马可·彼得罗维奇");
}

TEST_F(QuotesTest, AClosingThenAnOpeningMarkAroundAPhrase) {
  // ”…“ a few words apart in one sentence: the words between are the quotation, and the rest of
  // the paragraph is no quotation.
  std::vector<Got> g = Run("王立新在信中表示，委员会”会寻求将费用转嫁给“教区，尽管后者并未参与此事。", "zh");
  ASSERT_EQ(g.size(), 1u);
  ExpectQuote(g, 0, "会寻求将费用转嫁给", "partial", "王立新");
}

TEST_F(QuotesTest, GermanSpeakersInTheFirstPersonAndThePoliteYou) {
  EXPECT_EQ(LastSpeaker("Ich glaube, dass die Reform zu spät kommt.", "de"), "Ich");
  EXPECT_EQ(LastSpeaker("Wir wissen, dass die Mittel nicht reichen.", "de"), "Wir");
  EXPECT_EQ(LastSpeaker("Frau Ministerin, Sie haben gesagt, dass die Mittel reichen.", "de"), "Sie");
  // German capitalises nouns and the first word: a capital before the verb is no unknown
  // organisation.
  EXPECT_EQ(LastSpeaker("Dennoch wissen wir, dass die Mittel nicht reichen.", "de"), "wir");
}

TEST_F(QuotesTest, AsTheSourceSaid) {
  // The clause names the source; what was said is the rest of the sentence.
  std::vector<Got> g = Run("Kako je izjavio ministar Petar Jović, pregovori će se nastaviti u petak.", "sr");
  ExpectOnlyQuote(g, "pregovori će se nastaviti u petak", "indirect", "Petar Jović");
  g = Run("Pregovori će se nastaviti u petak, kako je izjavio ministar Petar Jović.", "sr");
  ExpectOnlyQuote(g, "Pregovori će se nastaviti u petak", "indirect", "Petar Jović");
  g = Run("Истрагата е во тек и како што изјави полицијата, тие ќе ги информираат блиските.", "mk");
  ExpectOnlyQuote(g, "тие ќе ги информираат блиските", "indirect", "полицијата");
  g = Run("Talks will resume on Friday, as the minister Peter Jones said.", "en");
  ExpectOnlyQuote(g, "Talks will resume on Friday", "indirect", "Peter Jones");
}

TEST_F(QuotesTest, ReportingVerbsCountInTheirOwnLanguage) {
  // Macedonian "постои … да се" (there is … to) folds like Albanian "postoi se" (posted that).
  EXPECT_TRUE(Run("Постои можност да се одложи седницата на собранието до понеделник.", "mk").empty());
  EXPECT_EQ(Run("Drita Berisha postoi se seanca do të shtyhet deri të hënën.", "sq").size(), 1u);
}

TEST_F(QuotesTest, MacedonianDescribedAs) {
  EXPECT_EQ(LastSpeaker("Министерот Петар Ристевски го опиша договорот како „историски чекор“.", "mk"), "Петар Ристевски");
}

TEST_F(QuotesTest, ANameInMarksInsideReportedSpeech) {
  // Chinese: a name in marks before the noun it names is a term; the clause after the verb is
  // what was said.
  std::vector<Got> got = Run("王毅指出，“一带一路”合作给地区带来了机遇。", "zh");
  ASSERT_EQ(got.size(), 2u);
  ExpectQuote(got, 0, "“一带一路”合作给地区带来了机遇", "indirect", "Wang Yi");
  ExpectQuote(got, 1, "一带一路", "term", "");
  // A partial quotation the clause runs on from stays one.
  got = Run("他说，华盛顿“必要时”会派出舰队。", "zh");
  bool partial = std::any_of(got.begin(), got.end(), [](const Got& q) { return q.content == "必要时" && q.kind == "partial"; });
  EXPECT_TRUE(partial);
  // After a colon, what was said starts at the mark of the name that opens it.
  got = Run("Ambassador Li Ming noted: \"Belt and Road\" projects are a success.", "en");
  ASSERT_FALSE(got.empty());
  ExpectQuote(got, 0, "\"Belt and Road\" projects are a success", "indirect", "Li Ming");
}

TEST_F(QuotesTest, ABareOfficeIsItsHolderNamedBefore) {
  // Serbian: "Ambasador je naveo" is the ambassador named in the paragraph before, not an
  // organisation called "Ambasador".
  std::vector<Got> got = Run("Ambasador Li Ming je istakao da je saradnja dobra.\nAmbasador je naveo da projekti napreduju.", "sr");
  ASSERT_EQ(got.size(), 2u);
  ExpectQuote(got, 1, "projekti napreduju", "indirect", "Li Ming");
  // With no holder named, the office itself speaks.
  std::vector<Quote> qs = finder_->Find("Ministar je naveo da pregovori traju.", {}, "sr", {});
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ministar");
  EXPECT_EQ(qs[0].speaker_type, "role");
}

TEST_F(QuotesTest, AGroupToldIsNoSpeaker) {
  // "rekao je grupi pristalica": told a group of supporters, who are the listeners; the speaker
  // is the one named before.
  EXPECT_EQ(LastSpeaker("Predsednik Aleksandar Vučić obišao je fabriku u Smederevu.\n"
                        "„Ovo je važan dan za naš grad“, rekao je grupi pristalica ispred fabrike.",
                        "sr"),
            "Aleksandar Vučić");
}

TEST_F(QuotesTest, OneIsASpeakerOnlyAlone) {
  // "one wrote" and "another commented" name speakers; "one passenger is missing" counts a
  // passenger, and says nothing of who spoke.
  std::vector<Got> got = Run("\"It was a long night,\" one wrote.\nAnother commented: \"This is great.\"", "en");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].speaker, "one");
  EXPECT_EQ(got[1].speaker, "Another");
  got = Run("The airline now says one passenger is missing, after earlier saying everyone had left the plane.", "en");
  ExpectNotSpeaking(got, "one");
}

TEST_F(QuotesTest, APersonNamedAsAnExampleIsNoPronounsAntecedent) {
  // "Mr. Mandagi included", "duke përfshirë edhe Z. Mandagi": an example in a list, not the
  // subject that "he" and "ai" go back to.
  EXPECT_EQ(LastSpeaker("Gendon Subandono, the coach of the national team, had trained two of the missing pilots.\n"
                        "Others trapped at the hotel, Mr. Mandagi included, were his students.\n"
                        "\"As a senior in the field, I carry my own burden,\" he said.",
                        "en"),
            "Gendon Subandono");
  EXPECT_EQ(LastSpeaker("Gendon Subandono, trajneri i ekipit kombëtar, kishte trajnuar dy pilotë.\n"
                        "Disa të tjerë në hotel, duke përfshirë edhe Z. Mandagi, ishin studentët e tij.\n"
                        "\"Jam shumë i ngarkuar emocionalisht\", u shpreh ai.",
                        "sq"),
            "Gendon Subandono");
  EXPECT_EQ(LastSpeaker("Гендон Субандоно, тренерот на тимот, ги обучувал пилотите.\n"
                        "Другите во хотелот, вклучувајќи го г. Мандаги, беа негови ученици.\n"
                        "„Носам свој товар“, рече тој.",
                        "mk"),
            "Гендон Субандоно");
}

TEST_F(QuotesTest, AWifeWithWhomOneCameIsNoSpeaker) {
  // "со неговата жена" (with his wife): a preposition's object, with a possessive between.
  EXPECT_EQ(LastSpeaker("Пензионираниот учител, Борис Трајков, кој дојде на собирот со неговата жена рече дека "
                        "повеќе не се надева на промени.",
                        "mk"),
            "Борис Трајков");
  EXPECT_EQ(LastSpeaker("Penzionisani učitelj, Boris Trajković, koji je došao na skup sa svojom ženom rekao je da se "
                        "više ne nada promenama.",
                        "sr"),
            "Boris Trajković");
}

TEST_F(QuotesTest, ARepeatedQuotationTakesTheSpeakerOfItsOtherTelling) {
  // A quoted line with no speaker (a headline's, a pull quote) whose words the lede gives with
  // one is that speaker's; a name in marks that a speaker also uses is not.
  std::vector<Got> got = Run("„Naša vrata ostaju otvorena za dijalog“\n"
                             "Ministarka Ana Perić izjavila je da naša vrata ostaju otvorena za dijalog sa svima.",
                             "sr");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].speaker, "Ana Perić");
  got = Run("The fund is called \"Bread For Every Child\".\n"
            "\"We thank Bread For Every Child,\" said Ana Peric.",
            "en");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0].speaker, "");
  got = Run("\u201c\u6211\u4eec\u613f\u540c\u5404\u65b9\u4e00\u9053\u7ef4\u62a4\u5730\u533a\u548c\u5e73\u201d\n"
            "\u5916\u4ea4\u90e8\u53d1\u8a00\u4eba\u6bdb\u5b81\u8868\u793a\uff0c\u6211\u4eec\u613f\u540c\u5404\u65b9\u4e00\u9053\u7ef4\u62a4\u5730\u533a\u548c\u5e73\u3002",
            "zh");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].speaker, got[1].speaker);
  EXPECT_NE(got[0].speaker, "");
}

}  // namespace
}  // namespace parallax::quotes
