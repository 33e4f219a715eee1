#include "stance/stance.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/embedded.h"
#include "base/strings.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/utf8.h"

namespace parallax::stance {

enum class Cue : uint8_t { kNone, kLex, kNeg, kInt, kDim, kBut, kPassive };

// An attitude word ("supports", "condemned", "protiv", 反对) says what its holder, the target
// before it, thinks of the target after it: it counts fully for what follows, even when the
// holder stands nearer, and for the holder only when favourable (see ReadTarget). After a
// passive auxiliary the order turns round ("Kosovo was condemned"), except for words that stay
// prepositions ("is against", "je protiv").
enum class Attitude : uint8_t { kNone, kTurnsInPassive, kFixed };

struct Entry {
  Cue cue = Cue::kNone;
  float weight = 0;
  Attitude attitude = Attitude::kNone;
};

// The evaluative words and cues of one language.
struct Table {
  std::unordered_map<std::string, Entry> exact;
  std::unordered_map<std::string, Entry> prefix;
  std::vector<size_t> prefix_lengths;  // byte lengths of the prefixes, longest first
  // Unspaced scripts: terms by their first character, longest first.
  std::unordered_map<char32_t, std::vector<std::pair<std::string, Entry>>> unspaced;

  const Entry* Word(const std::string& folded) const {
    if (auto it = exact.find(folded); it != exact.end()) return &it->second;
    for (size_t len : prefix_lengths) {
      if (len > folded.size()) continue;
      if (auto it = prefix.find(folded.substr(0, len)); it != prefix.end()) return &it->second;
    }
    return nullptr;
  }
};

class Lexicon {
 public:
  static const Lexicon& Get() {
    static const Lexicon* lexicon = new Lexicon();
    return *lexicon;
  }
  const Table* For(std::string_view lang) const {
    auto it = tables_.find(std::string(lang));
    return it == tables_.end() ? nullptr : &it->second;
  }

