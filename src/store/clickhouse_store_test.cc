// The parts of the ClickHouse store that need no server (tests/cli/clickhouse.sh runs one).
#include "store/clickhouse_store.h"

#include <gtest/gtest.h>

namespace parallax::store {
namespace {

TEST(TabSeparated, FieldsAreUnescapedInPlace) {
  std::string answer = "a\tb\\tc\t\n\\\\x\\ny\t\\'q\\'\t3\n";
  auto f = TabSeparated(answer, 3);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->size(), 6u);
  EXPECT_EQ((*f)[0], "a");
  EXPECT_EQ((*f)[1], "b\tc");
  EXPECT_EQ((*f)[2], "");
  EXPECT_EQ((*f)[3], "\\x\ny");
  EXPECT_EQ((*f)[4], "'q'");
  EXPECT_EQ((*f)[5], "3");
}

TEST(TabSeparated, LastLineWithoutNewlineAndEmptyAnswer) {
  std::string answer = "x\ty";
  auto f = TabSeparated(answer, 2);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->size(), 2u);
  std::string empty;
  auto none = TabSeparated(empty, 2);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(TabSeparated, AWrongNumberOfFieldsNamesTheLine) {
  std::string answer = "a\tb\nc\n";
  auto f = TabSeparated(answer, 2);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("line 2"), std::string::npos) << f.status().message();
}

}  // namespace
}  // namespace parallax::store
