#include <cmath>
#include "base/date.h"

#include <array>
#include <cctype>
#include <ctime>
#include <optional>
#include <vector>

#include <fmt/format.h>

namespace parallax {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

Status Validate(const Date& d, std::string_view text) {
  if (d.year < 1900 || d.year > 2100) {
    return Status::InvalidInput(fmt::format("year out of range 1900..2100 in date '{}'", text));
  }
  if (d.month < 1 || d.month > 12) {
    return Status::InvalidInput(fmt::format("no month {} in date '{}'", d.month, text));
  }
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return Status::InvalidInput(fmt::format("no day {} in month {} of date '{}'", d.day, d.month, text));
  }
  if (d.hour > 23 || d.minute > 59 || d.second > 60) {
    return Status::InvalidInput(fmt::format("impossible time in date '{}'", text));
  }
  if (d.zone_minutes < -14 * 60 || d.zone_minutes > 14 * 60) {
    return Status::InvalidInput(fmt::format("impossible time zone in date '{}'", text));
  }
  return Status::Ok();
}

// Month names by prefix (lowercase; ASCII folded, other letters as written). The first prefix
// that a word starts with wins; the list is ordered so that longer, more specific keys come first.
struct MonthKey {
  std::string_view prefix;
  int month;
};
constexpr MonthKey kMonths[] = {
    // Croatian and Bosnian (Croatian-style) names and their genitives.
    {"siječ", 1}, {"sijec", 1}, {"veljač", 2}, {"veljac", 2}, {"ožuj", 3}, {"ozuj", 3},
    {"travan", 4}, {"travnj", 4}, {"sviban", 5}, {"svibnj", 5}, {"lipan", 6}, {"lipnj", 6},
    {"srpan", 7}, {"srpnj", 7}, {"kolovoz", 8}, {"rujan", 9}, {"rujn", 9}, {"listopad", 10},
    {"studen", 11}, {"prosin", 12},
    // Albanian.
    {"janar", 1}, {"shkurt", 2}, {"prill", 4}, {"qershor", 6}, {"korrik", 7}, {"gusht", 8},
    {"shtator", 9}, {"tetor", 10}, {"nëntor", 11}, {"nentor", 11}, {"dhjetor", 12},
    // English and Serbian Latin (januar, februar, mart, april, maj, jun, jul, avgust,
    // septembar, oktobar, novembar, decembar and their genitives).
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"may", 5}, {"maj", 5}, {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"avg", 8}, {"sep", 9}, {"oct", 10}, {"okt", 10}, {"nov", 11},
    {"dec", 12},
    // Serbian and Macedonian Cyrillic.
    {"јан", 1}, {"феб", 2}, {"мар", 3}, {"апр", 4}, {"мај", 5}, {"јун", 6}, {"јул", 7},
    {"авг", 8}, {"сеп", 9}, {"окт", 10}, {"нов", 11}, {"дец", 12},
    {"Јан", 1}, {"Феб", 2}, {"Мар", 3}, {"Апр", 4}, {"Мај", 5}, {"Јун", 6}, {"Јул", 7},
    {"Авг", 8}, {"Сеп", 9}, {"Окт", 10}, {"Нов", 11}, {"Дец", 12},
};

constexpr std::string_view kIgnoredWords[] = {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "gmt", "utc", "ut", "z", "at", "u", "në",
    "ne", "am", "pm"};

std::optional<int> MonthOf(std::string_view word) {
  for (const MonthKey& k : kMonths) {
    if (word.size() >= k.prefix.size() && word.substr(0, k.prefix.size()) == k.prefix &&
        word.size() <= k.prefix.size() + 16) {
      return k.month;
    }
  }
  return std::nullopt;
}

bool IsIgnored(std::string_view word) {
  for (std::string_view w : kIgnoredWords) {
    if (word.size() >= 3 && w.size() == 3 && word.substr(0, 3) == w) return true;  // weekdays
    if (word == w) return true;
  }
  return false;
}

struct Token {
  enum Kind { kNumber, kWord, kTime, kZone } kind = kNumber;
  int value = 0;
  int digits = 0;
  std::string word;
  int hour = 0, minute = 0, second = 0;
};

