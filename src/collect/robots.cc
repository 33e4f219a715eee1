#include "collect/robots.h"

#include <cstdlib>

#include "base/strings.h"

namespace parallax::collect {

bool RobotsMatch(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Greedy matching with backtracking over the last "*" (patterns are short).
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      mark = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p, ++s;
      continue;
    }
    if (star == std::string_view::npos || mark >= path.size()) return false;
    p = star + 1;
    s = ++mark;
  }
}

Robots Robots::DisallowAll() {
  Robots r;
  r.rules_.push_back({"/", false});
  return r;
}

Robots Robots::Parse(std::string_view text, std::string_view agent) {
  std::string want = AsciiLower(agent);
  Robots mine, any;
  bool have_mine = false, have_any = false;
  // The group being read: which agents it names, and whether a rule line has ended its agent list.
  bool group_mine = false, group_any = false, in_rules = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = AsciiLower(TrimAscii(line.substr(0, colon)));
    std::string_view value = TrimAscii(line.substr(colon + 1));
    if (key == "user-agent") {
      if (in_rules) group_mine = group_any = in_rules = false;
      std::string v = AsciiLower(value);
      if (v == "*") {
        group_any = true;
      } else if (!v.empty() && want.find(v) != std::string::npos) {
        group_mine = true;
      }
      have_mine |= group_mine;
      have_any |= group_any;
      continue;
    }
    if (key != "allow" && key != "disallow" && key != "crawl-delay") continue;
    in_rules = true;
    if (!group_mine && !group_any) continue;
    for (Robots* target : {group_mine ? &mine : nullptr, group_any ? &any : nullptr}) {
      if (target == nullptr) continue;
      if (key == "crawl-delay") {
        double d = std::strtod(std::string(value).c_str(), nullptr);
        target->crawl_delay_ = d > 0 ? d : 0;
      } else if (!value.empty()) {  // an empty Disallow allows everything
        target->rules_.push_back({std::string(value), key == "allow"});
      }
    }
  }
  if (have_mine) return mine;
  if (have_any) return any;
  return Robots();
}

bool Robots::Allowed(std::string_view path) const {
  if (path == "/robots.txt") return true;
  size_t best = 0;
  bool allowed = true, matched = false;
  for (const Rule& r : rules_) {
    if (!RobotsMatch(r.pattern, path)) continue;
    size_t len = r.pattern.size();
    if (!matched || len > best || (len == best && r.allow)) {
      best = len;
      allowed = r.allow;
      matched = true;
    }
  }
  return allowed;
}

}  // namespace parallax::collect
