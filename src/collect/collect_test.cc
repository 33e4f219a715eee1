#include <zlib.h>

#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "collect/http.h"
#include "collect/robots.h"
#include "collect/sha1.h"
#include "collect/warc.h"

namespace parallax::collect {
namespace {

TEST(Sha1, KnownVectors) {
  EXPECT_EQ(Sha1Hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(Sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(Sha1Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(Sha1Hex(std::string(1000000, 'a')), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  EXPECT_EQ(WarcDigest(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

TEST(Robots, GroupForOurAgentElseStar) {
  std::string txt =
      "User-agent: *\nDisallow: /private/\n\n"
      "User-agent: Parallax\nDisallow: /drafts/\nAllow: /drafts/public$\nCrawl-delay: 2.5\n";
  Robots ours = Robots::Parse(txt, "Parallax");
  EXPECT_FALSE(ours.Allowed("/drafts/x"));
  EXPECT_TRUE(ours.Allowed("/drafts/public"));
  EXPECT_FALSE(ours.Allowed("/drafts/public/more"));
  EXPECT_TRUE(ours.Allowed("/private/x"));  // the star group does not apply to us
  EXPECT_DOUBLE_EQ(ours.crawl_delay(), 2.5);
  Robots other = Robots::Parse(txt, "SomeBot");
  EXPECT_FALSE(other.Allowed("/private/x"));
  EXPECT_TRUE(other.Allowed("/drafts/x"));
}

TEST(Robots, LongestMatchWinsAndAllowWinsTies) {
  Robots r = Robots::Parse("user-agent: *\ndisallow: /news\nallow: /news/open\ndisallow: /*.pdf$\nallow: /page\ndisallow: /page\n", "parallax");
  EXPECT_FALSE(r.Allowed("/news/2024"));
  EXPECT_TRUE(r.Allowed("/news/open/today"));
  EXPECT_FALSE(r.Allowed("/docs/a.pdf"));
  EXPECT_TRUE(r.Allowed("/docs/a.pdf?x=1"));
  EXPECT_TRUE(r.Allowed("/page"));
  EXPECT_TRUE(r.Allowed("/robots.txt"));
}

TEST(Robots, ConsecutiveAgentsShareAGroupAndEmptyDisallowAllows) {
  Robots r = Robots::Parse("User-agent: a\nUser-agent: parallax\nDisallow: /x\n\nUser-agent: *\nDisallow:\n", "Parallax/0.1");
  EXPECT_FALSE(r.Allowed("/x/y"));
  Robots s = Robots::Parse("User-agent: *\nDisallow:\n", "Parallax");
  EXPECT_TRUE(s.Allowed("/anything"));
  EXPECT_FALSE(Robots::DisallowAll().Allowed("/"));
  EXPECT_TRUE(Robots::Parse("garbage\n\x01\x02: ::\n", "Parallax").Allowed("/a"));
}

TEST(RobotsMatch, Wildcards) {
  EXPECT_TRUE(RobotsMatch("/a*b", "/axxb/c"));
  EXPECT_TRUE(RobotsMatch("/a*b$", "/axxb"));
  EXPECT_FALSE(RobotsMatch("/a*b$", "/axxbc"));
  EXPECT_TRUE(RobotsMatch("*", "/"));
  EXPECT_FALSE(RobotsMatch("/b", "/a"));
}

TEST(Http, ParsesHeadAndRemovesChunking) {
  int status = 0;
  std::vector<HttpHeader> h;
  ASSERT_TRUE(ParseHead("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1250\r\nTransfer-Encoding: chunked\r\n\r\n", status, h).ok());
  EXPECT_EQ(status, 200);
  ASSERT_EQ(h.size(), 2u);
  Result<std::string> body = DecodedBody("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n", h);
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  EXPECT_EQ(*body, "hello world");
  EXPECT_FALSE(DecodedBody("5\r\nhel", h).ok());
  EXPECT_FALSE(DecodedBody("zz\r\n", h).ok());
  EXPECT_FALSE(ParseHead("garbage", status, h).ok());
}

TEST(Http, DecodesGzipAndDeflate) {
  std::string text(5000, 'x');
  text += "Vučić Вучић 武契奇";
  uLongf n = compressBound(text.size());
  std::string z(n, '\0');
  ASSERT_EQ(compress(reinterpret_cast<Bytef*>(z.data()), &n, reinterpret_cast<const Bytef*>(text.data()), text.size()), Z_OK);
  z.resize(n);
  Result<std::string> out = DecodedBody(z, {{"Content-Encoding", "deflate"}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
  EXPECT_FALSE(DecodedBody(z.substr(0, z.size() / 2), {{"Content-Encoding", "gzip"}}).ok());
  EXPECT_FALSE(DecodedBody("abc", {{"Content-Encoding", "br"}}).ok());
  EXPECT_FALSE(DecodedBody("abc", {{"Content-Encoding", "compress"}}).ok());
}

TEST(Url, ParsesAndResolves) {
  Result<Url> u = ParseUrl("https://Example.ORG:8443/a/b?c=1#f");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->host, "example.org");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->path, "/a/b?c=1");
  EXPECT_EQ(u->origin(), "https://example.org:8443");
  EXPECT_EQ(ParseUrl("http://a.rs/")->origin(), "http://a.rs");
  EXPECT_FALSE(ParseUrl("file:///etc/passwd").ok());
  EXPECT_FALSE(ParseUrl("not a url").ok());
  EXPECT_EQ(*ResolveUrl("http://a.rs/x/y.html", "../z.html"), "http://a.rs/z.html");
  EXPECT_EQ(*ResolveUrl("http://a.rs/x/", "https://b.rs/q"), "https://b.rs/q");
}

TEST(Warc, WritesRecordsThatReadBack) {
  std::string dir = ::testing::TempDir() + "/warc-test";
  std::filesystem::remove_all(dir);
  HttpResponse r;
  r.url = "http://127.0.0.1:9/a";
  r.status = 200;
  r.request = "GET /a HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n";
  r.head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
  r.wire_body = "6\r\n<p>Hi \r\na\r\nВучић\r\n0\r\n\r\n";
  int status = 0;
  ASSERT_TRUE(ParseHead(r.head, status, r.headers).ok());
  WarcLocation first, second;
  std::string path;
  {
    Result<std::unique_ptr<WarcWriter>> w = WarcWriter::Open({.dir = dir, .software = "Parallax/test", .operator_info = "ops@example.org"});
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    first = *(*w)->Write(r, "2026-11-29T01:00:00Z");
    r.url = "http://127.0.0.1:9/b";
    second = *(*w)->Write(r, "2026-11-29T01:00:01Z");
    path = (*w)->path();
  }
  Result<WarcRecord> rec = ReadWarcRecord(second);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  EXPECT_EQ(rec->version, "WARC/1.1");
  EXPECT_EQ(rec->Header("WARC-Type"), "response");
  EXPECT_EQ(rec->Header("WARC-Target-URI"), "http://127.0.0.1:9/b");
  EXPECT_EQ(rec->Header("WARC-Block-Digest"), WarcDigest(r.head + r.wire_body));
  EXPECT_EQ(rec->Header("WARC-Payload-Digest"), WarcDigest("<p>Hi Вучић"));
  Result<std::string> doc = ArchivedDocument(*rec);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(*doc, "<p>Hi Вучић");

  Result<std::vector<std::pair<uint64_t, WarcRecord>>> all = ReadWarcFile(path);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 5u);  // warcinfo, then response and request twice
  EXPECT_EQ((*all)[0].second.Header("WARC-Type"), "warcinfo");
  EXPECT_EQ((*all)[1].first, first.offset);
  EXPECT_EQ((*all)[2].second.Header("WARC-Type"), "request");
  EXPECT_EQ((*all)[2].second.Header("WARC-Concurrent-To"), (*all)[1].second.Header("WARC-Record-ID"));
  EXPECT_EQ((*all)[3].first, second.offset);

  EXPECT_FALSE(ReadWarcRecord({path, second.offset + 1}).ok());
  EXPECT_FALSE(ReadWarcRecord({path, 1u << 30}).ok());
  EXPECT_FALSE(ReadWarcRecord({dir + "/missing.warc.gz", 0}).ok());
  EXPECT_EQ(WarcLocation::Parse(second.ToString())->offset, second.offset);
  EXPECT_FALSE(WarcLocation::Parse("nohash").ok());
}

}  // namespace
}  // namespace parallax::collect
