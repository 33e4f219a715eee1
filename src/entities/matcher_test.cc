#include "entities/matcher.h"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "text/fold.h"

namespace parallax::entities {
namespace {

class MatcherTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto k = Knowledge::Default();
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    knowledge_ = new Knowledge(std::move(*k));
    auto m = Matcher::Create(*knowledge_);
    ASSERT_TRUE(m.ok());
    matcher_ = m->release();
  }
  // The people found in `text`, as written.
  static std::vector<std::string> Persons(std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text, {.day = "2024-09-16"})) {
      if (m.type == EntityType::kPerson) out.push_back(std::string(m.range.Of(text)));
    }
    return out;
  }
  static std::vector<std::string> Ids(std::string_view text, std::string day = "2024-09-16") {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text, {.day = day})) out.push_back(m.entity + "@" + std::string(m.range.Of(text)));
    return out;
  }
  static Knowledge* knowledge_;
  static Matcher* matcher_;
};
Knowledge* MatcherTest::knowledge_ = nullptr;
Matcher* MatcherTest::matcher_ = nullptr;

// A pack that cannot be read says why, naming the pack and the line or the entity; one that can
// gives its entities, roles (dates as written, a year for its first day) and exonyms.
TEST(Pack, ReadsEntitiesRolesAndExonymsAndNamesWhatIsWrong) {
  Knowledge k;
  ASSERT_TRUE(k.AddPack("pack: t\n"
                        "entities:\n"
                        "  - id: person/ana-primer\n"
                        "    type: person\n"
                        "    name: Ana Primer\n"
                        "    aliases: {sr-Latn: [Ana Primer], sr-Cyrl: Ана Пример}\n"
                        "    roles: [{org: Serbia, title: Minister, from: 2012, to: 2020-04}]\n"
                        "exonyms:\n"
                        "  kosova: {place/pristina: Prishtina}\n",
                        "t.yaml")
                  .ok());
  const Entity* e = k.Find("person/ana-primer");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->aliases.size(), 2u);
  ASSERT_EQ(e->roles.size(), 1u);
  EXPECT_EQ(e->roles[0].from, "2012-01-01");
  EXPECT_EQ(e->roles[0].to, "2020-04-01");

  Status broken = k.AddPack("entities:\n  - id: a\n   name: [unclosed\n", "broken.yaml");
  EXPECT_FALSE(broken.ok());
  EXPECT_NE(broken.ToString().find("broken.yaml"), std::string::npos) << broken.ToString();
  EXPECT_EQ(broken.where().record, 3);
  Status list_id = k.AddPack("entities:\n  - {id: [a, b], name: X}\n", "ids.yaml");
  EXPECT_FALSE(list_id.ok());
  EXPECT_EQ(list_id.where().record, 1);
  EXPECT_FALSE(k.AddPack("- just a list\n", "list.yaml").ok());
  EXPECT_FALSE(k.AddPack("entities:\n  - {id: x, roles: [{org: Serbia}]}\n", "role.yaml").ok());
}

// The shipped packs hold together: every office belongs to an entity the packs define, dates
// run forwards, and no two people share a strong alias (a name that would pick one of them at
// random). A typo in a pack fails here rather than matching nothing.
TEST(Pack, TheShippedPacksAreConsistent) {
  auto k = Knowledge::Default();
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  std::map<std::string, std::string> owner;  // language and folded alias -> person id
  std::map<std::string, std::string> site;   // domain -> outlet id
  for (const Entity& e : k->entities()) {
    if (e.type == EntityType::kOutlet) {
      // Ingest names an article's outlet by its domain: each outlet has one, none shares one,
      // and its country is a place the packs know.
      EXPECT_FALSE(e.domains.empty()) << e.id;
      for (const std::string& d : e.domains) {
        auto [it, fresh] = site.emplace(d, e.id);
        EXPECT_TRUE(fresh) << d << " is " << it->second << " and " << e.id;
      }
      std::string country = "place/" + e.country;
      std::transform(country.begin(), country.end(), country.begin(), [](unsigned char c) { return std::tolower(c); });
      EXPECT_NE(k->Find(country), nullptr) << e.id << " in " << e.country;
    }
    for (const Role& r : e.roles) {
      EXPECT_NE(k->Find(r.org), nullptr) << e.id << " holds an office of " << r.org;
      EXPECT_TRUE(r.to.empty() || r.from <= r.to) << e.id << " " << r.title << " " << r.from << ".." << r.to;
    }
    if (e.type != EntityType::kPerson) continue;
    for (const Alias& a : e.aliases) {
      if (a.weak) continue;
      auto [it, fresh] = owner.emplace(a.lang + ":" + text::FoldForMatch(a.text), e.id);
      EXPECT_TRUE(fresh || it->second == e.id) << a.text << " names " << it->second << " and " << e.id;
    }
  }
  for (const RolePhrase& r : k->roles()) EXPECT_NE(k->Find(r.org), nullptr) << r.id << " of " << r.org;
}

TEST_F(MatcherTest, ScriptsInflectionsAndChinese) {
  for (std::string_view t : {"Вучић", "Vucic", "Vučića", "Vučićem", "Vuçiq", "武契奇"}) {
    std::vector<Mention> m = matcher_->Find(t, {});
    ASSERT_EQ(m.size(), 1u) << t;
    EXPECT_EQ(m[0].entity, "person/aleksandar-vucic") << t;
    EXPECT_EQ(m[0].range.Of(t), t);
  }
  EXPECT_EQ(Ids("Kurtit i tha se Kosovës i duhet Prishtina."),
            (std::vector<std::string>{"person/albin-kurti@Kurtit", "place/xk@Kosovës", "place/pristina@Prishtina"}));
  EXPECT_EQ(Ids("Sastanak u Srbiji i Kini, pa u Kinom upravljanom fondu."),
            (std::vector<std::string>{"place/rs@Srbiji", "place/cn@Kini", "place/cn@Kinom"}));
  std::vector<std::string> zh = Ids("中国常驻联合国代表傅聪表示");
  EXPECT_EQ(zh, (std::vector<std::string>{"person/fu-cong@中国常驻联合国代表", "person/fu-cong@傅聪"}));
  EXPECT_EQ(Ids("Vjosa Osmani-Sadriu came"), (std::vector<std::string>{"person/vjosa-osmani@Vjosa Osmani-Sadriu"}));
  // Macedonian names the domain's organisations too (the tagger made the UN a person).
  EXPECT_EQ(Ids("Ри зборуваше во Обединетите нации, а Европската унија молчеше."),
            (std::vector<std::string>{"org/un@Обединетите нации", "org/eu@Европската унија"}));
}

// A pack person's surname after another given name is someone else who shares it, and so is the
// surname alone after that: "Mato Tadić" is not Boris Tadić until the article names Boris.
TEST_F(MatcherTest, ASurnameAfterAnotherGivenNameIsSomeoneElse) {
  EXPECT_EQ(Ids("Sudac Mato Tadić je izjavio da sud mora odlučiti. Tadić je dodao da je to važno. Boris Tadić je "
                "rekao da se slaže. Tadić je dodao da će glasati."),
            (std::vector<std::string>{"person/~mat-tadic@Mato Tadić", "person/~mat-tadic@Tadić", "person/boris-tadic@Boris Tadić",
                                      "person/boris-tadic@Tadić"}));
  EXPECT_EQ(Ids("Tadić je rekao da se slaže."), (std::vector<std::string>{"person/boris-tadic@Tadić"}));
}

// Capitalised common words are no person's name: not two of them together with no given name
// among them (a heading's "Vladi Republike"), and not one alone as the first name of someone
// named before ("Još", still, is not José), nor an adjective of a people in any case.
TEST_F(MatcherTest, CommonWordsAreNoPersonsName) {
  EXPECT_EQ(Persons("Otvoreno pismo Vladi Republike Hrvatske potpisali su Ivan Horvat i Ana Kovač."),
            (std::vector<std::string>{"Ivan Horvat", "Ana Kovač"}));
  EXPECT_EQ(Persons("Kritizirao je predsjednika komisije Joséa Manuela Barrosa. Još nije odgovorio. José je šutio."),
            (std::vector<std::string>{"Joséa Manuela Barrosa", "José"}));
  EXPECT_EQ(Persons("Skupine su iskoristile slabosti nakon Arapskog proljeća."), std::vector<std::string>{});
  EXPECT_EQ(Persons("He said Sunni Muslim leaders would boycott the vote."), std::vector<std::string>{});
  EXPECT_EQ(Ids("He met the Americans."), std::vector<std::string>{});  // no place either
}

// A name that ends in an organisation's head word is an organisation's, whichever rule found it.
TEST_F(MatcherTest, AnOrganisationsHeadWordEndsNoPersonsName) {
  for (std::string_view text : {"They met the Iraqi Islamic Party yesterday.", "Call Steele Electric today."}) {
    std::vector<Mention> m = matcher_->Find(text, {});
    ASSERT_EQ(m.size(), 1u) << text;
    EXPECT_EQ(m[0].type, EntityType::kOrg) << text;
  }
}

// A letter's greeting and sign-off, alone on a line, are no one's name.
TEST_F(MatcherTest, GreetingsAndSignOffsAreNoNames) {
  EXPECT_EQ(Persons("Hi,\nThe report is attached.\nCheers\nAna Kovač\n"), std::vector<std::string>{"Ana Kovač"});
  EXPECT_EQ(Persons("Dear Ivan Horvat,\nThanks for the note, it helps.\nSincerely,\nMarko Petrović\n"),
            (std::vector<std::string>{"Ivan Horvat", "Marko Petrović"}));
  EXPECT_EQ(Persons("Hello,\nCan anyone help me with this?\nThx\n"), std::vector<std::string>{});
}

// A known given name alone is a person inside a sentence, not where a capital says nothing.
TEST_F(MatcherTest, AGivenNameAlone) {
  EXPECT_EQ(Persons("As we discussed, Anita will make the adjustments."), std::vector<std::string>{"Anita"});
  EXPECT_EQ(Persons("Ali to neće biti lako, rekao je."), std::vector<std::string>{});
}

TEST_F(MatcherTest, AdjectivesAreNotTheCountryNamedByTheirFeminine) {
  // Hrvatska and Turska are adjectives in the feminine; their masculine and neuter forms are
  // adjectives only, while the feminine's cases stay the country's.
  EXPECT_EQ(Ids("Turski ministar je stigao. Grčko ostrvo nije ni u Hrvatskoj ni u Turskoj. Bugarskih brodova nema."),
            (std::vector<std::string>{"place/hr@Hrvatskoj", "place/tr@Turskoj"}));
  EXPECT_EQ(Ids("Кинески и Турски званичници посетили су Турску."), (std::vector<std::string>{"place/tr@Турску"}));
}

