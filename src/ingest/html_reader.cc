#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include <fmt/format.h>
#include <gumbo.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "base/strings.h"
#include "ingest/charset.h"
#include "ingest/reader.h"

namespace parallax::ingest {
namespace {

// Gumbo's parse time grows with the square of the nesting depth (100,000 nested <div>s take
// 20 s), and no real page nests more than a few hundred elements deep. Pages nested deeper than
// this are rejected before parsing.
constexpr int kMaxHtmlDepth = 4096;

// Elements that have no end tag or whose end tag pages routinely leave out; they do not count
// towards the estimated depth.
bool IsUnclosedElement(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area", "base", "br",    "col",   "embed", "hr",    "img",   "input",    "link",  "meta",  "param",
      "source", "track", "wbr", "p",   "li",    "dt",    "dd",    "tr",       "td",    "th",    "option",
      "optgroup", "colgroup", "tbody", "thead", "tfoot", "html", "head", "body", "rb", "rp", "rt", "rtc", "!doctype"};
  for (std::string_view n : kNames) {
    if (n == name) return true;
  }
  return false;
}

// An upper estimate of how deep the elements of `html` nest, from its tags alone: start tags
// minus end tags, skipping comments, self-closed and unclosed elements and the raw text of
// <script> and <style>. Stops counting past `limit`.
int EstimatedDepth(std::string_view html, int limit) {
  int depth = 0, max_depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos && max_depth <= limit) {
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    size_t name_begin = j;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!')) ++j;
    if (j == name_begin) {
      ++i;  // a '<' that starts no tag
      continue;
    }
    std::string name(html.substr(name_begin, j - name_begin));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t end = html.find('>', j);
    if (end == std::string_view::npos) break;
    bool self_closed = html[end - 1] == '/';
    i = end + 1;
    if (IsUnclosedElement(name) || self_closed) continue;
    if (closing) {
      depth = std::max(depth - 1, 0);
      continue;
    }
    max_depth = std::max(max_depth, ++depth);
    if (name == "script" || name == "style") {
      size_t close = html.find("</" + name, i);  // a lower-case end tag is the common case
      i = close == std::string_view::npos ? html.size() : close;
    }
  }
  return max_depth;
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

void AppendText(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    out += n->v.text.text;
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) AppendText(static_cast<const GumboNode*>(kids.data[i]), out);
}

