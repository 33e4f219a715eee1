#include "quotes/quotes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <unordered_set>

#include <unicode/uchar.h>

#include "base/embedded.h"
#include "base/hash.h"
#include "base/range_index.h"
#include "text/fold.h"
#include "text/segment.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace parallax::quotes {
namespace {

bool IsLetter(char32_t c) { return c != 0 && u_isalnum(static_cast<UChar32>(c)); }
bool IsSpaceOrStart(char32_t c) {
  return c == 0 || c == ' ' || c == '\n' || c == '\t' || c == 0xA0 || c == '(' || c == '[' || c == U'—' ||
         c == U'–' || c == '-' || c == ':' || c == '/';
}

struct Span {
  ByteRange outer;    // with the marks (a piece of a longer quotation: up to its paragraph's edge)
  ByteRange content;  // without
  int group = -1;     // pieces of one quotation running over several paragraphs share a group
};

struct Open {
  uint32_t at, after;
  std::u32string closers;
};

// Chinese punctuation that ends a clause or a sentence (，。！？、；).
bool ChineseStop(char32_t c) {
  return c == U'，' || c == U'。' || c == U'！' || c == U'？' || c == U'、' || c == U'；';
}

// Whether the straight mark at `at`, after an s and before a space, is a plural possessive's
// apostrophe ("'We know it won't change students' behaviour.'") rather than the close of the
// quotation opened at `from`: what it would close reads as a sentence cut short (a capital
// first, four words or more, no punctuation at its end) and a lower-case word follows, where a
// whole sentence quoted would end in punctuation, or a comma before its speech tag.
bool PluralPossessive(std::string_view text, uint32_t from, uint32_t at, uint32_t end) {
  std::string_view inside = text.substr(from, at - from);
  size_t k = 0;
  if (inside.empty() || !u_isupper(static_cast<UChar32>(text::DecodeUtf8(inside, k)))) return false;
  if (std::count(inside.begin(), inside.end(), ' ') < 3) return false;
  size_t after = at + 2;
  if (after >= end) return false;
  k = after;
  return u_islower(static_cast<UChar32>(text::DecodeUtf8(text, k)));
}

// Whether every word starts with a capital ("Argos", "Saturday Night Live").
bool EveryWordCapitalised(std::string_view s) {
  bool all = true, any = false;
  text::ForEachWord(s, [&](std::string_view, ByteRange r, bool) {
    size_t k = r.begin;
    any = true;
    all = all && u_isupper(static_cast<UChar32>(text::DecodeUtf8(s, k)));
  });
  return any && all;
}

// Whether words are written as an English title is: every word of four letters or more
// capitalised but a few function words ("into", "from"), three such words at least, and not all
// in capitals ("Just the Funny Parts: And a Few Hard Truths About Sneaking into …", also inside
// a translation). Speech quoted is written as a sentence, or shouted ("NO, ANOTHER ONE").
bool TitleCased(std::string_view s) {
  static constexpr std::string_view kMinor[] = {"into", "onto", "from", "with", "upon", "over", "than", "that"};
  auto minor = [](std::string_view w) { return w.size() == 4 && std::find(std::begin(kMinor), std::end(kMinor), w) != std::end(kMinor); };
  int long_words = 0;
  bool all = true, shouted = true;
  text::ForEachSpacedWord(s, [&](std::string_view lower, ByteRange r, bool) {
    if (lower.size() < 4 || (minor(lower) && r.Of(s) == lower)) return;
    ++long_words;
    size_t k = r.begin;
    all = all && u_isupper(static_cast<UChar32>(text::DecodeUtf8(s, k)));
    shouted = shouted && u_isupper(static_cast<UChar32>(text::DecodeUtf8(s, k)));
  });
  if (all && !shouted && long_words >= 3) return true;
  if (shouted || !all || long_words < 2) return false;  // a long word in lower case is no title's
  // Or a name of three words or more, two of them long, whose every word is capitalised but
  // for the few that titles keep in lower case ("The Power of Nutrition", "Make America Great
  // Again").
  static const std::unordered_set<std::string_view> kLowerInTitles = {"of", "the", "and", "for", "in", "on", "at", "to", "a",
                                                                      "an", "by", "de", "la", "e", "i", "të", "и"};
  int words = 0, lower = 0;
  text::ForEachSpacedWord(s, [&](std::string_view folded, ByteRange r, bool) {
    ++words;
    size_t k = r.begin;
    if (!u_isupper(static_cast<UChar32>(text::DecodeUtf8(s, k)))) lower += kLowerInTitles.count(folded) ? 0 : 100;
  });
  return !shouted && words >= 3 && long_words >= 2 && lower == 0;
}

// What FindMarks saw in one paragraph.
struct Marks {
  std::vector<Span> spans;       // top-level quotations that open and close in it
  std::vector<Open> open;        // still open at its end, outermost first
  uint32_t carried_close = 0;    // where the outermost carried-in quotation closed (after its mark); 0: it did not
  uint32_t carried_content = 0;  // the end of that quotation's words in this paragraph
  ByteRange orphan_close;          // the first closing mark before any other mark, with nothing open
  uint32_t words_begin = 0;        // where a carried-in quotation's words start (after a reopening mark)
  bool opens_paragraph = false;  // whether its first character opens a quotation (not reopening one)
  uint32_t colon_opens_like_carried = 0;  // a colon after which a mark opens one of the carried kind; 0: none
};

// Quotation marks of text[par]. They pair by convention and nest; `carried` are quotations
// still open from earlier paragraphs. A mark that opens a paragraph while a quotation is
// carried in reopens it (the news convention for quotations over several paragraphs).
Marks FindMarks(std::string_view text, ByteRange par, std::vector<Open> carried = {}) {
  Marks out;
  out.words_begin = par.begin;
  std::vector<Open>& stack = carried;
  const size_t carried_depth = carried.size();
  char32_t prev = 0;
  size_t i = par.begin;
  while (i < par.end && (text[i] == ' ' || text[i] == '\t')) ++i;
  auto close_top = [&](uint32_t at, uint32_t after) {
    Open o = stack.back();
    stack.pop_back();
    if (stack.empty() && carried_depth > 0 && out.carried_close == 0) {
      out.carried_close = after;
      out.carried_content = at;
    } else if (stack.empty()) {
      out.spans.push_back({{o.at, after}, {o.after, at}});
    }
  };
  auto expects = [&](char32_t c) { return !stack.empty() && stack.back().closers.find(c) != std::u32string::npos; };
  // A closing mark with a comma at it and a lower-case word after ("…Amerike,” rekao je") is
  // a speech tag's: it ends the whole quotation, including a level that a mark of the same
  // kind opened inside it and never closed (“… kažu: “Kako …?  … Amerike,” rekao je).
  auto tag_follows = [&](uint32_t at, uint32_t after) {
    bool comma = at > par.begin && text[at - 1] == ',';
    size_t k = after;
    if (k < par.end && text[k] == ',') comma = true, ++k;
    if (!comma || k >= par.end || text[k] != ' ') return false;
    ++k;
    char32_t w = k < par.end ? text::DecodeUtf8(text, k) : 0;
    return IsLetter(w) && u_islower(static_cast<UChar32>(w));
  };
  auto close_all_like = [&](char32_t c, uint32_t at, uint32_t after) {
    while (expects(c)) close_top(at, after);
  };
  // So does one that ends the paragraph and closes a level carried in from an earlier one: a
  // quotation over several paragraphs that goes on opens the next one with a mark instead
  // ("Rekla sam: „Taši, … | … | Morala sam da se saberem.”" closes both levels; the next
  // paragraph is narration). A level opened in this paragraph closes alone ("Rekli su mi:
  // „Nemoj …”" inside a quotation that goes on).
  auto ends_carried = [&](uint32_t after) {
    return stack.size() <= carried_depth &&
           text.substr(after, par.end - after).find_first_not_of(" \t\r\n") == std::string_view::npos;
  };
  // The quotation open on top closes only with `c`: one that “ or ‘ opened.
  auto closes_like = [&](char32_t c) { return !stack.empty() && stack.back().closers == std::u32string(1, c); };
  bool first = true;
  while (i < par.end) {
    uint32_t at = static_cast<uint32_t>(i);
    // Most characters are no quotation mark, and no mark begins with their first byte: the
    // marks are ASCII " and ', U+00AB/BB (C2), U+2018–203A (E2) and U+300C–300F (E3).
    auto no_mark = [&](size_t k) {
      const unsigned char lead = static_cast<unsigned char>(text[k]);
      return lead != '"' && lead != '\'' && lead != 0xC2 && lead != 0xE2 && lead != 0xE3;
    };
    if (no_mark(i)) {
      size_t j = i + 1;
      while (j < par.end && no_mark(j)) ++j;
      size_t last = j - 1;  // the start of the character before j
      while (last > i && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
      prev = text::DecodeUtf8(text, last);
      i = j;
      first = false;
      continue;
    }
    char32_t c = text::DecodeUtf8(text, i);
    uint32_t after = static_cast<uint32_t>(i);
    size_t k = i;
    char32_t next = i < par.end ? text::DecodeUtf8(text, k) : 0;
    const bool at_start = first;
    auto open = [&](std::u32string closers) {
      size_t b = at;
      while (b > par.begin && text[b - 1] == ' ') --b;
      out.opens_paragraph = out.opens_paragraph || at_start;
      if (out.colon_opens_like_carried == 0 && carried_depth > 0 && b > par.begin && text[b - 1] == ':' && closers == stack.front().closers) {
        out.colon_opens_like_carried = static_cast<uint32_t>(b - 1);
      }
      stack.push_back({at, after, std::move(closers)});
    };
    // Only a mark that could have opened the carried quotation reopens it: a straight mark
    // opening a paragraph after one that “ opened starts a quotation of its own.
    auto reopens = [&](char32_t m) {
      const std::u32string& closers = stack.back().closers;
      switch (m) {
        case U'“': return closers.find(U'”') != std::u32string::npos;
        case U'„': return closers.find(U'“') != std::u32string::npos;
        case U'«': return closers == U"»";
        case U'»': return closers == U"«";
        case '"': return closers == U"\"";
        case '\'': return closers == U"'";
        case U'‘': case U'‚': return closers.find(U'’') != std::u32string::npos;
        default: return false;
      }
    };
    bool reopen = first && carried_depth > 0 && !stack.empty() && IsLetter(next) && reopens(c);
    first = false;
    if (reopen) {
      prev = c;
      out.words_begin = after;
      continue;
    }
    switch (c) {
      case U'“':
        if (expects(c)) {
          if (ends_carried(after)) close_all_like(c, at, after);
          else close_top(at, after);
        } else if ((!IsSpaceOrStart(prev) && !IsLetter(next)) || ((closes_like(U'”') || closes_like('"')) && ChineseStop(prev))) {
          // Placed as a closing mark: some outlets close with the opening mark too (“…“), or
          // mix straight and curly marks ("…“). Chinese writes no space after a closing mark,
          // so there one that follows a comma or a full stop while a quotation is open closes it
          // ("…，“特朗普说).
          if (closes_like(U'”') || closes_like('"')) close_top(at, after);
          else if (stack.empty() && out.spans.empty() && out.orphan_close.empty()) out.orphan_close = {at, after};
        } else {
          open(U"”");
        }
        break;
      case U'”':
        if (expects(c) && (tag_follows(at, after) || ends_carried(after))) close_all_like(c, at, after);
        else if (expects(c) || (closes_like('"') && !IsSpaceOrStart(prev))) close_top(at, after);  // "…”
        else if (IsSpaceOrStart(prev) && IsLetter(next)) open(U"”");
        else if (stack.empty() && out.spans.empty() && out.orphan_close.empty()) out.orphan_close = {at, after};
        break;
      case U'„':
        open(U"“”\"");  // „…" where a straight mark was typed for the closing one
        break;
      case U'‚':
        open(U"‘’");
        break;
      case U'«':
        if (expects(c)) close_top(at, after);
        else open(U"»");
        break;
      case U'»':
        if (expects(c)) close_top(at, after);
        else open(U"«");
        break;
      case U'‹':
        if (expects(c)) close_top(at, after);
        else open(U"›");
        break;
      case U'›':
        if (expects(c)) close_top(at, after);
        else open(U"‹");
        break;
      case U'「':
        open(U"」");
        break;
      case U'『':
        open(U"』");
        break;
      case U'」':
      case U'』':
        if (expects(c)) close_top(at, after);
        break;
      case '"':
        // Straight marks look the same both ways: one after a space and before a word opens
        // (a quotation inside a quotation: say: "How …?"), else it closes.
        // One placed to open while a straight quotation is open closes it when a lower-case
        // word follows and no other straight mark in the paragraph ("… 'histerike,' "tha Pelosi").
        if (expects(c) && (!(IsSpaceOrStart(prev) && IsLetter(next)) ||
                           (u_islower(static_cast<UChar32>(next)) && text.substr(after, par.end - after).find('"') == std::string_view::npos))) {
          if (ends_carried(after)) close_all_like(c, at, after);
          else close_top(at, after);
        } else if (IsSpaceOrStart(prev) && next != ' ' && next != 0) {
          open(U"\"");
        } else if (expects(c)) {
          close_top(at, after);
        } else if (closes_like(U'”') && ((!IsSpaceOrStart(prev) && !IsLetter(next) && !u_isdigit(static_cast<UChar32>(prev))) || ChineseStop(prev))) {
          close_top(at, after);  // “…" with a straight closing mark typed ("“…，"一位女人说")
        } else if (stack.empty() && out.spans.empty() && out.orphan_close.empty() && !u_isdigit(static_cast<UChar32>(prev))) {
          out.orphan_close = {at, after};
        }
        break;
      case U'‘':
        if (IsLetter(prev) && IsLetter(next)) break;  // an apostrophe
        if (closes_like(U'’') && !IsSpaceOrStart(prev) && !IsLetter(next)) close_top(at, after);  // ‘…‘
        else open(U"’");
        break;
      case U'’':
        if (IsLetter(prev) && IsLetter(next)) break;  // don’t, Kosovo’s
        if (expects(c)) close_top(at, after);
        break;
      case '\'':
        if (IsLetter(prev) && IsLetter(next)) break;  // don't, Kosovo's
        if (expects(c) && prev == 's' && next == ' ' && PluralPossessive(text, stack.back().after, at, par.end)) break;
        if (expects(c) && prev != ' ') close_top(at, after);
        else if (IsSpaceOrStart(prev) && IsLetter(next)) open(U"'");
        break;
      default:
        break;
    }
    prev = c;
  }
  out.open = std::move(stack);
  return out;
}

// Whether a Chinese quotation names something rather than reports words: no clause punctuation
// inside, no verb of speech right before it, and a modifier's 的 right after it ("“巴黎时装周”的
// 风格", the style of Paris Fashion Week), a naming or attending verb right before it (名为“营养的
// 力量”, 参加“保守党大会”), or, when short, an institution's or event's word at its end (“司法
// 委员会”, the Judiciary Committee).
bool ChineseName(std::string_view text, const Span& s) {
  std::string_view content = s.content.Of(text);
  std::string_view before = text.substr(0, s.outer.begin);
  // After a noun for a wording, whatever its punctuation (常见问题“…？”, a frequently asked
  // question; 口号, a slogan; 题为, titled).
  for (std::string_view v : {"问题", "口号", "标语", "题为", "标题"}) {
    if (before.ends_with(v)) return true;
  }
  for (std::string_view p : {"，", "。", "！", "？", "：", "；", ",", "!", "?"}) {
    if (content.find(p) != std::string_view::npos) return false;
  }
  // Right after a verb of speech it is what was said (他回答“我记得每一个细节”).
  for (std::string_view v : {"说", "说道", "表示", "称", "回答", "答道", "指出", "强调", "写道", "问道", "喊道"}) {
    if (before.ends_with(v)) return false;
  }
  if (text.substr(s.outer.end, 3) == "的") return true;
  // Before a word that dates something by it, an event ("“梅地那奇迹”之后": after the Miracle
  // at Medinah; 以来, since; 期间, during).
  for (std::string_view when : {"之后", "之前", "以来", "期间"}) {
    if (text.substr(s.outer.end, when.size()) == when) return true;
  }
  // Before the noun it names: a plan, a policy, a principle ("“一带一路”合作", "“一个中国”原则",
  // “17+1”机制). (Other words after it are the clause going on from a partial quotation:
  // "华盛顿“在必要时”可动用海军".)
  for (std::string_view head : {"合作", "倡议", "项目", "计划", "机制", "战略", "政策", "原则", "框架", "峰会", "论坛",
                                "模式", "理念", "协议", "协定", "行动", "运动", "口号", "概念", "建设", "工程", "方案"}) {
    if (text.substr(s.outer.end, head.size()) == head) return true;
  }
  for (std::string_view v : {"名为", "称为", "叫做", "所谓", "参加", "出席", "通往", "前往"}) {
    if (before.ends_with(v)) return true;
  }
  // A name with its original spelling in brackets (救助儿童会（Save the Children）).
  if (size_t bracket = content.find("（"); bracket != std::string_view::npos && content.ends_with("）")) {
    std::string_view inside = content.substr(bracket);
    if (std::any_of(inside.begin(), inside.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); })) return true;
  }
  // A short one (eight characters at most) that ends like a name, or one of any length that
  // a verb of speech follows, its subject ("“埃文郡（Avon）与萨默塞特郡（Somerset）警察局”表示").
  bool speaks = false;
  for (std::string_view v : {"表示", "称", "说", "指出", "宣布", "透露"}) speaks = speaks || text.substr(s.outer.end, v.size()) == v;
  if (content.size() > 8 * 3 && !speaks) return false;
  for (std::string_view end : {"委员会", "大会", "协会", "组织", "联盟", "节", "周", "局", "社区", "中心", "公司", "集团"}) {
    if (content.ends_with(end)) return true;
  }
  return false;
}

// Whether a text has a word of the first or second person (I, we, you; ja, mi, smo, meni, ću,
// imamo; unë, jemi; јас, ние; 我, 你), or with `first_only` of the first: speech has, narration
// rarely (advice to the reader says "you"). Words are compared folded, so Cyrillic (even with
// Latin look-alike letters) reads as Latin; words another language uses otherwise are left out
// (Serbian "i" and, "ne" not; Albanian "me" with, "ne" we).
bool SpeaksInPerson(std::string_view s, bool first_only = false) {
  static const std::unordered_set<std::string> kFirst = {
      "my", "we", "us", "our", "ja", "mi", "sam", "smo", "moj", "moja", "moje", "mene", "meni", "nas", "nam", "nama",
      "une", "jam", "jemi", "jas", "nie", "sum", "sme", "cu", "nisam", "nismo"};
  static const std::unordered_set<std::string> kSecond = {"you", "your", "vi", "ti", "ste", "vas", "vam", "vama", "tebe",
                                                          "tebi", "ju", "jeni", "vie", "ces", "cete", "niste"};
  // Serbian, Croatian and Bosnian drop the pronoun: a verb in -mo is "we" (idemo, imamo),
  // unless it is one of these adverbs; so does Macedonian, in -ме (одиме, работиме), unless it
  // is one of these nouns, and Albanian (kemi, kam).
  static const std::unordered_set<std::string> kNotWe = {"samo", "tamo", "kamo", "ovamo", "onamo", "nikamo", "nekamo"};
  static const std::unordered_set<std::string_view> kNotWeCyrillic = {"време", "племе", "семе", "бреме", "виме", "раме", "теме",
                                                                      "тиме", "њиме", "чиме", "овиме", "ониме"};
  static const std::unordered_set<std::string_view> kAlbanian = {"kemi", "kam"};
  bool found = false;
  text::ForEachSpacedWord(s, [&](std::string_view lower, ByteRange r, bool) {
    if (found) return;
    std::string w = text::FoldForMatch(lower);
    found = r.Of(s) == "I" || kFirst.count(w) > 0 || (!first_only && kSecond.count(w) > 0) || kAlbanian.count(lower) > 0 ||
            (w.size() >= 4 && w.compare(w.size() - 2, 2, "mo") == 0 && !kNotWe.count(w)) ||
            (lower.size() >= 8 && lower.substr(lower.size() - 4) == "ме" && !kNotWeCyrillic.count(lower));
  });
  return found || s.find("我") != std::string_view::npos || (!first_only && s.find("你") != std::string_view::npos);
}

// Whether the verb at `words[w]` is negated, and so reports nothing said: "did not say that",
// "has never said", "nije rekao da", "nuk ka thënë se", "не рече дека". The negation stands
// right before the verb, an auxiliary or "yet" at most between. Word keys are match-folded
// (Cyrillic in Latin letters: није is nije, не is ne).
template <typename Words>
bool Negated(std::string_view text, const Words& words, size_t w) {
  static const std::unordered_set<std::string_view> kNegations = {
      "not", "never", "nije", "nisu", "nisam", "nismo", "niste", "nisi", "ne", "nikada", "nikad", "nikogas", "nuk", "asnjehere",
      "nicht", "nie", "niemals", "kein", "keine"};
  static const std::unordered_set<std::string_view> kBetween = {"has", "have", "had", "yet", "ever", "be", "been", "ka", "kane",
                                                                 "kishte", "je", "su", "bio", "bila", "jos", "e", "ni"};
  for (size_t back = 1; back <= 2 && back <= w; ++back) {
    const auto& prev = words[w - back];
    // (English contractions: didn't, hasn't, won't.)
    std::string_view before = text.substr(0, words[w - back + 1].r.begin);
    while (before.ends_with(' ')) before.remove_suffix(1);
    // (Albanian "s’": s’tha.)
    if (kNegations.count(prev.key) || before.ends_with("n't") || before.ends_with("n’t")) return true;
    if (back == 1 && (text.substr(0, words[w].r.begin).ends_with(" s’") || text.substr(0, words[w].r.begin).ends_with(" s'"))) return true;
    if (!kBetween.count(prev.key)) return false;
  }
  return false;
}

// Where the Chinese clause holding `at` begins (after the last punctuation mark from `from`).
uint32_t ChineseClauseStart(std::string_view text, uint32_t from, uint32_t at) {
  static constexpr std::string_view kBoundaries[] = {"，", "。", "；", "：", "！", "？", "、", "“", "”", "「", "」", "\n", ",", ";", ":"};
  // The latest end of a boundary before `at`, read backwards from it: a boundary that starts
  // three bytes or more before one found cannot end after it. (Looking for each boundary's last
  // occurrence would read back to `from`, the text's start for some callers, for the rare ones.)
  uint32_t begin = from;
  for (uint32_t p = at; p-- > from && p + 3 > begin;) {
    for (std::string_view b : kBoundaries) {
      if (p + b.size() <= at && text.compare(p, b.size(), b) == 0) begin = std::max<uint32_t>(begin, static_cast<uint32_t>(p + b.size()));
    }
  }
  return begin;
}

// Whether a Chinese clause opens with a preposition or a subordinator, and so has no plain
// subject ("在另一篇专访中，…": in another interview).
bool ChineseClauseHasNoSubject(std::string_view clause) {
  static constexpr std::string_view kNoSubject[] = {"在", "为了", "如果", "即使", "因为", "与其", "还", "只有", "对", "当", "随着",
                                                    "由于", "虽然", "尽管", "按照", "通过", "为", "也就是", "所以", "可是"};
  return std::any_of(std::begin(kNoSubject), std::end(kNoSubject), [&](std::string_view w) { return clause.starts_with(w); });
}

// The unnamed subject of a Chinese reporting verb, when no name is in its clause: the words
// from the clause's start to the verb, less connectives before them and time words and adverbs
// after them ("印尼国家减灾机构周日一早表示" -> 印尼国家减灾机构, "据本地新闻报道" -> 本地新闻).
// Empty unless two to twelve characters remain, none of them punctuation or a quotation mark.
ByteRange ChineseSubject(std::string_view text, uint32_t from, uint32_t verb) {
  uint32_t begin = ChineseClauseStart(text, from, verb);
  std::string_view s = text.substr(begin, verb - begin);
  static constexpr std::string_view kLeading[] = {"根据", "据", "但是", "但", "而且", "而", "并且", "并", "此外", "同时", "另外", "因此", " "};
  static constexpr std::string_view kTrailing[] = {
      "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末", "星期一", "星期二", "星期三", "星期四", "星期五",
      "星期六", "星期日", "星期天", "今天", "昨天", "前天", "明天", "今日", "昨日", "当天", "当日", "上午", "下午", "晚上",
      "早上", "一早", "早些时候", "此前", "随后", "近日", "日前", "目前", "本周", "上周", "也", "还", "则", "已经", "已",
      "曾经", "曾", "又", "都", "再次", "同时", "亦", "在", "这样", "是", " "};
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view w : kLeading) {
      if (s.substr(0, w.size()) == w) s.remove_prefix(w.size()), cut = true;
    }
    for (std::string_view w : kTrailing) {
      if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) s.remove_suffix(w.size()), cut = true;
    }
  }
  if (ChineseClauseHasNoSubject(s)) return {};
  size_t chars = 0, han = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = text::DecodeUtf8(s, i);
    ++chars;
    if (text::ClassOf(c) == text::CharClass::kUnspaced) ++han;
    else if (!IsLetter(c) && c != ' ' && c != '-' && c != '.' && c != '\'') return {};
  }
  if (han < 2 || chars > 12) return {};
  uint32_t b = static_cast<uint32_t>(s.data() - text.data());
  return {b, static_cast<uint32_t>(b + s.size())};
}

// A quotation may run over this many paragraphs after the one it opens in, when it closes
// there; otherwise it ends with its own paragraph.
constexpr size_t kCarryParagraphs = 12;

// Whether the word right before a quotation mark at `mark` (after `from`, with only spaces or
// a colon between) says the quotation is the title or wording of something rather than
// speech: a book, a song, a slogan, an inscription ("autorica knjige „…”", "kapu s natpisom
// “…”", "pod naslovom „…”", "pesma čiji tekst glasi: „…”", "a memoir titled “…”"). Keys are
// match-folded (Cyrillic in Latin letters).
template <typename Words>
bool NamedByWordBefore(const Words& words, std::string_view text, uint32_t from, uint32_t mark) {
  static const std::unordered_set<std::string_view> kNaming = {
      // English
      "titled", "entitled", "headlined", "captioned", "title", "slogan", "inscription", "book", "memoir", "novel", "song",
      "album", "film", "movie", "documentary",
      // Serbian, Croatian, Bosnian
      "naslovom", "naslovljen", "naslovljena", "naslovljeno", "naslovljenu", "nazivom", "natpisom", "sloganom", "glasi",
      // (oblique cases only: "pjesma „presmiješna”" is the song being hilarious)
      "knjige", "knjigu", "knjizi", "pesme", "pesmu", "pjesme", "pjesmu", "albuma", "filma", "filmu", "romana", "memoara",
      "serije", "seriju", "emisije", "emisiju", "emisiji",
      // Macedonian (in Latin letters)
      "naslov", "naslovot", "nasloven", "naslovena", "natpis", "natpisot", "sloganot", "knigata", "pesnata", "albumot",
      "filmot", "romanot", "serijata", "emisijata",
      // Albanian
      "titull", "titullin", "titullohet", "mbishkrimin", "sloganin", "librit", "librin", "kenges", "kengen", "albumit",
      "filmit", "romanit", "serialit", "emisionit"};
  auto it = std::lower_bound(words.begin(), words.end(), mark, [](const auto& w, uint32_t at) { return w.r.end <= at; });
  if (it == words.begin()) return false;
  --it;
  if (it->r.begin < from) return false;
  for (uint32_t k = it->r.end; k < mark; ++k) {
    if (text[k] != ' ' && text[k] != ':') return false;
  }
  return kNaming.count(it->key) > 0;
}