TEST_F(MatcherTest, RolePhrasesFromTheTitleAndTheOrganisationsName) {
  // The pack lists "kineski ministar spoljnih poslova"; the title before the country's name,
  // in any case, is composed from the titles and the country's aliases.
  for (std::string_view phrase : {"Ministar spoljnih poslova Kine", "Ministri i Jashtëm i Kinës", "Министерот за надворешни работи на Кина"}) {
    std::string text = std::string(phrase) + " je stigao.";
    std::vector<std::string> ids = Ids(text, "2025-03-01");
    ASSERT_FALSE(ids.empty()) << phrase;
    EXPECT_EQ(ids[0], "person/wang-yi@" + std::string(phrase));
  }
  // The Albanian linking article agrees with the title: presidentja e Kosovës.
  EXPECT_EQ(Ids("Presidentja e Kosovës foli.", "2025-03-01")[0], "person/vjosa-osmani@Presidentja e Kosovës");
}

TEST_F(MatcherTest, APeopleIsNoPerson) {
  // After an occupation cue, a people in the genitive ("predstavnik Srba") is no one's name.
  for (const std::string& id : Ids("Govorio je predstavnik Srba sa severa Kosova.")) EXPECT_EQ(id.find("person/"), std::string::npos) << id;
  // Nor is a letter ("I").
  for (const std::string& id : Ids("On my trips here from the states I used Fly Genesis.")) EXPECT_NE(id, "person/~i@I");
  // Nor is the adjective of a people or a faith (data/peoples.tsv).
  for (const std::string& id : Ids("They do not sound that Irish, I thought after the show.")) {
    EXPECT_EQ(id.find("person/"), std::string::npos) << id;
  }
  // Nor is a common word alone that the tagger took for a name ("svoju Domovinu"), unless it
  // is a known given name too.
  for (const std::string& id : Ids("On voli svoju Domovinu i svoj narod.")) EXPECT_EQ(id.find("person/"), std::string::npos) << id;
  // A given name's key is not enough when the word is a common word as written: "Vlada" (the
  // government) shares Vlado's key, but Vlado is the name.
  for (std::string_view text : {"To su teme kojima se Vlada bavi ove godine.", "Vlada Gruevskog sučeljava se s pregovorima."}) {
    for (const std::string& id : Ids(text)) EXPECT_EQ(id.find("person/"), std::string::npos) << id;
  }
  EXPECT_EQ(Ids("Vlado Perić je rekao da je rok kratak."), (std::vector<std::string>{"person/~vlad-peric@Vlado Perić"}));
}

TEST_F(MatcherTest, RegionalAbbreviationsAndAgencies) {
  EXPECT_EQ(Ids("Problem je u stajalištu prema BiH, izvješćuje agencija France Presse."),
            (std::vector<std::string>{"place/ba@BiH", "outlet/afp@France Presse"}));
}

TEST_F(MatcherTest, InternationalOrganisationsInflected) {
  EXPECT_EQ(Ids("Borba protiv al-Qaede se nastavlja."), (std::vector<std::string>{"org/al-qaeda@al-Qaede"}));
  EXPECT_EQ(Ids("Svjetska zdravstvena organizacija je objavila izvješće."),
            (std::vector<std::string>{"org/who@Svjetska zdravstvena organizacija"}));
  // The plural's genitive and dative, which no case ending of the key reaches.
  EXPECT_EQ(Ids("Podrška u Ujedinjenim nacijama je važna."), (std::vector<std::string>{"org/un@Ujedinjenim nacijama"}));
  EXPECT_EQ(Ids("Одлука Уједињених нација је коначна."), (std::vector<std::string>{"org/un@Уједињених нација"}));
}

TEST_F(MatcherTest, GovernmentsCouncilsAndAgencies) {
  EXPECT_EQ(Ids("Odluku je donijela Vlada Srbije, a Vlade Kosova nije bilo."),
            (std::vector<std::string>{"org/gov-rs@Vlada Srbije", "org/gov-xk@Vlade Kosova"}));
  EXPECT_EQ(Ids("Qeveria e Kosovës tha se do të vazhdojë."), (std::vector<std::string>{"org/gov-xk@Qeveria e Kosovës"}));
  EXPECT_EQ(Ids("Rezolucija je upućena Vijeću sigurnosti Ujedinjenih naroda, javlja DPA."),
            (std::vector<std::string>{"org/unsc@Vijeću sigurnosti Ujedinjenih naroda", "outlet/dpa@DPA"}));
}

TEST_F(MatcherTest, ChineseSidesAndSpokespersons) {
  // 中方, 塞方, 欧方: "the Chinese (Serbian, European) side", as Chinese news names them.
  EXPECT_EQ(Ids("中方坚定支持塞方，欧方表示关切。"),
            (std::vector<std::string>{"place/cn@中方", "place/rs@塞方", "org/eu@欧方"}));
  EXPECT_EQ(Ids("Portparolka Mao Ning rekla je to u ponedeljak."), (std::vector<std::string>{"person/mao-ning@Mao Ning"}));
}

TEST_F(MatcherTest, OrganisationsInSentenceCase) {
  // Serbian, Croatian and Bosnian capitalise only an organisation's first word; a place in its
  // complement is part of the name.
  EXPECT_EQ(Ids("Potpredsjednik Demokratske stranke Srbije rekao je da Ustavni sud odlučuje."),
            (std::vector<std::string>{"org/~demokratsk-strank-srbij@Demokratske stranke Srbije", "org/~ustavn-sud@Ustavni sud"}));
  EXPECT_EQ(Ids("Guverner Rumunske narodne banke govorio je o Oružanim snagama Bosne i Hercegovine."),
            (std::vector<std::string>{"org/~rumunsk-narodn-bank@Rumunske narodne banke",
                                      "org/~oruzanim-snag-bosn-i-hercegov@Oružanim snagama Bosne i Hercegovine"}));
  // A preposition that opens a sentence, or "već" (already), is no part of one.
  EXPECT_EQ(Ids("Iz kancelarije su poručili da je odluka već donesena."), (std::vector<std::string>{}));
}

TEST_F(MatcherTest, ATitleAloneIsNoName) {
  EXPECT_EQ(Ids("Foreign Secretary Jeremy Hunt met Foreign Minister Ivica Dacic.", "2024-09-16"),
            (std::vector<std::string>{"person/~jeremy-hunt@Jeremy Hunt", "person/ivica-dacic@Ivica Dacic"}));
  // Siniša Mali, not the country Mali.
  EXPECT_EQ(Ids("Deputy Prime Minister Sinisa Mali spoke. Mali said the budget was fine.", "2024-09-16"),
            (std::vector<std::string>{"person/sinisa-mali@Sinisa Mali", "person/sinisa-mali@Mali"}));
}

TEST_F(MatcherTest, ForeignMinistries) {
  EXPECT_EQ(Ids("The Chinese Foreign Ministry said it opposed the move."),
            (std::vector<std::string>{"org/mfa-cn@Chinese Foreign Ministry"}));
  EXPECT_EQ(Ids("Ministria e Punëve të Jashtme të Kosovës reagoi."),
            (std::vector<std::string>{"org/mfa-xk@Ministria e Punëve të Jashtme të Kosovës"}));
  // A word that qualifies a title ("Security", "Foreign") is no title before a surname.
  for (const std::string& id : Ids("He is an analyst at the Belgrade Centre for Security Policy.")) {
    EXPECT_NE(id.substr(0, 7), "person/") << id;
  }
  for (const std::string& id : Ids("The Estonian Foreign Ministry said it opposed the move.")) {
    EXPECT_NE(id.substr(0, 7), "person/") << id;
  }
}

TEST_F(MatcherTest, PossessiveAdjectivesMadeFromNames) {
  // Vučić's government, Kurti's plan; Macedonian too; and the surname of someone the article
  // names ("Ivo Sanader … Sanaderova vlada"), which is also how Serbian writes a foreign woman's
  // surname (Vorenova: Ms Warren).
  auto vias = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text, {.day = "2024-09-16"})) out.push_back(m.entity + "@" + std::string(m.range.Of(text)) + ":" + m.via);
    return out;
  };
  EXPECT_EQ(vias("Vučićeva vlada i Kurtijev plan."),
            (std::vector<std::string>{"person/aleksandar-vucic@Vučićeva:possessive", "person/albin-kurti@Kurtijev:possessive"}));
  EXPECT_EQ(vias("Вучиќевата влада."), (std::vector<std::string>{"person/aleksandar-vucic@Вучиќевата:possessive"}));
  EXPECT_EQ(vias("Ivo Sanader je premijer. Sanaderova vlada je pala."),
            (std::vector<std::string>{"person/~ivo-sanader@Ivo Sanader:new", "person/~ivo-sanader@Sanaderova:possessive"}));
  // A word whose own name key is the surname's is the surname declined, no adjective
  // ("Kerchove" of "Gilles de Kerchove", whose key drops -ove as an ending).
  for (const std::string& v : vias("Gilles Kerchove je stigao. Kerchove nema.")) EXPECT_EQ(v.find(":possessive"), std::string::npos) << v;
}

TEST_F(MatcherTest, ATopicKeepsTheNamesInsideIt) {
  EXPECT_EQ(Ids("Beograd se protivi nezavisnosti Kosova."),
            (std::vector<std::string>{"place/belgrade@Beograd", "topic/kosovo-independence@nezavisnosti Kosova", "place/xk@Kosova"}));
  EXPECT_EQ(Ids("塞尔维亚反对科索沃独立。"),
            (std::vector<std::string>{"place/rs@塞尔维亚", "place/xk@科索沃", "topic/kosovo-independence@科索沃独立"}));
  // Only the names a pack knows: a topic written as a name is no new names inside it.
  EXPECT_EQ(Ids("He added that cooperation under the Belt and Road Initiative would continue."),
            (std::vector<std::string>{"org/bri@Belt and Road Initiative"}));
}

TEST_F(MatcherTest, TheFleetingA) {
  // Kragujevac, Kragujevcu; Aleksandar, Aleksandra; an unknown Petar, Petra: one key.
  EXPECT_EQ(Ids("U Kragujevcu i iz Kragujevca."), (std::vector<std::string>{"place/kragujevac@Kragujevcu", "place/kragujevac@Kragujevca"}));
  EXPECT_EQ(Ids("Sastanak Aleksandra Vučića."), (std::vector<std::string>{"person/aleksandar-vucic@Aleksandra Vučića"}));
  std::vector<std::string> ids = Ids("Govorio je Petar Jelić. Izjava Petra Jelića je kratka.");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0].substr(0, ids[0].find('@')), ids[1].substr(0, ids[1].find('@')));
}

TEST_F(MatcherTest, AlbanianCasesAfterKGH) {
  // Albanian -ut and -un after k, g, h (Lajçakut, Lajçakun); not the ending of Solun or Zemun.
  EXPECT_EQ(Ids("Takuan Lajçakun dhe folën për Lajçakut."),
            (std::vector<std::string>{"person/miroslav-lajcak@Lajçakun", "person/miroslav-lajcak@Lajçakut"}));
  EXPECT_TRUE(Ids("Solo je stigla.").empty());
  // A hyphenated double surname alone.
  EXPECT_EQ(Ids("Presidentja Osmani-Sadriu foli.", "2025-03-01").back(), "person/vjosa-osmani@Osmani-Sadriu");
}

