// VoiceTally: the same voices whatever order the quotations come in and however their stance
// arrives, and words read only for the quotations it looks at.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/hash.h"
#include "query/article_columns.h"
#include "query/stance.h"
#include "store/sqlite.h"
#include "store/sqlite_store.h"

namespace parallax::query {
namespace {

// A small store: quotations by id, each with its stance.
struct Store {
  std::map<int64_t, QuoteRow> rows;
  int64_t completed = 0;  // quotations whose words were read

  void Put(int64_t id, const std::string& speaker, const std::string& outlet, const std::string& day,
           const std::string& kind, const std::string& text, double confidence, std::vector<StanceEntry> stance) {
    QuoteRow& r = rows[id];
    r.id = id;
    r.article = "article-" + std::to_string(id / 10);
    r.speaker_entity = "person/" + speaker;
    r.speaker = speaker;
    r.speaker_type = "person";
    r.outlet = outlet;
    r.day = day;
    r.kind = kind;
    r.text = text;
    r.start = id * 100;
    r.end = r.start + static_cast<int64_t>(text.size());
    r.confidence = confidence;
    r.stance = std::move(stance);
  }

  // Adds `ids` in that order; with stance in the rows or left for Finish to read; with a hash
  // of each quotation's words (as ClickHouse gives) or without (as SQLite).
  Result<std::vector<Voice>> Voices(const std::vector<int64_t>& ids, bool stance_in_rows, int64_t limit = -1,
                                    bool hashes = false) {
    VoiceTally tally;
    for (int64_t id : ids) {
      const QuoteRow& r = rows.at(id);
      uint64_t hash = hashes ? std::hash<std::string>{}(r.text) | 1 : 0;
      tally.Add(id, r.speaker_entity, r.speaker, r.speaker_type, r.day, r.outlet, r.kind, r.confidence, r.end - r.start,
                hash);
      if (stance_in_rows) {
        for (const StanceEntry& e : r.stance) tally.AddStance(e.target, e.name, e.polarity);
      }
    }
    auto stance = [&](std::vector<QuoteRow>& qs) -> Status {
      for (QuoteRow& q : qs) q.stance = rows.at(q.id).stance;
      return Status::Ok();
    };
    auto complete = [&](std::vector<QuoteRow>& qs) -> Status {
      for (QuoteRow& q : qs) {
        auto it = rows.find(q.id);
        if (it == rows.end()) {
          q.article.clear();
          continue;
        }
        ++completed;
        q = it->second;
        q.stance.clear();
      }
      return Status::Ok();
    };
    return tally.Finish(limit, 3, stance, complete);
  }
};

std::string Describe(const std::vector<Voice>& voices) {
  std::string s;
  for (const Voice& v : voices) {
    s += v.entity + " " + v.name + " " + std::to_string(v.quotes) + " " + v.first_day + ".." + v.last_day + " [";
    for (const std::string& o : v.outlets) s += o + ",";
    s += "] {";
    for (const TargetCounts& t : v.stance) {
      s += t.target + "/" + t.name + ":" + std::to_string(t.favourable) + "/" + std::to_string(t.neutral) + "/" +
           std::to_string(t.critical) + ",";
    }
    s += "} <";
    for (const QuoteRow& q : v.examples) {
      s += std::to_string(q.id) + ":" + q.outlet + ":" + q.text + "(";
      for (const StanceEntry& e : q.stance) s += e.target + std::to_string(e.polarity);
      s += ") ";
    }
    s += ">\n";
  }
  return s;
}

Store Sample() {
  Store store;
  const std::vector<std::string> outlets = {"Glasnik", "Ledger", "Zeri", "Dongfang"};
  std::mt19937 random(7);
  for (int64_t id = 1; id <= 400; ++id) {
    std::string speaker = id % 7 == 0 ? "b" : id % 3 == 0 ? "c" : "a";
    std::string text = "words of quotation " + std::to_string(id % 50) + (id % 2 ? " said at some length here" : "");
    std::vector<StanceEntry> stance;
    if (id % 4 != 0) stance.push_back({"place/cn", "China", static_cast<int>(random() % 3) - 1, 0.8, -1, -1});
    if (id % 5 == 0) stance.push_back({"org/eu", "EU", static_cast<int>(random() % 3) - 1, 0.6, -1, -1});
    store.Put(id, speaker, outlets[random() % outlets.size()], "2031-0" + std::to_string(1 + id % 9) + "-1" +
              std::to_string(id % 10), id % 3 ? "direct" : "indirect", text, 0.5 + 0.1 * static_cast<double>(id % 5),
              stance);
  }
  return store;
}

TEST(VoiceTally, SameVoicesInAnyOrderAndWhereverTheStanceComesFrom) {
  Store store = Sample();
  std::vector<int64_t> ids;
  for (const auto& [id, r] : store.rows) ids.push_back(id);
  auto expected = store.Voices(ids, /*stance_in_rows=*/true);
  ASSERT_TRUE(expected.ok());
  ASSERT_EQ(expected->size(), 3u);
  EXPECT_EQ((*expected)[0].entity, "person/a");
  EXPECT_EQ((*expected)[0].examples.size(), 3u);
  std::mt19937 random(11);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(ids.begin(), ids.end(), random);
    for (bool in_rows : {true, false}) {
      for (bool hashes : {false, true}) {
        auto got = store.Voices(ids, in_rows, -1, hashes);
        ASSERT_TRUE(got.ok());
        EXPECT_EQ(Describe(*got), Describe(*expected))
            << "round " << round << (in_rows ? " stance in rows" : " attached") << (hashes ? " with hashes" : "");
      }
    }
  }
}

TEST(VoiceTally, ExamplesFromDifferentOutletsWithDifferentWordsReadingFewQuotations) {
  Store store;
  // Many strong quotations in one outlet, the same words again in another, and one weaker
  // quotation elsewhere.
  for (int64_t id = 1; id <= 5000; ++id) {
    store.Put(id, "a", "Glasnik", "2031-01-01", "direct", "a strong, complete and quotable thought number " + std::to_string(id),
              0.9, {{"place/cn", "China", 1, 0.9, -1, -1}});
  }
  store.Put(5001, "a", "Ledger", "2031-01-02", "direct", "a strong, complete and quotable thought number 1", 0.9,
            {{"place/cn", "China", 1, 0.9, -1, -1}});
  store.Put(5002, "a", "Zeri", "2031-01-03", "indirect", "short", 0.4, {});
  std::vector<int64_t> ids;
  for (const auto& [id, r] : store.rows) ids.push_back(id);
  auto voices = store.Voices(ids, true);
  ASSERT_TRUE(voices.ok());
  ASSERT_EQ(voices->size(), 1u);
  const Voice& v = (*voices)[0];
  EXPECT_EQ(v.quotes, 5002);
  EXPECT_EQ(v.outlets, (std::vector<std::string>{"Glasnik", "Ledger", "Zeri"}));
  ASSERT_EQ(v.examples.size(), 3u);
  EXPECT_EQ(v.examples[0].id, 1);     // the strongest, earliest
  EXPECT_EQ(v.examples[1].id, 5002);  // Ledger's copy repeats example 1's words: the next outlet instead
  EXPECT_EQ(v.examples[2].id, 2);     // then the next strongest of any outlet
  EXPECT_EQ(v.examples[0].stance.size(), 1u);
  EXPECT_LT(store.completed, 100) << "words read for most quotations";
}

TEST(VoiceTally, HashesOfTheWordsPassOverRepeatsUnread) {
  // A wire quotation repeated by every outlet thousands of times, and a few other thoughts.
  Store store;
  const std::vector<std::string> outlets = {"Glasnik", "Ledger", "Zeri", "Dongfang", "Pregled"};
  for (int64_t id = 1; id <= 3000; ++id) {
    store.Put(id, "a", outlets[static_cast<size_t>(id) % outlets.size()], "2031-01-01", "direct",
              "the one wire quotation every outlet carries, again", 0.9, {});
  }
  for (int64_t id = 3001; id <= 3003; ++id) {
    store.Put(id, "a", "Glasnik", "2031-01-02", "indirect", "another thought, number " + std::to_string(id), 0.5, {});
  }
  std::vector<int64_t> ids;
  for (const auto& [id, r] : store.rows) ids.push_back(id);
  auto unhashed = store.Voices(ids, true);
  int64_t read_unhashed = store.completed;
  store.completed = 0;
  auto hashed = store.Voices(ids, true, -1, /*hashes=*/true);
  ASSERT_TRUE(unhashed.ok());
  ASSERT_TRUE(hashed.ok());
  EXPECT_EQ(Describe(*hashed), Describe(*unhashed));
  ASSERT_EQ((*hashed)[0].examples.size(), 3u);
  EXPECT_GT(read_unhashed, 1000);
  EXPECT_LT(store.completed, 50) << "words read for repeats the hashes told apart";
}

TEST(VoiceTally, QuotationsGoneBeforeTheirWordsAreReadAreSkipped) {
  Store tallied = Sample();
  std::vector<int64_t> ids;
  for (const auto& [id, r] : tallied.rows) ids.push_back(id);
  auto before = tallied.Voices(ids, true, 1);
  ASSERT_TRUE(before.ok());
  // The first example is tallied while it exists and gone when the words are read.
  int64_t gone = (*before)[0].examples[0].id;
  VoiceTally tally;
  for (const auto& [id, r] : tallied.rows) {
    tally.Add(id, r.speaker_entity, r.speaker, r.speaker_type, r.day, r.outlet, r.kind, r.confidence, r.end - r.start);
  }
  auto after = tally.Finish(
      1, 3, [&](std::vector<QuoteRow>& qs) {
        for (QuoteRow& q : qs) q.stance = tallied.rows.at(q.id).stance;
        return Status::Ok();
      },
      [&](std::vector<QuoteRow>& qs) {
        for (QuoteRow& q : qs) {
          if (q.id == gone) {
            q.article.clear();
          } else {
            q = tallied.rows.at(q.id);
          }
        }
        return Status::Ok();
      });
  ASSERT_TRUE(after.ok());
  ASSERT_EQ((*after)[0].examples.size(), 3u);
  for (const QuoteRow& q : (*after)[0].examples) EXPECT_NE(q.id, gone);
}

// ---- Voices from the in-memory columns against the SQL ----

std::string TempDb(const char* name) {
  std::string p = testing::TempDir() + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((p + suffix).c_str());
  return p;
}

// Article `n` with a few quotations by rotating speakers (one unattributed, one a term), each
// with stance toward China, the EU or both.
void PutQuoted(store::SqliteStore& s, int n) {
  static const char* outlets[] = {"Alpha", "Beta News", "gamma", ""};
  static const char* days[] = {"2024-09-01", "2024-09-15", "2024-10-01", "2024-10-07", ""};
  static const char* speakers[] = {"person/a", "person/b", "person/c", "org/d", ""};
  Article a;
  a.id = std::string(12, '0') + std::to_string(1000 + n);
  a.lang = "sr";
  a.outlet = outlets[n % 4];
  a.day = days[n % 5];
  a.published = a.day;
  a.text = n % 3 == 0 ? "Kina i Srbija." : n % 3 == 1 ? "Kosovo danas." : "Kina i Kosovo.";
  for (int k = 0; k < 1 + n % 4; ++k) {
    QuoteRecord q;
    std::string words = " Rekao je da " + std::to_string((n * 7 + k) % 11) + " puta ponavlja isto, i to opširno.";
    q.content = {static_cast<uint32_t>(a.text.size() + 1), static_cast<uint32_t>(a.text.size() + words.size())};
    a.text += words;
    const char* who = speakers[(n + k) % 5];
    q.kind = k == 3 ? "term" : (n + k) % 3 == 0 ? "indirect" : "direct";
    if (*who) {
      q.speaker_entity = who;
      q.speaker = (n + k) % 4 == 0 ? std::string("Speaker ") + who : std::string(who).substr(std::string(who).find('/') + 1);
      q.speaker_type = who[0] == 'o' ? "org" : "person";
    }
    q.confidence = 0.5 + 0.05 * ((n + k) % 9);
    if ((n + k) % 4 != 0) q.stance.push_back({"place/cn", "China", (n + k) % 3 - 1, 0.7, {}});
    if ((n + k) % 3 == 0) q.stance.push_back({"org/eu", "EU", (n * k) % 3 - 1, 0.6, {}});
    a.quotes.push_back(q);
  }
  a.paragraphs = {{{0, static_cast<uint32_t>(a.text.size())}, false}};
  ASSERT_TRUE(s.PutArticle(a, {}).ok());
}

void ExpectSameVoices(sqlite3* db, ArticleColumns& columns) {
  Filters none;
  Filters dated{.from = "2024-09-10", .to = "2024-10-05"};
  Filters outlets{.outlets = {"beta news", "Gamma", ""}};
  for (const char* q : {"", "Kina", "Kosovo", "nothing-matches-this"}) {
    for (const char* target : {"", "place/cn", "org/eu", "place/none"}) {
      for (const Filters* f : {&none, &dated, &outlets}) {
        for (int64_t limit : {2, 10}) {
          auto sql = Voices(db, q, *f, target, limit);
          auto fast = Voices(db, q, *f, target, limit, 3, &columns);
          ASSERT_TRUE(sql.ok() && fast.ok()) << sql.status().ToString() << fast.status().ToString();
          EXPECT_EQ(Describe(*fast), Describe(*sql)) << q << " " << target << " " << limit;
        }
      }
    }
  }
}

std::string Describe(const std::vector<StanceCell>& cells) {
  std::string s;
  for (const StanceCell& c : cells) {
    s += c.holder + "|" + c.holder_name + "|" + c.target + "|" + c.target_name + "|" + c.period + "|" +
         std::to_string(c.favourable) + "/" + std::to_string(c.neutral) + "/" + std::to_string(c.critical) + "|" +
         std::to_string(c.net) + "|" + std::to_string(c.strongest.id) + ":" + c.strongest.text + "\n";
  }
  return s;
}

void ExpectSameStance(sqlite3* db, ArticleColumns& columns) {
  Filters none;
  Filters dated{.from = "2024-09-10", .to = "2024-10-05"};
  Filters outlets{.outlets = {"beta news", "Gamma", ""}};
  for (const char* by : {"speaker", "outlet"}) {
    for (const char* interval : {"", "week", "month"}) {
      for (const char* target : {"", "place/cn", "place/none"}) {
        for (const char* speaker : {"", "person/b", "person/none"}) {
          for (const Filters* f : {&none, &dated, &outlets}) {
            StanceQuery q{.target = target, .by = by, .interval = interval, .speaker = speaker};
            auto sql = StanceTable(db, *f, q);
            auto fast = StanceTable(db, *f, q, &columns);
            ASSERT_TRUE(sql.ok() && fast.ok()) << sql.status().ToString() << fast.status().ToString();
            EXPECT_EQ(Describe(*fast), Describe(*sql)) << by << " " << interval << " " << target << " " << speaker;
          }
        }
      }
    }
  }
}

TEST(QuoteColumns, VoicesAndStanceAsTheSqlTalliesThemThroughWrites) {
  std::string path = TempDb("voices.db");
  auto writer = store::SqliteStore::Open(path, {.create = true});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  store::SqliteStore& w = **writer;
  for (int n = 0; n < 60; ++n) PutQuoted(w, n);
  auto reader = store::SqliteStore::Open(path, {.read_only = true});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  // Each quotation is stored with the hash of its words (the tally passes over repeats unread).
  {
    store::Stmt st((*reader)->db(), "SELECT CAST(substr(CAST(a.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT), "
                                    "q.text_hash FROM quotes q JOIN articles a ON a.rowid = q.article");
    int n = 0;
    for (; st.Step(); ++n) EXPECT_EQ(static_cast<uint64_t>(st.Int(1)), Hash64(st.View(0))) << st.View(0);
    EXPECT_GT(n, 100);
  }
  ArticleColumns columns, writer_columns;
  ExpectSameVoices((*reader)->db(), columns);
  ExpectSameStance((*reader)->db(), columns);
  auto before = Voices((*reader)->db(), "Kina", {}, "", 10, 3, &columns);
  ASSERT_TRUE(before.ok());
  ASSERT_FALSE(before->empty());

  // More quotations, written by another connection: the shared copy is extended.
  for (int n = 60; n < 90; ++n) PutQuoted(w, n);
  ExpectSameVoices((*reader)->db(), columns);
  ExpectSameVoices(w.db(), writer_columns);
  ExpectSameStance((*reader)->db(), columns);
  auto after = Voices((*reader)->db(), "Kina", {}, "", 10, 3, &columns);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(Describe(*after), Describe(*before));

  // A connection inside a read transaction that began before more writes is answered from the
  // newer shared copy, as its own snapshot would be.
  auto older = store::SqliteStore::Open(path, {.read_only = true});
  ASSERT_TRUE(older.ok());
  ArticleColumns older_columns;
  ASSERT_TRUE(store::Exec((*older)->db(), "BEGIN").ok());
  auto at_start = Voices((*older)->db(), "", {}, "", 10, 3, &older_columns);
  for (int n = 90; n < 120; ++n) PutQuoted(w, n);
  ExpectSameVoices((*reader)->db(), columns);  // the shared copy now holds the new rows
  ExpectSameVoices((*older)->db(), older_columns);
  ExpectSameStance((*older)->db(), older_columns);
  auto still = Voices((*older)->db(), "", {}, "", 10, 3, &older_columns);
  ASSERT_TRUE(at_start.ok() && still.ok());
  EXPECT_EQ(Describe(*still), Describe(*at_start));
  ASSERT_TRUE(store::Exec((*older)->db(), "COMMIT").ok());
}

}  // namespace
}  // namespace parallax::query