int ReadInt(std::string_view s, size_t& i, int max_digits, int* digits) {
  int v = 0;
  int n = 0;
  while (i < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[i]))) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  if (digits) *digits = n;
  return v;
}

// ISO 8601: YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][Z|±HH[:MM]]].
std::optional<Date> ParseIso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  }
  Date d;
  size_t i = 0;
  d.year = ReadInt(s, i, 4, nullptr);
  i = 5;
  d.month = ReadInt(s, i, 2, nullptr);
  i = 8;
  d.day = ReadInt(s, i, 2, nullptr);
  i = 10;
  if (i == s.size()) return d;
  if (s[i] != 'T' && s[i] != ' ' && s[i] != 't') return std::nullopt;
  ++i;
  int n = 0;
  d.hour = ReadInt(s, i, 2, &n);
  if (n != 2 || i >= s.size() || s[i] != ':') return std::nullopt;
  ++i;
  d.minute = ReadInt(s, i, 2, &n);
  if (n != 2) return std::nullopt;
  d.has_time = true;
  if (i < s.size() && s[i] == ':') {
    ++i;
    d.second = ReadInt(s, i, 2, &n);
    if (n != 2) return std::nullopt;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i == s.size()) return d;
  if (s[i] == 'Z' || s[i] == 'z') {
    d.has_zone = true;
    return i + 1 == s.size() ? std::optional<Date>(d) : std::nullopt;
  }
  if (s[i] != '+' && s[i] != '-') return std::nullopt;
  int sign = s[i] == '-' ? -1 : 1;
  ++i;
  int zh = ReadInt(s, i, 2, &n);
  if (n != 2) return std::nullopt;
  int zm = 0;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size()) {
    zm = ReadInt(s, i, 2, &n);
    if (n != 2) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  d.has_zone = true;
  d.zone_minutes = sign * (zh * 60 + zm);
  return d;
}

// 2024年9月16日 (optionally followed by a time such as 10:00 or 10时).
std::optional<Date> ParseChinese(std::string_view s) {
  constexpr std::string_view kYear = "年", kMonth = "月", kDay = "日";
  size_t i = 0;
  int n = 0;
  Date d;
  d.year = ReadInt(s, i, 4, &n);
  if (n != 4 || s.substr(i, kYear.size()) != kYear) return std::nullopt;
  i += kYear.size();
  d.month = ReadInt(s, i, 2, &n);
  if (n == 0 || s.substr(i, kMonth.size()) != kMonth) return std::nullopt;
  i += kMonth.size();
  d.day = ReadInt(s, i, 2, &n);
  if (n == 0 || s.substr(i, kDay.size()) != kDay) return std::nullopt;
  i += kDay.size();
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size()) {
    int h = ReadInt(s, i, 2, &n);
    if (n > 0 && i < s.size() && s[i] == ':') {
      ++i;
      d.minute = ReadInt(s, i, 2, &n);
      d.hour = h;
      d.has_time = n == 2;
    }
  }
  return d;
}