TEST_F(MatcherTest, MacedonianSpellingsOfSerbianNames) {
  // Macedonian writes ќ and ѓ for Serbian ћ and ђ.
  EXPECT_EQ(Ids("Вучиќ и Дачиќ се сретнаа."), (std::vector<std::string>{"person/aleksandar-vucic@Вучиќ", "person/ivica-dacic@Дачиќ"}));
}

TEST_F(MatcherTest, Europe) {
  EXPECT_EQ(Ids("Srbija je deo Evrope. 欧洲。"), (std::vector<std::string>{"place/rs@Srbija", "place/europe@Evrope", "place/europe@欧洲"}));
}

TEST_F(MatcherTest, ADatelinesMonthIsNoName) {
  // The tagger's span over "March 3 (Reuters) - The" is cut at the punctuation; a month or an
  // article left alone is no name.
  EXPECT_EQ(Ids("BELGRADE, March 3 (Reuters) - The talks failed."),
            (std::vector<std::string>{"place/belgrade@BELGRADE", "outlet/reuters@Reuters"}));
}

TEST_F(MatcherTest, AChineseNameAfterAnOfficeAndBeforeADate) {
  // "发言人毛宁28日表示": the date after the name; the name is the office holder's.
  EXPECT_EQ(Ids("外交部发言人高宁28日表示，中方支持。", "2024-11-28"),
            (std::vector<std::string>{"person/~高宁@外交部发言人", "person/~高宁@高宁", "place/cn@中方"}));
  // With no name, the office stays a role.
  EXPECT_EQ(Ids("外交部发言人28日表示，中方支持。", "2024-11-28"),
            (std::vector<std::string>{"role/cn-mfa-spokesperson@外交部发言人", "place/cn@中方"}));
}

TEST_F(MatcherTest, SurnamesInIDeclineWithJ) {
  // Kurti, Kurtija, Kurtiju, Kurtijem; Wang Yi is "Vang Ji", "Vang Jija".
  EXPECT_EQ(Ids("Prema rečima Kurtija i Куртија, sastanak sa Albinom Kurtijem i Vang Jijem je otkazan."),
            (std::vector<std::string>{"person/albin-kurti@Kurtija", "person/albin-kurti@Куртија", "person/albin-kurti@Albinom Kurtijem",
                                      "person/wang-yi@Vang Jijem"}));
  // So does the surname of someone no pack knows, once named in full.
  std::vector<std::string> ids = Ids("Analitičar Arben Gaši je to rekao. Prema rečima Gašija, Beograd greši.");
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids[0].substr(0, ids[0].find('@')), ids[1].substr(0, ids[1].find('@')));
  EXPECT_EQ(ids[1].substr(ids[1].find('@')), "@Gašija");
}

TEST_F(MatcherTest, AnOutletNamedByACommonWordOpeningASentence) {
  auto outlets = [](std::string_view text) {
    std::vector<std::string> out;
    for (const std::string& id : Ids(text)) {
      if (id.starts_with("outlet/")) out.push_back(id);
    }
    return out;
  };
  // "Danas" is "today" where it opens a sentence; inside one it is the paper.
  EXPECT_TRUE(outlets("Danas je vlada usvojila zakon. Politika je tema dana.").empty());
  EXPECT_EQ(outlets("Kako piše list Danas, vlada je pala."), (std::vector<std::string>{"outlet/danas@Danas"}));
  // Before a reporting verb, or once the article has named it, it is the outlet.
  EXPECT_EQ(outlets("Beta je javila da je vlada pala."), (std::vector<std::string>{"outlet/beta@Beta"}));
  EXPECT_EQ(outlets("Prema pisanju lista Danas, vlada je pala. Danas je to potvrdio i ministar."),
            (std::vector<std::string>{"outlet/danas@Danas", "outlet/danas@Danas"}));
}

// Words of the region's copy that are no one's name, and the West as its politics speak of it.
TEST_F(MatcherTest, TitlesDatelinesAndTheWest) {
  // A bare title of several words is no name, feminine forms included.
  EXPECT_EQ(Ids("Ministrja e Jashtme Drita Hoxha u shpreh se Kosova nuk ka nevojë."),
            (std::vector<std::string>{"person/~drit-hoxh@Drita Hoxha", "place/xk@Kosova"}));
  // A wire's abbreviated month is a date.
  EXPECT_EQ(Ids("PRISTINA, Oct 16 (Reuters) - Kosovo said talks failed."),
            (std::vector<std::string>{"place/pristina@PRISTINA", "outlet/reuters@Reuters", "place/xk@Kosovo"}));
  // A headline's surname is the pack's person the article names in full below.
  EXPECT_EQ(Ids("Petković: Srbija neće priznati Kosovo\n\nPetar Petković je to rekao u ponedeljak."),
            (std::vector<std::string>{"person/petar-petkovic@Petković", "place/rs@Srbija", "place/xk@Kosovo",
                                      "person/petar-petkovic@Petar Petković"}));
  EXPECT_EQ(matcher_->Find("Petković: Srbija neće priznati Kosovo\n\nPetar Petković je to rekao.", {})[0].name, "Petar Petković");
  EXPECT_EQ(Ids("Запад лицемерно говори о Косову."), (std::vector<std::string>{"place/the-west@Запад", "place/xk@Косову"}));
  EXPECT_EQ(Ids("Settlers in the West Bank protested."), (std::vector<std::string>{"place/west-bank@West Bank"}));
  // The arguments: the precedent, and Serbia's territorial integrity (a topic keeps its names).
  EXPECT_EQ(Ids("Kina podržava teritorijalni integritet Srbije i odbacuje kosovski presedan."),
            (std::vector<std::string>{"place/cn@Kina", "topic/serbia-territorial-integrity@teritorijalni integritet Srbije",
                                      "place/rs@Srbije", "topic/kosovo-precedent@kosovski presedan"}));
  // The territories the Kosovo precedent is argued over.
  EXPECT_EQ(Ids("俄罗斯吞并了克里米亚。"), (std::vector<std::string>{"place/ru@俄罗斯", "place/crimea@克里米亚"}));
  EXPECT_EQ(Ids("Kosovo nije Abhazija ni Južna Osetija."),
            (std::vector<std::string>{"place/xk@Kosovo", "place/abkhazia@Abhazija", "place/south-ossetia@Južna Osetija"}));
}

TEST_F(MatcherTest, OutletsTheRegionsPressCites) {
  EXPECT_EQ(Ids("He told NBC News on Monday that it was over."), (std::vector<std::string>{"outlet/nbc@NBC News"}));
  EXPECT_EQ(Ids("Prema pisanju Sputnjika, vlada je pala."), (std::vector<std::string>{"outlet/sputnik@Sputnjika"}));
  EXPECT_EQ(Ids("据塔斯社报道，会谈失败。"), (std::vector<std::string>{"outlet/tass@塔斯社"}));
  EXPECT_EQ(Ids("According to Bloomberg, the deal is off."), (std::vector<std::string>{"outlet/bloomberg@Bloomberg"}));
  // An outlet's one-word name after a given name is a surname.
  EXPECT_EQ(Ids("Daniel Bloomberg said the deal is off."), (std::vector<std::string>{"person/~daniel-bloomberg@Daniel Bloomberg"}));
  // A short name counts only once the article has named the outlet in full.
  EXPECT_TRUE(Ids("RT reported that the talks failed.").empty());
  EXPECT_EQ(Ids("Russia Today said so. RT later deleted it."),
            (std::vector<std::string>{"outlet/rt@Russia Today", "outlet/rt@RT"}));
}

TEST_F(MatcherTest, CitiesFromTheCitiesPack) {
  // Exonyms and inflections of the region's languages, both scripts, and Chinese with or without 市.
  EXPECT_EQ(Ids("Sastanak u Beču, pa u Паризу."), (std::vector<std::string>{"place/vienna@Beču", "place/paris@Паризу"}));
  EXPECT_EQ(Ids("代表团从华盛顿飞往天津市。"), (std::vector<std::string>{"place/washington-d-c@华盛顿", "place/tianjin@天津市"}));
  // A city before a newspaper's or club's head word names that organisation.
  EXPECT_EQ(Ids("The New York Post wrote that Manchester United lost."),
            (std::vector<std::string>{"org/~new-york-post@New York Post", "org/~manchester-united@Manchester United"}));
  // In Chinese too, with a county or district of its name a place of its own, and 市长 a mayor.
  EXPECT_EQ(Ids("奥兰多市长说，他在普林斯顿大学工作，住在博伊西县。"),
            (std::vector<std::string>{"place/orlando@奥兰多", "org/~普林斯顿大学@普林斯顿大学", "place/~博伊西县@博伊西县"}));
  // A country's name that is also a given name, before a capitalised word, is the given name.
  EXPECT_EQ(Ids("Jordan Petrović je došao u Beč.")[0], "person/~jordan-petrovic@Jordan Petrović");
  // A city's two-character Chinese name that opens a longer foreign name is part of it.
  for (const std::string& id : Ids("林西·普拉斯科-弗莱克斯曼是母亲。")) EXPECT_EQ(id.find("place/pula"), std::string::npos) << id;
  // Words that share a stem with a city's Serbian name are not it ("tokom": during; Токио).
  EXPECT_TRUE(Ids("Tokom dana su razgovarali.").empty());
}

TEST_F(MatcherTest, LowercaseCommonWordsAreNotNames) {
  EXPECT_TRUE(Ids("u gradu su zatvorena sva kina").empty());
  // Nor is a lower-case word after the name the tagger ran on into ("Luke Walton, ka …").
  for (const std::string& id : Ids("Trajneri i Lakers, Dave Walton, ka shpallur se ekipi do të luajë.")) {
    EXPECT_EQ(id.find("@ka"), std::string::npos) << id;
  }
  // An Albanian plural genitive after its article is part of an institution's name.
  for (const std::string& id : Ids("Liderja e pakicës në Dhomën e Përfaqësuesve, Drita Kelmendi, foli.")) {
    EXPECT_EQ(id.find("Përfaqësuesve"), std::string::npos) << id;
  }
}