// Top-level quotations of every paragraph. A quotation still open at its paragraph's end
// continues into the next ones when a closing mark ends it within kCarryParagraphs (news
// splits long quotations into sentences and paragraphs); it is then one piece per paragraph
// with a shared group. Otherwise it closes at its paragraph's end, so an unbalanced mark
// never derails the rest of the article.
std::vector<std::vector<Span>> QuotationsByParagraph(std::string_view text, const std::vector<Paragraph>& paragraphs) {
  std::vector<std::vector<Span>> out(paragraphs.size());
  int groups = 0;
  Marks m;
  for (size_t pi = 0; pi < paragraphs.size();) {
    const ByteRange par = paragraphs[pi].range;
    if (m.spans.empty() && m.open.empty()) {
      m = FindMarks(text, par);
      // Marks set the wrong way round, a closing one and later an opening one that nothing
      // closes, a few words apart within a sentence ("主教教区”会寻求将费用转嫁给“教区委员会"):
      // the words between them are the quotation.
      if (!m.orphan_close.empty() && m.spans.empty() && m.open.size() == 1 && text.substr(m.orphan_close.begin, 3) == "”" &&
          text.substr(m.open[0].at, 3) == "“" && m.open[0].at > m.orphan_close.end && m.open[0].at - m.orphan_close.end <= 90) {
        std::string_view between = text.substr(m.orphan_close.end, m.open[0].at - m.orphan_close.end);
        if (between.find_first_of(".!?") == std::string_view::npos && between.find("。") == std::string_view::npos &&
            between.find("！") == std::string_view::npos && between.find("？") == std::string_view::npos) {
          m.spans.push_back({{m.orphan_close.begin, m.open[0].after}, {m.orphan_close.end, m.open[0].at}});
          m.orphan_close = {};
          m.open.clear();
        }
      }
      // A closing mark with no opening one ("… walked back," X told): the quotation began
      // before this paragraph, whose words up to the mark are its last piece.
      if (m.orphan_close.begin > par.begin + 12) {
        // When paragraphs without quotations lead back to one with a quotation, the opening
        // mark was lost where a long quotation was split into sentences: those paragraphs are
        // its earlier pieces ("…," said Bjorn. | So history will show me … | … in the world.").
        size_t first = pi;
        while (first > 0 && pi - first < kCarryParagraphs && out[first - 1].empty()) --first;
        // Speech, unlike the narration around it, talks in the first and second person: at
        // least half of those paragraphs, and the closing one, must.
        size_t personal = 0;
        for (size_t q = first; q < pi; ++q) personal += SpeaksInPerson(paragraphs[q].range.Of(text));
        if (first > 0 && first < pi && 2 * personal >= pi - first &&
            SpeaksInPerson(text.substr(par.begin, m.orphan_close.begin - par.begin))) {
          int g = groups++;
          for (size_t q = first; q < pi; ++q) {
            ByteRange r = paragraphs[q].range;
            uint32_t b = r.begin;
            while (b < r.end && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
            out[q].push_back({r, {b, r.end}, g});
          }
          out[pi].push_back({{par.begin, m.orphan_close.end}, {par.begin, m.orphan_close.begin}, g});
        } else {
          // When the opening mark is missing after a speech tag's colon ("Risa Kusuma, 35-godišnja
          // majka, izjavila je za Sky News: Vozila … tijela.”), the quotation starts after the
          // colon, if the words before it narrate rather than speak.
          uint32_t begin = par.begin;
          std::string_view before = text.substr(par.begin, m.orphan_close.begin - par.begin);
          size_t colon = before.find(": ");
          if (colon != std::string_view::npos && before.substr(0, colon).find_first_of(".!?") == std::string_view::npos &&
              !SpeaksInPerson(before.substr(0, colon))) {
            begin = static_cast<uint32_t>(par.begin + colon + 2);
          }
          out[pi].push_back({{begin, m.orphan_close.end}, {begin, m.orphan_close.begin}});
        }
      }
    }
    for (Span& s : m.spans) out[pi].push_back(s);
    m.spans.clear();
    if (m.open.empty()) {
      ++pi;
      continue;
    }
    // Try to carry the outermost open quotation into the following paragraphs.
    std::vector<Marks> ahead;
    std::vector<Open> stack = m.open;
    size_t closes_in = 0;
    for (size_t q = pi + 1; q < paragraphs.size() && q <= pi + kCarryParagraphs; ++q) {
      ahead.push_back(FindMarks(text, paragraphs[q].range, stack));
      if (ahead.back().carried_close != 0) {
        closes_in = q;
        break;
      }
      stack = ahead.back().open;
    }
    if (closes_in != 0) {
      // A paragraph on the way that opens a quotation of its own is narration, and the
      // quotation carried into it was a stray mark: one that opens with a mark that does not
      // reopen the carried quotation, or that opens one of the same kind after a speech tag
      // that does not speak in the first or second person ("Profesor X kazao je: „…”", but not
      // "Rekli su mi: „…”", they told me).
      for (size_t q = pi + 1; q < closes_in; ++q) {
        const Marks& mq = ahead[q - pi - 1];
        uint32_t colon = mq.colon_opens_like_carried;
        uint32_t from = paragraphs[q].range.begin;
        if (mq.opens_paragraph || (colon != 0 && !SpeaksInPerson(text.substr(from, colon - from)))) closes_in = 0;
      }
    }
    const Open& o = m.open.front();
    if (closes_in == 0) {
      // No closing mark: the quotation ends with its paragraph, or, when its closing mark was
      // lost, goes on through the paragraphs after it that have no marks of their own and
      // speak in the first person, and through up to three that do not, when one that speaks
      // in the first person follows them ("Se borevme. | Kapa dolu za Tomas. | … | Ḱe se
      // pregrupirame"). The second person is not enough: advice to "you" after a quotation is
      // the article's ("你应该这样开始。| 与你的配偶和孩子交谈 …").
      constexpr size_t kImpersonalGap = 3;
      size_t last = pi, gap = 0;
      for (size_t q = pi + 1; q < paragraphs.size() && q - pi <= kCarryParagraphs; ++q) {
        ByteRange r = paragraphs[q].range;
        Marks next = FindMarks(text, r);
        if (!next.spans.empty() || !next.open.empty() || next.orphan_close.end != 0) break;
        if (SpeaksInPerson(r.Of(text), true)) {
          last = q;
          gap = 0;
        } else if (++gap > kImpersonalGap) {
          break;
        }
      }
      if (last == pi) {
        out[pi].push_back({{o.at, par.end}, {o.after, par.end}});
      } else {
        int g = groups++;
        out[pi].push_back({{o.at, par.end}, {o.after, par.end}, g});
        for (size_t q = pi + 1; q <= last; ++q) {
          ByteRange r = paragraphs[q].range;
          uint32_t b = r.begin;
          while (b < r.end && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
          out[q].push_back({r, {b, r.end}, g});
        }
      }
      m = {};
      pi = last + 1;
      continue;
    }
    int g = groups++;
    out[pi].push_back({{o.at, par.end}, {o.after, par.end}, g});
    for (size_t q = pi + 1; q < closes_in; ++q) {
      ByteRange r = paragraphs[q].range;
      out[q].push_back({r, {ahead[q - pi - 1].words_begin, r.end}, g});
    }
    Marks& last = ahead.back();
    ByteRange lp = paragraphs[closes_in].range;
    out[closes_in].push_back({{lp.begin, last.carried_close}, {last.words_begin, last.carried_content}, g});
    // The rest of the closing paragraph goes on as usual.
    m = {};
    m.spans = std::move(last.spans);
    m.open = std::move(last.open);
    pi = closes_in;
    if (m.spans.empty() && m.open.empty()) ++pi;
  }
  for (auto& spans : out) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.outer.begin < b.outer.begin; });
  }
  return out;
}

struct Cue {
  ByteRange range;
  int verb;
};

// A possessive determiner, folded, in any case or gender: his, her, their; njegov-, njen-,
// njezin-, njihov-, svoj- (Serbian, Croatian, Bosnian); негов-, нејзин-, нивн-, свој-
// (Macedonian, folded to Latin).
bool Possessive(std::string_view key) {
  static constexpr std::string_view kWords[] = {"his", "her", "their", "its"};
  static constexpr std::string_view kStems[] = {"njegov", "njen", "njezin", "njihov", "svoj", "negov", "nejzin", "nivn"};
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords) ||
         std::any_of(std::begin(kStems), std::end(kStems), [&](std::string_view s) { return key.starts_with(s); });
}

struct Candidate {
  ByteRange range;
  std::string name, entity, type;
  bool pronoun = false;
  bool place = false;  // a place standing for its government: a weak candidate
  bool noun = false;   // "spokesman", "police": an unnamed speaker, weaker than a name
  bool governed = false;  // right after a preposition ("with CNN", "u Merilendu"): not a subject
};

// Personal pronouns that can be a subject, per language, as folding spells them (Serbian
// Cyrillic он as on, Macedonian тој, таа, тие as toj, taa, tie). Each language has its own: the
// English words "on" and "one" are no one's pronouns. A language with no list of its own uses
// them all.
std::span<const std::string_view> PronounsOf(std::string_view lang) {
  static constexpr std::string_view kEnglish[] = {"he", "she", "they"};
  static constexpr std::string_view kSerboCroatian[] = {"on", "ona", "oni", "one"};
  static constexpr std::string_view kAlbanian[] = {"ai", "ajo", "ata"};
  static constexpr std::string_view kMacedonian[] = {"toj", "taa", "tie"};
  static constexpr std::string_view kGerman[] = {"er", "sie"};
  static constexpr std::string_view kAll[] = {"he", "she", "they", "on", "ona", "oni", "one", "ai", "ajo", "ata", "toj", "taa", "tie", "er", "sie"};
  lang = lang.substr(0, 2);
  if (lang == "en") return kEnglish;
  if (lang == "sr" || lang == "hr" || lang == "bs" || lang == "me") return kSerboCroatian;
  if (lang == "sq") return kAlbanian;
  if (lang == "mk") return kMacedonian;
  if (lang == "de") return kGerman;
  return kAll;
}
bool IsPronoun(std::span<const std::string_view> pronouns, std::string_view folded) {
  return folded.size() <= 4 && std::find(pronouns.begin(), pronouns.end(), folded) != pronouns.end();
}
bool IsPronoun(std::string_view lang, std::string_view folded) { return IsPronoun(PronounsOf(lang), folded); }
// Whether a subject pronoun is plural: they, oni, one, ata, тие.
bool IsPluralPronoun(std::string_view lang, std::string_view folded) {
  static constexpr std::string_view kPlural[] = {"they", "oni", "one", "ata", "tie"};
  return IsPronoun(lang, folded) && std::find(std::begin(kPlural), std::end(kPlural), folded) != std::end(kPlural);
}
// Relative pronouns that open a clause about the noun before them (who, koji, који, кој што,
// që), as folding spells them.
const std::unordered_set<std::string_view> kRelativePronouns = {"who", "koji", "koja", "koje", "koj", "kojsto", "kojasto", "koi", "qe"};
// Chinese personal pronouns, "they" before "he", so that 他 inside 他们 is not a pronoun of its own.
const StringScan& CjkPronouns() {
  static const StringScan* scan = new StringScan({"他们", "她们", "他", "她"});
  return *scan;
}
// Pronouns after a preposition ("according to him", "sipas saj", "според неа"), as folding spells
// them.
const std::unordered_set<std::string_view> kObliquePronouns = {"him", "her", "tij", "saj", "nego", "nea"};

bool Inside(ByteRange r, const std::vector<Span>& spans) {
  for (const Span& s : spans) {
    if (r.begin >= s.outer.begin && r.end <= s.outer.end) return true;
  }
  return false;
}

uint32_t Distance(ByteRange a, ByteRange b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

// Punctuation that ends a phrase: no speaker or that-word is looked for across it.
constexpr std::u32string_view kStops = U",.;:!?\"“”„«»";

size_t CountWords(std::string_view s) {
  size_t n = 0;
  text::ForEachWord(s, [&](std::string_view, ByteRange, bool) { ++n; });
  return n;
}

bool IsUpperAt(std::string_view text, size_t at) {
  char32_t c = text::DecodeUtf8(text, at);
  return u_isupper(static_cast<UChar32>(c));
}

bool StartsLower(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = text::DecodeUtf8(s, i);
    if (u_isalpha(static_cast<UChar32>(c))) return u_islower(static_cast<UChar32>(c));
    if (u_isdigit(static_cast<UChar32>(c))) return false;
  }
  return false;
}

// Whether quoted words are a piece of a sentence (partial) rather than whole sentences
// (direct): they start in lower case; in Chinese, which has no case, they stand inside a
// clause (a letter, not punctuation, right before the opening mark: 创建自己的“个人在线数据
// 存储库”) and do not end in punctuation of their own (他称“……。”).
bool Partial(std::string_view text, const Span& s, std::string_view content, bool chinese) {
  if (!chinese) return StartsLower(content);
  auto last_char = [](std::string_view t, size_t end) {
    size_t i = end - 1;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
    return text::DecodeUtf8(t, i);
  };
  std::string_view inside = s.content.Of(text);
  while (!inside.empty() && (inside.back() == ' ' || inside.back() == '\n')) inside.remove_suffix(1);
  if (s.outer.begin == 0 || inside.empty()) return false;
  static constexpr std::u32string_view kEnds = U"。！？，；：…!?,;:.";
  return u_isalnum(static_cast<UChar32>(last_char(text, s.outer.begin))) &&
         kEnds.find(last_char(inside, inside.size())) == std::u32string_view::npos;
}

// Two folded words are one title with different endings: all but the shorter one's last byte
// alike, five bytes at least (predsednik, predsednika; kryeministri, kryeministrit).
// Whether the phrase at `r` is set off in its paragraph: it opens a sentence or follows a comma,
// and what it cites, at most six words, ends at a comma, or at the sentence's end when a comma
// opened it: "Prema policiji, …", "…, prema agenciji Nielsen." (not "odnos prema Kini je …").
bool SetOff(std::string_view text, ByteRange paragraph, ByteRange r) {
  std::string_view before = text.substr(paragraph.begin, r.begin - paragraph.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const bool after_comma = !before.empty() && before.back() == ',';
  const bool opens = before.empty() || after_comma || std::string_view(".!?:;\"").find(before.back()) != std::string_view::npos ||
                     before.ends_with("”") || before.ends_with("“") || before.ends_with("„");
  if (!opens) return false;
  std::string_view rest = text.substr(r.end, paragraph.end - r.end);
  size_t stop = rest.find_first_of(",.!?;:");
  const char mark = stop == std::string_view::npos ? '.' : rest[stop];
  if (CountWords(rest.substr(0, stop)) > 6) return false;
  return mark == ',' || (after_comma && (mark == '.' || mark == '!' || mark == '?'));
}

bool SameTitle(std::string_view a, std::string_view b) {
  size_t n = std::max<size_t>(5, std::min(a.size(), b.size()) - 1);
  return a.size() >= 5 && b.size() >= 5 && a.substr(0, n) == b.substr(0, n);
}

ByteRange Trim(std::string_view text, ByteRange r) {
  auto space = [&](uint32_t i) {
    char c = text[i];
    return c == ' ' || c == '\n' || c == '\t' || c == ',' || c == ':' || c == '\r';
  };
  while (r.begin < r.end && space(r.begin)) ++r.begin;
  while (r.end > r.begin && (space(r.end - 1) || text[r.end - 1] == '.')) --r.end;
  // Chinese commas and colons after a cue.
  for (std::string_view p : {"，", "：", "。"}) {
    if (r.size() >= p.size() && text.substr(r.begin, p.size()) == p) r.begin += static_cast<uint32_t>(p.size());
    if (r.size() >= p.size() && text.substr(r.end - p.size(), p.size()) == p) r.end -= static_cast<uint32_t>(p.size());
  }
  return r;
}

// Serbian, Croatian and Bosnian dative pronouns that stand between a subject and the perfect's
// auxiliary ("Skovelova mi je rekla", told me), match-folded.
const std::unordered_set<std::string_view> kPronounClitics = {"mi", "mu", "joj", "nam", "vam", "im", "ti"};

// Serbian, Croatian, Bosnian and Montenegrin (and the umbrella code sh), which share their grammar.
bool SerboCroatian(std::string_view lang) {
  std::string_view base = lang.substr(0, 2);
  return base == "sr" || base == "hr" || base == "bs" || base == "me" || base == "sh";
}

// A candidate joined to the reporting verb by "and" alone is the object of the verb before it,
// not the speaker: "he praised Donald Trump and said", "lavdëroi Trumpin dhe tha", "赞扬了特朗普并表示".
// So is one joined by "and" and the relative adverb of a clause the verb's subject opened
// before ("ku ai lavdëroi … Trump dhe ku tha", "where he praised Trump and where he said").
// (Albanian "i" is no "and": "Saipov i tha autoriteteve" is "Saipov told them".)
bool ObjectBeforeConjunction(std::string_view text, std::string_view lang, ByteRange candidate, ByteRange cue) {
  if (candidate.end > cue.begin || cue.begin - candidate.end > 24) return false;
  std::string_view gap = text.substr(candidate.end, cue.begin - candidate.end);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  static constexpr std::string_view kRelativeAdverbs[] = {" where", " when", " ku", " kur", " gde", " gdje", " kada",
                                                          " где", " када", " каде", " кога"};
  for (std::string_view r : kRelativeAdverbs) {
    if (gap.ends_with(r) && gap.size() > r.size()) {
      gap.remove_suffix(r.size());
      break;
    }
  }
  std::string_view base = lang.substr(0, 2);
  if (SerboCroatian(lang)) return gap == "i" || gap == "и" || gap == "te";
  if (base == "mk") return gap == "и";
  if (base == "sq") return gap == "dhe";
  if (base == "zh") return gap == "并" || gap == "并且";
  return gap == "and";
}

// The speaker fields of `from`, with its confidence.
void CopySpeaker(const Quote& from, Quote& to) {
  to.speaker = from.speaker;
  to.speaker_entity = from.speaker_entity;
  to.speaker_type = from.speaker_type;
  to.speaker_range = from.speaker_range;
  to.confidence = from.confidence;
}

}  // namespace

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kDirect: return "direct";
    case Kind::kPartial: return "partial";
    case Kind::kBlock: return "block";
    case Kind::kIndirect: return "indirect";
    case Kind::kTerm: return "term";
  }
  return "direct";
}

// The gender of a Serbian, Croatian, Bosnian or Macedonian possessive pronoun of the third
// person singular (njegovim, njenim, njezinim; неговите, нејзините), match-folded; 0 for others.
char PossessiveGender(std::string_view folded) {
  if (folded.starts_with("njegov") || folded.starts_with("negov")) return 'm';
  if (folded.starts_with("njen") || folded.starts_with("njezin") || folded.starts_with("nejzin")) return 'f';
  return 0;
}

// The gender a word that refers back to a speaker asks for: a pronoun (he, ona, ajo, 她), or a
// past form that agrees with its unstated subject (rekla/dodala f, rekao/dodao m; Macedonian
// рекла f, рекол m). 0 when the word does not say.
char ReferentGender(std::string_view word, std::string_view lang) {
  if (word == "他") return 'm';
  if (word == "她") return 'f';
  std::string w = text::FoldForMatch(word);
  std::string_view l = lang.substr(0, 2);
  if (l == "en") return w == "he" || w == "him" || w == "his" ? 'm' : w == "she" || w == "her" ? 'f' : 0;
  if (l == "sq") return w == "ai" || w == "tij" ? 'm' : w == "ajo" || w == "saj" ? 'f' : 0;
  if (l == "sr" || l == "hr" || l == "bs" || l == "me" || l == "mk") {
    if (char g = PossessiveGender(w)) return g;
    if (w == "on" || w == "toj" || w == "nego") return 'm';
    if (w == "ona" || w == "taa" || w == "nea") return 'f';
    auto ends = [&](std::string_view e) { return w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0; };
    if (ends("la")) return 'f';
    if (ends("ao") || ends("io") || ends("eo") || ends("ol") || ends("uo")) return 'm';
  }
  return 0;
}

char QuoteFinder::GenderOf(std::string_view entity, std::string_view name, std::string_view type) const {
  if (auto it = genders_.find(std::string(entity)); it != genders_.end()) return it->second;
  if (type != "person") return 0;
  std::string first = text::FoldForMatch(name.substr(0, name.find(' ')));
  if (auto it = given_genders_.find(first); it != given_genders_.end()) return it->second;
  // A new name is displayed as written, perhaps in a case form (Marku Petroviću, to Marko
  // Petrović): its base form is the stem with no ending, -o or -a.
  for (std::string_view ending : {"om", "em", "oj", "u", "a", "e", "i"}) {
    if (first.size() < ending.size() + 3 || !first.ends_with(ending)) continue;
    std::string stem = first.substr(0, first.size() - ending.size());
    for (std::string_view base : {"", "o", "a"}) {
      if (auto it = given_genders_.find(stem + std::string(base)); it != given_genders_.end()) return it->second;
    }
  }
  return 0;
}

std::unique_ptr<QuoteFinder> QuoteFinder::Create(std::unordered_map<std::string, char> genders) {
  auto f = std::unique_ptr<QuoteFinder>(new QuoteFinder());
  f->genders_ = std::move(genders);
  ForEachDataLine(EmbeddedData("given-names.tsv"), [&](std::string_view line) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::string_view g = line.substr(tab + 1);
    if (g == "m" || g == "f") f->given_genders_[text::FoldForMatch(line.substr(0, tab))] = g[0];
  });
  ForEachDataLine(EmbeddedData("person-cues.tsv"), [&](std::string_view line) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::string title = text::FoldForMatch(line.substr(tab + 1));
    f->titles_.Insert(title);
    if (title.size() >= 5) f->titles_by_prefix_[Hash64(std::string_view(title).substr(0, 5))].push_back(title);
  });
  std::vector<std::string> cjk_nouns;  // speaker nouns written without spaces
  auto add_speaker_noun = [&](std::string_view noun) {
    bool cjk = false;
    for (size_t i = 0; i < noun.size();) {
      bool unspaced = text::ClassOf(text::DecodeUtf8(noun, i)) == text::CharClass::kUnspaced;
      cjk = cjk || unspaced;
    }
    if (cjk) {
      cjk_nouns.push_back(std::string(noun));
      return;
    }
    // Stems: "police" also matches "policija/policije", "spokesman" its plural.
    const std::string folded = text::FoldForMatch(noun);
    const std::string_view n = folded;
    f->speaker_nouns_.Insert(n);
    // The noun itself takes endings too (портпарол → портпаролот, zëdhënës → zëdhënësi).
    if (n.size() >= 5) {
      f->speaker_noun_stems_.Insert(n);
      f->speaker_noun_stems_.Insert(n.substr(0, n.size() - 1));
      f->stem_starts_[StemStart(n)] = true;
    }
  };
  ForEachDataLine(EmbeddedData("speaker-nouns.tsv"), [&](std::string_view line) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::string_view rest = line.substr(tab + 1);
    size_t tab2 = rest.find('\t');
    std::string_view noun = rest.substr(0, tab2);
    add_speaker_noun(noun);
    if (tab2 == std::string_view::npos) return;
    std::string_view before = rest.substr(tab2 + 1);
    size_t tab3 = before.find('\t');
    if (tab3 != std::string_view::npos) {
      if (before.substr(tab3 + 1) == "alone") f->speaker_nouns_alone_.insert(text::FoldForMatch(noun));
      before = before.substr(0, tab3);
    }
    if (before == "-") return;
    std::vector<std::string>& after = f->speaker_noun_after_[text::FoldForMatch(noun)];
    text::ForEachSpacedWord(before, [&](std::string_view lower, ByteRange, bool) { after.push_back(text::FoldForMatch(lower)); });
  });
  // Peoples speak as unnamed groups ("Srbi sa severa Kosova su izjavili").
  ForEachDataLine(EmbeddedData("peoples.tsv"), [&](std::string_view line) {
    size_t tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
    if (tab == std::string_view::npos || tab2 == std::string_view::npos) return;
    std::string_view kind = line.substr(tab2 + 1, line.find('\t', tab2 + 1) - tab2 - 1);  // (a country may follow)
    if (kind == "noun") add_speaker_noun(line.substr(tab + 1, tab2 - tab - 1));
    f->peoples_.insert(text::FoldForMatch(line.substr(tab + 1, tab2 - tab - 1)));
  });
  ForEachDataLine(EmbeddedData("description-nouns.tsv"), [&](std::string_view line) {
    size_t tab = line.find('\t'), tab2 = line.rfind('\t');
    if (tab == std::string_view::npos || tab2 <= tab) return;
    f->description_nouns_[text::FoldForMatch(line.substr(tab + 1, tab2 - tab - 1))] = line.substr(tab2 + 1) == "org";
  });
  ForEachDataLine(EmbeddedData("prepositions.tsv"), [&](std::string_view line) {
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      f->prepositions_[std::string(line.substr(0, tab))].insert(text::FoldForMatch(line.substr(tab + 1)));
    }
  });
  std::string_view data = EmbeddedData("reporting-verbs.tsv");
  ForEachDataLine(data, [&](std::string_view line) {
    size_t t1 = line.find('\t');
    if (t1 == std::string_view::npos) return;
    std::string_view lang = line.substr(0, t1);
    std::string_view rest = line.substr(t1 + 1);
    size_t t2 = rest.find('\t');
    std::string_view verb = rest.substr(0, t2);
    Verb v;
    std::string_view options = t2 == std::string_view::npos ? std::string_view() : rest.substr(t2 + 1);
    size_t t3 = options.find('\t');
    if (t3 != std::string_view::npos) {
      std::string_view flags = options.substr(t3 + 1);
      v.subject = flags.find("subject") != std::string_view::npos;
      v.addressee = flags.find("addressee") != std::string_view::npos;
      v.plural = flags.find("plural") != std::string_view::npos;
      v.set_off = flags.find("set-off") != std::string_view::npos;
      options = options.substr(0, t3);
    }
    v.lang = SerboCroatian(lang) ? "sr" : std::string(lang);
    f->verb_languages_.insert(v.lang);
    v.that = !options.empty() && options != "-";
    // Several that-words are written "da|kako".
    for (size_t at = 0; v.that && at <= options.size();) {
      size_t bar = std::min(options.find('|', at), options.size());
      std::string_view word = options.substr(at, bar - at);
      if (!word.empty()) v.that_words.push_back({text::FoldForMatch(word), text::Lower(word)});
      at = bar + 1;
    }
    bool cjk = false;
    for (size_t i = 0; i < verb.size();) {
      bool unspaced = text::ClassOf(text::DecodeUtf8(verb, i)) == text::CharClass::kUnspaced;
      cjk = cjk || unspaced;
    }
    if (cjk) {
      v.words.push_back(std::string(verb));
      v.that = true;  // the reported clause follows the verb directly
      f->verbs_.push_back(std::move(v));
      f->cjk_.push_back(static_cast<int>(f->verbs_.size() - 1));
      return;
    }
    text::ForEachWord(verb, [&](std::string_view w, ByteRange, bool) { v.words.push_back(text::FoldForMatch(w)); });
    if (v.words.empty()) return;
    std::string first = v.words[0];
    // A verb the table lists twice for one language (a form written in both scripts) is one
    // verb with both that-words. Each language keeps its own: Macedonian "постои да се" (there
    // is … to) is not Albanian "postoi se" (posted that).
    std::vector<int>& same_first = f->by_first_[HashParts({v.lang, "\t", first})];
    for (int vi : same_first) {
      Verb& same = f->verbs_[static_cast<size_t>(vi)];
      if (same.lang != v.lang || same.words != v.words || same.subject != v.subject || same.addressee != v.addressee ||
          same.plural != v.plural) continue;
      same.that = same.that || v.that;
      for (Verb::ThatWord& t : v.that_words) {
        bool known = false;
        for (const Verb::ThatWord& u : same.that_words) known = known || (u.folded == t.folded && u.lower == t.lower);
        if (!known) same.that_words.push_back(std::move(t));
      }
      return;
    }
    f->verbs_.push_back(std::move(v));
    same_first.push_back(static_cast<int>(f->verbs_.size() - 1));
    f->by_first_[HashParts({"", "\t", first})].push_back(static_cast<int>(f->verbs_.size() - 1));
  });
  f->cjk_speaker_nouns_ = StringScan(std::move(cjk_nouns));
  std::vector<std::string> cjk_verbs;
  for (int vi : f->cjk_) cjk_verbs.push_back(f->verbs_[static_cast<size_t>(vi)].words[0]);
  f->cjk_verbs_ = StringScan(std::move(cjk_verbs));
  return f;
}

