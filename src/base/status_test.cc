#include "base/status.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

Result<int> Half(int x) {
  if (x % 2) return Status::InvalidInput("odd", Where{.source = "in.jsonl", .record = 3});
  return x / 2;
}

Result<int> Quarter(int x) {
  PLX_ASSIGN_OR_RETURN(int h, Half(x));
  PLX_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(Status, CarriesWhatAndWhere) {
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().ToString(), "odd: in.jsonl, record 3");
  EXPECT_EQ(*Quarter(8), 2);
}

TEST(Status, WithWhereFillsOnlyMissingParts) {
  Status s = Status::Corrupt("bad", Where{.field = "text"});
  Status t = s.WithWhere(Where{.source = "a.html", .record = 1, .field = "title"});
  EXPECT_EQ(t.where().field, "text");
  EXPECT_EQ(t.where().source, "a.html");
  EXPECT_EQ(t.ToString(), "bad: a.html, record 1, field text");
}

}  // namespace
}  // namespace parallax