// Class and id words that mark boilerplate around an article.
bool IsBoilerplateName(const GumboNode* n) {
  for (const char* attr : {"class", "id", "role"}) {
    const char* v = Attr(n, attr);
    if (v == nullptr) continue;
    std::string s = AsciiLower(v);
    for (const char* word : {"comment", "share", "related", "sidebar", "navigation", "navbar", "menu",
                             "footer", "cookie", "newsletter", "advert", "banner", "social", "breadcrumb",
                             "promo", "subscribe"}) {
      if (s.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_MENU:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_PRE: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BR:
    case GUMBO_TAG_HR: case GUMBO_TAG_BODY: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

// `s` with each run of white space one space, none at the ends.
std::string Collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Walks the body, emitting a paragraph at each block boundary. Depth is bounded so hostile,
// deeply nested documents cannot exhaust the stack (gumbo itself caps nesting too).
class BodyWalker {
 public:
  explicit BodyWalker(std::string_view skip_heading) : skip_heading_(skip_heading) {}

  void Walk(const GumboNode* n, int depth, bool in_quote) {
    if (depth > 400) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      current_ += n->v.text.text;
      return;
    }
    if (n->type == GUMBO_NODE_WHITESPACE) {
      current_ += ' ';
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = n->v.element.tag;
    if (IsSkipped(tag) || IsBoilerplateName(n)) return;
    bool block = IsBlock(tag);
    bool quote = in_quote || tag == GUMBO_TAG_BLOCKQUOTE;
    if (block) Flush(in_quote);
    if (tag == GUMBO_TAG_H1 && !skip_heading_.empty()) {
      std::string h;
      AppendText(n, h);
      if (Collapse(h) == Collapse(std::string(skip_heading_))) return;  // the title again
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) Walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1, quote);
    if (block) Flush(quote);
  }

  void Flush(bool quote) {
    builder_.Add(current_, quote);
    current_.clear();
  }
  TextBuilder& builder() { return builder_; }

 private:
  std::string_view skip_heading_;
  std::string current_;
  TextBuilder builder_;
};

struct Meta {
  std::string og_title, title, h1, published, canonical, og_url, lang, author, description;
  std::vector<std::string> jsonld;
  std::string time_datetime;
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

void Collect(const GumboNode* n, Meta& m, int depth) {
  if (n->type != GUMBO_NODE_ELEMENT || depth > 400) return;
  GumboTag tag = n->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_HTML:
      if (const char* l = Attr(n, "lang")) m.lang = l;
      break;
    case GUMBO_TAG_TITLE:
      if (m.title.empty()) AppendText(n, m.title);
      break;
    case GUMBO_TAG_H1:
      if (m.h1.empty()) AppendText(n, m.h1);
      break;
    case GUMBO_TAG_META: {
      const char* key = Attr(n, "property");
      if (key == nullptr) key = Attr(n, "name");
      if (key == nullptr) key = Attr(n, "itemprop");
      const char* content = Attr(n, "content");
      if (key != nullptr && content != nullptr) {
        std::string k = AsciiLower(key);
        if (k == "og:title" && m.og_title.empty()) m.og_title = content;
        else if ((k == "article:published_time" || k == "datepublished" || k == "pubdate" ||
                  k == "publishdate" || k == "date" || k == "dc.date" || k == "og:published_time") &&
                 m.published.empty()) m.published = content;
        else if (k == "og:url" && m.og_url.empty()) m.og_url = content;
        else if ((k == "author" || k == "article:author") && m.author.empty()) m.author = content;
      }
      break;
    }
    case GUMBO_TAG_LINK: {
      const char* rel = Attr(n, "rel");
      const char* href = Attr(n, "href");
      if (rel != nullptr && href != nullptr && AsciiLower(rel) == "canonical" && m.canonical.empty()) m.canonical = href;
      break;
    }
    case GUMBO_TAG_SCRIPT: {
      const char* type = Attr(n, "type");
      if (type != nullptr && AsciiLower(type) == "application/ld+json") {
        std::string s;
        AppendText(n, s);
        m.jsonld.push_back(std::move(s));
      }
      return;
    }
    case GUMBO_TAG_TIME:
      if (const char* dt = Attr(n, "datetime"); dt != nullptr && m.time_datetime.empty()) m.time_datetime = dt;
      break;
    case GUMBO_TAG_ARTICLE:
      if (m.article == nullptr) m.article = n;
      break;
    case GUMBO_TAG_MAIN:
      if (m.main == nullptr) m.main = n;
      break;
    case GUMBO_TAG_BODY:
      m.body = n;
      break;
    default:
      break;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) Collect(static_cast<const GumboNode*>(kids.data[i]), m, depth + 1);
}

// Finds datePublished / headline in JSON-LD (objects, arrays and @graph).
void FromJsonLd(const nlohmann::json& j, std::string& date, std::string& headline, int depth = 0) {
  if (depth > 20) return;
  if (j.is_array()) {
    for (const auto& e : j) FromJsonLd(e, date, headline, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (auto it = j.find("datePublished"); it != j.end() && it->is_string() && date.empty()) date = it->get<std::string>();
  if (auto it = j.find("headline"); it != j.end() && it->is_string() && headline.empty()) headline = it->get<std::string>();
  if (auto it = j.find("@graph"); it != j.end()) FromJsonLd(*it, date, headline, depth + 1);
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  std::string out = s.substr(b, e - b + 1);
  std::string collapsed;
  for (char c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed += c;
  }
  return collapsed;
}

}  // namespace

Result<Article> ParseHtml(std::string_view bytes, std::string_view declared_charset) {
  std::string declared(declared_charset);
  if (declared.empty()) declared = SniffHtmlCharset(bytes);
  PLX_ASSIGN_OR_RETURN(Decoded d, ToUtf8(bytes, declared));
  if (EstimatedDepth(d.utf8, kMaxHtmlDepth) > kMaxHtmlDepth) {
    return Status::ResourceExhausted(fmt::format("HTML nested more than {} elements deep", kMaxHtmlDepth));
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&options, d.utf8.data(), d.utf8.size());
  if (out == nullptr) return Status::InvalidInput("HTML could not be parsed");
  Meta m;
  Collect(out->root, m, 0);
  std::string ld_date, ld_headline;
  for (const std::string& s : m.jsonld) {
    nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
    if (!j.is_discarded()) FromJsonLd(j, ld_date, ld_headline);
  }
  Article a;
  // A page's <title> often wraps the headline in the site's name ("Headline | Outlet"): the h1
  // it holds is the headline then (the headline is analysed, and the outlet is no entity of
  // it), unless that h1 is the shorter part, the site's own name over its logo.
  std::string page_title = Collapse(m.title), h1 = Collapse(m.h1);
  if (!h1.empty() && h1.size() * 2 >= page_title.size() && page_title.find(h1) != std::string::npos) page_title = h1;
  a.title = Trim(!m.og_title.empty() ? m.og_title : !ld_headline.empty() ? ld_headline : !page_title.empty() ? page_title : h1);
  a.url = Trim(!m.canonical.empty() ? m.canonical : m.og_url);
  a.lang = Trim(m.lang);
  a.author = Trim(m.author);
  std::string date = Trim(!m.published.empty() ? m.published : !ld_date.empty() ? ld_date : m.time_datetime);
  const GumboNode* root = m.article ? m.article : m.main ? m.main : m.body ? m.body : out->root;
  BodyWalker walker(a.title);
  walker.Walk(root, 0, false);
  walker.Flush(false);
  walker.builder().MoveInto(a);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  if (!date.empty()) {
    Result<Date> pd = ParseDate(date);
    if (!pd.ok()) return Status::InvalidInput(pd.status().message(), Where{.field = "published"});
    a.published = pd->ToIso();
    a.day = pd->Day();
  }
  if (a.paragraphs.empty()) return Status::InvalidInput("no article text found in the HTML");
  a.format = "html";
  if (d.charset != "UTF-8") {
    a.extra_json = nlohmann::json{{"charset", d.charset}, {"charset_detected", d.detected}}.dump();
  }
  return a;
}

}  // namespace parallax::ingest