TEST_F(MatcherTest, RolesResolveOnTheArticleDate) {
  EXPECT_EQ(Ids("The Serbian President said", "2024-09-16"), (std::vector<std::string>{"person/aleksandar-vucic@Serbian President"}));
  EXPECT_EQ(Ids("predsednik Srbije je rekao", "2010-01-01"), (std::vector<std::string>{"person/boris-tadic@predsednik Srbije"}));
  EXPECT_EQ(Ids("председника Србије", "2020-01-01"), (std::vector<std::string>{"person/aleksandar-vucic@председника Србије"}));
  EXPECT_EQ(Ids("塞尔维亚总统表示", "2024-09-16"), (std::vector<std::string>{"person/aleksandar-vucic@塞尔维亚总统"}));
  // A role followed by a name refers to that name, whoever holds the office in the packs.
  EXPECT_EQ(Ids("Serbian Prime Minister Miloš Vučević said", "2024-09-16")[0], "person/milos-vucevic@Serbian Prime Minister");
  // Another country's name after the role makes it that country's office, held by the name after it.
  EXPECT_EQ(Ids("ministar unutrašnjih poslova SAD Rajan Zinki", "2025-01-01")[0], "person/~rajan-zink@ministar unutrašnjih poslova");
  EXPECT_EQ(Ids("ministar unutrašnjih poslova SAD je rekao", "2025-01-01")[0],
            "role/~minister-of-internal-affairs-us@ministar unutrašnjih poslova");
  // A title alone names no country: the interior minister of a headline about the US is not
  // Serbia's; after the holder's name it is him; a country after it makes it that country's
  // office, held by the name set off after it.
  EXPECT_EQ(Ids("SAD bi mogle da upotrebe mornaricu, kaže ministar unutrašnjih poslova", "2025-01-01"),
            (std::vector<std::string>{"place/us@SAD"}));
  EXPECT_EQ(Ids("Ivica Dačić je stigao. Ministar unutrašnjih poslova je rekao da je mirno.", "2025-01-01")[1],
            "person/ivica-dacic@Ministar unutrašnjih poslova");
  EXPECT_EQ(Ids("Predsednik Indonezije, Joko Vidodo, stigao je u Palu.")[0], "person/~jok-vidod@Predsednik");
  EXPECT_EQ(Ids("Ministar spoljnih poslova Severne Koreje je poručio")[0],
            "role/~minister-of-foreign-affairs-kp@Ministar spoljnih poslova");
  // "PM" introduces a name, even a month's ("British PM May accuses …").
  EXPECT_EQ(Ids("British PM May visited Brussels")[0], "person/~may@May");
  // An office without a holder becomes a role entity.
  EXPECT_EQ(Ids("the Chinese Foreign Ministry spokesperson said")[0], "role/cn-mfa-spokesperson@Chinese Foreign Ministry spokesperson");
  // The title composed with its country's name, in the forms each language writes it.
  EXPECT_EQ(Ids("Portparolka Ministarstva spoljnih poslova Kine izjavila je")[0],
            "role/cn-mfa-spokesperson@Portparolka Ministarstva spoljnih poslova Kine");
  EXPECT_EQ(Ids("Glasnogovornik Ministarstva vanjskih poslova Kine rekao je")[0],
            "role/cn-mfa-spokesperson@Glasnogovornik Ministarstva vanjskih poslova Kine");
  EXPECT_EQ(Ids("Портпаролот на министерството за надворешни работи на Кина изјави")[0],
            "role/cn-mfa-spokesperson@Портпаролот на министерството за надворешни работи на Кина");
}

TEST_F(MatcherTest, UnknownPeopleAndSurnames) {
  std::string text = "Politički analitičar Marko Petrović rekao je da Petrović ne očekuje promene. "
                     "Security expert Jane Roe agreed; Roe added more. Analistja e sigurisë Drita Gashi tha se Gashi.";
  std::vector<Mention> m = matcher_->Find(text, {});
  std::vector<std::string> got;
  for (const auto& x : m) got.push_back(x.entity + "/" + x.via + "@" + std::string(x.range.Of(text)));
  EXPECT_EQ(got, (std::vector<std::string>{"person/~mark-petrovic/new@Marko Petrović", "person/~mark-petrovic/surname@Petrović",
                                           "person/~jan-roe/new@Jane Roe", "person/~jan-roe/surname@Roe",
                                           "person/~drit-gash/new@Drita Gashi", "person/~drit-gash/surname@Gashi"}));
  // A courtesy title is not a name of its own; the name after it is a person's.
  {
    std::string t = "Guests at the Grand Plaza Hotel, Mr. Tanaka included, were evacuated.";
    std::vector<std::string> people;
    for (const Mention& x : matcher_->Find(t, {})) {
      EXPECT_NE(x.range.Of(t), "Mr") << x.entity;
      if (x.type == EntityType::kPerson) people.push_back(std::string(x.range.Of(t)));
    }
    EXPECT_EQ(people, std::vector<std::string>{"Tanaka"});
  }
  // Nor is one named after a saint (a church, a town), or a reverend's title.
  {
    std::string t = "Rev. David Johnson, i biri i Atë Johnson-it dhe trashëgues i Shën Martinit, foli sot.";
    for (const Mention& x : matcher_->Find(t, {})) {
      if (x.range.Of(t).find("Shën") != std::string_view::npos || x.range.Of(t) == "Rev") {
        EXPECT_NE(x.type, EntityType::kPerson) << x.range.Of(t);
      }
    }
  }
  // A name that opens with a foreign article is a publication or a company, not a person.
  for (std::string_view t : {"Роналдо ќе го тужи германското списание Дер Шпигел поради текстот.",
                             "Ronaldo will sue Der Spiegel over the report."}) {
    for (const Mention& x : matcher_->Find(std::string(t), {})) {
      if (x.range.Of(t).find("Spiegel") != std::string_view::npos || x.range.Of(t).find("Шпигел") != std::string_view::npos) {
        EXPECT_EQ(x.type, EntityType::kOrg) << t;
      }
    }
  }
}

TEST_F(MatcherTest, HyphenatedSurnamesStayWhole) {
  // The model leaves the surname's second part out; the name keeps it.
  std::vector<std::string> ids = Ids("Paul Mills-Hicks komercijalni direktor Sainsbury‘sa izjavio je to.");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "person/~paul-mills-hicks@Paul Mills-Hicks");
}

