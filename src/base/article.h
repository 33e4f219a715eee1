// Article: one published piece as ingest reads it, and the outlet that published it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_range.h"

namespace parallax {

struct Paragraph {
  ByteRange range;          // into Article::text
  bool blockquote = false;  // a <blockquote> in HTML, or a paragraph marked as quoted
};

// A mention of an entity in Article::text, or in Article::title when `in_title` (see
// entities/matcher.h).
struct EntityMention {
  std::string entity;  // id
  std::string name;    // display name
  std::string type;    // person, org, place, outlet, topic, role, other
  std::string via;     // alias, role, surname, new
  ByteRange range;
  bool in_title = false;
};

// The stance of a quotation's speaker toward one target (see stance/stance.h).
struct StanceRecord {
  std::string target;  // entity id
  std::string name;    // display name
  int polarity = 0;    // -1 critical, 0 neutral or mixed, +1 favourable
  double confidence = 0;
  ByteRange evidence;  // the deciding words, in the quotation's field (empty when none)
};

// A quotation in Article::text, or in Article::title when `in_title` (a headline such as
// "Vučić: …"), with its speaker (see quotes/quotes.h). The speaker's range is in the same field,
// and empty when the name that settles the speaker stands in the other one.
struct QuoteRecord {
  ByteRange content;
  std::string kind;  // direct, partial, block, indirect, term
  std::string speaker, speaker_entity, speaker_type, cue;
  ByteRange speaker_range;
  double confidence = 0;
  std::vector<StanceRecord> stance;  // toward each target the quotation concerns
  bool in_title = false;
};

struct Article {
  std::string id;          // 16 hex digits: hash of the canonical URL, else of the folded text
  std::string url;         // canonical URL when known
  std::string title;
  std::string title_en;    // an English rendering of the title, when the source gives one
  std::string published;   // ISO 8601 as parsed ("2024-09-16" or with time and zone)
  std::string day;         // "YYYY-MM-DD", empty when no date is known
  std::string outlet;      // outlet name
  std::string country;     // ISO 3166 alpha-2 (or XK) of the outlet, when known
  std::string lang;        // BCP-47 language ("sr", "sq", "zh"...)
  std::string script;      // ISO 15924 ("Latn", "Cyrl", "Hans", "Hant"...)
  double lang_confidence = 0;
  std::string author;
  std::string text;        // the body as published, UTF-8; paragraphs separated by "\n\n"
  std::vector<Paragraph> paragraphs;
  std::string extra_json;  // fields the source had that we do not model, as a JSON object
  std::string source;      // file path, URL or "-"
  int64_t record = -1;     // 1-based record number within the source
  std::string format;      // jsonl, html, text, rss
  std::string fingerprint;  // MinHash of the folded text (ingest/fingerprint.h), for near-duplicates
  std::string duplicate_of;  // id of the earlier article this one nearly repeats
  std::string archive;     // fetched pages: the WARC record of the page, "FILE#OFFSET" (collect/warc.h)
  std::string fetched_at;  // fetched pages: when, UTC ISO 8601
  std::vector<EntityMention> mentions;  // filled by the pipeline
  std::vector<QuoteRecord> quotes;      // filled by the pipeline

  // The field a mention's or quotation's offsets index.
  std::string_view Field(bool in_title) const { return in_title ? title : text; }
};

struct Outlet {
  std::string name;
  std::vector<std::string> domains;
  std::string country;
  std::string lang;
  std::vector<std::string> tags;
  std::vector<std::string> feeds;
};

}  // namespace parallax