bool QuoteFinder::TitleForm(std::string_view key) const {
  if (key.size() < 5) return false;
  const std::vector<std::string>* similar = titles_by_prefix_.Find(Hash64(key.substr(0, 5)));
  return similar != nullptr && std::any_of(similar->begin(), similar->end(), [&](std::string_view t) { return SameTitle(t, key); });
}

std::string_view QuoteFinder::VerbLanguage(std::string_view lang) const {
  std::string base = SerboCroatian(lang) ? "sr" : std::string(lang.substr(0, lang.find('-')));
  auto it = verb_languages_.find(base);
  return it == verb_languages_.end() ? std::string_view() : std::string_view(*it);
}

std::vector<Quote> QuoteFinder::Find(std::string_view text, const std::vector<Paragraph>& given_paragraphs,
                                     std::string_view lang, const std::vector<EntityMention>& mentions) const {
  std::vector<Paragraph> paragraphs = given_paragraphs;
  if (paragraphs.empty()) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      size_t end = nl == std::string_view::npos ? text.size() : nl;
      if (end > start) paragraphs.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, false});
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }
  const std::string_view verb_lang = VerbLanguage(lang);
  std::vector<Quote> out;
  std::vector<size_t> superseded;  // quotations in `out` that a relaying tag's quotation holds whole (see relays)
  size_t last_attributed = SIZE_MAX;        // index into `out` of the last quote with a speaker
  size_t last_attributed_paragraph = SIZE_MAX;
  size_t last_reported = SIZE_MAX;          // and of the last reported speech with a named speaker
  size_t last_reported_paragraph = SIZE_MAX;
  // Mentions by position, so that a paragraph or a pronoun finds its own by binary search: a
  // long article has many of each.
  std::vector<const EntityMention*> by_pos;
  for (const EntityMention& m : mentions) by_pos.push_back(&m);
  std::stable_sort(by_pos.begin(), by_pos.end(),
                   [](const EntityMention* a, const EntityMention* b) { return a->range.begin < b->range.begin; });
  auto first_at = [&](uint32_t at) {  // the first mention starting at or after `at`
    return std::lower_bound(by_pos.begin(), by_pos.end(), at,
                            [](const EntityMention* m, uint32_t pos) { return m->range.begin < pos; });
  };
  // Genders the article teaches: a person quoted by name with a gendered verb form ("Doyle je
  // rekla") is a woman for the rest of it, which a later unstated "napisao je" respects. Read
  // from the quotations found so far when a pronoun or verb form is resolved.
  std::unordered_map<std::string, char> learned;
  size_t learned_upto = 0;  // the quotations of `out` read into `learned`
  auto learn = [&] {
    for (; learned_upto < out.size(); ++learned_upto) {
      const Quote& o = out[learned_upto];
      if (o.speaker_type != "person" || o.speaker_entity.empty() || o.confidence < 0.8 || o.cue.empty()) continue;
      char g = ReferentGender(o.cue.substr(0, o.cue.find(' ')), lang);
      if (g != 0) learned.emplace(o.speaker_entity, g);
    }
  };
  auto gender_of = [&](std::string_view entity, std::string_view name, std::string_view type) {
    char known = GenderOf(entity, name, type);
    if (known != 0) return known;
    auto it = learned.find(std::string(entity));
    return it == learned.end() ? char{0} : it->second;
  };
  // The same for a mention of `mentions`, its pack or given-name gender computed once: pronouns
  // look back over many mentions, and over the same ones again.
  std::vector<signed char> mention_gender(mentions.size(), -1);  // -1: not yet computed
  auto gender_of_mention = [&](const EntityMention* m) {
    signed char& known = mention_gender[static_cast<size_t>(m - mentions.data())];
    if (known < 0) known = static_cast<signed char>(GenderOf(m->entity, m->name, m->type));
    if (known != 0) return static_cast<char>(known);
    auto it = learned.find(m->entity);
    return it == learned.end() ? char{0} : it->second;
  };
  // The most recent person mention before `at`, for pronouns.
  auto compatible = [&](char want, char got) { return want == 0 || got == 0 || want == got; };
  auto fits = [&](char want, const EntityMention* m) { return want == 0 || compatible(want, gender_of_mention(m)); };
  // Whether a preposition governs a mention ("Studenti na Harvardu", "with Trump"): then it is
  // no sentence's subject, and no pronoun or unstated subject refers to it.
  std::string prep_lang(lang.substr(0, 2));
  if (SerboCroatian(prep_lang)) prep_lang = "sr";
  const auto doc_preps = prepositions_.find(prep_lang);
  // A person named as one of several ("Others trapped there, Mr. Mandagi included, were his
  // students"; including, uključujući, duke përfshirë, вклучувајќи, 包括) is an example, not a
  // subject a pronoun goes back to.
  auto listed = [&](ByteRange r) {
    static const std::unordered_set<std::string> kIncluding = {"including", "included", "ukljucujuci", "ukljucivsi",
                                                               "perfshire", "vklucuvajki"};
    size_t from = r.begin > 60 ? r.begin - 60 : 0;
    std::string_view before = text.substr(from, r.begin - from);
    // Back to the sentence's start, past the dot of a courtesy title ("duke përfshirë edhe Z.
    // Mandagi", "вклучувајќи го г. Мандаги"): a word of three bytes at most.
    for (size_t stop = before.find_last_of(".!?;:\n"); stop != std::string_view::npos; stop = before.find_last_of(".!?;:\n", stop - 1)) {
      size_t word = before.find_last_of(" \n", stop == 0 ? 0 : stop - 1);
      word = word == std::string_view::npos ? 0 : word + 1;
      bool title = before[stop] == '.' && stop > word && stop - word <= 3;
      if (!title || stop == 0) {
        before.remove_prefix(stop + 1);
        break;
      }
    }
    std::vector<std::string> words;
    text::ForEachWord(before, [&](std::string_view lower, ByteRange, bool) { words.push_back(text::FoldForMatch(lower)); });
    for (size_t k = words.size(), n = 0; k-- > 0 && n < 4; ++n) {
      if (kIncluding.count(words[k])) return true;
    }
    std::string_view after = text.substr(r.end, 10);
    return after.starts_with(" included") || (r.begin >= 6 && text.substr(r.begin - 6, 6) == "包括");
  };
  auto governed_mention = [&](const EntityMention* m) {
    if (listed(m->range)) return true;
    if (doc_preps == prepositions_.end() || m->range.begin == 0) return false;
    size_t end = m->range.begin;
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
    if (begin == end || end == m->range.begin) return false;
    return doc_preps->second.count(text::FoldForMatch(text.substr(begin, end - begin))) > 0;
  };
  auto person_before = [&](uint32_t at, char gender = 0) -> const EntityMention* {
    for (auto it = first_at(at); it != by_pos.begin();) {
      const EntityMention* m = *--it;
      if (m->range.end <= at && (m->type == "person" || m->type == "role") && fits(gender, m) && !governed_mention(m)) return m;
    }
    return nullptr;
  };
  // The person a paragraph says was asked something, named before the passive in its sentence
  // ("James was asked about …", "詹姆斯被问及…", "Vučić je upitan …", "Kurti u pyet …").
  auto asked_in = [&](ByteRange par) -> const EntityMention* {
    static constexpr std::string_view kAsked[] = {"was asked", "were asked", "被问", "upitan", "upitana", "упитан", "упитана",
                                                  "je pitan", "je pitana", "u pyet", "беше прашан", "беше прашана"};
    std::string_view t = text.substr(par.begin, par.size());
    for (std::string_view a : kAsked) {
      size_t at = t.find(a);
      if (at == std::string_view::npos) continue;
      const EntityMention* m = person_before(static_cast<uint32_t>(par.begin + at));
      if (m == nullptr || m->range.begin < par.begin || m->type != "person") return nullptr;
      std::string_view between = text.substr(m->range.end, par.begin + at - m->range.end);
      if (between.find_first_of(".!?") != std::string_view::npos || between.find("。") != std::string_view::npos) return nullptr;
      return m;
    }
    return nullptr;
  };
  // The nearest person before `at` who is the subject of a sentence (named at its start, after
  // at most two words and no comma: "Kanye West was booed", "But West said"), within a few
  // paragraphs; else the nearest person. A pronoun with no antecedent in its own or the previous
  // paragraph refers to the article's subject, not to whatever name came last ("his song,
  // called Ghost Town").
  auto subject_before = [&](uint32_t at, char gender) -> const EntityMention* {
    for (auto it = first_at(at); it != by_pos.begin();) {
      const EntityMention* m = *--it;
      if (m->range.end > at || m->type != "person" || !fits(gender, m) || governed_mention(m)) continue;
      if (at - m->range.begin > 4000) break;
      size_t start = text.find_last_of(".!?\n", m->range.begin == 0 ? 0 : m->range.begin - 1);
      start = start == std::string_view::npos || m->range.begin == 0 ? 0 : start + 1;
      std::string_view lead = text.substr(start, m->range.begin - start);
      if (lead.find(',') != std::string_view::npos) continue;
      int words = 0;
      text::ForEachWord(lead, [&](std::string_view, ByteRange, bool) { ++words; });
      if (words <= 2) return m;
    }
    return person_before(at, gender);
  };
  // The article's spaced words, folded, in order: tokenized once, each paragraph reads its slice.
  struct W {
    ByteRange r;
    std::string key;
    uint64_t hash;  // Hash64(key)
    uint64_t verb_hash;  // HashParts({verb_lang, "\t", key}): the key of by_first_
    bool pronoun;        // IsPronoun(lang, key)
  };
  std::vector<W> all_words;
  all_words.reserve(text.size() / 5);  // about a word in six bytes of news text
  const std::span<const std::string_view> pronouns = PronounsOf(lang);
  text::ForEachSpacedWord(text, [&](std::string_view lower, ByteRange r, bool) {
    std::string key = text::FoldForMatch(lower);
    uint64_t hash = Hash64(key);
    uint64_t verb_hash = HashParts({verb_lang, "\t", key});
    bool pronoun = IsPronoun(pronouns, key);
    all_words.push_back({r, std::move(key), hash, verb_hash, pronoun});
  });
  auto word_at_or_after = [&](uint32_t at) {
    return std::lower_bound(all_words.begin(), all_words.end(), at, [](const W& x, uint32_t pos) { return x.r.begin < pos; });
  };
  // Words the text writes in lower case somewhere: capitalised, they start a sentence (Then,
  // Officials), they do not name a speaker.
  // Built on first use: most texts never ask.
  HashTable64<std::string_view> lower_words;  // by each key's hash, the key to compare
  bool lower_words_built = false;
  auto written_lower = [&](const W& word) {
    if (!lower_words_built) {
      lower_words_built = true;
      for (const W& w : all_words) {
        if (!IsUpperAt(text, w.r.begin)) lower_words[w.hash] = w.key;
      }
    }
    const std::string_view* key = lower_words.Find(word.hash);
    return key != nullptr && *key == word.key;
  };
  std::vector<Candidate> prev_paragraph_candidates;
  std::vector<std::vector<Span>> quotations = QuotationsByParagraph(text, paragraphs);
  std::unordered_map<int, std::vector<size_t>> pieces_of;  // group -> its pieces in `out`
  bool prev_paragraph_colon = false;
  ByteRange prev_paragraph_cue{};
  // The quotations in marks found so far, by where they begin: a report inside one is asked
  // about in log time (a long text has thousands).
  RangeIndex marked;
  size_t marked_upto = 0;  // quotations of `out` looked at for it

  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    const Paragraph& par = paragraphs[pi];
    std::string_view ptext = par.range.Of(text);
    std::vector<Span>& spans = quotations[pi];
    if (par.blockquote && spans.empty()) spans.push_back({par.range, par.range});
    // A name in marks (Albanian and Macedonian news write „Air Niugini“ tani thotë): a term, and
    // the name stays a speaker and its sentence open to reported speech.
    for (size_t k = 0; k < spans.size();) {
      ByteRange content = Trim(text, spans[k].content);
      auto m = first_at(content.begin);
      bool name = spans[k].group < 0 && m != by_pos.end() && IsUpperAt(text, content.begin) && (*m)->range.begin == content.begin &&
                  (*m)->range.end == content.end && CountWords(content.Of(text)) <= 4;
      if (!name) {
        ++k;
        continue;
      }
      Quote term;
      term.content = content;
      term.kind = Kind::kTerm;
      out.push_back(term);
      spans.erase(spans.begin() + static_cast<long>(k));
    }

    // Reporting cues outside quotations.
    std::vector<Cue> cues;
    const auto words_begin = word_at_or_after(par.range.begin);
    auto words_end = words_begin;
    while (words_end != all_words.end() && words_end->r.end <= par.range.end) ++words_end;
    const std::span<const W> words(words_begin, words_end);
    for (size_t w = 0; w < words.size(); ++w) {
      const std::vector<int>* starting = by_first_.Find(words[w].verb_hash);
      if (starting == nullptr) continue;
      // The longest verb or phrase that starts here ("според неговите зборови", not "според").
      int vi = -1;
      for (int cand : *starting) {
        const Verb& v = verbs_[cand];
        if (w + v.words.size() > words.size()) continue;
        bool match = true;
        for (size_t k = 0; k < v.words.size() && match; ++k) match = words[w + k].key == v.words[k];
        if (match && (vi < 0 || v.words.size() > verbs_[vi].words.size())) vi = cand;
      }
      if (vi >= 0) {
        const Verb& v = verbs_[vi];
        ByteRange r{words[w].r.begin, words[w + v.words.size() - 1].r.end};
        // A verb hyphenated to the word before is a compound (so-called, self-described).
        bool compound = r.begin > 0 && text[r.begin - 1] == '-';
        // A closing mark with no opening one (the translation left it out) made the paragraph's
        // start the quotation's; a reporting verb and its that-word inside it begin it instead
        // ("Warren kaže da će ozbiljno razmisliti o kandidaturi” nakon izbora").
        for (Span& sp : spans) {
          if (compound || sp.group >= 0 || sp.outer.begin != sp.content.begin || !(sp.content.begin <= r.begin && r.end < sp.content.end) ||
              SpeaksInPerson(text.substr(sp.content.begin, r.begin - sp.content.begin))) {  // "Dhe pastaj më thonë se …”"
            continue;
          }
          for (size_t k = w + v.words.size(); k < words.size() && k <= w + v.words.size() + 3 && words[k].r.end < sp.content.end; ++k) {
            if (std::none_of(v.that_words.begin(), v.that_words.end(), [&](const Verb::ThatWord& t) { return t.folded == words[k].key; })) {
              continue;
            }
            uint32_t b = words[k].r.end;
            while (b < sp.content.end && text[b] == ' ') ++b;
            sp.outer.begin = sp.content.begin = b;
            break;
          }
        }
        // An English verb right after "to" is an infinitive, no report ("too slow to explain their
        // case", "declined to say when"), unless a that-word follows it ("went on to say that").
        bool infinitive = v.lang == "en" && w > 0 && words[w - 1].key == "to" &&
                          (w + v.words.size() >= words.size() ||
                           std::none_of(v.that_words.begin(), v.that_words.end(),
                                        [&](const Verb::ThatWord& t) { return t.folded == words[w + v.words.size()].key; }));
        if (!compound && !infinitive && !Negated(text, words, w) && !Inside(r, spans) && (!v.set_off || SetOff(text, par.range, r))) {
          cues.push_back({r, vi});
        }
      }
    }
    // Words a one-character verb is part of without reporting speech (说明 explain, 小说 novel,
    // 名称 name, 称赞 praise, 对他们来说 for them, 说谎 lie, 直言不讳 outspoken).
    // Nor after 所, which makes the verb a noun (他们所说的: what they said), or after 据 with no
    // source between, which makes it hearsay (据称, 据说, 据报道: reportedly); 也就是说 is "that
    // is to say".
    static constexpr std::string_view kNotSpeech[] = {"说明", "说法", "说服", "小说", "听说", "称号", "称赞", "对称", "名称",
                                                      "简称", "号称", "职称", "说唱", "说起", "称为", "所说", "所称", "来说",
                                                      "据称", "据说", "据报道", "就是说", "换句话说", "说谎", "直言不讳"};
    auto inside_word = [&](size_t at, std::string_view v) {
      for (std::string_view w : kNotSpeech) {
        for (size_t k = w.find(v); k != std::string_view::npos; k = w.find(v, k + 1)) {
          if (at >= k && ptext.substr(at - k, w.size()) == w) return true;
        }
      }
      return false;
    };
    const std::vector<std::vector<size_t>> cjk_verbs_at = cjk_verbs_.Find(ptext);
    for (size_t j = 0; j < cjk_verbs_at.size(); ++j) {
      const int vi = cjk_[j];
      if (!verb_lang.empty() && verbs_[vi].lang != verb_lang) continue;
      const std::string& v = verbs_[vi].words[0];
      for (size_t at : cjk_verbs_at[j]) {
        ByteRange r{static_cast<uint32_t>(par.range.begin + at), static_cast<uint32_t>(par.range.begin + at + v.size())};
        // Nor after a negation, which reports nothing said (还没有宣布: has yet to announce).
        std::string_view before = ptext.substr(0, at);
        bool negated = before.ends_with("没有") || before.ends_with("没") || before.ends_with("未") || before.ends_with("不");
        // 回应 (respond to) takes what it answers as its object (回应…的指责: answered the charge);
        // it reports words only with a comma, a colon or a word for saying after it (回应称).
        if (v == "回应") {
          std::string_view next = ptext.substr(at + v.size());
          bool says = false;
          for (std::string_view w : {"，", "：", ",", ":", "称", "说", "道", "表示", "指出"}) says = says || next.starts_with(w);
          if (!says) continue;
        }
        if (!Inside(r, spans) && !inside_word(at, v) && !negated) cues.push_back({r, vi});
      }
    }
    std::sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) { return a.range.begin < b.range.begin; });
    // A verb inside a longer one is that one (称 in 声称, 说 in 说道): one cue, the longer.
    cues.erase(std::remove_if(cues.begin(), cues.end(),
                              [&](const Cue& c) {
                                return std::any_of(cues.begin(), cues.end(), [&](const Cue& o) {
                                  return &o != &c && o.range.begin <= c.range.begin && c.range.end <= o.range.end &&
                                         o.range.size() > c.range.size();
                                });
                              }),
               cues.end());
    // Whether a reporting cue begins at `at` (another verb's clause starts there).
    auto cue_at = [&](uint32_t at) {
      return std::any_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.range.begin == at; });
    };
    // Whether a verb continues a coordinated clause that states no subject of its own ("Tramp …
    // pohvalio je Kima …, ali je rekao da …", "Trump praised Kim …, but said that …"): its
    // subject is the sentence's, not the nearest name.
    auto coordinated = [&](ByteRange cue) {
      // Chinese joins a second verb with 并 (and), adverbs aside: "…赞扬特朗普并声称…", "并反复强调".
      if (lang.substr(0, 2) == "zh") {
        size_t from = cue.begin >= 12 ? cue.begin - 12 : 0;
        std::string_view before = text.substr(from, cue.begin - from);
        size_t at = before.rfind("并");
        if (at != std::string_view::npos && before.substr(at).find("，") == std::string_view::npos &&
            before.substr(at).find("。") == std::string_view::npos) {
          // Unless a reporting verb comes before it in its clause, as "and" in English: in
          // "马约加声称罗纳尔多…跪倒在地并告诉她" the second verb is inside what the first reports.
          uint32_t joint = static_cast<uint32_t>(from + at);
          uint32_t clause = ChineseClauseStart(text, 0, joint);
          return std::none_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.range.begin >= clause && c.range.end <= joint; });
        }
        // So does a comma with no subject after it: "王立新批评了该方案，称…，说…".
        for (int n = 0; n < 2; ++n) {
          for (std::string_view adverb : {"还", "也", "又", "则", "再", "便", "就", "随后", "同时"}) {
            if (before.ends_with(adverb)) {
              before.remove_suffix(adverb.size());
              break;
            }
          }
        }
        return before.ends_with("，");
      }
      // "and" and "but" per language (English "a" and "I" are not Serbian a and i; Albanian "i"
      // is a pronoun: "Rod Reed i tha gazetarëve").
      static const std::unordered_set<std::string_view> kAndEnglish = {"but", "and"};
      static const std::unordered_set<std::string_view> kAndSlavic = {"ali", "a", "i", "pa", "te", "али", "а", "и", "па", "те", "но"};
      static const std::unordered_set<std::string_view> kAndAlbanian = {"dhe", "por"};
      const std::string_view base = lang.substr(0, 2);
      const auto& kAnd = base == "en" ? kAndEnglish : base == "sq" ? kAndAlbanian : kAndSlavic;
      auto w = std::lower_bound(words.begin(), words.end(), cue.begin, [](const W& x, uint32_t at) { return x.r.begin < at; });
      if (w == words.begin()) return false;
      --w;
      if (w->key == "je" || w->key == "su") {
        if (w == words.begin()) return false;
        --w;
      }
      if (kAnd.count(text::Lower(w->r.Of(text))) == 0 || w->r.begin < 2) return false;
      // After a comma, or after a quotation that ends the first clause ("nazvala ga je
      // „histeričnim” i dodala da …", "called him “hysterical” and said that …").
      std::string_view before = text.substr(0, w->r.begin);
      if (before.ends_with(", ")) return true;
      if (!before.ends_with(' ')) return false;
      std::string_view clause = before;
      before.remove_suffix(1);
      for (std::string_view close : {"”", "“", "\"", "»", "«", "’"}) {
        if (before.ends_with(close)) return true;
      }
      // With no comma, the "and" joins two verbs only when no reporting verb comes before it
      // in its sentence: "Pompeo met Ri … and said that …" is Pompeo's, but in "Mayorga claims
      // Ronaldo fell … and told her …" the second verb is inside what the first reports.
      size_t stop = clause.find_last_of(".!?\n");
      uint32_t from = stop == std::string_view::npos ? 0 : static_cast<uint32_t>(stop);
      return std::none_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.range.begin >= from && c.range.end <= w->r.begin; });
    };

    const bool serbo_croatian = SerboCroatian(lang);
    // Serbian, Croatian and Bosnian say who was spoken to in the dative or instrumental
    // ("rekao je okupljenim pristašama", "Istražiteljima je rekao"): a speaker noun with such an
    // ending does not speak.
    static const std::unordered_set<std::string_view> kOblique = {"ima", "ama", "om", "em", "ijom", "jom"};
    auto oblique_speaker_noun = [&](const W& w) {
      if (!serbo_croatian) return false;
      for (std::string_view e : kOblique) {
        if (w.key.size() > e.size() + 3 && std::string_view(w.key).ends_with(e) &&
            speaker_noun_stems_.Contains(std::string_view(w.key).substr(0, w.key.size() - e.size()))) {
          return true;
        }
      }
      return false;
    };
    // Whether a word is a noun for an unnamed speaker (data/speaker-nouns.tsv). Stems: "police"
    // also matches "policija/policije", "spokesman" its plural, when what follows the stem is an
    // inflectional ending (not "committed", "courage" or "policy").
    auto speaker_noun = [&](const W& w) {
      static const std::unordered_set<std::string_view> kEndings = {
          "", "s", "es", "a", "e", "i", "u", "n", "om", "em", "ima", "ama", "ija", "ije", "iji", "iju", "ijom",
          "ovi", "ove", "ova", "ë", "it", "in", "ve", "at", "et", "ja", "je", "ji", "ju", "jom", "ov", "ot", "ta", "te",
          "ata", "ite", "jata", "jske", "jski", "jsko"};
      bool noun = speaker_nouns_.Contains(w.hash, w.key);
      const std::string_view key = w.key;
      if (!noun && key.size() >= 4 && stem_starts_[StemStart(key)]) {
        for (size_t e = 0; !noun && e <= 4 && e < key.size(); ++e) {  // the ending's length in bytes
          std::string_view ending = key.substr(key.size() - e);
          if (!kEndings.count(ending) || (serbo_croatian && kOblique.count(ending))) continue;
          noun = speaker_noun_stems_.Contains(key.substr(0, key.size() - e));
        }
      }
      return noun;
    };

    // Speaker candidates: entity mentions and pronouns outside quotations.
    std::vector<Candidate> cands;
    for (auto it = first_at(par.range.begin); it != by_pos.end() && (*it)->range.begin < par.range.end; ++it) {
      const EntityMention& m = **it;
      if (m.range.end > par.range.end) continue;
      // A possessive adjective before the noun it qualifies leaves the speaking to that noun:
      // "Kurtijeva vlada je saopštila" (Kurti's government), "Vučićev savetnik". ("Vorenova je
      // rekla", Ms Warren said, is the person.)
      if (m.via == "possessive") {
        auto next = std::lower_bound(words.begin(), words.end(), m.range.end, [](const W& x, uint32_t at) { return x.r.begin < at; });
        if (next != words.end() && next->r.begin == m.range.end + 1 && (speaker_noun(*next) || titles_.Contains(next->hash, next->key))) continue;
      }
      // Places speak for their governments ("Athens insisted", "Beijing said"), but only when
      // nothing better is near the cue.
      bool place = m.type == "place";
      if (m.type != "person" && m.type != "org" && m.type != "role" && m.type != "outlet" && !place) continue;
      if (Inside(m.range, spans)) continue;
      cands.push_back({m.range, m.name, m.entity, place || m.type == "outlet" ? "org" : m.type, false, place});
    }
    // German speeches and interviews speak in the first person and to "Sie" (ich sage, wir
    // wissen, Sie haben gesagt): those words are the speaker as written, not a pronoun that
    // refers back; a capital "Sie" inside a sentence is the polite "you", not "she".
    const bool german = lang.substr(0, 2) == "de";
    auto opens_sentence = [&](uint32_t at) {
      std::string_view before = text.substr(par.range.begin, at - par.range.begin);
      while (before.ends_with(' ')) before.remove_suffix(1);
      return before.empty() || std::string_view(".!?:\"").find(before.back()) != std::string_view::npos ||
             before.ends_with("“") || before.ends_with("„");
    };
    for (const W& w : words) {
      if (Inside(w.r, spans)) continue;
      bool polite = german && w.key == "sie" && IsUpperAt(text, w.r.begin) && !opens_sentence(w.r.begin);
      if (german && (w.key == "ich" || w.key == "wir" || polite)) {
        cands.push_back({w.r, std::string(w.r.Of(text)), "", "role", false, false, true});
        continue;
      }
      if (!w.pronoun) continue;
      cands.push_back({w.r, "", "", "", true});
    }
    for (size_t k = 0; k < words.size(); ++k) {
      const W& w = words[k];
      if (Inside(w.r, spans) || !speaker_noun(w)) continue;
      if (auto after = speaker_noun_after_.find(w.key);
          after != speaker_noun_after_.end() &&
          (k == 0 || std::find(after->second.begin(), after->second.end(), words[k - 1].key) == after->second.end())) {
        continue;
      }
      // A noun that is also a determiner ("one", "another") is a speaker alone ("one wrote",
      // "another, a teacher, said", "one of them"), not before the noun it counts ("one man is
      // missing", "another official said": the official speaks).
      if (speaker_nouns_alone_.count(w.key) && k + 1 < words.size() && words[k + 1].r.begin == w.r.end + 1 &&
          text[w.r.end] == ' ' && !IsUpperAt(text, words[k + 1].r.begin) && words[k + 1].key != "of" &&
          std::none_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.range.begin == words[k + 1].r.begin; })) {
        continue;
      }
      cands.push_back({w.r, std::string(w.r.Of(text)), "", "role", false, false, true});
    }
    // A capitalised word no candidate covers, right before a reporting verb ("Nielsen said") or
    // right after "according to" ("according to Nielsen"): an organisation no pack knows. In
    // Serbian, Croatian and Bosnian the perfect's auxiliary may stand between them ("Saipov je
    // kazao").
    bool auxiliaries = serbo_croatian;
    bool chinese = lang.substr(0, 2) == "zh";
    bool possessives = !chinese;
    static const std::unordered_set<std::string_view> kAuxiliaries = {"je", "su", "је", "су"};
    std::vector<ByteRange> taken;  // the candidates so far, by position
    for (const Candidate& cand : cands) taken.push_back(cand.range);
    std::sort(taken.begin(), taken.end(), [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
    for (uint32_t k = 1; k < taken.size(); ++k) taken[k].end = std::max(taken[k].end, taken[k - 1].end);  // running end
    for (const Cue& c : cues) {
      if (std::find(cjk_.begin(), cjk_.end(), c.verb) != cjk_.end()) continue;
      size_t wi = std::lower_bound(words.begin(), words.end(), c.range.begin,
                                   [](const W& w, uint32_t at) { return w.r.begin < at; }) - words.begin();
      long step = verbs_[c.verb].that ? -1 : 1;
      long at = verbs_[c.verb].that ? static_cast<long>(wi) - 1 : static_cast<long>(wi + verbs_[c.verb].words.size());
      auto inside = [&](long k) { return k >= 0 && static_cast<size_t>(k) < words.size(); };
      // Single spaces between the verb and the word (and the auxiliary between them).
      auto spaced = [&](ByteRange a, ByteRange b) {
        ByteRange gap = a.end <= b.begin ? ByteRange{a.end, b.begin} : ByteRange{b.end, a.begin};
        return gap.size() == 1 && text[gap.begin] == ' ';
      };
      bool joined = true;
      ByteRange next_to = c.range;
      if (auxiliaries && inside(at) && kAuxiliaries.count(words[static_cast<size_t>(at)].key)) {
        joined = spaced(words[static_cast<size_t>(at)].r, c.range);
        next_to = words[static_cast<size_t>(at)].r;
        at += step;
        // A pronoun clitic stands before the auxiliary: "Skovelova mi je rekla" (told me).
        if (step < 0 && inside(at) && kPronounClitics.count(words[static_cast<size_t>(at)].key) &&
            !IsUpperAt(text, words[static_cast<size_t>(at)].r.begin)) {
          joined = joined && spaced(words[static_cast<size_t>(at)].r, next_to);
          next_to = words[static_cast<size_t>(at)].r;
          at += step;
        }
      }
      if (!inside(at)) continue;
      const W* wp = &words[static_cast<size_t>(at)];
      // A company named in the possessive ("Sainsbury's said"): the word before the apostrophe,
      // with its 's.
      ByteRange possessive{};
      if (step < 0 && wp->key == "s" && at > 0) {
        const W& name = words[static_cast<size_t>(at - 1)];
        std::string_view apostrophe = text.substr(name.r.end, wp->r.begin - name.r.end);
        if (apostrophe == "'" || apostrophe == "’") {
          possessive = {name.r.begin, wp->r.end};
          --at;
          wp = &name;
        }
      }
      const W& w = *wp;
      joined = joined && spaced(possessive.empty() ? w.r : possessive, next_to);
      // Not part of a longer capitalised run (that is the entity layer's); "The" opening the
      // sentence makes none.
      bool lone = true;
      for (long k : {at - 1, at + 1}) {
        if (k < 0 || static_cast<size_t>(k) >= words.size() || static_cast<size_t>(k) == wi) continue;
        const W& n = words[static_cast<size_t>(k)];
        if (n.key != "the" && IsUpperAt(text, n.r.begin) && Distance(n.r, w.r) <= 1) lone = false;
      }
      // Covered: a candidate starting at or before the word's end reaches its start.
      auto after = std::upper_bound(taken.begin(), taken.end(), w.r.end, [](uint32_t at, ByteRange r) { return at < r.begin; });
      bool covered = after != taken.begin() && std::prev(after)->end >= w.r.begin;
      // Days and months are capitalised in English and stand before verbs ("on Saturday said").
      static const std::unordered_set<std::string_view> kCalendar = {
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
          "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
      // Nor are conjunctions and linking adverbs that open a sentence ("Ali je naglasio", "Али је
      // нагласио": but he stressed; Ali is a name too).
      static const std::unordered_set<std::string_view> kLinking = {
          "ali", "a", "i", "no", "pa", "te", "medjutim", "takodje", "takodjer", "zatim", "tada", "ipak", "jos", "potom",
          "kasnije", "ovo", "to", "ono", "but", "and", "then", "dhe", "por", "megjithate", "gjithashtu", "megjutoa",
          "kako", "kao", "sic", "kur", "ndersa", "pasi",  // as, when, while: "Siç deklaron Spieth"
          // and the first person opening a sentence outside quotation marks, the writers' own
          // voice ("We asked her what Beijing wants"): no one the article quotes.
          "we", "i", "mi", "ja", "ne", "une", "nie", "jas"};
      // Nor are nouns that describe someone named before ("Aviokompanija je saopštila"): the
      // description resolves them. An office ("Ambasador je naveo") is its holder named before,
      // else the office itself, a role.
      // (German capitalises every noun, so there a capital tells nothing: its speakers come from
      // the packs, the name tagger and the speaker nouns.)
      if (german || !joined || !lone || covered || !IsUpperAt(text, w.r.begin) || Inside(w.r, spans) || written_lower(w) ||
          kCalendar.count(w.key) || kLinking.count(w.key) || description_nouns_.count(w.key) || w.key == "it" ||
          w.pronoun || oblique_speaker_noun(w)) {
        continue;
      }
      ByteRange r = possessive.empty() ? w.r : possessive;
      if (TitleForm(w.key)) cands.push_back({r, std::string(r.Of(text)), "", "role", false, false, true});
      else cands.push_back({r, std::string(r.Of(text)), "", "org"});
    }
    // So is one after "iz" or "од" (from) right after the verb: "izjavili su iz Nielsena"; and,
    // in Serbian, Croatian and Bosnian, a person's after the auxiliary that follows the verb in
    // a speech tag ("…,” rekao je Sturridge za LiverpoolFC.com").
    if (serbo_croatian || lang.substr(0, 2) == "mk") {
      const std::string_view from = serbo_croatian ? "iz" : "od";
      for (const Cue& c : cues) {
        size_t k = std::lower_bound(words.begin(), words.end(), c.range.end,
                                    [](const W& w, uint32_t at) { return w.r.begin < at; }) - words.begin();
        bool aux = k < words.size() && (words[k].key == "su" || words[k].key == "je");
        if (aux) ++k;
        bool tag = serbo_croatian && aux && k < words.size() && IsUpperAt(text, words[k].r.begin) && !written_lower(words[k]);
        if (!tag && (k + 1 >= words.size() || words[k].key != from || !IsUpperAt(text, words[k + 1].r.begin))) continue;
        const size_t name = tag ? k : k + 1;
        const W& w = words[name];
        auto after = std::upper_bound(taken.begin(), taken.end(), w.r.end, [](uint32_t at, ByteRange r) { return at < r.begin; });
        bool covered = after != taken.begin() && std::prev(after)->end >= w.r.begin;
        bool lone = name + 1 >= words.size() || !IsUpperAt(text, words[name + 1].r.begin) || Distance(words[name + 1].r, w.r) > 1;
        if (!covered && lone && !Inside(w.r, spans)) cands.push_back({w.r, std::string(w.r.Of(text)), "", tag ? "person" : "org"});
      }
    }
    // Speaker nouns written without spaces, the longest where one holds another (外交部长, the
    // minister, not 外交部, the ministry).
    const std::vector<std::vector<size_t>> cjk_nouns_at = cjk_speaker_nouns_.Find(ptext);
    std::vector<ByteRange> cjk_noun_ranges;
    for (size_t j = 0; j < cjk_nouns_at.size(); ++j) {
      for (size_t at : cjk_nouns_at[j]) {
        cjk_noun_ranges.push_back({static_cast<uint32_t>(par.range.begin + at),
                                   static_cast<uint32_t>(par.range.begin + at + cjk_speaker_nouns_.strings()[j].size())});
      }
    }
    for (ByteRange r : cjk_noun_ranges) {
      bool held = std::any_of(cjk_noun_ranges.begin(), cjk_noun_ranges.end(), [&](ByteRange o) {
        return o.begin <= r.begin && r.end <= o.end && o.size() > r.size();
      });
      if (held || Inside(r, spans)) continue;
      // With the country right before it, which says whose office it is (塞尔维亚外长).
      for (const Candidate& c : cands) {
        if (c.place && c.range.end == r.begin) r.begin = c.range.begin;
      }
      cands.push_back({r, std::string(r.Of(text)), "", "role", false, false, true});
    }
    const std::vector<std::vector<size_t>> cjk_pronouns_at = CjkPronouns().Find(ptext);
    for (size_t j = 0; j < cjk_pronouns_at.size(); ++j) {
      const std::string& utf8 = CjkPronouns().strings()[j];
      for (size_t at : cjk_pronouns_at[j]) {
        ByteRange r{static_cast<uint32_t>(par.range.begin + at), static_cast<uint32_t>(par.range.begin + at + utf8.size())};
        bool covered = false;
        for (const Candidate& c : cands) covered = covered || (c.range.begin <= r.begin && r.end <= c.range.end);
        if (!covered && !Inside(r, spans)) cands.push_back({r, "", "", "", true});
      }
    }

    // Candidates governed by a preposition: the word before them, or their own first word (a
    // name found with its preposition, "u Merilendu"), is one.
    std::string base(lang.substr(0, 2));
    if (SerboCroatian(base)) base = "sr";
    auto preps_it = prepositions_.find(base);
    const std::unordered_set<std::string>* preps = preps_it == prepositions_.end() ? nullptr : &preps_it->second;
    // A mention right after a preposition ("Of Paddington", "sa CNN-om"): the object of a
    // phrase; as a candidate it does not speak, and a pronoun does not refer back to it.
    // A possessive may stand between them too ("with his wife", "sa svojom suprugom", "со
    // неговата жена").
    // An English article may stand between them ("at the United Nations"), and outside
    // English capitalised words that qualify it ("za Vrhovni sud", "za Sky News"; English "the
    // individuals in the Nationwide study" ends in a noun of its own).
    // Names (not pronouns) by where they end, to ask in log time whether a word lies inside a
    // name that ends before a point; a paragraph can hold a million candidates.
    std::vector<ByteRange> names_by_end;
    for (const Candidate& c : cands) {
      if (!c.pronoun) names_by_end.push_back(c.range);
    }
    std::sort(names_by_end.begin(), names_by_end.end(), [](ByteRange a, ByteRange b) { return a.end < b.end; });
    auto inside_name_ending_by = [&](ByteRange w, uint32_t by) {
      auto it = std::lower_bound(names_by_end.begin(), names_by_end.end(), w.end,
                                 [](ByteRange n, uint32_t at) { return n.end < at; });
      for (; it != names_by_end.end() && it->end <= by; ++it) {
        if (it->begin <= w.begin) return true;
      }
      return false;
    };
    auto after_preposition = [&](ByteRange r, bool person) {
      if (preps == nullptr) return false;
      uint32_t next = r.begin;
      int qualifiers = 0;
      for (auto k = word_at_or_after(r.begin); k != all_words.begin();) {
        --k;
        if (k->r.end > next) return false;  // `r` starts inside a word
        // Spaces only between them, and perhaps an opening quotation mark before the name (za
        // „Sunday Times“; not the closing mark and full stop of a sentence before).
        std::string_view gap = text.substr(k->r.end, next - k->r.end);
        for (std::string_view mark : {"„", "“", "«", "»", "\"", "‘"}) {
          if (gap.ends_with(mark)) gap.remove_suffix(mark.size());
        }
        if (gap.find_first_not_of(' ') != std::string_view::npos) return false;
        if (preps->count(k->key)) return true;
        // Before a person, a capitalised word of another name is no qualifier: the preposition
        // governs that name ("Direktor Kancelarije za KiM Marko Petrović": za KiM, not za
        // Petrović). Before a word of a name split in two ("për NBC News") it still is.
        if (person && inside_name_ending_by(k->r, r.begin)) return false;
        bool qualifier = qualifiers < 2 && ((lang.substr(0, 2) != "en" && IsUpperAt(text, k->r.begin)) || Possessive(k->key));
        if (k->key != "the" && k->key != "a" && k->key != "an" && !qualifier) return false;
        qualifiers += qualifier ? 1 : 0;
        next = k->r.begin;
      }
      return false;
    };
    if (preps != nullptr) {
      for (Candidate& c : cands) {
        if (c.pronoun) continue;
        size_t wi = std::lower_bound(words.begin(), words.end(), c.range.begin,
                                     [](const W& w, uint32_t at) { return w.r.end <= at; }) - words.begin();
        bool own = wi < words.size() && words[wi].r.begin == c.range.begin && words[wi].r.end < c.range.end &&
                   preps->count(words[wi].key);
        // An abbreviation with a hyphenated case ending is in an oblique case, no subject:
        // "u skupštini UN-a", "SAD-u", "sa NATO-om".
        std::string_view after = text.substr(c.range.end, 5);
        bool oblique = serbo_croatian && after.size() >= 2 && after[0] == '-' &&
                       (after.substr(1, 1) == "a" || after.substr(1, 1) == "u" || after.substr(1, 2) == "om" ||
                        after.substr(1, 2) == "а" || after.substr(1, 2) == "у" || after.substr(1, 4) == "ом");
        // An adjective and its noun in the dative or instrumental plural ("Ujedinjenim nacijama
        // rekao je", told the United Nations): the listener, or an aside, never the subject.
        if (serbo_croatian && !c.pronoun && wi < words.size()) {
          size_t last = wi;
          while (last + 1 < words.size() && words[last + 1].r.end <= c.range.end) ++last;
          auto plural_oblique = [](std::string_view key) { return key.ends_with("im") || key.ends_with("ima") || key.ends_with("ama"); };
          // (The noun after the name's last word, or both inside the name: "Ujedinjenim nacijama".)
          auto plural_noun = [](std::string_view key) { return key.ends_with("ima") || key.ends_with("ama"); };
          if (words[last].r.end == c.range.end && plural_oblique(words[last].key) &&
              ((last + 1 < words.size() && words[last + 1].r.begin == c.range.end + 1 && plural_noun(words[last + 1].key)) ||
               (last > wi && plural_noun(words[last].key) && plural_oblique(words[last - 1].key)))) {
            oblique = true;
          }
        }
        c.governed = own || oblique || after_preposition(c.range, c.type == "person");
        // Albanian: a name after a title or a speaker's noun and its article is its complement
        // ("Ministri i Jashtëm", "Kryetari i Kuvendit", "zëdhënësi i Qeverisë"): not the speaker.
        if (lang.substr(0, 2) == "sq" && wi >= 2 && wi < words.size() && words[wi].r.begin == c.range.begin &&
            (words[wi - 1].key == "i" || words[wi - 1].key == "e" || words[wi - 1].key == "te" || words[wi - 1].key == "se") &&
            (titles_.Contains(words[wi - 2].hash, words[wi - 2].key) || speaker_nouns_.Contains(words[wi - 2].hash, words[wi - 2].key))) {
          c.governed = true;
        }
      }
    }
    // "rekli su iz policije", "Iz Nielsena su saopštili", Macedonian "изјавија од Nielsen",
    // Albanian "Nga Qeveria e Kosovës thanë": the institution that "iz", "од" or "nga" (from)
    // names next to a reporting verb speaks, as its spokespeople did.
    const std::string_view from_word = serbo_croatian ? "iz" : lang.substr(0, 2) == "mk" ? "od" : lang.substr(0, 2) == "sq" ? "nga" : "";
    if (!from_word.empty()) {
      auto cue_ending_at = [&](uint32_t end) {
        return std::any_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.range.end == end; });
      };
      for (Candidate& c : cands) {
        if (!c.governed || c.pronoun) continue;
        size_t wi = std::lower_bound(words.begin(), words.end(), c.range.begin,
                                     [](const W& w, uint32_t at) { return w.r.begin < at; }) - words.begin();
        if (wi == 0 || wi >= words.size() || words[wi].r.begin != c.range.begin || words[wi - 1].key != from_word) continue;
        size_t j = wi - 1;
        if (j > 0 && (words[j - 1].key == "su" || words[j - 1].key == "je")) --j;
        bool before = j > 0 && cue_ending_at(words[j - 1].r.end);
        size_t e = std::lower_bound(words.begin(), words.end(), c.range.end,
                                    [](const W& w, uint32_t at) { return w.r.begin < at; }) - words.begin();
        if (e < words.size() && (words[e].key == "su" || words[e].key == "je")) ++e;
        // After it only when "iz" opens the clause: in "The High Breed iz Bristola tvrdi" the
        // band speaks, not Bristol.
        std::string_view lead = text.substr(wi >= 2 ? words[wi - 2].r.end : par.range.begin,
                                            words[wi - 1].r.begin - (wi >= 2 ? words[wi - 2].r.end : par.range.begin));
        bool opens = wi == 1 || words[wi - 2].r.end < par.range.begin || lead.find_first_of(".,;:!?\n") != std::string_view::npos;
        bool after = opens && e < words.size() && cue_at(words[e].r.begin);
        if (before || after) c.governed = false;
      }
    }
    // In Chinese the preposition is the character right before the name (向联合国表示: "told the
    // UN"; 在联合国大会上: "at the UN General Assembly").
    if (chinese) {
      static constexpr std::u32string_view kChinesePrepositions = U"向对在与同跟给从";
      for (Candidate& c : cands) {
        if (c.pronoun) continue;
        // The preposition may stand up to two Han characters before the name (在年度联合国大会上:
        // "at the annual UN General Assembly").
        size_t at = c.range.begin;
        // A name right before a person's noun modifies it (共和党议员, a Republican senator; 中国外交部
        // 发言人): the noun's person speaks, not the party or the country.
        static constexpr std::string_view kPersonNouns[] = {"议员", "参议员", "众议员", "主席", "部长", "总统", "总理",
                                                            "领导人", "官员", "发言人", "大使", "代表", "成员", "球员",
                                                            "教练", "队长", "经理", "首相", "外长"};
        for (std::string_view n : kPersonNouns) c.governed = c.governed || text.substr(c.range.end, n.size()) == n;
        // A name in brackets right after another is its original spelling (霍莉·斯奈德（Holly
        // Snyder）说): the name as the article writes it speaks.
        for (std::string_view open : {"（", "("}) {
          uint32_t at = c.range.begin;
          while (at > 0 && text[at - 1] == ' ') --at;
          if (at < open.size() || text.substr(at - open.size(), open.size()) != open) continue;
          at -= static_cast<uint32_t>(open.size());
          c.governed = c.governed || std::any_of(cands.begin(), cands.end(), [&](const Candidate& o) {
            return !o.pronoun && o.range.end <= at && at - o.range.end <= 1;
          });
        }
        // The object of a verb of meeting or addressing, a title perhaps between them, is not its
        // sentence's subject (诺瓦克在莫斯科会见美国能源部长佩里后表示: Novak said after meeting Perry).
        // (Each verb is two characters, six bytes, compared as one integer: this runs for every
        // candidate, back over up to ten characters.)
        static const std::array<uint64_t, 10> kObjectVerbs = [] {
          std::array<uint64_t, 10> keys{};
          size_t k = 0;
          for (std::string_view v : {"会见", "会晤", "接见", "拜会", "采访", "邀请", "感谢", "批评", "指责", "称赞"}) {
            std::memcpy(&keys[k++], v.data(), 6);
          }
          return keys;
        }();
        for (uint32_t end = at, steps = 0; end >= 6 && steps < 10 && !c.governed; end -= 3, ++steps) {
          // Han characters only (U+4E00-9FFF, lead bytes E4-E9): punctuation, marks or a
          // space end the clause.
          auto lead = static_cast<unsigned char>(text[end - 3]);
          if (lead < 0xE4 || lead > 0xE9) break;
          uint64_t two = 0;
          std::memcpy(&two, text.data() + end - 6, 6);
          c.governed = std::find(kObjectVerbs.begin(), kObjectVerbs.end(), two) != kObjectVerbs.end();
        }
        // A title in its marks is governed as its name would be (对《华盛顿邮报》说道: told the Post).
        if (at >= 3 && text.substr(at - 3, 3) == "《") at -= 3;
        for (int n = 0; n < 3 && at >= 3 && !c.governed; ++n) {
          at -= 3;
          size_t k = at;
          char32_t ch = text::DecodeUtf8(text, k);
          if (kChinesePrepositions.find(ch) != std::u32string_view::npos) c.governed = true;
          else if (text::ClassOf(ch) != text::CharClass::kUnspaced) break;
        }
      }
    }

    std::vector<ByteRange> sentences;
    for (ByteRange s : text::SplitSentences(ptext, lang)) sentences.push_back({s.begin + par.range.begin, s.end + par.range.begin});
    // (Sentences come in order, apart: the first that ends after `r` begins is found by halving,
    // so a paragraph of a hundred thousand sentences costs no more per call than one of ten.)
    auto window_of = [&](ByteRange r) {
      ByteRange w = r;
      auto s = std::upper_bound(sentences.begin(), sentences.end(), r.begin, [](uint32_t at, ByteRange x) { return at < x.end; });
      for (; s != sentences.end() && s->begin < r.end; ++s) {
        w.begin = std::min(w.begin, s->begin);
        w.end = std::max(w.end, s->end);
      }
      return w;
    };
    // The subject of the sentence before the one at `at`, when it is an unnamed national and
    // that sentence names no person ("The American, who won …, was left unable to walk. | He
    // wrote: “…”", "Amerikanac, koji je osvojio …, ostao je nepokretan. | Napisao je: „…"): the
    // description as written ("The American"), which a pronoun or unstated subject at the start
    // of the next sentence refers to. The sentence at `at` names no person before it either.
    std::optional<ByteRange> previous_paragraph_end;
    auto national_before = [&](uint32_t at) -> std::optional<ByteRange> {
      if (lang.substr(0, 2) == "zh") return std::nullopt;
      auto it = std::find_if(sentences.begin(), sentences.end(), [&](ByteRange s) { return s.begin <= at && at < s.end; });
      if (it == sentences.end()) return std::nullopt;
      ByteRange previous;
      if (it != sentences.begin()) {
        previous = *std::prev(it);
      } else if (pi > 0) {
        if (!previous_paragraph_end) {  // the last sentence of the paragraph before, found once
          ByteRange r = paragraphs[pi - 1].range;
          std::vector<ByteRange> before = text::SplitSentences(r.Of(text), lang);
          previous_paragraph_end = before.empty() ? ByteRange{} : ByteRange{before.back().begin + r.begin, before.back().end + r.begin};
        }
        previous = *previous_paragraph_end;
        if (previous.empty()) return std::nullopt;
      } else {
        return std::nullopt;
      }
      auto person_in = [&](uint32_t from, uint32_t to) {
        for (auto m = first_at(from); m != by_pos.end() && (*m)->range.begin < to; ++m) {
          if ((*m)->type == "person") return true;
        }
        return false;
      };
      if (person_in(previous.begin, previous.end) || person_in(it->begin, at)) return std::nullopt;
      auto w = word_at_or_after(previous.begin);
      if (w == all_words.end() || w->r.begin >= previous.end) return std::nullopt;
      const uint32_t begin = w->r.begin;
      if (w->key == "the" && std::next(w) != all_words.end()) ++w;
      if (!IsUpperAt(text, w->r.begin)) return std::nullopt;
      // A national, perhaps with a definite ending (Amerikani, Американецот).
      bool national = false;
      for (size_t cut = 0; cut <= 3 && cut + 4 <= w->key.size() && !national; ++cut) {
        national = peoples_.count(w->key.substr(0, w->key.size() - cut)) > 0;
      }
      if (!national) return std::nullopt;
      // A noun with a relative clause or an apposition after it, not an adjective before a noun
      // ("Serbian officials", "American Airlines").
      auto next = std::next(w);
      bool comma = text.substr(w->r.end, 1) == ",";
      if (!comma && (next == all_words.end() || next->r.begin >= previous.end || !kRelativePronouns.count(next->key))) return std::nullopt;
      return ByteRange{begin, w->r.end};
    };
    // Whether the verb at `at` is impersonal: one with "se" and no gender of its own ("…”,
    // navodi se u zahtevu", the motion says). It has no subject to look back for.
    auto impersonal = [&](uint32_t at) {
      if (!serbo_croatian && lang.substr(0, 2) != "mk") return false;
      size_t word_end = at;
      for (size_t k = at; k < text.size() && IsLetter(text::DecodeUtf8(text, k)) && word_end - at < 64;) word_end = k;
      std::string_view word = text.substr(at, word_end - at);
      if (IsPronoun(lang, text::FoldForMatch(word)) || ReferentGender(word, lang) != 0) return false;
      for (std::string_view se : {" se", " се"}) {
        size_t k = word_end + se.size();
        if (text.substr(word_end, se.size()) == se && (k >= text.size() || !IsLetter(text::DecodeUtf8(text, k)))) return true;
      }
      return false;
    };
    // The person a pronoun at `at` refers to (or the unstated subject of a verb in languages
    // that drop it: "…“, rekao je."). News keeps quoting the same person, so it is the last
    // person quoted, by name or through a pronoun (not whoever was mentioned last), unless a
    // person is the subject of a later paragraph (its first person named outside quotation
    // marks: "Ms Humphreys lost Mark … “…,” she said"), the nearer antecedent.
    std::vector<uint32_t> no_one;  // quotations (by where their words begin) that resolve_pronoun found no one said
    auto resolve_pronoun = [&](Quote& q, uint32_t at) {
      learn();
      // The antecedent speaks; an unstated subject's speaker range is the antecedent's, a
      // pronoun's stays the pronoun.
      auto speak = [&q](const std::string& name, const std::string& entity, const std::string& type, ByteRange range,
                        double confidence) {
        q.speaker = name;
        q.speaker_entity = entity;
        q.speaker_type = type;
        if (q.speaker_range.empty()) q.speaker_range = range;
        q.confidence = confidence;
        return true;
      };
      // The gender the pronoun or the verb form asks for.
      size_t word_end = at;
      for (size_t k = at; k < text.size() && IsLetter(text::DecodeUtf8(text, k)) && word_end - at < 64;) word_end = k;
      std::string_view word = text.substr(at, word_end - at);
      if (impersonal(at)) return false;
      const bool cjk = word.rfind("他", 0) == 0 || word.rfind("她", 0) == 0;
      // A pronoun with a relative clause after it is a description, the speaker as written: "Oni
      // koji prate trendove predviđaju", "Those who follow fashion say".
      if (auto next = word_at_or_after(static_cast<uint32_t>(word_end));
          !cjk && IsPronoun(lang, text::FoldForMatch(word)) && next != all_words.end() && kRelativePronouns.count(next->key) &&
          next->r.begin <= word_end + 1) {
        auto cue = std::find_if(cues.begin(), cues.end(), [&](const Cue& c) { return c.range.begin > next->r.end; });
        if (cue == cues.end()) return false;
        if (text.substr(at, cue->range.begin - at).find_first_of(".!?;:\n") != std::string_view::npos) return false;
        static const std::unordered_set<std::string_view> kAuxiliaries = {"su", "je", "se", "have", "has", "kane"};
        uint32_t end = cue->range.begin;
        for (auto w = word_at_or_after(next->r.end); w != all_words.end() && w->r.end <= cue->range.begin; ++w) {
          if (!kAuxiliaries.count(w->key)) end = w->r.end;
        }
        q.speaker_range = {at, end};  // the description, not the pronoun alone
        return speak(std::string(q.speaker_range.Of(text)), "", "role", q.speaker_range, 0.6);
      }
      // A plural subject ("…,” they said; rekli su; тврдат дека; thanë; 他们) is no one person:
      // it is a speaker's noun earlier in its sentence ("Ronaldo's lawyers are preparing to sue …,
      // which they called “…”"), else the organisation quoted just before ("Global Citizen
      // claims … They say …"), else a group the text does not name: no one. (Not a tag inside
      // another quotation, which the quoting speaker reports: "“… They said, ‘…’”".)
      const bool plural = cjk ? word.substr(3, 3) == "们"
                              : IsPluralPronoun(lang, text::FoldForMatch(word)) ||
                                    std::any_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.range.begin == at && verbs_[c.verb].plural; });
      if (plural && !Inside({at, static_cast<uint32_t>(word_end)}, spans)) {
        const Candidate* noun = nullptr;
        for (const Candidate& c : cands) {  // (the nearest)
          if (!c.noun || c.range.end > at) continue;
          std::string_view between = text.substr(c.range.end, at - c.range.end);
          if (between.find_first_of(".!?\n") == std::string_view::npos && between.find("。") == std::string_view::npos) noun = &c;
        }
        if (noun != nullptr) return speak(noun->name, "", noun->type, noun->range, 0.6);
        uint32_t from = pi > 0 ? paragraphs[pi - 1].range.begin : par.range.begin;
        for (auto o = out.rbegin(); o != out.rend(); ++o) {
          if (o->speaker_range.end > at || o->speaker.empty()) continue;
          if (o->speaker_range.begin < from || o->speaker_type != "org") break;
          return speak(o->speaker, o->speaker_entity, o->speaker_type, o->speaker_range, 0.6);
        }
        // Settled: no one, and no later rule carries an earlier speaker in.
        q.speaker.clear();
        q.speaker_entity.clear();
        q.speaker_type.clear();
        q.speaker_range = {};
        q.confidence = 0;
        no_one.push_back(q.content.begin);
        return true;
      }
      // The same pronoun earlier in the sentence is the same person, and names between them are
      // not who it means ("当他被问及本·克兰肖…时他回答", "When he was asked about Crenshaw, he
      // said"): resolve from the first.
      {
        std::string_view pronoun = cjk ? word.substr(0, 3) : word;
        // (Only a pronoun: a verb form with no subject, which `at` may also be, is no name's.)
        if (!cjk && !IsPronoun(lang, text::FoldForMatch(pronoun))) {
          pronoun = {};
        }
        size_t start = par.range.begin;
        for (std::string_view end : {".", "!", "?", "。", "！", "？"}) {
          size_t e = text.substr(par.range.begin, at - par.range.begin).rfind(end);
          if (e != std::string_view::npos) start = std::max(start, par.range.begin + e + end.size());
        }
        for (size_t f = text.find(pronoun, start); !pronoun.empty() && f != std::string_view::npos && f < at; f = text.find(pronoun, f + 1)) {
          ByteRange r{static_cast<uint32_t>(f), static_cast<uint32_t>(f + pronoun.size())};
          if (Inside(r, spans)) continue;
          bool whole = cjk ? text.substr(r.end, 3) != "们" && (f < 3 || text.substr(f - 3, 3) != "其")
                           : (f == 0 || !IsLetter(static_cast<unsigned char>(text[f - 1]))) &&
                                 (r.end >= text.size() || !IsLetter(static_cast<unsigned char>(text[r.end])));
          if (!whole || (!cjk && text::Lower(r.Of(text)) != text::Lower(pronoun))) continue;
          at = r.begin;
          break;
        }
      }
      char gender = ReferentGender(word.substr(0, cjk ? 3 : word.size()), lang);
      // A woman or a man the text introduces by a noun, with no person named since, is whom
      // "she" or "he" means: "一名出现在现场的女子流着泪。她一直在说…" (a woman at the scene
      // … she kept saying), not a woman named further back.
      if (gender != 0) {
        static const std::unordered_map<std::string_view, char> kGendered = {
            {"女子", 'f'}, {"女士", 'f'}, {"女人", 'f'}, {"男子", 'm'}, {"男人", 'm'}, {"woman", 'f'}, {"man", 'm'},
            {"zena", 'f'}, {"muskarac", 'm'}, {"grua", 'f'}, {"burre", 'm'}, {"zhena", 'f'}, {"mazh", 'm'}};
        // The noun introduced as such: after "a", "one", "the" (一名, 一位, 这名 … within its
        // phrase), not a word's part (男子气概, manliness) nor a courtesy title (戴维斯女士).
        auto introduced = [&](ByteRange r) {
          if (cjk) {
            std::string_view before = text.substr(r.begin >= 45 ? r.begin - 45 : 0, std::min<uint32_t>(r.begin, 45));
            size_t counted = std::string_view::npos;  // the earliest measure word within reach
            for (std::string_view m : {"一名", "一位", "一个", "这名", "这位", "该名", "那名"}) {
              counted = std::min(counted, before.rfind(m));
            }
            std::string_view last = before.substr(before.size() >= 3 ? before.size() - 3 : 0);
            return counted != std::string_view::npos && text::FindFirstOf(before.substr(counted), kStops) == std::string_view::npos &&
                   before.substr(counted).find("，") == std::string_view::npos &&
                   (last == "名" || last == "位" || last == "个" || last == "的");
          }
          static const std::unordered_set<std::string_view> kIntroducing = {"a", "an", "one", "the", "this", "jedna", "jedan", "jednu", "nje", "edna", "eden"};
          auto w = std::lower_bound(all_words.begin(), all_words.end(), r.begin, [](const W& x, uint32_t pos) { return x.r.begin < pos; });
          return w != all_words.begin() && kIntroducing.count(std::prev(w)->key) > 0;
        };
        const Candidate* noun = nullptr;
        for (const std::vector<Candidate>* list : {&prev_paragraph_candidates, &cands}) {
          for (const Candidate& c : *list) {
            if (!c.noun || c.governed || c.range.end > at || !introduced(c.range)) continue;
            auto g = kGendered.find(cjk ? std::string_view(c.name) : std::string_view(text::FoldForMatch(c.range.Of(text))));
            if (g != kGendered.end() && g->second == gender) noun = &c;
          }
        }
        bool named_since = false;
        for (auto m = noun == nullptr ? by_pos.end() : first_at(noun->range.end); m != by_pos.end() && (*m)->range.begin < at; ++m) {
          named_since = named_since || (*m)->type == "person";
        }
        if (noun != nullptr && !named_since) return speak(noun->name, "", "role", noun->range, 0.55);
      }
      if (std::optional<ByteRange> national = national_before(at)) {
        return speak(std::string(national->Of(text)), "", "role", *national, 0.6);
      }
      const Quote* last = nullptr;  // the last quotation so far with a named, compatible speaker before `at`
      for (auto o = out.rbegin(); o != out.rend() && last == nullptr; ++o) {
        bool named = o->speaker_type == "person" && !o->speaker_entity.empty() && o->confidence >= 0.7;
        if (named && o->speaker_range.end <= at && compatible(gender, gender_of(o->speaker_entity, o->speaker, o->speaker_type))) {
          last = &*o;
        }
      }
      // Quotations in marks are read before indirect speech, so a person this paragraph named
      // right before an earlier reporting verb ("比约恩表示很高兴，他补充道：“…”") is the
      // last person quoted by name too, when nearer.
      const Candidate* cued = nullptr;
      for (const Cue& c : cues) {
        if (c.range.end > at) break;
        for (const Candidate& cand : cands) {
          if (cand.type == "person" && !cand.pronoun && !cand.noun && cand.range.end <= c.range.begin &&
              c.range.begin - cand.range.end <= 1 && (last == nullptr || cand.range.begin >= last->speaker_range.end) &&
              compatible(gender, gender_of(cand.entity, cand.name, cand.type))) {
            cued = &cand;
          }
        }
      }
      const EntityMention* subject = nullptr;
      // A paragraph whose first reference to a person is a pronoun ("当夜他…声讨民主党，并…支持特朗普",
      // "He later praised Trump") goes on with someone named before it: its first name is no
      // subject, and the search goes one paragraph further back.
      auto pronoun_before = [&](size_t k, uint32_t until) {
        ByteRange r = paragraphs[k].range;
        std::string_view t = text.substr(r.begin, std::min(until, r.end) - r.begin);
        bool found = false;
        for (auto w = word_at_or_after(r.begin); !found && w != all_words.end() && w->r.end <= r.begin + t.size(); ++w) {
          found = w->pronoun && !Inside(w->r, quotations[k]);
        }
        if (found) return true;
        const std::vector<std::vector<size_t>> cjk_pronouns_at = CjkPronouns().Find(t);
        for (size_t j = 0; j < cjk_pronouns_at.size(); ++j) {
          for (size_t f : cjk_pronouns_at[j]) {
            ByteRange at{static_cast<uint32_t>(r.begin + f), static_cast<uint32_t>(r.begin + f + CjkPronouns().strings()[j].size())};
            if (!Inside(at, quotations[k])) return true;
          }
        }
        return false;
      };
      size_t reach = 2;  // this paragraph and the one before, or further past pronoun-led ones
      bool listed_seen = false;
      for (size_t k = pi + 1; k-- > 0 && k + reach > pi && subject == nullptr;) {
        for (auto it = first_at(paragraphs[k].range.begin); it != by_pos.end() && (*it)->range.end <= at; ++it) {
          const EntityMention& m = **it;
          if (m.range.end > paragraphs[k].range.end) break;
          if (m.type != "person" || Inside(m.range, quotations[k]) || !fits(gender, &m)) continue;
          if (text.substr(m.range.end, 3) == "的") continue;  // a possessor (邦德的女儿凯伦) is no subject
          if (after_preposition(m.range, m.type == "person")) continue;  // "Of Paddington, whom she describes …, she added"
          // A paragraph that names people only as examples ("…, Mr. Mandagi included, were his
          // students") goes on with its subject from before: search one paragraph further.
          if (listed(m.range)) {
            if (k < pi && !listed_seen) ++reach;
            listed_seen = true;
            continue;
          }
          if (k < pi && pronoun_before(k, m.range.begin)) {
            ++reach;
            break;
          }
          subject = &m;
          break;
        }
      }
      if (cued != nullptr && (subject == nullptr || subject->range.begin <= cued->range.begin)) {
        return speak(cued->name, cued->entity, cued->type, cued->range, 0.7);
      }
      if (subject == nullptr || (last != nullptr && subject->range.begin <= last->speaker_range.end)) {
        subject = last == nullptr ? subject_before(at, gender) : nullptr;
      }
      if (subject != nullptr) return speak(subject->name, subject->entity, subject->type, subject->range, 0.7);
      if (last != nullptr) return speak(last->speaker, last->speaker_entity, last->speaker_type, last->speaker_range, 0.7);
      return false;
    };
    // The person a bare title that opens the verb's sentence refers to ("Predsednik je u subotu
    // rekao da …", "The President said"): the last person the article named right after the
    // same title ("predsednik SAD Donald Tramp", "President Donald Trump"), inflection aside.
    auto titled = [&](ByteRange cue) -> const EntityMention* {
      uint32_t start = window_of(cue).begin;
      auto w = std::lower_bound(words.begin(), words.end(), start, [](const W& x, uint32_t at) { return x.r.begin < at; });
      if (w != words.end() && w->key == "the") ++w;
      if (w == words.end() || w->r.begin >= cue.begin || !IsUpperAt(text, w->r.begin)) return nullptr;
      const std::string& title = w->key;
      if (!TitleForm(title)) return nullptr;
      // No name of its own between the title and the verb.
      for (const Candidate& c : cands) {
        if (!c.pronoun && !c.noun && c.range.begin > w->r.begin && c.range.end <= cue.begin) return nullptr;
      }
      for (auto it = first_at(start); it != by_pos.begin();) {
        const EntityMention* m = *--it;
        if (m->type != "person") continue;
        // The title within the three words before the name ("U.S. President Donald Trump").
        size_t k = static_cast<size_t>(m->range.begin > 48 ? m->range.begin - 48 : 0);
        std::vector<std::string> before;
        text::ForEachWord(text.substr(k, m->range.begin - k), [&](std::string_view lower, ByteRange, bool) {
          before.push_back(text::FoldForMatch(lower));
        });
        for (size_t j = before.size(); j-- > 0 && before.size() - j <= 3;) {
          if (SameTitle(before[j], title)) return m;
        }
      }
      return nullptr;
    };
    // The one a description at `from` refers to. An organisation's noun (the airline) refers to
    // the last organisation named before it; a person's (the actor, the 34-year-old) to the last
    // person quoted by name (news goes on quoting the same person: "…," the investment banker
    // added), else the last sentence's subject.
    auto referent = [&](bool org, uint32_t from) -> const EntityMention* {
      if (org) {
        for (auto it = first_at(from); it != by_pos.begin();) {
          const EntityMention* m = *--it;
          if (from - m->range.end > 3000) break;
          if (m->type == "org" && !Inside(m->range, spans)) return m;
        }
        return nullptr;
      }
      learn();
      for (auto o = out.rbegin(); o != out.rend(); ++o) {
        if (o->speaker_range.end > from || o->speaker_type != "person" || o->speaker_entity.empty() || o->confidence < 0.8) continue;
        if (from - o->speaker_range.end > 1500) break;
        for (auto it = first_at(o->speaker_range.begin); it != by_pos.end() && (*it)->range.begin == o->speaker_range.begin; ++it) {
          if ((*it)->entity == o->speaker_entity) return *it;
        }
        break;
      }
      return subject_before(from, 0);
    };
    // Languages without articles (Serbian, Croatian, Bosnian; Albanian and Macedonian mark
    // definiteness on the noun) describe with a listed noun that is the sentence's subject right
    // before the verb, auxiliaries and adverbs aside: "Aviokompanija je saopštila da …",
    // "Glumac je nedavno otkrio …", "Aktori tregoi së fundmi …", "Актерот неодамна откри …". At
    // most two words (a conjunction, an age) stand before it in its sentence.
    auto described_unarticled = [&](ByteRange cue) -> const EntityMention* {
      static const std::unordered_set<std::string_view> kBetween = {
          "je", "su", "se", "ga", "takodje", "takodjer", "nedavno", "ranije", "vec", "isto", "tako", "kasnije",
          "potom", "zatim", "jos", "ka", "kane", "ishte", "kishte", "gjithashtu", "po", "fundmi", "e", "neodamna",
          "vekje", "pak"};
      auto w = std::lower_bound(words.begin(), words.end(), cue.begin, [](const W& x, uint32_t at) { return x.r.begin < at; });
      size_t at = static_cast<size_t>(w - words.begin());
      if (at >= words.size() || words[at].r.begin != cue.begin) return nullptr;
      auto spaced = [&](size_t a, size_t b) {
        std::string_view gap = text.substr(words[a].r.end, words[b].r.begin - words[a].r.end);
        return gap == " " || gap == "-";
      };
      size_t k = at;
      for (int n = 0; n < 3 && k > 0 && kBetween.count(words[k - 1].key) && spaced(k - 1, k); ++n) --k;
      if (k == 0 || !spaced(k - 1, k)) return nullptr;
      size_t head = k - 1;
      auto noun = description_nouns_.find(words[head].key);
      if (noun == description_nouns_.end()) return nullptr;
      size_t open = head;
      while (open > 0 && head - open < 2 && spaced(open - 1, open)) --open;
      std::string_view lead = text.substr(open == 0 ? 0 : words[open - 1].r.end,
                                          words[open].r.begin - (open == 0 ? 0 : words[open - 1].r.end));
      bool starts = open == 0 || words[open - 1].r.end <= par.range.begin || lead.find_first_of(".!?\n") != std::string_view::npos ||
                    lead.find("”") != std::string_view::npos || lead.find("“") != std::string_view::npos ||
                    lead.find('"') != std::string_view::npos;
      if (!starts) return nullptr;
      return referent(noun->second, words[open].r.begin);
    };
    // The one an English definite description next to a reporting verb refers to: "the" and at
    // most five more words, none capitalised but inside a name ("the five-time Ballon d'Or
    // winner"), right before the verb (adverbs and auxiliaries aside) or right after it. An
    // organisation's noun (the airline, the company) refers to the last organisation named
    // before it; a singular noun for a person (the actor, the 34-year-old) to the last person
    // who was a sentence's subject; plural and collective nouns (the police, the protesters) to
    // no one.
    auto described = [&](ByteRange cue) -> const EntityMention* {
      if (SerboCroatian(lang) || lang.substr(0, 2) == "sq" || lang.substr(0, 2) == "mk") return described_unarticled(cue);
      if (lang.substr(0, 2) != "en") return nullptr;
      static const std::unordered_set<std::string_view> kSkip = {"also", "now", "recently", "later", "then", "instead",
                                                                 "has", "have", "had", "will", "would", "once", "earlier",
                                                                 "previously", "further", "again", "quickly"};
      static const std::unordered_set<std::string_view> kNoOne = {
          "police", "government", "military", "army", "public", "crowd", "audience", "couple", "family", "court",
          "indictment", "statement", "report", "document", "release", "study", "poll", "survey", "filing", "complaint",
          "lawsuit", "letter", "article", "video", "post", "tweet", "book", "data", "research", "website", "notice",
          "memo", "order", "ruling", "decision", "verdict", "motion", "petition", "bill", "law", "rule", "plan"};
      // Words no description of a speaker is made of (verbs, pronouns, "to").
      static const std::unordered_set<std::string_view> kNotInDescriptions = {
          "to", "yet", "not", "be", "been", "is", "are", "was", "were", "that", "which", "who", "whom", "it", "its",
          "they", "them", "he", "she", "his", "her", "him", "also", "in", "on", "at", "as", "by", "with", "for", "a",
          "an"};
      auto w = std::lower_bound(words.begin(), words.end(), cue.begin, [](const W& x, uint32_t at) { return x.r.begin < at; });
      size_t at = static_cast<size_t>(w - words.begin());  // the cue's first word
      if (at >= words.size() || words[at].r.begin != cue.begin) return nullptr;  // no word (a Chinese verb)
      auto joined = [&](size_t a, size_t b) {  // words a and b (a before b) with only a space or hyphen between
        std::string_view gap = text.substr(words[a].r.end, words[b].r.begin - words[a].r.end);
        return gap == " " || gap == "-" || gap == "'" || gap == "’";
      };
      size_t first = SIZE_MAX, head = SIZE_MAX;
      // Before the verb.
      size_t k = at;
      while (k > 0 && kSkip.count(words[k - 1].key) && joined(k - 1, k)) --k;
      if (k > 0 && joined(k - 1, k) && !IsUpperAt(text, words[k - 1].r.begin)) {
        head = k - 1;
        for (size_t j = head + 1; j-- > 0 && head - j <= 5;) {
          if (j < head && !joined(j, j + 1)) break;
          if (words[j].key != "the") continue;
          // The description opens its sentence (after "But" or "And" at most), or follows the
          // quotation it tags ("…," the player added).
          size_t open = j;
          if (open > 0 && (words[open - 1].key == "but" || words[open - 1].key == "and") && joined(open - 1, open)) --open;
          std::string_view lead = text.substr(open == 0 ? 0 : words[open - 1].r.end,
                                              words[open].r.begin - (open == 0 ? 0 : words[open - 1].r.end));
          bool starts = open == 0 || lead.find_first_of(".!?\n") != std::string_view::npos ||
                        lead.find("”") != std::string_view::npos || lead.find('"') != std::string_view::npos ||
                        lead.find("’") != std::string_view::npos;
          if (starts) first = j;
          break;
        }
      }
      // After it (not after "told": that is the listener).
      const bool addressee = std::any_of(cues.begin(), cues.end(), [&](const Cue& c) {
        return c.range.begin == cue.begin && verbs_[c.verb].addressee;
      });
      if (first == SIZE_MAX && !addressee) {
        size_t after = at;
        while (after < words.size() && words[after].r.begin < cue.end) ++after;
        if (after + 1 < words.size() && words[after].key == "the" && words[after].r.begin - cue.end == 1) {
          size_t j = after + 1;
          while (j + 1 < words.size() && j - after < 5 && joined(j, j + 1) && !cue_at(words[j + 1].r.begin)) ++j;
          // It ends the clause.
          std::string_view next = text.substr(words[j].r.end, 1);
          if (!IsUpperAt(text, words[j].r.begin) && (next.empty() || next.find_first_of(".,;:!?") == 0)) {
            first = after;
            head = j;
          }
        }
      }
      // A description that opens the sentence ("But" or "And" aside) and then a longer phrase up
      // to the verb, with no punctuation (an age between commas aside, and the comma before a
      // participle) and no person in it: "The airline operating a flight that crashed into a
      // lagoon in Micronesia now says", "But the actor, 31, has hit out at …, saying".
      if (first == SIZE_MAX && !addressee) {
        auto s = std::lower_bound(words.begin(), words.end(), window_of(cue).begin,
                                  [](const W& x, uint32_t at) { return x.r.begin < at; });
        if (s + 1 < w && (s->key == "but" || s->key == "and")) ++s;
        size_t the = static_cast<size_t>(s - words.begin());
        // A listed organisation's noun, or a person's as below (singular, not a speaker noun).
        std::optional<bool> org;
        if (s + 1 < w && s->key == "the" && joined(the, the + 1) && !IsUpperAt(text, (s + 1)->r.begin)) {
          const std::string& key = (s + 1)->key;
          auto listed = description_nouns_.find(key);
          if (listed != description_nouns_.end()) {
            org = listed->second;
          } else if (!speaker_nouns_.Contains(key) && !kNoOne.count(key) && !kNotInDescriptions.count(key) &&
                     (!key.ends_with('s') || key.ends_with("ss"))) {
            org = false;
          }
        }
        if (org.has_value()) {
          std::string phrase(text.substr((s + 1)->r.end, cue.begin - (s + 1)->r.end));
          size_t age_end = phrase.starts_with(", ") ? phrase.find_first_not_of("0123456789", 2) : std::string::npos;
          if (age_end != std::string::npos && age_end > 2 && phrase[age_end] == ',') phrase.erase(0, age_end + 1);
          const bool participle = std::any_of(cues.begin(), cues.end(), [&](const Cue& c) {
            return c.range.begin == cue.begin && verbs_[c.verb].subject;
          });
          if (participle && phrase.ends_with(", ")) phrase.resize(phrase.size() - 2);
          bool person = std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
            return c.type == "person" && !c.pronoun && c.range.begin >= s->r.begin && c.range.end <= cue.begin;
          });
          if (!person && text::FindFirstOf(phrase, kStops) == std::string_view::npos && phrase.find_first_of("()") == std::string::npos) {
            return referent(*org, s->r.begin);
          }
        }
      }
      if (first == SIZE_MAX || head <= first) return nullptr;
      for (size_t j = first + 1; j <= head; ++j) {
        if (kNotInDescriptions.count(words[j].key)) return nullptr;
      }
      // The noun is the head's, or the one before "of" ("the notice of intent", "the head of the
      // agency").
      size_t noun_at = head;
      for (size_t j = first + 1; j < head; ++j) {
        if (words[j].key == "of") {
          noun_at = j - 1;
          break;
        }
      }
      if (noun_at <= first) return nullptr;
      const std::string& noun = words[noun_at].key;
      auto described_noun = description_nouns_.find(noun);
      const bool org = described_noun != description_nouns_.end() && described_noun->second;
      // A noun that names an unnamed speaker ("the driver", "the spokesman") is the speaker.
      if (speaker_nouns_.Contains(noun) && !org) return nullptr;
      if (IsUpperAt(text, words[head].r.begin) || kNoOne.count(noun) || (noun.size() > 3 && noun.back() == 's' && !noun.ends_with("ss"))) {
        return nullptr;
      }
      return referent(org, words[first].r.begin);
    };
    // The organisation English "it" before a reporting verb means ("It said …", "…, which it
    // says has …", adverbs aside): the last organisation quoted, within a few paragraphs, else
    // the one the article has named most often so far (at least twice).
    auto it_referent = [&](ByteRange cue) -> std::optional<Candidate> {
      if (lang.substr(0, 2) != "en") return std::nullopt;
      static const std::unordered_set<std::string_view> kAdverbs = {"also", "now", "later", "then", "previously", "earlier",
                                                                    "further", "again", "has", "had", "have", "will"};
      auto w = std::lower_bound(words.begin(), words.end(), cue.begin, [](const W& x, uint32_t at) { return x.r.begin < at; });
      while (w != words.begin() && kAdverbs.count((w - 1)->key) && (w - 1)->r.end + 1 == w->r.begin) --w;
      if (w == words.begin() || w->r.begin != (w - 1)->r.end + 1 || (w - 1)->key != "it") return std::nullopt;
      learn();
      for (auto o = out.rbegin(); o != out.rend(); ++o) {
        if (o->speaker_range.end > cue.begin || o->speaker_type != "org" || o->confidence < 0.7) continue;
        if (cue.begin - o->speaker_range.end > 3000) break;
        return Candidate{o->speaker_range, o->speaker, o->speaker_entity, o->speaker_type};
      }
      std::unordered_map<std::string_view, int> named;  // entity -> times named so far
      const EntityMention* most = nullptr;
      int times = 1;
      for (const EntityMention* m : by_pos) {
        if (m->range.end > cue.begin) break;
        if (m->type != "org" || m->entity.empty()) continue;
        if (int n = ++named[m->entity]; n >= times) {
          times = n;
          most = times >= 2 ? m : nullptr;
        }
      }
      if (most == nullptr) return std::nullopt;
      return Candidate{most->range, most->name, most->entity, most->type};
    };
    // Fills the speaker of `q` from the candidate nearest to `cue` within `window`; after a
    // participle (`subject`: "Krasniqi criticised the statement, saying …"), from the first
    // candidate before it, the subject of the clause it hangs on.
    auto attribute = [&](Quote& q, ByteRange cue, ByteRange window, double named_confidence, bool subject = false) {
      // The word that opens the verb's reported clause (that, da, se, дека): a name after it is
      // inside what was said ("i tha … se Korea e Veriut ka ndërmarrë …").
      // Folding makes Cyrillic да match da, but in Latin script the word must be the one written
      // (Albanian se "that", not së "of the").
      const Verb* verb = nullptr;
      for (const Cue& c : cues) {
        if (c.range.begin == cue.begin && c.range.end == cue.end) verb = &verbs_[c.verb];
      }
      // So is a name after such a word before quoted words that the verb follows ("tužioci
      // moraju da dokažu da je Saipov „namerno” ubio …, navodi se").
      // (An "according to" phrase there has no that-word of its own: the language's common ones
      // open the clause: "… дека Саипов „намерно“ …, согласно известувањето".)
      static const std::vector<Verb::ThatWord> kThat = {{"that", "that"}, {"da", "da"}, {"se", "se"}, {"deka", "дека"}};
      auto in_clause = [&](ByteRange r) {
        if (verb == nullptr) return false;
        // Chinese has no such word: a verb's clause follows it directly, so a name between the
        // verb and quoted words after it is inside what was said ("王立新…表示塞尔维亚和欧盟起草的
        // 文件“站不住脚”"), or the listener ("告诉记者"); 据 cites its source there instead.
        if (chinese && verb->words[0] != "据" && r.begin >= cue.end && !q.content.empty() && cue.end <= q.content.begin &&
            r.end <= q.content.begin) {
          return true;
        }
        const std::vector<Verb::ThatWord>* that = &verb->that_words;
        uint32_t from = cue.end;
        if (r.begin < cue.end) {
          if (q.content.empty() || cue.begin < q.content.end || r.end > q.content.begin) return false;
          from = window.begin;
          if (that->empty()) that = &kThat;
        }
        auto w = std::lower_bound(words.begin(), words.end(), from, [](const W& x, uint32_t at) { return x.r.begin < at; });
        for (; w != words.end() && w->r.end <= r.begin; ++w) {
          for (const Verb::ThatWord& t : *that) {
            if (w->key != t.folded) continue;
            // Before the quotation, the that-word opens the clause the name stands in: no comma
            // between ("For that effect, the officials, including Trump" is no clause).
            if (from == window.begin && text.substr(w->r.end, r.begin - w->r.end).find_first_of(",;:") != std::string_view::npos) {
              continue;
            }
            std::string_view raw = w->r.Of(text);
            bool cyrillic = static_cast<unsigned char>(raw[0]) >= 0xD0 && static_cast<unsigned char>(raw[0]) <= 0xD3;
            if (cyrillic || text::Lower(raw) == t.lower) return true;
          }
        }
        return false;
      };
      // A name that an "according to" phrase cites (prema navodima lista Politika, according to
      // the agency, sipas X) is the source of the report, not the speaker of another verb.
      auto cited = [&](ByteRange r) {
        for (const Cue& c : cues) {
          bool overlaps = c.range.begin < cue.end && cue.begin < c.range.end;  // the cue itself, or part of it
          if (verbs_[c.verb].that || overlaps || c.range.end > r.begin) continue;
          std::string_view between = text.substr(c.range.end, r.begin - c.range.end);
          if (between.find_first_of(",.;:") == std::string_view::npos && CountWords(between) <= 3) return true;
        }
        return false;
      };
      // "trener Partizana Marko Petrović": a name between a title in lower case (or opening the
      // sentence: "Direktor Kancelarije za KiM Marko Petrović") and a person's name belongs to
      // the title (the club, the company, the office); the person speaks.
      auto lower_title_at = [&](const W& w) { return !IsUpperAt(text, w.r.begin) || opens_sentence(w.r.begin); };
      auto titled_owner = [&](const Candidate& c) {
        if (c.type == "person" || c.pronoun || c.noun) return false;
        auto w = std::lower_bound(words.begin(), words.end(), c.range.begin, [](const W& x, uint32_t at) { return x.r.begin < at; });
        if (w == words.begin()) return false;
        --w;
        if (c.range.begin - w->r.end > 1 || !lower_title_at(*w)) return false;
        // Albanian links the title to it with an article ("menaxheri i City, Pep Guardiola").
        static const std::unordered_set<std::string_view> kLinks = {"i", "e", "te", "se"};
        if (kLinks.count(w->key) && w != words.begin() && w->r.begin - std::prev(w)->r.end <= 1) --w;
        if (!lower_title_at(*w) || (!titles_.Contains(w->hash, w->key) && !speaker_nouns_.Contains(w->hash, w->key))) return false;
        return std::any_of(cands.begin(), cands.end(), [&](const Candidate& p) {
          return p.type == "person" && !p.pronoun && p.range.begin >= c.range.end &&
                 (p.range.begin - c.range.end <= 1 || text.substr(c.range.end, p.range.begin - c.range.end) == ", ");
        });
      };
      // An organisation or place that qualifies a title before a person's name ("EU envoy
      // Miroslav Lajčák", "the Chinese ambassador, Li Ming"): the person is the candidate.
      auto qualifies_title = [&](const Candidate& c) {
        if (c.type == "person" || c.pronoun || c.noun) return false;
        auto w = std::lower_bound(words.begin(), words.end(), c.range.end, [](const W& x, uint32_t at) { return x.r.begin < at; });
        uint32_t end = c.range.end;
        for (int n = 0; n < 2 && w != words.end() && w->r.begin - end <= 1 && !IsUpperAt(text, w->r.begin); ++n, ++w) {
          end = w->r.end;
          if (!titles_.Contains(w->hash, w->key) && !speaker_nouns_.Contains(w->hash, w->key)) continue;
          return std::any_of(cands.begin(), cands.end(), [&](const Candidate& p) {
            return p.type == "person" && !p.pronoun && !p.noun && p.range.begin >= end &&
                   (p.range.begin - end <= 1 || text.substr(end, p.range.begin - end) == ", ");
          });
        }
        return false;
      };
      // A known place right after a speaker's noun is the noun's complement: "Stanovnici severa
      // Kosova kažu" (the residents of North Kosovo say), "zyrtarët e Serbisë". (A name no pack
      // knows that the tagger calls a place may be a person's: see below.)
      auto noun_complement = [&](const Candidate& c) {
        if (!c.place || c.entity.find("/~") != std::string::npos) return false;
        auto w = std::lower_bound(words.begin(), words.end(), c.range.begin, [](const W& x, uint32_t at) { return x.r.begin < at; });
        if (w == words.begin()) return false;
        --w;
        if ((w->key == "e" || w->key == "i" || w->key == "te") && w != words.begin()) --w;
        std::string_view gap = text.substr(w->r.end, c.range.begin - w->r.end);
        return (gap == " " || gap == " e " || gap == " i " || gap == " të ") && speaker_noun(*w);
      };
      // Whether the words between two points are auxiliaries and adverbs only, three at most.
      auto only_auxiliaries = [&](uint32_t from, uint32_t to) {
        static const std::unordered_set<std::string_view> kAux = {
            "has", "have", "had", "is", "was", "will", "would", "also", "again", "already", "always", "often", "long",
            "now", "still", "never", "once", "later", "earlier", "since",
            "je", "su", "ka", "kanë", "ishte", "је", "су", "е", "više", "puta", "još", "već", "dugo", "повеќе", "пати",
            "веќе", "уште", "долго", "време"};
        int n = 0;
        for (auto w = std::lower_bound(words.begin(), words.end(), from, [](const W& x, uint32_t at) { return x.r.begin < at; });
             w != words.end() && w->r.end <= to; ++w) {
          std::string lower = text::Lower(w->r.Of(text));
          if (++n > 3 || !(kAux.count(lower) || kPronounClitics.count(w->key) || (lower.size() > 4 && lower.ends_with("ly")))) return false;
        }
        return n > 0 && text.substr(from, to - from).find_first_of(",.;:") == std::string_view::npos;
      };
      // Serbian, Croatian and Bosnian put the perfect's auxiliary right after the subject, the
      // participle later ("Ri Yong Hu je na Generalnoj skupštini UN rekao da …", "Pompeo je
      // rekao Vijeću sigurnosti da …"): a person's name so followed, with no comma before the
      // verb, is the subject, whatever nouns stand nearer the verb; so is a place's that opens
      // the sentence, after any person so placed ("Severna Koreja je na sastanku obećala da …";
      // a place after a preposition is no subject: "U Beogradu je …").
      auto perfect_subject = [&](const Candidate& c, ByteRange window) {
        if (!serbo_croatian || c.pronoun || c.range.end >= cue.begin || (c.place && c.range.begin != window.begin)) return false;
        std::string_view after = text.substr(c.range.end, 6);
        bool clitic = after.starts_with(" je ") || after.starts_with(" su ") || after.starts_with(" је ") || after.starts_with(" су ");
        return clitic && text.substr(c.range.end, cue.begin - c.range.end).find_first_of(",;:") == std::string_view::npos;
      };
      // A verb form with a gender (rekla, izjavio; рекла) has a subject of that gender: "…,” rekla
      // je publici na mitingu podrške Donaldu Trampu" is not Trump's.
      // (Only these languages' verb forms have one.)
      char cue_gender = 0;
      if (serbo_croatian || lang.substr(0, 2) == "mk") {
        text::ForEachWord(cue.Of(text), [&](std::string_view w, ByteRange, bool) {
          if (cue_gender == 0) cue_gender = ReferentGender(w, lang);
        });
      }
      // The entities the verb before the conjunction has as its object, however often named
      // there ("lavdëroi presidentin amerikan Donald Trump dhe ku tha": the title too).
      std::vector<std::string_view> objects;
      for (const Candidate& c : cands) {
        if (!subject && !c.entity.empty() && ObjectBeforeConjunction(text, lang, c.range, cue)) objects.push_back(c.entity);
      }
      const Candidate* best = nullptr;
      uint32_t best_d = std::numeric_limits<uint32_t>::max();
      const uint32_t dateline_end = text::DatelineEnd(text, window);
      for (const Candidate& c : cands) {
        if (c.range.begin < dateline_end || c.range.end > window.end) continue;
        // Not a person's name in brackets the quotation is outside of ("ECD (Drejtore Kreative
        // Ekzekutive) në Mother komentoi: „…”"): an abbreviation's expansion or an aside. (Chinese
        // brackets a name's original spelling; the name before them speaks, see governed.)
        if (!chinese && c.type == "person" && !c.pronoun) {
          std::string_view before = text.substr(window.begin, c.range.begin - window.begin);
          size_t open = before.rfind('(');
          size_t close = text.substr(c.range.end, window.end - c.range.end).find(')');
          if (open != std::string_view::npos && before.find(')', open) == std::string_view::npos && close != std::string_view::npos) {
            ByteRange brackets{static_cast<uint32_t>(window.begin + open), static_cast<uint32_t>(c.range.end + close + 1)};
            if (!(q.content.begin >= brackets.begin && q.content.end <= brackets.end)) continue;
          }
        }
        if (cue_gender != 0 && !c.pronoun && c.type == "person") {
          char g = gender_of(c.entity, c.name, c.type);
          if (g != 0 && g != cue_gender) continue;
        }
        if (c.range.begin >= q.content.begin && c.range.end <= q.content.end) continue;
        if (cited(c.range) || titled_owner(c) || qualifies_title(c) || noun_complement(c)) continue;
        // A verb before the quoted words has its speaker before them too: a name after them
        // belongs to the rest of the sentence ("rekao je da je „narod video hrabrost“ Kavanoa").
        if (cue.end <= q.content.begin && c.range.begin >= q.content.end) continue;
        if (in_clause(c.range)) continue;
        if (subject && c.range.end > cue.begin) continue;
        // The sentence's subject is not in a Chinese clause that opens with a preposition.
        if (subject && chinese && ChineseClauseHasNoSubject(text.substr(ChineseClauseStart(text, window.begin, c.range.begin)))) continue;
        if (c.governed) continue;
        // Only right next to the verb, or with auxiliaries and adverbs between ("Moscow has
        // repeatedly stressed", "Moskva je više puta naglasila").
        if (c.place && Distance(c.range, cue) > 2 && !(c.range.end <= cue.begin && only_auxiliaries(c.range.end, cue.begin)) &&
            !perfect_subject(c, window)) {
          continue;
        }
        // Nor a known place across a comma: "… uključujući i Bliski istok, otkrio je ministar …"
        // ends a list and inverts the verb and its subject. (A new name the tagger calls a place
        // may be a person's in apposition: "Министерот …, Ри Јонг Хо, вели".)
        if (c.place && c.entity.find("/~") == std::string::npos && c.range.end <= cue.begin &&
            text.substr(c.range.end, cue.begin - c.range.end).find(',') != std::string_view::npos) {
          continue;
        }
        if (!subject && (ObjectBeforeConjunction(text, lang, c.range, cue) ||
                         std::find(objects.begin(), objects.end(), c.entity) != objects.end())) {
          continue;
        }
        // Nor a noun in an earlier clause that a contrast joins ("Flejk je rekao da je kancelarija
        // izdala saopštenje, a pre nego što se lift zatvorio, rekao je …"). (A person there may
        // be the subject of both: "Pompeo se sastao sa Riom, a potom izjavio".)
        if (c.noun && c.range.end <= cue.begin && (serbo_croatian || lang.substr(0, 2) == "mk")) {
          std::string_view between = text.substr(c.range.end, cue.begin - c.range.end);
          static constexpr std::string_view kContrasts[] = {", a ", ", ali ", ", а ", ", али ", ", но "};
          if (std::any_of(std::begin(kContrasts), std::end(kContrasts),
                          [&](std::string_view k) { return between.find(k) != std::string_view::npos; })) {
            continue;
          }
        }
        // A possessor is not the speaker: "Sainsbury's commercial director said". (Chinese text
        // keeps "Sainsbury's" as the company's name.)
        if (possessives && (text.substr(c.range.end, 2) == "'s" || text.substr(c.range.end, 4) == "’s")) continue;
        if (chinese && text.substr(c.range.end, 3) == "的") continue;  // 邦德的女儿: Bond's daughter
        // Chinese names the speaker before the verb; a name after it opens the reported words
        // (莱恩·津克近日透露，华盛顿“…”).
        uint32_t d = (subject ? c.range.begin - window.begin : Distance(c.range, cue)) + (c.pronoun ? 8 : 0) +
                     (c.place ? 12 : 0) + (c.noun ? 10 : 0) + (chinese && c.range.begin >= cue.end ? 24 : 0);
        if (perfect_subject(c, window)) d = c.place ? 1 : 0;
        if (d < best_d) {
          best_d = d;
          best = &c;
        }
      }
      // "rekao je portparol agencije Sutopo Purwo Nugroho", "tha zëdhënësi i agjencisë Sutopo
      // Purwo": a speaker noun, its complement in lower case and then a person's name, with no
      // punctuation between: the person speaks. A name of several words that no pack knows
      // counts whatever type the tagger guessed (it calls "портпаролот на агенцијата Сутопо
      // Пурво Нугрохо" a place).
      if (best != nullptr && best->noun) {
        for (const Candidate& c : cands) {
          bool unknown = c.entity.find("/~") != std::string::npos && CountWords(c.name) >= 2;
          if ((c.type != "person" && c.type != "org") || (c.place && !unknown) || c.pronoun || c.noun || c.governed ||
              c.range.begin < best->range.end) {
            continue;
          }
          if (c.range.end > window.end || in_clause(c.range) || (c.range.begin >= q.content.begin && c.range.end <= q.content.end)) continue;
          std::string_view between = text.substr(best->range.end, c.range.begin - best->range.end);
          // Or the name in apposition after a comma ("рекао је портпарол агенције, Сутопо
          // Пурво Нагрохо"): a person's name only.
          std::string_view core = between;
          while (core.ends_with(' ')) core.remove_suffix(1);
          bool apposition = core.ends_with(',');
          if (apposition) core.remove_suffix(1);
          if (text::FindFirstOf(core, kStops) != std::string_view::npos || CountWords(core) > 3 ||
              (apposition && c.type != "person" && !unknown)) {
            break;
          }
          // The complement may name an office or a country ("Ministri Rus i Energjisë Aleksandr
          // Novak", "portparol Ministarstva zdravlja Ana Marić"): then only a person speaks.
          bool lower = true;
          text::ForEachWord(between, [&](std::string_view, ByteRange w, bool) { lower = lower && !IsUpperAt(between, w.begin); });
          if (lower || c.type == "person") best = &c;
          break;
        }
      }
      // A group with a named member ("包括总理马可·彼得罗维奇在内的支持者认为": supporters, the prime
      // minister among them): the member speaks, as "supporters, including X, say" has X.
      if (best != nullptr && best->noun && chinese) {
        std::string_view before = text.substr(window.begin, best->range.begin - window.begin);
        size_t among = before.rfind("在内的");
        size_t including = among == std::string_view::npos ? among : before.substr(0, among).rfind("包括");
        if (including != std::string_view::npos && before.substr(including).find("，") != std::string_view::npos) including = std::string_view::npos;
        for (const Candidate& c : cands) {
          if (including != std::string_view::npos && c.type == "person" && !c.pronoun && !c.noun &&
              c.range.begin >= window.begin + including && c.range.end <= window.begin + among) {
            best = &c;
            break;
          }
        }
      }
      // No name: the verb's subject as written, an unnamed group or office; only for a verb
      // that a comma or colon follows (…表示，…; …说：…), the way Chinese reports speech.
      // (是这样回答的：…: "answered thus:")
      std::string_view after_cue = text.substr(cue.end, 3) == "的" ? text.substr(cue.end + 3, 3) : text.substr(cue.end, 3);
      if (best == nullptr && chinese && cue.begin > window.begin && cue.end <= q.content.begin &&
          (after_cue == "，" || after_cue == "：" || after_cue.substr(0, 1) == "," || after_cue.substr(0, 1) == ":")) {
        // A name in marks right before the verb is its subject ("“…警察局”表示，…").
        for (const Span& sp : spans) {
          if (sp.outer.end == cue.begin && sp.group < 0 && ChineseName(text, sp)) {
            q.speaker = std::string(sp.content.Of(text));
            q.speaker_entity.clear();
            q.speaker_type = "org";
            q.speaker_range = sp.content;
            q.confidence = 0.6;
            return true;
          }
        }
        ByteRange r = ChineseSubject(text, window.begin, cue.begin);
        if (r.empty() || Inside(r, spans)) return false;
        q.speaker = std::string(r.Of(text));
        q.speaker_entity.clear();
        q.speaker_type = "role";
        q.speaker_range = r;
        q.confidence = 0.5;
        return true;
      }
      // English "it" means an organisation named before; a description ("the airline said", "…,"
      // the player added, "The 34-year-old says") or a bare title someone named before: that one
      // speaks, not a noun inside it, nor a name further off.
      std::optional<Candidate> referred = it_referent(cue);
      if (!referred) {
        const EntityMention* d = described(cue);
        if (d == nullptr && (best == nullptr || best->noun)) d = titled(cue);
        if (d != nullptr && (best == nullptr || best->noun || best->place)) referred = Candidate{d->range, d->name, d->entity, d->type};
      }
      if (referred) {
        q.speaker = referred->name;
        q.speaker_entity = referred->entity;
        q.speaker_type = referred->type;
        q.speaker_range = referred->range;
        q.confidence = 0.6;
        return true;
      }
      if (best == nullptr) return false;
      // "Jan Gelfand, head of the Red Cross in Indonesia, said": a name, then an appositive set
      // off by commas right before the verb. The speaker is the name, not a word of the
      // appositive nearer the verb.
      if (!subject && best->range.end <= cue.begin) {
        std::string_view between = text.substr(best->range.end, cue.begin - best->range.end);
        size_t close = between.rfind(',');
        size_t open = best->range.begin > window.begin ? text.rfind(',', best->range.begin - 1) : std::string_view::npos;
        bool appositive = close != std::string_view::npos && between.find_first_not_of(" \t", close + 1) == std::string_view::npos &&
                          open != std::string_view::npos && open >= window.begin;
        // A person who is the whole appositive's head is the speaker ("Bond's daughter, Karen
        // Jankel, said"); one named deeper inside it is not ("X, who met Y on Monday, said").
        if (appositive && best->type == "person" && !best->noun && !best->pronoun &&
            text.substr(open + 1, best->range.begin - open - 1).find_first_not_of(" \t") == std::string_view::npos) {
          appositive = false;
        }
        for (const Candidate& c : cands) {
          if (!appositive || &c == best || c.pronoun || c.noun || c.place || c.governed || c.type != "person") continue;
          if (c.range.end > open || c.range.begin < window.begin) continue;
          if (text.substr(c.range.end, open - c.range.end).find_first_not_of(" \t") != std::string_view::npos) continue;
          best = &c;
          break;
        }
      }
      // "Professor Jay Berzofsky, of the US National Cancer Institute in Bethesda, Maryland,
      // said", "Dieter Kempf, head of the Federation of German Industries (BDI) said", "Profesor
      // Džej Berzofski iz Nacionalnog instituta … rekao je": a person who opens the clause,
      // followed by a comma, "of"/"from" or a relative pronoun, is the subject; the place or
      // organisation in what follows, nearer the verb, is not, nor a person inside a relative
      // clause ("Kit koji se oženio … Leslie Rose, priznao je"). Only capitalised words (a
      // title) may stand before the person in the clause.
      // (Albanian "i cili", "e cila": who.)
      static const std::unordered_set<std::string_view> kRelatives = {"who", "koji", "koja", "koje", "који", "која",
                                                                      "које", "që",  "кој", "cili", "cila", "cilët"};
      auto relative_between = [&](ByteRange a, ByteRange b) {
        bool found = false;
        text::ForEachWord(text.substr(a.end, b.begin - a.end), [&](std::string_view lower, ByteRange, bool) {
          found = found || kRelatives.count(lower) > 0;
        });
        return found;
      };
      auto opens_appositive = [&](ByteRange r) {
        static const std::string_view kAfter[] = {",", " of ", " from ", " iz ", " sa ", " nga ", " од ", " из "};
        for (std::string_view a : kAfter) {
          if (text.substr(r.end, a.size()) == a) return true;
        }
        if (r.end >= text.size() || text[r.end] != ' ') return false;
        size_t next_end = text.find(' ', r.end + 1);
        if (kRelatives.count(text.substr(r.end + 1, next_end == std::string_view::npos ? std::string_view::npos
                                                                                         : next_end - r.end - 1)) > 0) {
          return true;
        }
        // A title in lower case right after the name, without a comma ("Paul Mills-Hicks
        // komercijalni direktor Sainsbury'sa izjavio je"): at most one word before the title.
        auto w = std::lower_bound(words.begin(), words.end(), r.end, [](const W& x, uint32_t at) { return x.r.begin < at; });
        for (int k = 0; k < 2 && w != words.end() && !IsUpperAt(text, w->r.begin); ++k, ++w) {
          if (titles_.Contains(w->hash, w->key) || speaker_nouns_.Contains(w->hash, w->key)) return true;
        }
        return false;
      };
      if (!subject && best->range.end <= cue.begin && !best->pronoun) {
        const Candidate* head = nullptr;
        for (const Candidate& c : cands) {
          if (c.pronoun || c.noun || c.place || c.governed || c.type != "person") continue;
          if (c.range.begin < window.begin || c.range.end >= best->range.begin || !opens_appositive(c.range)) continue;
          if (best->type == "person" && !relative_between(c.range, best->range)) continue;
          if (head != nullptr && c.range.begin < head->range.begin) continue;
          size_t start = text.find_last_of(".!?\n", c.range.begin == 0 ? 0 : c.range.begin - 1);
          start = start == std::string_view::npos || c.range.begin == 0 ? 0 : start + 1;
          if (q.content.end <= c.range.begin) start = std::max<size_t>(start, q.content.end);
          int words = 0;
          bool titles = true;
          text::ForEachWord(text.substr(start, c.range.begin - start), [&](std::string_view, ByteRange r, bool) {
            ++words;
            titles = titles && IsUpperAt(text, start + r.begin);
          });
          if (words <= 2 && titles) head = &c;
        }
        if (head != nullptr) best = head;
      }
      // An unnamed speaker's noun with the name after it, set off by a comma ("tha zëdhënësi i
      // agjencisë, Sutopo Purwo Nugroho", "rekao je portparol policije, Marko Marić"): the name.
      if (best->noun) {
        for (const Candidate& c : cands) {
          if (c.type != "person" || c.pronoun || c.noun || c.governed || c.range.begin <= best->range.end ||
              c.range.end > window.end || c.range.begin - best->range.end > 80 ||
              (c.range.begin < q.content.end && c.range.end > q.content.begin)) {
            continue;
          }
          std::string_view between = text.substr(best->range.end, c.range.begin - best->range.end);
          size_t comma = between.rfind(", ");
          bool marks = between.find_first_of(".;:!?\"") != std::string_view::npos;
          for (std::string_view m : {"“", "”", "„", "«", "»"}) marks = marks || between.find(m) != std::string_view::npos;
          if (comma == std::string_view::npos || comma + 2 != between.size() || marks) continue;
          bool named_between = std::any_of(cands.begin(), cands.end(), [&](const Candidate& o) {
            return !o.noun && !o.pronoun && &o != &c && o.range.begin >= best->range.end && o.range.end <= c.range.begin && o.type == "person";
          });
          if (!named_between) best = &c;
          break;
        }
      }
      q.speaker_range = best->range;
      if (best->pronoun) {
        if (!resolve_pronoun(q, best->range.begin)) return false;
      } else {
        q.speaker = best->name;
        q.speaker_entity = best->entity;
        q.speaker_type = best->type;
        q.confidence = best->type == "role" ? named_confidence - 0.05 : named_confidence;
      }
      return true;
    };

    // Quotations in marks.
    std::vector<ByteRange> quoted_windows;
    for (const Span& s : spans) {
      Quote q;
      q.content = Trim(text, s.content);
      if (q.content.empty()) continue;
      std::string_view content = q.content.Of(text);
      ByteRange window = window_of(s.outer);
      const Cue* cue = nullptr;
      uint32_t cue_d = std::numeric_limits<uint32_t>::max();
      auto nearest_cue = [&] {
        for (const Cue& c : cues) {
          if (c.range.begin < window.begin || c.range.end > window.end) continue;
          uint32_t d = Distance(c.range, s.outer);
          if (d < cue_d) {
            cue_d = d;
            cue = &c;
          }
        }
      };
      nearest_cue();
      // A quotation that ends its sentence ("…。”", "…."") may be tagged by the next one, short
      // and with no quotation of its own ("“…。”乔尔·普拉斯科对《华盛顿邮报》说道。").
      if (cue == nullptr && window.end == s.outer.end) {
        for (ByteRange next : sentences) {
          if (next.begin < s.outer.end || next.begin > s.outer.end + 2) continue;
          bool quoted = std::any_of(spans.begin(), spans.end(), [&](const Span& o) { return o.outer.begin >= next.begin && o.outer.begin < next.end; });
          if (!quoted && next.size() <= 90) {
            window.end = next.end;
            nearest_cue();
          }
          break;
        }
      }
      bool whole_paragraph = Trim(text, {s.outer.begin, s.outer.end}).begin <= Trim(text, par.range).begin + 3 &&
                             s.outer.end + 3 >= Trim(text, par.range).end;
      bool colon_before = false;
      {
        // "Vučić remarked: “…”" - a colon right before the opening mark.
        uint32_t b = s.outer.begin;
        while (b > window.begin && (text[b - 1] == ' ')) --b;
        colon_before = b > window.begin && text[b - 1] == ':';
      }
      size_t n_words = CountWords(content);
      // A person's name right before that colon labels the words as theirs, however short
      // ("Kurti: „Sporazum je mrtav“", as headlines put it): speech, not a term.
      const bool person_labels = colon_before && std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
        return c.type == "person" && !c.pronoun && c.range.begin >= window.begin && text.substr(c.range.end, 1) == ":";
      });
      bool unreported = false;  // a partial quotation no one is reported to say
      auto earlier_pieces = pieces_of.find(s.group);
      if (chinese && s.group < 0 && ChineseName(text, s)) {
        q.kind = Kind::kTerm;
      } else if (s.group < 0 && NamedByWordBefore(words, text, window.begin, s.outer.begin)) {
        q.kind = Kind::kTerm;
      } else if (earlier_pieces != pieces_of.end() && (cue == nullptr || out[earlier_pieces->second.front()].confidence >= 0.8)) {
        // A later piece of a quotation over several paragraphs: the speaker found so far (a
        // tag on the last piece, "…" CNN reported, names the medium, not a new speaker).
        const Quote& first_piece = out[earlier_pieces->second.front()];
        CopySpeaker(first_piece, q);
        q.kind = first_piece.kind == Kind::kBlock ? Kind::kBlock : Kind::kDirect;
      } else if (cue != nullptr && s.group < 0 && !colon_before && TitleCased(content) &&
                 CountWords(text.substr(std::min(cue->range.end, s.outer.end),
                                        std::max(cue->range.begin, s.outer.begin) - std::min(cue->range.end, s.outer.end))) > 2) {
        // A title in a sentence that reports speech, away from its verb ("në emisionin
        // "Saturday Night Live", … ku tha se …"): the name of a work, not the words said.
        q.kind = Kind::kTerm;
      } else if (cue != nullptr && !verbs_[cue->verb].that && !verbs_[cue->verb].addressee && s.group < 0 && n_words <= 3 &&
                 EveryWordCapitalised(content)) {
        // A name in marks in a sentence an "according to" phrase sources ("ka vendosur “Argos”
        // në qindra dyqane, gjë e cila sipas tij …"): the phrase cites the claim, not the name.
        q.kind = Kind::kTerm;
      } else if (cue != nullptr) {
        q.cue = std::string(cue->range.Of(text));
        const Verb& v = verbs_[cue->verb];
        ByteRange w = v.addressee ? ByteRange{window.begin, cue->range.end} : window;
        // A bare "according to" (sipas, согласно) is no verb: it has no unstated subject.
        const bool source_phrase = v.words.size() == 1 && preps != nullptr && preps->count(v.words[0]) > 0;
        if (((!v.subject && !coordinated(cue->range)) || !attribute(q, cue->range, w, 0.9, true)) && !attribute(q, cue->range, w, 0.9) &&
            lang.substr(0, 2) != "en" && !source_phrase) {
          resolve_pronoun(q, cue->range.begin);  // the verb's subject is unstated
        }
        q.kind = Partial(text, s, content, chinese) ? Kind::kPartial : Kind::kDirect;
        // A tag on the last piece of a quotation over several paragraphs that names a medium
        // or an organisation ("…?” Izvještava CNN.) reports the words; whoever spoke the
        // earlier pieces spoke these.
        if (earlier_pieces != pieces_of.end() && q.speaker_type == "org" && !out[earlier_pieces->second.front()].speaker.empty()) {
          CopySpeaker(out[earlier_pieces->second.front()], q);
        }
      } else if (whole_paragraph && (pi > 0) && (prev_paragraph_colon || last_attributed != SIZE_MAX) && n_words > 3) {
        q.kind = Kind::kBlock;
        if (prev_paragraph_colon && !prev_paragraph_candidates.empty()) {
          // The speaker named in the introducing paragraph, nearest its cue (or its end).
          const Candidate* best = nullptr;
          uint32_t best_d = std::numeric_limits<uint32_t>::max();
          ByteRange anchor = prev_paragraph_cue.empty() ? ByteRange{paragraphs[pi - 1].range.end, paragraphs[pi - 1].range.end}
                                                       : prev_paragraph_cue;
          for (const Candidate& c : prev_paragraph_candidates) {
            uint32_t d = Distance(c.range, anchor) + (c.pronoun ? 8 : 0);
            if (d < best_d) {
              best_d = d;
              best = &c;
            }
          }
          if (best != nullptr && !best->pronoun) {
            q.speaker = best->name;
            q.speaker_entity = best->entity;
            q.speaker_type = best->type;
            q.speaker_range = best->range;
            q.confidence = 0.8;
          } else if (best != nullptr) {
            if (const EntityMention* p = person_before(best->range.begin)) {
              q.speaker = p->name;
              q.speaker_entity = p->entity;
              q.speaker_type = p->type;
              q.speaker_range = best->range;
              q.confidence = 0.65;
            }
          }
        } else if (const EntityMention* asked = asked_in(paragraphs[pi - 1].range)) {
          // The answer to the question the paragraph before says someone was asked ("James was
          // asked about his plans." | "“…”"): theirs.
          q.speaker = asked->name;
          q.speaker_entity = asked->entity;
          q.speaker_type = asked->type;
          q.speaker_range = asked->range;
          q.confidence = 0.65;
        } else if (last_attributed != SIZE_MAX && last_attributed_paragraph + 1 >= pi) {
          // Consecutive quotation paragraphs continue the same speaker.
          const Quote& prev = out[last_attributed];
          q.speaker = prev.speaker;
          q.speaker_entity = prev.speaker_entity;
          q.speaker_type = prev.speaker_type;
          q.speaker_range = prev.speaker_range;
          q.confidence = 0.75;
        }
      } else if ((n_words <= 3 || (!chinese && !german && TitleCased(content))) && s.group < 0 &&
                 !(colon_before && n_words >= 2 && person_labels)) {
        q.kind = Kind::kTerm;
      } else if (colon_before) {
        q.kind = Kind::kDirect;
        if (!attribute(q, {s.outer.begin, s.outer.begin}, window, 0.8)) {
          // A transcript's label: the paragraph opens with one to three capitalised words and the
          // colon ("Rogers: “…”", "Muškarac: „…“"), which name the speaker.
          uint32_t colon = s.outer.begin;
          while (colon > par.range.begin && text[colon - 1] == ' ') --colon;
          ByteRange label = Trim(text, {par.range.begin, colon > par.range.begin ? colon - 1 : colon});
          size_t n = 0;
          bool capitalised = true;
          text::ForEachWord(label.Of(text), [&](std::string_view, ByteRange r, bool) {
            ++n;
            capitalised = capitalised && IsUpperAt(text, label.begin + r.begin);
          });
          if (n >= 1 && n <= 3 && capitalised && label.Of(text).find_first_of(",.;") == std::string_view::npos) {
            q.speaker = std::string(label.Of(text));
            q.speaker_type = "person";
            q.speaker_range = label;
            q.confidence = 0.6;
          }
        }
      } else {
        q.kind = Partial(text, s, content, chinese) ? Kind::kPartial : Kind::kDirect;
        q.confidence = 0;
        // No speech verb, but a person named before it in the sentence ("US captain Jim Furyk
        // spoke after the defeat, “I'm proud of these guys”", "Theresa May accused critics of
        // “playing politics”").
        const Candidate* named = nullptr;
        bool pronoun_before = false;
        for (const Candidate& c : cands) {
          if (c.range.begin < window.begin || c.range.end > s.outer.begin) continue;
          if (c.type == "person" && !c.governed) named = &c;
          pronoun_before = pronoun_before || c.pronoun;
        }
        if (named != nullptr) {
          q.speaker = named->name;
          q.speaker_entity = named->entity;
          q.speaker_type = named->type;
          q.speaker_range = named->range;
          q.confidence = q.kind == Kind::kDirect ? 0.6 : 0.5;
        }
        // Words in marks inside a sentence that reports no speech and names no one before them
        // ("The app lets people create their own “personal online data store”") are nobody's
        // quotation: an earlier speaker is not carried into them.
        unreported = q.kind == Kind::kPartial && named == nullptr && !pronoun_before;
      }
      if (q.kind != Kind::kTerm && q.speaker.empty() && !unreported && !(cue != nullptr && impersonal(cue->range.begin)) &&
          std::find(no_one.begin(), no_one.end(), q.content.begin) == no_one.end()) {
        // The speaker named in an earlier sentence: the last speaker of this stretch of text
        // (quoted, or reporting speech: "… o pismu kaže: … | …zanimljivo.”"), else the most
        // recent person mentioned before the quotation.
        size_t last = last_attributed;
        size_t last_paragraph = last_attributed_paragraph;
        if (last_reported != SIZE_MAX && (last == SIZE_MAX || out[last_reported].content.begin > out[last].content.begin)) {
          last = last_reported;
          last_paragraph = last_reported_paragraph;
        }
        if (last != SIZE_MAX && last_paragraph + 2 >= pi) {
          const Quote& prev = out[last];
          q.speaker = prev.speaker;
          q.speaker_entity = prev.speaker_entity;
          q.speaker_type = prev.speaker_type;
          q.speaker_range = prev.speaker_range;
          q.confidence = 0.5;
        } else if (const EntityMention* p = person_before(
                       // Not the listener of "told": "A mother told Sky News: “…”".
                       cue != nullptr && verbs_[cue->verb].addressee && cue->range.end <= s.outer.begin ? cue->range.begin
                                                                                                        : s.outer.begin);
                   p != nullptr && cue != nullptr) {
          q.speaker = p->name;
          q.speaker_entity = p->entity;
          q.speaker_type = p->type;
          q.speaker_range = p->range;
          q.confidence = 0.45;
        }
      }
      if (q.kind != Kind::kTerm && q.speaker.empty()) q.confidence = 0;
      // A sentence with a quotation is not read again for indirect speech; a term does not count.
      if (q.kind != Kind::kTerm) quoted_windows.push_back(window);
      out.push_back(q);
      if (s.group >= 0) {
        // A speech tag on a later piece ("…," she added) names the speaker of the earlier ones:
        // a surer one replaces theirs, any one fills a piece without.
        std::vector<size_t>& pieces = pieces_of[s.group];
        for (size_t k : pieces) {
          if ((q.confidence >= 0.8 && out[k].confidence < q.confidence) || (out[k].speaker.empty() && !q.speaker.empty())) {
            CopySpeaker(q, out[k]);
          }
        }
        pieces.push_back(out.size() - 1);
      }
      if (!out.back().speaker.empty()) {
        last_attributed = out.size() - 1;
        last_attributed_paragraph = pi;
      }
    }

    // Whether a verb states no subject, in a language that drops it: it opens its sentence, with
    // at most an auxiliary, a conjunction or a linking adverb before it ("Rekao je da …", "No
    // dodao je da …", "Također je naglasio da …", "Tha se …").
    auto unstated = [&](ByteRange cue) {
      if (lang.substr(0, 2) == "en" || chinese) return false;
      static const std::unordered_set<std::string_view> kBefore = {
          "je", "su", "a", "i", "no", "ali", "pa", "te", "takodjer", "takodje", "medjutim", "ipak", "tada", "potom",
          "zatim", "kasnije", "isto", "tako", "jos", "dhe", "por", "gjithashtu", "megjithate", "ai", "i", "но", "и",
          "исто", "така", "меѓутоа", "isto"};
      uint32_t start = window_of(cue).begin;
      for (const W& w : words) {
        if (w.r.begin < start) continue;
        if (w.r.begin >= cue.begin) return true;
        if (!kBefore.count(w.key)) return false;
      }
      return true;
    };

    // The clause "kako je izjavio X" (Serbian, Croatian, Bosnian), "како што изјави X"
    // (Macedonian), "siç tha X" (Albanian) or "as X said" (English) around the verb at `cue`,
    // from its first word to the comma or sentence end after it; empty when the verb opens no
    // such clause.
    const bool english = lang.substr(0, 2) == "en";
    auto AsClause = [&](ByteRange cue) -> ByteRange {
      size_t wi = std::lower_bound(words.begin(), words.end(), cue.begin, [](const W& x, uint32_t at) { return x.r.begin < at; }) -
                  words.begin();
      if (wi == 0 || wi >= words.size()) return {};
      size_t k = wi;  // the clause's first word
      if (english) {
        // "as" and at most four words of the source before the verb, no punctuation between.
        while (k > 0 && wi - k < 5 && words[k - 1].key != "as") --k;
        if (k == 0 || words[k - 1].key != "as" || k == wi) return {};
        --k;
        if (text::FindFirstOf(text.substr(words[k].r.end, cue.begin - words[k].r.end), kStops) != std::string_view::npos) return {};
      } else if (serbo_croatian) {
        if (k > 0 && (words[k - 1].key == "je" || words[k - 1].key == "su")) --k;
        if (k == 0 || words[k - 1].key != "kako") return {};
        --k;
      } else if (lang.substr(0, 2) == "mk") {
        if (k < 2 || words[k - 1].key != "sto" || words[k - 2].key != "kako") return {};
        k -= 2;
      } else if (lang.substr(0, 2) == "sq") {
        if (words[k - 1].key != "sic") return {};
        --k;
      } else {
        return {};
      }
      // The clause opens its sentence, or follows a comma or "and".
      ByteRange window = window_of(cue);
      std::string_view lead = text.substr(window.begin, words[k].r.begin - window.begin);
      size_t last = lead.find_last_not_of(' ');
      static const std::unordered_set<std::string_view> kAnd = {"and", "i", "a", "dhe", "e"};
      bool joined = k > 0 && words[k - 1].r.begin >= window.begin && kAnd.count(words[k - 1].key);
      if (last != std::string_view::npos && lead[last] != ',' && !joined && CountWords(lead) > 1) return {};
      size_t end = text.find(',', cue.end);
      if (end == std::string_view::npos || end >= window.end) end = window.end;
      while (end > cue.end && std::string_view(".!?").find(text[end - 1]) != std::string_view::npos) --end;
      return {words[k].r.begin, static_cast<uint32_t>(end)};
    };

    // "Biden said he would decide by January, the Associated Press reported": a tag at
    // `tag` (its comma) after `clause` names who relays a report that has its own named
    // speaker, whose words then end at the tag. Returns whether it does so. A report whose
    // speaker the clause names by a pronoun or not at all ("He stated to investigators that he
    // felt good …, police said"; "Izjavio je … da …, saopštila je policija") is the relay's:
    // the tag's quotation, the whole clause, holds it, and the report inside is dropped.
    auto relays = [&](ByteRange clause, uint32_t tag) {
      bool relayed = false;
      std::vector<size_t> unnamed;
      for (size_t i = 0; i < out.size(); ++i) {
        Quote& inner = out[i];
        if (inner.kind != Kind::kIndirect || inner.content.begin <= clause.begin || inner.content.begin >= tag ||
            inner.content.end < tag) {
          continue;
        }
        // (A speaker before the clause, which opens the sentence, is an unstated subject's or
        // a pronoun's antecedent: the sentence does not name it.)
        const bool outside = inner.speaker_range.begin < clause.begin;
        if (inner.speaker.empty() || outside || IsPronoun(lang, text::FoldForMatch(inner.speaker_range.Of(text)))) {
          unnamed.push_back(i);
          continue;
        }
        if (inner.confidence < 0.8) continue;
        inner.content = Trim(text, {inner.content.begin, tag});
        relayed = true;
      }
      if (!relayed) superseded.insert(superseded.end(), unnamed.begin(), unnamed.end());
      return relayed;
    };

    // Speech within a quotation read already, give or take its marks, is that quotation: a
    // sentence that ends inside the marks ("毛宁说：“中塞是铁杆朋友。中方愿…”", "„… četiri.
    // Dakle, mislim da je sreća na našoj strani”, rekao je Spieth") is no report of its own.
    // (This paragraph's quotations in marks are all found by now, and they come mostly after
    // the earlier ones: each goes in near the end.)
    for (; marked_upto < out.size(); ++marked_upto) {
      const Quote& o = out[marked_upto];
      if (o.kind != Kind::kDirect && o.kind != Kind::kBlock) continue;
      marked.Insert(o.content, static_cast<uint32_t>(marked_upto));
    }
    auto within_quotation = [&](const Quote& q) {
      return marked.Contains({q.content.begin + 4, std::max<uint32_t>(q.content.end, 4) - 4});
    };

    // Indirect speech: a reporting verb with that / da / se (or, in Chinese, a clause right
    // after it) outside quotations, and "according to X".
    for (const Cue& c : cues) {
      const Verb& v = verbs_[c.verb];
      ByteRange window = window_of(c.range);
      bool quoted = false;
      for (ByteRange w : quoted_windows) quoted = quoted || (w.begin == window.begin && w.end == window.end);
      if (quoted) continue;
      Quote q;
      q.cue = std::string(c.range.Of(text));
      // Chinese cites its source between 据 and a word for reporting, in title marks or not,
      // and the report after the comma (据《卫报》报道，…; 据明镜周刊周五报道，…).
      ByteRange cited{};
      // 据 opens a clause or follows 根 or 依 (根据, 依据: according to); in 证据 or 数据 it is a
      // word's end (evidence, data).
      auto opens_clause = [&](uint32_t at) {
        if (at == 0) return true;
        size_t k = at;
        while (k > 0 && (static_cast<unsigned char>(text[k - 1]) & 0xC0) == 0x80) --k;
        if (k > 0) --k;
        std::string_view prev = text.substr(k, at - k);
        for (std::string_view b : {"，", "。", "；", "：", "！", "？", "、", "“", "”", "\n", " ", "根", "依", "而", "但"}) {
          if (prev == b) return true;
        }
        return false;
      };
      if (chinese && q.cue == "据" && !opens_clause(c.range.begin)) continue;
      if (chinese && q.cue == "据") {
        size_t end = std::string_view::npos;
        for (std::string_view r : {"报道", "消息", "透露", "表示", "介绍", "显示", "统计", "所述", "称", "说"}) {
          size_t at = text.find(r, c.range.end);
          if (at != std::string_view::npos && at < c.range.end + 90 && at < end) end = at;
        }
        size_t comma = end == std::string_view::npos ? end : text.find("，", end);
        std::string_view between = end == std::string_view::npos ? std::string_view() : text.substr(c.range.end, end - c.range.end);
        if (end != std::string_view::npos && end > c.range.end && comma != std::string_view::npos && comma < window.end &&
            between.find("，") == std::string_view::npos && between.find("。") == std::string_view::npos &&
            between.find(',') == std::string_view::npos) {
          // Title marks aside, and the time words after the name (据明镜周刊周五报道).
          uint32_t b = c.range.end, e = static_cast<uint32_t>(end);
          if (text.substr(b, 3) == "《") b += 3;
          if (size_t close = text.substr(b, e - b).find("》"); close != std::string_view::npos) e = static_cast<uint32_t>(b + close);
          // "The figures of" or "the account of" the source: the source (航空安全网的数据, 官方的说法).
          // "In the report of" the source likewise (警方发言人王立新的报告中所述).
          if (text.substr(b, e - b).ends_with("中")) e -= 3;
          for (std::string_view tail : {"的数据", "的统计", "的消息", "的报道", "的报告", "的声明", "的", ""}) {
            if (text.substr(b, e - b).ends_with(tail)) {
              e -= static_cast<uint32_t>(tail.size());
              break;
            }
          }
          cited = ChineseSubject(text, b, e);
          // A longer source is still one when it holds a name (市警察局发言人王立新).
          for (const Candidate& cand : cands) {
            if (cited.empty() && (cand.type == "person" || cand.type == "org") && !cand.pronoun && !cand.noun &&
                cand.range.begin >= b && cand.range.end <= e) {
              cited = {b, e};
            }
          }
          if (!cited.empty()) q.content = Trim(text, {static_cast<uint32_t>(comma + 3), window.end});
        }
      }
      if (chinese && q.cue == "据" && cited.empty()) {
        // 据 right before a word for reporting is hearsay (据称, 据悉, 据传, 据报道: reportedly).
        std::string_view next = text.substr(c.range.end, 6);
        for (std::string_view h : {"称", "说", "悉", "传", "报道", "了解"}) {
          if (next.starts_with(h)) next = {};
        }
        // Otherwise the source is no name or speaker's noun we can tell (根据法院的文件，…;
        // 根据经验判断，…): what follows the comma is reported, by no one we can name.
        size_t comma = text.find("，", c.range.end);
        if (!next.empty() && comma != std::string_view::npos && comma + 3 < window.end) {
          q.content = Trim(text, {static_cast<uint32_t>(comma + 3), window.end});
          q.kind = Kind::kIndirect;
          q.confidence = 0;
          out.push_back(q);
        }
        continue;
      }
      if (!cited.empty()) {
        // A name the article knows inside the source speaks as itself.
        const Candidate* known = nullptr;
        for (const Candidate& cand : cands) {
          if (!cand.pronoun && !cand.noun && cand.range.begin >= cited.begin && cand.range.end <= cited.end) known = &cand;
        }
        q.speaker = known ? known->name : std::string(cited.Of(text));
        q.speaker_entity = known ? known->entity : "";
        q.speaker_type = known ? known->type : "org";
        q.speaker_range = known ? known->range : cited;
        q.confidence = 0.7;
        q.kind = Kind::kIndirect;
        if (!q.content.empty()) out.push_back(q);
        continue;
      }
      if (!v.that) {
        // "according to X, ...": the source follows the cue, which no verb whose object is the
        // listener or the thing named has ("a province called Macedonia").
        if (v.addressee) continue;
        // "according to him", "sipas saj", "според неа", "prema njegovim riječima": the person
        // the pronoun refers to (the cue may hold the pronoun itself).
        Candidate pronoun_source;
        auto pronoun = std::find_if(words.begin(), words.end(), [&](const W& w) {
          return w.r.begin >= c.range.begin && w.r.end <= c.range.end && PossessiveGender(w.key) != 0;
        });
        if (pronoun == words.end()) {
          pronoun = std::find_if(words.begin(), words.end(), [&](const W& w) { return w.r.begin >= c.range.end; });
          // Not "according to her lawyer": a possessive, whose noun is the source.
          bool oblique = pronoun != words.end() && pronoun->r.begin - c.range.end <= 1 && kObliquePronouns.count(pronoun->key) &&
                         (pronoun->key != "her" ||
                          (pronoun->r.end < text.size() && std::string_view(",.;:)").find(text[pronoun->r.end]) != std::string_view::npos));
          if (!oblique) pronoun = words.end();
        }
        const Candidate* src = nullptr;
        if (pronoun != words.end()) {
          pronoun_source = {pronoun->r, "", "", "", true};
          src = &pronoun_source;
        }
        for (const Candidate& cand : cands) {
          if (src == nullptr && !cand.pronoun && cand.range.begin >= c.range.end && cand.range.begin - c.range.end <= 3) src = &cand;
        }
        // A lower-case word may come first, then a speaker noun: outside English an adjective
        // ("prema informacijama katalonskih vlasti"); in English an article, and perhaps an
        // adjective after it ("according to the spokesman", "according to a local official").
        for (const Candidate& cand : cands) {
          if (src != nullptr || !cand.noun || cand.range.begin <= c.range.end) continue;
          std::string_view between = text.substr(c.range.end, cand.range.begin - c.range.end);
          if (text::FindFirstOf(between, kStops) != std::string_view::npos || !StartsLower(between)) continue;
          std::vector<std::string> lead;
          text::ForEachWord(between, [&](std::string_view w, ByteRange, bool) { lead.push_back(text::FoldForMatch(w)); });
          bool article = !lead.empty() && (lead[0] == "the" || lead[0] == "a" || lead[0] == "an");
          if (english ? article && lead.size() <= 2 : lead.size() == 1) src = &cand;
        }
        // Albanian cites its source in the ablative, "-së" on a feminine noun ("sipas policisë",
        // "sipas qeverisë"), a form no speaker noun takes as a subject.
        Candidate ablative;
        if (src == nullptr && lang.substr(0, 2) == "sq") {
          auto w = std::find_if(words.begin(), words.end(), [&](const W& x) { return x.r.begin >= c.range.end; });
          if (w != words.end() && w->r.begin == c.range.end + 1 && w->key.size() > 5 && std::string_view(w->key).ends_with("se") &&
              speaker_noun_stems_.Contains(std::string_view(w->key).substr(0, w->key.size() - 2))) {
            ablative = {w->r, std::string(w->r.Of(text)), "", "role", false, false, true};
            src = &ablative;
          }
        }
        if (src == nullptr) continue;
        // In English, a name before a lower-case word qualifies it: the two are the source when
        // that is a speaker noun ("Indonesian officials"), else neither is ("Indonesian
        // regulations").
        Candidate source = *src;
        auto next = std::find_if(words.begin(), words.end(), [&](const W& w) { return w.r.begin >= src->range.end; });
        // (A speaker noun before a preposition is the source by itself: "according to police in Avon".)
        const bool governs = src->noun && next != words.end() && doc_preps != prepositions_.end() && doc_preps->second.count(next->key) > 0;
        if (!src->pronoun && !governs && lang.substr(0, 2) == "en" && next != words.end() && next->r.begin == src->range.end + 1 && text[src->range.end] == ' ' &&
            StartsLower(next->r.Of(text))) {
          auto noun = std::find_if(cands.begin(), cands.end(), [&](const Candidate& n) { return n.noun && n.range.begin == next->r.begin; });
          if (noun == cands.end()) continue;
          source.range.end = noun->range.end;
          source.name = std::string(source.range.Of(text));
          source.entity.clear();
          source.type = "role";
        }
        // A person named right after the source, with no punctuation between, is whom it means
        // ("according to the company's CEO John Bruce"); so is an organisation named right after
        // a noun ("po podacima agencije Nielsen").
        for (const Candidate& cand : cands) {
          if (source.pronoun) break;
          if (cand.pronoun || cand.noun || cand.place || cand.range.begin <= source.range.end) continue;
          std::string_view between = text.substr(source.range.end, cand.range.begin - source.range.end);
          bool named = cand.type == "person" || (cand.type == "org" && source.noun && between == " ");
          if (!named) continue;
          if (text::FindFirstOf(between, kStops) == std::string_view::npos && CountWords(between) <= 3) {
            source.name = cand.name;
            source.entity = cand.entity;
            source.type = cand.type;
            source.range = cand.range;
          }
          break;
        }
        // What was said stands before the phrase ("…, according to police") or, when at most a
        // conjunction does ("And according to the official, …"), after it; when the phrase
        // stands between commas inside the sentence ("The idea, according to its founder, is
        // …"), what was said is the predicate after it.
        ByteRange before{window.begin, c.range.begin};
        ByteRange after{std::max(source.range.end, c.range.end), window.end};
        std::string_view head = before.Of(text);
        size_t last = head.find_last_not_of(' ');
        bool interposed = last != std::string_view::npos && head[last] == ',' && text.substr(source.range.end, 1) == "," &&
                          Trim(text, before).Of(text).find(',') == std::string_view::npos && CountWords(after.Of(text)) >= 2;
        ByteRange content = CountWords(before.Of(text)) >= 2 && !interposed ? before : after;
        // What the source's phrase still holds up to its comma, a preposition's or an Albanian
        // article's complement, is the source's, not what was said: "Prema navodima policije u
        // Njuportu, lopovi su …", "Sipas policisë së Avon, …", "According to police in Avon, …".
        if (content.begin == after.begin && content.end == after.end) {
          std::string_view a = after.Of(text);
          size_t comma = a.find(',');
          std::string first;
          text::ForEachWord(a.substr(0, comma == std::string_view::npos ? 0 : comma), [&](std::string_view w, ByteRange, bool) {
            if (first.empty()) first = text::FoldForMatch(w);
          });
          static const std::unordered_set<std::string_view> kArticles = {"se", "te", "e", "i"};
          bool complement = !first.empty() && (kArticles.count(first) > 0 || (doc_preps != prepositions_.end() && doc_preps->second.count(first) > 0));
          if (complement && CountWords(a.substr(0, comma)) <= 5 && text::FindFirstOf(a.substr(0, comma), kStops) == std::string_view::npos &&
              CountWords(a.substr(comma + 1)) >= 2) {
            content.begin = after.begin + static_cast<uint32_t>(comma) + 1;
          }
        }
        // "Bajden je rekao da …, prenosi Asošijeted pres": the source relays a named speaker.
        if (content.begin == before.begin && content.end == before.end && last != std::string_view::npos && head[last] == ',' &&
            relays(before, static_cast<uint32_t>(before.begin + last))) {
          continue;
        }
        q.content = Trim(text, content);
        q.speaker_range = source.range;
        if (source.pronoun) {
          if (!resolve_pronoun(q, source.range.begin)) q.confidence = 0;
        } else {
          q.speaker = source.name;
          q.speaker_entity = source.entity;
          q.speaker_type = source.type;
          q.confidence = 0.8;
        }
      } else if (ByteRange as = AsClause(c.range); !as.empty()) {
        // "Kako je izjavio ministar, pregovori će se nastaviti", "…, as the minister said": the
        // clause names the source, and what was said is the rest of the sentence: after the
        // clause when it opens the sentence or stands inside it, else before it.
        ByteRange before{window.begin, as.begin};
        ByteRange after{as.end, window.end};
        bool opens = CountWords(before.Of(text)) <= 1;
        bool closes = CountWords(after.Of(text)) == 0;
        q.content = Trim(text, opens || !closes ? after : before);
        if (CountWords(q.content.Of(text)) < 2) continue;
        ByteRange source = english ? ByteRange{as.begin, c.range.begin} : ByteRange{c.range.end, as.end};
        if (!attribute(q, c.range, source, 0.85)) {
          q.confidence = 0;
          // A clause that names no one inside the sentence ("On je zahvalio Kini na, kako je
          // naveo, principijelnom stavu": as he put it) is its subject's: a person or a pronoun
          // opening the sentence.
          const Candidate* subject = nullptr;
          for (const Candidate& cand : cands) {
            if (cand.range.begin >= window.begin && cand.range.end <= as.begin && (subject == nullptr || cand.range.begin < subject->range.begin)) {
              subject = &cand;
            }
          }
          if (!opens && CountWords(source.Of(text)) == 0 && subject != nullptr && (subject->pronoun || subject->type == "person") &&
              CountWords(text.substr(window.begin, subject->range.begin - window.begin)) == 0) {
            attribute(q, c.range, subject->range, 0.7);
          }
        }
      } else {
        uint32_t clause = c.range.end;
        uint32_t clause_start = 0;  // set when the clause begins at a word, not after a that-word
        if (!v.that_words.empty()) {
          // The that-word within the next four words (rekao je da, said on Monday that), or
          // within eight with no punctuation on the way (izjavio je na konferenciji za novinare
          // da, му кажа на судскиот комитет на сенатот дека), unless another reporting verb
          // comes first: in "…, he said, adding that …" the that-word is adding's, and said's
          // words are the clause before it.
          bool found = false;
          int seen = 0;
          uint32_t last_end = c.range.end;
          for (const W& w : words) {
            if (w.r.begin < c.range.end) continue;
            bool stop = text::FindFirstOf(text.substr(last_end, w.r.begin - last_end), kStops) != std::string_view::npos;
            last_end = w.r.end;
            if (++seen > 4 && (seen > 8 || stop)) break;
            if (w.r.begin >= window.end) break;
            if (cue_at(w.r.begin)) break;
            if (std::any_of(v.that_words.begin(), v.that_words.end(), [&](const Verb::ThatWord& t) { return t.folded == w.key; })) {
              clause = w.r.end;
              found = true;
              break;
            }
          }
          // A colon right after the verb opens the words said, in marks or not ("o pismu kaže:
          // Teško je …").
          size_t after = c.range.end;
          while (after < window.end && text[after] == ' ') ++after;
          if (!found && after < window.end && (text[after] == ':' || text.substr(after, 3) == "：")) {
            // From the first word, or from the mark before it ("noted: “Belt and Road” projects …").
            uint32_t open = static_cast<uint32_t>(after + (text[after] == ':' ? 1 : 3));
            while (open < window.end && text[open] == ' ') ++open;
            for (const W& w : words) {
              if (w.r.begin > after && w.r.begin < window.end) {
                clause_start = std::min(w.r.begin, open);
                found = true;
                break;
              }
            }
          }
          if (!found) {
            // English often drops "that": "Kurti said the talks had failed", "told reporters the
            // injury happened" (after "told", its listener first). What follows the verb is the
            // reported clause unless it cannot start one (a preposition, a time, "nothing").
            static const std::unordered_set<std::string_view> kNotClauseStarts = {
                "on", "in", "at", "to", "of", "for", "by", "with", "about", "after", "before", "during", "last",
                "yesterday", "today", "tonight", "earlier", "later", "recently", "previously", "also", "then", "so",
                "nothing", "something", "anything", "goodbye", "hello", "yes", "no", "thanks", "sorry", "and", "but",
                "or", "as", "while", "when", "if", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday", "not", "more", "much", "repeatedly", "publicly", "privately", "again", "only",
                "from", "into", "over", "under", "up", "out", "off", "down", "what", "how", "why", "where"};
            static const std::unordered_set<std::string_view> kListeners = {
                "reporters", "journalists", "media", "press", "him", "her", "them", "us", "me", "lawmakers", "the",
                "a", "an", "parliament", "congress", "supporters", "crowd", "audience", "newspaper", "broadcaster"};
            size_t k = 0;
            while (k < words.size() && words[k].r.begin < c.range.end) ++k;
            bool adjacent = k < words.size() && words[k].r.begin - c.range.end <= 1;
            if (v.addressee) {
              size_t skipped = 0;
              while (k < words.size() && skipped < 4 && words[k].r.begin < window.end &&
                     (kListeners.count(words[k].key) || IsUpperAt(text, words[k].r.begin))) {
                ++k;
                ++skipped;
              }
              adjacent = adjacent && skipped > 0;
            }
            // A time phrase between the verb (or its listener) and the clause ("told the UN on
            // Saturday sanctions were …", "said last week the talks had failed").
            static const std::unordered_set<std::string_view> kDays = {
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year", "night"};
            static const std::unordered_set<std::string_view> kWhen = {"yesterday", "today", "tonight", "earlier", "later"};
            if (k + 1 < words.size() && (words[k].key == "on" || words[k].key == "last") && kDays.count(words[k + 1].key) &&
                text.substr(words[k + 1].r.end, 1) != ",") {
              k += 2;
            } else if (k < words.size() && kWhen.count(words[k].key) && text.substr(words[k].r.end, 1) != ",") {
              k += 1;
            }
            const W* next = k < words.size() ? &words[k] : nullptr;
            // Another reporting verb ("told reporters, adding that …") opens its own clause.
            bool next_cue = next != nullptr && cue_at(next->r.begin);
            bool clause = lang.substr(0, 2) == "en" && next != nullptr && adjacent && !next_cue && next->r.begin < window.end &&
                          !kNotClauseStarts.count(next->key) && CountWords(text.substr(next->r.begin, window.end - next->r.begin)) >= 3;
            if (clause) {
              clause_start = next->r.begin;
            } else {
              // "CLAUSE, the agency said (on Sunday)." / "…, rekao je Vučić.": the speech tag
              // follows a comma late in the sentence; the clause is what comes before it. Not so
              // for a participle ("…, adding a range of brands"): its clause is its own subject's.
              if (v.subject) continue;
              std::string_view head = text.substr(window.begin, c.range.begin - window.begin);
              size_t comma = head.rfind(',');
              if (comma == std::string_view::npos) continue;
              ByteRange tag{static_cast<uint32_t>(window.begin + comma), window.end};
              if (CountWords(text.substr(tag.begin, c.range.begin - tag.begin)) > 7) continue;
              // A relative clause is no tag: "…, žene koja ga je optužila" (the woman who accused him).
              static const std::unordered_set<std::string_view> kRelatives = {
                  "who",  "which", "whom",  "whose", "koji",  "koja",  "koje", "kojeg", "kojega", "kojem", "kojemu", "kojim",
                  "kojima", "kojoj", "kojih", "ciji", "cija", "cije", "koj", "koe", "koi", "cili", "cila", "cilet", "cilat"};
              if (std::any_of(words.begin(), words.end(), [&](const W& w) {
                    return w.r.begin > tag.begin && w.r.end <= c.range.begin && kRelatives.count(w.key) > 0;
                  })) {
                continue;
              }
              ByteRange clause_range{window.begin, tag.begin};
              bool interposed = false;
              if (CountWords(clause_range.Of(text)) < 4) {
                // A tag set between commas early in the sentence ("Churches, he added, could be
                // replaced …", "Crkve, dodao je, bi mogle …"): what was said runs on after it.
                size_t close = text.find(',', c.range.end);
                if (close == std::string_view::npos || close >= window.end || CountWords(text.substr(c.range.end, close - c.range.end)) > 3) {
                  continue;
                }
                clause_range = {static_cast<uint32_t>(close + 1), window.end};
                tag.end = static_cast<uint32_t>(close);
                interposed = true;
                if (CountWords(clause_range.Of(text)) < 4) continue;
              }
              if (relays(clause_range, tag.begin)) continue;
              q.content = Trim(text, clause_range);
              // A tag whose subject stands before its verb ("…, a federal grand jury indicted
              // Saipov", "…, velika porota optužila je Saipova") has no speaker after the verb:
              // a name there is its object. Auxiliaries, "as" and "according to what" (kako je
              // rekao, prema onome što je izjavio) are no subject.
              static const std::unordered_set<std::string_view> kTagFunctionWords = {
                  "as", "has", "had", "have", "was", "is", "will", "would", "also", "later", "then", "what", "according",
                  "je", "su", "se", "kako", "kao", "sto", "sta", "takodje", "kasnije", "prema", "onome", "ono",
                  "ka", "u", "e", "dhe", "sic", "sipas", "asaj", "qe"};
              auto from = std::upper_bound(words.begin(), words.end(), tag.begin, [](uint32_t at, const W& x) { return at < x.r.begin; });
              bool subject_first = std::any_of(from, words.end(), [&](const W& w) {
                return w.r.end <= c.range.begin && !kTagFunctionWords.count(w.key);
              });
              if (!attribute(q, c.range, {tag.begin, v.addressee ? c.range.end : tag.end}, 0.8, subject_first) &&
                  !(interposed && resolve_pronoun(q, c.range.begin))) {
                q.confidence = 0;
              }
              q.kind = Kind::kIndirect;
              if (!within_quotation(q)) out.push_back(q);
              continue;
            }
          }
        }
        if (clause_start != 0) clause = clause_start;
        q.content = Trim(text, {clause, window.end});
        if (CountWords(q.content.Of(text)) < 2) continue;
        // A Chinese verb before 的 modifies the noun after it (宣布的计划: the plan announced),
        // and one before 了 takes a noun as its object (表示了抗议: expressed protest): neither
        // reports what was said.
        if (chinese && (text.substr(q.content.begin, 3) == "的" || text.substr(q.content.begin, 3) == "了")) continue;
        // The speaker is the subject before the verb (else the nearest one).
        bool subject = (verbs_[c.verb].subject || coordinated(c.range)) && attribute(q, c.range, {window.begin, c.range.end}, 0.85, true);
        if (!subject && !attribute(q, c.range, {window.begin, c.range.end}, 0.85) &&
            (v.addressee || !attribute(q, c.range, window, 0.7)) && !(unstated(c.range) && resolve_pronoun(q, c.range.begin))) {
          // Reported speech whose speaker is not a known name ("Sainsbury's said it would ..."):
          // kept, with no speaker rather than a guess.
          q.confidence = 0;
        }
      }
      q.kind = Kind::kIndirect;
      if (q.content.empty()) continue;
      if (within_quotation(q)) continue;
      out.push_back(q);
      if (!q.speaker.empty() && q.confidence >= 0.8) {
        last_reported = out.size() - 1;
        last_reported_paragraph = pi;
      }
    }

    prev_paragraph_candidates = cands;
    std::string_view trimmed = Trim(text, par.range).Of(text);
    prev_paragraph_colon = !ptext.empty() && (ptext.find_last_not_of(" \n\t") != std::string_view::npos) &&
                           (ptext[ptext.find_last_not_of(" \n\t")] == ':' || (trimmed.size() >= 3 && trimmed.substr(trimmed.size() - 3) == "："));
    prev_paragraph_cue = cues.empty() ? ByteRange{} : cues.back().range;
  }
  // A headline or a transcript's line that gives a person's name, a colon and what they said
  // ("Vučić: Srbija nikada neće priznati Kosovo", "Kurti: Serbia must recognise Kosovo",
  // "王毅：中方支持塞尔维亚"): indirect speech of that person, where no quotation was found in it.
  // The name may follow a title ("Predsednik Vučić:"), but only a person's name counts: topics
  // and places open headlines the same way ("Brexit: what happens next", "Kosovo: tensions rise").
  // (Lines of an interview's transcript are read so too: "Kurti: Mendoj se …".)
  static constexpr std::string_view kHeadMarks[] = {"“", "„", "«", "»", "，", "。"};
  for (const Paragraph& par : paragraphs) {
    const ByteRange line = Trim(text, par.range);
    if (line.empty() || line.size() > 400 || par.blockquote) continue;
    const std::string_view ltext = line.Of(text);
    if (ltext.find('\n') != std::string_view::npos) continue;
    size_t colon = ltext.find(':'), colon_len = 1;
    if (size_t wide = ltext.find("："); wide != std::string_view::npos && wide < colon) {
      colon = wide;
      colon_len = 3;
    }
    if (colon == std::string_view::npos || colon == 0) continue;
    const auto name_end = static_cast<uint32_t>(line.begin + colon);
    const ByteRange said = Trim(text, {static_cast<uint32_t>(name_end + colon_len), line.end});
    // Words, not a figure: "Vučić: 48,2 odsto" is a poll's line.
    if (said.size() < 6 || (text[said.begin] >= '0' && text[said.begin] <= '9')) continue;
    // The person whose name ends at the colon, with at most three words (a title) before it,
    // or before what they spoke about or to whom ("Vučić o Kini:", "Dačić za RTS:", "Kurti për
    // Serbinë:", "Wang Yi on Kosovo:"; not where: "Vučić u Pekingu: potpisano 20 sporazuma").
    auto ends_the_name = [&](const EntityMention& m) {
      if (m.range.end == name_end) return true;
      if (m.range.end > name_end) return false;
      const std::string_view tail = text.substr(m.range.end, name_end - m.range.end);
      if (!tail.starts_with(' ') || tail.find_first_of(".!?\",;()") != std::string_view::npos ||
          std::count(tail.begin(), tail.end(), ' ') > 4) {
        return false;
      }
      // (Keys are folded: Cyrillic о and за are o and za, Albanian për is per.)
      static const std::unordered_set<std::string_view> kAbout = {"o", "za", "about", "on", "to", "per", "mbi"};
      auto w = word_at_or_after(m.range.end);
      return w != all_words.end() && w->r.begin == m.range.end + 1 && kAbout.count(w->key);
    };
    const EntityMention* who = nullptr;
    for (auto it = first_at(line.begin); it != by_pos.end() && (*it)->range.begin < name_end && who == nullptr; ++it) {
      if ((*it)->type == "person" && ends_the_name(**it)) who = *it;
    }
    if (who == nullptr) continue;
    const std::string_view head = text.substr(line.begin, who->range.begin - line.begin);
    // (find, not find_first_of, for the marks of more than one byte: "言" holds a byte of “.)
    if (std::count(head.begin(), head.end(), ' ') > 3 || head.find_first_of(".!?\",;") != std::string_view::npos ||
        std::any_of(std::begin(kHeadMarks), std::end(kHeadMarks), [&](std::string_view m) { return head.find(m) != std::string_view::npos; })) {
      continue;
    }
    // What stands before the name is its title ("Predsednik Vučić:", "Serbian Foreign Minister
    // Đurić:"), ending in a title word in any case form, or a role phrase the entity layer found
    // ("Predsednik Srbije Vučić:", "外交部发言人毛宁："); not a phrase ("Talks with Vučić: …").
    if (!head.empty()) {
      bool role = false;
      for (auto it = first_at(line.begin); it != by_pos.end() && (*it)->range.begin == line.begin; ++it) {
        const std::string_view gap = text.substr((*it)->range.end, who->range.begin - std::min((*it)->range.end, who->range.begin));
        role = role || (((*it)->type == "role" || (*it)->via == "role") && (*it)->range.end <= who->range.begin && (gap.empty() || gap == " "));
      }
      auto last = word_at_or_after(who->range.begin);
      bool title = last != all_words.begin() && (--last)->r.begin >= line.begin &&
                   (titles_.Contains(last->hash, last->key) || TitleForm(last->key));
      if (!role && !title) continue;
    }
    // And only a person the packs know: a headline that opens with a name no pack lists is as
    // often about that person as by them ("Jane Roe: the village school turns one hundred"),
    // and the tagger's guesses at one capitalised word make more (a magazine's section title).
    if (who->entity.find("/~") != std::string::npos) continue;
    bool quoted = false;
    for (const Quote& q : out) quoted = quoted || (q.content.begin < line.end && line.begin < q.content.end);
    if (quoted) continue;
    Quote q;
    q.content = said;
    q.kind = Kind::kIndirect;
    q.speaker = who->name;
    q.speaker_entity = who->entity;
    q.speaker_type = "person";
    q.speaker_range = who->range;
    q.confidence = 0.6;
    out.push_back(std::move(q));
  }
  // A new name made of a title and its qualifiers only ("…, says Foreign Minister", a
  // headline's) is no one's name but a role: the person the article names right after the
  // same words ("Foreign minister Walid al-Moualem said …"), the nearest such before or after.
  // (With no speaker, the capitalised words after the verb to the sentence's end are read so.)
  // The words right before each person's mention, up to 64 bytes back, when a space alone
  // parts them from the name, filed under the last of them: built on first need, so that a
  // title asks only the people named right after its last word (a long text names thousands).
  std::vector<std::vector<std::string>> words_before(by_pos.size());
  HashTable64<std::vector<uint32_t>> people_after;  // Hash64 of the last word before -> by_pos indices
  bool people_after_built = false;
  auto build_people_after = [&] {
    people_after_built = true;
    for (uint32_t k = 0; k < by_pos.size(); ++k) {
      const EntityMention* m = by_pos[k];
      if (m->type != "person") continue;
      size_t from = m->range.begin > 64 ? m->range.begin - 64 : 0;
      std::string_view gap = "x";
      text::ForEachWord(text.substr(from, m->range.begin - from), [&](std::string_view lower, ByteRange r, bool) {
        words_before[k].push_back(text::FoldForMatch(lower));
        gap = text.substr(from + r.end, m->range.begin - from - r.end);
      });
      if (gap == " " && !words_before[k].empty()) people_after[Hash64(words_before[k].back())].push_back(k);
    }
  };
  for (Quote& q : out) {
    ByteRange words_of_role = q.speaker_range;
    if (q.speaker.empty() && !q.cue.empty()) {
      size_t at = text.find(q.cue, q.content.end);
      std::string_view between = at == std::string_view::npos ? "" : text.substr(q.content.end, at - q.content.end);
      if (at == std::string_view::npos || between.find_first_of("!?\n") != std::string_view::npos ||
          between.find(". ") != std::string_view::npos) {
        continue;
      }
      size_t end = std::min(text.find_first_of(".!?\n", at), text.size());
      words_of_role = Trim(text, {static_cast<uint32_t>(at + q.cue.size()), static_cast<uint32_t>(end)});
    } else if (q.speaker_entity.find("/~") == std::string::npos || q.speaker_type == "person") {
      continue;
    }
    std::vector<std::string> role;
    bool capitalised = true;
    text::ForEachWord(words_of_role.Of(text), [&](std::string_view lower, ByteRange r, bool) {
      role.push_back(text::FoldForMatch(lower));
      capitalised = capitalised && IsUpperAt(text, words_of_role.begin + r.begin);
    });
    // English puts the title last ("Foreign Minister"); Serbian, Albanian and Macedonian put it
    // first and qualify it after, in any case ("kaže ministar inostranih poslova", "thotë
    // Ministri i Jashtëm", "рече министерот за надворешни работи").
    if (role.empty()) continue;
    bool title_last = role.size() <= 3 && capitalised && titles_.Contains(role.back());
    bool title_first = role.size() <= 4 && (titles_.Contains(role.front()) || TitleForm(role.front()));
    if (!title_last && !title_first) continue;
    if (!people_after_built) build_people_after();
    const EntityMention* holder = nullptr;
    uint32_t best = std::numeric_limits<uint32_t>::max();
    const std::vector<uint32_t>* after = people_after.Find(Hash64(role.back()));
    for (size_t c = 0; after != nullptr && c < after->size(); ++c) {
      const EntityMention* m = by_pos[(*after)[c]];
      const std::vector<std::string>& before = words_before[(*after)[c]];
      if (Distance(m->range, words_of_role) >= best || before.size() < role.size() ||
          !std::equal(role.begin(), role.end(), before.end() - role.size())) {
        continue;
      }
      holder = m;
      best = Distance(m->range, words_of_role);
    }
    if (holder == nullptr) continue;
    q.speaker = holder->name;
    q.speaker_entity = holder->entity;
    q.speaker_type = "person";
    if (q.speaker_range.empty()) {
      q.speaker_range = words_of_role;
      q.confidence = 0.7;
    }
  }
  if (!superseded.empty()) {
    std::vector<char> gone(out.size(), 0);
    for (size_t i : superseded) gone[i] = 1;
    size_t n = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      if (gone[i]) continue;
      if (n != i) out[n] = std::move(out[i]);  // (never onto itself, which would empty its strings)
      ++n;
    }
    out.resize(n);
  }
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.content.begin < b.content.begin; });
  // Chinese reports speech without a word for "that", so each reporting verb of a sentence (据
  // … 报道, 称, 表示) reads the rest of it as what was said: indirect quotations that overlap and
  // end together are one, and the surer reading stays. (Other languages open reported speech
  // with that / da / se, so there overlapping ones are speech inside speech: "says one man is
  // missing, after earlier saying all 47 … had evacuated".)
  std::vector<bool> drop(out.size(), false);
  for (size_t i = 0; i < out.size() && lang.substr(0, 2) == "zh"; ++i) {
    if (out[i].kind != Kind::kIndirect || drop[i]) continue;
    for (size_t j = i + 1; j < out.size() && out[j].content.begin < out[i].content.end; ++j) {
      if (out[j].kind != Kind::kIndirect || drop[j] || out[j].content.end != out[i].content.end) continue;
      size_t loser = out[j].confidence > out[i].confidence ? i : j;
      drop[loser] = true;
    }
  }
  std::vector<Quote> kept;
  for (size_t i = 0; i < out.size(); ++i) {
    if (drop[i]) continue;
    // Words reported from a sentence's start leave its dateline out ("BELGRADE, Sept 10
    // (Reuters) - Serbia and China signed …, officials said": what they said begins at Serbia).
    if (uint32_t d = text::DatelineEnd(text, out[i].content); d > out[i].content.begin && d < out[i].content.end) {
      out[i].content.begin = d;
    }
    kept.push_back(std::move(out[i]));
  }
  EchoSpeakers(text, kept);
  NameRoleSpeakers(text, mentions, kept);
  return kept;
}