TEST_F(MatcherTest, NamesNextToReportingVerbsAndTitles) {
  // Two or three capitalised words before or after a reporting verb are a person; the object
  // of "told" is the listener, not a name found this way.
  std::vector<std::string> got = Ids("Ri Yong Ho told The Hill the talks failed.");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "person/~ri-yong-ho@Ri Yong Ho");
  for (const std::string& id : got) EXPECT_EQ(id.find("person/~the-hill"), std::string::npos);
  got = Ids("“It cannot be walked back,” said Dobrin Velkov on Saturday.");
  EXPECT_EQ(got, (std::vector<std::string>{"person/~dobr-velkov@Dobrin Velkov"}));
  EXPECT_TRUE(Ids("The Palace said nothing.").empty());
  EXPECT_EQ(Ids("The Kremlin said nothing."), (std::vector<std::string>{"org/kremlin@Kremlin"}));
  // Albanian puts the object's clitic between them ("i tha", told him).
  got = Ids("Ri Jong Su i tha Asamblesë se bisedimet dështuan.");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "person/~ri-jong-su@Ri Jong Su");
  // A name the tagger runs on past a reporting verb ends before it.
  got = Ids("Korrespondenti i Lakers shkroi në Tweeter se, me shumë gjasa, James do të luajë.");
  EXPECT_NE(std::find(got.begin(), got.end(), "org/~lakers@Lakers"), got.end());
  for (const std::string& id : got) EXPECT_EQ(id.find("shkr"), std::string::npos) << id;
  // Nor past an auxiliary, a negation, an Albanian aorist or a conjunction, which no name holds
  // ("Uashingtoni mund të …", Washington can …; "Toyota nuk mund"; "Livingston siguroi", won).
  for (const char* text : {"Uashingtoni mund të përcaktojnë të ardhmen e rajonit.", "Toyota nuk mund të prodhojë makina atje.",
                           "Bees will also get more space in the new park.",
                           "Goli i parë i Dolly Menga për Livingston siguroi fitoren",
                           "Rangers mund të ketë dominuar në mbajtjen e topit, por Livingston krijoi më shumë kur e kishte."}) {
    for (const std::string& id : Ids(text)) {
      for (const char* word : {"mund", "nuk", "will", "spac", "ardhm", "sigur", "fitor", "kur"}) EXPECT_EQ(id.find(word), std::string::npos) << id;
    }
  }
  got = Ids("Smatram da je nerazumno zamišljati da Vijeće neće nastaviti s radom.");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "org/~vijec@Vijeće");
  // Nor ends in a word of one or two letters in lower case, in any script ("ѝ ги", her them).
  got = Ids("Тоа го соопшти Врховниот суд ѝ ги врати документите.");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].substr(got[0].find('@')), "@Врховниот суд");
  // A piece of one word left after the breaks is held to the checks of a one-word name: after a
  // capitalised word, a word the language writes in lower case is none ("Software, Fun").
  for (const std::string& id : Ids("Media, Software, Fun and Games, Website design, Web Promotion, B2B.")) {
    EXPECT_EQ(id.find("@Website"), std::string::npos) << id;
  }
  // With an appositive between them, at a sentence's start; a relative clause describes someone
  // spoken about.
  got = Ids("Dobrila Kusuma, a 35-year-old mother, told reporters the water was gone.");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "person/~dobril-kusum@Dobrila Kusuma");
  // With a title or occupation in the appositive, whatever verb follows.
  got = Ids("Dobrila Kusuma, the coach of the national team, had trained two of them.");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "person/~dobril-kusum@Dobrila Kusuma");
  got = Ids("Dobrila Kusuma, politička analitičarka iz Beograda, smatra da je rok kratak.");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "person/~dobril-kusum@Dobrila Kusuma");
  for (const std::string& id : Ids("Za Padingtona, kojeg opisuje kao člana porodice, dodala je da je ponosna.")) {
    EXPECT_EQ(id.find("person/~za-"), std::string::npos) << id;
  }
  // A common word before a given name is the title's complement, not the name's start; an
  // unknown word there may be a given name.
  got = Ids("Prema ocjeni predsjednika Uprave Tomislava Kovačevića izbor je logičan.");
  EXPECT_NE(std::find(got.begin(), got.end(), "person/~tomislav-kovacevic@Tomislava Kovačevića"), got.end());
  for (const std::string& id : got) EXPECT_EQ(id.find("person/~upr"), std::string::npos) << id;
  got = Ids("Uhapšen je i Tariq Ahmed Dar, rekla je policija.");
  EXPECT_EQ(got, (std::vector<std::string>{"person/~tariq-ahmed-dar@Tariq Ahmed Dar"}));
  // Chinese: a transcribed foreign name before a reporting verb, and names with any middle dot.
  EXPECT_EQ(Ids("亚当斯说，这是问题。"), (std::vector<std::string>{"person/~亚当斯@亚当斯"}));
  EXPECT_EQ(Ids("奥尔盖•伊万诺夫表示反对。"), (std::vector<std::string>{"person/~奥尔盖•伊万诺夫@奥尔盖•伊万诺夫"}));
  // A dotted name is a run of transcription characters: not the "and" before it, the "together"
  // after it, nor a Chinese date; "-" joins a part (伯纳斯-李).
  EXPECT_EQ(Ids("他和凯莉·汉弗莱斯一起去了。"), (std::vector<std::string>{"person/~凯莉·汉弗莱斯@凯莉·汉弗莱斯"}));
  EXPECT_EQ(Ids("蒂姆·伯纳斯-李于周一表示。"), (std::vector<std::string>{"person/~蒂姆·伯纳斯-李@蒂姆·伯纳斯-李"}));
  // 可 and 得 spell names (马可, Marco; 彼得, Peter) but open words after one (可能, 得到), and a
  // weekday after the name is no part of it.
  EXPECT_EQ(Ids("马可·彼得罗维奇周一表示。"), (std::vector<std::string>{"person/~马可·彼得罗维奇@马可·彼得罗维奇"}));
  EXPECT_EQ(Ids("凯莉·汉弗莱斯可能得到支持。"), (std::vector<std::string>{"person/~凯莉·汉弗莱斯@凯莉·汉弗莱斯"}));
  // 白, 治 and 盛 spell names too (伊丽莎白, 乔治, 华盛顿), and a place's name after the dot is the
  // person's surname.
  EXPECT_EQ(Ids("伊丽莎白·沃伦表示。"), (std::vector<std::string>{"person/~伊丽莎白·沃伦@伊丽莎白·沃伦"}));
  EXPECT_EQ(Ids("乔治·华盛顿说。"), (std::vector<std::string>{"person/~乔治·华盛顿@乔治·华盛顿"}));
  // Three or four parts, each after its dot; not the courtesy title after the name.
  EXPECT_EQ(Ids("作曲家安德鲁·洛伊·韦伯昨晚出席了首演。"), (std::vector<std::string>{"person/~安德鲁·洛伊·韦伯@安德鲁·洛伊·韦伯"}));
  EXPECT_EQ(Ids("当选总统安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔表示。"),
            (std::vector<std::string>{"person/~安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔@安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔"}));
  EXPECT_EQ(Ids("克里斯汀·布莱西·福特博士作证。"), (std::vector<std::string>{"person/~克里斯汀·布莱西·福特@克里斯汀·布莱西·福特"}));
  // Names left in Latin letters in Chinese text, before a reporting verb or a courtesy title;
  // a possessive is a company's.
  auto surfaces = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text, {})) out.push_back(m.entity.substr(0, m.entity.find('/')) + ":" + std::string(m.range.Of(text)));
    return out;
  };
  EXPECT_EQ(surfaces("“很难，” Sumbung 女士说。"), (std::vector<std::string>{"person:Sumbung"}));
  EXPECT_EQ(surfaces("曼城队经理 Pep Guardiola 告诉记者。"), (std::vector<std::string>{"org:曼城队", "person:Pep Guardiola"}));
  EXPECT_EQ(surfaces("Sainsbury's 表示会翻番。"), (std::vector<std::string>{"org:Sainsbury's"}));
  EXPECT_EQ(surfaces("一样” Prof Czeisler补充道。"), (std::vector<std::string>{"person:Czeisler"}));
  EXPECT_TRUE(surfaces("他们使用 Apple Watch 和手机。").empty());
  // After an occupation too; before a hotel's or company's head noun, an organisation.
  EXPECT_EQ(surfaces("滑翔伞队教练 Gendo Sumbawa 曾训练过两名队员。"), (std::vector<std::string>{"person:Gendo Sumbawa"}));
  EXPECT_EQ(surfaces("42 岁的Bayo Puig 是一名机械师。"), (std::vector<std::string>{"person:Bayo Puig"}));
  // And after "named" (a 40-year-old nurse named Wirda Lamboan; no given name tells).
  EXPECT_EQ(surfaces("一位40岁名叫Wirda Lamboan的护士正在照顾伤员。"), (std::vector<std::string>{"person:Wirda Lamboan"}));
  for (const std::string& s : surfaces("受困于 Rimba Raya 酒店的其他人，包括 Mandagi 先生。")) {
    EXPECT_TRUE(s.rfind("person:", 0) != 0 || s == "person:Mandagi") << s;
  }
  // A dotted name's surname alone, later, is the same person; not inside a longer name.
  EXPECT_EQ(Ids("托马斯·比约恩是队长。比约恩于周五说，这很好。"),
            (std::vector<std::string>{"person/~托马斯·比约恩@托马斯·比约恩", "person/~托马斯·比约恩@比约恩"}));
  // So is its given name alone (Kit); not when it starts a longer name (威廉三世, William III).
  EXPECT_EQ(Ids("基特·哈灵顿是演员。基特最近表示，这很好。"),
            (std::vector<std::string>{"person/~基特·哈灵顿@基特·哈灵顿", "person/~基特·哈灵顿@基特"}));
  EXPECT_EQ(Ids("威廉·哈里斯来了。为了纪念威廉三世，学院被命名。"),
            (std::vector<std::string>{"person/~威廉·哈里斯@威廉·哈里斯", "person/~威廉三世@威廉三世"}));
  // 山 and 大 spell foreign names too (亚历山大, Alexander); 长 ends the title 部长 before it.
  EXPECT_EQ(Ids("能源部长亚历山大·诺瓦克表示，这是经济项目。"), (std::vector<std::string>{"person/~亚历山大·诺瓦克@亚历山大·诺瓦克"}));
  // Also when the name tagger, not the transcription rule, found the full name.
  std::vector<std::string> zinke = Ids("美国内政部长莱恩·津克近日透露了计划。另外，津克还强调，这很重要。");
  EXPECT_NE(std::find(zinke.begin(), zinke.end(), "person/~莱恩·津克@津克"), zinke.end()) << ::testing::PrintToString(zinke);
  // Before a courtesy title too.
  EXPECT_EQ(Ids("“酒吧都没有了，”亚当斯先生如是说。"), (std::vector<std::string>{"person/~亚当斯@亚当斯"}));
  // A title abbreviation makes the next word a name.
  EXPECT_EQ(Ids("„Danas nema nijednog“, kaže g. Adams."), (std::vector<std::string>{"person/~adams@Adams"}));
  // A hyphenated title abbreviation too (Macedonian г-дин, folded to match g-din as well).
  EXPECT_EQ(Ids("„Денес нема ништо“, рече г-дин Адамс."), (std::vector<std::string>{"person/~adams@Адамс"}));
  // A word after an elided article is no name of its own; a sentence's opening function word
  // is no part of one (and neither trips at the text's start).
  for (const std::string& id : Ids("“No,” the five-time Ballon d'Or winner says.")) EXPECT_EQ(id.find("@Or"), std::string::npos) << id;
  for (const std::string& id : Ids("Of Paddington, whom she describes as family, she spoke warmly.")) {
    EXPECT_EQ(id.find("@Of"), std::string::npos) << id;
  }
  for (std::string_view t : {"d'Or", "'Or", "Of", "’"}) (void)matcher_->Find(t, {});
  // Every mention covers words: a span whose opening word is dropped keeps the rest.
  for (std::string_view t : {"Tani, Marija Gashi po padit çiftin.", "Of, Paddington said.", "The, Of Mark Evans said."}) {
    for (const Mention& m : matcher_->Find(t, {})) {
      EXPECT_LT(m.range.begin, m.range.end) << t;
      EXPECT_LE(m.range.end, t.size()) << t;
      EXPECT_NE(m.entity.back(), '~') << t;
    }
  }
  // A sentence adverb is no name, though the text never writes it in lower case.
  for (const std::string& id : Ids("Tani, Marija Gashi po padit çiftin.")) EXPECT_EQ(id.find("@Tani"), std::string::npos) << id;
  // A word the text also writes in lower case does not start a name at a sentence start.
  for (const Mention& m : matcher_->Find("Or maybe not. We will see or wait.", {})) ADD_FAILURE() << m.entity;
}

TEST_F(MatcherTest, TitlesWithAComplementBeforeTheName) {
  // Serbian and Croatian titles take a complement in the genitive before the name: the name is
  // the given name and surname after it, and the complement is no person.
  using V = std::vector<std::string>;
  EXPECT_EQ(Persons("Kako je rekao trener Partizana Aleksandar Stanojević, utakmica je bila teška."), V{"Aleksandar Stanojević"});
  EXPECT_EQ(Persons("Direktor Kancelarije za KiM Nikola Vranešević izjavio je da je teško."), V{"Nikola Vranešević"});
  EXPECT_EQ(Persons("Analitičar Instituta Nikola Marković ocenio je da je teško."), V{"Nikola Marković"});
  EXPECT_EQ(Persons("Ravnatelj tvrtke Activa Mladen Bojanić smatra da je teško."), V{"Mladen Bojanić"});
  EXPECT_EQ(Persons("Kako je rekao portparol Vlade Kosova Perparim Kryeziu, teško je."), V{"Perparim Kryeziu"});
  EXPECT_EQ(Persons("Portparol Vlade Srbije je rekao da je teško."), V{});
  // A complement in a case ending before a name of given names no list knows: the last two
  // words are the name, the title may open the model's span.
  EXPECT_EQ(Persons("„Teško je“, rekao je trener Liverpoola Jurgen Klopp novinarima."), V{"Jurgen Klopp"});
  EXPECT_EQ(Persons("Pogledajte: Igrač Manchester Cityja Sergio Aguero prolazi kroz odbranu."), V{"Sergio Aguero"});
  // A name that ends in an organisation's head word is no person's, nor is its last word later.
  for (std::string_view t : {"Lojtarët e Manchester City festuan. City fitoi.", "Manchester City won. City were better."}) {
    EXPECT_TRUE(Persons(t).empty()) << t;
  }
  // A surname alone after a title is still a name; a person's given names stay in it.
  EXPECT_EQ(Persons("Premijer Sanader je rekao da je teško."), V{"Sanader"});
  EXPECT_EQ(Persons("Napisao je izvršni direktor UNODC-a Antonio Maria Costa u uvodu."), V{"Antonio Maria Costa"});
  // Albanian joins the complement with a genitive article: the name starts at its given name.
  EXPECT_EQ(Persons("Takimi u mbajt, tha Ministri i Energjisë Aleksandr Novak pas bisedës."), V{"Aleksandr Novak"});
  // The complement alone in the genitive, and a title with the adjective of a people, are no one.
  EXPECT_EQ(Persons("Ministri takoi Sekretarin Amerikan të Tregtisë, Dobrin Velkov, në Tiranë."), V{"Dobrin Velkov"});
  // A name the model calls a place, right after an occupation in lower case, is a person.
  V mother = Persons("Tješeći sina, rekla je 40-godišnja majka Rina Sukuma u centru.");
  EXPECT_NE(std::find(mother.begin(), mother.end(), "Rina Sukuma"), mother.end());
}

TEST_F(MatcherTest, NamesInChineseTextFromTheCharacterTagger) {
  // A Chinese name no pack lists, after a role phrase: the role is linked to it.
  std::vector<std::string> got = Ids("中国外交部发言人周明远表示，中方支持塞尔维亚。");
  EXPECT_NE(std::find(got.begin(), got.end(), "person/~周明远@周明远"), got.end()) << ::testing::PrintToString(got);
  // Offsets point at the text as written, across lines and white space.
  std::string text = "这是第一行。\n  记者 张明华 报道说，会议在北京举行。";
  bool found = false;
  for (const Mention& m : matcher_->Find(text, {})) {
    if (m.entity == "person/~张明华") found = m.range.Of(text) == "张明华";
  }
  EXPECT_TRUE(found) << ::testing::PrintToString(Ids(text));
  // A function word after a name is not part of it ("after Kavanaugh").
  EXPECT_EQ(Ids("委员会投票支持卡瓦诺后，记者赶到现场。"), (std::vector<std::string>{"person/~卡瓦诺@卡瓦诺"}));
  // Nor the 把 after the subject, nor what follows it ("Lynch handed the files …").
  EXPECT_EQ(Ids("调查员林奇把文件交给了警方。"), (std::vector<std::string>{"person/~林奇@林奇"}));
}

