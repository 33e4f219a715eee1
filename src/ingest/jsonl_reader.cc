#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "ingest/reader.h"

namespace parallax::ingest {
namespace {

// Copies a string field; a present field of the wrong type is an error naming it.
Status TakeString(const nlohmann::json& j, const char* key, std::string& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return Status::InvalidInput(fmt::format("field '{}' must be a string, not {}", key, it->type_name()),
                                Where{.field = key});
  }
  out = it->get<std::string>();
  return Status::Ok();
}

}  // namespace

Result<Article> ParseJsonRecord(std::string_view line) try {
  nlohmann::json j = nlohmann::json::parse(line);
  if (!j.is_object()) return Status::InvalidInput(fmt::format("record is a JSON {}, not an object", j.type_name()));
  Article a;
  auto text = j.find("text");
  if (text == j.end() || text->is_null()) return Status::InvalidInput("no text", Where{.field = "text"});
  if (!text->is_string()) {
    return Status::InvalidInput(fmt::format("field 'text' must be a string, not {}", text->type_name()),
                                Where{.field = "text"});
  }
  a.text = text->get<std::string>();
  std::string published, id;
  for (auto [key, out] : {std::pair{"url", &a.url}, {"title", &a.title}, {"title_en", &a.title_en},
                          {"outlet", &a.outlet}, {"lang", &a.lang}, {"author", &a.author},
                          {"published", &published}, {"id", &id}}) {
    PLX_RETURN_IF_ERROR(TakeString(j, key, *out));
  }
  if (!published.empty()) {
    Result<Date> d = ParseDate(published);
    if (!d.ok()) return Status::InvalidInput(d.status().message(), Where{.field = "published"});
    a.published = d->ToIso();
    a.day = d->Day();
  }
  a.paragraphs = SplitParagraphs(a.text, true);
  if (a.paragraphs.empty()) return Status::InvalidInput("text is empty", Where{.field = "text"});
  nlohmann::json extra = nlohmann::json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    static constexpr std::string_view kKnown[] = {"text", "url", "title", "title_en", "outlet",
                                                  "lang", "author", "published"};
    if (std::find(std::begin(kKnown), std::end(kKnown), it.key()) == std::end(kKnown)) {
      extra[it.key()] = it.value();
    }
  }
  if (!extra.empty()) a.extra_json = extra.dump();
  a.format = "jsonl";
  return a;
} catch (const nlohmann::json::exception& e) {
  return Status::InvalidInput(fmt::format("invalid JSON: {}", e.what()));
}

Result<Article> ParseText(std::string_view bytes) {
  Article a;
  std::string_view rest = bytes;
  // Header lines ("Title: ...") up to the first blank line, when the first line is one.
  auto header_key = [](std::string_view line) -> std::string {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 12) return "";
    std::string key(line.substr(0, colon));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::string_view kKeys[] = {"title", "date", "outlet", "url", "lang", "author", "title_en"};
    for (std::string_view k : kKeys) {
      if (key == k) return key;
    }
    return "";
  };
  size_t first_nl = rest.find('\n');
  std::string_view first = rest.substr(0, first_nl);
  std::string header_offset_error;
  if (!header_key(first).empty()) {
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") == std::string_view::npos) break;
      std::string key = header_key(line);
      if (key.empty()) return Status::InvalidInput(fmt::format("unknown header line '{}'", line.substr(0, 60)));
      std::string value(line.substr(line.find(':') + 1));
      value.erase(0, value.find_first_not_of(" \t"));
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
      if (key == "title") a.title = value;
      else if (key == "title_en") a.title_en = value;
      else if (key == "outlet") a.outlet = value;
      else if (key == "url") a.url = value;
      else if (key == "lang") a.lang = value;
      else if (key == "author") a.author = value;
      else if (key == "date") {
        Result<Date> d = ParseDate(value);
        if (!d.ok()) return Status::InvalidInput(d.status().message(), Where{.field = "Date"});
        a.published = d->ToIso();
        a.day = d->Day();
      }
    }
  }
  a.text = std::string(rest);
  // Trim trailing white space so identical bodies hash alike.
  while (!a.text.empty() && std::isspace(static_cast<unsigned char>(a.text.back()))) a.text.pop_back();
  a.paragraphs = SplitParagraphs(a.text, OneParagraphPerLine(a.text));
  if (a.paragraphs.empty()) return Status::InvalidInput("no text after the header lines");
  a.format = "text";
  return a;
}

}  // namespace parallax::ingest
