#include "pipeline/ingest_job.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "query/search.h"
#include "store/sqlite.h"

namespace parallax::pipeline {
namespace {

namespace fs = std::filesystem;

struct Workspace {
  std::string dir;
  std::unique_ptr<store::SqliteStore> store;
  explicit Workspace(const char* name) {
    dir = testing::TempDir() + "/" + name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    store = *store::SqliteStore::Open(dir + "/p.db", {.create = true});
  }
  void Write(const std::string& name, const std::string& body) const { std::ofstream(dir + "/" + name) << body; }
  int64_t Count(std::string_view q) const { return *query::Count(store->db(), q, {}); }
};

TEST(Ingest, CountsBalanceAndReingestChangesNothing) {
  Workspace w("ingest1");
  w.Write("in/outlets.yaml", "");
  fs::create_directories(w.dir + "/in");
  w.Write("in/outlets.yaml", "outlets:\n  - name: Dnevni Primer\n    domains: [primer.rs]\n    country: RS\n    tags: [independent]\n");
  w.Write("in/a.jsonl",
          "{\"text\":\"Председник Вучић је рекао да Србија неће признати Косово.\",\"url\":\"https://primer.rs/1\",\"published\":\"2024-09-16\"}\n"
          "{\"title\":\"no text\"}\n"
          "{\"text\":\"Kryeministri Kurti tha se Kosova do të vazhdojë bisedimet.\",\"lang\":\"sq\",\"published\":\"2024-10-01\"}\n");
  w.Write("in/b.txt", "Title: Vesti\nDate: 16. septembra 2024.\n\nPredsednik Vučić je rekao da Srbija neće priznati Kosovo.\n");
  IngestOptions o;
  o.paths = {w.dir + "/in"};
  auto s = RunIngest(*w.store, o);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->counts.seen, 4);
  EXPECT_EQ(s->counts.stored, 3);
  EXPECT_EQ(s->counts.quarantined, 1);
  EXPECT_EQ(s->counts.seen, s->counts.stored + s->counts.duplicates + s->counts.quarantined);

  // Cross-script and inflected search.
  EXPECT_EQ(w.Count("Vucic"), 2);
  EXPECT_EQ(w.Count("Вучића"), 2);
  EXPECT_EQ(w.Count("Kosovës"), 3);
  EXPECT_EQ(*query::Count(w.store->db(), "", {.country = "RS"}), 1);

  auto again = RunIngest(*w.store, o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->counts.stored, 0);
  EXPECT_EQ(again->counts.duplicates, 3);
  EXPECT_EQ(again->counts.quarantined, 1);
  EXPECT_EQ(*query::Count(w.store->db(), "", {}), 3);
  auto q = w.store->QuarantineList(10);
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 1u);
  EXPECT_EQ((*q)[0].record, 2);
  EXPECT_EQ((*q)[0].reason, "no text");
}

TEST(Ingest, NearDuplicatesAreStoredAndLinked) {
  Workspace w("ingest2");
  std::string wire =
      "BELGRADE (Wire) - The foreign minister said on Monday that talks with Pristina would resume next "
      "month in Brussels, adding that both sides had agreed on an agenda covering energy, freedom of "
      "movement and the status of the northern municipalities after weeks of tension in the region.";
  w.Write("a.jsonl", "{\"text\":\"" + wire + "\",\"url\":\"https://one.example/a\",\"published\":\"2024-09-16\"}\n" +
                         "{\"text\":\"" + wire + " Reporting by staff.\",\"url\":\"https://two.example/b\",\"published\":\"2024-09-16\"}\n");
  IngestOptions o;
  o.paths = {w.dir + "/a.jsonl"};
  auto s = RunIngest(*w.store, o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->counts.stored, 2);
  EXPECT_EQ(s->counts.near_duplicates, 1);
  EXPECT_EQ(*query::Count(w.store->db(), "Pristina", {}), 2);
  EXPECT_EQ(*query::Count(w.store->db(), "Pristina", {.unique = true}), 1);
}