 private:
  Lexicon() {
    ForEachDataLine(EmbeddedData("stance-lexicon.tsv"), [&](std::string_view line) {
      size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      if (t1 == std::string_view::npos || t2 == std::string_view::npos) return;
      std::string lang(line.substr(0, t1));
      std::string_view term = line.substr(t1 + 1, t2 - t1 - 1);
      std::string_view value = line.substr(t2 + 1);
      Entry e;
      if (size_t t3 = value.find('\t'); t3 != std::string_view::npos) {
        std::string_view kind = value.substr(t3 + 1);
        e.attitude = kind == "att" ? Attitude::kTurnsInPassive : kind == "att-fixed" ? Attitude::kFixed : Attitude::kNone;
        value = value.substr(0, t3);
      }
      if (value == "neg") e.cue = Cue::kNeg;
      else if (value == "int") e.cue = Cue::kInt;
      else if (value == "dim") e.cue = Cue::kDim;
      else if (value == "but") e.cue = Cue::kBut;
      else if (value == "pass") e.cue = Cue::kPassive;
      else {
        e.cue = Cue::kLex;
        std::optional<float> weight = ParseFloat(value);
        if (!weight) return;  // a malformed row of our own table: left out
        e.weight = *weight;
      }
      Table& table = tables_[lang];
      bool is_prefix = !term.empty() && term.back() == '*';
      if (is_prefix) term.remove_suffix(1);
      size_t i = 0;
      char32_t first = text::DecodeUtf8(term, i);
      if (text::ClassOf(first) == text::CharClass::kUnspaced) {
        table.unspaced[first].emplace_back(std::string(term), e);
        return;
      }
      std::string folded = text::FoldForMatch(term);
      if (is_prefix) {
        table.prefix[folded] = e;
        if (std::find(table.prefix_lengths.begin(), table.prefix_lengths.end(), folded.size()) ==
            table.prefix_lengths.end()) {
          table.prefix_lengths.push_back(folded.size());
        }
      } else {
        table.exact[folded] = e;
      }
    });
    for (auto& [lang, table] : tables_) {
      std::sort(table.prefix_lengths.rbegin(), table.prefix_lengths.rend());
      for (auto& [c, terms] : table.unspaced) {
        std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
      }
    }
  }
  std::map<std::string, Table> tables_;
};

std::string_view LexiconLanguage(std::string_view lang) {
  std::string_view base = lang.substr(0, lang.find('-'));
  if (base == "sr" || base == "hr" || base == "bs" || base == "me" || base == "sh" || base == "cnr") return "sr";
  if (base == "zh" || base == "yue") return "zh";
  if (base == "en" || base == "sq" || base == "mk") return base;
  return "";
}

namespace {

// A word (or, in unspaced scripts, a lexicon term or one character) of the text read.
struct Token {
  ByteRange range;
  double pos = 0;        // position in words (an unspaced character counts half)
  int clause = 0;        // clause number: , ; : . ! ? and dashes separate clauses
  int sentence = 0;      // sentence number
  Cue cue = Cue::kNone;
  float weight = 0;
  bool attitude = false;  // an attitude word read in the active voice: its holder stands before it
  std::string term;      // folded word for n-grams
  bool negated = false;  // inside a negator's scope
  float modifier = 1;    // intensifier or diminisher before it
  uint32_t mod_begin = UINT32_MAX;  // where a negator or modifier that applies to it begins
  bool skip = false;     // inside a target mention or an excluded span
};

bool IsClauseBreak(char32_t c) {
  switch (c) {
    case ',': case ';': case ':': case '(': case ')': case 0x2013: case 0x2014:
    case 0x3001: case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0xFF08: case 0xFF09:
      return true;
    default:
      return false;
  }
}
bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026;
}

std::vector<Token> Read(std::string_view text, ByteRange region, const Table* table) {
  std::vector<Token> out;
  int clause = 0, sentence = 0;
  bool pending_clause = false, pending_sentence = false;
  double pos = 0;
  size_t i = region.begin;
  const size_t end = std::min<size_t>(region.end, text.size());
  auto push = [&](Token t) {
    if (pending_sentence) ++sentence, ++clause;
    else if (pending_clause) ++clause;
    pending_clause = pending_sentence = false;
    t.clause = clause;
    t.sentence = sentence;
    out.push_back(std::move(t));
  };
  // Whether a passive auxiliary comes right before, past intensifiers ("was strongly
  // criticised").
  auto after_passive = [&] {
    for (size_t k = out.size(); k-- > 0;) {
      if (out[k].cue == Cue::kPassive) return true;
      if (out[k].cue != Cue::kInt && out[k].cue != Cue::kDim) return false;
    }
    return false;
  };
  while (i < end) {
    size_t start = i;
    char32_t c = text::DecodeUtf8(text, i);
    text::CharClass cls = text::ClassOf(c);
    if (cls == text::CharClass::kOther || cls == text::CharClass::kMark) {
      if (IsSentenceEnd(c)) pending_sentence = true;
      else if (IsClauseBreak(c)) pending_clause = true;
      continue;
    }
    Token t;
    if (cls == text::CharClass::kUnspaced) {
      size_t stop = i;
      if (table != nullptr) {
        if (auto it = table->unspaced.find(c); it != table->unspaced.end()) {
          for (const auto& [term, e] : it->second) {
            if (text.substr(start, term.size()) == term && start + term.size() <= end) {
              t.cue = e.cue;
              t.weight = e.weight;
              // 被批评, 受到批评: criticised, the holder after it.
              t.attitude = e.attitude == Attitude::kFixed || (e.attitude == Attitude::kTurnsInPassive && !after_passive());
              stop = start + term.size();
              break;
            }
          }
        }
      }
      i = stop;
      t.range = {static_cast<uint32_t>(start), static_cast<uint32_t>(stop)};
      t.term = std::string(text.substr(start, stop - start));
      t.pos = pos;
      pos += 0.5 * static_cast<double>(std::max<size_t>(1, (stop - start) / 3));
      push(std::move(t));
      continue;
    }
    std::string folded;
    text::AppendFolded(folded, c);
    while (i < end) {
      size_t j = i;
      char32_t d = text::DecodeUtf8(text, j);
      text::CharClass dc = text::ClassOf(d);
      if (dc != text::CharClass::kLetter && dc != text::CharClass::kDigit && dc != text::CharClass::kMark) break;
      text::AppendFolded(folded, d);
      i = j;
    }
    t.range = {static_cast<uint32_t>(start), static_cast<uint32_t>(i)};
    if (table != nullptr) {
      if (const Entry* e = table->Word(folded)) {
        t.cue = e->cue;
        t.weight = e->weight;
        t.attitude = e->attitude != Attitude::kNone;
        // After a passive auxiliary, unless the form is active: English "-ing" ("is
        // supporting"), a South Slavic l-participle ("je podržao", "je osudila", "критикувал").
        if (e->attitude == Attitude::kTurnsInPassive && after_passive()) {
          bool active = false;
          for (std::string_view ending : {"ing", "o", "la", "li", "le", "lo", "l"}) active = active || folded.ends_with(ending);
          t.attitude = active;
        }
      }
    }
    t.term = std::move(folded);
    t.pos = pos;
    pos += 1;
    push(std::move(t));
  }
  // Negation scope: the rest of the clause, at most four words, up to the first evaluative
  // word: a negated verb's object keeps its own sense ("neće priznati jednostrano proglašenu
  // nezavisnost": no recognition, and the declaration still one-sided). Modifiers: the next
  // evaluative word within two words. Backing what is condemned is condemned: a favourable
  // word followed in its clause by a critical one, next to it or past one short word, takes
  // that sign ("podržava agresora", "mbështet agresorin", "支持侵略者", "praised the corrupt
  // regime"; not "helps fight terrorism").
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].cue == Cue::kNeg) {
      for (size_t m = k + 1; m < out.size() && m <= k + 4 && out[m].clause == out[k].clause; ++m) {
        if (out[m].cue == Cue::kNeg || out[m].cue == Cue::kBut) break;
        out[m].negated = !out[m].negated;
        out[m].mod_begin = std::min(out[m].mod_begin, out[k].range.begin);
        if (out[m].cue == Cue::kLex) break;
      }
    } else if (out[k].cue == Cue::kInt || out[k].cue == Cue::kDim) {
      for (size_t m = k + 1; m < out.size() && m <= k + 2; ++m) {
        if (out[m].cue != Cue::kLex) continue;
        out[m].modifier *= out[k].cue == Cue::kInt ? 1.5f : 0.5f;
        out[m].mod_begin = std::min(out[m].mod_begin, out[k].range.begin);
        break;
      }
    }
  }
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    if (out[k].cue != Cue::kLex || out[k].weight <= 0 || out[k].negated) continue;
    size_t m = k + 1;
    if ((out[m].cue == Cue::kNone || out[m].cue == Cue::kPassive) && out[m].term.size() <= 3 && m + 1 < out.size()) ++m;
    if (out[m].clause == out[k].clause && out[m].cue == Cue::kLex && out[m].weight < 0 && !out[m].negated) {
      out[k].weight = -out[k].weight;
    }
  }
  return out;
}

