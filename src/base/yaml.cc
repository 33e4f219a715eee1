#include "base/yaml.h"

#include <yaml.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include <fmt/format.h>

namespace parallax {

const YamlNode& YamlNode::operator[](std::string_view key) const {
  static const YamlNode kAbsent;
  for (const auto& [k, v] : entries_) {
    if (k == key) return v;
  }
  return kAbsent;
}

std::optional<double> ScalarNumber(const YamlNode& n) {
  const std::string& s = n.scalar();
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (!n.IsScalar() || s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> ScalarList(const YamlNode& n) {
  if (n.IsScalar()) return {n.scalar()};
  std::vector<std::string> out;
  for (const YamlNode& e : n.items()) {
    if (e.IsScalar()) out.push_back(e.scalar());
  }
  return out;
}

// Builds the tree from libyaml's events: collections open on a stack, and each finished node
// goes into the collection on top (a map takes a key and then its value).
class YamlReader {
 public:
  Result<YamlNode> Read(std::string_view text) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return Status::Internal("cannot start the YAML parser");
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    Status status = Events(parser);
    yaml_parser_delete(&parser);
    if (!status.ok()) return status;
    return std::move(root_);
  }

 private:
  struct Open {
    YamlNode node;
    std::string anchor;
    std::string key;  // a map's key waiting for its value
    bool has_key = false;
  };

  Status Events(yaml_parser_t& parser) {
    for (;;) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        std::string what = parser.problem != nullptr ? parser.problem : "malformed YAML";
        std::string message = fmt::format("{} at line {}, column {}", what, parser.problem_mark.line + 1,
                                          parser.problem_mark.column + 1);
        if (parser.context != nullptr) message += fmt::format(" ({})", parser.context);
        return Status::InvalidInput(message, Where{.record = static_cast<int64_t>(parser.problem_mark.line) + 1});
      }
      Status status = Event(event);
      bool end = event.type == YAML_DOCUMENT_END_EVENT || event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      if (!status.ok() || end) return status;
    }
  }

  Status Event(const yaml_event_t& e) {
    int line = static_cast<int>(e.start_mark.line) + 1;
    auto text = [](const yaml_char_t* s) { return s == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(s)); };
    switch (e.type) {
      case YAML_SCALAR_EVENT: {
        YamlNode n;
        n.scalar_.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        bool null = plain && (n.scalar_.empty() || n.scalar_ == "~" || n.scalar_ == "null" || n.scalar_ == "Null" ||
                              n.scalar_ == "NULL");
        n.kind_ = null ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar;
        n.line_ = line;
        return Place(std::move(n), text(e.data.scalar.anchor));
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        // The tree is freed and copied recursively: a hostile file must not nest deeper than
        // any pack or list does by far.
        if (stack_.size() >= kMaxDepth) {
          return Status::InvalidInput(fmt::format("nested deeper than {} levels at line {}", kMaxDepth, line),
                                      Where{.record = line});
        }
        Open open;
        bool map = e.type == YAML_MAPPING_START_EVENT;
        open.node.kind_ = map ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence;
        open.node.line_ = line;
        open.anchor = text(map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor);
        stack_.push_back(std::move(open));
        return Status::Ok();
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        Open open = std::move(stack_.back());
        stack_.pop_back();
        return Place(std::move(open.node), open.anchor);
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(text(e.data.alias.anchor));
        if (it == anchors_.end()) {
          return Status::InvalidInput(fmt::format("unknown alias *{} at line {}", text(e.data.alias.anchor), line),
                                      Where{.record = line});
        }
        return Place(YamlNode(it->second), "");
      }
      default:
        return Status::Ok();
    }
  }

  Status Place(YamlNode&& n, const std::string& anchor) {
    if (!anchor.empty()) anchors_[anchor] = n;
    if (stack_.empty()) {
      root_ = std::move(n);
      return Status::Ok();
    }
    Open& top = stack_.back();
    if (top.node.kind_ == YamlNode::Kind::kSequence) {
      top.node.items_.push_back(std::move(n));
    } else if (!top.has_key) {
      if (n.kind_ != YamlNode::Kind::kScalar && n.kind_ != YamlNode::Kind::kNull) {
        return Status::InvalidInput(fmt::format("a map key must be a scalar, at line {}", n.line_), Where{.record = n.line_});
      }
      top.key = std::move(n.scalar_);
      top.has_key = true;
    } else {
      top.node.entries_.emplace_back(std::move(top.key), std::move(n));
      top.has_key = false;
    }
    return Status::Ok();
  }

  static constexpr size_t kMaxDepth = 64;

  std::vector<Open> stack_;
  std::unordered_map<std::string, YamlNode> anchors_;
  YamlNode root_ = [] {
    YamlNode n;
    n.kind_ = YamlNode::Kind::kNull;
    return n;
  }();
};

Result<YamlNode> ParseYaml(std::string_view text) { return YamlReader().Read(text); }

Result<YamlNode> ReadYamlFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError("cannot open", Where{.source = path});
  std::string data;
  char buf[1 << 14];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError("cannot read", Where{.source = path});
  Result<YamlNode> r = ParseYaml(data);
  if (!r.ok()) return r.status().WithWhere(Where{.source = path, .record = r.status().where().record});
  return r;
}

}  // namespace parallax