void QuoteFinder::NameRoleSpeakers(std::string_view text, const std::vector<EntityMention>& mentions, std::vector<Quote>& quotes) {
  // A speaker named only by an office's noun as written ("内政部长宣称…", "the interior
  // minister said") is the one person the article names right after the same words elsewhere
  // ("内政部长马可·彼得罗维奇周一表示", "the interior minister, Jane Roe, …"): the headline's
  // unnamed official is the lede's named one. Two different people so named decide nothing.
  std::vector<const EntityMention*> people;
  for (const EntityMention& m : mentions) {
    if (m.type == "person") people.push_back(&m);
  }
  std::sort(people.begin(), people.end(), [](const EntityMention* a, const EntityMention* b) { return a->range.begin < b->range.begin; });
  // The one person named right after `role` wherever else (not at `here`) the article writes
  // it; null for none or several (`several` says which).
  auto person_after = [&](std::string_view role, size_t here, bool& several) -> const EntityMention* {
    const EntityMention* person = nullptr;
    several = false;
    for (size_t at = text.find(role); at != std::string_view::npos && !several; at = text.find(role, at + 1)) {
      if (at == here) continue;
      uint32_t end = static_cast<uint32_t>(at + role.size());
      // Right after the words, or after a space or a comma and a space.
      auto p = std::lower_bound(people.begin(), people.end(), end,
                                [](const EntityMention* m, uint32_t from) { return m->range.begin < from; });
      if (p == people.end()) continue;
      std::string_view gap = text.substr(end, (*p)->range.begin - end);
      if (!gap.empty() && gap != " " && gap != ", ") continue;
      if (person != nullptr && person->entity != (*p)->entity) several = true;
      person = *p;
    }
    return several ? nullptr : person;
  };
  std::unordered_map<std::string, const EntityMention*> named;  // by the role's words and what precedes them
  for (Quote& q : quotes) {
    if (q.speaker_type != "role" || !q.speaker_entity.empty() || q.speaker_range.empty() || q.speaker.size() < 4) continue;
    // Chinese writes the office before its head's noun (塞尔维亚内政部长: Serbia's interior minister):
    // up to four characters before the noun say which, the most that the article also writes
    // before a name deciding (not 部长 alone, which heads every ministry).
    std::vector<uint32_t> starts{q.speaker_range.begin};
    for (size_t i = q.speaker_range.begin; starts.size() <= 4 && i >= 3;) {
      size_t k = i - 3;
      char32_t c = text::DecodeUtf8(text, k);
      if (k != i || text::ClassOf(c) != text::CharClass::kUnspaced) break;
      i -= 3;
      starts.push_back(static_cast<uint32_t>(i));
    }
    // Other languages write what qualifies the office after its noun ("ministar inostranih
    // poslova", "Ministri i Jashtëm", "министерот за надворешни работи"): up to three words
    // that follow it on its line (not what it said), the most that the article also writes
    // before a name deciding.
    std::vector<uint32_t> ends{q.speaker_range.end};
    for (uint32_t at = q.speaker_range.end; ends.size() <= 3 && at < text.size() && text[at] == ' ';) {
      uint32_t e = at + 1;
      while (e < text.size() && static_cast<unsigned char>(text[e]) > ' ' && !std::ispunct(static_cast<unsigned char>(text[e]))) ++e;
      if (e == at + 1 || (q.content.begin >= q.speaker_range.end && e > q.content.begin)) break;
      ends.push_back(e);
      at = e;
    }
    auto it = named.find(std::string(text.substr(starts.back(), ends.back() - starts.back())));
    if (it == named.end()) {
      const EntityMention* person = nullptr;
      bool several = false;
      for (auto from = starts.rbegin(); from != starts.rend() && person == nullptr && !several; ++from) {
        for (auto to = ends.rbegin(); to != ends.rend() && person == nullptr && !several; ++to) {
          if (*from != q.speaker_range.begin && *to != q.speaker_range.end) continue;
          person = person_after(text.substr(*from, *to - *from), *from, several);
        }
      }
      it = named.emplace(std::string(text.substr(starts.back(), ends.back() - starts.back())), person).first;
    }
    if (it->second == nullptr) continue;
    q.speaker = it->second->name;
    q.speaker_entity = it->second->entity;
    q.speaker_type = "person";
    q.confidence = std::min(q.confidence, 0.6);
  }
}

