#include <cctype>

#include "ingest/reader.h"

namespace parallax::ingest {

void TextBuilder::Add(std::string_view paragraph, bool blockquote) {
  std::string collapsed;
  collapsed.reserve(paragraph.size());
  bool space = false;
  for (char c : paragraph) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  // U+00A0 no-break spaces at the ends are trimmed too.
  while (collapsed.size() >= 2 && collapsed.compare(collapsed.size() - 2, 2, "\xC2\xA0") == 0) collapsed.resize(collapsed.size() - 2);
  while (collapsed.size() >= 2 && collapsed.compare(0, 2, "\xC2\xA0") == 0) collapsed.erase(0, 2);
  if (collapsed.empty()) return;
  if (!text_.empty()) text_ += "\n\n";
  uint32_t begin = static_cast<uint32_t>(text_.size());
  text_ += collapsed;
  paragraphs_.push_back({{begin, static_cast<uint32_t>(text_.size())}, blockquote});
}

void TextBuilder::MoveInto(Article& a) {
  a.text = std::move(text_);
  a.paragraphs = std::move(paragraphs_);
  text_.clear();
  paragraphs_.clear();
}

std::vector<Paragraph> SplitParagraphs(std::string_view text, bool single_newline) {
  std::vector<Paragraph> out;
  size_t i = 0;
  while (i < text.size()) {
    // Skip white space between paragraphs.
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    size_t start = i;
    size_t end = i;
    while (i < text.size()) {
      size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos) {
        end = text.size();
        i = text.size();
        break;
      }
      // A paragraph ends at a newline followed by a blank line (or any newline when single).
      size_t j = nl + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (single_newline || j >= text.size() || text[j] == '\n') {
        end = nl;
        i = j;
        break;
      }
      i = nl + 1;
    }
    while (end > start && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    if (end > start) out.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, false});
  }
  return out;
}

bool OneParagraphPerLine(std::string_view text) {
  size_t lines = 0, ends = 0;
  for (size_t i = 0; i <= text.size();) {
    size_t nl = std::min(text.find('\n', i), text.size());
    std::string_view line = text.substr(i, nl - i);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    i = nl + 1;
    if (line.empty()) {
      if (nl < text.size()) return false;  // a blank line: paragraphs are marked
      continue;
    }
    ++lines;
    for (std::string_view end : {".", "!", "?", ":", "\"", "'", ")", "”", "“", "»", "«", "’", "。", "！", "？", "」", "』"}) {
      if (line.ends_with(end)) {
        ++ends;
        break;
      }
    }
  }
  return lines >= 3 && ends * 5 >= lines * 3;
}

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#:");
  std::string host(rest.substr(0, end));
  size_t at = host.find('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

}  // namespace parallax::ingest