bool Inside(ByteRange r, const std::vector<ByteRange>& spans) {
  for (ByteRange s : spans) {
    if (r.begin < s.end && s.begin < r.end) return true;
  }
  return false;
}

// The lexicon's reading of the text toward one target, and the model's features.
struct Reading {
  double score = 0;
  double pos_pre = 0, pos_post = 0, neg_pre = 0, neg_post = 0;  // pre: the word precedes the target
  int hits = 0;
  bool negation = false, contrast = false;
  ByteRange evidence_pos, evidence_neg;
  double best_pos = 0, best_neg = 0;
};

// `others`: the tokens of the other targets' mentions. A word nearer to another target
// belongs mostly to that one ("Serbia praised China but condemned Pristina").
Reading ReadTarget(const std::vector<Token>& toks, const std::vector<size_t>& mention_toks,
                   std::vector<size_t> others = {}) {
  Reading r;
  // Targets joined by "and" share what is said of them ("China and Serbia are ironclad friends",
  // "Kina i Srbija", "Kina dhe Serbia", "中国与塞尔维亚"): a coordinated target's words are not
  // another's.
  static const std::unordered_set<std::string_view> kAnd = {"and", "i", "dhe", "和", "与", "及", "同"};
  auto joined = [&](size_t a, size_t b) {
    if (a > b) std::swap(a, b);
    return b == a + 2 && kAnd.count(toks[a + 1].term) > 0 && toks[a + 1].clause == toks[a].clause &&
           toks[b].clause == toks[a].clause;
  };
  std::erase_if(others, [&](size_t o) {
    return std::any_of(mention_toks.begin(), mention_toks.end(), [&](size_t m) { return joined(m, o); });
  });
  // Whether this target holds the attitude word at `k`: the nearest target before the word in
  // its sentence is one of this target's mentions (or joined to one).
  auto holds = [&](size_t k) {
    size_t nearest = SIZE_MAX;
    bool mine = false;
    auto consider = [&](size_t m, bool own) {
      if (m < k && toks[m].sentence == toks[k].sentence && (nearest == SIZE_MAX || m > nearest)) nearest = m, mine = own;
    };
    for (size_t m : mention_toks) consider(m, true);
    for (size_t o : others) consider(o, false);
    return mine;
  };
  // The last contrast word of each sentence.
  std::map<int, double> contrast_at;
  for (const Token& t : toks) {
    if (t.cue == Cue::kBut) {
      contrast_at[t.sentence] = t.pos;
      r.contrast = true;
    }
    if (t.cue == Cue::kNeg) r.negation = true;
  }
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    if (t.cue != Cue::kLex || t.skip) continue;
    double v = t.weight * t.modifier;
    if (t.negated) v *= -0.7;
    // Its holder shares an attitude word's favourable reading ("Peking podržava Srbiju" shows
    // Beijing as a friend) but not its critical one: "China condemned the EU" or "Kina neće
    // podržati nezavisnost" report China's view, not a view of China. (Measured on NewsMTSC:
    // dropping both readings cost the lexicon 0.02 macro-F1; dropping the critical one, nothing.)
    if (t.attitude && v < 0 && holds(k)) continue;
    if (auto it = contrast_at.find(t.sentence); it != contrast_at.end()) v *= t.pos < it->second ? 0.6 : 1.3;
    double distance = 0;
    int breaks = 0;
    bool pre = false;
    if (!mention_toks.empty()) {
      distance = 1e9;
      for (size_t m : mention_toks) {
        double d = std::abs(toks[m].pos - t.pos);
        if (d < distance) {
          distance = d;
          breaks = std::abs(toks[m].clause - t.clause) + 2 * std::abs(toks[m].sentence - t.sentence);
          pre = t.pos < toks[m].pos;
        }
      }
    }
    v *= 1.0 / (1.0 + distance / 6.0);
    for (size_t o : others) {
      // A holder before an attitude word leaves it to what follows.
      if (t.attitude && o < k && toks[o].sentence == t.sentence) continue;
      // Nearer by clause first, then by words.
      int o_breaks = std::abs(toks[o].clause - t.clause) + 2 * std::abs(toks[o].sentence - t.sentence);
      double o_distance = std::abs(toks[o].pos - t.pos);
      if (o_breaks < breaks || (o_breaks == breaks && o_distance < distance)) {
        v *= 0.25;
        break;
      }
    }
    v *= std::pow(0.7, std::min(breaks, 4));
    r.score += v;
    ++r.hits;
    ByteRange ev{std::min(t.mod_begin, t.range.begin), t.range.end};
    if (v > 0) {
      (pre ? r.pos_pre : r.pos_post) += v;
      if (v > r.best_pos) r.best_pos = v, r.evidence_pos = ev;
    } else {
      (pre ? r.neg_pre : r.neg_post) -= v;
      if (-v > r.best_neg) r.best_neg = -v, r.evidence_neg = ev;
    }
  }
  return r;
}

