// Rule tables from data/ compiled into the binary (cmake/Embed.cmake).
#pragma once

#include <string_view>

namespace parallax {

// The bytes of data/<name> (e.g. "abbreviations.tsv"), or empty when there is no such file.
std::string_view EmbeddedData(std::string_view name);

// Calls `f(line)` for each line of an embedded table, skipping empty lines and # comments.
template <typename F>
void ForEachDataLine(std::string_view data, F&& f) {
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f(line);
  }
}

}  // namespace parallax