// `text` (under `title`) completed by the built-in packs, the quotation finder and the shipped
// stance model.
Article Analysed(std::string text, std::string day, std::string lang, std::string title = "") {
  static auto* knowledge = new entities::Knowledge(*LoadKnowledge({}));
  static auto* matcher = entities::Matcher::Create(*knowledge)->release();
  static auto* finder = quotes::QuoteFinder::Create().release();
  static auto* scorer = new stance::Scorer(&stance::Model::Default());
  Article a;
  a.text = std::move(text);
  a.title = std::move(title);
  a.day = std::move(day);
  a.lang = lang;
  ingest::OutletRegistry outlets;
  CompleteArticle(a, outlets, "", lang, matcher, finder, scorer);
  return a;
}

TEST(Stance, EachQuotationGetsItsSpeakersStanceTowardItsTargets) {
  Article a = Analysed("Minister Ana Perić said on Monday: “China is a reliable friend and we are grateful for its support.”\n\n"
                       "She also said that Pristina’s unilateral moves were a dangerous provocation.\n\n"
                       "The film was called “Friends Forever”.",
                       "2031-05-05", "en");
  const StanceRecord* china = nullptr;
  const StanceRecord* pristina = nullptr;
  for (const QuoteRecord& q : a.quotes) {
    if (q.kind == "term") {
      EXPECT_TRUE(q.stance.empty());
    }
    for (const StanceRecord& s : q.stance) {
      EXPECT_NE(s.target, q.speaker_entity);
      if (s.target == "place/cn") china = &s;
      if (s.target == "place/pristina") pristina = &s;
    }
  }
  ASSERT_NE(china, nullptr);
  ASSERT_NE(pristina, nullptr);
  EXPECT_EQ(china->polarity, 1);
  EXPECT_EQ(pristina->polarity, -1);
  // Evidence points at the published words.
  ASSERT_FALSE(pristina->evidence.empty());
  std::string_view ev = pristina->evidence.Of(a.text);
  EXPECT_TRUE(ev.find("dangerous") != std::string_view::npos || ev.find("unilateral") != std::string_view::npos ||
              ev.find("provocation") != std::string_view::npos)
      << ev;
}

// A wire story's dateline is furniture: its place is no target of the first quotation's stance.
TEST(Stance, NoStanceTowardADatelinesPlace) {
  Article a = Analysed("PRISHTINË, 14 shtator 2024 – Kryeministri Albin Kurti deklaroi se Kina \"po e mbështet Serbinë\".",
                       "2024-09-14", "sq");
  ASSERT_EQ(a.quotes.size(), 1u);
  std::vector<std::string> targets;
  for (const StanceRecord& s : a.quotes[0].stance) targets.push_back(s.target);
  EXPECT_EQ(std::count(targets.begin(), targets.end(), "place/pristina"), 0);
  EXPECT_EQ(std::count(targets.begin(), targets.end(), "place/cn"), 1);
}

// What qualifies the speaker's name right before it is no target of the speaker's stance.
TEST(Stance, NoStanceTowardTheSpeakersQualifier) {
  Article a = Analysed("Serbia's Vucic says China will never recognise Kosovo.", "2024-09-16", "en");
  ASSERT_EQ(a.quotes.size(), 1u);
  for (const StanceRecord& s : a.quotes[0].stance) EXPECT_NE(s.target, "place/rs");
  EXPECT_FALSE(a.quotes[0].stance.empty());
}

// A country named by its adjective is a target; one inside a role or a name is that phrase's.
TEST(Stance, ACountrysAdjectiveIsATarget) {
  Article a = Analysed("“We are grateful to our Chinese friends,” the minister said.\n\n"
                       "Chinese Ambassador Li Ming said the talks would go on.",
                       "2024-09-16", "en");
  ASSERT_EQ(a.quotes.size(), 2u);
  ASSERT_EQ(a.quotes[0].stance.size(), 1u);
  EXPECT_EQ(a.quotes[0].stance[0].target, "place/cn");
  EXPECT_EQ(a.quotes[0].stance[0].name, "China");
  EXPECT_EQ(a.quotes[0].stance[0].polarity, 1);
  for (const StanceRecord& s : a.quotes[1].stance) EXPECT_NE(s.target, "place/cn");
}

