#include "entities/pack.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/date.h"
#include "base/embedded.h"
#include "base/yaml.h"
#include "text/fold.h"

namespace parallax::entities {
namespace {

EntityType ParseType(const std::string& t) {
  if (t == "person") return EntityType::kPerson;
  if (t == "org" || t == "organisation" || t == "organization") return EntityType::kOrg;
  if (t == "place" || t == "location") return EntityType::kPlace;
  if (t == "outlet") return EntityType::kOutlet;
  if (t == "topic") return EntityType::kTopic;
  if (t == "role") return EntityType::kRole;
  return EntityType::kOther;
}

std::vector<Alias> ParseAliases(const YamlNode& n, const std::vector<std::string>& weak) {
  std::vector<Alias> out;
  for (const auto& [lang, texts] : n.entries()) {
    for (const std::string& text : ScalarList(texts)) {
      bool is_weak = std::find(weak.begin(), weak.end(), text) != weak.end();
      out.push_back({lang, text, is_weak});
    }
  }
  return out;
}

std::string DateString(const YamlNode& n) {
  // A date as written: 2017-05-31, or a year (2012) or a month (2020-04) for its first day.
  std::string s = n.scalar();
  if (s.size() == 4) s += "-01-01";
  if (s.size() == 7) s += "-01";
  return s;
}

}  // namespace

std::string_view TypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrg: return "org";
    case EntityType::kPlace: return "place";
    case EntityType::kOutlet: return "outlet";
    case EntityType::kTopic: return "topic";
    case EntityType::kRole: return "role";
    case EntityType::kOther: return "other";
  }
  return "other";
}

bool Role::ValidOn(std::string_view day) const {
  if (day.empty()) return to.empty();
  if (!from.empty() && day < std::string_view(from)) return false;
  if (!to.empty() && day >= std::string_view(to)) return false;
  // An open-ended role is known to hold only up to today: packs cannot know who will hold an
  // office later, so a future date resolves to nobody rather than to today's holder.
  if (to.empty() && day > std::string_view(TodayIso())) return false;
  return true;
}

Status Knowledge::AddPack(std::string_view yaml, const std::string& source) {
  Result<YamlNode> parsed = ParseYaml(yaml);
  if (!parsed.ok()) {
    return Status::InvalidInput("invalid pack: " + parsed.status().message(),
                                Where{.source = source, .record = parsed.status().where().record});
  }
  const YamlNode& root = *parsed;
  if (!root.IsMap()) return Status::InvalidInput("a pack is a YAML map with 'entities:'", Where{.source = source});
  int64_t record = 0;
  // The fields read as text must be text where present (not a list or a map).
  auto texts = [&](const YamlNode& n, std::initializer_list<std::string_view> keys) {
    return std::all_of(keys.begin(), keys.end(), [&](std::string_view k) { return !n[k] || n[k].IsScalar(); });
  };
  for (const YamlNode& n : root["entities"].items()) {
    ++record;
    if (!n.IsMap() || !n["id"]) {
      return Status::InvalidInput("entity without an id", Where{.source = source, .record = record});
    }
    if (!texts(n, {"id", "type", "name", "gender", "country", "lang"})) {
      return Status::InvalidInput("id, type, name, gender, country and lang are text", Where{.source = source, .record = record});
    }
    Entity e;
    e.id = n["id"].scalar();
    e.type = ParseType(n["type"] ? n["type"].scalar() : "other");
    e.name = n["name"] ? n["name"].scalar() : e.id;
    e.aliases = ParseAliases(n["aliases"], ScalarList(n["weak"]));
    e.tags = ScalarList(n["tags"]);
    e.domains = ScalarList(n["domains"]);
    e.feeds = ScalarList(n["feeds"]);
    e.gender = n["gender"].scalar();
    e.country = n["country"].scalar();
    e.lang = n["lang"].scalar();
    for (const YamlNode& r : n["roles"].items()) {
      if (!r["org"] || !r["title"] || !texts(r, {"org", "title", "from", "to"})) {
        return Status::InvalidInput(fmt::format("role of {} needs org and title", e.id), Where{.source = source, .record = record});
      }
      e.roles.push_back({r["org"].scalar(), r["title"].scalar(), DateString(r["from"]), DateString(r["to"])});
    }
    auto it = index_.find(e.id);
    if (it == index_.end()) {
      index_.emplace(e.id, entities_.size());
      entities_.push_back(std::move(e));
    } else {
      // A later pack extends an entity: more aliases, roles and tags; the first name stays
      // unless the earlier one was generated (a world pack's English name).
      Entity& x = entities_[it->second];
      for (Alias& a : e.aliases) {
        bool known = std::any_of(x.aliases.begin(), x.aliases.end(),
                                 [&](const Alias& b) { return b.lang == a.lang && b.text == a.text; });
        if (!known) x.aliases.push_back(std::move(a));
      }
      x.roles.insert(x.roles.end(), e.roles.begin(), e.roles.end());
      x.tags.insert(x.tags.end(), e.tags.begin(), e.tags.end());
      if (x.type == EntityType::kOther) x.type = e.type;
    }
  }
  for (const YamlNode& r : root["roles"].items()) {
    ++record;
    if (!r["id"] || !r["org"] || !r["title"] || !texts(r, {"id", "org", "title"})) {
      return Status::InvalidInput("role phrase needs id, org and title", Where{.source = source, .record = record});
    }
    roles_.push_back({r["id"].scalar(), r["org"].scalar(), r["title"].scalar(), ParseAliases(r["phrases"], {})});
  }
  for (const YamlNode& t : root["titles"].items()) {
    ++record;
    if (!t["title"] || !t["words"] || !texts(t, {"title"})) {
      return Status::InvalidInput("title needs title and words", Where{.source = source, .record = record});
    }
    titles_.push_back({t["title"].scalar(), ParseAliases(t["words"], {})});
  }
  for (const auto& [policy, names] : root["exonyms"].entries()) {
    for (const auto& [id, name] : names.entries()) {
      if (name.IsScalar()) exonyms_[policy][id] = name.scalar();
    }
  }
  return Status::Ok();
}