constexpr double kThreshold = 0.45;

using Features = std::vector<std::pair<std::string, float>>;

Features MakeFeatures(const std::vector<Token>& toks, const std::vector<size_t>& mention_toks,
                      const std::vector<size_t>& others, const Reading& r, std::string_view lang) {
  Features f;
  f.emplace_back("bias", 1.f);
  auto num = [&](const char* name, double v) {
    if (v != 0) f.emplace_back(name, static_cast<float>(v));
  };
  num("lex.score", r.score);
  num("lex.pos.pre", r.pos_pre);
  num("lex.pos.post", r.pos_post);
  num("lex.neg.pre", r.neg_pre);
  num("lex.neg.post", r.neg_post);
  f.emplace_back(r.score > kThreshold ? "lex.sign+" : r.score < -kThreshold ? "lex.sign-" : "lex.sign0", 1.f);
  f.emplace_back(fmt::format("lex.hits{}", std::min(r.hits, 3)), 1.f);
  if (r.negation) f.emplace_back("negation", 1.f);
  if (r.contrast) f.emplace_back("contrast", 1.f);
  if (mention_toks.empty()) f.emplace_back("target.whole", 1.f);
  else f.emplace_back(toks[mention_toks.front()].pos < 1 ? "target.first" : "target.later", 1.f);
  if (lang.empty()) return f;
  std::string L(lang);
  // One stemmer per thread and language: Stemmer is not thread-safe.
  thread_local std::map<std::string, std::unique_ptr<text::Stemmer>, std::less<>> stemmers;
  auto it = stemmers.find(L);
  if (it == stemmers.end()) it = stemmers.emplace(L, text::Stemmer::Create(L)).first;
  text::Stemmer* stemmer = it->second.get();
  // Stemmed words, with the target's words as <T>, other targets' as <O> and negated words
  // marked with !; `at` holds each word's token.
  std::vector<std::string> words;
  std::vector<size_t> at;
  words.reserve(toks.size());
  at.reserve(toks.size());
  std::vector<char> mark(toks.size(), 0);
  for (size_t o : others) mark[o] = 'O';
  for (size_t m : mention_toks) mark[m] = 'T';
  for (size_t k = 0; k < toks.size(); ++k) {
    if (mark[k] != 0) {
      std::string w = mark[k] == 'T' ? "<T>" : "<O>";
      if (words.empty() || words.back() != w) words.push_back(w), at.push_back(k);
      continue;
    }
    if (toks[k].skip) continue;
    std::string w = stemmer != nullptr ? std::string(stemmer->Stem(toks[k].term)) : toks[k].term;
    words.push_back(toks[k].negated ? "!" + w : w);
    at.push_back(k);
  }
  auto is_target = [&](size_t k) { return words[k] == "<T>" || words[k] == "<O>"; };
  // The first of the target's mentions in the token's clause, if any.
  auto clause_mention = [&](size_t tok) -> const size_t* {
    for (const size_t& m : mention_toks) {
      if (toks[m].clause == toks[tok].clause) return &m;
    }
    return nullptr;
  };
  for (size_t k = 0; k < words.size(); ++k) {
    if (!is_target(k)) {
      f.emplace_back(L + ":u:" + words[k], 1.f);
      // The target's own clause, by side: "<T> has been a reliable partner, officials said".
      if (const size_t* m = clause_mention(at[k])) f.emplace_back(L + (at[k] < *m ? ":cl:" : ":cr:") + words[k], 1.f);
      continue;
    }
    if (words[k] != "<T>") continue;
    for (size_t j = k >= 5 ? k - 5 : 0; j < std::min(words.size(), k + 6); ++j) {
      if (words[j] != "<T>") f.emplace_back(L + (j < k ? ":wl:" : ":wr:") + words[j], 1.f);
    }
    for (int d = 1; d <= 3; ++d) {
      if (k >= static_cast<size_t>(d)) f.emplace_back(fmt::format("{}:l{}:{}", L, d, words[k - d]), 1.f);
      if (k + d < words.size()) f.emplace_back(fmt::format("{}:r{}:{}", L, d, words[k + d]), 1.f);
    }
    // The words between the target and the next other target within a dozen words, either way:
    // what one does to the other ("<T> praised <O>", "<O> accused <T>").
    for (size_t j = k + 1; j < words.size() && j < k + 12 && words[j] != "<T>"; ++j) {
      if (words[j] != "<O>") continue;
      for (size_t i = k + 1; i < j; ++i) f.emplace_back(L + ":bTO:" + words[i], 1.f);
      break;
    }
    for (size_t j = k; j-- > 0 && j + 12 > k && words[j] != "<T>";) {
      if (words[j] != "<O>") continue;
      for (size_t i = j + 1; i < k; ++i) f.emplace_back(L + ":bOT:" + words[i], 1.f);
      break;
    }
  }
  // Each evaluative word by its place: before or after the target, in its clause or not,
  // attitude or evaluation, and its sign after negation.
  for (size_t k : at) {
    const Token& t = toks[k];
    if (t.cue != Cue::kLex || t.skip) continue;
    bool pre = !mention_toks.empty() && k < mention_toks.front();
    bool favourable = (t.weight > 0) != t.negated;
    f.emplace_back(fmt::format("lx:{}:{}:{}:{}", pre ? "pre" : "post", clause_mention(k) != nullptr ? "same" : "far",
                               t.attitude ? "att" : "ev", favourable ? "+" : "-"),
                   1.f);
  }
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.first == b.first; }), f.end());
  return f;
}

