// StringScan: every occurrence of a fixed list of strings in a text, found in one pass. Each
// position of the text is looked up by its first bytes (up to three: one CJK character), where
// searching the text once per string costs a pass per string; a list of Chinese verbs and nouns
// has dozens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parallax {

class StringScan {
 public:
  explicit StringScan(std::vector<std::string> strings) : strings_(std::move(strings)) {
    for (size_t k = 0; k < strings_.size(); ++k) {
      const std::string& s = strings_[k];
      if (s.empty()) continue;
      size_t n = HeadLength(s);
      leads_[static_cast<unsigned char>(s[0])] = true;
      has_head_[n] = true;
      by_head_[n][Head(s, n)].push_back(static_cast<int>(k));
    }
  }

  const std::vector<std::string>& strings() const { return strings_; }

  // positions[k]: where strings()[k] occurs in `text`, ascending; no positions at all (an
  // empty vector) when no byte of `text` starts any of the strings. Occurrences of one string do
  // not overlap (each search resumes after the last match, as repeated find() does), unless
  // `overlapping` (each resumes one byte after the last match's start).
  std::vector<std::vector<size_t>> Find(std::string_view text, bool overlapping = false) const {
    size_t i = 0;
    while (i < text.size() && !leads_[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) return {};
    std::vector<std::vector<size_t>> positions(strings_.size());
    std::vector<size_t> next(strings_.size(), 0);  // where each string may match again
    for (; i < text.size(); ++i) {
      if (!leads_[static_cast<unsigned char>(text[i])]) continue;
      for (size_t n = 1; n <= 3; ++n) {
        if (!has_head_[n] || i + n > text.size()) continue;
        auto it = by_head_[n].find(Head(text.substr(i), n));
        if (it == by_head_[n].end()) continue;
        for (int k : it->second) {
          const std::string& s = strings_[static_cast<size_t>(k)];
          if (i < next[static_cast<size_t>(k)] || text.substr(i, s.size()) != s) continue;
          positions[static_cast<size_t>(k)].push_back(i);
          next[static_cast<size_t>(k)] = overlapping ? i + 1 : i + s.size();
        }
      }
    }
    return positions;
  }

 private:
  static size_t HeadLength(std::string_view s) { return s.size() < 3 ? s.size() : 3; }
  static uint32_t Head(std::string_view s, size_t n) {
    uint32_t h = 0;
    for (size_t i = 0; i < n; ++i) h = (h << 8) | static_cast<unsigned char>(s[i]);
    return h;
  }

  std::vector<std::string> strings_;
  bool leads_[256] = {};                                     // first bytes of the strings
  bool has_head_[4] = {false, false, false, false};          // head lengths in use
  std::unordered_map<uint32_t, std::vector<int>> by_head_[4];  // head length -> first bytes -> strings
};

}  // namespace parallax
