// Entity matching: finds mentions of pack entities, role phrases, unknown people and in-article
// coreferents in a text, with byte ranges into the text as given.
//
// Matching is script-, case- and diacritic-insensitive and inflection-aware: each word is
// match-folded and stripped of one common Serbian/Croatian/Bosnian or Albanian case ending
// (NameKey), so Вучић, Vucic, Vučića and Vučićem meet, as do Kosova, Kosovës and Kosovo. Chinese
// aliases match as substrings. Longest match wins. A capitalised alias word matches only a
// capitalised word of the text (Kina the country, not kina "cinemas").
//
// A role phrase ("Serbian President", "predsednik Srbije", "塞尔维亚总统") followed by a name
// refers to that name; alone, it resolves to the person holding the office on the article's
// date, or becomes a role entity when the packs know no holder. Unknown people are found after
// occupation and title cues (data/person-cues.tsv) and from given names
// (data/given-names.tsv); a surname or first name alone then attaches to the full name
// introduced earlier in the same text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/byte_range.h"
#include "base/hash_table.h"
#include "base/status.h"
#include "base/string_scan.h"
#include "entities/pack.h"

namespace parallax::entities {

struct Mention {
  std::string entity;  // pack id, role id, or "person/~key" for an unknown person
  std::string name;    // display name
  EntityType type = EntityType::kOther;
  ByteRange range;     // the surface in the text
  std::string via;     // alias | role | surname | new | possessive (Vučićeva: Vučić's, Vorenova: Ms Warren)
};

struct MatchOptions {
  std::string day;      // YYYY-MM-DD for role resolution; empty = roles still held today
  std::string exonyms;  // display-name policy ("" or "kosova")
};

// The inflection-insensitive key of a word: match-folded, one case ending removed.
std::string NameKey(std::string_view word);

class Matcher {
 public:
  // `knowledge` must outlive the matcher. Find() is const and thread-safe.
  static Result<std::unique_ptr<Matcher>> Create(const Knowledge& knowledge);
  std::vector<Mention> Find(std::string_view text, const MatchOptions& options) const;
  // The countries `text` names by their adjectives ("Chinese", "kineskim", "kineze", "кинески":
  // data/peoples.tsv's fourth column), as mentions with via "demonym". Find leaves them out:
  // they are no names, but what is said of "our Chinese friends" is said of China.
  std::vector<Mention> Demonyms(std::string_view text, const MatchOptions& options) const;
  size_t alias_count() const { return entries_.size(); }

 private:
  struct Entry {
    int target;         // entity index, or role index when `role`
    bool role = false;
    bool weak = false;
    std::vector<std::string> keys;
    std::vector<bool> caps;  // which alias words start with a capital
    // Match-folded words, when the alias's language does not inflect names: then the text's
    // words must be these, not only share their keys ("Georgia" is not "George").
    std::vector<std::string> exact;
    // Match-folded words written in capitals only (SAD, САД, US), else empty: the text's word
    // must be written so and be that word, so that "Sada" (now), "Sadu" (Novi Sad) and "SADA"
    // are not the United States.
    std::vector<std::string> acronym;
    // Which alias words are adjectives in the feminine used as names (Hrvatska, Grčka, Turska,
    // Kosovska): the text's word must not be in a masculine or neuter form that only the
    // adjective takes ("Turski ministar", "Grčko ostrvo", "Hrvatskog sabora").
    std::vector<bool> adjective_name;
    // For an inflecting alias whose key cut more than one letter off a word (Palau -> pal,
    // Benin -> ben), that word less its last letter, else empty; empty throughout when no word
    // needs one. The text's word must begin with it: a case form keeps all of its base form but
    // perhaps the last letter, so "Palu" is not Palau, nor "Benet" Benin, though their keys meet.
    std::vector<std::string> stems;
  };
  explicit Matcher(const Knowledge& k) : k_(k) {}
  void AddAlias(int target, bool role, const Alias& a);

  const Knowledge& k_;
  std::vector<Entry> entries_;
  // Tables keyed by the hash of words' keys (Hash64 of one key; KeysHash of an alias's keys).
  HashTable64<std::vector<int>> by_keys_;  // alias keys -> entries (which hold the keys to compare)
  // Runs of words that begin an alias (KeysHash of its first keys) -> kAlias when an alias has
  // these words and no more (by_keys_ has its entries), kLonger and/or kLongerTopic when an
  // alias, or a topic's, goes on past them. A match grows word by word while one does, so most
  // words of a text cost one lookup, however long the aliases they open.
  static constexpr char kAlias = 1, kLonger = 2, kLongerTopic = 4;
  HashTable64<char> alias_starts_;
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // CJK aliases, exact and case-less, as a trie of characters: the child of a node for a
  // character (keyed by HanEdge), and the entries whose alias ends at each node (node 0 is the
  // root). Most positions of a Chinese text cost one lookup.
  HashTable64<int> han_children_;
  std::vector<std::vector<int>> han_nodes_ = std::vector<std::vector<int>>(1);
  HashTable64<bool> cues_;         // keys of person cue words (single words)
  HashTable64<bool> given_names_;  // keys of given names
  std::unordered_set<std::string, ViewHash, std::equal_to<>> given_words_;  // given names as written, match-folded
  HashTable64<std::string> given_spellings_;  // key of a given name -> the name as the list writes it (the first)
  // Match-folded common words (data/common-words.tsv): a sentence that starts with one does not
  // start with a name ("Smrt Osame bin Ladena", "Vlada Gruevskog").
  std::unordered_set<std::string, ViewHash, std::equal_to<>> common_words_;
  HashTable64<bool> common_keys_;  // their name keys ("vlad" of vlada, vlade)
  HashTable64<bool> peoples_;      // name keys of peoples (Srbi, Srba; Serbs): no person's name
  HashTable64<int> demonyms_;      // name keys of countries' adjectives -> entity index (kineski: China)
  // Single-word reporting verbs (data/reporting-verbs.tsv): a capitalised name of two or three
  // words next to one is a person ("Ri Yong Ho told", "said Grant Reeher"); true when the
  // words after the verb are its addressee ("told Sky News"), not its subject.
  HashTable64<bool> speech_verbs_;
  // Bare titles (Knowledge::titles): spaced ones by the hash of their first word's key, CJK ones
  // as written. `title` indexes Knowledge::titles; `en` marks English words.
  struct Title {
    int title;
    bool en;
    std::vector<std::string> keys;
    std::vector<bool> caps;
  };
  std::vector<Title> titles_;
  HashTable64<std::vector<int>> titles_by_first_;
  std::vector<std::pair<std::string, int>> cjk_titles_;
  std::vector<std::string> cjk_name_ends_;  // Chinese reporting verbs and courtesy titles: a transcribed name may precede one
  StringScan cjk_title_scan_{{}};            // the titles of cjk_titles_, in its order, found in one pass
  StringScan cjk_name_end_scan_{{}};         // cjk_name_ends_, the same
};

}  // namespace parallax::entities
