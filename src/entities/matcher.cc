#include "entities/matcher.h"

#include <algorithm>
#include <array>
#include <map>
#include <cctype>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>

#include "base/embedded.h"
#include "base/hash.h"
#include "base/range_index.h"
#include "entities/tagger.h"
#include "text/fold.h"
#include "text/tokenize.h"
#include "text/translit.h"
#include "text/utf8.h"

namespace parallax::entities {
namespace {


bool IsCjk(char32_t c) { return text::ClassOf(c) == text::CharClass::kUnspaced; }

bool HasCjk(std::string_view s) {
  // Unspaced scripts start at U+0E00 (Thai), whose UTF-8 lead bytes are 0xE0 and up: only those
  // are decoded.
  for (size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) < 0xE0) continue;
    size_t at = i;
    if (IsCjk(text::DecodeUtf8(s, at))) return true;
  }
  return false;
}

bool StartsUpper(std::string_view s) {
  size_t i = 0;
  if (s.empty()) return false;
  char32_t c = text::DecodeUtf8(s, i);
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

struct Word {
  ByteRange range;
  std::string key;
  bool upper;
  uint64_t hash;  // Hash64(key): the tables below are keyed by it
};

// Whether a word is an abbreviation: two capitals or more, and all letters capitals or four
// letters at most (SAD, САД, US, NATO; KiM, BiH, ShBA; not McCain).
bool Abbreviation(std::string_view w) {
  size_t letters = 0, capitals = 0;
  for (size_t i = 0; i < w.size();) {
    auto c = static_cast<UChar32>(text::DecodeUtf8(w, i));
    letters += u_isalpha(c) ? 1 : 0;
    capitals += u_isupper(c) ? 1 : 0;
  }
  return capitals >= 2 && (capitals == letters || letters <= 4);
}

// A South Slavic surname: a word in -ić (Stanojević, Petković), more than a short word.
bool SlavicSurname(const Word& w) { return w.key.size() > 4 && w.key.compare(w.key.size() - 2, 2, "ic") == 0; }

// A name match-folded. Macedonian writes the region's names with ќ and ѓ where Serbian has ћ
// and ђ (Вучиќ, Ѓуриќ): as names they are those letters (folding alone makes ќ a k, as ḱ).
std::string FoldName(std::string_view word) {
  bool macedonian = false;  // ќ D1 9C, Ќ D0 8C, ѓ D1 93, Ѓ D0 83
  for (size_t i = 0; i + 1 < word.size() && !macedonian; ++i) {
    auto b = static_cast<unsigned char>(word[i]), n = static_cast<unsigned char>(word[i + 1]);
    macedonian = (b == 0xD1 && (n == 0x9C || n == 0x93)) || (b == 0xD0 && (n == 0x8C || n == 0x83));
  }
  if (!macedonian) return text::FoldForMatch(word);
  std::string mapped;
  for (size_t i = 0; i < word.size();) {
    char32_t c = text::DecodeUtf8(word, i);
    text::AppendUtf8(mapped, c == U'ќ' ? U'ћ' : c == U'Ќ' ? U'Ћ' : c == U'ѓ' ? U'ђ' : c == U'Ѓ' ? U'Ђ' : c);
  }
  return text::FoldForMatch(mapped);
}

// Whether a word's name key may be a possessive adjective's (see PossessiveBase): -ov, -ev or
// -in near its end. A quick test before the full one.
bool MaybePossessive(std::string_view key) {
  std::string_view tail = key.substr(key.size() > 5 ? key.size() - 5 : 0);
  return tail.find("ov") != std::string_view::npos || tail.find("ev") != std::string_view::npos ||
         tail.find("in") != std::string_view::npos;
}

// The name key of the name a Serbian, Croatian, Bosnian or Macedonian possessive adjective is
// made from (Vučićev, Vučićeva, Vučićevoj: Vučić's; Kurtijeve, Sanaderovu, Merkelinu,
// Вучиќевата), or empty when the word is none: the name's letters (four at least), -ov, -ev or
// -in, and an adjective's ending.
std::string PossessiveBase(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"oga", "omu", "ome", "ata", "ite", "iot", "og", "om", "oj", "ih", "im",
                                                  "ot",  "a",   "o",   "e",   "i",   "u",   ""};
  const std::string folded = FoldName(word);
  for (std::string_view e : kEndings) {
    if (folded.size() < e.size() + 6 || !folded.ends_with(e)) continue;
    std::string_view stem = std::string_view(folded).substr(0, folded.size() - e.size());
    if (stem.ends_with("ov") || stem.ends_with("ev") || stem.ends_with("in")) return NameKey(stem.substr(0, stem.size() - 2));
  }
  return {};
}

// A fixed list of words by name key (NameKey), looked up with a Word: by the hash Words
// computed once for it, then compared exactly, so the rules below consult their lists on every
// word without hashing its key again.
class KeySet {
 public:
  KeySet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) set_.Insert(NameKey(w));
  }
  bool Contains(const Word& w) const { return set_.Contains(w.hash, w.key); }

 private:
  WordSet set_;
};

// The ranges a pass has found, for asking in log time whether a new one overlaps any: a long
// Chinese text names thousands of people, and reading every hit for each would be quadratic.
class Coverage {
 public:
  void Add(ByteRange r) {
    starts_.emplace(r.begin, r.end);
    longest_ = std::max(longest_, r.size());
  }
  bool Overlaps(uint32_t begin, uint32_t end) const {
    for (auto it = starts_.lower_bound(end); it != starts_.begin();) {
      --it;
      if (it->first + longest_ <= begin) break;
      if (it->second > begin) return true;
    }
    return false;
  }

 private:
  std::multimap<uint32_t, uint32_t> starts_;  // begin -> end
  uint32_t longest_ = 0;
};

// Chinese courtesy titles: a transcribed or Latin-letter name may stand before one (亚当斯先生).
constexpr std::string_view kCourtesyTitles[] = {"先生", "女士", "夫人", "小姐", "博士", "教授"};

// Courtesy titles written before a name in Latin or Cyrillic text (Ms. Maurice, gospođa Marić),
// as name keys. A word after one is a person's name; the title itself is no name.
const KeySet& LatinCourtesyTitles() {
  static const auto* titles =
      new KeySet({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "rev", "gospodin", "gospođa", "gospođica"});
  return *titles;
}

// Particles inside people's names (Osama bin Laden, Ursula von der Leyen), in lower case and in
// either script ("Bašar al-Asad", "Башар ал-Асад").
bool IsParticle(std::string_view text, const Word& w) {
  static const std::unordered_set<std::string_view> kParticles = {"bin", "ibn", "bint", "el",  "al", "de", "del", "della",
                                                                  "der", "di",  "dos",  "du",  "van", "von"};
  return !w.upper && w.range.size() <= 10 && kParticles.count(text::FoldForMatch(w.range.Of(text))) > 0;
}

// The web addresses and e-mail addresses in a text, by position: the words inside them name no
// one ("…/pictures/Garrett_Gayle_Bday", "janette.elbertson@enron.com").
std::vector<ByteRange> Addresses(std::string_view text) {
  std::vector<ByteRange> out;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  for (std::string_view mark : {"://", "@"}) {  // (and "www.", which Words finds: 'w' is too common to search for)
    for (size_t f = text.find(mark); f != std::string_view::npos; f = text.find(mark, f + 1)) {
      size_t b = f, e = f + mark.size();
      while (b > 0 && !space(text[b - 1])) --b;
      while (e < text.size() && !space(text[e])) ++e;
      // An e-mail address has a domain with a dot; "@handle" alone is a name's handle.
      if (mark == "@" && (b == f || text.substr(f, e - f).find('.') == std::string_view::npos)) continue;
      out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
      f = e;
    }
  }
  std::sort(out.begin(), out.end(), [](ByteRange x, ByteRange y) { return x.begin < y.begin; });
  return out;
}

// Words of a spaced script (CJK runs are left to the substring pass), less those inside web and
// e-mail addresses.
std::vector<Word> Words(std::string_view text) {
  std::vector<Word> out;
  out.reserve(text.size() / 6);  // about a word in six bytes of news text
  const std::vector<ByteRange> addresses = Addresses(text);
  auto next = addresses.begin();
  uint32_t www_end = 0;  // the end of an address that opens with "www."
  text::ForEachSpacedWord(text, [&](std::string_view lower, ByteRange r, bool) {
    while (next != addresses.end() && next->end <= r.begin) ++next;
    if ((next != addresses.end() && next->begin <= r.begin) || r.begin < www_end) return;
    if (lower == "www" && text.substr(r.end, 1) == ".") {
      www_end = r.end;
      while (www_end < text.size() && text[www_end] != ' ' && text[www_end] != '\n' && text[www_end] != '\t') ++www_end;
      return;
    }
    Word& w = out.emplace_back(Word{r, NameKey(lower), StartsUpper(r.Of(text)), 0});
    w.hash = Hash64(w.key);
  });
  return out;
}

// Letters (code points) of the word that ends at byte `end`, counted up to 3.
size_t LettersBefore(std::string_view text, uint32_t end) {
  size_t n = 0;
  for (size_t i = end; i > 0 && n <= 2; --i) {
    unsigned char c = static_cast<unsigned char>(text[i - 1]);
    if (c < 0x80 && !std::isalnum(c)) break;
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

// True when only joiners lie between two words of one name (spaces, hyphens, an apostrophe
// alone, the Chinese middle dot, and a dot after an initial or a short abbreviation: "J. Aron",
// "Jr."; "Mitić. Sporazume" is two sentences).
bool Joined(std::string_view text, uint32_t from, uint32_t to) {
  if (to < from || to - from > 4) return false;
  for (uint32_t i = from; i < to;) {
    size_t k = i;
    char32_t c = text::DecodeUtf8(text, k);
    if (c == '.' && LettersBefore(text, from) > 2) return false;
    // An apostrophe inside a name (O'Hagan, d'Or) touches both words; one beside a space
    // closes a quotation.
    if ((c == '\'' || c == U'’') && to - from != k - i) return false;
    if (!(c == ' ' || c == '-' || c == '.' || c == '\'' || c == U'’' || c == U'·' || c == 0xA0)) return false;
    i = static_cast<uint32_t>(k);
  }
  return true;
}

// Lines of an embedded TSV, comments skipped; calls f(first column, second column).
template <typename F>
void ForEachRow(std::string_view data, F&& f) {
  ForEachDataLine(data, [&](std::string_view line) {
    size_t tab = line.find('\t');
    f(line.substr(0, tab), tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1));
  });
}

// The key of the trie edge from `node` for character `c` (Mix64 is a bijection: no two edges
// share a key).
uint64_t HanEdge(int node, char32_t c) { return Mix64((static_cast<uint64_t>(node) << 21) | c); }

// The hash of a sequence of words' keys, from their hashes: the hash of the words before the
// last, `h`, extended by the last one's.
uint64_t ExtendKeysHash(uint64_t h, uint64_t key_hash) { return Mix64(h * 0x9e3779b97f4a7c15ULL + key_hash); }
uint64_t ExtendKeysHash(uint64_t h, const Word& w) { return ExtendKeysHash(h, w.hash); }

uint64_t KeysHash(const std::vector<Word>& w, size_t begin, size_t end) {
  uint64_t h = 0;
  for (size_t k = begin; k < end; ++k) h = ExtendKeysHash(h, w[k]);
  return h;
}

// A Serbian, Croatian or Bosnian adjective in -ski/-čki in a form that the feminine name made of
// it (Hrvatska, Grčka) never takes: hrvatski, grčko, turskog, srpskih, bugarskim.
bool AdjectiveOnlyForm(std::string_view word) {
  std::string f = text::FoldForMatch(word);
  for (std::string_view e : {"ki", "ko", "kog", "koga", "kih", "kim", "kima", "kome"}) {
    if (f.size() > e.size() + 2 && f.ends_with(e) && (f[f.size() - e.size() - 1] == 's' || f[f.size() - e.size() - 1] == 'c')) {
      return true;
    }
  }
  return false;
}

// Languages whose pack tags write one language in one script: sr-Latn, hr, bs and cnr are one;
// zh, zh-Hans and zh-Hant another.
std::string_view LanguageGroup(std::string_view lang) {
  if (lang == "sr-Latn" || lang == "sr" || lang == "hr" || lang == "bs" || lang == "cnr") return "sh-Latn";
  if (lang.starts_with("zh")) return "zh";
  return lang;
}

// A role's office named by its title and its organisation's name, in every language that has
// both, the way each language joins them: "Foreign Minister of China", "ministar spoljnih
// poslova Kine" (any case of the name matches), "ministri i Jashtëm i Kinës", "претседателот на
// Кина", "中国外长". The pack's own phrases add adjectives and other wordings ("kineski
// ministar spoljnih poslova", "Chinese Foreign Minister").
std::vector<Alias> ComposedRolePhrases(const Knowledge& k, const RolePhrase& role) {
  std::vector<Alias> out;
  const Entity* org = k.Find(role.org);
  if (org == nullptr) return out;
  for (const BareTitle& t : k.titles()) {
    if (t.title != role.title) continue;
    for (const Alias& word : t.words) {
      std::string_view group = LanguageGroup(word.lang);
      for (const Alias& name : org->aliases) {
        if (LanguageGroup(name.lang) != group) continue;
        std::string phrase;
        if (group == "en") {
          phrase = word.text + " of " + name.text;
        } else if (group == "sq") {
          // The linking article agrees with the title: presidenti i Kinës, presidentja e Kosovës.
          phrase = word.text + (word.text.ends_with('a') ? " e " : " i ") + name.text;
        } else if (group == "mk") {
          phrase = word.text + " на " + name.text;
        } else if (group == "zh") {
          phrase = name.text + word.text;
        } else {
          phrase = word.text + " " + name.text;
        }
        out.push_back({word.lang, std::move(phrase)});
      }
    }
  }
  return out;
}

}  // namespace

std::string NameKey(std::string_view word) {
  std::string f = FoldName(word);
  // Case and definite endings of Serbian, Croatian, Bosnian and Albanian, longest first.
  // (Plural stem endings such as -ova are left alone: they would cut Kosova to "kos".)
  static constexpr std::string_view kEndings[] = {"ama", "ima", "om", "em", "oj", "it", "in", "es", "en", "et",
                                                  "se",  "ve",  "a",  "e",  "i",  "o",  "u"};
  // The endings by their last letter, in the order above (so longest first): one short list
  // to try per word instead of all of them.
  static const std::array<std::vector<std::string_view>, 26> kByLast = [] {
    std::array<std::vector<std::string_view>, 26> out;
    for (std::string_view e : kEndings) out[static_cast<size_t>(e.back() - 'a')].push_back(e);
    return out;
  }();
  // Up to two endings come off, so a base form that itself ends like an ending meets its
  // inflections: Putin -> put, Putina -> putin -> put; Savet -> sav, Savetu -> savet -> sav.
  // The second starts with a vowel, so that what the first leaves is not cut at its own
  // consonants: zdravstvene -> zdravstven -> zdravstv, as zdravstvena (not zdravstve -> zdravst).
  // Albanian -në is -ë and then -n: Tiranë -> tiran, as Tirana and Tiranës; Serbinë -> serbin
  // -> serb.
  // (Compared by hand, last letter first: this runs on every word of every text.)
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  auto ends_with = [&](std::string_view e) { return f.size() >= e.size() + 3 && std::equal(e.rbegin(), e.rend(), f.rbegin()); };
  for (int round = 0; round < 2 && f.size() >= 4; ++round) {
    size_t n = f.size();
    // Albanian takes -ut and -un after k, g and h (Lajçakut, Lajçakun); elsewhere those letters
    // are the name's own (Solun, Zemun, Bejrut).
    if (n >= 5 && (f[n - 1] == 't' || f[n - 1] == 'n') && f[n - 2] == 'u' && (f[n - 3] == 'k' || f[n - 3] == 'g' || f[n - 3] == 'h')) {
      f.resize(n - 2);
      continue;
    }
    char last = f[n - 1];
    if (last < 'a' || last > 'z') break;
    const std::vector<std::string_view>& endings = kByLast[static_cast<size_t>(last - 'a')];
    auto e = std::find_if(endings.begin(), endings.end(), [&](std::string_view x) {
      return (round == 0 || vowel(x[0])) && ends_with(x);
    });
    if (e == endings.end()) break;
    f.resize(n - e->size());
  }
  // The fleeting a of Serbian, Croatian and Bosnian: Kragujevac, Kragujevca; Petar, Petra;
  // ministar, ministra. A stem in consonant + a + c or r loses the a, in every form alike.
  size_t n = f.size();
  if (n >= 5 && (f[n - 1] == 'c' || f[n - 1] == 'r') && f[n - 2] == 'a' && !vowel(f[n - 3])) f.erase(n - 2, 1);
  return f;
}

void Matcher::AddAlias(int target, bool role, const Alias& a) {
  Entry e{target, role, a.weak, {}, {}};
  if (HasCjk(a.text)) {
    std::string key = text::Lower(a.text);
    int node = 0;
    for (size_t k = 0; k < key.size();) {
      int& child = han_children_[HanEdge(node, text::DecodeUtf8(key, k))];
      if (child == 0) {
        child = static_cast<int>(han_nodes_.size());
        han_nodes_.emplace_back();
      }
      node = child;
    }
    entries_.push_back(std::move(e));
    han_nodes_[static_cast<size_t>(node)].push_back(static_cast<int>(entries_.size() - 1));
    return;
  }
  std::vector<Word> words = Words(a.text);
  if (words.empty()) return;
  // NameKey knows the endings of Serbian, Croatian, Bosnian, Montenegrin, Albanian and
  // Macedonian; names of other languages match as written (folded), so that "George" is not
  // Romanian "Georgia" less its ending. An alias without a language (a display name) is
  // taken as inflected.
  static const std::unordered_set<std::string_view> kInflected = {"",   "sr", "sr-Latn", "sr-Cyrl", "hr",
                                                                   "bs", "cnr", "sq",     "mk"};
  bool exact = !kInflected.count(a.lang);
  for (const Word& w : words) {
    std::string folded = text::FoldForMatch(w.range.Of(a.text));
    e.keys.push_back(w.key);
    e.caps.push_back(w.upper);
    if (exact) e.exact.push_back(folded);
    e.acronym.push_back(Abbreviation(w.range.Of(a.text)) ? folded : std::string());
    e.adjective_name.push_back(!exact && folded.size() > 4 && (folded.ends_with("ska") || folded.ends_with("cka")));
    // (The fleeting a of Petar, Petra leaves a key that is no prefix of the word: no stem then.)
    std::string name = FoldName(w.range.Of(a.text));
    size_t last = name.size();
    while (last > 0 && (static_cast<unsigned char>(name[last - 1]) & 0xC0) == 0x80) --last;
    if (last > 0) --last;
    const bool stem = !exact && w.key.size() < last && name.starts_with(w.key);
    e.stems.push_back(stem ? name.substr(0, last) : std::string());
  }
  if (std::all_of(e.stems.begin(), e.stems.end(), [](const std::string& s) { return s.empty(); })) e.stems.clear();
  // Short single words (Li, Fu, Xi) need support in the article; abbreviations in capitals
  // (US, EU) do not.
  if (!role && words.size() == 1 && text::FoldForMatch(a.text).size() <= 2 && e.acronym[0].empty()) e.weak = true;
  const bool topic = !role && k_.entities()[static_cast<size_t>(target)].type == EntityType::kTopic;
  auto add = [&](Entry entry, const std::vector<Word>& keyed) {
    uint64_t h = 0;
    for (size_t k = 0; k < keyed.size(); ++k) {
      h = ExtendKeysHash(h, keyed[k]);
      alias_starts_[h] |= k + 1 == keyed.size() ? kAlias : topic ? kLongerTopic : kLonger;
    }
    entries_.push_back(std::move(entry));
    by_keys_[h].push_back(static_cast<int>(entries_.size() - 1));
  };
  // Serbian, Croatian and Bosnian decline a surname in -i with a j before the ending (Kurti,
  // Kurtija, Kurtiju, Kurtijem; Vang Ji, Vang Jija): a person's name so ending also matches so.
  std::string last = text::FoldForMatch(words.back().range.Of(a.text));
  bool declines_with_j = !role && !exact && k_.entities()[static_cast<size_t>(target)].type == EntityType::kPerson &&
                         last.size() >= 2 && last.back() == 'i' && e.acronym.back().empty();
  if (declines_with_j) {
    Entry with_j = e;
    std::vector<Word> keyed = words;
    keyed.back().key = with_j.keys.back() = NameKey(last + "ja");
    keyed.back().hash = Hash64(keyed.back().key);
    add(std::move(with_j), keyed);
  }
  add(std::move(e), words);
}

