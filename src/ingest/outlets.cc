#include "ingest/outlets.h"

#include <algorithm>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "base/strings.h"
#include "ingest/reader.h"

namespace parallax::ingest {
namespace {

std::vector<std::string> StringList(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
  } else if (n.IsSequence()) {
    for (const auto& e : n) out.push_back(e.as<std::string>());
  }
  return out;
}

}  // namespace

Result<std::vector<Outlet>> ParseOutlets(std::string_view yaml, const std::string& source) try {
  YAML::Node root = YAML::Load(std::string(yaml));
  YAML::Node list = root.IsMap() ? root["outlets"] : root;
  if (!list || !list.IsSequence()) {
    return Status::InvalidInput("expected a list of outlets (under 'outlets:')", Where{.source = source});
  }
  std::vector<Outlet> out;
  int64_t index = 0;
  for (const auto& n : list) {
    ++index;
    if (!n.IsMap() || !n["name"]) {
      return Status::InvalidInput("outlet without a name", Where{.source = source, .record = index});
    }
    Outlet o;
    o.name = n["name"].as<std::string>();
    o.domains = StringList(n["domains"]);
    for (std::string& d : o.domains) d = HostOf(d);
    if (n["country"]) o.country = n["country"].as<std::string>();
    if (n["lang"]) o.lang = n["lang"].as<std::string>();
    o.tags = StringList(n["tags"]);
    o.feeds = StringList(n["feeds"]);
    for (std::string& m : StringList(n["sitemap"])) o.feeds.push_back(std::move(m));  // told apart when fetched
    out.push_back(std::move(o));
  }
  return out;
} catch (const YAML::Exception& e) {
  return Status::InvalidInput(fmt::format("invalid YAML: {}", e.msg),
                              Where{.source = source, .record = e.mark.line >= 0 ? e.mark.line + 1 : -1});
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
