#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <zlib.h>

#include "ingest/outlets.h"

namespace parallax::ingest {
namespace {

TEST(JsonRecord, FieldsAndErrors) {
  Result<Article> a = ParseJsonRecord(
      R"({"text":"Prvi pasus.\nDrugi pasus.","title":"Naslov","published":"16.09.2024.","url":"https://x.rs/a","topic":"kosovo"})");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->day, "2024-09-16");
  EXPECT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(a->extra_json, R"({"topic":"kosovo"})");

  EXPECT_EQ(ParseJsonRecord(R"({"title":"x"})").status().message(), "no text");
  EXPECT_EQ(ParseJsonRecord(R"({"text":5})").status().where().field, "text");
  EXPECT_FALSE(ParseJsonRecord(R"({"text":"a","published":"someday"})").ok());
  EXPECT_FALSE(ParseJsonRecord(R"({"text":"a",)").ok());
  EXPECT_FALSE(ParseJsonRecord(R"([1,2])").ok());
}

TEST(Html, MetadataBodyAndBoilerplate) {
  std::string_view html = R"(<!doctype html><html lang="sr-Latn"><head>
    <meta charset="utf-8"><title>Site | Naslov</title>
    <meta property="og:title" content="Naslov članka">
    <link rel="canonical" href="https://www.primer.rs/vesti/1">
    <script type="application/ld+json">{"@graph":[{"datePublished":"2024-09-16T10:00:00+02:00"}]}</script>
    </head><body><nav>Meni Vesti Sport</nav><article><h1>Naslov članka</h1>
    <p>Prvi   pasus
    teksta.</p><blockquote><p>„Citat u bloku“, rekao je on.</p></blockquote>
    <div class="share-buttons">Podeli</div><p>Drugi pasus.</p></article>
    <footer>Sva prava zadržana</footer><script>var x=1;</script></body></html>)";
  Result<Article> a = ParseHtml(html);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Naslov članka");
  EXPECT_EQ(a->url, "https://www.primer.rs/vesti/1");
  EXPECT_EQ(a->lang, "sr-Latn");
  EXPECT_EQ(a->published, "2024-09-16T10:00:00+02:00");
  EXPECT_EQ(a->text, "Prvi pasus teksta.\n\n„Citat u bloku“, rekao je on.\n\nDrugi pasus.");
  ASSERT_EQ(a->paragraphs.size(), 3u);
  EXPECT_TRUE(a->paragraphs[1].blockquote);
  EXPECT_FALSE(a->paragraphs[2].blockquote);
}

// Without og:title, a <title> that wraps the h1 in the site's name gives the h1 (once: not also
// as the body's first paragraph); an h1 that is only the site's name over its logo does not.
TEST(Html, TitleThatWrapsTheHeadline) {
  Result<Article> a = ParseHtml(
      "<html><head><title>Vlada najavila nove mere | Dnevni Primer</title></head><body>"
      "<h1>Vlada najavila nove mere</h1><p>Vlada je u utorak najavila nove mere.</p></body></html>");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Vlada najavila nove mere");
  EXPECT_EQ(a->text, "Vlada je u utorak najavila nove mere.");
  a = ParseHtml(
      "<html><head><title>Vlada najavila nove mere za poljoprivrednike | Primer</title></head><body>"
      "<h1>Primer</h1><p>Vlada je u utorak najavila nove mere.</p></body></html>");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Vlada najavila nove mere za poljoprivrednike | Primer");
}

TEST(Html, DeclaredWindows1251) {
  // "Вучић" in windows-1251.
  std::string html = "<html><head><meta charset=\"windows-1251\"></head><body><p>\xC2\xF3\xF7\xE8\xE8</p></body></html>";
  Result<Article> a = ParseHtml(html);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "Вучии");
}

TEST(Text, HeaderLinesAndParagraphs) {
  Result<Article> a = ParseText("Title: Naslov\nDate: 2024-09-16\nOutlet: Primer\n\nPrvi pasus.\n\nDrugi\npasus.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Naslov");
  EXPECT_EQ(a->outlet, "Primer");
  EXPECT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(a->paragraphs[1].range.Of(a->text), "Drugi\npasus.");
  EXPECT_FALSE(ParseText("Title: x\n\n   \n").ok());
  // With no blank line, lines that end sentences are paragraphs (a news dump, a parallel corpus);
  // hard-wrapped lines stay one paragraph.
  a = ParseText("Prvi pasus.\n„Drugi pasus ima navodnike.\nTreći pasus.\nČetvrti pasus!\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs.size(), 4u);
  EXPECT_EQ(a->paragraphs[1].range.Of(a->text), "„Drugi pasus ima navodnike.");
  a = ParseText("Vlada je u utorak najavila nove mere\nza poljoprivrednike, koje ce stupiti\nna snagu od prvog oktobra.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs.size(), 1u);
}

TEST(Feed, RssAndAtomItems) {
  std::string rss = R"(<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>F</title>
    <item><title>A</title><link>https://f.rs/a</link><pubDate>Mon, 16 Sep 2024 10:00:00 +0200</pubDate>
      <content:encoded><![CDATA[<p>Tekst A.</p><p>Dalje.</p>]]></content:encoded></item>
    <item><title>B</title><link>https://f.rs/b</link><description>Tekst B.</description></item>
    <item><title>C</title></item></channel></rss>)";
  std::vector<Record> got;
  int ok = 0, bad = 0;
  ParseFeed(rss, Where{.source = "f.rss"}, [&](Record& r) { r.article.ok() ? ++ok : ++bad; });
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(bad, 1);

  std::string atom = R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title>
    <link rel="alternate" href="https://a.rs/e"/><published>2024-09-16T08:00:00Z</published>
    <content type="html">&lt;p&gt;Atom tekst.&lt;/p&gt;</content></entry></feed>)";
  std::string url;
  ParseFeed(atom, Where{.source = "a.atom"}, [&](Record& r) {
    ASSERT_TRUE(r.article.ok());
    url = r.article->url;
    EXPECT_EQ(r.article->text, "Atom tekst.");
  });
  EXPECT_EQ(url, "https://a.rs/e");
}

TEST(Feed, MalformedFeedSalvagesAndReports) {
  std::string broken = R"(<rss version="2.0"><channel><item><title>A</title><description>Tekst A.</description></item><item><title>B</title><description>Tek)";
  int ok = 0, bad = 0;
  ParseFeed(broken, Where{.source = "b.rss"}, [&](Record& r) {
    if (r.article.ok()) ++ok;
    else {
      ++bad;
      EXPECT_NE(r.article.status().message().find("malformed feed"), std::string::npos);
    }
  });
  EXPECT_GE(ok, 1);
  EXPECT_EQ(bad, 1);
}

TEST(ReadSource, GzipJsonlAndTruncation) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/in.jsonl.gz";
  std::string body = "{\"text\":\"Jedan.\"}\n\nnot json\n{\"text\":\"Dva.\"}\n";
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, body.data(), static_cast<unsigned>(body.size()));
  gzclose(gz);
  int ok = 0, bad = 0;
  ReadSource(path, {}, [&](Record& r) {
    if (r.article.ok()) ++ok;
    else {
      ++bad;
      EXPECT_EQ(r.where.record, 2);
    }
  });
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(bad, 1);

  // Truncate the compressed file: the records before the cut survive and the cut is reported.
  std::string data;
  {
    std::ifstream in(path, std::ios::binary);
    data.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(data.data(), static_cast<std::streamsize>(data.size() - 10));
  ok = bad = 0;
  std::string reason;
  ReadSource(path, {}, [&](Record& r) {
    if (r.article.ok()) ++ok;
    else { ++bad; reason = r.article.status().message(); }
  });
  EXPECT_GE(bad, 1);
  EXPECT_NE(reason.find("truncated"), std::string::npos) << reason;
}

TEST(ReadSource, MissingFileIsOneRejectedRecord) {
  int bad = 0;
  ReadSource("/nonexistent/file.jsonl", {}, [&](Record& r) {
    EXPECT_FALSE(r.article.ok());
    EXPECT_EQ(r.article.status().where().source, "/nonexistent/file.jsonl");
    ++bad;
  });
  EXPECT_EQ(bad, 1);
}

TEST(Outlets, DomainLookup) {
  Result<std::vector<Outlet>> o = ParseOutlets(
      "outlets:\n  - name: Primer\n    domains: [primer.rs]\n    country: RS\n    tags: [independent]\n", "o.yaml");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  OutletRegistry reg;
  for (auto& x : *o) reg.Add(x);
  ASSERT_NE(reg.FindByUrl("https://www.news.primer.rs/a?b"), nullptr);
  EXPECT_EQ(reg.FindByUrl("https://other.rs/a"), nullptr);
  EXPECT_NE(reg.FindByName("primer"), nullptr);
  EXPECT_FALSE(ParseOutlets("outlets: [ {domains: x} ]", "o.yaml").ok());
  EXPECT_FALSE(ParseOutlets("outlets: [ : :", "o.yaml").ok());
}

}  // namespace
}  // namespace parallax::ingest
