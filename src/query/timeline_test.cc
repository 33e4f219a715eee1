// Timelines counted from the in-memory article columns give the rows the SQL gives, and stay
// right after this connection or another one writes.
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "query/article_columns.h"
#include "query/search.h"
#include "store/sqlite_store.h"

namespace parallax::query {
namespace {

std::string TempDb(const char* name) {
  std::string p = testing::TempDir() + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((p + suffix).c_str());
  return p;
}

void Put(store::SqliteStore& s, int n, const std::string& text, const std::string& outlet, const std::string& day) {
  Article a;
  a.id = std::string(12, '0') + std::to_string(1000 + n);
  a.text = text;
  a.lang = "sr";
  a.outlet = outlet;
  a.day = day;
  a.published = day;
  a.paragraphs = {{{0, static_cast<uint32_t>(a.text.size())}, false}};
  ASSERT_TRUE(s.PutArticle(a, {}).ok());
}

std::string Show(const std::vector<TimelineRow>& rows) {
  std::string out;
  for (const TimelineRow& r : rows) out += r.period + "|" + r.group + "|" + std::to_string(r.count) + "\n";
  return out;
}

// Every query, interval, grouping and filter the columns answer, against the SQL.
void ExpectSame(sqlite3* db, ArticleColumns& columns) {
  Filters none;
  Filters dated{.from = "2024-09-10", .to = "2024-10-05"};
  Filters outlets{.outlets = {"beta news", "Gamma"}};
  Filters both{.from = "2024-09-20", .outlets = {"Alpha"}};
  for (const char* q : {"", "Kina", "Kosovo", "Kina OR Kosovo", "nothing-matches-this"}) {
    for (const char* interval : {"day", "week", "month"}) {
      for (const char* by : {"", "outlet"}) {
        for (const Filters* f : {&none, &dated, &outlets, &both}) {
          auto sql = Timeline(db, q, interval, by, *f);
          auto fast = Timeline(db, q, interval, by, *f, &columns);
          ASSERT_TRUE(sql.ok() && fast.ok()) << sql.status().ToString() << fast.status().ToString();
          EXPECT_EQ(Show(*fast), Show(*sql)) << q << " " << interval << " " << by;
        }
      }
    }
  }
}

std::string Show(const std::vector<Hit>& hits) {
  std::string out;
  for (const Hit& h : hits) out += h.id + "|" + fmt::format("{:.17g}", h.rank) + "|" + h.snippet + "\n";
  return out;
}

// Search pages ranked with the lengths held in memory, against bm25 itself.
TEST(ArticleColumns, SearchRanksAsBm25AndCountsInTheSameWalk) {
  std::string path = TempDb("rank.db");
  auto writer = store::SqliteStore::Open(path, {.create = true});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  store::SqliteStore& w = **writer;
  const char* words[] = {"Kina", "Kosovo", "Srbija", "investicija", "most", "luka"};
  auto put = [&](int i) {
    Article a;
    a.id = std::string(12, '0') + std::to_string(1000 + i);
    a.title = i % 4 == 0 ? "Kina i Kosovo" : "Vijesti dana";
    for (int k = 0; k < 3 + (i * 7) % 23; ++k) a.text += std::string(words[(i + k * k) % 6]) + (k % 5 == 4 ? ". " : " ");
    a.lang = i % 3 ? "sr" : "hr";
    a.outlet = i % 2 ? "Alpha" : "Beta";
    a.day = "2024-09-1" + std::to_string(i % 10);
    a.published = a.day;
    a.paragraphs = {{{0, static_cast<uint32_t>(a.text.size())}, false}};
    ASSERT_TRUE(w.PutArticle(a, {}).ok());
  };
  for (int i = 0; i < 80; ++i) put(i);
  auto reader = store::SqliteStore::Open(path, {.read_only = true});
  auto sibling = store::SqliteStore::Open(path, {.read_only = true});
  ASSERT_TRUE(reader.ok() && sibling.ok());
  ArticleColumns columns;
  auto expect_same = [&] {
    for (const char* q : {"Kina", "Kosovo OR luka", "\"Kina i\"", "invest*", "most NOT Kina", "nothing-here"}) {
      for (const Filters& f : {Filters{}, Filters{.outlets = {"alpha"}}, Filters{.lang = "hr"}}) {
        for (int64_t offset : {0, 7}) {
          int64_t plain_total = -1, fast_total = -1, split_total = -1;
          auto plain = Search((*reader)->db(), q, f, 12, offset, "<mark>", "</mark>", nullptr, &plain_total);
          auto fast = Search((*reader)->db(), q, f, 12, offset, "<mark>", "</mark>", &columns, &fast_total);
          // Split by rowid with a second connection (a search without filters).
          auto split = Search((*reader)->db(), q, f, 12, offset, "<mark>", "</mark>", &columns, &split_total,
                              (*sibling)->db());
          ASSERT_TRUE(plain.ok() && fast.ok() && split.ok())
              << plain.status().ToString() << fast.status().ToString() << split.status().ToString();
          EXPECT_EQ(Show(*fast), Show(*plain)) << q;
          EXPECT_EQ(Show(*split), Show(*plain)) << q;
          // The total comes from the ranking walk on one path and from Count() on the other.
          auto count = Count((*reader)->db(), q, f);
          ASSERT_TRUE(count.ok());
          EXPECT_EQ(fast_total, *count) << q;
          EXPECT_EQ(split_total, *count) << q;
          EXPECT_EQ(plain_total, *count) << q;
        }
      }
    }
  };
  expect_same();
  for (int i = 80; i < 120; ++i) put(i);  // another connection writes: the lengths are read again
  expect_same();
  // A sibling that still reads an older state of the index is not used: the page is the one the
  // reader's own snapshot gives.
  ASSERT_TRUE(store::Exec((*sibling)->db(), "BEGIN").ok());
  ASSERT_TRUE(Count((*sibling)->db(), "Kina", {}).ok());
  for (int i = 120; i < 160; ++i) put(i);
  expect_same();
  ASSERT_TRUE(store::Exec((*sibling)->db(), "COMMIT").ok());
}

TEST(ArticleColumns, TimelinesAsTheSqlCountsThemThroughWrites) {
  std::string path = TempDb("timeline.db");
  auto writer = store::SqliteStore::Open(path, {.create = true});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  store::SqliteStore& w = **writer;
  const char* outlets[] = {"Alpha", "Beta News", "gamma", ""};
  const char* days[] = {"2024-09-01", "2024-09-15", "2024-09-16", "2024-09-30", "2024-10-01", "2024-10-07", ""};
  for (int i = 0; i < 40; ++i) {
    std::string text = i % 3 == 0 ? "Kina i Srbija." : i % 3 == 1 ? "Kosovo danas." : "Kina i Kosovo.";
    Put(w, i, text, outlets[i % 4], days[i % 7]);
  }
  auto reader = store::SqliteStore::Open(path, {.read_only = true});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  ArticleColumns columns, writer_columns;
  ExpectSame((*reader)->db(), columns);
  ExpectSame(w.db(), writer_columns);
  auto before = Timeline((*reader)->db(), "Kina", "month", "outlet", {}, &columns);
  ASSERT_TRUE(before.ok());

  // Another connection writes: the reader's columns notice; the writer's own writes too.
  for (int i = 40; i < 50; ++i) Put(w, i, "Kina opet.", i % 2 ? "Delta" : "Alpha", "2024-11-0" + std::to_string(i % 9 + 1));
  ExpectSame((*reader)->db(), columns);
  ExpectSame(w.db(), writer_columns);
  auto after = Timeline((*reader)->db(), "Kina", "month", "outlet", {}, &columns);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(Show(*after), Show(*before));
  EXPECT_NE(Show(*after).find("2024-11|Delta|5"), std::string::npos) << Show(*after);

  // A bad date is the same error either way.
  auto bad = Timeline((*reader)->db(), "Kina", "month", "", {.from = "soon"}, &columns);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace parallax::query
