#include "base/yaml.h"

#include <yaml.h>

#include <algorithm>
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
    size_t first_node = 0;  // nodes_ when it opened
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
        ++nodes_;
        YamlNode n;
        n.scalar_.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        bool null = plain && (n.scalar_.empty() || n.scalar_ == "~" || n.scalar_ == "null" || n.scalar_ == "Null" ||
                              n.scalar_ == "NULL");
        n.kind_ = null ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar;
        n.line_ = line;
        return Place(std::move(n), text(e.data.scalar.anchor), 1);
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        // The tree is freed and copied recursively: a hostile file must not nest deeper than
        // any pack or list does by far.
        if (stack_.size() >= kMaxDepth) {
          return Status::InvalidInput(fmt::format("nested deeper than {} levels at line {}", kMaxDepth, line),
                                      Where{.record = line});
        }
        ++nodes_;
        Open open;
        open.first_node = nodes_;
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
        return Place(std::move(open.node), open.anchor, nodes_ - open.first_node + 1);
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(text(e.data.alias.anchor));
        if (it == anchors_.end()) {
          return Status::InvalidInput(fmt::format("unknown alias *{} at line {}", text(e.data.alias.anchor), line),
                                      Where{.record = line});
        }
        // A copy is as deep as the anchored node where it lands, and the nodes aliases copy
        // are few: aliases of aliases ("a billion laughs") would otherwise copy without end.
        const auto& [anchored, nodes] = it->second;
        if (stack_.size() + anchored.height_ > kMaxDepth) {
          return Status::InvalidInput(fmt::format("nested deeper than {} levels at line {}", kMaxDepth, line), Where{.record = line});
        }
        copied_ += nodes;
        if (copied_ > kMaxCopied) {
          return Status::InvalidInput(fmt::format("aliases copy more than {} nodes at line {}", kMaxCopied, line),
                                      Where{.record = line});
        }
        nodes_ += nodes;
        return Place(YamlNode(anchored), "", nodes);
      }
      default:
        return Status::Ok();
    }
  }

  // Puts a finished node of `nodes` nodes into the collection on top, or makes it the root.
  Status Place(YamlNode&& n, const std::string& anchor, size_t nodes) {
    if (!anchor.empty()) anchors_[anchor] = {n, nodes};
    if (stack_.empty()) {
      root_ = std::move(n);
      return Status::Ok();
    }
    Open& top = stack_.back();
    top.node.height_ = std::max(top.node.height_, n.height_ + 1);
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
  // Nodes that aliases may copy in all (the written ones are bounded by the text's size).
  static constexpr size_t kMaxCopied = 100'000;

  std::vector<Open> stack_;
  size_t nodes_ = 0;   // nodes so far, copies included
  size_t copied_ = 0;  // nodes copied by aliases
  std::unordered_map<std::string, std::pair<YamlNode, size_t>> anchors_;  // with their node counts
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