TEST(Query, TranslatesUserSyntaxSafely) {
  EXPECT_EQ(*query::ToFtsQuery("Вучић AND (Kosovo OR Kosova*) NOT sport"),
            "\"Вучић\" AND (\"Kosovo\" OR \"Kosova\"*) NOT \"sport\"");
  EXPECT_EQ(*query::ToFtsQuery("\"the Serbian president\" 'x' Kosovo's"),
            "\"the Serbian president\" \"'x'\" \"Kosovo's\"");
  // FTS5 reads no implicit AND next to a group, so it is written out.
  EXPECT_EQ(*query::ToFtsQuery("Kosovo (China OR Russia) vote"), "\"Kosovo\" AND (\"China\" OR \"Russia\") AND \"vote\"");
  EXPECT_EQ(*query::ToFtsQuery("(a)\n(b)"), "(\"a\") AND (\"b\")");
  EXPECT_EQ(*query::ToFtsQuery(std::string_view("x O\0h", 5)), "\"x\" \"O\" \"h\"");
  EXPECT_TRUE(query::ToFtsQuery(std::string(32, '(') + "x" + std::string(32, ')')).ok());
  EXPECT_FALSE(query::ToFtsQuery(std::string(33, '(') + "x" + std::string(33, ')')).ok());
  std::string words;
  for (int i = 0; i < 500; ++i) words += "w ";
  EXPECT_TRUE(query::ToFtsQuery(words).ok());
  EXPECT_FALSE(query::ToFtsQuery(words + "w").ok());
  EXPECT_EQ(*query::ToFtsQuery("(China OR Russia) AND NOT football"), "(\"China\" OR \"Russia\") NOT \"football\"");
  EXPECT_FALSE(query::ToFtsQuery("AND NOT x").ok());
  EXPECT_FALSE(query::ToFtsQuery("a\"b").ok());
  EXPECT_FALSE(query::ToFtsQuery("NOT x").ok());
  EXPECT_FALSE(query::ToFtsQuery("(x").ok());
  EXPECT_FALSE(query::ToFtsQuery("x OR").ok());
  EXPECT_FALSE(query::ToFtsQuery("- ;").ok());
}

}  // namespace
}  // namespace parallax::pipeline