Result<std::unique_ptr<Matcher>> Matcher::Create(const Knowledge& knowledge) {
  std::unique_ptr<Matcher> m(new Matcher(knowledge));
  const auto& entities = knowledge.entities();
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    // The display name matches as the alias it usually is, else as a name of any language.
    auto same = std::find_if(e.aliases.begin(), e.aliases.end(), [&](const Alias& a) { return a.text == e.name; });
    if (same == e.aliases.end()) m->AddAlias(static_cast<int>(i), false, {"", e.name, false});
    for (const Alias& a : e.aliases) m->AddAlias(static_cast<int>(i), false, a);
  }
  const auto& roles = knowledge.roles();
  for (size_t i = 0; i < roles.size(); ++i) {
    for (const Alias& a : roles[i].phrases) m->AddAlias(static_cast<int>(i), true, a);
    for (const Alias& a : ComposedRolePhrases(knowledge, roles[i])) m->AddAlias(static_cast<int>(i), true, a);
  }
  // A cue maps to true for a title, false for a word that only qualifies one ("foreign" in
  // "foreign minister"); a title in any language wins.
  ForEachRow(EmbeddedData("person-cues.tsv"), [&](std::string_view, std::string_view rest) {
    std::string_view cue = rest.substr(0, rest.find('\t'));
    bool qualifier = rest.size() > cue.size() && rest.substr(cue.size() + 1) == "qualifier";
    if (cue.find(' ') != std::string_view::npos) return;
    uint64_t key = Hash64(NameKey(cue));
    if (!m->cues_.Contains(key) || !qualifier) m->cues_[key] = !qualifier;
  });
  ForEachDataLine(EmbeddedData("reporting-verbs.tsv"), [&](std::string_view line) {
    std::vector<std::string_view> cols;
    for (size_t at = 0; at <= line.size();) {
      size_t tab = std::min(line.find('\t', at), line.size());
      cols.push_back(line.substr(at, tab - at));
      at = tab + 1;
    }
    if (cols.size() < 2 || cols[1].find(' ') != std::string_view::npos) return;
    std::vector<Word> w = Words(cols[1]);
    if (w.empty() && cols[0] == "zh") m->cjk_name_ends_.push_back(std::string(cols[1]));
    if (w.size() != 1) return;  // phrases
    m->speech_verbs_[w[0].hash] = cols.size() > 3 && cols[3].find("addressee") != std::string_view::npos;
  });
  for (const char* file : {"given-names.tsv", "given-names-uner.tsv"}) {
    ForEachRow(EmbeddedData(file), [&](std::string_view name, std::string_view) {
      uint64_t key = Hash64(NameKey(name));
      m->given_names_[key] = true;
      m->given_words_.insert(text::FoldForMatch(name));
      if (m->given_spellings_.Find(key) == nullptr) m->given_spellings_[key] = std::string(name);  // the first listed
    });
  }
  ForEachRow(EmbeddedData("common-words.tsv"), [&](std::string_view word, std::string_view) {
    m->common_words_.insert(text::FoldForMatch(word));
    m->common_keys_[Hash64(NameKey(word))] = true;
  });
  // Peoples and their adjectives, one word each (data/peoples.tsv: Srbi, Serbs, Irish, Sunni).
  // A Serbian, Croatian or Bosnian adjective in -i is listed in the masculine; its other genders
  // and cases are added here (Arapski: Arapskog, Arapskoj, Arapskim ...).
  // A Macedonian one in -и likewise (кинески: кинеска, кинеско, кинеските, кинескиот ...).
  // A country's adjective also names the country (the fourth column: Kineski, place/cn).
  ForEachRow(EmbeddedData("peoples.tsv"), [&](std::string_view lang, std::string_view rest) {
    std::vector<std::string_view> cols;
    for (size_t at = 0; at <= rest.size();) {
      size_t tab = std::min(rest.find('\t', at), rest.size());
      cols.push_back(rest.substr(at, tab - at));
      at = tab + 1;
    }
    std::string_view word = cols[0];
    if (word.empty() || word.find(' ') != std::string_view::npos) return;
    const bool adjective = cols.size() > 1 && cols[1] == "adjective";
    const Entity* country = cols.size() > 2 ? knowledge.Find(cols[2]) : nullptr;
    auto add = [&](const std::string& form) {
      uint64_t key = Hash64(NameKey(form));
      m->peoples_[key] = true;
      if (country != nullptr) m->demonyms_[key] = static_cast<int>(country - knowledge.entities().data());
    };
    add(std::string(word));
    static constexpr std::string_view kSerbian[] = {"a", "e", "o", "u", "og", "oga", "om", "ome", "oj", "ih", "im", "ima", "em", "eg"};
    static constexpr std::string_view kMacedonian[] = {"а", "о", "и", "ата", "ото", "ите", "иот"};
    std::span<const std::string_view> endings;
    if (adjective && lang == "sr" && word.ends_with('i')) endings = kSerbian;
    if (adjective && lang == "mk" && word.ends_with("и")) endings = kMacedonian;
    std::string_view stem = word.substr(0, word.size() - (lang == "mk" ? 2 : 1));
    for (std::string_view ending : endings) add(std::string(stem) + std::string(ending));
  });
  for (size_t t = 0; t < knowledge.titles().size(); ++t) {
    for (const Alias& a : knowledge.titles()[t].words) {
      if (HasCjk(a.text)) {
        m->cjk_titles_.push_back({a.text, static_cast<int>(t)});
        continue;
      }
      Title title{static_cast<int>(t), a.lang == "en", {}, {}};
      std::vector<Word> w = Words(a.text);
      if (w.empty()) continue;
      for (const Word& x : w) {
        title.keys.push_back(x.key);
        title.caps.push_back(x.upper);
      }
      m->titles_by_first_[w[0].hash].push_back(static_cast<int>(m->titles_.size()));
      m->titles_.push_back(std::move(title));
    }
  }
  // A transcribed name also stands before a courtesy title (亚当斯先生).
  for (std::string_view title : kCourtesyTitles) m->cjk_name_ends_.emplace_back(title);
  std::vector<std::string> cjk_titles;
  for (const auto& [title, index] : m->cjk_titles_) cjk_titles.push_back(title);
  m->cjk_title_scan_ = StringScan(std::move(cjk_titles));
  m->cjk_name_end_scan_ = StringScan(m->cjk_name_ends_);
  return m;
}

std::vector<Mention> Matcher::Demonyms(std::string_view text, const MatchOptions& options) const {
  std::vector<Mention> out;
  const std::vector<Word> words = Words(text);
  auto spaced = [&](size_t k) { return text.substr(words[k - 1].range.end, words[k].range.begin - words[k - 1].range.end) == " "; };
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const int* e = demonyms_.Find(w.hash);
    if (e == nullptr) continue;
    // Not the qualifier of a title ("Chinese Foreign Ministry spokesperson", "kineski
    // ambasador", "ambasadori kinez"; within three words, no punctuation between): the
    // office's holder is who is meant.
    bool title = i > 0 && spaced(i) && cues_.Contains(words[i - 1].hash);
    for (size_t k = i + 1; k < words.size() && k <= i + 3 && spaced(k) && !title; ++k) title = cues_.Contains(words[k].hash);
    if (title) continue;
    const Entity& country = k_.entities()[static_cast<size_t>(*e)];
    out.push_back({country.id, k_.DisplayName(country, options.exonyms), country.type, w.range, "demonym"});
  }
  return out;
}

