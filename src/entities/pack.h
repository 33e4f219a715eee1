// Knowledge packs: entities (people, organisations, places, outlets, topics) with aliases per
// language and script, role titles valid over dates, role phrases, and an exonym policy.
//
// Packs are YAML (see packs/western-balkans-china.yaml for the format). Several packs load
// into one Knowledge; an entity id that appears again adds aliases and roles to the first.
// The packs in packs/ are compiled into the binary; users add their own with LoadPackFile.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace parallax::entities {

enum class EntityType { kPerson, kOrg, kPlace, kOutlet, kTopic, kRole, kOther };
std::string_view TypeName(EntityType t);  // person, org, place, outlet, topic, role, other

struct Role {
  std::string org;    // entity id of the state or organisation
  std::string title;  // "President", "Minister of Foreign Affairs"
  std::string from;   // YYYY-MM-DD or empty (open)
  std::string to;     // YYYY-MM-DD or empty (still holds it)
  // Empty day: valid when open-ended. Open-ended roles are not assumed to hold after today.
  bool ValidOn(std::string_view day) const;
};

struct Alias {
  std::string lang;  // the pack's language tag (en, sr-Latn, sr-Cyrl, sq, zh...)
  std::string text;
  bool weak = false;  // counts only with support in the article
};

struct Entity {
  std::string id;  // "person/aleksandar-vucic"
  EntityType type = EntityType::kOther;
  std::string name;  // display name
  std::vector<Alias> aliases;
  std::vector<Role> roles;
  std::vector<std::string> tags;
  std::string gender;  // m, f or empty
  // Outlets: domains, country, language, and the feeds `parallax watch` polls.
  std::vector<std::string> domains;
  std::vector<std::string> feeds;
  std::string country, lang;
};

struct RolePhrase {
  std::string id;  // "role/rs-president"
  std::string org, title;
  std::vector<Alias> phrases;
};

// An office named bare, without its country or holder ("the President said", "Kryeministri
// tha"): it refers to the person named last before it who holds an office of that title.
struct BareTitle {
  std::string title;  // as roles write it: "President"
  std::vector<Alias> words;
};

class Knowledge {
 public:
  // The packs shipped in packs/ (world, cities, western-balkans-china and world-figures, in that
  // order).
  static Result<Knowledge> Default();

  // Adds a pack from YAML text; `source` names it in errors.
  Status AddPack(std::string_view yaml, const std::string& source);
  Status AddPackFile(const std::string& path);

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<RolePhrase>& roles() const { return roles_; }
  const std::vector<BareTitle>& titles() const { return titles_; }
  const Entity* Find(std::string_view id) const;
  // Entity by id, display name or alias (case- and diacritic-insensitive); null if none.
  const Entity* Lookup(std::string_view name_or_id) const;
  // Display name under an exonym policy ("" keeps the pack's names; "kosova" ...).
  std::string DisplayName(const Entity& e, std::string_view policy) const;
  // The offices an entity held on `day` as "Title, Org" (several joined by "; "), or "";
  // organisations are named under the exonym policy.
  std::string RolesOn(std::string_view id, std::string_view day, std::string_view policy = "") const;
  // The people holding (org, title) on `day`.
  std::vector<const Entity*> Holders(std::string_view org, std::string_view title, std::string_view day) const;

 private:
  std::vector<Entity> entities_;
  std::map<std::string, size_t, std::less<>> index_;  // id -> position
  std::vector<RolePhrase> roles_;
  std::vector<BareTitle> titles_;
  std::map<std::string, std::map<std::string, std::string>, std::less<>> exonyms_;  // policy -> id -> name
};

}  // namespace parallax::entities