// Tokens and the tokens of each mention, for one text region.
struct Prepared {
  std::vector<Token> toks;
  std::vector<std::vector<size_t>> mentions;  // per target
};

Prepared Prepare(std::string_view text, std::string_view lang, ByteRange region, const std::vector<Target>& targets,
                 const std::vector<ByteRange>& exclude) {
  if (region.empty()) region = {0, static_cast<uint32_t>(text.size())};
  Prepared p;
  p.toks = Read(text, region, Lexicon::Get().For(LexiconLanguage(lang)));
  std::vector<ByteRange> all = exclude;
  for (const Target& t : targets) all.insert(all.end(), t.mentions.begin(), t.mentions.end());
  for (Token& t : p.toks) t.skip = Inside(t.range, all);
  for (const Target& target : targets) {
    std::vector<size_t> ms;
    for (size_t k = 0; k < p.toks.size(); ++k) {
      if (Inside(p.toks[k].range, target.mentions)) ms.push_back(k);
    }
    p.mentions.push_back(std::move(ms));
  }
  return p;
}

std::array<double, 3> Softmax(const std::array<double, 3>& z) {
  double mx = std::max({z[0], z[1], z[2]});
  std::array<double, 3> p;
  double sum = 0;
  for (int c = 0; c < 3; ++c) sum += p[c] = std::exp(z[c] - mx);
  for (double& x : p) x /= sum;
  return p;
}

}  // namespace

