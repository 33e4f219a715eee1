// Briefs: an analyst's cited report built from the store, rendered as Markdown (with an SVG
// chart beside it), one standalone HTML file, or PDF printed from that HTML by headless
// Chromium.
//
// Build() reads the store once and produces a Brief: every number in it comes from a query over
// the same filters, and every quotation and headline carries a footnote to a stored article.
// Footnotes follow the analysts' style: `Outlet, “Original title” [English title], Month D,
// YYYY, URL.`; a source cited again gets "Ibid." when it is the note right before, else
// "See note N.". Rendering only formats what Build() decided, so Markdown and HTML always agree.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "entities/pack.h"
#include "query/reader.h"
#include "query/search.h"
#include "query/stance.h"

namespace parallax::report {

struct Options {
  std::string query;                 // articles matching this search ("" all)
  std::vector<std::string> targets;  // entity ids (stance toward these); empty: the most discussed
  query::Filters filters;
  std::string title;                 // "" makes one from the query and targets
  std::string exonyms;               // "" or "kosovo": pack names; "kosova": Kosova/Prishtina; else a YAML file
  std::string by = "country";        // how sides are split: country or tag
  int voices = 5;                    // key voices shown
  std::string today;                 // the day the brief is dated (default: today)
};

struct Footnote {
  int number = 0;
  std::string article;  // stored article id
  std::string text;     // the full note, "Ibid." or "See note N."
};

struct Quoted {
  std::string text, lang, outlet, day, kind;
  int note = 0;
};

struct Peak {
  std::string period;
  int64_t articles = 0;
  std::string headline;
  int note = 0;
};

struct OutletRow {
  std::string name, country;
  std::vector<std::string> tags;
  int64_t articles = 0;
  double share = 0;
};

struct Official {
  std::string name, role;
  std::vector<Quoted> quotes;
};

struct TargetStance {
  std::string name;
  int64_t favourable = 0, neutral = 0, critical = 0;
};

struct VoiceSection {
  std::string name, role;
  int64_t quotes = 0;
  std::vector<std::string> outlets;
  std::vector<TargetStance> stance;
  std::vector<Quoted> examples;
};

struct Side {
  std::string group;  // a country code or an outlet tag
  int64_t articles = 0;
  std::vector<std::pair<std::string, int64_t>> speakers;  // most quoted
  std::vector<TargetStance> stance;                       // toward each target
  std::vector<std::pair<std::string, int64_t>> entities;  // most named
};

struct Brief {
  std::string title, subtitle, from, to, dated;
  std::string query, filters;  // as the user gave them, for the methods note
  std::string exonym_note;
  std::vector<std::string> target_names;
  // The corpus in numbers.
  int64_t articles = 0, unique_stories = 0, quotes = 0, stance_rows = 0;
  std::vector<std::pair<std::string, int64_t>> languages, countries;
  // Coverage over time: periods x groups.
  std::string by, interval;
  std::vector<std::string> periods, groups;
  std::map<std::string, std::vector<int64_t>> series;  // group -> count per period
  std::vector<Peak> peaks;
  std::vector<OutletRow> outlets;
  std::vector<Official> officials;
  std::vector<VoiceSection> voices;
  std::vector<Side> sides;
  std::vector<std::string> methods;  // paragraphs
  std::vector<Footnote> notes;
};

// Reads the store. `k` supplies roles on each date and display names under the exonym policy.
Result<Brief> Build(query::Reader& reader, const entities::Knowledge& k, const Options& o);

// The coverage chart as a standalone SVG document (stacked bars per period, peaks labelled).
std::string CoverageSvg(const Brief& b);
// Markdown; the chart is referenced as `svg_file` (written beside the .md by the caller).
std::string RenderMarkdown(const Brief& b, const std::string& svg_file);
// One HTML file with inline CSS and SVG, printable and readable on a phone.
std::string RenderHtml(const Brief& b);

// Prints `html_path` to `pdf_path` with headless Chromium; kUnavailable with install advice when
// no Chromium is found.
Status PrintPdf(const std::string& html_path, const std::string& pdf_path);
// The Chromium binary on PATH, or "".
std::string FindChromium();

// "September 16, 2031" from "2031-09-16".
std::string LongDate(const std::string& day);

}  // namespace parallax::report
