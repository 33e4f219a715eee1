#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

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