Status Knowledge::AddPackFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError("cannot open pack", Where{.source = path});
  std::string data;
  char buf[1 << 14];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  std::fclose(f);
  return AddPack(data, path);
}

Result<Knowledge> Knowledge::Default() {
  Knowledge k;
  for (const char* name : {"world.yaml", "cities.yaml", "western-balkans-china.yaml", "world-figures.yaml"}) {
    std::string_view data = EmbeddedData(name);
    if (data.empty()) return Status::Internal(fmt::format("pack {} is not compiled in", name));
    PLX_RETURN_IF_ERROR(k.AddPack(data, std::string("packs/") + name));
  }
  return k;
}

const Entity* Knowledge::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &entities_[it->second];
}

const Entity* Knowledge::Lookup(std::string_view name_or_id) const {
  if (const Entity* e = Find(name_or_id)) return e;
  std::string want = text::FoldForMatch(name_or_id);
  for (const Entity& e : entities_) {
    if (text::FoldForMatch(e.name) == want) return &e;
  }
  for (const Entity& e : entities_) {
    for (const Alias& a : e.aliases) {
      if (text::FoldForMatch(a.text) == want) return &e;
    }
  }
  return nullptr;
}

std::string Knowledge::DisplayName(const Entity& e, std::string_view policy) const {
  if (!policy.empty()) {
    auto p = exonyms_.find(policy);
    if (p != exonyms_.end()) {
      auto it = p->second.find(e.id);
      if (it != p->second.end()) return it->second;
    }
  }
  return e.name;
}

std::string Knowledge::RolesOn(std::string_view id, std::string_view day, std::string_view policy) const {
  const Entity* e = Find(id);
  if (e == nullptr) return "";
  std::string out;
  for (const Role& r : e->roles) {
    if (!r.ValidOn(day)) continue;
    const Entity* org = Find(r.org);
    if (!out.empty()) out += "; ";
    out += r.title + (org != nullptr ? ", " + DisplayName(*org, policy) : "");
  }
  return out;
}

std::vector<const Entity*> Knowledge::Holders(std::string_view org, std::string_view title, std::string_view day) const {
  std::vector<const Entity*> out;
  for (const Entity& e : entities_) {
    for (const Role& r : e.roles) {
      if (r.org == org && r.title == title && r.ValidOn(day)) {
        out.push_back(&e);
        break;
      }
    }
  }
  return out;
}

}  // namespace parallax::entities
