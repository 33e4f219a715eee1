// YAML documents (packs, outlet lists, watch lists, display names) read into a plain tree with
// libyaml, the C reference parser: maps, sequences and scalars as written, no type guessing (a
// date or a number is its text; the reader converts what it expects). Anchors and aliases are
// resolved by copying. Only the first document of a stream is read. A document nested deeper
// than 64 levels, or whose aliases copy more than 100,000 nodes in all, is refused.
//
// libyaml is an event parser some twenty times faster than a YAML library that builds its own
// node graph: the built-in packs (0.7 MB) load in about 15 ms, where they took most of a
// command's start-up before.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace parallax {

class YamlNode {
 public:
  enum class Kind { kAbsent, kNull, kScalar, kSequence, kMap };

  Kind kind() const { return kind_; }
  bool IsScalar() const { return kind_ == Kind::kScalar; }
  bool IsSequence() const { return kind_ == Kind::kSequence; }
  bool IsMap() const { return kind_ == Kind::kMap; }
  // False for a key that is missing and for a null value (`key:`, `key: ~`, `key: null`).
  explicit operator bool() const { return kind_ != Kind::kAbsent && kind_ != Kind::kNull; }

  // A scalar's text (quotes and escapes resolved); empty for other kinds.
  const std::string& scalar() const { return scalar_; }
  // The value of `key` in a map; an absent node when there is none or this is no map.
  const YamlNode& operator[](std::string_view key) const;
  // A sequence's items; empty for other kinds.
  const std::vector<YamlNode>& items() const { return items_; }
  // A map's entries in the order written (keys as their text); empty for other kinds.
  const std::vector<std::pair<std::string, YamlNode>>& entries() const { return entries_; }
  // The 1-based line where the node starts (0 for an absent node).
  int line() const { return line_; }

 private:
  friend class YamlReader;

  Kind kind_ = Kind::kAbsent;
  std::string scalar_;
  std::vector<YamlNode> items_;
  std::vector<std::pair<std::string, YamlNode>> entries_;
  int line_ = 0;
  size_t height_ = 1;  // levels of the tree under and including this node
};

// A scalar read as a finite number (2, 2.5, -1e3); nullopt for anything else.
std::optional<double> ScalarNumber(const YamlNode& n);

// A field that lists text, written as one scalar or a sequence of them: its scalars in order
// (other items left out).
std::vector<std::string> ScalarList(const YamlNode& n);

// Reads the first document of `text`; an empty text is a null node. An error (InvalidInput)
// says what is wrong and where ("did not find expected key at line 3, column 5 (while
// parsing a block mapping)"), its Where's record being the line.
Result<YamlNode> ParseYaml(std::string_view text);

// ParseYaml of a file's contents; errors name the file.
Result<YamlNode> ReadYamlFile(const std::string& path);

}  // namespace parallax
