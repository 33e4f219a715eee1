#include <cstring>

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/date.h"
#include "ingest/reader.h"
#include "text/utf8.h"

namespace parallax::ingest {
namespace {

std::string_view Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string Prefix(const xmlNode* n) {
  return n->ns && n->ns->prefix ? reinterpret_cast<const char*>(n->ns->prefix) : "";
}

// Takes a string libxml2 allocated. A feed recovered from broken XML can carry bytes that are
// not UTF-8 even though libxml2 promises UTF-8; they are replaced.
std::string Take(xmlChar* c) {
  if (c == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return text::IsValidUtf8(s) ? s : text::RepairUtf8(s);
}

// An element's text, trimmed.
std::string Content(const xmlNode* n) {
  std::string s = Take(xmlNodeGetContent(n));
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string Prop(const xmlNode* n, const char* name) { return Take(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name))); }

// The fields of an RSS <item> or an Atom <entry>; `body` is its content or description (HTML).
FeedItem ReadItem(const xmlNode* item, bool atom, std::string& body) {
  FeedItem f;
  std::string content, description, guid;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(c);
    std::string prefix = Prefix(c);
    if (name == "title" && prefix.empty()) f.title = Content(c);
    else if (name == "link" && prefix.empty()) {
      if (atom) {
        std::string rel = Prop(c, "rel");
        if (rel.empty() || rel == "alternate") f.url = Prop(c, "href");
      } else {
        f.url = Content(c);
      }
    } else if (name == "guid") guid = Content(c);
    else if (name == "encoded" && prefix == "content") content = Content(c);
    else if (name == "content" && atom) content = Content(c);
    else if (name == "description" || (name == "summary" && atom)) description = Content(c);
    else if ((name == "pubDate" || name == "published" || (name == "date" && prefix == "dc")) && f.date.empty()) f.date = Content(c);
    else if (name == "updated" && f.date.empty()) f.date = Content(c);
    else if (name == "creator" || name == "author") {
      if (atom) {
        for (const xmlNode* k = c->children; k; k = k->next) {
          if (k->type == XML_ELEMENT_NODE && Name(k) == "name") f.author = Content(k);
        }
      } else {
        f.author = Content(c);
      }
    }
  }
  if (f.url.empty() && guid.rfind("http", 0) == 0) f.url = guid;
  body = !content.empty() ? content : description;
  return f;
}

// Builds one article from an RSS <item> or an Atom <entry>.
Result<Article> ItemToArticle(const xmlNode* item, bool atom) {
  std::string body;
  FeedItem f = ReadItem(item, atom, body);
  Article a;
  a.url = std::move(f.url);
  a.title = std::move(f.title);
  a.author = std::move(f.author);
  if (body.empty()) return Status::InvalidInput("feed item has no content or description");
  // Item bodies are HTML fragments; plain text survives the HTML reader unchanged.
  Result<Article> parsed = ParseHtml("<html><body>" + body + "</body></html>", "utf-8");
  if (!parsed.ok()) return Status::InvalidInput("feed item has no text");
  a.text = std::move(parsed->text);
  a.paragraphs = std::move(parsed->paragraphs);
  if (!f.date.empty()) {
    Result<Date> d = ParseDate(f.date);
    if (!d.ok()) return Status::InvalidInput(d.status().message(), Where{.field = "pubDate"});
    a.published = d->ToIso();
    a.day = d->Day();
  }
  a.format = "rss";
  return a;
}

}  // namespace

void ParseFeed(std::string_view bytes, const Where& where, const RecordFn& emit) {
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), where.source.c_str(), nullptr, options);
  std::string error;
  if (doc == nullptr) {
    const xmlError* e = xmlGetLastError();
    error = e && e->message ? fmt::format("malformed feed: {} (line {})", e->message, e->line)
                            : std::string("malformed feed");
    while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
    error.erase(std::remove(error.begin(), error.end(), '\n'), error.end());
    // Salvage the items that parse, and quarantine the document's broken remainder once.
    doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), where.source.c_str(), nullptr,
                        options | XML_PARSE_RECOVER);
  }
  int64_t record = 0;
  if (doc != nullptr) {
    const xmlNode* root = xmlDocGetRootElement(doc);
    bool atom = root && Name(root) == "feed";
    const xmlNode* container = root;
    if (root && Name(root) == "rss") {
      container = nullptr;
      for (const xmlNode* c = root->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && Name(c) == "channel") container = c;
      }
    }
    if (root == nullptr || (!atom && Name(root) != "rss" && Name(root) != "RDF")) {
      if (error.empty()) error = "not an RSS or Atom feed";
      container = nullptr;
    }
    for (const xmlNode* c = container ? container->children : nullptr; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (!(Name(c) == (atom ? "entry" : "item"))) continue;
      ++record;
      std::string body;
      Record r{ItemToArticle(c, atom), Where{.source = where.source, .record = record}, {}};
      r.item = ReadItem(c, atom, body);
      xmlBuffer* buf = xmlBufferCreate();
      xmlNodeDump(buf, doc, const_cast<xmlNode*>(c), 0, 0);
      r.raw = std::string_view(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<size_t>(xmlBufferLength(buf)));
      emit(r);
      xmlBufferFree(buf);
    }
    xmlFreeDoc(doc);
  }
  if (!error.empty()) {
    Record r{Status::InvalidInput(error), Where{.source = where.source, .record = record + 1}, bytes};
    emit(r);
  }
}

}  // namespace parallax::ingest
