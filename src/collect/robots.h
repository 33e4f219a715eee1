// robots.txt as RFC 9309 reads it: the group for our product token (else "*"), the longest
// matching rule wins and Allow wins a tie, "*" and "$" in patterns; Crawl-delay is honoured too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parallax::collect {

class Robots {
 public:
  // Rules of `text` for `agent` (the product token, e.g. "Parallax"; matched case-insensitively).
  static Robots Parse(std::string_view text, std::string_view agent);
  static Robots AllowAll() { return Robots(); }
  static Robots DisallowAll();

  // `path` is the URL's path and query ("/a/b?c").
  bool Allowed(std::string_view path) const;
  double crawl_delay() const { return crawl_delay_; }  // seconds; 0 when none is set

 private:
  struct Rule {
    std::string pattern;
    bool allow;
  };
  std::vector<Rule> rules_;
  double crawl_delay_ = 0;
};

// Whether `pattern` (robots.txt syntax, "*" and a final "$") matches the start of `path`.
bool RobotsMatch(std::string_view pattern, std::string_view path);

}  // namespace parallax::collect
