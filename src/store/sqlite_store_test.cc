#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "ingest/fingerprint.h"
#include "store/sqlite.h"

namespace parallax::store {
namespace {

std::string TempDb(const char* name) {
  std::string p = testing::TempDir() + "/" + name;
  std::remove(p.c_str());
  std::remove((p + "-wal").c_str());
  std::remove((p + "-shm").c_str());
  return p;
}

TEST(SqliteStore, CreatesMigratesAndReopens) {
  std::string path = TempDb("store1.db");
  EXPECT_EQ(SqliteStore::Open(path, {}).status().code(), StatusCode::kNotFound);
  {
    auto s = SqliteStore::Open(path, {.create = true});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ((*s)->schema_version(), kSchemaVersion);
    Article a;
    a.id = "00000000000000aa";
    a.text = "Председник Вучић је рекао.";
    a.lang = "sr";
    a.paragraphs = {{{0, static_cast<uint32_t>(a.text.size())}, false}};
    ASSERT_TRUE((*s)->PutArticle(a, {"independent"}).ok());
  }
  auto s = SqliteStore::Open(path, {.read_only = true});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto got = (*s)->GetArticle("00000000000000aa");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->text, "Председник Вучић је рекао.");
  // The tokenizer folds Latin queries onto the Cyrillic text.
  Stmt q((*s)->db(), "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?");
  q.Bind(1, std::string_view("\"Vucica\""));
  ASSERT_TRUE(q.Step()) << q.status().ToString();
  EXPECT_EQ(q.Int(0), 1);
}

Article Story(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.text = text;
  a.lang = "en";
  a.paragraphs = {{{0, static_cast<uint32_t>(a.text.size())}, false}};
  a.fingerprint = ingest::Fingerprint(a.text);
  return a;
}

const char kWire[] =
    "The foreign minister said on Monday that talks with Pristina would resume next month in Brussels, adding "
    "that both sides had agreed on an agenda covering energy, freedom of movement and the northern municipalities.";

// Near-duplicate lookups keep the originals' fingerprints in memory; they still see what another
// connection stored meanwhile, forget what a rollback undid, and survive the migration from the
// band table of schema 5.
TEST(SqliteStore, NearDuplicatesSeeOtherWritersRollbacksAndOldWorkspaces) {
  std::string path = TempDb("near.db");
  auto a = SqliteStore::Open(path, {.create = true});
  auto b = SqliteStore::Open(path, {});
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string copy = std::string(kWire) + " The ministry gave no details.";
  auto near = [&](SqliteStore& s) {
    EXPECT_TRUE(s.Begin().ok());
    auto found = s.FindNearDuplicate(ingest::Fingerprint(copy));
    EXPECT_TRUE(s.Commit().ok());
    return found.ok() && found->has_value() ? **found : std::string("none");
  };
  EXPECT_EQ(near(**a), "none");  // a has read the (empty) fingerprints
  ASSERT_TRUE((*b)->Begin().ok());
  ASSERT_TRUE((*b)->PutArticle(Story("00000000000000b1", kWire), {}).ok());
  ASSERT_TRUE((*b)->Commit().ok());
  EXPECT_EQ(near(**a), "00000000000000b1");

  // A rolled-back original is no candidate.
  std::string other = "A new bridge over the river opened on Saturday after three years of construction, the city "
                      "council said, and traffic is expected to ease in the old town during the summer season.";
  ASSERT_TRUE((*a)->Begin().ok());
  ASSERT_TRUE((*a)->PutArticle(Story("00000000000000a2", other), {}).ok());
  auto inside = (*a)->FindNearDuplicate(ingest::Fingerprint(other + " Cyclists welcomed it."));
  ASSERT_TRUE(inside.ok() && inside->has_value());
  EXPECT_EQ(**inside, "00000000000000a2");
  ASSERT_TRUE((*a)->Rollback().ok());
  ASSERT_TRUE((*a)->Begin().ok());
  auto after = (*a)->FindNearDuplicate(ingest::Fingerprint(other + " Cyclists welcomed it."));
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->has_value());
  ASSERT_TRUE((*a)->Commit().ok());
  a->reset();
  b->reset();

  // Schema 5 kept band rows instead of the fingerprints table (and had no quotation hashes, nor
  // mentions and quotations in headlines).
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TABLE fingerprints; CREATE TABLE fingerprint_bands(band INTEGER NOT NULL, article "
                           "INTEGER NOT NULL, PRIMARY KEY(band, article)) WITHOUT ROWID; "
                           "INSERT INTO fingerprint_bands SELECT 42, rowid FROM articles; "
                           "ALTER TABLE quotes DROP COLUMN text_hash; ALTER TABLE quotes DROP COLUMN in_title; "
                           "ALTER TABLE mentions DROP COLUMN in_title; PRAGMA user_version=5;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto migrated = SqliteStore::Open(path, {});
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_EQ((*migrated)->schema_version(), kSchemaVersion);
  EXPECT_EQ(near(**migrated), "00000000000000b1");
}

TEST(SqliteStore, RejectsFilesThatAreNotWorkspaces) {
  std::string path = TempDb("notadb.db");
  std::ofstream(path) << "this is not a database, just text that is long enough to have a header";
  auto s = SqliteStore::Open(path, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().where().source, path);
}

TEST(SqliteStore, QuarantineKeepsOneEntryPerReason) {
  auto s = SqliteStore::Open(TempDb("q.db"), {.create = true});
  ASSERT_TRUE(s.ok());
  QuarantineEntry e{.run = 1, .source = "a.jsonl", .record = 3, .code = "invalid input", .reason = "no text"};
  ASSERT_TRUE((*s)->Quarantine(e).ok());
  ASSERT_TRUE((*s)->Quarantine(e).ok());
  auto list = (*s)->QuarantineList(10);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
}

}  // namespace
}  // namespace parallax::store
