// Rule tables from data/ compiled into the binary (cmake/Embed.cmake).
#pragma once

#include <string_view>

namespace parallax {

// The bytes of data/<name> (e.g. "abbreviations.tsv"), or empty when there is no such file.
std::string_view EmbeddedData(std::string_view name);

}  // namespace parallax