// A quotation's words folded for comparison, one space between spaced ones; `spaced` counts them.
std::string QuoteFinder::EchoKey(std::string_view words, int& spaced) {
  std::string key;
  spaced = 0;
  text::ForEachWord(words, [&](std::string_view lower, ByteRange, bool unspaced) {
    if (!key.empty() && !unspaced) key += ' ';
    key += text::FoldForMatch(lower);
    spaced += unspaced ? 0 : 1;
  });
  return key;
}

void QuoteFinder::EchoSpeakers(std::string_view text, std::vector<Quote>& quotes) {
  // A quotation with no speaker whose words another one of the article gives with a speaker is
  // that speaker's: a headline's quoted line that the lede attributes, a pull quote, a quotation
  // repeated further down. At least three words, not all capitalised (or eight characters of
  // unspaced script), must repeat, and at least half of the other quotation, so that a name or
  // a phrase one speaker uses decides nothing. The speaker's name stands by the other
  // quotation: this one keeps no speaker range.
  // (A long text has thousands of quotations: each one without a speaker asks only those whose
  // key holds the rarest of its key's words, from an index built on first need.)
  std::vector<std::string> padded(quotes.size());  // " key ", computed on first need
  auto padded_key = [&](size_t i) -> const std::string& {
    int spaced = 0;
    if (padded[i].empty()) padded[i] = " " + EchoKey(quotes[i].content.Of(text), spaced) + " ";
    return padded[i];
  };
  // The words of a key: the spans between its spaces.
  auto for_each_word = [](std::string_view key, auto&& f) {
    for (size_t b = 0; b < key.size();) {
      size_t e = std::min(key.find(' ', b), key.size());
      if (e > b) f(key.substr(b, e - b));
      b = e + 1;
    }
  };
  // A news article has a few dozen quotations: asking each of them costs less than the index.
  const bool use_index = quotes.size() >= 64;
  HashTable64<std::vector<uint32_t>> having;  // word -> the quotations whose keys have it, in order
  bool indexed = false;
  std::vector<uint32_t> every;  // without the index: every quotation, in order
  if (!use_index) {
    for (uint32_t j = 0; j < quotes.size(); ++j) every.push_back(j);
  }
  for (size_t i = 0; i < quotes.size(); ++i) {
    Quote& q = quotes[i];
    if (q.kind == Kind::kTerm || !q.speaker.empty()) continue;
    int spaced = 0;
    const std::string key = EchoKey(q.content.Of(text), spaced);
    bool lowercase = false;  // a word of three letters or more in lower case: not a name
    text::ForEachWord(q.content.Of(text), [&](std::string_view lower, ByteRange r, bool unspaced) {
      lowercase = lowercase || (!unspaced && lower.size() >= 3 && !IsUpperAt(text, q.content.begin + r.begin));
    });
    if (spaced == 0 ? q.content.size() < 24 : spaced < 3 || !lowercase) continue;
    const std::vector<uint32_t>* rarest = &every;
    if (use_index) {
      if (!indexed) {
        indexed = true;
        for (uint32_t j = 0; j < quotes.size(); ++j) {
          if (quotes[j].kind == Kind::kTerm) continue;
          for_each_word(padded_key(j), [&](std::string_view w) {
            std::vector<uint32_t>& list = having[Hash64(w)];
            if (list.empty() || list.back() != j) list.push_back(j);
          });
        }
      }
      // Another quotation's key holds this one's words in a row only if it has each of them.
      rarest = nullptr;
      for_each_word(key, [&](std::string_view w) {
        const std::vector<uint32_t>* list = having.Find(Hash64(w));
        if (rarest == nullptr || (list != nullptr && list->size() < rarest->size())) rarest = list;
      });
      if (rarest == nullptr) continue;
    }
    const std::string needle = " " + key + " ";
    const Quote* source = nullptr;
    for (size_t c = 0; c < rarest->size() && source == nullptr; ++c) {
      const size_t j = (*rarest)[c];
      const Quote& other = quotes[j];
      if (j == i || other.speaker.empty() || other.kind == Kind::kTerm || other.content.size() > 2 * q.content.size()) continue;
      if (padded_key(j).find(needle) != std::string::npos) source = &other;
    }
    if (source == nullptr) continue;
    q.speaker = source->speaker;
    q.speaker_entity = source->speaker_entity;
    q.speaker_type = source->speaker_type;
    q.speaker_range = {};
    q.confidence = std::min(source->confidence, 0.6);
  }
}

}  // namespace parallax::quotes
