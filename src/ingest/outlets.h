// Outlet registry: names, domains, country, language and tags (pro-government, independent,
// state-media, public-broadcaster, wire-agency...), loaded from YAML:
//
//   outlets:
//     - name: Example Daily
//       domains: [example-daily.rs]
//       country: RS
//       lang: sr
//       tags: [independent]
//
// A URL's host (or any parent domain of it) finds its outlet; names match case-insensitively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/article.h"
#include "base/status.h"

namespace parallax::ingest {

Result<std::vector<Outlet>> LoadOutlets(const std::string& path);
Result<std::vector<Outlet>> ParseOutlets(std::string_view yaml, const std::string& source);

class OutletRegistry {
 public:
  void Add(Outlet outlet);  // replaces an outlet of the same name
  const Outlet* FindByName(std::string_view name) const;
  const Outlet* FindByUrl(std::string_view url) const;
  const std::vector<Outlet>& all() const { return outlets_; }

 private:
  std::vector<Outlet> outlets_;
};

}  // namespace parallax::ingest