std::vector<Mention> Matcher::Find(std::string_view text, const MatchOptions& options) const {
  struct Hit {
    ByteRange range;
    int entry = -1;          // alias entry; -1 for unknown people
    size_t first_word = 0;   // word index (spaced scripts), or SIZE_MAX for CJK
    size_t end_word = 0;
    std::string new_id, new_name;
    EntityType new_type = EntityType::kPerson;
    bool possessive = false;  // a possessive adjective made from the name (Vučićeva)
  };
  std::vector<Word> words = Words(text);
  // Whether any passes for Chinese (and other unspaced scripts) have anything to read.
  const bool cjk = HasCjk(text);
  // Given names, by key, less the words that are common words as written and no given name's
  // spelling: "Vlada" (the government) shares Vlado's key, but is not a name.
  std::vector<char> given_name(words.size());
  for (size_t k = 0; k < words.size(); ++k) {
    if (!given_names_.Contains(words[k].hash)) continue;
    if (!common_keys_.Contains(words[k].hash)) {
      given_name[k] = true;
      continue;
    }
    std::string folded = text::FoldForMatch(words[k].range.Of(text));
    given_name[k] = given_words_.count(folded) > 0 || common_words_.count(folded) == 0;
  }
  auto gap_before = [&](size_t k) {
    return k == 0 ? std::string_view() : text.substr(words[k - 1].range.end, words[k].range.begin - words[k - 1].range.end);
  };
  // An initial: one capital letter, then a dot and a space, not the last letter of an
  // abbreviation ("U.S. officials", "D.C. 20006").
  auto initial = [&](size_t k) {
    return words[k].upper && LettersBefore(text, words[k].range.end) == 1 && words[k].range.size() <= 2 &&
           text.substr(words[k].range.end, 2) == ". " && gap_before(k) != ".";
  };
  // Words that open a sentence or a line: after . ! ? … or a line break, but not after the dot
  // of an initial ("Gordon S. Barrass").
  std::vector<char> sentence_start(words.size());
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view gap = gap_before(k);
    sentence_start[k] = k == 0 || (!initial(k - 1) && (gap.find_first_of(".!?\n") != std::string_view::npos ||
                                                      gap.find("…") != std::string_view::npos));
  }
  // The name keys' hashes of the words written in lower case, sorted; built on first use.
  std::vector<uint64_t> lower_words;
  bool lower_words_built = false;
  auto lower_elsewhere = [&](size_t k) {  // the text writes word k in lower case somewhere
    if (!lower_words_built) {
      lower_words_built = true;
      for (const Word& w : words) {
        if (!w.upper) lower_words.push_back(w.hash);
      }
      std::sort(lower_words.begin(), lower_words.end());
    }
    return std::binary_search(lower_words.begin(), lower_words.end(), words[k].hash);
  };
  // The words written in lower case, by the hash of their spelling, sorted; built on first use.
  std::vector<std::pair<uint64_t, uint32_t>> lower_spellings;
  bool lower_spellings_built = false;
  auto spelt_lower = [&](size_t k) {  // the text writes word k, lower-cased, as it is elsewhere
    if (!lower_spellings_built) {
      lower_spellings_built = true;
      for (uint32_t j = 0; j < words.size(); ++j) {
        if (!words[j].upper) lower_spellings.emplace_back(Hash64(words[j].range.Of(text)), j);
      }
      std::sort(lower_spellings.begin(), lower_spellings.end());
    }
    const std::string lower = text::Lower(words[k].range.Of(text));
    const uint64_t h = Hash64(lower);
    for (auto it = std::lower_bound(lower_spellings.begin(), lower_spellings.end(), std::pair<uint64_t, uint32_t>(h, 0));
         it != lower_spellings.end() && it->first == h; ++it) {
      if (words[it->second].hash == words[k].hash && words[it->second].range.Of(text) == lower) return true;
    }
    return false;
  };
  std::vector<Hit> hits;
  std::vector<char> taken(words.size(), false);

  // The bare title (Knowledge::titles) written at word i ("President", "ministar spoljnih
  // poslova"), if any: the first of the titles whose words these are.
  auto title_at = [&](size_t i) -> const Title* {
    const std::vector<int>* candidates = titles_by_first_.Find(words[i].hash);
    if (candidates == nullptr) return nullptr;
    for (int c : *candidates) {
      const Title& t = titles_[static_cast<size_t>(c)];
      size_t n = t.keys.size();
      bool match = i + n <= words.size();
      for (size_t k = 0; k < n && match; ++k) {
        match = words[i + k].key == t.keys[k] && (!t.caps[k] || words[i + k].upper) &&
                (k == 0 || Joined(text, words[i + k - 1].range.end, words[i + k].range.begin));
      }
      if (match) return &t;
    }
    return nullptr;
  };
  // Whether a title that entity `target` holds on the article's date ends right before word w
  // ("President Bush", "premijer Rama").
  auto holds_title_before = [&](size_t w, int target) {
    for (size_t n = 1; n <= 4 && n <= w; ++n) {
      const Title* t = title_at(w - n);
      if (t == nullptr || t->keys.size() != n || !Joined(text, words[w - 1].range.end, words[w].range.begin)) continue;
      for (const Role& r : k_.entities()[static_cast<size_t>(target)].roles) {
        if (r.title == k_.titles()[static_cast<size_t>(t->title)].title && r.ValidOn(options.day)) return true;
      }
    }
    return false;
  };

  // 1. Aliases and role phrases over words, longest first. Topics come last (3g), over names
  // too: "nezavisnosti Kosova" is the topic Kosovo independence and the place Kosovo.
  auto is_topic = [&](const Entry& en) { return !en.role && k_.entities()[en.target].type == EntityType::kTopic; };
  std::vector<Hit> topic_hits;
  // The longest alias at word i (entry and words; -1 for none), of topics or of the rest.
  auto alias_at = [&](size_t i, bool topics) {
    int best = -1;
    size_t best_len = 0;
    uint64_t h = 0;  // KeysHash of words i .. i + len - 1
    for (size_t len = 1; i + len <= words.size(); ++len) {
      const size_t last = i + len - 1;
      if (len > 1 && !Joined(text, words[last - 1].range.end, words[last].range.begin)) break;
      h = ExtendKeysHash(h, words[last]);
      const char* run = alias_starts_.Find(h);
      if (run == nullptr) break;
      if (const std::vector<int>* found = *run & kAlias ? by_keys_.Find(h) : nullptr) {
        int longest = -1;  // the entry of this length, if any
        for (int e : *found) {
          const Entry& en = entries_[e];
          bool caps_ok = en.keys.size() == len;
          for (size_t k = 0; k < len && caps_ok; ++k) caps_ok = en.keys[k] == words[i + k].key;
          for (size_t k = 0; k < len && caps_ok; ++k) caps_ok = !en.caps[k] || words[i + k].upper;
          for (size_t k = 0; k < en.exact.size() && caps_ok; ++k) {
            caps_ok = text::FoldForMatch(words[i + k].range.Of(text)) == en.exact[k];
          }
          for (size_t k = 0; k < len && caps_ok; ++k) {
            caps_ok = en.acronym[k].empty() || (Abbreviation(words[i + k].range.Of(text)) &&
                                                text::FoldForMatch(words[i + k].range.Of(text)) == en.acronym[k]);
          }
          for (size_t k = 0; k < len && caps_ok; ++k) caps_ok = !en.adjective_name[k] || !AdjectiveOnlyForm(words[i + k].range.Of(text));
          for (size_t k = 0; k < en.stems.size() && caps_ok; ++k) {
            caps_ok = en.stems[k].empty() || FoldName(words[i + k].range.Of(text)).starts_with(en.stems[k]);
          }
          if (!caps_ok || is_topic(en) != topics) continue;
          // Prefer entities to role phrases of the same length.
          if (longest < 0 || (entries_[longest].role && !en.role)) longest = e;
        }
        if (longest >= 0) {
          best = longest;
          best_len = len;
        }
      }
      if (!(*run & (topics ? kLongerTopic : kLonger))) break;
    }
    return std::pair<int, size_t>(best, best_len);
  };
  // Words that open a sentence, a quotation or what follows a colon, where a capital need not
  // mean a name.
  auto opens_clause = [&](size_t k) {
    std::string_view gap = gap_before(k);
    return sentence_start[k] || gap.find_first_of(":\"'") != std::string_view::npos || gap.find("“") != std::string_view::npos ||
           gap.find("„") != std::string_view::npos || gap.find("«") != std::string_view::npos;
  };
  // Whether a weak alias (a short or common name) at word i has support so far: a strong alias
  // of its entity before it, a role phrase right before it, or a title its person holds. One
  // without leaves its words to the rules for names no pack lists ("Ram Tackett" is not Rama).
  auto weak_supported = [&](size_t i, const Entry& en) {
    for (const Hit& h : hits) {
      if (h.entry >= 0 && !entries_[h.entry].role && !entries_[h.entry].weak && entries_[h.entry].target == en.target) return true;
    }
    if (!hits.empty() && hits.back().entry >= 0 && entries_[hits.back().entry].role && hits.back().range.end + 3 >= words[i].range.begin) {
      return true;
    }
    return holds_title_before(i, en.target);
  };
  for (size_t i = 0; i < words.size();) {
    auto [best, best_len] = alias_at(i, false);
    if (best >= 0 && entries_[best].weak && !weak_supported(i, entries_[best])) best = -1;
    // A place's or an outlet's one-word name after a known given name is a surname ("Agim Čeku"
    // is not Czechia, "Jack London" not the city, "Michael Bloomberg" not the agency), unless the given name is also a common word ("Vlade
    // Srbije", the government of Serbia).
    // So is one after a courtesy title ("Ms. Maurice" is not Mauritius). And a common word after
    // another capitalised word inside a sentence is part of a longer name ("Desert Island Discs",
    // "Nias Island" are not Iceland, Serbian's Island; "Roja Kina" is Roy Keane), where after a
    // sentence's first word it is not ("Kako Kina postaje", how China becomes).
    if (best >= 0 && best_len == 1 && !entries_[best].role && (k_.entities()[entries_[best].target].type == EntityType::kPlace ||
                                                          k_.entities()[entries_[best].target].type == EntityType::kOutlet) &&
        i > 0 && words[i - 1].upper && !taken[i - 1]) {
      std::string_view gap = text.substr(words[i - 1].range.end, words[i].range.begin - words[i - 1].range.end);
      bool given = given_name[i - 1] && !common_keys_.Contains(words[i - 1].hash) && gap == " ";
      bool courtesy = LatinCourtesyTitles().Contains(words[i - 1]) && (gap == " " || gap == ". ");
      bool common = gap == " " && !opens_clause(i - 1) && common_words_.count(text::FoldForMatch(words[i].range.Of(text))) > 0;
      if (given || courtesy || common) best = -1;
    }
    // A courtesy title as written before a name is that title ("Sir William" is not Syria,
    // Albanian's Siri; "Širom Rumunije", across Romania, shares only the key of "Sir").
    if (best >= 0 && best_len == 1 && !entries_[best].role && LatinCourtesyTitles().Contains(words[i]) && i + 1 < words.size() &&
        words[i + 1].upper && text::FoldForMatch(words[i].range.Of(text)) == words[i].key) {
      best = -1;
    }
    // A one-word name opening a sentence, a quotation or what follows a colon is the common word
    // when the text also writes that word in lower case: Albanian "Nuk" (not) is not Nuuk, nor
    // "Për" (for) Peru, nor Serbian "Samo" (only) Samoa. (Not before a capitalised word, which
    // the rules for names no pack lists would then read as one name with it: "Širom Srbije".)
    if (best >= 0 && best_len == 1 && !entries_[best].role && entries_[best].caps[0] && entries_[best].acronym[0].empty() &&
        !entries_[best].adjective_name[0] && (i + 1 == words.size() || !words[i + 1].upper) &&
        opens_clause(i) && lower_elsewhere(i) && spelt_lower(i)) {
      best = -1;
    }
    // A person's one-word name (a surname) right after another given name is someone else's:
    // "Mato Tadić" is not Boris Tadić (whose own given name makes the longer alias match first).
    // The pair is left to the passes for names no pack lists.
    if (best >= 0 && best_len == 1 && !entries_[best].role && k_.entities()[entries_[best].target].type == EntityType::kPerson &&
        i > 0 && words[i - 1].upper && !taken[i - 1] &&
        text.substr(words[i - 1].range.end, words[i].range.begin - words[i - 1].range.end) == " " &&
        given_words_.count(text::FoldForMatch(words[i - 1].range.Of(text)))) {
      best = -1;
    }
    // And a place's one-word name that is also a given name, written as one (not KiM), before a
    // capitalised word, is that given name ("Jordan Spieth" is not Jordan).
    if (best >= 0 && best_len == 1 && !entries_[best].role && k_.entities()[entries_[best].target].type == EntityType::kPlace &&
        i + 1 < words.size() && words[i + 1].upper && given_name[i] && !common_keys_.Contains(words[i].hash) &&
        text.substr(words[i].range.end, words[i + 1].range.begin - words[i].range.end) == " ") {
      std::string_view w = words[i].range.Of(text);
      if (std::none_of(w.begin() + 1, w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) best = -1;
    }
    // A city's name before the head word of a newspaper's, club's or school's name is part of
    // that name, an organisation: "New York Post", "Boston Globe", "Manchester United".
    if (best >= 0 && !entries_[best].role) {
      const Entity& place = k_.entities()[entries_[best].target];
      size_t after = i + best_len;
      if (place.type == EntityType::kPlace && after < words.size() && words[after].upper &&
          std::find(place.tags.begin(), place.tags.end(), "city") != place.tags.end() &&
          text.substr(words[after - 1].range.end, words[after].range.begin - words[after - 1].range.end) == " ") {
        static const KeySet kHeads({"post", "times", "globe", "tribune", "herald", "journal", "daily", "gazette", "mail",
                                    "star", "sun", "chronicle", "observer", "university", "college", "airport", "police",
                                    "council", "club", "city", "united", "fc", "rovers", "wanderers", "athletic"});
        if (kHeads.Contains(words[after])) {
          std::string id = "org/~";
          for (size_t k = i; k <= after; ++k) id += (k > i ? "-" : "") + words[k].key;
          ByteRange r{words[i].range.begin, words[after].range.end};
          hits.push_back({r, -1, i, after + 1, id, std::string(r.Of(text)), EntityType::kOrg});
          for (size_t k = i; k <= after; ++k) taken[k] = true;
          i = after + 1;
          continue;
        }
      }
    }
    // A possessive adjective made from a person's one-word name is a mention of that person:
    // "Vučićeva vlada" (Vučić's government), "Kurtijev plan".
    bool possessive = false;
    if (best < 0 && words[i].upper && MaybePossessive(words[i].key)) {
      std::string base = PossessiveBase(words[i].range.Of(text));
      std::vector<Word> key{{words[i].range, base, true, Hash64(base)}};
      const std::vector<int>* found = base.empty() || base == words[i].key ? nullptr : by_keys_.Find(KeysHash(key, 0, 1));
      for (size_t n = 0; found != nullptr && n < found->size() && best < 0; ++n) {
        const Entry& en = entries_[(*found)[n]];
        if (!en.role && !en.weak && en.keys.size() == 1 && en.keys[0] == base && en.exact.empty() &&
            k_.entities()[en.target].type == EntityType::kPerson) {
          best = (*found)[n];
          best_len = 1;
          possessive = true;
        }
      }
    }
    if (best >= 0) {
      hits.push_back({{words[i].range.begin, words[i + best_len - 1].range.end}, best, i, i + best_len, "", ""});
      hits.back().possessive = possessive;
      for (size_t k = i; k < i + best_len; ++k) taken[k] = true;
      i += best_len;
    } else {
      ++i;
    }
  }

  // The characters Chinese uses to spell foreign names (the standard transcription tables'
  // most frequent ones): a foreign name is a run of them.
  static constexpr std::u32string_view kTranscription =
      U"阿埃艾安昂奥巴拜班邦保贝本比彼宾波伯博布查达戴丹道德登迪蒂丁杜顿多厄恩尔法范菲费芬丰弗福富"
      U"盖甘戈格贡古圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利莉"
      U"丽连林琳隆卢鲁伦罗洛马玛迈麦曼梅门蒙米敏明姆莫默穆纳娜奈南内尼涅宁努诺欧帕佩彭皮珀普奇齐恰乔"
      U"切钦琼丘萨赛桑瑟森沙莎尚舍什施斯松索苏塔泰坦汤唐特滕提廷图托瓦万威韦维温沃乌伍西希谢辛休雅"
      U"亚扬耶伊因尤扎泽詹兹佐当茨汀李约夫翰逊塞妮黛思肖丝鲍史珍迭廉柯修历瑞灵雪夏爱露娅琪薇山大怀烈可得白治芙萝娃茜柏盛";

  // 2. Chinese (and other unspaced) aliases as substrings, longest first. CJK aliases are
  // case-less, so the text is compared as it is.
  if (han_nodes_.size() > 1) {
    std::vector<std::pair<size_t, int>> ends;  // (byte length, trie node) of the aliases at a position
    for (size_t i = 0; i < text.size();) {
      if (static_cast<unsigned char>(text[i]) < 0xE2) {  // ASCII, a continuation, or below U+2000
        ++i;
        continue;
      }
      size_t start = i;
      char32_t c = text::DecodeUtf8(text, i);
      if (c < 0x2E80) continue;
      ends.clear();
      for (size_t k = start, node = 0; k < text.size();) {
        const int* child = han_children_.Find(HanEdge(static_cast<int>(node), text::DecodeUtf8(text, k)));
        if (child == nullptr) break;
        node = static_cast<size_t>(*child);
        if (!han_nodes_[node].empty()) ends.push_back({k - start, *child});
      }
      for (auto e = ends.rbegin(); e != ends.rend(); ++e) {
        size_t len = e->first;
        const std::vector<int>& found = han_nodes_[static_cast<size_t>(e->second)];
        // A topic takes no characters from the names inside it (科索沃独立: Kosovo too); it
        // joins the hits last, as the spaced scripts' topics do (3g).
        if (is_topic(entries_[found[0]])) {
          topic_hits.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(start + len)}, found[0], SIZE_MAX, SIZE_MAX, "", ""});
          continue;
        }
        // A person's name right after a middle dot ends someone else's longer name (米歇尔·奥巴马 is
        // not Barack Obama), as a pack person's surname after another given name does in spaced
        // scripts; so does a place's (乔治·华盛顿 is George Washington, no city). The rule for
        // transcribed names finds the whole.
        if (start >= 2 && text.substr(start - 2, 2) == "·" && !entries_[found[0]].role &&
            (k_.entities()[entries_[found[0]].target].type == EntityType::kPerson ||
             k_.entities()[entries_[found[0]].target].type == EntityType::kPlace)) {
          continue;
        }
        // A place's two-character name that opens a longer foreign name is part of it (普拉 in
        // 普拉斯科-弗莱克斯曼, a person): two more characters of the transcription set follow,
        // or a middle dot joins it to one.
        if (len == 6 && k_.entities()[entries_[found[0]].target].type == EntityType::kPlace) {
          size_t k = start + len;
          char32_t next = k < text.size() ? text::DecodeUtf8(text, k) : 0;
          char32_t after = k < text.size() ? text::DecodeUtf8(text, k) : 0;
          bool dotted = next == U'·' || (start >= 2 && text.substr(start - 2, 2) == "·");
          if (dotted || (kTranscription.find(next) != std::u32string_view::npos &&
                         kTranscription.find(after) != std::u32string_view::npos)) {
            continue;
          }
        }
        // A city's name before the head word of a university's, club's or paper's name is part
        // of that name, an organisation (普林斯顿大学, 伯克利分校), as in spaced scripts below;
        // a county, district or province named after it is a place of its own (博伊西县).
        // 奥兰多市长 is Orlando's mayor: the name is 奥兰多.
        const Entity& entity = k_.entities()[entries_[found[0]].target];
        if (entity.type == EntityType::kPlace && std::find(entity.tags.begin(), entity.tags.end(), "city") != entity.tags.end()) {
          static constexpr std::pair<std::string_view, EntityType> kCompounds[] = {
              {"县", EntityType::kPlace},   {"区", EntityType::kPlace},     {"州", EntityType::kPlace},
              {"省", EntityType::kPlace},   {"大学", EntityType::kOrg},     {"分校", EntityType::kOrg},
              {"学院", EntityType::kOrg},   {"俱乐部", EntityType::kOrg},   {"队", EntityType::kOrg},
              {"银行", EntityType::kOrg},   {"机场", EntityType::kOrg},     {"警察局", EntityType::kOrg},
              {"日报", EntityType::kOrg},   {"时报", EntityType::kOrg},     {"邮报", EntityType::kOrg},
              {"晚报", EntityType::kOrg},   {"市政府", EntityType::kOrg},   {"市议会", EntityType::kOrg}};
          std::string_view rest = text.substr(start + len);
          if (rest.starts_with("长") && text.substr(start, len).ends_with("市")) continue;
          auto compound = std::find_if(std::begin(kCompounds), std::end(kCompounds),
                                       [&](const auto& c) { return rest.starts_with(c.first); });
          if (compound != std::end(kCompounds)) {
            ByteRange r{static_cast<uint32_t>(start), static_cast<uint32_t>(start + len + compound->first.size())};
            std::string name(r.Of(text));
            bool place = compound->second == EntityType::kPlace;
            hits.push_back({r, -1, SIZE_MAX, SIZE_MAX, (place ? "place/~" : "org/~") + name, name, compound->second});
            i = r.end;
            break;
          }
        }
        hits.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(start + len)}, found[0], SIZE_MAX, SIZE_MAX, "", ""});
        i = start + len;
        break;
      }
    }
  }

  // 2b. Foreign names written in Chinese characters with a middle dot (德拉甘·米洛维奇): up to
  // six characters of the transcription set on each side of the dot, stopping at a match, at
  // the title words that precede names (经济学家, 外长, 大使) and at the verbs that follow them
  // (表示, 认为), so that "和凯莉·汉弗莱斯一" is 凯莉·汉弗莱斯.
  static constexpr std::u32string_view kTitleEnds = U"家长使员者官人理统席表";
  static constexpr std::u32string_view kVerbStarts = U"表说认指强称在的对和与是将也就已曾又均可得";
  // The dot is written several ways: · • ・ ‧.
  std::vector<std::pair<size_t, size_t>> dots;  // position, length
  for (std::string_view d : {"·", "•", "・", "‧"}) {
    for (size_t at = text.find(d); at != std::string_view::npos; at = text.find(d, at + 1)) dots.push_back({at, d.size()});
  }
  std::sort(dots.begin(), dots.end());
  const size_t dotted_from = hits.size();
  Coverage found_dotted;
  if (!dots.empty()) {
    for (const Hit& h : hits) found_dotted.Add(h.range);
  }
  for (auto [dot, dot_len] : dots) {
    auto cjk_before = [&](size_t at) {
      if (at < 3) return false;
      size_t k = at - 3;
      char32_t c = text::DecodeUtf8(text, k);
      return kTranscription.find(c) != std::u32string_view::npos && kTitleEnds.find(c) == std::u32string_view::npos;
    };
    size_t begin = dot;
    int n = 0;
    while (n < 6 && cjk_before(begin)) {
      if (found_dotted.Overlaps(static_cast<uint32_t>(begin - 3), static_cast<uint32_t>(begin))) break;
      begin -= 3;
      ++n;
    }
    size_t end = dot + dot_len;
    int m = 0, parts = 2;
    while (m < 6 && end + 3 <= text.size()) {
      size_t k = end;
      char32_t c = text::DecodeUtf8(text, k);
      // More parts after more dots (安德鲁·洛伊·韦伯; 安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔), four at most.
      if ((c == U'·' || c == U'•' || c == U'・' || c == U'‧') && m > 0 && parts < 4 && k + 3 <= text.size()) {
        size_t k2 = k;
        if (kTranscription.find(text::DecodeUtf8(text, k2)) == std::u32string_view::npos) break;
        end = k;
        m = 0;
        ++parts;
        continue;
      }
      if (c == '-' && m > 0 && k + 3 <= text.size()) {  // 伯纳斯-李
        size_t k2 = k;
        if (kTranscription.find(text::DecodeUtf8(text, k2)) == std::u32string_view::npos) break;
        end = k2;
        ++m;
        continue;
      }
      if (kTranscription.find(c) == std::u32string_view::npos || (m >= 2 && kVerbStarts.find(c) != std::u32string_view::npos)) break;
      // Nor does a name run into the courtesy title after it (福特博士, Dr Ford; 夫人, Mrs).
      if (std::any_of(std::begin(kCourtesyTitles), std::end(kCourtesyTitles), [&](std::string_view t) { return text.substr(end).starts_with(t); })) break;
      // Nor into a time word after two characters (马可·彼得罗维奇周一表示: on Monday).
      static constexpr std::string_view kTimeWords[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末", "星期",
                                                        "今天", "昨天", "今日", "昨日", "近日", "日前", "上午", "下午", "当天"};
      if (m >= 2 && std::any_of(std::begin(kTimeWords), std::end(kTimeWords), [&](std::string_view t) { return text.substr(end).starts_with(t); })) {
        break;
      }
      end = k;
      ++m;
    }
    if (n == 0 || m == 0 || found_dotted.Overlaps(static_cast<uint32_t>(begin), static_cast<uint32_t>(end))) continue;
    std::string name(text.substr(begin, end - begin));
    hits.push_back({{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}, -1, SIZE_MAX, SIZE_MAX, "person/~" + name, name});
    found_dotted.Add(hits.back().range);
  }
  // A dotted name that runs on past the same name written elsewhere in the article ends where
  // that one does: "坎耶·韦斯特佩戴" beside "坎耶·韦斯特" is 坎耶·韦斯特 (佩戴, wearing, is the next word).
  // (Each name's shorter prefixes are looked up, at character boundaries: a few per name.)
  if (hits.size() > dotted_from + 1) {
    std::unordered_set<std::string> dotted;
    for (size_t i = dotted_from; i < hits.size(); ++i) dotted.insert(hits[i].new_name);
    for (size_t i = dotted_from; i < hits.size(); ++i) {
      const std::string name = hits[i].new_name;
      for (size_t len = name.size() - 1; len >= 3; --len) {  // the longest such name
        if ((static_cast<unsigned char>(name[len]) & 0xC0) == 0x80 || !dotted.count(name.substr(0, len))) continue;
        hits[i].range.end = hits[i].range.begin + static_cast<uint32_t>(len);
        hits[i].new_name = name.substr(0, len);
        hits[i].new_id = "person/~" + hits[i].new_name;
        break;
      }
    }
  }

  // 2b'. Foreign names transliterated into Chinese without a dot, right before a reporting
  // verb or a courtesy title (亚当斯说, 斯图里奇表示, 亚当斯先生): two to six characters of the
  // transcription set.
  const std::vector<std::vector<size_t>> name_ends_at = cjk ? cjk_name_end_scan_.Find(text) : std::vector<std::vector<size_t>>();
  Coverage found_before_verbs;
  if (!name_ends_at.empty()) {
    for (const Hit& h : hits) found_before_verbs.Add(h.range);
  }
  for (const std::vector<size_t>& verb_at : name_ends_at) {
    for (size_t at : verb_at) {
      size_t begin = at;
      int n = 0;
      while (n < 6 && begin >= 3) {
        size_t k = begin - 3;
        char32_t c = text::DecodeUtf8(text, k);
        if (kTranscription.find(c) == std::u32string_view::npos) break;
        begin -= 3;
        ++n;
      }
      if (n < 2 || found_before_verbs.Overlaps(static_cast<uint32_t>(begin), static_cast<uint32_t>(at))) continue;
      std::string name(text.substr(begin, at - begin));
      hits.push_back({{static_cast<uint32_t>(begin), static_cast<uint32_t>(at)}, -1, SIZE_MAX, SIZE_MAX, "person/~" + name, name});
      found_before_verbs.Add(hits.back().range);
    }
  }

  // 2b'''. Names left in Latin script inside Chinese text, right before a reporting verb or a
  // courtesy title ("Sumbung 女士说", "曼城队经理 Pep Guardiola 告诉记者", "Sainsbury's 表示"),
  // or after an occupation or "named": one to three capitalised words, titles before them left
  // out ("Prof Czeisler补充道").
  if (!cjk_name_ends_.empty() && cjk) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (!words[i].upper || taken[i]) continue;
      size_t end = i + 1;
      while (end < words.size() && end - i < 3 && words[end].upper && !taken[end] &&
             text.substr(words[end - 1].range.end, words[end].range.begin - words[end - 1].range.end) == " ") {
        ++end;
      }
      size_t first = i;
      i = end - 1;
      while (first + 1 < end && LatinCourtesyTitles().Contains(words[first])) ++first;
      size_t at = words[end - 1].range.end;
      bool possessive = false;  // "Sainsbury's": a company
      for (std::string_view s : {"'s", "’s"}) {
        if (!possessive && text.substr(at, s.size()) == s) {
          at += s.size();
          possessive = true;
        }
      }
      auto name_end = static_cast<uint32_t>(at);
      while (at < text.size() && (text[at] == ' ' || text.substr(at, 3) == "\u3000")) at += text[at] == ' ' ? 1 : 3;
      bool title = false, verb = false;
      for (const std::string& e : cjk_name_ends_) {
        if (text.substr(at, e.size()) != e) continue;
        bool courtesy = std::find(std::begin(kCourtesyTitles), std::end(kCourtesyTitles), e) != std::end(kCourtesyTitles);
        (courtesy ? title : verb) = true;
      }
      // Or right after an occupation ("滑翔伞队教练 Gendon Subandono 曾训练过"): a person.
      static constexpr std::string_view kOccupations[] = {"教练", "记者", "经理", "主席", "总统", "部长", "发言人", "官员",
                                                          "律师", "教授", "医生", "队长", "主任", "总裁", "创始人", "作者",
                                                          "专家", "分析师", "研究员", "科学家", "演员", "歌手", "球员",
                                                          "议员", "大使", "市长", "州长", "法官", "检察官", "主持人"};
      std::string_view lead = text.substr(0, words[first].range.begin);
      while (!lead.empty() && (lead.back() == ' ' || lead.ends_with("\u3000"))) lead.remove_suffix(lead.back() == ' ' ? 1 : 3);
      for (std::string_view o : kOccupations) title = title || lead.ends_with(o);
      // Or after "named" ("一位名叫Wirda Lamboan的护士", a nurse named Wirda Lamboan).
      for (std::string_view named : {"名叫", "叫做", "名为"}) title = title || lead.ends_with(named);
      // Or before one ("Joan Puig 是一名机械师": is a mechanic).
      for (std::string_view is : {"是一名", "是一位"}) title = title || text.substr(at, is.size()) == is;
      if (!title && !verb) continue;
      bool person = title || !possessive;
      std::string id = person ? "person/~" : "org/~";
      for (size_t k = first; k < end; ++k) id += (k > first ? "-" : "") + words[k].key;
      uint32_t begin = words[first].range.begin;
      hits.push_back({{begin, name_end}, -1, first, end, id, std::string(text.substr(begin, name_end - begin)),
                      person ? EntityType::kPerson : EntityType::kOrg});
      for (size_t k = first; k < end; ++k) taken[k] = true;
    }
  }

  // 2b''. Names in Chinese text that no pack lists and the rules above missed, from the
  // character tagger: lines with Han characters, white space skipped, sentences ending at
  // 。！？; a name is two or more Han characters (and middle dots).
  auto han = [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; };
  static constexpr std::string_view kFunctionEnds = "的后说在是和与等也被将曾又都把对向从让给已还就却";
  static constexpr std::string_view kWeekdays = "一二三四五六日末";
  Coverage found_by_tagger;
  if (cjk) {
    for (const Hit& h : hits) found_by_tagger.Add(h.range);
  }
  for (size_t line = 0; line < text.size();) {
    size_t line_end = text.find('\n', line);
    if (line_end == std::string_view::npos) line_end = text.size();
    // Han characters (U+4E00..U+9FFF) start with bytes E4..E9: most lines of most texts have none.
    std::string_view bytes = text.substr(line, line_end - line);
    if (std::none_of(bytes.begin(), bytes.end(), [](char b) { return b >= '\xE4' && b <= '\xE9'; })) {
      line = line_end + 1;
      continue;
    }
    std::vector<std::string_view> chars;
    std::vector<uint32_t> offsets;
    std::vector<bool> starts;
    bool any_han = false, start = true;
    for (size_t i = line; i < line_end;) {
      size_t b = i;
      char32_t c = text::DecodeUtf8(text, i);
      if (u_isspace(static_cast<UChar32>(c))) continue;
      any_han = any_han || han(c);
      chars.push_back(text.substr(b, i - b));
      offsets.push_back(static_cast<uint32_t>(b));
      starts.push_back(start);
      start = c == U'。' || c == U'！' || c == U'？';
    }
    line = line_end + 1;
    if (!any_han) continue;
    for (const TaggedSpan& span : NameTagger::Chinese().Tag(chars, starts)) {
      if (span.end_word - span.first_word < 2) continue;
      bool all_han = true;
      for (size_t k = span.first_word; k < span.end_word && all_han; ++k) {
        size_t i = 0;
        char32_t c = text::DecodeUtf8(chars[k], i);
        all_han = han(c) || c == U'·';
      }
      // A reporting verb or courtesy title inside ends the name ("温立江表示" is 温立江 said).
      size_t last = span.end_word;
      for (size_t k = span.first_word + 2; k < last; ++k) {
        std::string_view rest = text.substr(offsets[k]);
        for (const std::string& word : cjk_name_ends_) {
          if (rest.substr(0, word.size()) == word) last = k;
        }
      }
      const bool before_verb = last < span.end_word;
      // Nor does a name run past 把 or 被, which mark its object or agent and no name holds
      // ("林奇把文件": Lynch + the files).
      for (size_t k = span.first_word + 2; k < last; ++k) {
        if (chars[k] == "把" || chars[k] == "被") last = k;
      }
      // Nor does a name of three or more end in a function word ("卡瓦诺后": 卡瓦诺 + "after";
      // "林奇对", the subject before 对), or start with a weekday ("周六").
      while (last - span.first_word > 2 && kFunctionEnds.find(chars[last - 1]) != std::string_view::npos) --last;
      std::string_view first_two = text.substr(offsets[span.first_word], 6);
      if (first_two == "星期" || (first_two.substr(0, 3) == "周" && kWeekdays.find(first_two.substr(3)) != std::string_view::npos)) {
        continue;
      }
      uint32_t begin = offsets[span.first_word];
      auto end = static_cast<uint32_t>(offsets[last - 1] + chars[last - 1].size());
      if (!all_han || found_by_tagger.Overlaps(begin, end)) continue;
      std::string name(text.substr(begin, end - begin));
      // Places do not speak: a name cut before a reporting verb is a person unless an organisation.
      char tag = before_verb && span.type == 'L' ? 'P' : span.type;
      // An office before 长 is part of its head's title (外交部长: foreign minister), no
      // organisation of its own.
      if (tag == 'O' && (text.substr(end, 3) == "长" || name.ends_with("部长") || name.ends_with("局长"))) continue;
      EntityType type = tag == 'P' ? EntityType::kPerson : tag == 'O' ? EntityType::kOrg : EntityType::kPlace;
      std::string id = (tag == 'P' ? "person/~" : tag == 'O' ? "org/~" : "place/~") + name;
      hits.push_back({{begin, end}, -1, SIZE_MAX, SIZE_MAX, id, name, type});
      found_by_tagger.Add(hits.back().range);
    }
  }

  // 2b-v. A Chinese name right after an office ("外交部发言人毛宁28日表示"): two or three Han
  // characters opening with a common surname, then a date, a reporting verb or punctuation,
  // are the office holder's name, where the tagger (thrown by the date) found none.
  {
    static constexpr std::u32string_view kSurnames =
        U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
        U"姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤耿华";
    static constexpr std::u32string_view kAfterName = U"在对于就也还则称，、：。0123456789０１２３４５６７８９";
    size_t n = hits.size();
    Coverage found;
    for (const Hit& h : hits) found.Add(h.range);
    for (size_t h = 0; h < n; ++h) {
      if (hits[h].entry < 0 || !entries_[hits[h].entry].role || hits[h].first_word != SIZE_MAX) continue;
      std::vector<uint32_t> ends;  // the end of each of the next four characters
      size_t i = hits[h].range.end;
      char32_t first = 0;
      for (int k = 0; k < 4 && i < text.size(); ++k) {
        char32_t c = text::DecodeUtf8(text, i);
        if (k == 0) first = c;
        ends.push_back(static_cast<uint32_t>(i));
      }
      if (ends.size() < 3 || kSurnames.find(first) == std::u32string_view::npos) continue;
      for (size_t len = 2; len <= 3 && len < ends.size(); ++len) {
        std::string_view rest = text.substr(ends[len - 1]);
        size_t k = 0;
        bool stop = kAfterName.find(text::DecodeUtf8(rest, k)) != std::u32string_view::npos;
        for (const std::string& verb : cjk_name_ends_) stop = stop || rest.starts_with(verb);
        bool all_han = true;
        for (size_t j = hits[h].range.end; j < ends[len - 1] && all_han;) all_han = han(text::DecodeUtf8(text, j));
        if (!stop || !all_han) continue;
        ByteRange r{hits[h].range.end, ends[len - 1]};
        if (!found.Overlaps(r.begin, r.end)) {
          std::string name(r.Of(text));
          hits.push_back({r, -1, SIZE_MAX, SIZE_MAX, "person/~" + name, name, EntityType::kPerson});
          found.Add(r);
        }
        break;
      }
    }
  }

  // 2b-iv. A foreign name introduced with its dot (by the rule above or the tagger) and then
  // written by its surname alone (托马斯·比约恩 … 比约恩于周五…), or by its given name alone
  // (基特·哈灵顿 … 基特最近表示): the later part, two characters or more and not inside a longer
  // transcription, is that person.
  {
    auto transcription_at = [&](size_t at) {
      size_t k = at;
      return at < text.size() && kTranscription.find(text::DecodeUtf8(text, k)) != std::u32string_view::npos;
    };
    const size_t named = hits.size();
    // The given name and the surname of a transcribed name found by the tagger (what precedes
    // its first dot and follows its last, two characters at least; "" when shorter).
    auto parts_of = [&](const Hit& hit) -> std::array<std::string_view, 2> {
      if (hit.entry >= 0 || hit.first_word != SIZE_MAX || hit.new_type != EntityType::kPerson) return {};
      std::string_view name = hit.range.Of(text);
      size_t first = std::string_view::npos, last = std::string_view::npos;
      for (std::string_view d : {"·", "•", "・", "‧"}) {
        size_t at = name.find(d);
        if (at != std::string_view::npos && (first == std::string_view::npos || at < first)) first = at;
        at = name.rfind(d);
        if (at != std::string_view::npos && (last == std::string_view::npos || at + d.size() > last)) last = at + d.size();
      }
      if (first == std::string_view::npos) return {};
      std::string_view given = name.substr(0, first), surname = name.substr(last);
      return {given.size() < 6 ? std::string_view() : given, surname.size() < 6 ? std::string_view() : surname};
    };
    // Where each part occurs, all found in one pass: a long text names many people, and the
    // same ones often.
    std::vector<std::string> parts;
    std::unordered_map<std::string, size_t> part_index;
    for (size_t h = 0; h < named; ++h) {
      for (std::string_view part : parts_of(hits[h])) {
        if (!part.empty() && part_index.try_emplace(std::string(part), parts.size()).second) parts.emplace_back(part);
      }
    }
    const std::vector<std::vector<size_t>> parts_at = StringScan(parts).Find(text, /*overlapping=*/true);
    // Each part's occurrences are read once, for the first name that has it: a later name with
    // the same part would find every occurrence taken already (an article that names one person
    // five thousand times stays linear).
    std::vector<bool> part_read(parts.size(), false);
    // The hits by where they begin, to find those an occurrence overlaps without reading them
    // all (hits added below come in the order of the text, so a few from the end suffice).
    std::vector<size_t> by_begin(named);
    uint32_t longest = 0;
    for (size_t k = 0; k < named; ++k) by_begin[k] = k, longest = std::max(longest, hits[k].range.size());
    std::sort(by_begin.begin(), by_begin.end(), [&](size_t x, size_t y) { return hits[x].range.begin < hits[y].range.begin; });
    auto overlapping = [&](size_t at, size_t end) {
      std::vector<size_t> found;
      auto it = std::lower_bound(by_begin.begin(), by_begin.end(), end, [&](size_t k, size_t e) { return hits[k].range.begin < e; });
      while (it != by_begin.begin()) {
        const Hit& o = hits[*--it];
        if (o.range.begin + longest <= at) break;
        if (o.range.end > at) found.push_back(*it);
      }
      for (size_t k = hits.size(); k-- > named && hits[k].range.end + 64 > at;) {
        if (hits[k].range.begin < end && hits[k].range.end > at) found.push_back(k);
      }
      std::sort(found.begin(), found.end());
      return found;
    };
    for (size_t h = 0; h < named; ++h) {
      // (The loop below moves only hits without a dot, so each part is one of `parts`.)
      const std::array<std::string_view, 2> both = parts_of(hits[h]);
      for (size_t which = 0; which < both.size(); ++which) {
        const std::string part(both[which]);
        auto index = part_index.find(part);
        if (part.empty() || parts_at.empty() || index == part_index.end() || part_read[index->second]) continue;
        part_read[index->second] = true;
        for (size_t at : parts_at[index->second]) {
          size_t end = at + part.size();
          if (at >= 3 && transcription_at(at - 3)) continue;
          size_t k = end;
          char32_t next = end < text.size() ? text::DecodeUtf8(text, k) : 0;
          if (transcription_at(end) && kVerbStarts.find(next) == std::u32string_view::npos && next != U'于') continue;
          // The tagger may have found the part alone as a name of its own, of any type (卡瓦诺,
          // 卡瓦诺后; 基特 as a place): that one is this person too.
          Hit* alone = nullptr;
          bool overlaps = false;
          for (size_t k : overlapping(at, end)) {
            Hit& o = hits[k];
            // (A given name is a name of its own with more after it: 威廉三世, William III.)
            bool tagged_alone = &o != &hits[h] && o.entry < 0 && o.first_word == SIZE_MAX && o.range.begin == at &&
                                (o.new_type == EntityType::kPerson || o.range.end == end) &&
                                (which == 1 || o.range.end <= end + 3) && o.range.Of(text).find("·") == std::string_view::npos;
            if (tagged_alone && alone == nullptr) alone = &o;
            else overlaps = true;
          }
          if (overlaps) continue;
          if (alone != nullptr) {
            alone->range = {static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
            alone->new_id = hits[h].new_id;
            alone->new_name = hits[h].new_name;
            alone->new_type = EntityType::kPerson;
            continue;
          }
          Hit again = hits[h];
          again.range = {static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
          hits.push_back(std::move(again));
        }
      }
    }
  }

  // Words that are not names, and unknown people added by the rules below. Leading sentence
  // words (The, But) are not part of a name.
  // Both lists hold name keys (NameKey: "these" -> "thes", "committee" -> "committ"), as words do.
  static const KeySet kNotNames(
      {"the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "but", "and", "in",
            "on", "at", "for", "after", "when", "while", "as", "mr", "mrs", "ms", "dr", "prof", "sir", "then", "also", "so",
            "of", "from", "with", "by", "to", "now", "today", "yesterday", "however", "meanwhile",
            // A letter's greeting and sign-off ("Hi,", "Dear Ana", "Cheers", "Sincerely,").
            "hi", "hello", "hey", "dear", "thanks", "thx", "cheers", "regards", "sincerely",
            // Sentence adverbs of Serbo-Croatian, Macedonian and Albanian ("Tani, Maurice po…"; not
            // "sada", whose key is that of SAD, the United States).
            "zatim", "danas", "juče", "jučer", "međutim", "takođe", "također", "tada", "ipak", "сега", "потоа",
            "денес", "вчера", "меѓутоа", "tani", "pastaj", "sot", "dje", "ndërkohë", "megjithatë", "gjithashtu"});
  // Words of organisations' and places' names and of dates, never of a person's.
  static const KeySet kNotInNames({
      "committee", "court", "house", "party", "council", "ministry", "department", "university", "college", "school",
      "street", "city", "county", "state", "states", "union", "nations", "republic", "kingdom", "office", "agency",
      "bank", "company", "group", "airport", "airlines", "airways", "air", "news", "times", "post", "journal",
      "institute", "academy", "center", "centre", "foundation", "association", "church", "hospital", "club", "league", "cup",
      "park", "river", "lake", "island", "islands", "bay", "sea", "ocean", "road", "avenue", "square", "hall",
      "tower", "bridge", "station", "festival", "award", "awards", "day", "act", "bill", "war", "games", "show",
      "live", "tv", "radio", "network", "media", "press", "police", "army", "navy", "force", "forces", "guard",
      "service", "inc", "ltd", "corp", "plc", "llc", "fund", "trust", "capital", "international", "global",
      "national", "federal", "royal", "united", "north", "south", "east", "northern", "southern", "eastern",
      "western", "new", "saint", "st", "mount", "god", "town", "world", "summit", "assembly", "senate", "congress",
      "parliament", "government", "prime", "minister", "president", "general", "secretary", "electric", "services",
      "management", "computers", "solutions", "systems", "technologies", "consulting", "partners", "associates",
      "holdings", "enterprises", "industries", "unit", "division", "motors", "insurance", "pharmacy", "restaurant",
      "hotel", "store", "shop", "clinic",
      // and of Serbian, Croatian and Bosnian ("Mike Pompeo Vijeću za sigurnost": to the Council)
      "vijeće", "veće", "savet", "vlada", "ministarstvo", "skupština", "sud", "agencija", "komisija", "odbor",
      "institut", "univerzitet", "sveučilište", "fakultet", "banka", "kompanija", "stranka", "partija"});
  // Titles, which kNotInNames lists too, that may end a span the rules below take apart.
  static const KeySet kTitleWords({"prime", "minister", "president", "general", "secretary"});
  // (With the wires' abbreviations, "PRISTINA, Oct 16 (Reuters)"; not Jan, Mar or Jun, which
  // are names too.)
  static const KeySet kCalendar(
      {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
       "april", "may", "june", "july", "august", "september", "october", "november", "december", "feb", "apr", "aug",
       "sep", "sept", "oct", "nov", "dec"});
  auto usable = [&](size_t k) {
    if (taken[k] || !words[k].upper || kNotNames.Contains(words[k]) || cues_.Contains(words[k].hash)) return false;
    std::string_view w = words[k].range.Of(text);
    size_t upper = 0;
    for (char c : w) upper += c >= 'A' && c <= 'Z';
    return upper < 2 || upper < w.size();  // not an acronym (BDI, NATO)
  };
  // Words [b, e) in quotation marks between two words of a name: a nickname (Branimir "Johnny"
  // Štulić), part of the name as written but not of its id.
  auto nickname = [&](size_t b, size_t e) {
    std::string_view open = gap_before(b), close = e < words.size() ? gap_before(e) : std::string_view();
    return (open == " \"" || open == " “" || open == " „" || open == " «") &&
           (close == "\" " || close == "” " || close == "“ " || close == "» ");
  };
  // A new person's name as the nominative writes it, where the text has it in another case
  // ("prema rečima analitičarke Jelene Milić", "sa Markom Petrovićem"): a known given name as the
  // given-name list spells it (in the text's script), a man's surname agreeing with it, a surname
  // in -ić without its case ending.
  auto in_nominative = [&](std::string name, const Word& given) {
    const std::string* spelling = given_spellings_.Find(given.hash);
    std::string_view surface = given.range.Of(text);
    size_t space = name.find(' ');
    // Only a form the Serbian, Croatian and Bosnian cases make of the listed name: Stevena and
    // Chrisom of Steven and Chris, Markom of Marko, Jelene and Tari of Jelena and Tara; not
    // Katrin (whose key meets Katarina's), Alfredo, Kimi or Johnny, names of their own.
    std::string folded = text::FoldForMatch(surface), base = spelling != nullptr ? text::FoldForMatch(*spelling) : "";
    auto case_of = [&](std::string_view stem, std::initializer_list<std::string_view> endings) {
      return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) {
        return folded.size() == stem.size() + e.size() && folded.starts_with(stem) && folded.ends_with(e);
      });
    };
    bool case_form = false, masculine = false;
    if (!base.empty() && (base.back() < 'a' || base.back() > 'z' || std::string_view("aeiou").find(base.back()) == std::string_view::npos)) {
      case_form = masculine = case_of(base, {"a", "u", "om", "em"});
    } else if (base.ends_with("o")) {
      case_form = case_of(std::string_view(base).substr(0, base.size() - 1), {"a", "u", "om"});
    } else if (base.ends_with("a")) {
      case_form = case_of(std::string_view(base).substr(0, base.size() - 1), {"e", "i", "u", "om", "o"});
    }
    auto cyrillic = [](std::string_view w) {
      return std::any_of(w.begin(), w.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xFE) == 0xD0; });
    };
    if (case_form && space == surface.size() && !given_words_.count(folded)) {
      std::string nominative = cyrillic(surface) == cyrillic(*spelling) ? *spelling
                               : cyrillic(surface)                      ? text::LatinToCyrillic(*spelling).text
                                                                        : text::CyrillicToLatin(*spelling).text;
      name = nominative + name.substr(space);
      // A man's surname agrees with his given name's case ("Stevena Gerrarda", "Vladimirom
      // Putinom", "Johna Kennedyja"): the same ending comes off, and the j that joins it to i or y.
      std::string_view ending = std::string_view(folded).substr(base.size());
      if (masculine) {
        static constexpr std::pair<std::string_view, std::string_view> kCyrillic[] = {{"a", "а"}, {"u", "у"}, {"om", "ом"}, {"em", "ем"}};
        std::string_view written = ending;
        for (const auto& [latin, cyr] : kCyrillic) {
          if (cyrillic(name.substr(name.rfind(' ') + 1)) && latin == ending) written = cyr;
        }
        size_t last = name.rfind(' ') + 1;
        if (name.size() - last > written.size() + 2 && name.ends_with(written)) {
          name.resize(name.size() - written.size());
          for (std::string_view j : {"ij", "yj", "иј"}) {
            if (name.ends_with(j)) name.resize(name.size() - (j == "иј" ? 2 : 1));
          }
        }
      }
    }
    static constexpr std::pair<std::string_view, std::string_view> kSurnameCases[] = {
        {"ića", "ić"}, {"iću", "ić"}, {"ićem", "ić"}, {"ића", "ић"}, {"ићу", "ић"}, {"ићем", "ић"}};
    for (const auto& [declined, whole] : kSurnameCases) {
      if (name.size() > declined.size() && name.ends_with(declined)) {
        name = name.substr(0, name.size() - declined.size()) + std::string(whole);
        break;
      }
    }
    return name;
  };
  // The hit of a name no pack lists, words [first, end): its id from the words' name keys (a
  // nickname's aside), its name as written (O'Hagan, Mills-Hicks) with white space collapsed.
  auto unknown_hit = [&](size_t first, size_t end, EntityType type) {
    // A person's name does not include the titles before it ("Mr Dar", "Pastor Stephen Jones",
    // "NASA Administrator Mike Griffin"): the person is the same with or without them.
    while (type == EntityType::kPerson && end - first > 1 &&
           (LatinCourtesyTitles().Contains(words[first]) || cues_.Contains(words[first].hash))) {
      ++first;
    }
    // No name ends in a preposition or conjunction ("Univerziteta u" before a place the packs
    // took, "Белата куќа за"): a word of one or two letters in lower case.
    static const std::unordered_set<std::string_view> kLinks = {"the", "and", "for", "from", "iz", "kod", "pri", "dhe", "për"};
    while (end - first > 1 && !words[end - 1].upper &&
           (std::count_if(text.begin() + words[end - 1].range.begin, text.begin() + words[end - 1].range.end,
                          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) <= 2 ||
            kLinks.count(words[end - 1].range.Of(text)))) {
      --end;
    }
    std::string id = type == EntityType::kPerson ? "person/~" : type == EntityType::kOrg ? "org/~" : "place/~";
    for (size_t k = first; k < end; ++k) {
      if (k > first && k + 1 < end && nickname(k, k + 1)) continue;
      id += (k > first ? "-" : "") + words[k].key;
    }
    std::string name;
    for (char ch : text.substr(words[first].range.begin, words[end - 1].range.end - words[first].range.begin)) {
      if (ch == '\n' || ch == '\t') ch = ' ';
      if (ch == ' ' && !name.empty() && name.back() == ' ') continue;
      name += ch;
    }
    if (type == EntityType::kPerson && end - first >= 2) name = in_nominative(name, words[first]);
    return Hit{{words[first].range.begin, words[end - 1].range.end}, -1, first, end, id, name, type};
  };
  auto add_unknown = [&](size_t first, size_t end) {
    hits.push_back(unknown_hit(first, end, EntityType::kPerson));
    for (size_t k = first; k < end; ++k) taken[k] = true;
  };

  // 1b. Airlines: "Air" and the capitalised word after it (Air Serbia, Air Niugini) are one
  // organisation, not a place's name after a word.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].key != "air" || !words[i].upper || taken[i] || !words[i + 1].upper ||
        text.substr(words[i].range.end, words[i + 1].range.begin - words[i].range.end) != " ") {
      continue;
    }
    auto alone = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.first_word == i + 1 && h.end_word == i + 2; });
    if (taken[i + 1] && alone == hits.end()) continue;  // part of a longer name
    if (alone != hits.end()) hits.erase(alone);
    hits.push_back(unknown_hit(i, i + 2, EntityType::kOrg));
    taken[i] = taken[i + 1] = true;
  }

  // Words the text also writes in lower case, or the language's common words, are not names
  // when a sentence starts with them ("Or", "Says" in a headline, "Mother", "Smrt").
  auto written_lower = [&](size_t k) {
    return lower_elsewhere(k) || common_words_.count(text::FoldForMatch(words[k].range.Of(text))) > 0;
  };
  // Words of a headline in title case (a line whose words of four letters or more, four at
  // least and numbers aside, are all capitalised: "Elizabeth Warren Will Take "Hard Look" At
  // Running For President in 2020") that the text also writes in lower case are those words,
  // not names ("Will Take", "Running"): a name found in a headline ends before one.
  std::vector<char> headline_word(words.size(), 0);
  for (size_t i = 0; i < words.size();) {
    size_t line_end = std::min(text.find('\n', words[i].range.begin), text.size());
    size_t j = i;
    int long_words = 0;
    bool title_case = true;
    for (; j < words.size() && words[j].range.end <= line_end; ++j) {
      if (words[j].range.size() < 4 || std::isdigit(static_cast<unsigned char>(text[words[j].range.begin]))) continue;
      ++long_words;
      title_case = title_case && words[j].upper;
    }
    if (title_case && long_words >= 4) {
      for (size_t k = i; k < j; ++k) headline_word[k] = lower_elsewhere(k);
    }
    i = std::max(j, i + 1);
  }
  // 2c''. A line that is one to three capitalised words and nothing else but a comma or colon
  // (after a greeting word or a dash, before them) is a letter's greeting or signature, a
  // byline or a quotation's source: a person ("Louise,", "Hi Sara,", "Vince J Kaminski", "- Will
  // Rogers"), unless a word is a common one ("Thanks,", "Regards", a one-word headline) or
  // known already.
  {
    static const KeySet kGreetings({"hi", "hello", "dear", "hey"});
    for (size_t i = 0; i < words.size();) {
      size_t line_begin = text.rfind('\n', words[i].range.begin);
      line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
      size_t line_end = std::min(text.find('\n', words[i].range.begin), text.size());
      size_t j = i;
      while (j < words.size() && words[j].range.end <= line_end) ++j;
      size_t first = i;
      if (j - i >= 2 && kGreetings.Contains(words[i])) ++first;
      std::string_view before = text.substr(line_begin, words[i].range.begin - line_begin);
      std::string_view after = text.substr(words[j - 1].range.end, line_end - words[j - 1].range.end);
      bool bare = before.find_first_not_of(" \t-–—") == std::string_view::npos && after.find_first_not_of(" \t,:") == std::string_view::npos &&
                  (first == i || text.substr(words[i].range.end, words[first].range.begin - words[i].range.end) == " ");
      // A known given name may also be a common word ("Will"); it opens the line.
      auto name_word = [&](size_t k) {
        return words[k].upper && usable(k) && (!written_lower(k) || (k == first && given_name[k])) &&
               !kCalendar.Contains(words[k]) && !kNotInNames.Contains(words[k]) &&
               (k == first || Joined(text, words[k - 1].range.end, words[k].range.begin));
      };
      bool name = bare && j - first <= 3;
      for (size_t k = first; k < j && name; ++k) name = name_word(k);
      if (name) {
        add_unknown(first, j);
      } else if (before.find_first_not_of(" \t-–—") == std::string_view::npos && j - first > 2 &&
                 given_name[first] && name_word(first) && name_word(first + 1) &&
                 std::none_of(words.begin() + static_cast<long>(first), words.begin() + static_cast<long>(j), [&](const Word& w) {
                   std::string_view t = w.range.Of(text);
                   return !w.upper && t.find_first_of("0123456789") == std::string_view::npos;
                 })) {
        // A signature line, its words all capitalised or numbers: a given name and a surname (an
        // initial between them) before a title or a company ("Sara Shackleton Enron Wholesale
        // Services", "Hilary E. Ackermann Goldman Sachs"), not a sentence that opens with a name.
        size_t end = first + 2;
        if (words[first + 1].range.size() == 1 && end < j && name_word(end)) ++end;
        add_unknown(first, end);
      }
      i = j;
    }
  }

  // 2c'. A person the article names in full and then by surname alone ("Kanye West was booed
  // ... West went on"): two or three capitalised words whose last word the text also writes
  // alone, capitalised. News introduces people this way; organisations and places rarely
  // shorten to their last word, and those that do end in words listed here (Court, House).
  {
    auto joined_upper = [&](size_t a, size_t b) {
      return words[a].upper && words[b].upper && Joined(text, words[a].range.end, words[b].range.begin);
    };
    std::unordered_map<std::string_view, int> alone;
    for (size_t k = 0; k < words.size(); ++k) {
      if (words[k].upper && !(k > 0 && joined_upper(k - 1, k)) && !(k + 1 < words.size() && joined_upper(k, k + 1))) {
        ++alone[words[k].key];
      }
    }
    for (size_t i = 0; i < words.size(); ++i) {
      if (!words[i].upper || (i > 0 && joined_upper(i - 1, i))) continue;
      size_t j = i + 1;
      while (j < words.size() && j - i <= 3 && joined_upper(j - 1, j)) ++j;
      if (j - i < 2 || j - i > 3) continue;
      // A short word with two capitals is an abbreviation (BiH), not a surname (McCain).
      std::string_view last = words[j - 1].range.Of(text);
      bool abbreviation = last.size() <= 4 && std::count_if(last.begin(), last.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) >= 2;
      bool ok = alone.count(words[j - 1].key) > 0 && !alone.count(words[i].key) && words[j - 1].key.size() >= 3 && !abbreviation;
      for (size_t k = i; k < j && ok; ++k) ok = usable(k) && !kNotInNames.Contains(words[k]) && !kCalendar.Contains(words[k]);
      if (!ok) continue;
      if (sentence_start[i] && written_lower(i)) continue;  // "Then West said"
      add_unknown(i, j);
    }
  }

  // 2c. Names no pack lists, from the trained tagger (people, organisations, places). A bare
  // title of several words is no name, whatever its capitals ("Ministrja e Jashtme", the foreign
  // minister: "Jashtme" is no place).
  for (size_t i = 0; i < words.size(); ++i) {
    const Title* t = taken[i] ? nullptr : title_at(i);
    if (t == nullptr || t->keys.size() < 2) continue;
    for (size_t k = i; k < i + t->keys.size(); ++k) taken[k] = true;
    i += t->keys.size() - 1;
  }
  {
    std::vector<std::string_view> surfaces;
    std::vector<bool> starts;
    // Sentence starts, and the starts of what follows a colon or an opening quotation mark
    // ("o pismu kaže: Teško je …"): a capital there may be a common word's.
    std::vector<bool> opens;
    for (size_t i = 0; i < words.size(); ++i) {
      // An initial is read with its dot ("S." in "Gordon S. Barrass"), as the model learnt it.
      std::string_view surface = words[i].range.Of(text);
      if (initial(i)) surface = text.substr(words[i].range.begin, words[i].range.size() + 1);
      surfaces.push_back(surface);
      bool start = sentence_start[i], open = start;
      if (!start) {
        std::string_view gap = text.substr(words[i - 1].range.end, words[i].range.begin - words[i - 1].range.end);
        open = gap.find_first_of(":\"") != std::string_view::npos || gap.find("«") != std::string_view::npos ||
               gap.find("„") != std::string_view::npos || gap.find("“") != std::string_view::npos;
      }
      starts.push_back(start);
      opens.push_back(open);
    }
    std::vector<TaggedSpan> spans;
    for (const TaggedSpan& s : NameTagger::Default().Tag(surfaces, starts)) {
      if (s.end_word - s.first_word == 1 && (opens[s.first_word] || (s.first_word > 0 && words[s.first_word - 1].upper)) &&
          written_lower(s.first_word)) {
        continue;
      }
      if (s.end_word - s.first_word == 1 && kCalendar.Contains(words[s.first_word])) continue;  // "last December"
      if (s.end_word - s.first_word == 1 && kNotNames.Contains(words[s.first_word])) continue;    // "Tani, …"

      // Not a word after an elided article ("Ballon d'Or": the name is the whole), and not a
      // function word that opens a sentence ("Of Paddington, whom …").
      if (s.first_word > 0 && words[s.first_word - 1].range.size() == 1) {
        std::string_view gap = text.substr(words[s.first_word - 1].range.end,
                                           words[s.first_word].range.begin - words[s.first_word - 1].range.end);
        if (gap == "'" || gap == "’") continue;
      }
      size_t b = s.first_word;
      while (b + 1 < s.end_word && opens[b] && (kNotNames.Contains(words[b]) || (s.type == 'P' && written_lower(b)))) {
        opens[++b] = true;
      }
      // An Albanian plural noun in the genitive after its article ("Dhomën e Përfaqësuesve", the
      // House of Representatives) is part of a name, never a person's.
      auto genitive_plural = [&](size_t k) {
        return k > 0 && (words[k - 1].key == "e" || words[k - 1].key == "te") && !words[k - 1].upper &&
               text::FoldForMatch(words[k].range.Of(text)).ends_with("ve");
      };
      // A name does not run across punctuation ("Paul Mills-Hicks, Sainsbury's director"), nor
      // across a reporting verb in lower case ("Lakers shkroi në Tweeter": the Lakers wrote on
      // Twitter); the piece after the verb is held to the same checks.
      // Nor does a person's name run across a word in lower case other than a particle ("Harper
      // may have": the model read on into the sentence), nor any name across an auxiliary verb
      // or a negation, which no name holds ("Uashingtoni mund të përcaktojnë …", Washington can
      // decide; "Toyota nuk mund"; "Bees will also get more space"), or a conjunction that opens
      // a clause ("Livingston krijoi më shumë kur", when).
      // (As written: Macedonian "се" and "не" fold to Albanian "së" and "në", which names hold.)
      static const std::unordered_set<std::string_view> kClauseWords = {
          "is",    "are",  "was",  "were",   "will",  "would", "has",  "have", "had",  "can",  "could", "should",
          "did",   "does", "not",  "must",   "je",    "su",    "nije", "nisu", "će",   "ce",   "neće",  "bi",
          "bio",   "bila", "mora", "moraju", "treba", "može",  "mogu", "nuk",  "mund", "ka",   "kanë",  "kishte",
          "është", "janë", "ishte", "ishin", "duhet", "е",     "се",   "ќе",   "не",   "беше", "може",  "можат",
          "мора",  "треба", "има",  "нема",
          // and conjunctions that open a clause (when, while, because, how, that)
          "when",  "while", "because", "kada", "dok", "kako", "kur", "duke", "sesi", "që", "кога", "додека"};
      // Nor across an Albanian verb in the aorist, the tense of news (-oi: "Livingston siguroi
      // fitoren", "Thomson lejoi avantazhin"), which no lower-case word of a name shares.
      auto aorist = [&](size_t k) {
        std::string_view w = words[k].range.Of(text);
        return w.size() >= 5 && w.ends_with("oi");
      };
      for (size_t k = b + 1; k <= s.end_word; ++k) {
        bool verb = k < s.end_word && !words[k].upper &&
                    (speech_verbs_.Contains(words[k].hash) || kClauseWords.count(words[k].range.Of(text)) || aorist(k) ||
                     (s.type == 'P' && !IsParticle(text, words[k])));
        if (verb || k == s.end_word || !Joined(text, words[k - 1].range.end, words[k].range.begin)) {
          // A piece after the punctuation that starts in lower case is no name ("Luke Walton, ka").
          // A piece of one word is held to the checks above ("BELGRADE, March 3 (Reuters) - The").
          bool lone = k == b + 1 && (kCalendar.Contains(words[b]) || kNotNames.Contains(words[b]) ||
                                     ((opens[b] || (b > 0 && words[b - 1].upper)) && written_lower(b)));
          if (!(s.type == 'P' && k == b + 1 && genitive_plural(b)) && words[b].upper && !lone) spans.push_back({b, k, s.type});
          b = verb ? k + 1 : k;
          if (verb) ++k;
        }
      }
    }
    // A known given name right before a person's name is its first word, where the model, wary
    // of a sentence's first capital, left it out ("Richard Harper may have …").
    // So is a known given name before a surname the model typed as something else ("Winston
    // Peters" is no organisation), unless the word is an organisation's or place's head ("Lincoln
    // Center").
    for (size_t i = 0; i < spans.size(); ++i) {
      TaggedSpan& s = spans[i];
      size_t g = s.first_word - 1;
      if (s.first_word > 0 && given_name[g] && words[g].upper && !common_keys_.Contains(words[g].hash) &&
          text.substr(words[g].range.end, words[s.first_word].range.begin - words[g].range.end) == " " &&
          (i == 0 || spans[i - 1].end_word <= g) && !taken[g] &&
          (s.type == 'P' || (s.end_word == s.first_word + 1 && !kNotInNames.Contains(words[s.first_word])))) {
        s.first_word = g;
        s.type = 'P';
      }
      // And a known given name alone that the model took for a place no pack knows is a person
      // ("pass this along to Elizabeth"); places that are given names too (Victoria, Jordan)
      // are the packs' and matched before.
      if (s.type == 'L' && s.end_word == s.first_word + 1 && given_name[s.first_word] && !common_keys_.Contains(words[s.first_word].hash) &&
          !sentence_start[s.first_word]) {
        s.type = 'P';
      }
    }
    // After an Albanian article of the genitive (e, të, së; i before a word with ë or ç, as
    // Serbian "i" is "and"), capitalised words are the complement of what comes before
    // ("Ministri i Energjisë Aleksandr Novak"): a person's name among them starts at its given
    // name. One word alone there that ends as a feminine or place genitive does (-ë, -ës:
    // "Sekretarin … të Energjisë, Rick Perry") is the complement and no person; a man's name in
    // the genitive ends in -it (Kurtit). One word right after a title and its article is the
    // office's institution, no person ("Ministri i Mbrojtjes", "Kryetari i Kuvendit").
    std::vector<TaggedSpan> kept;
    for (TaggedSpan& s : spans) {
      bool genitive = false, titled = false;
      if (s.type == 'P' && s.first_word > 0 && !words[s.first_word - 1].upper) {
        std::string_view article = words[s.first_word - 1].range.Of(text);
        std::string_view first = words[s.first_word].range.Of(text);
        bool albanian = first.find("ë") != std::string_view::npos || first.find("ç") != std::string_view::npos;
        genitive = article == "e" || article == "të" || article == "së" || (article == "i" && albanian);
        // (Not a relative's: "Vajza e Bond", Bond's daughter, is a person's.)
        static const std::unordered_set<std::string> kRelatives = {
            "vajza", "djali", "nena", "babai", "bashkeshortja", "bashkeshorti", "gruaja", "burri", "motra", "vellai", "shoqja",
            "shoqi", "mbesa", "nipi"};
        titled = (article == "i" || article == "e") && s.first_word >= 2 && cues_.Contains(words[s.first_word - 2].hash) &&
                 !kRelatives.count(text::FoldForMatch(words[s.first_word - 2].range.Of(text)));
        genitive = genitive || titled;
      }
      if (genitive) {
        std::string_view first = words[s.first_word].range.Of(text);
        if (s.end_word == s.first_word + 1 && titled) {
          // The office's institution ("Kryetari i Kuvendit", "menaxheri i City"); a piece of its
          // name when the name goes on ("Ministri i Punëve të Brendshme").
          bool goes_on = s.end_word < words.size() && words[s.end_word].range.Of(text) == "të";
          s.type = 'O';
          if (!goes_on) kept.push_back(s);
          continue;
        }
        if (s.end_word == s.first_word + 1 && (first.ends_with("ë") || first.ends_with("ës"))) continue;
        size_t from = s.first_word;
        for (size_t k = s.first_word + 1; k + 1 < s.end_word; ++k) {
          if (given_name[k]) {
            s.first_word = k;
            break;
          }
        }
        // After a title the first word is the complement, a name of two words or more after it
        // ("Ministrja e Drejtësisë Albulena Haxhiu").
        if (titled && s.first_word == from && s.end_word - s.first_word >= 3) ++s.first_word;
      }
      kept.push_back(s);
    }
    spans = std::move(kept);
    // A courtesy title the model tagged alone, or cut off by its dot, is no name: the one or two
    // capitalised words after it are a person's ("Mr. Mandagi").
    std::vector<TaggedSpan> named;
    for (size_t i = 0; i < spans.size(); ++i) {
      const TaggedSpan& s = spans[i];
      if (s.end_word != s.first_word + 1 || !LatinCourtesyTitles().Contains(words[s.first_word])) {
        named.push_back(s);
        continue;
      }
      if (i + 1 < spans.size() && spans[i + 1].first_word == s.end_word) {
        spans[i + 1].type = 'P';
        continue;
      }
      size_t e = s.end_word;
      auto gap = [&](size_t k) { return text.substr(words[k - 1].range.end, words[k].range.begin - words[k - 1].range.end); };
      while (e < words.size() && e - s.first_word <= 2 && words[e].upper && !kNotInNames.Contains(words[e]) &&
             (gap(e) == " " || gap(e) == ". ")) {
        ++e;
      }
      if (e > s.end_word) named.push_back({s.end_word, e, 'P'});
    }
    spans = std::move(named);
    // Two or three words right after a title or occupation in lower case (or opening the
    // sentence) are a person's name, whatever the model says ("35-godišnja majka Risa Kusuma",
    // "Премиерката Тереза Меј"), unless an organisation's word is among them or a capitalised
    // word follows: then they are the title's complement ("ekonomista Centralne banke Nina …").
    for (TaggedSpan& s : spans) {
      size_t n = s.end_word - s.first_word;
      if (s.type == 'P' || n < 2 || n > 3 || s.first_word == 0) continue;
      const Word& before = words[s.first_word - 1];
      bool title = (!before.upper || sentence_start[s.first_word - 1]) && cues_.Contains(before.hash) &&
                   text.substr(before.range.end, words[s.first_word].range.begin - before.range.end) == " ";
      bool complement = s.end_word < words.size() && words[s.end_word].upper &&
                        Joined(text, words[s.end_word - 1].range.end, words[s.end_word].range.begin);
      for (size_t k = s.first_word; k < s.end_word; ++k) complement = complement || kNotInNames.Contains(words[k]);
      if (title && !complement) s.type = 'P';
    }
    // So are the words after a title the model tagged with them as something else ("Pope
    // Francis", "Captain Ahab"), unless an organisation's word is among them.
    for (TaggedSpan& s : spans) {
      size_t n = s.end_word - s.first_word;
      const bool* title = cues_.Find(words[s.first_word].hash);
      if (s.type == 'P' || n < 2 || n > 3 || title == nullptr || !*title) continue;
      bool org = false;
      for (size_t k = s.first_word + 1; k < s.end_word; ++k) org = org || kNotInNames.Contains(words[k]);
      if (!org) s.type = 'P';
    }
    // A nickname in quotation marks between a given name and a surname is part of one name
    // (Branimir "Johnny" Štulić, Rohan "Alabama" Davey), not three people.
    for (size_t i = 0; i + 2 < spans.size(); ++i) {
      TaggedSpan &a = spans[i], &nick = spans[i + 1], &c = spans[i + 2];
      if (a.type == 'P' && nick.first_word == a.end_word && nick.end_word <= nick.first_word + 2 && c.first_word == nick.end_word &&
          c.type == 'P' && c.end_word == c.first_word + 1 && nickname(nick.first_word, nick.end_word)) {
        a.end_word = c.end_word;
        spans.erase(spans.begin() + static_cast<long>(i + 1), spans.begin() + static_cast<long>(i + 3));
      }
    }
    // A hyphenated surname the model tagged as two people is one ("Paul Mills" + "Hicks"), and
    // so is one whose second part it left out ("Paul Mills" + "-Hicks", untagged).
    auto hyphen_after = [&](size_t end_word) {
      return end_word < words.size() && words[end_word].upper &&
             text.substr(words[end_word - 1].range.end, words[end_word].range.begin - words[end_word - 1].range.end) == "-";
    };
    for (size_t i = 0; i < spans.size(); ++i) {
      TaggedSpan& a = spans[i];
      if (a.type != 'P' || !hyphen_after(a.end_word)) continue;
      if (i + 1 < spans.size() && spans[i + 1].first_word == a.end_word) {
        if (spans[i + 1].type != 'P') continue;
        a.end_word = spans[i + 1].end_word;
        spans.erase(spans.begin() + static_cast<long>(i + 1));
      } else if (!taken[a.end_word]) {
        ++a.end_word;
      }
    }
    // After a title, a run of three to five capitalised words whose third-last is in a case
    // ending and no known given name is the title's complement and a two-word name ("trener
    // Cityja Pep Guardiola", "Igrač Manchester Cityja Sergio Aguero"), whether the model found
    // the run as one span or two.
    for (size_t i = 0; i < spans.size(); ++i) {
      TaggedSpan& a = spans[i];
      size_t f = a.first_word;
      size_t end = a.end_word;
      while (end < words.size() && end - f < 6 && words[end].upper && !taken[end] &&
             text.substr(words[end - 1].range.end, words[end].range.begin - words[end - 1].range.end) == " ") {
        ++end;
      }
      bool title_inside = end - f >= 4 && cues_.Contains(words[f].hash);  // "Igrač Manchester Cityja …"
      if (title_inside) ++f;
      if (f == 0 || !cues_.Contains(words[f - 1].hash) || (words[f - 1].upper && !opens[f - 1] && !title_inside) ||
          text.substr(words[f - 1].range.end, words[f].range.begin - words[f - 1].range.end) != " ") {
        continue;
      }
      if (end - f < 3 || end - f > 5 || (end < words.size() && words[end].upper && Joined(text, words[end - 1].range.end, words[end].range.begin))) {
        continue;
      }
      size_t c = end - 3;  // the complement's last word
      bool inflected = NameKey(words[c].range.Of(text)) != text::FoldForMatch(words[c].range.Of(text));
      if (!inflected || given_name[c] || kNotInNames.Contains(words[c + 1])) continue;
      while (i + 1 < spans.size() && spans[i + 1].first_word < end) spans.erase(spans.begin() + static_cast<long>(i + 1));
      spans[i] = {f, c + 1, 'O'};  // the title inside the model's span, if any, is no name
      spans.insert(spans.begin() + static_cast<long>(i + 1), {c + 1, end, 'P'});
      ++i;
    }
    // A known given name inside a longer span the model calls an organisation or a place, or
    // one that opens with a title, starts a person's name: what comes before it is the title or
    // its complement ("Activa Mladen Bojanić", "Analitičar Instituta Nikola Marković"), a name
    // of its own unless it opens with a title. A person's span keeps its given names ("Antonio
    // Maria Costa", "Emyr Jones Parry") unless it is a word, a given name and a South Slavic
    // surname ("Partizana Aleksandar Stanojević"): those have no middle names.
    for (size_t i = 0; i < spans.size(); ++i) {
      TaggedSpan s = spans[i];
      if (s.type == 'P' && !cues_.Contains(words[s.first_word].hash) &&
          !(s.end_word - s.first_word == 3 && SlavicSurname(words[s.end_word - 1]) && !SlavicSurname(words[s.first_word]))) {
        continue;
      }
      for (size_t k = s.first_word + 1; k < s.end_word; ++k) {
        if (!words[k].upper || !given_name[k]) continue;
        if (given_name[k - 1]) break;  // "Baltazar Adam": given names of one person
        // The surname may lie past the span's end ("Activa Mladen | Bojanić", "Saveza Anders |
        // Fogh Rasmussen").
        size_t end = s.end_word;
        bool past = end == k + 1;
        while (past && end - k < 3 && end < words.size() && words[end].upper &&
               text.substr(words[end - 1].range.end, words[end].range.begin - words[end - 1].range.end) == " ") {
          ++end;
        }
        bool name = end - k >= 2 && end - k <= 3;
        for (size_t n = k; n < end && name; ++n) name = words[n].upper && !taken[n] && !kNotInNames.Contains(words[n]);
        if (!name) break;
        spans[i] = {k, end, 'P'};
        if (!cues_.Contains(words[s.first_word].hash)) {
          spans.insert(spans.begin() + static_cast<long>(i), {s.first_word, k, s.type == 'P' ? 'O' : s.type});
          ++i;
        }
        break;
      }
    }
    // The words where a place's name ends that completes no title ("Bethesda" in "Bethesda,
    // Maryland"; not "Мексика" in "Председник Мексика"), kept up as places are found.
    std::vector<char> place_ends(words.size() + 1);
    auto mark_place_end = [&](const Hit& h) {
      if (h.first_word != SIZE_MAX && (h.first_word == 0 || !cues_.Contains(words[h.first_word - 1].hash)) &&
          (h.entry >= 0 ? !entries_[h.entry].role && k_.entities()[entries_[h.entry].target].type == EntityType::kPlace
                        : h.new_type == EntityType::kPlace)) {
        place_ends[h.end_word] = 1;
      }
    };
    for (const Hit& h : hits) mark_place_end(h);
    for (TaggedSpan s : spans) {
      // A month and its day ("PRISTINA, Oct 16 (Reuters)") is a date.
      if (kCalendar.Contains(words[s.first_word]) &&
          (s.end_word == s.first_word + 1 || std::isdigit(static_cast<unsigned char>(text[words[s.first_word + 1].range.begin])))) {
        continue;
      }
      bool free = true;
      for (size_t k = s.first_word; k < s.end_word; ++k) free = free && !taken[k];
      if (!free) continue;
      // In a headline the name ends before the first word that is a headline's capital.
      // A person's name cut so is two words at least.
      size_t whole = s.end_word;
      for (size_t k = s.first_word; k < s.end_word; ++k) {
        if (headline_word[k]) {
          s.end_word = k;
          break;
        }
      }
      if (s.end_word == s.first_word || (s.end_word < whole && s.type == 'P' && s.end_word - s.first_word < 2)) continue;
      // A title alone is no name ("Foreign Minister", "Deputy"), nor one with the adjective of a
      // people ("Sekretarin Amerikan", the American Secretary).
      bool title_only = true;
      for (size_t k = s.first_word; k < s.end_word && title_only; ++k) {
        title_only = cues_.Contains(words[k].hash) || (k > s.first_word && peoples_.Contains(words[k].hash));
      }
      if (title_only) continue;
      char tag = s.type;
      // Two or three words led by a known given name are a person whatever the model says
      // ("Brett Kavanaugh", "Karen Hunter").
      size_t n = s.end_word - s.first_word;
      if (n >= 2 && n <= 3 && words[s.first_word].upper && given_name[s.first_word]) tag = 'P';
      // A name that ends in an organisation's or a place's head word is no person's ("Manchester
      // City"); a title at its end is left to the rules below.
      const Word& head = words[s.end_word - 1];
      if (tag == 'P' && kNotInNames.Contains(head) && !kTitleWords.Contains(head)) tag = 'O';
      // And one that ends in a head word of geography is a place ("Chuuk Island", "Red River").
      static const KeySet kGeographicHeads({"island", "islands", "river", "lake", "bay", "sea", "ocean", "valley", "peninsula"});
      if (n >= 2 && kGeographicHeads.Contains(head)) tag = 'L';
      // Nor one that opens with a foreign article: a publication or a company ("Der Spiegel",
      // "Дер Шпигел", "The Guardian").
      static const KeySet kArticles({"the", "der", "die", "das", "il", "les"});
      if (tag == 'P' && n >= 2 && kArticles.Contains(words[s.first_word])) tag = 'O';
      // Nor one named after a saint: a church, a town or a street ("Shën Martinit", "Sveti
      // Stefan", "St. Martin's").
      static const KeySet kSaints({"shen", "sveti", "sveta", "sveto", "sv", "st", "saint", "sankt"});
      if (tag == 'P' && n >= 2 && kSaints.Contains(words[s.first_word])) tag = 'L';
      // Nor one right after the noun of a hotel or a ship (an organisation's name: "u hotelu Roa
      // Roa", "na brodu Monkey Business") or of a stadium or an airport (a place's: "na stadionu
      // Ibroks", "хрвски аеродром Chuuk"), in lower case; nor after the noun of a town or a
      // village, as written ("u mjestu Bethesda", "në qytetin Palu", "во градот Охрид"); the name
      // may stand in marks ("në hotelin “Roa Roa”").
      static constexpr std::string_view kNameGaps[] = {" ", " “", " „", " «", " \"", " '"};
      if (tag == 'P' && s.first_word > 0 &&
          std::find(std::begin(kNameGaps), std::end(kNameGaps), gap_before(s.first_word)) != std::end(kNameGaps)) {
        static constexpr std::string_view kOrgNouns[] = {"hotel", "brod", "anij", "хотел", "брод"};
        static constexpr std::string_view kPlaceNouns[] = {"stadion", "aerodrom", "airport", "стадион", "аеродром"};
        static const std::unordered_set<std::string_view> kSettlements = {
            "mjesto", "mjestu", "mesto", "mestu", "grad", "gradu", "selo", "selu", "gradić", "gradiću", "naselje", "naselju",
            "qyteti", "qytetin", "qytetit", "fshati", "fshatin", "fshatit", "место", "месту", "град", "граду", "село",
            "селу", "местото", "градот", "селото"};
        std::string_view before = words[s.first_word - 1].range.Of(text);
        auto opens = [&](std::string_view noun) { return before.starts_with(noun); };
        if (std::any_of(std::begin(kOrgNouns), std::end(kOrgNouns), opens)) tag = 'O';
        if (std::any_of(std::begin(kPlaceNouns), std::end(kPlaceNouns), opens) || kSettlements.count(before)) tag = 'L';
      }
      // One word between commas right after a place is its region, not a person ("Bethesda,
      // Maryland, je rekao"; "Palu, Sulawesi, …"), unless the place completes a title: then the
      // word names its holder ("Председник Мексика, AMLO, …").
      if (tag == 'P' && n == 1 && s.first_word > 0 && gap_before(s.first_word) == ", " &&
          (s.end_word == words.size() || gap_before(s.end_word).starts_with(",")) && place_ends[s.first_word]) {
        tag = 'L';
      }
      // One word right after "in" is a place, not a person ("në Perëndim", "u Čačku", "во Скопје";
      // "ne Londer" where Albanian is typed without its ë). (As written: a name key would take
      // Albanian "i", of, for "in", and Cyrillic "не" would fold to "ne".)
      static const std::unordered_set<std::string_view> kIn = {"in", "në", "ne", "u", "во"};
      if (tag == 'P' && n == 1 && s.first_word > 0 && !given_name[s.first_word] && gap_before(s.first_word) == " " &&
          kIn.count(words[s.first_word - 1].range.Of(text))) {
        tag = 'L';
      }
      EntityType type = tag == 'P' ? EntityType::kPerson : tag == 'O' ? EntityType::kOrg : EntityType::kPlace;
      hits.push_back(unknown_hit(s.first_word, s.end_word, type));
      mark_place_end(hits.back());
      for (size_t k = s.first_word; k < s.end_word; ++k) taken[k] = true;
    }
  }

  // 2d. Organisations in sentence case, as Serbian, Croatian and Bosnian write them: a
  // capitalised word, at most two words in lower case, and an organisation's word ("Demokratska
  // stranka", "Rumunske narodne banke", "Ustavni sud"), with capitalised words right after it as
  // its complement ("Demokratske stranke Srbije"), a place's name included: the whole is the
  // organisation's name, not a mention of the place.
  {
    static const KeySet kHeads({
        "stranka", "partija", "banka", "sud", "institut", "univerzitet", "sveučilište", "fakultet", "crkva", "vojska",
        "agencija", "komisija", "odbor", "vijeće", "savet", "skupština", "ministarstvo", "kompanija", "savez",
        "pokret", "udruženje", "udruga", "centar", "fond", "klub", "društvo", "klan", "snage", "zavod", "akademija",
        "fondacija", "zaklada", "služba", "uprava", "kancelarija", "ured", "tužilaštvo", "tužiteljstvo"});
    auto opens_clause = [&](size_t k) {
      return sentence_start[k] || text::FindFirstOf(text.substr(words[k - 1].range.end, words[k].range.begin - words[k - 1].range.end),
                                                    U":\"“„«»") != std::string_view::npos;
    };
    // A word the tagger took alone as a name no pack lists may open one ("Oružanim snagama").
    std::vector<char> alone_unknown(words.size());
    for (const Hit& h : hits) {
      if (h.entry < 0 && h.first_word < words.size() && h.end_word == h.first_word + 1 && h.new_type != EntityType::kPerson) {
        alone_unknown[h.first_word] = 1;
      }
    }
    // The end of the capitalised complement that starts at word `end` ("Srbije", "Bosne i
    // Hercegovine", "BiH"), or after "u" or "iz" a place ("u Beogradu", "iz Visbadena").
    // A person's name ends it ("Saveza Anders Fogh Rasmussen", "sudom u Beogradu Milenković").
    auto complement_end = [&](size_t end) {
      const size_t head_end = end;
      while (end < words.size() && end <= head_end + 3 && gap_before(end) == " " && !given_name[end] && !SlavicSurname(words[end])) {
        bool joins = end + 1 < words.size() && words[end + 1].upper && gap_before(end + 1) == " ";
        if (words[end].upper) {
          ++end;
        } else if (end > head_end && words[end].key == "i" && joins) {
          end += 2;  // "Srbije i Crne Gore", "Bosne i Hercegovine"
        } else if (end == head_end && (words[end].key == "u" || words[end].key == "iz") && joins) {
          // "Specijalnim sudom u Beogradu", "Rotary klub u Novom Sadu": the place, and no more.
          auto place = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.entry >= 0 && h.first_word == end + 1; });
          return place != hits.end() ? place->end_word : end + 2;
        } else {
          break;
        }
      }
      return end;
    };
    std::vector<std::pair<size_t, size_t>> found;  // word ranges of the organisations found
    for (size_t i = 0; i < words.size(); ++i) {
      // An organisation's word that opens the name, then up to two words in lower case and a
      // capitalised complement: "Ministarstvo odbrane Bosne i Hercegovine", "Parlament BiH",
      // "Vojska Republike Srpske".
      // ("Centar Londona" is the centre of London.)
      if ((!taken[i] || alone_unknown[i]) && words[i].upper && words[i].key != NameKey("centar") &&
          (kHeads.Contains(words[i]) || words[i].key == NameKey("parlament"))) {
        size_t k = i + 1;
        while (k < words.size() && k <= i + 2 && !words[k].upper && !taken[k] && words[k].key.size() >= 3 &&
               Joined(text, words[k - 1].range.end, words[k].range.begin)) {
          ++k;
        }
        size_t end = k < words.size() && words[k].upper && Joined(text, words[k - 1].range.end, words[k].range.begin) ? complement_end(k) : k;
        if (end > k) {
          found.emplace_back(i, end);
          for (size_t w = i; w < end; ++w) taken[w] = true;
          i = end - 1;
          continue;
        }
      }
      if ((taken[i] && !alone_unknown[i]) || !words[i].upper || words[i].key.size() < 3 || kNotNames.Contains(words[i]) ||
          cues_.Contains(words[i].hash) || kHeads.Contains(words[i]) || (opens_clause(i) && written_lower(i))) {
        continue;
      }
      size_t head = SIZE_MAX;
      for (size_t k = i + 1; k < words.size() && k <= i + 3; ++k) {
        if (taken[k] || words[k].upper || words[k].key.size() < 3 || !Joined(text, words[k - 1].range.end, words[k].range.begin)) break;
        if (kHeads.Contains(words[k])) {
          head = k;
          break;
        }
      }
      if (head == SIZE_MAX) continue;
      size_t end = complement_end(head + 1);
      found.emplace_back(i, end);
      for (size_t k = i; k < end; ++k) taken[k] = true;
      i = end - 1;
    }
    // An organisation the tagger found takes a country or city the packs know as its complement
    // too, right after it or after "u" or "iz" ("Oružanih snaga BiH", "Univerziteta u Beogradu").
    // (The first place found at each word, looked up by word: a long text has thousands of hits.)
    std::vector<size_t> place_at(words.size(), SIZE_MAX);
    for (size_t p = 0; p < hits.size(); ++p) {
      const Hit& h = hits[p];
      if (h.entry >= 0 && h.first_word < words.size() && place_at[h.first_word] == SIZE_MAX && !entries_[h.entry].role &&
          k_.entities()[entries_[h.entry].target].type == EntityType::kPlace) {
        place_at[h.first_word] = p;
      }
    }
    for (const Hit& h : hits) {
      if (h.entry >= 0 || h.new_type != EntityType::kOrg || h.first_word >= words.size() || h.end_word >= words.size()) continue;
      size_t k = h.end_word;
      if (gap_before(k) != " ") continue;
      if ((words[k].key == "u" || words[k].key == "iz") && k + 1 < words.size() && gap_before(k + 1) == " ") ++k;
      if (place_at[k] == SIZE_MAX) continue;
      const size_t place_end = hits[place_at[k]].end_word;
      found.emplace_back(h.first_word, place_end);
      for (size_t w = h.end_word; w < place_end; ++w) taken[w] = true;
    }
    // Names inside them (a place in the complement) give way to the whole.
    if (!found.empty()) {
      std::vector<char> inside(words.size());
      for (const auto& [b, e] : found) std::fill(inside.begin() + static_cast<long>(b), inside.begin() + static_cast<long>(e), 1);
      hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const Hit& h) {
                   return h.first_word < words.size() && h.end_word > h.first_word && inside[h.first_word] && inside[h.end_word - 1];
                 }),
                 hits.end());
      for (const auto& [b, e] : found) hits.push_back(unknown_hit(b, e, EntityType::kOrg));
    }
  }

  // 3. Unknown people: after a cue word, or a known given name, 2-3 capitalised words.
  auto unknown_at = [&](size_t first) {
    size_t end = first;
    while (end < words.size() && end - first < 3 && !taken[end] && words[end].upper && !headline_word[end] &&
           (end == first || Joined(text, words[end - 1].range.end, words[end].range.begin))) {
      ++end;
    }
    return end;
  };
  std::vector<char> person_starts(words.size());  // first words of the people found so far
  for (const Hit& h : hits) {
    if (h.first_word >= words.size()) continue;
    bool person = h.entry < 0 ? h.new_type == EntityType::kPerson
                              : !entries_[h.entry].role && k_.entities()[entries_[h.entry].target].type == EntityType::kPerson;
    if (person) person_starts[h.first_word] = 1;
  }
  // Words of a title at word k: 1, or 2 for a hyphenated abbreviation listed whole (г-дин,
  // g-đa), 0 for none.
  auto cue_words = [&](size_t k) -> size_t {
    if (cues_.Contains(words[k].hash)) {
      bool hyphenated = k + 1 < words.size() && words[k + 1].range.begin == words[k].range.end + 1 &&
                        text[words[k].range.end] == '-' &&
                        cues_.Contains(Hash64(NameKey(text.substr(words[k].range.begin, words[k + 1].range.end - words[k].range.begin))));
      return hyphenated ? 2 : 1;
    }
    return 0;
  };
  // Last words of role phrases ("Chinese President", "predsednik Indonezije"): a name no pack
  // lists may follow them as it follows a title ("Chinese President Hu Jintao").
  std::vector<char> role_last(words.size());
  for (const Hit& h : hits) {
    if (h.entry >= 0 && entries_[h.entry].role && h.first_word < words.size()) role_last[h.end_word - 1] = 1;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (taken[i] && !role_last[i]) continue;
    size_t first = SIZE_MAX;
    size_t min_words = 2;
    if (size_t n = role_last[i] ? 1 : cue_words(i); n > 0) {
      // Titles chain ("Deputy Prime Minister", "political scientist"): the name follows them;
      // after a title a surname alone is a name too ("premijer Sanader"), though not after a
      // word that only qualifies a title ("Security" in "Centre for Security Policy").
      size_t j = i + n, last = i;
      while (j < words.size() && (n = cue_words(j)) > 0) last = j, j += n;
      const bool* title = role_last[last] ? nullptr : cues_.Find(words[last].hash);
      bool qualifier_last = title != nullptr && !*title;
      // The title's complement may stand before the name ("direktor Kancelarije za KiM Petar
      // Petković", "trener Partizana Aleksandar Stanojević"): a given name followed by a
      // capitalised word, a person found already, or two capitalised words before a reporting
      // verb, within the next few words of the clause, is the name instead.
      size_t given = SIZE_MAX;
      static const KeySet kClauseEnds(
          {"je", "su", "i", "a", "da", "ali", "koji", "koja", "koje", "је", "су", "и", "да", "који", "која", "које"});
      for (size_t k = j; k < words.size() && k < j + 6 && Joined(text, words[k - 1].range.end, words[k].range.begin); ++k) {
        if (kClauseEnds.Contains(words[k]) || speech_verbs_.Contains(words[k].hash) || cues_.Contains(words[k].hash)) break;
        bool named = k > j && words[k].upper && given_name[k] && k + 1 < words.size() &&
                     words[k + 1].upper && Joined(text, words[k].range.end, words[k + 1].range.begin);
        // Two capitalised words before a reporting verb are the name too ("portparol Vlade
        // Kosova Perparim Kryeziu rekao je").
        bool before_verb = k > j && k + 2 < words.size() && words[k].upper && !taken[k] && words[k + 1].upper &&
                           !taken[k + 1] && Joined(text, words[k].range.end, words[k + 1].range.begin) &&
                           speech_verbs_.Contains(words[k + 2].hash);
        if (named || before_verb || (k > j && person_starts[k])) {
          given = k;
          break;
        }
      }
      if (given != SIZE_MAX) {
        if (!taken[given]) first = given;  // else the name is found already, and the complement is none
      } else if (j < words.size() && !taken[j] && words[j].upper && Joined(text, words[j - 1].range.end, words[j].range.begin) &&
                 !speech_verbs_.Contains(words[j].hash) && !kNotInNames.Contains(words[j]) && !qualifier_last) {
        // Not when a place or an organisation follows it: then it is the complement
        // ("portparol Vlade Srbije"), not a surname ("premijer Sanader"). Nor a reporting verb
        // capitalised in a headline ("Massachusetts Senator Says"), nor an organisation's word
        // ("Chinese Foreign Ministry"), nor after a qualifier ("Security Policy").
        bool complement = j + 1 < words.size() && taken[j + 1] && !person_starts[j + 1] &&
                          Joined(text, words[j].range.end, words[j + 1].range.begin);
        if (!complement) {
          first = j;
          min_words = 1;
        }
      }
    } else if (words[i].upper && given_name[i] && !headline_word[i]) {
      first = i;
    } else if (words[i].upper && i + 1 < words.size() && words[i + 1].upper && !taken[i + 1] &&
               Joined(text, words[i].range.end, words[i + 1].range.begin) && SlavicSurname(words[i + 1])) {
      first = i;  // Ime Prezimić: a South Slavic surname in -ić after a capitalised word
    }
    if (first == SIZE_MAX) continue;
    size_t end = unknown_at(first);
    if (end - first < min_words) continue;
    add_unknown(first, end);
    i = end - 1;
  }
  // 3b. Unknown people next to a reporting verb: two or three capitalised words right before
  // it ("Ri Yong Ho told") or right after it ("said Grant Reeher"; not after "told", whose
  // object is the listener).
  for (size_t v = 0; v < words.size(); ++v) {
    const bool* verb = speech_verbs_.Find(words[v].hash);
    if (verb == nullptr || words[v].upper) continue;
    // Albanian puts the object's clitic between subject and verb ("Ri Yong Ho i tha", told him).
    static const KeySet kClitics({"i", "ia", "iu", "e", "u"});
    size_t anchor = v;
    if (v > 0 && !words[v - 1].upper && kClitics.Contains(words[v - 1]) && text.substr(words[v - 1].range.end, 1) == " ") anchor = v - 1;
    size_t first = anchor;
    while (first > 0 && anchor - first < 3 && usable(first - 1) && Joined(text, words[first - 1].range.end, words[first].range.begin)) {
      --first;
    }
    // A longer capitalised run is something else (a title, an organisation); "The …" too.
    bool longer = first > 0 && words[first - 1].upper && Joined(text, words[first - 1].range.end, words[first].range.begin) &&
                  (!kNotNames.Contains(words[first - 1]) || words[first - 1].key == "the");
    if (anchor - first >= 2 && !longer) {
      add_unknown(first, anchor);
      continue;
    }
    // With an appositive in lower case between them, set off by commas, at a sentence's start:
    // "Risa Kusuma, a 35-year-old mother, told", "Risa Kusuma, 35-godišnja majka, izjavila je".
    {
      size_t a = v;
      if (a >= 2 && !words[a - 1].upper && words[a - 1].key.size() <= 2) --a;  // the auxiliary (je, su)
      size_t close = words[a].range.begin >= 2 ? text.rfind(',', words[a].range.begin - 1) : std::string_view::npos;
      size_t open = close != std::string_view::npos && close > 0 ? text.rfind(',', close - 1) : std::string_view::npos;
      auto word_at = [&](size_t at) {  // the first word starting at or after byte `at`
        return static_cast<size_t>(std::lower_bound(words.begin(), words.end(), at, [](const Word& w, size_t x) { return w.range.begin < x; }) -
                                   words.begin());
      };
      if (open != std::string_view::npos && text.substr(close + 1, words[a].range.begin - close - 1) == " " &&
          (a == v || text.substr(words[a].range.end, words[v].range.begin - words[a].range.end) == " ")) {
        size_t app_begin = word_at(open), app_end = word_at(close);
        size_t name_end = app_begin, name_begin = app_begin;
        while (name_begin > 0 && name_end - name_begin < 3 && usable(name_begin - 1) && words[name_begin - 1].range.end <= open &&
               (name_begin == name_end ? words[name_begin - 1].range.end == open
                                       : Joined(text, words[name_begin - 1].range.end, words[name_begin].range.begin))) {
          --name_begin;
        }
        bool at_start = sentence_start[name_begin];
        // A relative clause describes someone spoken about ("O Paddingtonu, kojeg opisuje …,
        // dodala je"); a one-letter word is a preposition or an initial, no name's start.
        static const KeySet kRelatives(
            {"who", "whom", "whose", "which", "koji", "kojeg", "kojega", "koja", "koje", "kojem", "kojoj", "kojim",
                  "који", "кога", "која", "које", "кој", "që", "cilin"});
        bool relative = app_end > app_begin && kRelatives.Contains(words[app_begin]);
        if (app_end > app_begin && app_end - app_begin <= 8 && !words[app_begin].upper && !relative &&
            name_end - name_begin >= 2 && words[name_begin].range.size() > 1 && at_start) {
          add_unknown(name_begin, name_end);
          continue;
        }
      }
    }
    if (*verb) continue;
    size_t end = v + 1;
    while (end < words.size() && end - v <= 3 && usable(end) && Joined(text, words[end - 1].range.end, words[end].range.begin)) ++end;
    if (end - v - 1 >= 2) add_unknown(v + 1, end);
  }
  // Word i opens a sentence, a line or a quotation.
  auto opens_sentence = [&](size_t i) {
    return sentence_start[i] || text::FindFirstOf(text.substr(words[i - 1].range.end, words[i].range.begin - words[i - 1].range.end),
                                                  U"\"“”„«»") != std::string_view::npos;
  };
  // 3b'. The perfect of Serbian, Croatian and Bosnian splits subject and verb: two or three
  // capitalised words that open a sentence and then "je", with a reporting participle (a
  // person's: -o, -la) later in the clause, are a person ("Ri Yong Hu je na Generalnoj
  // skupštini UN rekao da …").
  for (size_t i = 0; i + 3 < words.size(); ++i) {
    if (!usable(i) || !opens_sentence(i) || common_words_.count(text::FoldForMatch(words[i].range.Of(text)))) continue;
    size_t aux = i + 1;
    while (aux < words.size() && aux - i < 3 && usable(aux) && !written_lower(aux) &&
           Joined(text, words[aux - 1].range.end, words[aux].range.begin)) {
      ++aux;
    }
    if (aux - i < 2 || aux >= words.size() || words[aux].key != "je" ||
        text.substr(words[aux - 1].range.end, words[aux].range.begin - words[aux - 1].range.end) != " ") {
      continue;
    }
    for (size_t k = aux + 1; k < words.size() && k <= aux + 8; ++k) {
      if (text.substr(words[k - 1].range.end, words[k].range.begin - words[k - 1].range.end).find_first_of(",.;:!?") !=
          std::string_view::npos) {
        break;
      }
      std::string w = text::FoldForMatch(words[k].range.Of(text));  // Cyrillic as Latin
      if (!words[k].upper && speech_verbs_.Contains(words[k].hash) && (w.ends_with("o") || w.ends_with("la"))) {
        add_unknown(i, aux);
        break;
      }
    }
    i = aux;
  }
  // 3b''. Two or three capitalised words that open a sentence, then a comma and a title or
  // occupation in lower case (after an article and at most two more words) are a person:
  // "Gendon Subandono, the coach of the national team, had trained …", "Marko Petrović, a
  // political scientist at …", "Marko Petrović, politički analitičar, …".
  static const KeySet kArticles({"the", "a", "an", "former", "ish"});
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (!usable(i) || !opens_sentence(i) || common_words_.count(text::FoldForMatch(words[i].range.Of(text)))) continue;
    size_t end = i + 1;
    while (end < words.size() && end - i < 3 && usable(end) && Joined(text, words[end - 1].range.end, words[end].range.begin)) ++end;
    if (end - i < 2 || end >= words.size() ||
        text.substr(words[end - 1].range.end, words[end].range.begin - words[end - 1].range.end) != ", ") {
      continue;
    }
    size_t k = end;
    if (kArticles.Contains(words[k])) ++k;
    for (size_t n = 0; k < words.size() && n < 3 && !words[k].upper &&
                       (k == end || Joined(text, words[k - 1].range.end, words[k].range.begin));
         ++n, ++k) {
      if (cues_.Contains(words[k].hash)) {
        add_unknown(i, end);
        break;
      }
    }
    i = end - 1;
  }
  // 3b-title. Two or three capitalised words between commas after a title's phrase are the
  // title holder's name: "Ministri i Punëve të Brendshme, Xhelal Sveçla, tha …", "The interior
  // minister, Xhelal Svecla, said …" (the title within the six words before the first comma,
  // none of them punctuation).
  for (size_t i = 1; i + 2 < words.size(); ++i) {
    if (gap_before(i) != ", " || !usable(i)) continue;
    size_t end = i + 1;
    while (end < words.size() && end - i < 3 && usable(end) && Joined(text, words[end - 1].range.end, words[end].range.begin)) ++end;
    if (end - i < 2 || end >= words.size() || !gap_before(end).starts_with(",")) continue;
    bool title = false;
    for (size_t k = i; k-- > 0 && i - k <= 6 && !title;) {
      title = cues_.Contains(words[k].hash);
      if (k == 0 || gap_before(k) != " ") break;
    }
    if (title) add_unknown(i, end);
    i = end - 1;
  }
  // 3b-age. Two to four capitalised words with an age after them are a person, whatever the
  // model typed them: between commas as English writes it ("Waheed Zaman, 22, London E17",
  // "Maria Gonzales, 34, was taken to hospital"; then a comma, semicolon or parenthesis, not a
  // date: "Belgrade, 12 March"), or in parentheses as the region's press does ("Marko
  // Marković (45) iz Beograda", "Arben Gashi (35)").
  auto age_after = [&](size_t e) {  // an age right after word e - 1
    size_t p = words[e - 1].range.end;
    bool parenthesis = text.substr(p, 2) == " (";
    if (!parenthesis && text.substr(p, 2) != ", ") return false;
    size_t d = p + 2;
    while (d < text.size() && d - p - 2 < 4 && text[d] >= '0' && text[d] <= '9') ++d;
    if (d == p + 2 || d - p - 2 > 3 || d >= text.size()) return false;
    return parenthesis ? text[d] == ')' : text[d] == ',' || text[d] == ';' || text[d] == ')';
  };
  // The first unknown name of two words or more ending at each word (a long text has thousands).
  std::vector<size_t> unknown_ending(words.size() + 1, SIZE_MAX);
  for (size_t h = 0; h < hits.size(); ++h) {
    if (hits[h].entry < 0 && hits[h].first_word != SIZE_MAX && hits[h].end_word - hits[h].first_word >= 2 &&
        unknown_ending[hits[h].end_word] == SIZE_MAX) {
      unknown_ending[hits[h].end_word] = h;
    }
  }
  for (size_t e = 1; e <= words.size(); ++e) {
    if (!age_after(e)) continue;
    const size_t tagged = unknown_ending[e];
    size_t i = tagged != SIZE_MAX ? hits[tagged].first_word : e - 1;
    if (tagged == SIZE_MAX && !usable(i)) continue;
    while (i > 0 && e - i < 4 && usable(i - 1) && Joined(text, words[i - 1].range.end, words[i].range.begin)) --i;
    if (tagged != SIZE_MAX) {
      if (hits[tagged].new_type != EntityType::kPerson || i < hits[tagged].first_word) {
        for (size_t k = i; k < e; ++k) taken[k] = true;
        hits[tagged] = unknown_hit(i, e, EntityType::kPerson);
      }
      continue;
    }
    if (e - i < 2 || (opens_sentence(i) && common_words_.count(text::FoldForMatch(words[i].range.Of(text))))) continue;
    add_unknown(i, e);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.range.begin < b.range.begin; });

  // 3c. Name particles belong to the name of an unknown person: between its words ("Osame bin
  // Ladena", "Ludwig van Beethoven", found as one name or two) and before it after a
  // lower-case word ("rekao je de Kerchove").
  auto spaced = [&](size_t a, size_t b) { return text.substr(words[a].range.end, words[b].range.begin - words[a].range.end) == " "; };
  auto particle = [&](size_t k) {
    return k > 0 && k + 1 < words.size() && !taken[k] && IsParticle(text, words[k]) && spaced(k - 1, k) &&
           spaced(k, k + 1);
  };
  auto unknown_person = [](const Hit& h) { return h.entry < 0 && h.first_word != SIZE_MAX && h.new_type == EntityType::kPerson; };
  // (A name joined to the one before it is marked, and all so marked go at the end: erasing
  // each from the middle would move the rest, thousands in a long text.)
  std::vector<char> joined(hits.size(), 0);
  for (size_t h = 0; h < hits.size(); ++h) {
    if (joined[h]) continue;
    Hit& hit = hits[h];
    // A lone unknown name after a particle is a person's, whatever the tagger typed it.
    bool after_particle = hit.entry < 0 && hit.first_word != SIZE_MAX && hit.end_word - hit.first_word == 1 &&
                          hit.first_word > 1 && particle(hit.first_word - 1) && !words[hit.first_word - 2].upper;
    if (!unknown_person(hit) && !after_particle) continue;
    size_t first = hit.first_word, end = hit.end_word;
    for (size_t next = h + 1; particle(end) && words[end + 1].upper;) {
      if (next < hits.size() && hits[next].first_word == end + 1 && unknown_person(hits[next])) {
        end = hits[next].end_word;
        joined[next++] = 1;
      } else if (!taken[end + 1]) {
        end += 2;
      } else {
        break;
      }
    }
    if (first > 1 && particle(first - 1)) {
      --first;
      // The given name before it, unless a sentence starts with a common word there.
      size_t g = first - 1;
      if (words[g].upper && !taken[g] && usable(g) && !(sentence_start[g] && written_lower(g))) first = g;
    }
    if (first == hit.first_word && end == hit.end_word) continue;
    for (size_t k = first; k < end; ++k) taken[k] = true;
    hit = unknown_hit(first, end, EntityType::kPerson);
  }
  size_t kept = 0;
  for (size_t h = 0; h < hits.size(); ++h) {
    if (joined[h]) continue;
    if (kept != h) hits[kept] = std::move(hits[h]);
    ++kept;
  }
  hits.erase(hits.begin() + static_cast<long>(kept), hits.end());

  // 3d. A person's name of three words or more starts at its second word when that is a given
  // name and the first is a common word that is no given name: the first is what a title
  // governs ("predsjednika Uprave Tomislava Kovačevića", "direktor kompanije Aktiva Mladen
  // Bojanić"). An unknown first word may be a given name itself ("Tariq Ahmed Dar").
  for (Hit& hit : hits) {
    if (!unknown_person(hit) || hit.end_word - hit.first_word < 3) continue;
    size_t f = hit.first_word;
    if (!given_name[f] && written_lower(f) && given_name[f + 1] && spaced(f, f + 1)) {
      taken[f] = false;
      hit = unknown_hit(f + 1, hit.end_word, EntityType::kPerson);
    }
  }

  // 3e. A possessive adjective made from the surname of someone the text names ("Ivo Sanader
  // … Sanaderova vlada") is a mention of that person (4 tells whose).
  std::unordered_set<std::string> surnames;
  for (const Hit& hit : hits) {
    if (unknown_person(hit) && hit.end_word - hit.first_word >= 2) surnames.insert(words[hit.end_word - 1].key);
  }
  for (size_t k = 0; k < words.size() && !surnames.empty(); ++k) {
    if (taken[k] || !words[k].upper || !MaybePossessive(words[k].key)) continue;
    std::string base = PossessiveBase(words[k].range.Of(text));
    if (base == words[k].key || !surnames.count(base)) continue;  // the surname itself, declined: no adjective
    hits.push_back(unknown_hit(k, k + 1, EntityType::kPerson));
    hits.back().possessive = true;
    taken[k] = true;
  }

  // 3f. A known given name alone, that is no common word, is a person ("As we discussed, Anita
  // will make the adjustments", "pass this along to Elizabeth"): the person named before by it,
  // or someone new.
  // Not one next to another capitalised word (the rules above had their chance at the pair), nor
  // one the text also writes in lower case, nor one that opens a sentence, where a capital says
  // nothing ("Ali, …": but).
  for (size_t k = 0; k < words.size(); ++k) {
    if (taken[k] || !usable(k) || common_keys_.Contains(words[k].hash) || lower_elsewhere(k) || opens_sentence(k) ||
        !given_words_.count(text::FoldForMatch(words[k].range.Of(text)))) {
      continue;
    }
    bool joined_before = k > 0 && words[k - 1].upper && Joined(text, words[k - 1].range.end, words[k].range.begin);
    bool joined_after = k + 1 < words.size() && words[k + 1].upper && Joined(text, words[k].range.end, words[k + 1].range.begin);
    if (joined_before || joined_after) continue;
    hits.push_back(unknown_hit(k, k + 1, EntityType::kPerson));
    taken[k] = true;
  }

  // 3g. Topics, over any words.
  for (size_t i = 0; i < words.size();) {
    auto [topic, len] = alias_at(i, true);
    if (topic < 0) {
      ++i;
      continue;
    }
    topic_hits.push_back({{words[i].range.begin, words[i + len - 1].range.end}, topic, i, i + len, "", ""});
    i += len;
  }
  // A name no pack knows inside a topic's words is the topic's ("Belt and Road Initiative" is no
  // place Belt and no person Road Initiative); a known one stays ("nezavisnosti Kosova").
  // (The topics' words, found left to right, do not overlap: the first topic ending after a
  // name begins is the only one that may overlap it.)
  std::erase_if(hits, [&](const Hit& h) {
    auto t = std::partition_point(topic_hits.begin(), topic_hits.end(), [&](const Hit& t) { return t.range.end <= h.range.begin; });
    return h.entry < 0 && t != topic_hits.end() && t->range.begin < h.range.end;
  });
  hits.insert(hits.end(), topic_hits.begin(), topic_hits.end());
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.range.begin < b.range.begin; });

  // 4. Resolve: roles, weak aliases, display names; then surnames of introduced people.
  std::vector<Mention> out;
  struct Person {
    std::string id, name;
    EntityType type;
    std::string first_key, last_key;
    uint32_t introduced_at;  // end of the mention that introduced the full name
    std::vector<std::string> keys;  // of every word of the full name
    std::string last_key_j;  // a surname in -i declined with j (Gaši, Gašija), else empty
    bool Surname(const std::string& key) const { return key == last_key || (!last_key_j.empty() && key == last_key_j); }
  };
  auto keys_of = [&](const Hit& h) {
    std::vector<std::string> out;
    for (size_t k = h.first_word; k < h.end_word; ++k) out.push_back(words[k].key);
    return out;
  };
  std::vector<Person> introduced;
  // A common word is no one's first name unless it is a given name too: "Još" (still) is not
  // José Manuel Barroso.
  auto may_be_first_name = [&](size_t k) {
    return !common_keys_.Contains(words[k].hash) || given_words_.count(text::FoldForMatch(words[k].range.Of(text))) > 0;
  };
  // A name word that may stand alone later; an initial ("J" in "Vince J Kaminski") may not.
  auto alone = [](const std::string& key) { return key.size() >= 2 ? key : std::string("\x01"); };
  // The people a word may name alone (by its key's hash: the first name, the surname, the
  // surname declined with j) or as the start of the end of the full name (by the KeysHash of two
  // neighbouring keys), in the order introduced: a long text names hundreds, many of them
  // again and again, and a word asks only its own.
  HashTable64<std::vector<uint32_t>> people_by_key;
  auto introduce = [&](const Mention& m, const Hit& hit) {
    std::string last = text::FoldForMatch(words[hit.end_word - 1].range.Of(text));
    introduced.push_back({m.entity, m.name, m.type, alone(words[hit.first_word].key), alone(words[hit.end_word - 1].key),
                          hit.range.end, keys_of(hit), last.ends_with('i') ? NameKey(last + "ja") : std::string()});
    const Person& p = introduced.back();
    const auto k = static_cast<uint32_t>(introduced.size() - 1);
    for (const std::string* key : {&p.first_key, &p.last_key, &p.last_key_j}) {
      if (!key->empty()) people_by_key[Hash64(*key)].push_back(k);
    }
    if (!p.keys.empty()) people_by_key[Hash64(p.keys.back())].push_back(k);
    for (size_t f = 0; f + 1 < p.keys.size(); ++f) {
      people_by_key[ExtendKeysHash(ExtendKeysHash(0, Hash64(p.keys[f])), Hash64(p.keys[f + 1]))].push_back(k);
    }
  };
  // The people listed under any of `hashes` (0 for none), in the order introduced, each once.
  std::vector<uint32_t> named;
  auto people_named = [&](std::initializer_list<uint64_t> hashes) -> const std::vector<uint32_t>& {
    named.clear();
    for (uint64_t h : hashes) {
      const std::vector<uint32_t>* c = h == 0 ? nullptr : people_by_key.Find(h);
      if (c == nullptr) continue;
      const auto mid = static_cast<long>(named.size());
      named.insert(named.end(), c->begin(), c->end());  // each list is in order already
      std::inplace_merge(named.begin(), named.begin() + mid, named.end());
    }
    named.erase(std::unique(named.begin(), named.end()), named.end());
    return named;
  };
  std::unordered_set<std::string> seen;  // entity ids mentioned so far
  const auto& entities = k_.entities();
  for (size_t h = 0; h < hits.size(); ++h) {
    const Hit& hit = hits[h];
    Mention m;
    m.range = hit.range;
    if (hit.entry < 0 && hit.first_word != SIZE_MAX) {
      // A lone name word the tagger found may be the surname (or first name) of a person
      // introduced earlier, and a shorter name the end of theirs ("van Ostrom" after "Jan van
      // Ostrom"): then it is that person.
      std::vector<std::string> keys = keys_of(hit);
      // (Or a possessive adjective made from the surname: "Sanaderova vlada".)
      std::string possessor = keys.size() == 1 ? PossessiveBase(hit.range.Of(text)) : std::string();
      if (!keys.empty() && possessor == keys[0]) possessor.clear();
      const Person* earlier = nullptr;
      bool possessive = false;
      bool first_name_ok = keys.size() == 1 && may_be_first_name(hit.first_word);
      // (Whoever these keys may name has the last of them among theirs, or the possessor.)
      for (uint32_t c : people_named({keys.empty() ? 0 : words[hit.end_word - 1].hash, possessor.empty() ? 0 : Hash64(possessor)})) {
        const Person& p = introduced[c];
        if (keys.size() == 1 ? p.Surname(keys[0]) || (first_name_ok && p.first_key == keys[0])
                             : keys.size() < p.keys.size() && std::equal(keys.rbegin(), keys.rend(), p.keys.rbegin())) {
          earlier = &p;
          possessive = false;
        } else if (!possessor.empty() && p.Surname(possessor)) {
          earlier = &p;
          possessive = true;
        }
      }
      if (earlier != nullptr) {
        out.push_back({earlier->id, earlier->name, earlier->type, hit.range, possessive ? "possessive" : "surname"});
        continue;
      }
    }
    if (hit.entry < 0) {
      // A name of two words or more that ends in an organisation's head word is an
      // organisation's, whichever rule found it ("Iraqi Islamic Party", "Farrell Electric").
      const bool org_head = hit.first_word != SIZE_MAX && hit.end_word >= hit.first_word + 2 &&
                            kNotInNames.Contains(words[hit.end_word - 1]) && !kTitleWords.Contains(words[hit.end_word - 1]);
      // A people's name alone is no name at all, of a person, a place or anything else
      // ("predstavnik Srba", "the Americans").
      if (hit.first_word != SIZE_MAX && hit.end_word == hit.first_word + 1 && peoples_.Contains(words[hit.first_word].hash)) continue;
      // Nor is a letter ("I") a person, nor a common word alone that is no given name ("svoju
      // Domovinu") unless it is a line of its own (a letter's signature, 2c''); a surname of
      // someone named before was taken above.
      if (hit.new_type == EntityType::kPerson && hit.first_word != SIZE_MAX && hit.end_word == hit.first_word + 1) {
        auto line_around = [&] {  // no other word on its line
          size_t k = hit.first_word;
          bool first = k == 0 || text.substr(words[k - 1].range.end, hit.range.begin - words[k - 1].range.end).find('\n') != std::string_view::npos;
          bool last = k + 1 == words.size() ||
                      text.substr(hit.range.end, words[k + 1].range.begin - hit.range.end).find('\n') != std::string_view::npos;
          return first && last;
        };
        uint64_t h = words[hit.first_word].hash;
        bool letter = hit.range.size() == 1;
        if (letter || (common_keys_.Contains(h) && !given_name[hit.first_word] && !line_around())) continue;
      }
      // Nor are common words, peoples' words, abbreviations and letters alone, in any case form,
      // with no given name among them ("Vladi Republike", to the Government of the Republic;
      // "Great Service"; "Sunni Muslim"; "U.S. Muslim").
      if (hit.new_type == EntityType::kPerson && hit.first_word != SIZE_MAX && hit.end_word > hit.first_word + 1) {
        bool common = true;
        for (size_t k = hit.first_word; k < hit.end_word && common; ++k) {
          common = (common_keys_.Contains(words[k].hash) || peoples_.Contains(words[k].hash) ||
                    Abbreviation(words[k].range.Of(text)) || words[k].range.size() == 1) &&
                   !given_words_.count(text::FoldForMatch(words[k].range.Of(text)));
        }
        if (common && !org_head) continue;
      }
      m.entity = hit.new_id;
      m.name = hit.new_name;
      m.type = hit.new_type;
      m.via = hit.range.Of(text) == hit.new_name ? "new" : "surname";  // 2b-iv's later surnames
      // A name in title marks names a work or a publication (《帕丁顿熊》, 《卫报》), not a person;
      // so does one before the head noun of a hotel's, company's or school's name (Roa Roa 酒店).
      static constexpr std::string_view kPlaceHeads[] = {"酒店", "饭店", "宾馆", "公司", "集团", "大学", "学院", "银行",
                                                         "医院", "机场", "俱乐部", "乐队", "组合"};
      std::string_view rest = text.substr(hit.range.end);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      bool headed = std::any_of(std::begin(kPlaceHeads), std::end(kPlaceHeads), [&](std::string_view h) { return rest.starts_with(h); });
      // A single name word right after the noun for a publication, agency or company ("nemački
      // časopis Špigl", "the magazine Spiegel") is its name, not a person's.
      static const KeySet kOutletNouns(
          {"magazine", "newspaper", "paper", "broadcaster", "agency", "company", "firm", "airline", "publication",
           "list", "magazin", "časopis", "nedeljnik", "tjednik", "dnevnik", "agencija", "kompanija", "firma",
           "aviokompanija", "portal", "gazeta", "revista", "agjencia", "kompania", "весник", "весникот", "магазин",
           "списание", "агенција", "компанија", "часопис", "лист"});
      bool outlet = hit.first_word != SIZE_MAX && hit.end_word == hit.first_word + 1 && hit.first_word > 0 &&
                    !words[hit.first_word - 1].upper && kOutletNouns.Contains(words[hit.first_word - 1]) &&
                    text.substr(words[hit.first_word - 1].range.end, hit.range.begin - words[hit.first_word - 1].range.end) == " ";
      if (m.type == EntityType::kPerson &&
          ((hit.range.begin >= 3 && text.substr(hit.range.begin - 3, 3) == "《" && text.substr(hit.range.end, 3) == "》") || headed ||
           outlet || org_head)) {
        m.type = EntityType::kOrg;
        m.entity = "org/~" + m.entity.substr(m.entity.find('~') + 1);
      }
      if (hit.first_word != SIZE_MAX && m.type == EntityType::kPerson) {
        introduce(m, hit);
      }
    } else if (entries_[hit.entry].role) {
      const RolePhrase& rp = k_.roles()[entries_[hit.entry].target];
      m.via = "role";
      // "Serbian President Aleksandar Vučić": the role names the person who follows. Another
      // country's name right after the role makes it that country's office ("ministar
      // unutrašnjih poslova SAD Rajan Zinki"), held by the person who follows, if one does.
      const Hit* next = h + 1 < hits.size() ? &hits[h + 1] : nullptr;
      const Entity* foreign = nullptr;
      uint32_t role_end = hit.range.end;
      if (next && next->entry >= 0 && !entries_[next->entry].role && next->range.begin >= hit.range.end &&
          next->range.begin - hit.range.end <= 1 && entities[entries_[next->entry].target].type == EntityType::kPlace &&
          entities[entries_[next->entry].target].id != rp.org) {
        foreign = &entities[entries_[next->entry].target];
        role_end = next->range.end;
        next = h + 2 < hits.size() ? &hits[h + 2] : nullptr;
      }
      bool named = next && next->range.begin >= role_end && next->range.begin - role_end <= 3 &&
                   ((next->entry < 0 && next->new_type == EntityType::kPerson) || (next->entry >= 0 && !entries_[next->entry].role &&
                                        entities[entries_[next->entry].target].type == EntityType::kPerson));
      if (named) {
        if (next->entry < 0) {
          m.entity = next->new_id;
          m.name = next->new_name;
        } else {
          const Entity& p = entities[entries_[next->entry].target];
          m.entity = p.id;
          m.name = k_.DisplayName(p, options.exonyms);
        }
        m.type = EntityType::kPerson;
      } else if (foreign != nullptr) {
        std::string title = text::FoldForMatch(rp.title);
        std::replace(title.begin(), title.end(), ' ', '-');
        m.entity = "role/~" + title + "-" + foreign->id.substr(foreign->id.find('/') + 1);
        m.name = rp.title + ", " + k_.DisplayName(*foreign, options.exonyms);
        m.type = EntityType::kRole;
      } else {
        std::vector<const Entity*> holders = k_.Holders(rp.org, rp.title, options.day);
        if (!holders.empty()) {
          m.entity = holders[0]->id;
          m.name = k_.DisplayName(*holders[0], options.exonyms);
          m.type = EntityType::kPerson;
        } else {
          const Entity* org = k_.Find(rp.org);
          m.entity = rp.id;
          m.name = rp.title + (org ? ", " + k_.DisplayName(*org, options.exonyms) : "");
          m.type = EntityType::kRole;
        }
      }
    } else {
      const Entry& en = entries_[hit.entry];
      const Entity& e = entities[en.target];
      // A place's one-word name that is the surname of a person introduced earlier is that
      // person ("Ms. Maurice … Maurice is suing", not Mauritius); so is a pack person's surname
      // that the article has not yet used for the pack's person ("Mato Tadić … Tadić je dodao",
      // not Boris Tadić).
      bool other_person = e.type == EntityType::kPerson && !seen.count(e.id);
      if ((e.type == EntityType::kPlace || other_person) && hit.first_word != SIZE_MAX &&
          hit.end_word == hit.first_word + 1) {
        const Person* earlier = nullptr;
        for (uint32_t c : people_named({words[hit.first_word].hash})) {
          const Person& p = introduced[c];
          if (p.type == EntityType::kPerson && p.id != e.id && p.Surname(words[hit.first_word].key)) earlier = &p;
        }
        if (earlier != nullptr) {
          out.push_back({earlier->id, earlier->name, earlier->type, hit.range, "surname"});
          continue;
        }
      }
      // An outlet's one-word name that is also a common word (Danas "today", Politika
      // "politics", Novosti "news") opening a sentence is the word, unless the article has
      // already named the outlet or a reporting verb follows ("Beta je javila").
      if (e.type == EntityType::kOutlet && hit.first_word != SIZE_MAX && hit.end_word == hit.first_word + 1 &&
          !seen.count(e.id) && common_words_.count(text::FoldForMatch(hit.range.Of(text)))) {
        size_t w = hit.first_word;
        bool opens = w == 0 || text::FindFirstOf(text.substr(words[w - 1].range.end, hit.range.begin - words[w - 1].range.end),
                                                 U".!?\n:\"“„«") != std::string_view::npos;
        bool reports = false;
        for (size_t k = w + 1; k < std::min(words.size(), w + 3); ++k) reports = reports || speech_verbs_.Contains(words[k].hash);
        if (opens && !reports) continue;
      }
      if (en.weak && !seen.count(e.id)) {
        // A short alias counts after a strong mention of the same entity, or right after a
        // role phrase or given name, or a title its person holds that day ("President Bush").
        bool supported = !out.empty() && out.back().range.end + 3 >= hit.range.begin && out.back().via == "role";
        if (!supported && hit.first_word != SIZE_MAX) supported = holds_title_before(hit.first_word, en.target);
        if (!supported) continue;
      }
      m.entity = e.id;
      m.name = k_.DisplayName(e, options.exonyms);
      m.type = e.type;
      m.via = hit.possessive ? "possessive" : "alias";
      if (e.type == EntityType::kPerson && hit.first_word != SIZE_MAX && hit.end_word - hit.first_word >= 2) introduce(m, hit);
    }
    seen.insert(m.entity);
    out.push_back(std::move(m));
  }

  // 4b. Bare titles ("The President said", "Premijer je rekao", "总统表示"): the person named
  // last before the title who holds an office of that title on the article's date. Not where a
  // name follows (that is found as the name) or a complement ("the President of the club",
  // "predsednik kluba": someone else's office): the title must be followed by punctuation or,
  // in English, a lower-case word other than "of", else by a reporting verb or auxiliary.
  if (!titles_.empty() || !cjk_titles_.empty()) {
    // The mentions by where they begin (ties in the order found): a long text has thousands, and
    // each title asks about its neighbours only.
    const RangeIndex by_begin = RangeIndex::Of(out.size(), [&](size_t k) { return out[k].range; });
    // For each title, the people mentioned who hold it on the article's date, in the order of
    // where they begin; found on the title's first use.
    std::unordered_map<int, std::vector<uint32_t>> holders;
    auto holder_before = [&](uint32_t at, int title) -> const Mention* {
      auto [it, fresh] = holders.try_emplace(title);
      if (fresh) {
        for (size_t i = 0; i < by_begin.size(); ++i) {
          const uint32_t k = by_begin.id(i);
          const Mention& m = out[k];
          const Entity* e = m.type == EntityType::kPerson ? k_.Find(m.entity) : nullptr;
          if (e == nullptr) continue;
          for (const Role& r : e->roles) {
            if (r.title == k_.titles()[static_cast<size_t>(title)].title && r.ValidOn(options.day)) {
              it->second.push_back(k);
              break;
            }
          }
        }
      }
      // The one that begins last (the last found of those) among those that end by `at`.
      const std::vector<uint32_t>& h = it->second;
      for (size_t k = h.size(); k-- > 0;) {
        if (out[h[k]].range.end <= at) return &out[h[k]];
      }
      return nullptr;
    };
    static const HashTable64<bool>* kAfterTitle = [] {
      auto* t = new HashTable64<bool>();
      for (std::string_view w : {"je", "su", "će", "nije", "takođe", "još", "ka", "kanë", "u", "është", "ishte", "nuk", "do",
                                 "gjithashtu", "е", "ќе", "не", "исто", "isto"}) {
        (*t)[Hash64(NameKey(w))] = true;
      }
      return t;
    }();
    // The mention of that type that follows byte `at` after one space (or a comma and a space,
    // when `apposition`), if any.
    auto mention_after = [&](uint32_t at, EntityType type, bool apposition) -> const Mention* {
      std::string_view rest = text.substr(at);
      uint32_t gap = rest.starts_with(' ') ? 1 : apposition && rest.starts_with(", ") ? 2 : 0;
      if (gap == 0) return nullptr;
      for (size_t k = by_begin.BeginningBefore(at + gap); k < by_begin.size() && by_begin.range(k).begin == at + gap; ++k) {
        if (out[by_begin.id(k)].type == type) return &out[by_begin.id(k)];
      }
      return nullptr;
    };
    std::vector<Mention> found;
    for (size_t i = 0; i < words.size(); ++i) {
      const Title* written = title_at(i);
      if (written == nullptr) continue;
      const Title& t = *written;
      size_t n = t.keys.size();
      ByteRange r{words[i].range.begin, words[i + n - 1].range.end};
      size_t next = i + n;
      // A country's name right after the title makes it that country's office ("ministar
      // unutrašnjih poslova SAD"), held by the person named right after it, if one is.
      if (const Mention* place = mention_after(r.end, EntityType::kPlace, false); place != nullptr && !by_begin.Overlaps(r)) {
        if (const Mention* holder = mention_after(place->range.end, EntityType::kPerson, true)) {
          found.push_back({holder->entity, holder->name, EntityType::kPerson, r, "role"});
        } else {
          std::string title = k_.titles()[static_cast<size_t>(t.title)].title;
          std::string id = text::FoldForMatch(title);
          std::replace(id.begin(), id.end(), ' ', '-');
          found.push_back({"role/~" + id + "-" + place->entity.substr(place->entity.find('/') + 1),
                           title + ", " + place->name, EntityType::kRole, r, "role"});
        }
        i = next - 1;
        continue;
      }
      std::string_view gap = next < words.size() ? text.substr(r.end, words[next].range.begin - r.end) : std::string_view(",");
      bool bare = gap.find_first_of(",.;:!?\n") != std::string_view::npos ||
                  (t.en ? !words[next].upper && words[next].key != "of" && words[next].key != "for"
                        : speech_verbs_.Contains(words[next].hash) || kAfterTitle->Contains(words[next].hash));
      if (bare && !by_begin.Overlaps(r)) {
        if (const Mention* h = holder_before(r.begin, t.title)) found.push_back({h->entity, h->name, EntityType::kPerson, r, "role"});
      }
      i = next - 1;
    }
    const std::vector<std::vector<size_t>> cjk_titles_at = cjk ? cjk_title_scan_.Find(text) : std::vector<std::vector<size_t>>();
    for (size_t j = 0; j < cjk_titles_at.size(); ++j) {
      const auto& [title, index] = cjk_titles_[j];
      for (size_t at : cjk_titles_at[j]) {
        ByteRange r{static_cast<uint32_t>(at), static_cast<uint32_t>(at + title.size())};
        if (by_begin.Overlaps(r) || (at >= 3 && text.substr(at - 3, 3) == "副")) continue;  // 副总统: the vice president
        std::string_view rest = text.substr(r.end);
        bool bare = std::any_of(cjk_name_ends_.begin(), cjk_name_ends_.end(), [&](const std::string& v) { return rest.starts_with(v); });
        for (std::string_view w : {"，", "。", "也", "还", "则", "曾", "在", "对"}) bare = bare || rest.starts_with(w);
        if (!bare) continue;
        if (const Mention* h = holder_before(r.begin, index)) found.push_back({h->entity, h->name, EntityType::kPerson, r, "role"});
      }
    }
    for (Mention& m : found) out.push_back(std::move(m));
  }

  // 5. Surnames and first names alone, after their full name.
  if (!introduced.empty()) {
    std::vector<bool> used(words.size(), false);
    for (const Hit& hit : hits) {
      if (hit.first_word == SIZE_MAX) continue;
      for (size_t k = hit.first_word; k < hit.end_word; ++k) used[k] = true;
    }
    // The full name again, or its last two words or more, where the rules above left the words
    // alone ("lidera Osame bin Ladena", "rekao je de Kerchove"): how many words match at i.
    auto whole_at = [&](size_t i, const Person& p) -> size_t {
      for (size_t n = p.keys.size(); n >= 2; --n) {
        size_t from = p.keys.size() - n;
        bool ok = i + n <= words.size();
        for (size_t k = 0; k < n && ok; ++k) {
          ok = !used[i + k] && words[i + k].key == p.keys[from + k] &&
               (k == 0 || Joined(text, words[i + k - 1].range.end, words[i + k].range.begin));
        }
        if (ok && words[i + n - 1].upper) return n;  // a name ends in a capital ("will take" is no Will Take)
      }
      return 0;
    };
    for (size_t i = 0; i < words.size(); ++i) {
      if (used[i]) continue;
      // The person introduced last before this word whom it names, by the end of the full name
      // from here (its next word too) or, capitalised, alone.
      const uint64_t pair = i + 1 < words.size() ? ExtendKeysHash(ExtendKeysHash(0, words[i]), words[i + 1]) : 0;
      const std::vector<uint32_t>& candidates = people_named({words[i].upper ? words[i].hash : 0, pair});
      const Person* match = nullptr;
      size_t n = 1;
      for (size_t c = candidates.size(); c-- > 0 && match == nullptr;) {
        const Person& p = introduced[candidates[c]];
        if (p.introduced_at > words[i].range.begin) continue;
        if (size_t whole = whole_at(i, p); whole > 0) {
          match = &p;
          n = whole;
        } else if (words[i].upper && (p.Surname(words[i].key) || (words[i].key == p.first_key && may_be_first_name(i)))) {
          match = &p;
        }
      }
      if (match == nullptr) continue;
      // A surname that is a month or a weekday, used as a date, is the date: "Theresa May …
      // in May", "on 5 May", "May 2019".
      if (n == 1 && kCalendar.Contains(words[i])) {
        static const KeySet kBeforeDates({"in", "on", "since", "until", "till", "by", "last", "next", "early", "late",
                                          "mid", "of", "from", "through", "during", "this", "every", "each", "before",
                                          "after", "between", "and", "or", "to"});
        uint32_t b = words[i].range.begin, e = words[i].range.end;
        while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '-')) --b;
        while (e < text.size() && text[e] == ' ') ++e;
        auto digit = [&](char c) { return c >= '0' && c <= '9'; };
        bool digit_near = (b > 0 && digit(text[b - 1])) || (e < text.size() && digit(text[e]));
        if (digit_near || (i > 0 && kBeforeDates.Contains(words[i - 1]) && words[i - 1].range.end + 2 >= words[i].range.begin)) continue;
      }
      out.push_back({match->id, match->name, match->type, {words[i].range.begin, words[i + n - 1].range.end}, n > 1 ? "alias" : "surname"});
      i += n - 1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
  // A surname alone that the article writes before the full name (a headline's "Petrović:" over
  // the lede's "Marko Petrović") is the person named in full, when the article names just one
  // person with that surname. (After the full name, the rules above decide: a
  // later "Plasko" may be the wife of the "Joel Plasko" named first.) Each part of a double
  // surname counts as a surname: "Plasko" may be Linzi Plasko-Flaksman's too.
  struct FullName {
    std::string id;    // or "" when two people share the surname
    uint32_t first;    // where the article first names the person in full
    std::string name;  // the display name there
  };
  std::vector<FullName> full_names;
  std::unordered_map<std::string, size_t> full_name_of;  // surname key -> index in full_names
  for (const Mention& m : out) {
    size_t space = m.name.rfind(' ');
    if (m.type != EntityType::kPerson || space == std::string::npos) continue;
    std::string_view surname = std::string_view(m.name).substr(space + 1);
    std::vector<std::string_view> parts = {surname};
    size_t from = 0;
    for (size_t at = 0; at < surname.size();) {
      size_t dash = surname[at] == '-' ? 1 : surname.substr(at, 3) == "–" || surname.substr(at, 3) == "—" ? 3 : 0;
      if (dash == 0) {
        ++at;
        continue;
      }
      parts.push_back(surname.substr(from, at - from));
      from = at += dash;
    }
    if (from > 0) parts.push_back(surname.substr(from));
    for (std::string_view part : parts) {
      std::string key = NameKey(part);
      auto [it, fresh] = full_name_of.try_emplace(std::move(key), full_names.size());
      if (fresh) full_names.push_back({m.entity, m.range.begin, m.name});
      else if (full_names[it->second].id != m.entity) full_names[it->second].id.clear();
    }
  }
  for (Mention& m : out) {
    if (full_names.empty()) break;
    if (m.type != EntityType::kPerson || m.entity.find("/~") == std::string::npos || m.name.find(' ') != std::string::npos) continue;
    auto found = full_name_of.find(NameKey(m.name));
    if (found == full_name_of.end()) continue;
    const FullName& full = full_names[found->second];
    if (full.id.empty() || full.id == m.entity || m.range.begin > full.first) continue;
    m.entity = full.id;
    m.name = full.name;
    m.via = "surname";
  }
  // One name per person no pack lists, the base form among the ways the text writes it in full:
  // "Marka Markovića … Marko Marković" and "Arben Gashin … Arben Gashi" are Marko Marković and
  // Arben Gashi throughout (most words, then fewest bytes: the nominative is the shortest form).
  std::unordered_map<std::string_view, size_t> base;  // id, the mention that names it
  auto words_in = [](std::string_view s) { return std::count(s.begin(), s.end(), ' '); };
  for (size_t i = 0; i < out.size(); ++i) {
    const Mention& m = out[i];
    if (m.via != "new" || m.entity.find("/~") == std::string::npos) continue;
    auto [it, fresh] = base.try_emplace(m.entity, i);
    if (fresh) continue;
    const std::string& best = out[it->second].name;
    if (words_in(m.name) > words_in(best) || (words_in(m.name) == words_in(best) && m.name.size() < best.size())) it->second = i;
  }
  if (!base.empty()) {
    for (Mention& m : out) {
      if (m.entity.find("/~") == std::string::npos) continue;
      auto it = base.find(m.entity);
      if (it != base.end() && &out[it->second] != &m) m.name = out[it->second].name;
    }
  }
  return out;
}

}  // namespace parallax::entities
