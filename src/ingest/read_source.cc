#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "ingest/charset.h"
#include "ingest/reader.h"
#include "text/utf8.h"

namespace parallax::ingest {

std::string SniffFormat(std::string_view head) {
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string_view h = head.substr(i, 1024);
  if (h.empty()) return "text";
  if (h[0] == '{') return "jsonl";
  if (h[0] == '<') {
    if (h.find("<rss") != std::string_view::npos || h.find("<feed") != std::string_view::npos ||
        h.find("<rdf:RDF") != std::string_view::npos) {
      return "rss";
    }
    return "html";
  }
  return "text";
}

namespace {

void EmitError(const Status& s, const Where& where, std::string_view raw, const RecordFn& emit) {
  Record r{s.WithWhere(where), where, raw};
  emit(r);
}

void ReadJsonl(ByteStream& stream, const ReadOptions& options, const RecordFn& emit) {
  LineReader lines(stream, options.max_line_bytes);
  std::string line;
  bool too_long = false;
  int64_t record = 0;
  while (lines.Next(line, too_long)) {
    ++record;
    Where where{.source = stream.name(), .record = record, .offset = static_cast<int64_t>(lines.line_offset())};
    if (too_long) {
      EmitError(Status::ResourceExhausted(fmt::format("record longer than the limit of {} bytes (--max-document-bytes)",
                                                      options.max_line_bytes)),
                where, line, emit);
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      --record;  // blank lines are not records
      continue;
    }
    std::string_view view = line;
    std::string converted;
    if (!text::IsValidUtf8(view)) {
      // Mixed-encoding files exist: each line is detected on its own.
      Result<Decoded> d = ToUtf8(view);
      if (!d.ok()) {
        EmitError(d.status(), where, line, emit);
        continue;
      }
      converted = std::move(d->utf8);
      view = converted;
    }
    Record r{ParseJsonRecord(view), where, line};
    if (!r.article.ok()) r.article = r.article.status().WithWhere(where);
    else {
      r.article->source = stream.name();
      r.article->record = record;
    }
    emit(r);
  }
  if (!lines.status().ok()) {
    Where where{.source = stream.name(), .record = record + 1, .offset = static_cast<int64_t>(lines.rest_offset())};
    EmitError(lines.status(), where, lines.rest(), emit);
  }
}

}  // namespace

void ReadSource(const std::string& path, const ReadOptions& options, const RecordFn& emit) {
  Where where{.source = path};
  Result<std::unique_ptr<ByteStream>> opened = OpenStream(path, options.limits);
  if (!opened.ok()) {
    EmitError(opened.status(), where, {}, emit);
    return;
  }
  ByteStream& stream = **opened;
  std::string format = options.format;
  if (format == "auto") format = FormatFromName(path);
  if (format == "jsonl") {
    ReadJsonl(stream, options, emit);
    return;
  }
  Result<std::string> all = ReadAll(stream, options.max_document_bytes);
  if (!all.ok()) {
    EmitError(all.status(), Where{.source = path, .record = 1}, {}, emit);
    return;
  }
  if (format.empty() || format == "auto") format = SniffFormat(*all);
  if (format == "jsonl") {
    // Sniffed JSON Lines that were read whole: replay them through the line reader.
    class StringStream : public ByteStream {
     public:
      StringStream(std::string name, std::string_view data) : name_(std::move(name)), data_(data) {}
      Result<size_t> Read(char* buf, size_t n) override {
        size_t k = std::min(n, data_.size() - pos_);
        std::copy_n(data_.data() + pos_, k, buf);
        pos_ += k;
        return k;
      }
      const std::string& name() const override { return name_; }

     private:
      std::string name_;
      std::string_view data_;
      size_t pos_ = 0;
    } replay(path, *all);
    ReadJsonl(replay, options, emit);
    return;
  }
  if (format == "rss") {
    ParseFeed(*all, where, emit);
    return;
  }
  Where record_where{.source = path, .record = 1};
  Result<Article> article = Status::Internal("unreachable");
  if (format == "html") {
    article = ParseHtml(*all);
  } else if (format == "text") {
    Result<Decoded> d = ToUtf8(*all);
    article = d.ok() ? ParseText(d->utf8) : Result<Article>(d.status());
  } else {
    article = Status::InvalidInput(fmt::format("unknown format '{}'", format));
  }
  if (article.ok()) {
    article->source = path;
    article->record = 1;
  } else {
    article = article.status().WithWhere(record_where);
  }
  Record r{std::move(article), record_where, *all};
  emit(r);
}

Result<std::vector<std::string>> ListDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError(fmt::format("cannot read directory: {}", ec.message()), Where{.source = dir});
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IoError(fmt::format("cannot read directory: {}", ec.message()), Where{.source = dir});
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (name == "outlets.yaml" || FormatFromName(name).empty()) continue;
    out.push_back(p.string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace parallax::ingest
