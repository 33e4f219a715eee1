// Invariants every fuzz target checks on what it gets back. A broken invariant aborts, so
// libFuzzer (or the replay driver in builds without it) reports the input that broke it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "base/article.h"
#include "text/utf8.h"

namespace parallax::fuzz {

[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline void Require(bool ok, const char* what) {
  if (!ok) Fail(what);
}

inline bool Inside(ByteRange r, size_t size) { return r.begin <= r.end && r.end <= size; }

// An article a reader or the pipeline returned: valid UTF-8 text, and every range (paragraphs,
// mentions, quotations, speakers, stance evidence) inside it and on character boundaries.
inline void CheckArticle(const Article& a) {
  Require(text::IsValidUtf8(a.text), "article text is not valid UTF-8");
  Require(text::IsValidUtf8(a.title), "article title is not valid UTF-8");
  // A range lies inside its field (the title or the text) on character boundaries.
  auto check = [&](ByteRange r, bool in_title, const char* what) {
    std::string_view t = a.Field(in_title);
    auto boundary = [&t](uint32_t at) { return at >= t.size() || (static_cast<unsigned char>(t[at]) & 0xC0) != 0x80; };
    Require(Inside(r, t.size()), what);
    Require(boundary(r.begin) && boundary(r.end), what);
  };
  uint32_t last_end = 0;
  for (const Paragraph& p : a.paragraphs) {
    check(p.range, false, "paragraph outside the text");
    Require(p.range.begin >= last_end, "paragraphs overlap or are out of order");
    last_end = p.range.end;
  }
  for (const EntityMention& m : a.mentions) check(m.range, m.in_title, "mention outside its field");
  for (const QuoteRecord& q : a.quotes) {
    check(q.content, q.in_title, "quotation outside its field");
    check(q.speaker_range, q.in_title, "speaker outside the quotation's field");
    for (const StanceRecord& s : q.stance) {
      check(s.evidence, q.in_title, "stance evidence outside the quotation's field");
      Require(s.polarity >= -1 && s.polarity <= 1, "stance polarity out of range");
      Require(s.confidence >= 0 && s.confidence <= 1, "stance confidence out of range");
    }
  }
}

}  // namespace parallax::fuzz
