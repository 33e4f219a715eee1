#include "cli/output.h"

#include <unistd.h>

#include <fmt/format.h>

#include "text/utf8.h"

namespace parallax::cli {

Result<Format> ParseFormat(const std::string& name) {
  if (name.empty()) return isatty(STDOUT_FILENO) ? Format::kTable : Format::kJsonl;
  if (name == "table") return Format::kTable;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  return Status::InvalidInput(fmt::format("unknown format '{}' (table, jsonl, csv or json)", name));
}

size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = text::DecodeUtf8(s, i);
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFD);
    bool zero = (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B;
    w += zero ? 0 : wide ? 2 : 1;
  }
  return w;
}

namespace {

std::string Cell(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// Cuts a cell to `max` display columns, ending with "…".
std::string Clip(const std::string& s, size_t max) {
  if (DisplayWidth(s) <= max) return s;
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    text::DecodeUtf8(s, i);
    std::string ch = s.substr(start, i - start);
    size_t cw = DisplayWidth(ch);
    if (w + cw + 1 > max) break;
    out += ch;
    w += cw;
  }
  return out + "…";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void Print(const Rows& r, Format format, std::FILE* out) {
  switch (format) {
    case Format::kJsonl:
    case Format::kJson: {
      if (format == Format::kJson) std::fputs("[", out);
      bool first = true;
      for (const auto& row : r.rows) {
        nlohmann::json obj = nlohmann::json::object();
        for (size_t i = 0; i < r.columns.size() && i < row.size(); ++i) obj[r.columns[i]] = row[i];
        std::string line = obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (format == Format::kJson) {
          fmt::print(out, "{}\n  {}", first ? "" : ",", line);
        } else {
          fmt::print(out, "{}\n", line);
        }
        first = false;
      }
      if (format == Format::kJson) std::fputs(r.rows.empty() ? "]\n" : "\n]\n", out);
      return;
    }
    case Format::kCsv: {
      for (size_t i = 0; i < r.columns.size(); ++i) fmt::print(out, "{}{}", i ? "," : "", CsvField(r.columns[i]));
      std::fputs("\n", out);
      for (const auto& row : r.rows) {
        for (size_t i = 0; i < row.size(); ++i) fmt::print(out, "{}{}", i ? "," : "", CsvField(Cell(row[i])));
        std::fputs("\n", out);
      }
      return;
    }
    case Format::kTable: {
      constexpr size_t kMaxCell = 60;
      std::vector<size_t> width(r.columns.size());
      std::vector<std::vector<std::string>> cells;
      for (size_t i = 0; i < r.columns.size(); ++i) width[i] = DisplayWidth(r.columns[i]);
      for (const auto& row : r.rows) {
        std::vector<std::string> line;
        for (size_t i = 0; i < row.size(); ++i) {
          std::string c = Cell(row[i]);
          for (char& ch : c) {
            if (ch == '\n' || ch == '\t') ch = ' ';
          }
          c = Clip(c, kMaxCell);
          width[i] = std::max(width[i], DisplayWidth(c));
          line.push_back(std::move(c));
        }
        cells.push_back(std::move(line));
      }
      auto print_line = [&](const std::vector<std::string>& line) {
        std::string s;
        for (size_t i = 0; i < line.size(); ++i) {
          s += line[i];
          if (i + 1 < line.size()) s += std::string(width[i] - DisplayWidth(line[i]) + 2, ' ');
        }
        fmt::print(out, "{}\n", s);
      };
      print_line(r.columns);
      std::vector<std::string> rule;
      for (size_t w : width) rule.push_back(std::string(w, '-'));
      print_line(rule);
      for (const auto& line : cells) print_line(line);
      return;
    }
  }
}

}  // namespace parallax::cli
