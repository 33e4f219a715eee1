#include "pipeline/collect_job.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "entities/pack.h"

namespace parallax::pipeline {
namespace {

std::string Write(const std::string& name, const std::string& body) {
  std::string path = testing::TempDir() + "/" + name;
  std::ofstream(path) << body;
  return path;
}

TEST(WatchList, TheShippedExampleLoads) {
  Result<WatchList> w = LoadWatchList(PARALLAX_SOURCE_DIR "/examples/feeds.yaml");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_TRUE(w->has_settings);
  EXPECT_EQ(w->settings.delay, 1.0);
  EXPECT_EQ(w->settings.archive, "archive");
  ASSERT_GE(w->outlets.size(), 5u);
  for (const Outlet& o : w->outlets) EXPECT_FALSE(o.feeds.empty()) << o.name;
}

TEST(WatchList, SitemapsJoinFeedsAndBadSettingsNameTheFile) {
  std::string ok = Write("w1.yaml", "outlets:\n  - name: A\n    feeds: [http://a.example/rss]\n    sitemap: http://a.example/sitemap.xml\n");
  Result<WatchList> w = LoadWatchList(ok);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_FALSE(w->has_settings);
  ASSERT_EQ(w->outlets.size(), 1u);
  EXPECT_EQ(w->outlets[0].feeds, (std::vector<std::string>{"http://a.example/rss", "http://a.example/sitemap.xml"}));

  std::string bad = Write("w2.yaml", "collect:\n  delay: -1\noutlets: []\n");
  Result<WatchList> b = LoadWatchList(bad);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().ToString().find("w2.yaml"), std::string::npos);
  std::string typo = Write("w3.yaml", "collect:\n  delay: soon\noutlets: []\n");
  Result<WatchList> t = LoadWatchList(typo);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("delay must be a number"), std::string::npos) << t.status().ToString();
  std::string huge = Write("w4.yaml", "collect:\n  retries: 1e40\noutlets: []\n");
  EXPECT_FALSE(LoadWatchList(huge).ok());
  std::string broken = Write("w5.yaml", "collect: {delay: 2\noutlets: []\n");
  Result<WatchList> br = LoadWatchList(broken);
  ASSERT_FALSE(br.ok());
  EXPECT_NE(br.status().ToString().find("w5.yaml"), std::string::npos);
}

TEST(WatchList, PackOutletsCarryTheirFeedsIntoTheRegistry) {
  entities::Knowledge k;
  ASSERT_TRUE(k.AddPack("pack: t\nentities:\n  - {id: outlet/x, type: outlet, name: Primer, domains: [primer.example], "
                        "country: RS, lang: sr, tags: [independent], feeds: [https://primer.example/rss]}\n",
                        "t.yaml")
                  .ok());
  ingest::OutletRegistry reg;
  reg.Add(Outlet{.name = "Other", .domains = {"other.example"}});
  AddPackOutlets(k, reg);
  const Outlet* o = reg.FindByUrl("https://primer.example/a");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->name, "Primer");
  EXPECT_EQ(o->country, "RS");
  EXPECT_EQ(o->feeds, std::vector<std::string>{"https://primer.example/rss"});
  // An outlet the registry has already keeps the registry's entry.
  reg.Add(Outlet{.name = "Primer", .domains = {"primer.example"}, .country = "XK"});
  AddPackOutlets(k, reg);
  EXPECT_EQ(reg.FindByName("Primer")->country, "XK");
}

TEST(Archive, AnArticleWithoutOneSaysWhy) {
  Article a;
  a.id = "0123456789abcdef";
  a.source = "in.jsonl";
  Result<std::string> html = ArchivedHtml(a, testing::TempDir());
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("in.jsonl"), std::string::npos);
  a.archive = "archive/missing.warc.gz#0";
  EXPECT_EQ(ArchivedHtml(a, testing::TempDir()).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parallax::pipeline
