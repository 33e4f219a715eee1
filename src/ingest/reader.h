// Readers: turn sources (JSONL, HTML, plain text with header lines, RSS 2.0 / Atom; plain or
// .gz/.zst; files, directories, stdin) into Articles, one Record at a time.
//
// Nothing is lost: every record a source holds reaches the callback, either as an Article or as
// the Status that rejects it together with its raw bytes, so the caller can quarantine it. A
// source that cannot be read at all is one rejected record. Readers fill what the source says;
// identity, language detection and outlet lookup are the pipeline's job.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/article.h"
#include "base/status.h"
#include "ingest/source.h"

namespace parallax::ingest {

struct ReadOptions {
  std::string format = "auto";  // auto | jsonl | html | text | rss
  SourceLimits limits;
  // No news article comes near these; a larger record is quarantined rather than analysed.
  uint64_t max_document_bytes = uint64_t{16} << 20;  // one HTML/text/feed document
  size_t max_line_bytes = size_t{16} << 20;           // one JSONL record
};

// What a feed says of one item, whether or not the item has text of its own (the collector
// fetches `url`).
struct FeedItem {
  std::string url, title, date, author;
};

struct Record {
  Result<Article> article;
  Where where;
  std::string_view raw;  // the record's bytes as read; valid during the callback only
  FeedItem item;         // feeds only
};
using RecordFn = std::function<void(Record&)>;

// Reads one file or "-" (stdin).
void ReadSource(const std::string& path, const ReadOptions& options, const RecordFn& emit);

// Files in `dir` that ingest reads, recursively and sorted: known extensions (.jsonl .json
// .ndjson .html .htm .txt .rss .atom .xml, each optionally .gz or .zst); hidden files and
// outlets.yaml are skipped.
Result<std::vector<std::string>> ListDirectory(const std::string& dir);

// Parsers for one document, exposed for tests and for commands that read single files.
Result<Article> ParseJsonRecord(std::string_view line);
Result<Article> ParseHtml(std::string_view bytes, std::string_view declared_charset = {});
Result<Article> ParseText(std::string_view bytes);
// Calls `emit` for every item of an RSS 2.0 or Atom feed.
void ParseFeed(std::string_view bytes, const Where& where, const RecordFn& emit);

// Sniffs the format of a document from its first bytes: jsonl, rss, html or text.
std::string SniffFormat(std::string_view head);

// Builds Article::text from paragraphs: white space inside a paragraph collapsed to one space,
// paragraphs joined by a blank line.
class TextBuilder {
 public:
  void Add(std::string_view paragraph, bool blockquote = false);
  bool empty() const { return text_.empty(); }
  void MoveInto(Article& a);

 private:
  std::string text_;
  std::vector<Paragraph> paragraphs_;
};

// Splits an existing text into paragraphs at blank lines (or single newlines when `single` is
// set); the text itself is not changed.
std::vector<Paragraph> SplitParagraphs(std::string_view text, bool single_newline);

// Whether a plain-text body writes one paragraph per line: no blank line anywhere, at least
// three lines, and most of them (three in five) end a sentence, as news dumps and parallel
// corpora do; hard-wrapped text breaks its lines mid-sentence and marks paragraphs with blank lines.
bool OneParagraphPerLine(std::string_view text);

// The host of a URL, lowercase, without "www." ("https://www.B92.net/x" -> "b92.net").
std::string HostOf(std::string_view url);

}  // namespace parallax::ingest
