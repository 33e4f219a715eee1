#include "base/yaml.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

TEST(Yaml, MapsSequencesAndScalarsAsWritten) {
  Result<YamlNode> r = ParseYaml(
      "# a pack\n"
      "entities:\n"
      "  - id: person/aleksandar-vucic\n"
      "    name: \"Aleksandar Vučić\"\n"
      "    tags: [serbia, 'president']\n"
      "    roles:\n"
      "      - {org: Serbia, title: President, from: 2017-05-31}\n"
      "    founded: 2012\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const YamlNode& root = *r;
  ASSERT_TRUE(root.IsMap());
  ASSERT_EQ(root["entities"].items().size(), 1u);
  const YamlNode& e = root["entities"].items()[0];
  EXPECT_EQ(e["id"].scalar(), "person/aleksandar-vucic");
  EXPECT_EQ(e["name"].scalar(), "Aleksandar Vučić");
  ASSERT_TRUE(e["tags"].IsSequence());
  EXPECT_EQ(e["tags"].items()[1].scalar(), "president");
  EXPECT_EQ(e["roles"].items()[0]["from"].scalar(), "2017-05-31");  // a date is its text
  EXPECT_EQ(e["founded"].scalar(), "2012");                           // and so is a number
  EXPECT_EQ(e["tags"].line(), 5);
  // Entries keep their order.
  ASSERT_EQ(e.entries().size(), 5u);
  EXPECT_EQ(e.entries()[0].first, "id");
  EXPECT_EQ(e.entries()[4].first, "founded");
}

TEST(Yaml, MissingAndNullValuesAreFalse) {
  Result<YamlNode> r = ParseYaml("a: ~\nb:\nc: null\nd: \"\"\ne: '~'\n");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE((*r)["a"]);
  EXPECT_FALSE((*r)["b"]);
  EXPECT_FALSE((*r)["c"]);
  EXPECT_FALSE((*r)["missing"]);
  EXPECT_FALSE((*r)["missing"]["deeper"]);  // an absent node answers like an empty one
  EXPECT_TRUE((*r)["missing"].items().empty());
  EXPECT_TRUE((*r)["d"]);  // quoted: an empty string, and a tilde
  EXPECT_EQ((*r)["e"].scalar(), "~");
  EXPECT_FALSE((*r)["a"].IsScalar());
}

TEST(Yaml, AnchorsAreCopiedIntoTheirAliases) {
  Result<YamlNode> r = ParseYaml("base: &b {lang: sr, tags: [a, b]}\nother: *b\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["other"]["lang"].scalar(), "sr");
  EXPECT_EQ((*r)["other"]["tags"].items().size(), 2u);
  EXPECT_FALSE(ParseYaml("a: *nowhere\n").ok());
}

TEST(Yaml, AliasesCannotMultiplyPastTheLimits) {
  // Ten anchors, each ten aliases of the one before: 10^10 nodes if copied.
  std::string bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = '1'; level <= '9'; ++level) {
    bomb.append("l").push_back(level);
    bomb.append(": &l").push_back(level);
    bomb.append(" [");
    for (int k = 0; k < 10; ++k) {
      bomb.append(k > 0 ? ", *l" : "*l").push_back(static_cast<char>(level - 1));
    }
    bomb.append("]\n");
  }
  Result<YamlNode> r = ParseYaml(bomb);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("aliases copy more than"), std::string::npos) << r.status().message();
  // An alias lands at its depth plus its own: 40 levels under 40 more is too deep.
  auto nested = [](size_t levels) {
    std::string doc = "a: &a ";
    doc.append(levels, '[').append(levels, ']').append("\nb: ");
    doc.append(levels, '[').append("*a").append(levels, ']').append("\n");
    return doc;
  };
  EXPECT_FALSE(ParseYaml(nested(40)).ok());
  EXPECT_TRUE(ParseYaml(nested(20)).ok()) << ParseYaml(nested(20)).status().ToString();
}

TEST(Yaml, EmptyTextAndFirstDocumentOnly) {
  Result<YamlNode> empty = ParseYaml("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->kind(), YamlNode::Kind::kNull);
  Result<YamlNode> two = ParseYaml("a: 1\n---\nb: 2\n");
  ASSERT_TRUE(two.ok());
  EXPECT_EQ((*two)["a"].scalar(), "1");
  EXPECT_FALSE((*two)["b"]);
}

TEST(Yaml, ErrorsNameTheLine) {
  Result<YamlNode> r = ParseYaml("entities:\n  - id: a\n   name: [unclosed\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r.status().message().find("line 3"), std::string::npos) << r.status().message();
  EXPECT_EQ(r.status().where().record, 3);
  // Nesting deep enough to exhaust the stack of a recursive reader is refused.
  EXPECT_FALSE(ParseYaml(std::string(100000, '[')).ok());
  std::string nested = std::string(60, '[') + std::string(60, ']');
  EXPECT_TRUE(ParseYaml(nested).ok());
  EXPECT_FALSE(ParseYaml("{[a]: b}").ok());  // keys are scalars
}

}  // namespace
}  // namespace parallax
