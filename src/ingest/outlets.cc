#include "ingest/outlets.h"

#include <algorithm>

#include "base/strings.h"
#include "base/yaml.h"
#include "ingest/reader.h"

namespace parallax::ingest {

Result<std::vector<Outlet>> ParseOutlets(std::string_view yaml, const std::string& source) {
  Result<YamlNode> root = ParseYaml(yaml);
  if (!root.ok()) {
    return Status::InvalidInput("invalid YAML: " + root.status().message(),
                                Where{.source = source, .record = root.status().where().record});
  }
  const YamlNode& list = root->IsMap() ? (*root)["outlets"] : *root;
  if (!list.IsSequence()) {
    return Status::InvalidInput("expected a list of outlets (under 'outlets:')", Where{.source = source});
  }
  std::vector<Outlet> out;
  int64_t index = 0;
  for (const YamlNode& n : list.items()) {
    ++index;
    if (!n.IsMap() || !n["name"].IsScalar()) {
      return Status::InvalidInput("outlet without a name", Where{.source = source, .record = index});
    }
    Outlet o;
    o.name = n["name"].scalar();
    o.domains = ScalarList(n["domains"]);
    for (std::string& d : o.domains) d = HostOf(d);
    o.country = n["country"].scalar();
    o.lang = n["lang"].scalar();
    o.tags = ScalarList(n["tags"]);
    o.feeds = ScalarList(n["feeds"]);
    for (std::string& m : ScalarList(n["sitemap"])) o.feeds.push_back(std::move(m));  // told apart when fetched
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<Outlet>> LoadOutlets(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError("cannot open outlets file", Where{.source = path});
  std::string data;
  char buf[1 << 14];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  std::fclose(f);
  return ParseOutlets(data, path);
}

void OutletRegistry::Add(Outlet outlet) {
  for (Outlet& o : outlets_) {
    if (AsciiLower(o.name) == AsciiLower(outlet.name)) {
      o = std::move(outlet);
      return;
    }
  }
  outlets_.push_back(std::move(outlet));
}

const Outlet* OutletRegistry::FindByName(std::string_view name) const {
  std::string want = AsciiLower(name);
  for (const Outlet& o : outlets_) {
    if (AsciiLower(o.name) == want) return &o;
  }
  return nullptr;
}

const Outlet* OutletRegistry::FindByUrl(std::string_view url) const {
  std::string host = HostOf(url);
  // news.example.rs matches a registered example.rs.
  while (!host.empty()) {
    for (const Outlet& o : outlets_) {
      if (std::find(o.domains.begin(), o.domains.end(), host) != o.domains.end()) return &o;
    }
    size_t dot = host.find('.');
    if (dot == std::string::npos) break;
    host = host.substr(dot + 1);
    if (host.find('.') == std::string::npos) break;  // never match a bare TLD
  }
  return nullptr;
}

}  // namespace parallax::ingest