namespace parallax::pipeline {
namespace {

// Everything stored, in storage order: what must not depend on the number of threads.
std::string Digest(sqlite3* db) {
  std::string out;
  for (const char* sql : {"SELECT rowid, id, outlet, lang, script, duplicate_of, length(text) FROM articles ORDER BY rowid",
                          "SELECT article, entity, start, end FROM mentions ORDER BY rowid",
                          "SELECT article, start, end, kind, speaker_entity FROM quotes ORDER BY id",
                          "SELECT quote, target, polarity FROM quote_stance ORDER BY rowid",
                          "SELECT source, record, reason FROM quarantine ORDER BY id",
                          "SELECT article, hex(fingerprint) FROM fingerprints ORDER BY article",
                          // The full-text indexes, byte for byte: analysis threads tokenise
                          // ahead (Store::Prepare), one thread tokenises as it inserts.
                          "SELECT id, hex(block) FROM articles_fts_data ORDER BY id",
                          "SELECT id, hex(block) FROM quotes_fts_data ORDER BY id"}) {
    store::Stmt s(db, sql);
    while (s.Step()) {
      for (int c = 0; c < s.columns(); ++c) out += s.Text(c) + "|";
      out += "\n";
    }
  }
  return out;
}

TEST(Ingest, ThreadsChangeNothingAcrossManyBatches) {
  // 900 records (several 128- and 192-record batches): the sample corpus's articles under
  // new URLs, so near-duplicates link up across batches, with a broken record every so often.
  Workspace w("ingest-jobs");
  std::vector<std::string> lines;
  for (const char* f : {"glasnik.jsonl", "dongfang.jsonl", "ledger.jsonl"}) {
    std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/examples/sample-corpus/" + f);
    for (std::string line; std::getline(in, line);) {
      if (line.find("\"text\"") != std::string::npos) lines.push_back(line);
    }
  }
  ASSERT_GT(lines.size(), 10u);
  std::string jsonl;
  for (int i = 0; i < 900; ++i) {
    if (i % 97 == 13) {
      jsonl += "{\"text\": 17}\n";
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(lines[i % lines.size()]);
    j["url"] = "https://copies.example/" + std::to_string(i);
    jsonl += j.dump() + "\n";
  }
  w.Write("many.jsonl", jsonl);
  std::string first;
  for (int jobs : {1, 2, 3}) {
    std::string path = w.dir + "/j" + std::to_string(jobs) + ".db";
    auto st = store::SqliteStore::Open(path, {.create = true});
    ASSERT_TRUE(st.ok());
    IngestOptions o;
    o.paths = {w.dir + "/many.jsonl"};
    o.jobs = jobs;
    auto s = RunIngest(**st, o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->counts.seen, 900);
    EXPECT_GT(s->counts.stored, 800);
    EXPECT_EQ(s->counts.quarantined, 10);
    EXPECT_EQ(s->counts.seen, s->counts.stored + s->counts.duplicates + s->counts.quarantined);
    std::string d = Digest((*st)->db());
    if (jobs == 1) {
      first = d;
      EXPECT_GT(d.size(), 10000u);
    } else {
      EXPECT_TRUE(d == first) << "--jobs " << jobs << " stored something else than --jobs 1";
    }
  }
}

// The headline is read with the body: a statement in it is found and attributed, its offsets
// (and its speaker's and evidence's) index the title, and the body's offsets are what they are
// without it.
TEST(Analyse, TheHeadlineIsReadWithTheBody) {
  const std::string title = "Kurti: Serbia's army at the border is a dangerous provocation";
  const std::string text = "Prime Minister Albin Kurti spoke in Pristina on Tuesday.\n\n"
                           "He said that talks in Brussels would go on.";
  Article with = Analysed(text, "2031-05-05", "en", title);
  Article without = Analysed(text, "2031-05-05", "en");
  const QuoteRecord* headline = nullptr;
  std::vector<QuoteRecord> body;
  for (const QuoteRecord& q : with.quotes) {
    if (q.in_title) headline = &q;
    else body.push_back(q);
  }
  ASSERT_NE(headline, nullptr);
  EXPECT_EQ(headline->content.Of(with.title), "Serbia's army at the border is a dangerous provocation");
  EXPECT_EQ(headline->speaker_entity, "person/albin-kurti");
  EXPECT_EQ(headline->speaker_range.Of(with.title), "Kurti");
  bool critical = false;
  for (const StanceRecord& s : headline->stance) {
    if (s.target != "place/rs") continue;
    critical = s.polarity < 0;
    ASSERT_FALSE(s.evidence.empty());
    std::string_view ev = s.evidence.Of(with.title);
    EXPECT_TRUE(ev.find("dangerous") != std::string_view::npos || ev.find("provocation") != std::string_view::npos) << ev;
  }
  EXPECT_TRUE(critical);
  ASSERT_EQ(body.size(), without.quotes.size());
  for (size_t i = 0; i < body.size(); ++i) {
    EXPECT_EQ(body[i].content, without.quotes[i].content);
    EXPECT_EQ(body[i].speaker_entity, without.quotes[i].speaker_entity);
  }
  bool named = false;
  for (const EntityMention& m : with.mentions) {
    if (m.in_title) named |= m.entity == "person/albin-kurti" && m.range.Of(with.title) == "Kurti";
    else EXPECT_EQ(m.range.Of(with.text), m.range.Of(without.text));
  }
  EXPECT_TRUE(named);
}

// A name the headline gives in full supports the body's short one, as a full name earlier in
// the body does.
TEST(Analyse, TheHeadlinesFullNameSupportsTheBodysShortOne) {
  const std::string text = "Li told the pupils that the school would teach in Serbian and in Chinese.";
  auto li = [](const Article& a) {
    for (const EntityMention& m : a.mentions) {
      if (!m.in_title && m.entity == "person/li-ming") return true;
    }
    return false;
  };
  EXPECT_FALSE(li(Analysed(text, "2031-05-05", "en")));
  EXPECT_TRUE(li(Analysed(text, "2031-05-05", "en", "Ambassador Li Ming opens a school in Novi Sad")));
}

// A body that begins with its headline is read once.
TEST(Analyse, AHeadlineTheBodyRepeatsIsReadOnce) {
  const std::string title = "Kurti: talks  will go on";
  Article a = Analysed("Kurti: talks will go on\n\nAlbin Kurti said so in Pristina.", "2031-05-05", "en", title);
  for (const EntityMention& m : a.mentions) EXPECT_FALSE(m.in_title);
  for (const QuoteRecord& q : a.quotes) EXPECT_FALSE(q.in_title);
  EXPECT_FALSE(a.mentions.empty());
}

}  // namespace
}  // namespace parallax::pipeline