// ---- Model ----

Result<Model> Model::Parse(std::string_view text, const std::string& source) {
  Model m;
  int64_t line_no = 0;
  Status error;
  while (!text.empty() && error.ok()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t t3 = line.rfind('\t');
    size_t t2 = t3 == std::string_view::npos || t3 == 0 ? std::string_view::npos : line.rfind('\t', t3 - 1);
    size_t t1 = t2 == std::string_view::npos || t2 == 0 ? std::string_view::npos : line.rfind('\t', t2 - 1);
    if (t1 == std::string_view::npos) {
      return Status::InvalidInput("expected a feature and three weights separated by tabs",
                                  Where{.source = source, .record = line_no});
    }
    std::array<float, 3> w;
    size_t cuts[4] = {t1, t2, t3, line.size()};
    for (int c = 0; c < 3; ++c) {
      std::string_view v = line.substr(cuts[c] + 1, cuts[c + 1] - cuts[c] - 1);
      std::optional<float> weight = ParseFloat(v);
      if (!weight || !std::isfinite(*weight)) {
        return Status::InvalidInput("weight is not a number: '" + std::string(v) + "'", Where{.source = source, .record = line_no});
      }
      w[c] = *weight;
    }
    m.weights_[std::string(line.substr(0, t1))] = w;
  }
  m.NoteLanguages();
  return m;
}

void Model::NoteLanguages() {
  languages_.clear();
  for (const auto& [name, w] : weights_) {
    size_t colon = name.find(':');
    if (colon == std::string::npos) continue;
    std::string lang = name.substr(0, colon);
    if (std::find(languages_.begin(), languages_.end(), lang) == languages_.end()) languages_.push_back(lang);
  }
}

bool Model::Speaks(std::string_view lang) const {
  return std::find(languages_.begin(), languages_.end(), lang) != languages_.end();
}

Result<Model> Model::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open stance model", Where{.source = path});
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

const Model& Model::Default() {
  static const Model* model = [] {
    auto m = Parse(EmbeddedData("stance-model.tsv"), "data/stance-model.tsv");
    return new Model(m.ok() ? std::move(m).value() : Model());
  }();
  return *model;
}

std::string Model::Save(const std::string& provenance) const {
  std::string out = "# Parallax stance model: multinomial logistic regression (src/stance/stance.h).\n";
  std::istringstream prov(provenance);
  for (std::string line; std::getline(prov, line);) out += "# " + line + "\n";
  out += "# Columns: feature, then the weights of the classes -1 (critical), 0 (neutral), +1 (favourable).\n";
  std::vector<const std::pair<const std::string, std::array<float, 3>>*> rows;
  for (const auto& kv : weights_) rows.push_back(&kv);
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (auto* kv : rows) out += fmt::format("{}\t{:.4g}\t{:.4g}\t{:.4g}\n", kv->first, kv->second[0], kv->second[1], kv->second[2]);
  return out;
}

