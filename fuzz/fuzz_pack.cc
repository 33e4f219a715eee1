// Knowledge packs (YAML): a pack either loads, and then its names can be matched in text, or is
// rejected with a reason.
#include <cstdint>
#include <string>
#include <string_view>

#include "entities/matcher.h"
#include "entities/pack.h"
#include "fuzz/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax::entities;
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  Knowledge k;
  parallax::Status s = k.AddPack(yaml, "fuzz.yaml");
  if (!s.ok()) {
    parallax::fuzz::Require(!s.message().empty(), "a rejected pack has no reason");
    return 0;
  }
  auto matcher = Matcher::Create(k);
  if (!matcher.ok()) return 0;
  std::string text;
  for (const Entity& e : k.entities()) {
    k.DisplayName(e, "kosova");
    k.RolesOn(e.id, "2024-09-16");
    for (const Alias& a : e.aliases) text += a.text + " rekao je. ";
  }
  for (const Mention& m : (*matcher)->Find(text, {})) {
    parallax::fuzz::Require(parallax::fuzz::Inside(m.range, text.size()), "a name was found outside the text");
  }
  return 0;
}