TEST_F(MatcherTest, ANameInTitleMarksIsAWork) {
  // 《…》 names a book, a film or a publication, not a person.
  for (const Mention& m : matcher_->Find("这部电影叫《刘德华》。", {})) EXPECT_NE(m.type, EntityType::kPerson) << m.entity;
}

TEST_F(MatcherTest, NamesTheArticleShortensToASurname) {
  // Two capitalised words whose last the text also writes alone are a person, whatever the
  // tagger says; the later surname is that person. Organisations' heads (Court) are not.
  std::vector<std::string> got = Ids("Kanye West was booed in the studio. Later, West went on to praise the show.");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "person/~kany-west@Kanye West");
  EXPECT_EQ(got[1], "person/~kany-west@West");
  for (const std::string& id : Ids("The Supreme Court ruled on Monday. The Court said it would not hear the case.")) {
    EXPECT_EQ(id.find("person/"), std::string::npos) << id;
  }
  // A headline's surname before the lede's full name is that person; not when two people named
  // later share the surname, a double surname's part included.
  EXPECT_EQ(Ids("Vranešević: „Sporazum je mrtav“\n\nNikola Vranešević je to rekao u ponedeljak."),
            (std::vector<std::string>{"person/~nikol-vranesevic@Vranešević", "person/~nikol-vranesevic@Nikola Vranešević"}));
  std::vector<std::string> two = Ids("Vranešević: „Sporazum je mrtav“\n\nNikola Vranešević i Ana Kostić-Vranešević su to rekli.");
  ASSERT_FALSE(two.empty());
  EXPECT_FALSE(two[0].starts_with("person/~nikol-vranesevic")) << two[0];
  // A surname that is a month, used as a date, is the date; alone as a subject it is the person.
  EXPECT_EQ(Ids("Clara May resigned. In May the party voted, and on 5 May it met. May said so."),
            (std::vector<std::string>{"person/~clar-may@Clara May", "person/~clar-may@May"}));
}

TEST_F(MatcherTest, ASurnameAloneIsThePersonNamedInFullLastBeforeIt) {
  // Two people share a surname, and the article names each in full again and again: a surname
  // alone is whoever was named in full most recently.
  EXPECT_EQ(Ids("Mark Dobson arrived on Monday. Dobson said the talks had failed. Later Jane Dobson answered him. "
                "Dobson said they had not. Mark Dobson left, and Dobson did not return."),
            (std::vector<std::string>{"person/~mark-dobson@Mark Dobson", "person/~mark-dobson@Dobson",
                                      "person/~jan-dobson@Jane Dobson", "person/~jan-dobson@Dobson",
                                      "person/~mark-dobson@Mark Dobson", "person/~mark-dobson@Dobson"}));
}

TEST_F(MatcherTest, ADottedNameEndsWhereTheArticleEndsItElsewhere) {
  EXPECT_EQ(Ids("坎耶·韦斯特在节目中表示支持。坎耶·韦斯特佩戴帽子上台。"),
            (std::vector<std::string>{"person/~坎耶·韦斯特@坎耶·韦斯特", "person/~坎耶·韦斯特@坎耶·韦斯特"}));
}

TEST_F(MatcherTest, NameParticlesSentenceEndsAndForeignAliases) {
  auto people = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text, {})) {
      if (m.type == EntityType::kPerson) out.push_back(std::string(m.range.Of(text)) + "=" + m.entity);
    }
    return out;
  };
  using V = std::vector<std::string>;
  // Particles belong to the name, between its words and before a surname used alone later.
  V got = people("Ministar Jan van Ostrom je stigao. Kasnije je rekao van Ostrom da je sve u redu.");
  ASSERT_EQ(got.size(), 2u) << ::testing::PrintToString(got);
  EXPECT_EQ(got[0], "Jan van Ostrom=person/~jan-van-ostr");
  EXPECT_EQ(got[1], "van Ostrom=person/~jan-van-ostr");
  // In Cyrillic the particle is the same word: the same person, by the same id.
  got = people("Министар Јан ван Остром је стигао. Касније је рекао ван Остром да је све у реду.");
  ASSERT_EQ(got.size(), 2u) << ::testing::PrintToString(got);
  EXPECT_EQ(got[0], "Јан ван Остром=person/~jan-van-ostr");
  EXPECT_EQ(got[1], "ван Остром=person/~jan-van-ostr");
  // The full name again is that person, though no rule would find it alone.
  got = people("Analitičar Halid bin Nasir je govorio. Ideje Halida bin Nasira su poznate.");
  ASSERT_EQ(got.size(), 2u) << ::testing::PrintToString(got);
  EXPECT_EQ(got[1], "Halida bin Nasira=person/~halid-bin-nasir");
  // A name does not run across the end of a sentence, nor across a closing quotation mark.
  for (const std::string& p : people("To je rekao Mitrović. Sporazumi su dobri.")) EXPECT_EQ(p.find('.'), std::string::npos) << p;
  for (const std::string& p : people("Klub 'Marko Perić' Zaprešić je pobedio.")) EXPECT_EQ(p.find('\''), std::string::npos) << p;
  // Nor does a clause after a colon or an opening quotation mark ("Teško" is "hard").
  for (const std::string& p : people("Bondova kćerka o pismu kaže: Teško se staviti u tu poziciju.")) {
    EXPECT_EQ(p.find("Teško"), std::string::npos) << p;
  }
  // A sentence that opens with a common word does not open with a name ("Smrt" is death).
  for (const std::string& p : people("Smrt Osmana Hadžića potresla je grad.")) EXPECT_EQ(p.find("Smrt"), std::string::npos) << p;
  // Aliases of languages whose names take no case endings match as written: "George" is not
  // Georgia less an ending; a place's name after a given name is a surname.
  for (const Mention& m : matcher_->Find("George Lukas spoke. Agim Čeku spoke.", {})) EXPECT_NE(m.type, EntityType::kPlace) << m.entity;
  EXPECT_EQ(Ids("Lideri Gruzije i Georgia."), (std::vector<std::string>{"place/ge@Gruzije", "place/ge@Georgia"}));
  // A case form keeps all of its base form but perhaps the last letter, so a word whose key
  // meets a name's is not always that name: "Palu" (a city on Sulawesi) is not Palau, nor
  // "Palin" Palau, "Sam" Samoa or "Benet" Benin.
  for (const std::string& id : Ids("Potres u Paluu. Sara Palin i Sam su govorili, Benet nije.")) {
    for (const char* country : {"place/pw@", "place/ws@", "place/bj@"}) EXPECT_NE(id.rfind(country, 0), 0u) << id;
  }
  EXPECT_EQ(Ids("Vlada Samoe i Palau."), (std::vector<std::string>{"place/ws@Samoe", "place/pw@Palau"}));
  // A name opening a sentence, a quotation or what follows a colon is the common word the text
  // also writes in lower case (Albanian "Nuk", not; Serbian "Samo", only), not Nuuk or Samoa.
  EXPECT_EQ(Ids("Nuk ka ujë, nuk ka drita. Kina është larg."), (std::vector<std::string>{"place/cn@Kina"}));
  EXPECT_EQ(Ids("Rekao je: \"Samo polako.\" To je samo početak. Samoa je daleko."), (std::vector<std::string>{"place/ws@Samoa"}));
  // A common word after another capitalised word inside a sentence is part of a longer name, and
  // a courtesy title as written is a title: "Island" is not Iceland (Serbian's Island), "Sir" not
  // Syria (Albanian's Siri). A name that ends in a head word of geography is a place.
  bool chuuk = false;
  for (const Mention& m : matcher_->Find("On Desert Island Discs, Sir William said the plane crashed near the Chuuk Island airport.", {})) {
    EXPECT_NE(m.entity.rfind("place/is", 0), 0u) << m.entity;
    EXPECT_NE(m.entity.rfind("place/sy", 0), 0u) << m.entity;
    if (m.name == "Chuuk Island") chuuk = m.type == EntityType::kPlace;
  }
  EXPECT_TRUE(chuuk);
  // But a sentence's first word is capitalised for its place alone ("Kako Kina", how China).
  EXPECT_EQ(Ids("Kako Kina postaje jača, raste i trgovina."), (std::vector<std::string>{"place/cn@Kina"}));
  // So is one after a courtesy title, and so is that word alone later ("Maurice" is also
  // Mauritius in French).
  for (const Mention& m : matcher_->Find("Ms. Maurice was paid for one day. Now Maurice is suing.", {})) {
    EXPECT_EQ(m.type, EntityType::kPerson) << m.entity;
  }
  // An abbreviation matches itself only, written so (not "Sada", now, "Novom Sadu" or "Kima",
  // Kim's), and needs no support, however short.
  got = Ids("SAD i EU. Sada u Novom Sadu.");
  ASSERT_GE(got.size(), 2u);
  EXPECT_EQ(got[0], "place/us@SAD");
  EXPECT_EQ(got[1], "org/eu@EU");
  EXPECT_EQ(std::count_if(got.begin(), got.end(), [](const std::string& id) { return id.rfind("place/us", 0) == 0; }), 1);
  for (const std::string& id : Ids("Sastao se sa Kima Jongom.")) EXPECT_EQ(id.find("place/xk"), std::string::npos) << id;
  EXPECT_EQ(Ids("Na KiM-u."), (std::vector<std::string>{"place/xk@KiM"}));
}

TEST_F(MatcherTest, ALineThatIsOnlyANameIsAPerson) {
  // A letter's greeting and signature; not a closing word or a one-word headline.
  std::string text = "Dragana,\n\nPlease see the attached file.\n\nThanks,\nMilan J Stojkov\n\nDiplomatija\n";
  std::vector<std::string> people;
  for (const Mention& m : matcher_->Find(text, {})) {
    if (m.type == EntityType::kPerson) people.push_back(std::string(m.range.Of(text)));
  }
  EXPECT_EQ(people, (std::vector<std::string>{"Dragana", "Milan J Stojkov"}));
  // After a greeting word or a dash; a signature's name before a title and a company; not the
  // first words of a sentence that opens with a name.
  text = "Hi Sara,\nThe draft is attached.\n- Will Rogers\nSara Kovach Enron Legal Services 1400\n"
         "Paul Mills-Hicks komercijalni direktor rekao je da je dobro.\n";
  people.clear();
  for (const Mention& m : matcher_->Find(text, {})) {
    if (m.type == EntityType::kPerson) people.push_back(std::string(m.range.Of(text)));
  }
  EXPECT_EQ(people, (std::vector<std::string>{"Sara", "Will Rogers", "Sara Kovach", "Paul Mills-Hicks"}));
}

TEST_F(MatcherTest, UnknownNamesAreDisplayedAsWritten) {
  // Whichever rule finds the name, its display name keeps the apostrophe (an id needs none).
  std::string text = "Sean O'Hagan came.";
  std::vector<Mention> got = matcher_->Find(text, {});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].name, "Sean O'Hagan");
  EXPECT_EQ(got[0].entity, "person/~sean-o-hagan");
}