Model Model::Train(const std::vector<Example>& examples, int epochs, int min_count) {
  std::vector<Features> feats;
  std::vector<int> gold;
  std::unordered_map<std::string, int> counts;
  for (const Example& e : examples) {
    std::vector<Target> targets{e.target};
    targets.insert(targets.end(), e.others.begin(), e.others.end());
    Prepared p = Prepare(e.text, e.lang, e.region, targets, {});
    std::vector<size_t> others;
    for (size_t o = 1; o < p.mentions.size(); ++o) others.insert(others.end(), p.mentions[o].begin(), p.mentions[o].end());
    Reading r = ReadTarget(p.toks, p.mentions[0], others);
    feats.push_back(MakeFeatures(p.toks, p.mentions[0], others, r, LexiconLanguage(e.lang).empty() ? e.lang : LexiconLanguage(e.lang)));
    gold.push_back(std::clamp(e.polarity, -1, 1) + 1);
    for (const auto& [name, v] : feats.back()) ++counts[name];
  }
  // Features become indices; rare ones are dropped.
  std::unordered_map<std::string, int> index;
  std::vector<std::string> names;
  for (const auto& [name, n] : counts) {
    if (n >= min_count || name.rfind("lex", 0) == 0 || name == "bias") {
      index.emplace(name, static_cast<int>(names.size()));
      names.push_back(name);
    }
  }
  std::vector<std::vector<std::pair<int, float>>> rows(feats.size());
  for (size_t k = 0; k < feats.size(); ++k) {
    for (const auto& [name, v] : feats[k]) {
      if (auto it = index.find(name); it != index.end()) rows[k].emplace_back(it->second, v);
    }
  }
  std::vector<std::array<double, 3>> w(names.size(), {0, 0, 0}), g2(names.size(), {1e-8, 1e-8, 1e-8});
  // Chosen on a tenth of NewsMTSC's train split held out (tools/train_stance.sh).
  const double rate = 0.02, l2 = 1e-3;
  std::vector<size_t> order(rows.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) {  // Fisher-Yates with a fixed seed
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(order[k - 1], order[(seed >> 33) % k]);
    }
    for (size_t k : order) {
      std::array<double, 3> z{0, 0, 0};
      for (const auto& [i, v] : rows[k]) {
        for (int c = 0; c < 3; ++c) z[c] += w[i][c] * v;
      }
      std::array<double, 3> p = Softmax(z);
      for (const auto& [i, v] : rows[k]) {
        for (int c = 0; c < 3; ++c) {
          double grad = (p[c] - (c == gold[k] ? 1.0 : 0.0)) * v + l2 * w[i][c];
          g2[i][c] += grad * grad;
          w[i][c] -= rate * grad / std::sqrt(g2[i][c]);
        }
      }
    }
  }
  Model m;
  for (size_t i = 0; i < names.size(); ++i) {
    if (std::max({std::abs(w[i][0]), std::abs(w[i][1]), std::abs(w[i][2])}) < 0.01) continue;
    m.weights_[names[i]] = {static_cast<float>(w[i][0]), static_cast<float>(w[i][1]), static_cast<float>(w[i][2])};
  }
  m.NoteLanguages();
  return m;
}

// ---- Scorer ----

Scorer::Scorer(const Model* model) : lexicon_(Lexicon::Get()), model_(model != nullptr && model->size() > 0 ? model : nullptr) {}
Scorer::~Scorer() = default;