std::optional<std::vector<Token>> Tokenize(std::string_view s, std::string* error) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) {
      Token t;
      t.kind = Token::kNumber;
      t.value = ReadInt(s, i, 9, &t.digits);
      if (i + 1 < s.size() && s[i] == ':' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
        ++i;
        t.kind = Token::kTime;
        t.hour = t.value;
        t.minute = ReadInt(s, i, 2, nullptr);
        if (i + 1 < s.size() && s[i] == ':' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
          ++i;
          t.second = ReadInt(s, i, 2, nullptr);
        }
      }
      out.push_back(t);
    } else if ((c == '+' || c == '-') && !out.empty() && out.back().kind == Token::kTime &&
               i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      int sign = c == '-' ? -1 : 1;
      ++i;
      int n = 0;
      int hh = ReadInt(s, i, 2, &n);
      int mm = 0;
      if (i < s.size() && s[i] == ':') ++i;
      if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) mm = ReadInt(s, i, 2, nullptr);
      Token t;
      t.kind = Token::kZone;
      t.value = sign * (hh * 60 + mm);
      out.push_back(t);
    } else if (std::isalpha(c) || c >= 0x80) {
      Token t;
      t.kind = Token::kWord;
      while (i < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[i]);
        if (!(std::isalpha(d) || d >= 0x80)) break;
        t.word += static_cast<char>(std::tolower(d));
        ++i;
      }
      if (t.word.size() > 40) {
        *error = "a word too long for a date";
        return std::nullopt;
      }
      out.push_back(std::move(t));
    } else if (c == '.' || c == ',' || c == '/' || c == ' ' || c == '-' || c == '\t') {
      ++i;
    } else {
      *error = fmt::format("unexpected character '{}'", static_cast<char>(c));
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace

std::string Date::ToIso() const {
  std::string out = Day();
  if (!has_time) return out;
  out += fmt::format("T{:02}:{:02}:{:02}", hour, minute, second);
  if (!has_zone) return out;
  if (zone_minutes == 0) return out + "Z";
  int z = zone_minutes < 0 ? -zone_minutes : zone_minutes;
  return out + fmt::format("{}{:02}:{:02}", zone_minutes < 0 ? '-' : '+', z / 60, z % 60);
}

std::string Date::Day() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

Result<Date> ParseDate(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return Status::InvalidInput("empty date");
  if (s.size() > 64) return Status::InvalidInput("date longer than 64 bytes");

  std::optional<Date> d = ParseIso(s);
  if (!d) d = ParseChinese(s);
  if (!d) {
    std::string error;
    std::optional<std::vector<Token>> tokens = Tokenize(s, &error);
    if (!tokens) return Status::InvalidInput(fmt::format("unreadable date '{}': {}", s, error));
    std::vector<int> numbers;
    std::vector<int> digit_counts;
    int month_word = 0;
    int month_word_position = -1;
    Date out;
    for (const Token& t : *tokens) {
      switch (t.kind) {
        case Token::kNumber:
          numbers.push_back(t.value);
          digit_counts.push_back(t.digits);
          break;
        case Token::kTime:
          out.has_time = true;
          out.hour = t.hour;
          out.minute = t.minute;
          out.second = t.second;
          break;
        case Token::kZone:
          out.has_zone = true;
          out.zone_minutes = t.value;
          break;
        case Token::kWord: {
          if (std::optional<int> m = MonthOf(t.word); m && month_word == 0) {
            month_word = *m;
            month_word_position = static_cast<int>(numbers.size());
          } else if (t.word == "gmt" || t.word == "utc" || t.word == "ut" || t.word == "z") {
            out.has_zone = out.has_time;
          } else if (!IsIgnored(t.word)) {
            return Status::InvalidInput(fmt::format("unreadable date '{}': unknown word '{}'", s, t.word));
          }
          break;
        }
      }
    }
    if (month_word != 0) {
      // D Month Y (16. septembar 2024, 16 shtator 2024) or Month D, Y (September 16, 2024).
      if (numbers.size() != 2) return Status::InvalidInput(fmt::format("unreadable date '{}'", s));
      out.month = month_word;
      out.day = numbers[0];
      out.year = numbers[1];
      if (digit_counts[1] != 4 || (month_word_position == 0 && digit_counts[0] > 2) ||
          (month_word_position == 1 && digit_counts[0] > 2)) {
        return Status::InvalidInput(fmt::format("unreadable date '{}'", s));
      }
    } else {
      // D.M.Y (16.09.2024.), or Y M D with a four-digit year first.
      if (numbers.size() != 3) return Status::InvalidInput(fmt::format("unreadable date '{}'", s));
      if (digit_counts[0] == 4) {
        out.year = numbers[0];
        out.month = numbers[1];
        out.day = numbers[2];
      } else if (digit_counts[2] == 4) {
        out.day = numbers[0];
        out.month = numbers[1];
        out.year = numbers[2];
        if (out.month > 12 && out.day <= 12) std::swap(out.day, out.month);  // 09/16/2024
      } else {
        return Status::InvalidInput(fmt::format("unreadable date '{}': no four-digit year", s));
      }
    }
    d = out;
  }
  PLX_RETURN_IF_ERROR(Validate(*d, s));
  return *d;
}

std::string TodayIso() { return FormatUtc(std::time(nullptr), "%Y-%m-%d"); }

std::string FormatUtc(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

std::string UtcIso(double offset_seconds) {
  return FormatUtc(std::time(nullptr) + static_cast<std::time_t>(std::ceil(offset_seconds)));
}

}  // namespace parallax
