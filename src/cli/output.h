// Output of listing commands: table (on a TTY), jsonl (otherwise), csv or json.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace parallax::cli {

enum class Format { kTable, kJsonl, kCsv, kJson };

// "" picks table on a TTY and jsonl otherwise.
Result<Format> ParseFormat(const std::string& name);

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<nlohmann::json>> rows;
};

void Print(const Rows& rows, Format format, std::FILE* out = stdout);

// Display width of UTF-8 text in a terminal (East Asian wide characters count two).
size_t DisplayWidth(const std::string& s);

}  // namespace parallax::cli