TEST_F(MatcherTest, WeakAliasesNeedSupport) {
  EXPECT_TRUE(Ids("Xi said nothing").empty());
  EXPECT_EQ(Ids("Chinese President Xi said").size(), 2u);
}

TEST_F(MatcherTest, AHeadlineInCapitalsNamesNoVerbsOrCommonWords) {
  // A headline in title case: "Says" after a title is a verb, "Will Take" and "Running" are
  // words the text also writes in lower case; the name in it stays one.
  std::string text =
      "Dana Whitlow Will Take \"Hard Look\" At Running For Senate in 2026, State Senator Says\n\n"
      "She said she will take a hard look at running.";
  std::vector<std::string> surfaces;
  for (const Mention& m : matcher_->Find(text, {})) surfaces.emplace_back(m.range.Of(text));
  EXPECT_EQ(surfaces, (std::vector<std::string>{"Dana Whitlow"}));
  // Lower case, "will take" is no name even after "Will Take" was taken for one.
  text = "Tom Will Take spoke.\n\nShe said she will take a look.";
  for (const Mention& m : matcher_->Find(text, {})) EXPECT_NE(m.range.Of(text), "will take");
}

TEST_F(MatcherTest, ABareTitleIsTheLastPersonNamedWhoHoldsIt) {
  auto at = [](std::string_view text, std::string_view surface) {
    for (const Mention& m : matcher_->Find(text, {.day = "2024-09-16"})) {
      if (m.range.Of(text) == surface) return m.entity + " " + m.via;
    }
    return std::string("none");
  };
  EXPECT_EQ(at("Aleksandar Vučić opened the bridge. The President said it was a good day.", "President"),
            "person/aleksandar-vucic role");
  EXPECT_EQ(at("Aleksandar Vučić je otvorio most. Predsednik je rekao da je dan dobar.", "Predsednik"),
            "person/aleksandar-vucic role");
  EXPECT_EQ(at("武契奇访问北京。总统表示，会谈很好。", "总统"), "person/aleksandar-vucic role");
  // Someone else's office: a complement follows, or the one named holds no such office.
  EXPECT_EQ(at("Aleksandar Vučić opened the bridge. The President of the club said it was late.", "President"), "none");
  EXPECT_EQ(at("Aleksandar Vučić je otvorio most. Predsednik kluba je rekao da kasni.", "Predsednik"), "none");
  EXPECT_EQ(at("Dana Whitlow opened the bridge. The President said it was a good day.", "President"), "none");
  EXPECT_EQ(at("Ivica Dačić opened the bridge. The President said it was a good day.", "President"), "none");
  EXPECT_EQ(at("武契奇访问北京。副总统表示，会谈很好。", "总统"), "none");  // the vice president
}

TEST_F(MatcherTest, ANameBeforeThePerfectsAuxiliaryAndAReportingParticiple) {
  // "je … rekao": the capitalised words before "je" are a person, whatever stands between.
  std::vector<std::string> ids = Ids("Ri Su Yong je na godišnjoj Generalnoj skupštini UN rekao da je Sjeverna Koreja preduzela mjere.");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids[0], "person/~ri-su-yong@Ri Su Yong");
}

TEST_F(MatcherTest, ANameAfterAPublicationsNounIsThePublication) {
  std::string text = "Njegovi advokati nameravaju da tuže nemački časopis Špigl koji je objavio optužbe. Špigl je izvestio u petak da je kriv.";
  std::vector<Mention> m = matcher_->Find(text, {});
  ASSERT_FALSE(m.empty());
  for (const Mention& x : m) {
    if (x.range.Of(text) == "Špigl") {
      EXPECT_EQ(x.type, EntityType::kOrg) << x.range.begin;
    }
  }
}

TEST_F(MatcherTest, EnglishGivenNamesStartPeople) {
  std::vector<std::string> ids = Ids("The expert, Tiffany Ng of the University of Ruritania, also noted it.");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids[0], "person/~tiffany-ng@Tiffany Ng");
}

// The dot of an initial ends no sentence; the dots of an abbreviation still belong to it.
TEST_F(MatcherTest, AnInitialsDotIsInsideAName) {
  EXPECT_EQ(Persons("The show was a success, said Gordon S. Barrass, curator of the exhibition."),
            (std::vector<std::string>{"Gordon S. Barrass"}));
  EXPECT_EQ(Persons("Officials in Washington, D.C. said on Monday the U.S. Congress would vote."), std::vector<std::string>{});
}

// A title that opens the sentence makes the two words after it a person's, as one in lower case
// does; Macedonian titles are listed with their article (премиерот, премиерката).
TEST_F(MatcherTest, ATitleOpeningTheSentence) {
  EXPECT_EQ(Persons("Премиерката Тереза Меј ги обвини критичарите."), std::vector<std::string>{"Тереза Меј"});
  EXPECT_EQ(Persons("Премиерот Христијан Мицкоски изјави дека Кина е партнер."), std::vector<std::string>{"Христијан Мицкоски"});
}

// The holder's name between commas after a title's phrase is a person's; in Albanian, one word
// after the title and its article is the office's institution, two or more after that word a
// name (unless the title is a relative's: "Vajza e Bond", Bond's daughter).
TEST_F(MatcherTest, AfterATitlesPhrase) {
  EXPECT_EQ(Ids("Ministri i Punëve të Brendshme, Arlind Zeqaj, tha se situata është e qetë."),
            (std::vector<std::string>{"person/~arlind-zeqaj@Arlind Zeqaj"}));
  EXPECT_EQ(Ids("The interior minister, Arlind Zeqaj, said the situation was calm."),
            (std::vector<std::string>{"person/~arlind-zeqaj@Arlind Zeqaj"}));
  EXPECT_EQ(Ids("Kryetari i Kuvendit, Glauk Konjufca, tha se seanca do të mbahet nesër."),
            (std::vector<std::string>{"org/~kuvend@Kuvendit", "person/~glauk-konjufc@Glauk Konjufca"}));
  EXPECT_EQ(Persons("Ministrja e Drejtësisë Albulena Haxhiu tha se ligji do të ndryshohet."),
            std::vector<std::string>{"Albulena Haxhiu"});
  EXPECT_EQ(Persons("Vajza e Bond, Karen Jankel, e cila lindi pak kohë më vonë."), (std::vector<std::string>{"Bond", "Karen Jankel"}));
}

// A new person named in another case is displayed in the nominative: a known given name as the
// list spells it, a man's surname without the ending his given name lost, -ić surnames whole.
TEST_F(MatcherTest, NewPeopleAreDisplayedInTheNominative) {
  auto names = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text, {})) {
      if (m.type == EntityType::kPerson) out.push_back(m.name);
    }
    return out;
  };
  EXPECT_EQ(names("Prema rečima analitičarke Jelene Milić, podrška je simbolična."), std::vector<std::string>{"Jelena Milić"});
  EXPECT_EQ(names("Razgovarao sam sa Markom Petrovićem iz Beograda."), std::vector<std::string>{"Marko Petrović"});
  EXPECT_EQ(names("Према речима Џона Кенедија, то је истина."), std::vector<std::string>{"Џон Кенеди"});
  EXPECT_EQ(names("Prema rečima Stevena Gerrarda, utakmica je bila teška."), std::vector<std::string>{"Steven Gerrard"});
  // A name of its own whose key meets a listed one stays as written.
  EXPECT_EQ(names("Tužbu je podnela Katrin Majorga, rekao je advokat."), std::vector<std::string>{"Katrin Majorga"});
}

// A name after the noun of a hotel or a ship is an organisation's, after a stadium's or an
// airport's a place's, whatever the model says.
TEST_F(MatcherTest, TheNameOfAHotelOrAStadium) {
  EXPECT_EQ(Ids("Drugi zarobljeni u hotelu Roa Roa bili su njegovi učenici."), (std::vector<std::string>{"org/~roa-roa@Roa Roa"}));
  EXPECT_EQ(Ids("Други заробљени у хотелу Роа Роа били су његови ученици."), (std::vector<std::string>{"org/~roa-roa@Роа Роа"}));
}

// A name after the noun of a town is a place's, and so is one word between commas after a
// place (its region), unless the place completes a title.
TEST_F(MatcherTest, ATownAndItsRegion) {
  auto types = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text, {})) out.push_back(std::string(m.range.Of(text)) + ":" + std::string(TypeName(m.type)));
    return out;
  };
  EXPECT_EQ(types("Institut se nalazi u mjestu Bethesda, Maryland, blizu glavnog grada."),
            (std::vector<std::string>{"Bethesda:place", "Maryland:place"}));
  std::vector<std::string> got = types("Председник Мексика, AMLO, обећао је нове путеве.");
  EXPECT_NE(std::find(got.begin(), got.end(), "AMLO:person"), got.end()) << ::testing::PrintToString(got);
  // A hotel's name after its noun, in marks or not, is no person's.
  for (std::string_view text : {"Të tjerë mbetën në hotelin “Roa Roa” pas tërmetit.", "Ostali su u hotelu Roa Roa do jutra."}) {
    for (const std::string& t : types(text)) EXPECT_EQ(t.find(":person"), std::string::npos) << t;
  }
}

// Countries named by their adjectives, in any gender and case, are no mentions of Find's, but
// Demonyms gives them.
TEST_F(MatcherTest, CountriesByTheirAdjectives) {
  auto demonyms = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Demonyms(text, {})) out.push_back(m.entity + "@" + std::string(m.range.Of(text)));
    return out;
  };
  EXPECT_EQ(demonyms("We are grateful to our Chinese friends."), std::vector<std::string>{"place/cn@Chinese"});
  EXPECT_EQ(demonyms("Zahvalni smo kineskim prijateljima i ruskoj vladi."),
            (std::vector<std::string>{"place/cn@kineskim", "place/ru@ruskoj"}));
  EXPECT_EQ(demonyms("Investimet kineze janë të mëdha."), std::vector<std::string>{"place/cn@kineze"});
  // Not the qualifier of a title: the office's holder is meant.
  EXPECT_EQ(demonyms("Chinese Foreign Ministry spokesperson Mao Ning and ambasadori kinez."), std::vector<std::string>{});
  EXPECT_EQ(demonyms("Кинеските инвестиции и кинескиот капитал."),
            (std::vector<std::string>{"place/cn@Кинеските", "place/cn@кинескиот"}));
  EXPECT_EQ(demonyms("Muslimanski i evropski lideri."), std::vector<std::string>{});  // faiths and regions name no country
  EXPECT_EQ(Ids("We are grateful to our Chinese friends."), std::vector<std::string>{});
}