std::vector<Verdict> Scorer::Score(std::string_view text, std::string_view lang, ByteRange region,
                                   const std::vector<Target>& targets, const std::vector<ByteRange>& exclude) const {
  Prepared p = Prepare(text, lang, region, targets, exclude);
  std::vector<Verdict> out;
  std::string_view table_lang = LexiconLanguage(lang);
  for (size_t t = 0; t < targets.size(); ++t) {
    std::vector<size_t> others;
    for (size_t o = 0; o < targets.size(); ++o) {
      if (o != t) others.insert(others.end(), p.mentions[o].begin(), p.mentions[o].end());
    }
    Reading r = ReadTarget(p.toks, p.mentions[t], others);
    Verdict v;
    v.score = r.score;
    std::string_view model_lang = table_lang.empty() ? lang : table_lang;
    if (model_ == nullptr || !model_->Speaks(model_lang)) {
      v.polarity = r.score > kThreshold ? 1 : r.score < -kThreshold ? -1 : 0;
      double a = std::abs(r.score);
      v.confidence = v.polarity != 0 ? std::min(0.95, 0.5 + 0.5 * a / (a + 1)) : std::max(0.3, 0.8 - a);
    } else {
      std::array<double, 3> z{0, 0, 0};
      for (const auto& [name, value] : MakeFeatures(p.toks, p.mentions[t], others, r, model_lang)) {
        auto it = model_->weights_.find(name);
        if (it == model_->weights_.end()) continue;
        for (int c = 0; c < 3; ++c) z[c] += it->second[c] * value;
      }
      std::array<double, 3> prob = Softmax(z);
      int best = static_cast<int>(std::max_element(prob.begin(), prob.end()) - prob.begin());
      v.polarity = best - 1;
      v.confidence = prob[best];
      v.score = prob[2] - prob[0];
      // With no evaluative word to point to, a lean the model gives less than even odds is no
      // verdict: "Kosovo does not need permission from Beijing" is not critical of Kosovo.
      if (r.hits == 0 && v.polarity != 0 && v.confidence < 0.5) {
        v.polarity = 0;
        v.confidence = prob[1];
      }
    }
    v.evidence = v.polarity > 0 ? r.evidence_pos : v.polarity < 0 ? r.evidence_neg
                 : r.best_pos >= r.best_neg ? r.evidence_pos : r.evidence_neg;
    out.push_back(v);
  }
  return out;
}

// ---- Gold ----

Result<std::vector<Example>> ReadGold(std::string_view jsonl, const std::string& source) {
  std::vector<Example> out;
  int64_t line_no = 0;
  while (!jsonl.empty()) {
    size_t nl = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, nl);
    jsonl = nl == std::string_view::npos ? std::string_view() : jsonl.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Where where{.source = source, .record = line_no};
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::InvalidInput("not a JSON object", where);
    if (!j.contains("text") || !j["text"].is_string()) return Status::InvalidInput("missing text", where);
    if (!j.contains("targets") || !j["targets"].is_array()) return Status::InvalidInput("missing targets array", where);
    std::string text = j["text"].get<std::string>();
    std::string lang = j.value("lang", std::string("en"));
    size_t first = out.size();
    for (const auto& t : j["targets"]) {
      if (!t.is_object() || !t.contains("polarity") || !t["polarity"].is_number_integer()) {
        return Status::InvalidInput("each target needs an integer polarity (-1, 0 or 1)", where);
      }
      Example e{.text = text, .lang = lang};
      e.polarity = t["polarity"].get<int>();
      if (e.polarity < -1 || e.polarity > 1) return Status::InvalidInput("polarity must be -1, 0 or 1", where);
      auto add_span = [&](const nlohmann::json& s) -> Status {
        if (!s.contains("start") || !s.contains("end")) return Status::Ok();
        if (!s["start"].is_number_unsigned() || !s["end"].is_number_unsigned()) {
          return Status::InvalidInput("start and end must be byte offsets", where);
        }
        uint32_t b = s["start"].get<uint32_t>(), en = s["end"].get<uint32_t>();
        if (b > en || en > text.size()) return Status::InvalidInput(fmt::format("target span {}-{} outside the text", b, en), where);
        e.target.mentions.push_back({b, en});
        return Status::Ok();
      };
      PLX_RETURN_IF_ERROR(add_span(t));
      if (t.contains("mentions") && t["mentions"].is_array()) {
        for (const auto& s : t["mentions"]) PLX_RETURN_IF_ERROR(add_span(s));
      }
      out.push_back(std::move(e));
    }
    for (size_t a = first; a < out.size(); ++a) {
      for (size_t b = first; b < out.size(); ++b) {
        if (a != b) out[a].others.push_back(out[b].target);
      }
    }
  }
  return out;
}

}  // namespace parallax::stance
