#include "base/date.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(ParseDate, RegionalForms) {
  const struct {
    std::string_view in, want;
  } kCases[] = {
      {"2024-09-16", "2024-09-16"},
      {"2024-09-16T10:00+02:00", "2024-09-16T10:00:00+02:00"},
      {"2024-09-16T10:00:05.123Z", "2024-09-16T10:00:05Z"},
      {"2024-09-16 10:00:05", "2024-09-16T10:00:05"},
      {"16.09.2024.", "2024-09-16"},
      {"16. 9. 2024", "2024-09-16"},
      {"16. septembar 2024.", "2024-09-16"},
      {"16. septembra 2024.", "2024-09-16"},
      {"16. rujna 2024.", "2024-09-16"},
      {"16 shtator 2024", "2024-09-16"},
      {"16 nëntor 2024", "2024-11-16"},
      {"16. септембар 2024.", "2024-09-16"},
      {"2024年9月16日", "2024-09-16"},
      {"September 16, 2024", "2024-09-16"},
      {"Mon, 16 Sep 2024 10:00:00 +0200", "2024-09-16T10:00:00+02:00"},
      {"Mon, 16 Sep 2024 08:00:00 GMT", "2024-09-16T08:00:00Z"},
      {"29.02.2024", "2024-02-29"},
  };
  for (const auto& c : kCases) {
    Result<Date> d = ParseDate(c.in);
    ASSERT_TRUE(d.ok()) << c.in << ": " << d.status().ToString();
    EXPECT_EQ(d->ToIso(), c.want) << c.in;
  }
}

TEST(ParseDate, RejectsNonsense) {
  for (std::string_view bad : {"", "yesterday", "31.02.2024", "2024-13-01", "32. septembar 2024",
                               "29.02.2023", "1066-10-14", "2024-09-16T25:00", "12/12",
                               "16 blah 2024", "2024-09-16T10:00+99:00"}) {
    EXPECT_FALSE(ParseDate(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace parallax