// One word no pack knows right after "in" is a place, whatever the model says.
TEST_F(MatcherTest, OneWordAfterInIsAPlace) {
  EXPECT_EQ(Ids("Ajo shtoi se miqtë e vërtetë të Kosovës janë në Malishevë."),
            (std::vector<std::string>{"place/xk@Kosovës", "place/~malish@Malishevë"}));
  // (The West is a pack's: "në Perëndim" is the domain's place/the-west.)
  EXPECT_EQ(Ids("Ajo shtoi se miqtë e vërtetë të Kosovës janë në Perëndim."),
            (std::vector<std::string>{"place/xk@Kosovës", "place/the-west@Perëndim"}));
  EXPECT_EQ(Ids("Тој живее во Питсбург со семејството."), (std::vector<std::string>{"place/~pitsburg@Питсбург"}));
  EXPECT_EQ(Ids("Ai u rrit në Tulsa dhe studioi atje."), (std::vector<std::string>{"place/~tuls@Tulsa"}));
}

// A known given name alone that the model took for a place no pack knows is a person.
TEST_F(MatcherTest, AGivenNameAloneIsNoPlace) {
  EXPECT_EQ(Persons("Can you pass this along to Elizabeth to ensure Sanders is on board as well?"),
            (std::vector<std::string>{"Elizabeth"}));
}

// The model is wary of a sentence's first capital and may read on into the sentence: a known
// given name before its name is the name's, and a word in lower case ends it.
TEST_F(MatcherTest, ATaggedNameStartsAtItsGivenNameAndEndsBeforeLowerCase) {
  EXPECT_EQ(Persons("Richard Harper may have some ideas."), (std::vector<std::string>{"Richard Harper"}));
  EXPECT_EQ(Persons("Richard Harper and Mary Nell Browning may have some ideas here."),
            (std::vector<std::string>{"Richard Harper", "Mary Nell Browning"}));
}

// A person is the same with or without the titles before the name, and a title makes the
// words after it a person's, whatever the model typed them.
TEST_F(MatcherTest, TitlesAreNoPartOfAName) {
  EXPECT_EQ(Ids("He said Mr Dar, 33, was arrested. Dar denied it."),
            (std::vector<std::string>{"person/~dar@Dar", "person/~dar@Dar"}));
  EXPECT_EQ(Persons("NASA Administrator Mike Griffin said it would work."), (std::vector<std::string>{"Mike Griffin"}));
  EXPECT_EQ(Persons("When Baptist Pastor Stephen Jones talks about marriage."), (std::vector<std::string>{"Stephen Jones"}));
  EXPECT_EQ(Persons("Pope Francis said peace is possible."), (std::vector<std::string>{"Francis"}));
}

// A role phrase names the person who follows it, whether a pack knows the person or not.
TEST_F(MatcherTest, ANameNoPackListsAfterARolePhrase) {
  EXPECT_EQ(Ids("The envoy visited Chinese President Zhao Mingtai and other allies.", "1999-11-18"),
            (std::vector<std::string>{"person/~zha-mingt@Chinese President", "person/~zha-mingt@Zhao Mingtai"}));
}

// A weak alias (a surname many people share) counts right after a title its person holds on
// the article's date, in every language the title is written in; not after one they never held.
TEST_F(MatcherTest, AWeakAliasAfterATitleItsPersonHolds) {
  EXPECT_EQ(Ids("President Bush visited the allies.", "2006-11-18"), (std::vector<std::string>{"person/george-w-bush@Bush"}));
  EXPECT_EQ(Ids("Premijer Rama je rekao da je dijalog važan.", "2024-03-01"), (std::vector<std::string>{"person/edi-rama@Rama"}));
  EXPECT_EQ(Ids("Državni sekretar Keri je stigao u Beograd.", "2014-03-01"),
            (std::vector<std::string>{"person/john-kerry@Keri", "place/belgrade@Beograd"}));
  // Without support the words are left to the rules for names no pack lists.
  for (std::string_view text : {"President Rama opened the exhibition.", "Rama je rekao da je dijalog važan.", "Ram Velten wrote."}) {
    for (const std::string& id : Ids(text, "2024-03-01")) EXPECT_EQ(id.find("person/edi-rama"), std::string::npos) << text;
  }
  EXPECT_EQ(Ids("Ram Velten wrote.", "2024-03-01"), (std::vector<std::string>{"person/~ram-velt@Ram Velten"}));
}

// A pack person's Chinese name after a middle dot ends someone else's longer name.
TEST_F(MatcherTest, APackNameEndingADottedNameIsSomeoneElse) {
  EXPECT_EQ(Ids("普京表示，会谈很好。"), (std::vector<std::string>{"person/vladimir-putin@普京"}));
  for (const std::string& id : Ids("安娜·普京表示，会谈很好。")) EXPECT_EQ(id.find("person/vladimir-putin"), std::string::npos) << id;
}

// An age after a name makes it a person's: between commas, or in parentheses.
TEST_F(MatcherTest, ANameWithAnAgeIsAPerson) {
  EXPECT_EQ(Persons("Waheed Zaman, 22, London E17"), (std::vector<std::string>{"Waheed Zaman"}));
  EXPECT_EQ(Persons("Sunil Kumar Sharma, 45, of Delhi was arrested."), (std::vector<std::string>{"Sunil Kumar Sharma"}));
  EXPECT_EQ(Persons("Marko Marković (45) iz Beograda uhapšen je juče."), (std::vector<std::string>{"Marko Marković"}));
  EXPECT_EQ(Persons("Officials in Belgrade, 12 March, said so."), std::vector<std::string>{});
}

// Web and e-mail addresses name no one; a handle after "@" is left to the matcher.
TEST_F(MatcherTest, AddressesNameNoOne) {
  EXPECT_EQ(Persons("See http://example.org/pictures/08-05_Garrett_Gayle_Bday for more."), std::vector<std::string>{});
  EXPECT_EQ(Persons("Write to janette.elbertson@example.com or to Janette Elbertson."),
            (std::vector<std::string>{"Janette Elbertson"}));
}

// Abbreviations, letters and peoples' words make no person's name with nothing else.
TEST_F(MatcherTest, AbbreviationsAndPeoplesWordsAreNoName) {
  EXPECT_EQ(Persons("WASHINGTON (Reuters) - U.S. Muslim groups criticized the plan, saying it could inflame anti-Muslim "
                    "tensions."),
            std::vector<std::string>{});
}

// An organisation's name takes its country or city as written: "Parlament BiH", "Ministarstvo
// odbrane Bosne i Hercegovine", "Specijalnim sudom u Beogradu"; the place is no mention of its own.
TEST_F(MatcherTest, AnOrganisationsComplementIsPartOfItsName) {
  EXPECT_EQ(Ids("Parlament BiH je usvojio zakon."), (std::vector<std::string>{"org/~parlament-bih@Parlament BiH"}));
  EXPECT_EQ(Ids("Ministarstvo odbrane Bosne i Hercegovine je saopštilo."),
            (std::vector<std::string>{"org/~ministarstv-odbran-bosn-i-hercegov@Ministarstvo odbrane Bosne i Hercegovine"}));
  EXPECT_EQ(Ids("Predmet je pred Specijalnim sudom u Beogradu."),
            (std::vector<std::string>{"org/~specijalnim-sud-u-beograd@Specijalnim sudom u Beogradu"}));
  // A person's name after the complement is not part of it.
  std::vector<std::string> ids = Ids("Glavni sekretar Saveza Anders Fogh Rasmussen je rekao da je Savez jak.");
  auto org_with_person = [](const std::string& id) { return id.starts_with("org/") && id.find("Rasmussen") != std::string::npos; };
  EXPECT_TRUE(std::none_of(ids.begin(), ids.end(), org_with_person)) << ::testing::PrintToString(ids);
}

// A person no pack lists has one name in an article: the base form among those written in full.
TEST_F(MatcherTest, AnUnknownPersonsNameIsItsBaseForm) {
  std::string text = "Uhapšen je Marka Markovića iz Beograda. Marko Marković je rekao da je nevin.";
  std::vector<std::string> names;
  for (const Mention& m : matcher_->Find(text, {})) {
    if (m.type == EntityType::kPerson) names.push_back(m.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Marko Marković", "Marko Marković"}));
}

// A nickname in quotation marks is part of the name as written, not of the person's id.
TEST_F(MatcherTest, ANicknameInsideAName) {
  EXPECT_EQ(Ids("Frontmen Azre bio je Branimir \"Johnny\" Štulić, basist je bio Mišo Hrnjak. Branimir Štulić je otišao."),
            (std::vector<std::string>{"person/~branimir-stulic@Branimir \"Johnny\" Štulić", "person/~mis-hrnjak@Mišo Hrnjak",
                                      "person/~branimir-stulic@Branimir Štulić"}));
}

// The domain pack's international organisations of the dispute, by their local names and acronyms.
TEST_F(MatcherTest, InternationalOrganisationsOfTheDispute) {
  EXPECT_EQ(Ids("Misija EULEX-a i OEBS su saopštili da MMF podržava plan."),
            (std::vector<std::string>{"org/eulex@EULEX", "org/osce@OEBS", "org/imf@MMF"}));
  EXPECT_EQ(Ids("上海合作组织和国际货币基金组织"), (std::vector<std::string>{"org/sco@上海合作组织", "org/imf@国际货币基金组织"}));
}

// The world pack names continents and regions too, in every language and case.
TEST_F(MatcherTest, ContinentsAndRegionsArePlaces) {
  EXPECT_EQ(Ids("Hello from South America."), (std::vector<std::string>{"place/south-america@South America"}));
  EXPECT_EQ(Ids("Kina jača prisustvo u Centralnoj Aziji i Istočnoj Evropi."),
            (std::vector<std::string>{"place/cn@Kina", "place/central-asia@Centralnoj Aziji", "place/eastern-europe@Istočnoj Evropi"}));
  EXPECT_EQ(Ids("中亚国家和东南亚国家"), (std::vector<std::string>{"place/central-asia@中亚", "place/southeast-asia@东南亚"}));
}

TEST(NameKey, CaseEndings) {
  EXPECT_EQ(NameKey("Vučićem"), NameKey("Vučić"));
  EXPECT_EQ(NameKey("Kosovës"), NameKey("Kosova"));
  EXPECT_EQ(NameKey("Serbisë"), NameKey("Serbia"));
  EXPECT_EQ(NameKey("Kurtit"), NameKey("Kurti"));
  EXPECT_EQ(NameKey("Li"), "li");
}

// Every form of a name gets one key, also where a first ending leaves a stem that looks like
// another ending: the genitive Bosne, Albanian Tiranë and Serbëve, and adjectives in -ene.
TEST(NameKey, OneKeyForEveryForm) {
  const std::vector<std::vector<std::string_view>> kForms = {
      {"Bosna", "Bosne", "Bosni", "Bosnu", "Bosnom"},
      {"Tirana", "Tiranë", "Tiranës", "Tiranën"},
      {"Serbia", "Serbisë", "Serbinë"},
      {"serbët", "serbëve"},
      {"zdravstvena", "zdravstvene", "zdravstvenoj", "zdravstvenu", "zdravstvenom"},
      {"Crvena", "Crvene", "Crvenoj"},
  };
  for (const auto& forms : kForms) {
    for (std::string_view form : forms) EXPECT_EQ(NameKey(form), NameKey(forms[0])) << form;
  }
}

}  // namespace
}  // namespace parallax::entities
