// Publication dates as the region writes them, parsed into ISO 8601.
//
// Accepted: ISO 8601 dates and date-times (with T or a space, optional seconds, fractions and
// zone), RFC 822/1123 (RSS pubDate), `16.09.2024.`, `16. 9. 2024`, `16. septembar 2024.`,
// `16. rujna 2024.`, `16 shtator 2024`, `16 September 2024`, `September 16, 2024`,
// `16. септембар 2024.`, `2024年9月16日`. Month names in English, Serbian (both scripts),
// Croatian, Bosnian, Albanian and Macedonian. Years 1900..2100; impossible days are rejected.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

#include "base/status.h"

namespace parallax {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  // Time and zone as written, when given; `has_time` false for a bare date.
  bool has_time = false;
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_zone = false;
  int zone_minutes = 0;  // east of UTC

  // "2024-09-16" or "2024-09-16T10:00:00+02:00" (or "...Z" / no zone as given).
  std::string ToIso() const;
  // "2024-09-16": the calendar day as written at the place of publication.
  std::string Day() const;
  friend bool operator==(const Date&, const Date&) = default;
};

// Parses `text` (surrounding white space ignored). kInvalidInput names what was wrong.
Result<Date> ParseDate(std::string_view text);

// Today's date in UTC, as "YYYY-MM-DD".
std::string TodayIso();

// A moment in UTC through strftime's `format`; by default ISO 8601 ("2026-11-29T01:16:33Z").
std::string FormatUtc(std::time_t t, const char* format = "%Y-%m-%dT%H:%M:%SZ");
// Now, `offset_seconds` ahead, as ISO 8601 UTC.
std::string UtcIso(double offset_seconds = 0);

}  // namespace parallax
