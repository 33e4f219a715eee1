// parallax: the command-line edge. Parses arguments, calls the library, prints, and maps each
// Status to an exit code. No analysis logic lives here.
//
// Exit status: 0 success; 1 internal error; 2 usage error or bad query; 3 ingest finished but
// quarantined some records (every good record was stored); 4 not found; 5 workspace
// unavailable, unreadable or corrupt (busy, I/O, disk full); 6 a size limit was exceeded.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <cmath>
#include <iterator>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "cli/collect_commands.h"
#include "cli/common.h"
#include "cli/output.h"
#include "cli/report_command.h"
#include "cli/serve_command.h"
#include "cli/stance_commands.h"
#include "entities/matcher.h"
#include "ingest/reader.h"
#include "pipeline/collect_job.h"
#include "pipeline/ingest_job.h"
#include "quotes/quotes.h"
#include "query/clickhouse.h"
#include "query/search.h"
#include "query/stance.h"
#include "store/clickhouse_store.h"
#include "store/sqlite_store.h"
#include "text/langid.h"
#include "text/segment.h"
#include "text/translit.h"

namespace parallax::cli {
namespace {

constexpr const char* kVersion = PARALLAX_VERSION;
constexpr int kExitQuarantined = 3;

std::string FormatDuration(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}


// ---- init ----
int CmdInit(const std::string& path) {
  Result<std::unique_ptr<store::SqliteStore>> s = store::SqliteStore::Open(path, {.create = true});
  if (!s.ok()) return Fail(s.status());
  fmt::print("initialised workspace {} (schema {})\n", path, (*s)->schema_version());
  return 0;
}

// ---- ingest ----
struct IngestArgs {
  std::vector<std::string> paths;
  std::string outlet, lang, format = "auto", outlets_file;
  std::vector<std::string> packs;
  bool no_entities = false, no_stance = false;
  std::string model;
  int jobs = 0;
  int batch = 0;  // articles per transaction or ClickHouse insert; 0: 500 (SQLite) or 5,000 (ClickHouse)
  uint64_t max_source_bytes = ingest::SourceLimits{}.max_bytes;
  uint64_t max_document_bytes = ingest::ReadOptions{}.max_document_bytes;
  bool quiet = false;
  std::string store, spool = "parallax-spool";  // a ClickHouse store instead of the workspace file
};

void PrintSummary(const pipeline::IngestSummary& s) {
  const store::RunCounts& c = s.counts;
  fmt::print("seen {}, stored {}, duplicates {}, quarantined {}", c.seen, c.stored, c.duplicates, c.quarantined);
  if (c.near_duplicates > 0) fmt::print(" (near-duplicates linked: {})", c.near_duplicates);
  double mb = s.bytes / 1e6;
  fmt::print("\n{:.2f} MB of text in {:.2f} s ({:.1f} MB/s)\n", mb, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0);
}

Result<pipeline::IngestSummary> Ingest(store::Store& db, const IngestArgs& a) {
  pipeline::IngestOptions o;
  o.paths = a.paths;
  o.outlet = a.outlet;
  o.lang = a.lang;
  o.outlets_file = a.outlets_file;
  o.packs = a.packs;
  o.find_entities = !a.no_entities;
  o.find_stance = !a.no_stance;
  o.stance_model = a.model;
  o.jobs = a.jobs;
  // ClickHouse wants few, large inserts: each one makes a part per table and partition.
  o.batch_articles = a.batch > 0 ? a.batch : a.store.empty() ? pipeline::IngestOptions{}.batch_articles : 5000;
  o.read.format = a.format;
  o.read.limits.max_bytes = a.max_source_bytes;
  o.read.max_document_bytes = a.max_document_bytes;
  o.read.max_line_bytes = a.max_document_bytes;
  bool tty = isatty(STDERR_FILENO);
  uint64_t total = 0;
  for (const std::string& p : a.paths) {
    std::error_code ec;
    if (p == "-") continue;
    if (std::filesystem::is_directory(p, ec)) {
      for (auto& e : std::filesystem::recursive_directory_iterator(p, ec)) {
        if (e.is_regular_file(ec)) total += e.file_size(ec);
      }
    } else {
      total += std::filesystem::file_size(p, ec);
    }
  }
  if (tty && !a.quiet) {
    o.on_progress = [total](const pipeline::IngestProgress& p) {
      double rate = p.seconds > 0 ? p.bytes / p.seconds : 0;
      double frac = total > 0 ? std::min(1.0, double(p.bytes) / total) : 0;
      int filled = static_cast<int>(frac * 24);
      std::string eta = rate > 0 && total > p.bytes ? FormatDuration((total - p.bytes) / rate) : "-";
      fmt::print(stderr, "\r[{}{}] {} articles  {:.0f} art/s  {:.1f} MB/s  ETA {}   ", std::string(filled, '#'),
                 std::string(24 - filled, '.'), p.counts.seen, p.seconds > 0 ? p.counts.seen / p.seconds : 0.0,
                 rate / 1e6, eta);
    };
  }
  if (!a.quiet) {
    o.on_reject = [tty](const Status& s) {
      if (tty) fmt::print(stderr, "\r");
      fmt::print(stderr, "parallax: quarantined: {}\n", s.ToString());
    };
  }
  Result<pipeline::IngestSummary> r = pipeline::RunIngest(db, o);
  if (tty && !a.quiet) fmt::print(stderr, "\r{}\r", std::string(90, ' '));
  return r;
}

int CmdIngest(const Common& c, const IngestArgs& a) {
  if (!a.store.empty()) {
    // ClickHouse: the same ingest into a server; batches it cannot take are spooled.
    auto url = store::ClickHouseUrl::Parse(a.store);
    if (!url.ok()) return Fail(url.status());
    auto ch = store::ClickHouseStore::Open(*url, {.spool_dir = a.spool});
    if (!ch.ok()) return Fail(ch.status());
    Result<pipeline::IngestSummary> r = Ingest(**ch, a);
    if (!r.ok()) return Fail(r.status());
    PrintSummary(*r);
    if ((*ch)->spooled_articles() > 0) {
      fmt::print(stderr,
                 "parallax: {} articles spooled to {}: {} did not take them; they are sent by the next ingest or "
                 "`parallax clickhouse flush`\n",
                 (*ch)->spooled_articles(), a.spool, url->ToString());
    }
    return r->counts.quarantined > 0 ? kExitQuarantined : 0;
  }
  auto db = OpenDb(c.db, true);
  if (!db.ok()) return Fail(db.status());
  Result<pipeline::IngestSummary> r = Ingest(**db, a);
  if (!r.ok()) return Fail(r.status());
  PrintSummary(*r);
  return r->counts.quarantined > 0 ? kExitQuarantined : 0;
}

// ---- clickhouse ----
int CmdClickHouse(const std::string& action, const std::string& store_url, const std::string& cluster,
                  const std::string& spool) {
  auto url = store::ClickHouseUrl::Parse(store_url);
  if (!url.ok()) return Fail(url.status());
  if (action == "schema") {
    fmt::print("{}", store::ClickHouseSchema(url->database, cluster));
    return 0;
  }
  auto ch = store::ClickHouseStore::Open(*url, {.spool_dir = spool});  // sends the spool
  if (!ch.ok()) return Fail(ch.status());
  fmt::print("{}: schema ready, spool {} sent\n", url->ToString(), spool);
  return 0;
}

// ---- quarantine ----
int CmdQuarantine(const Common& c, int64_t limit) {
  auto db = OpenDb(c.db, false);
  if (!db.ok()) return Fail(db.status());
  auto list = (*db)->QuarantineList(limit);
  if (!list.ok()) return Fail(list.status());
  auto fmt_ = ParseFormat(c.format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  Rows rows{{"run", "source", "record", "offset", "field", "code", "reason", "at"}, {}};
  for (const auto& e : *list) {
    rows.rows.push_back({e.run, e.source, e.record, e.offset >= 0 ? nlohmann::json(e.offset) : nlohmann::json(),
                         e.field, e.code, e.reason, e.at});
  }
  Print(rows, *fmt_);
  return 0;
}

// --date: "" when absent, else the day it names.
Result<std::string> DateOption(const std::string& date) {
  if (date.empty()) return std::string();
  Result<Date> d = ParseDate(date);
  if (!d.ok()) return Status::InvalidInput("--date: " + d.status().message());
  return d->Day();
}

// ---- search ----
int CmdSearch(const Common& c, const std::string& q, query::Filters f, int64_t limit, bool count, bool facets,
              const std::string& entity) {
  auto store = OpenQueryStore(c);
  if (!store.ok()) return Fail(store.status());
  query::Reader& r = *store->reader;
  if (!entity.empty()) {
    auto k = store->Knowledge();
    if (!k.ok()) return Fail(k.status());
    f.entity = store->ResolveEntity(*k, entity);
    if (f.entity.empty()) return Fail(Status::NotFound("no such entity", Where{.source = entity}));
  }
  auto fmt_ = ParseFormat(c.format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  if (count) {
    auto n = r.Count(q, f);
    if (!n.ok()) return Fail(n.status());
    fmt::print("{}\n", *n);
    return 0;
  }
  if (facets) {
    auto fc = r.FacetCounts(q, f);
    if (!fc.ok()) return Fail(fc.status());
    Rows rows{{"facet", "value", "count"}, {}};
    for (const auto& [name, list] : *fc) {
      for (const auto& v : list) rows.rows.push_back({name, v.value, v.count});
    }
    Print(rows, *fmt_);
    return 0;
  }
  auto hits = r.Search(q, f, limit);
  if (!hits.ok()) return Fail(hits.status());
  Rows rows{{"id", "date", "outlet", "lang", "title", "snippet", "url"}, {}};
  for (const auto& hit : *hits) {
    std::string snippet = hit.snippet;
    if (*fmt_ == Format::kTable) {
      // Terminals: hits in brackets.
      for (auto [from, to] : {std::pair{"<mark>", "["}, {"</mark>", "]"}}) {
        for (size_t at = snippet.find(from); at != std::string::npos; at = snippet.find(from, at)) snippet.replace(at, std::strlen(from), to);
      }
    }
    rows.rows.push_back({hit.id, hit.day, hit.outlet, hit.lang, hit.title, snippet, hit.url});
  }
  Print(rows, *fmt_);
  return 0;
}

// ---- timeline ----
int CmdTimeline(const Common& c, const std::string& q, const std::string& interval, const std::string& by,
                query::Filters f) {
  auto fmt_ = ParseFormat(c.format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  auto store = OpenQueryStore(c);
  if (!store.ok()) return Fail(store.status());
  auto rows = store->reader->Timeline(q, interval, by, f);
  if (!rows.ok()) return Fail(rows.status());
  Rows out{{"period"}, {}};
  if (!by.empty()) out.columns.push_back(by);
  out.columns.push_back("count");
  for (const auto& r : *rows) {
    if (by.empty()) out.rows.push_back({r.period, r.count});
    else out.rows.push_back({r.period, r.group, r.count});
  }
  Print(out, *fmt_);
  return 0;
}

// ---- show ----
int CmdShow(const Common& c, const std::string& id, bool archived) {
  auto store = OpenQueryStore(c);
  if (!store.ok()) return Fail(store.status());
  if (archived && store->clickhouse) {
    return Fail(Status::InvalidInput("--archived reads the WARC files beside a workspace: not with --store"));
  }
  auto a = store->reader->GetArticle(id);
  if (!a.ok()) return Fail(a.status());
  if (!a->has_value()) return Fail(Status::NotFound("no such article", Where{.source = id}));
  const Article& x = **a;
  if (archived) {
    std::string dir = std::filesystem::path(store->workspace->path()).parent_path().string();
    Result<std::string> html = pipeline::ArchivedHtml(x, dir.empty() ? "." : dir);
    if (!html.ok()) return Fail(html.status());
    std::fwrite(html->data(), 1, html->size(), stdout);
    return 0;
  }
  if (c.format == "json" || c.format == "jsonl" || (c.format.empty() && !isatty(STDOUT_FILENO))) {
    nlohmann::json j = {{"id", x.id}, {"url", x.url}, {"title", x.title}, {"title_en", x.title_en},
                        {"published", x.published}, {"outlet", x.outlet}, {"country", x.country},
                        {"lang", x.lang}, {"script", x.script}, {"lang_confidence", x.lang_confidence},
                        {"author", x.author}, {"source", x.source}, {"record", x.record},
                        {"duplicate_of", x.duplicate_of.empty() ? nlohmann::json() : nlohmann::json(x.duplicate_of)},
                        {"archive", x.archive.empty() ? nlohmann::json() : nlohmann::json(x.archive)},
                        {"fetched_at", x.fetched_at.empty() ? nlohmann::json() : nlohmann::json(x.fetched_at)},
                        {"text", x.text}};
    nlohmann::json paras = nlohmann::json::array();
    for (const Paragraph& p : x.paragraphs) paras.push_back({{"start", p.range.begin}, {"end", p.range.end}, {"blockquote", p.blockquote}});
    j["paragraphs"] = paras;
    if (!x.extra_json.empty()) j["extra"] = nlohmann::json::parse(x.extra_json, nullptr, false);
    fmt::print("{}\n", j.dump(c.format == "json" ? 2 : -1));
    return 0;
  }
  fmt::print("{}\n{}\n", x.title, std::string(std::min<size_t>(DisplayWidth(x.title), 80), '='));
  fmt::print("id:        {}\noutlet:    {}{}\npublished: {}\nlanguage:  {} ({}, confidence {:.2f})\nurl:       {}\n",
             x.id, x.outlet, x.country.empty() ? "" : " (" + x.country + ")", x.published, x.lang, x.script,
             x.lang_confidence, x.url);
  if (!x.duplicate_of.empty()) fmt::print("copy of:   {}\n", x.duplicate_of);
  if (!x.archive.empty()) fmt::print("archived:  {} (fetched {}; parallax show {} --archived)\n", x.archive, x.fetched_at, x.id);
  fmt::print("\n");
  for (const Paragraph& p : x.paragraphs) fmt::print("{}{}\n\n", p.blockquote ? "> " : "", p.range.Of(x.text));
  return 0;
}

// ---- entities ----
// Reads FILE (any format ingest reads) and prints each article's entity mentions.
Result<std::vector<Article>> ReadArticles(const std::string& path) {
  std::vector<Article> out;
  Status first_error;
  ingest::ReadSource(path, {}, [&](ingest::Record& r) {
    if (r.article.ok()) {
      out.push_back(std::move(*r.article));
    } else if (first_error.ok()) {
      first_error = r.article.status();
    }
  });
  if (out.empty()) return first_error.ok() ? Status::InvalidInput("no articles", Where{.source = path}) : first_error;
  return out;
}

// The field of an article that a mention's or quotation's offsets index.
const char* FieldName(bool in_title) { return in_title ? "title" : "text"; }

int CmdEntities(const std::vector<std::string>& packs, const std::string& date, bool summary, const std::string& path,
                const std::string& format) {
  auto day = DateOption(date);
  if (!day.ok()) return Fail(day.status());
  auto k = pipeline::LoadKnowledge(packs);
  if (!k.ok()) return Fail(k.status());
  auto matcher = entities::Matcher::Create(*k);
  if (!matcher.ok()) return Fail(matcher.status());
  auto articles = ReadArticles(path);
  if (!articles.ok()) return Fail(articles.status());
  auto fmt_ = ParseFormat(format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  Rows rows{{"doc", "entity", "name", "type", "surface", "field", "start", "end", "via"}, {}};
  std::map<std::string, std::pair<std::string, int64_t>> counts;
  for (Article& a : *articles) {
    if (!day->empty()) a.day = *day;
    std::string doc = a.url.empty() ? fmt::format("{}#{}", path, a.record) : a.url;
    pipeline::AnalyseArticle(a, **matcher);
    for (const EntityMention& m : a.mentions) {
      rows.rows.push_back({doc, m.entity, m.name, m.type, std::string(m.range.Of(a.Field(m.in_title))), FieldName(m.in_title),
                           m.range.begin, m.range.end, m.via});
      auto& c = counts[m.entity];
      c.first = m.name;
      ++c.second;
    }
  }
  if (summary) {
    Rows s{{"entity", "name", "mentions"}, {}};
    std::vector<std::pair<std::string, std::pair<std::string, int64_t>>> v(counts.begin(), counts.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second.second > b.second.second; });
    for (const auto& [id, c] : v) s.rows.push_back({id, c.first, c.second});
    Print(s, *fmt_);
    return 0;
  }
  Print(rows, *fmt_);
  return 0;
}

int CmdEntity(const Common& c, const std::vector<std::string>& packs, const std::string& name) {
  // Without a workspace (or --store), the packs alone answer.
  QueryStore none;
  Result<QueryStore> store = !c.store.empty() || std::filesystem::exists(c.db) ? OpenQueryStore(c) : Result<QueryStore>(std::move(none));
  if (!store.ok()) return Fail(store.status());
  bool stored = store->reader != nullptr;
  auto k = stored ? store->Knowledge(packs) : pipeline::LoadKnowledge(packs);
  if (!k.ok()) return Fail(k.status());
  std::string id = store->ResolveEntity(*k, name);
  if (id.empty()) return Fail(Status::NotFound("no such entity in the packs or the workspace", Where{.source = name}));
  const entities::Entity* e = k->Find(id);
  nlohmann::json j = {{"id", id}};
  if (e != nullptr) {
    j["name"] = e->name;
    j["type"] = std::string(entities::TypeName(e->type));
    nlohmann::json aliases = nlohmann::json::object();
    for (const auto& a : e->aliases) aliases[a.lang].push_back(a.text);
    j["aliases"] = aliases;
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& r : e->roles) {
      const entities::Entity* org = k->Find(r.org);
      roles.push_back({{"title", r.title}, {"org", r.org}, {"org_name", org ? org->name : r.org}, {"from", r.from}, {"to", r.to}});
    }
    j["roles"] = roles;
  }
  if (stored) {
    auto counts = store->reader->CountEntity(id);
    if (!counts.ok()) return Fail(counts.status());
    j["mentions"] = counts->mentions;
    j["articles"] = counts->articles;
    for (auto [key, list] : {std::pair{"by_outlet", &counts->by_outlet}, {"by_month", &counts->by_month}}) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& f : *list) arr.push_back({{"value", f.value}, {"count", f.count}});
      j[key] = arr;
    }
  }
  if (c.format == "json" || c.format == "jsonl" || (c.format.empty() && !isatty(STDOUT_FILENO))) {
    fmt::print("{}\n", j.dump(c.format == "json" ? 2 : -1));
    return 0;
  }
  fmt::print("{} ({}{})\n", j.value("name", id), id, e ? ", " + std::string(entities::TypeName(e->type)) : "");
  if (e != nullptr) {
    for (const auto& [lang, list] : j["aliases"].items()) {
      std::string names;
      for (const auto& n : list) names += (names.empty() ? "" : ", ") + n.get<std::string>();
      fmt::print("  {:<8} {}\n", lang, names);
    }
    for (const auto& r : e->roles) {
      const entities::Entity* org = k->Find(r.org);
      fmt::print("  role     {}, {} ({} – {})\n", r.title, org ? org->name : r.org, r.from.empty() ? "?" : r.from, r.to);
    }
  }
  if (j.contains("mentions")) {
    fmt::print("\n{} mentions in {} articles\n\n", j["mentions"].get<int64_t>(), j["articles"].get<int64_t>());
    Rows by_outlet{{"outlet", "mentions"}, {}};
    for (const auto& f : j["by_outlet"]) by_outlet.rows.push_back({f["value"], f["count"]});
    Print(by_outlet, Format::kTable);
    fmt::print("\n");
    Rows by_month{{"month", "mentions"}, {}};
    for (const auto& f : j["by_month"]) by_month.rows.push_back({f["value"], f["count"]});
    Print(by_month, Format::kTable);
  }
  return 0;
}

// ---- quotes ----
// A quotation's stance as the JSON array the issue promises (target, name, polarity,
// confidence, evidence offsets).
nlohmann::json StanceJson(const std::vector<StanceRecord>& stance) {
  nlohmann::json out = nlohmann::json::array();
  for (const StanceRecord& s : stance) {
    nlohmann::json j = {{"target", s.target}, {"name", s.name}, {"polarity", s.polarity},
                        {"confidence", std::round(s.confidence * 100) / 100}};
    j["evidence_start"] = s.evidence.empty() ? nlohmann::json() : nlohmann::json(s.evidence.begin);
    j["evidence_end"] = s.evidence.empty() ? nlohmann::json() : nlohmann::json(s.evidence.end);
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json StanceJson(const std::vector<query::StanceEntry>& stance) {
  std::vector<StanceRecord> records;
  for (const query::StanceEntry& e : stance) {
    ByteRange ev;
    if (e.evidence_start >= 0) ev = {static_cast<uint32_t>(e.evidence_start), static_cast<uint32_t>(e.evidence_end)};
    records.push_back({e.target, e.name, e.polarity, e.confidence, ev});
  }
  return StanceJson(records);
}

int CmdQuotes(const std::vector<std::string>& packs, const std::string& date, const std::string& lang,
              const std::vector<std::string>& paths, const std::string& format, const std::string& model, bool headlines) {
  auto day = DateOption(date);
  if (!day.ok()) return Fail(day.status());
  auto an = pipeline::Analysers::Load(packs, model);
  if (!an.ok()) return Fail(an.status());
  auto fmt_ = ParseFormat(format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  Rows rows{{"doc", "text", "field", "start", "end", "kind", "speaker", "speaker_entity", "speaker_type", "speaker_start",
             "speaker_end", "cue", "confidence", "lang", "stance"}, {}};
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  ingest::OutletRegistry outlets;
  for (const std::string& path : paths) {
    auto articles = ReadArticles(path);
    if (!articles.ok()) return Fail(articles.status());
    for (Article& a : *articles) {
      if (!day->empty()) a.day = *day;
      pipeline::CompleteArticle(a, outlets, "", lang, an->matcher.get(), an->quotes.get(), an->stance.get());
      std::string doc = a.url.empty() ? fmt::format("{}#{}", path, a.record) : a.url;
      std::string tag = a.lang == "sr" ? "sr-" + a.script : a.lang == "zh" ? "zh-" + a.script : a.lang;
      for (const QuoteRecord& q : a.quotes) {
        if (headlines && !q.in_title) continue;
        bool has = !q.speaker.empty() && !q.speaker_range.empty();
        rows.rows.push_back({doc, std::string(q.content.Of(a.Field(q.in_title))), FieldName(q.in_title), q.content.begin,
                             q.content.end, q.kind,
                             or_null(q.speaker), or_null(q.speaker_entity), or_null(q.speaker_type),
                             has ? nlohmann::json(q.speaker_range.begin) : nlohmann::json(),
                             has ? nlohmann::json(q.speaker_range.end) : nlohmann::json(), or_null(q.cue),
                             std::round(q.confidence * 100) / 100, tag, StanceJson(q.stance)});
      }
    }
  }
  Print(rows, *fmt_);
  return 0;
}

int CmdStoredQuotes(const Common& c, query::Filters f, const std::string& speaker, const std::string& match,
                    const std::string& target, const std::string& polarity, int64_t limit, bool headlines) {
  auto store = OpenQueryStore(c);
  if (!store.ok()) return Fail(store.status());
  auto fmt_ = ParseFormat(c.format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  query::QuoteQuery qq{.match = match, .headlines = headlines};
  if (!speaker.empty() || !target.empty()) {
    auto k = store->Knowledge();
    if (!k.ok()) return Fail(k.status());
    if (!speaker.empty()) {
      qq.speaker_entity = store->ResolveEntity(*k, speaker);
      if (qq.speaker_entity.empty()) return Fail(Status::NotFound("no such speaker", Where{.source = speaker}));
    }
    if (!target.empty()) {
      qq.target = store->ResolveEntity(*k, target);
      if (qq.target.empty()) return Fail(Status::NotFound("no such target", Where{.source = target}));
    }
  }
  if (!polarity.empty()) {
    if (target.empty()) return Fail(Status::InvalidInput("--stance needs --target"));
    qq.polarity = polarity == "favourable" || polarity == "+1" || polarity == "1" ? 1
                  : polarity == "critical" || polarity == "-1"                    ? -1
                  : polarity == "neutral" || polarity == "0"                      ? 0
                                                                                  : 3;
    if (qq.polarity == 3) return Fail(Status::InvalidInput("--stance: favourable, neutral or critical (or 1, 0, -1)"));
  }
  auto rows = store->reader->Quotes(f, qq, limit);
  if (!rows.ok()) return Fail(rows.status());
  Rows out{{"doc", "date", "outlet", "text", "field", "start", "end", "kind", "speaker", "speaker_entity", "speaker_type",
            "cue", "confidence", "lang", "stance"}, {}};
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  for (const auto& r : *rows) {
    out.rows.push_back({r.article, r.day, r.outlet, r.text, FieldName(r.in_title), r.start, r.end, r.kind, or_null(r.speaker),
                        or_null(r.speaker_entity), or_null(r.speaker_type), or_null(r.cue), r.confidence, r.lang,
                        StanceJson(r.stance)});
  }
  Print(out, *fmt_);
  return 0;
}

// ---- analyze ----
int CmdAnalyze(const std::vector<std::string>& packs, const std::string& date, const std::string& lang, const std::string& path,
               const std::string& model) {
  auto day = DateOption(date);
  if (!day.ok()) return Fail(day.status());
  auto an = pipeline::Analysers::Load(packs, model);
  if (!an.ok()) return Fail(an.status());
  auto articles = ReadArticles(path);
  if (!articles.ok()) return Fail(articles.status());
  ingest::OutletRegistry outlets;
  for (Article& a : *articles) {
    if (!day->empty()) a.day = *day;
    pipeline::CompleteArticle(a, outlets, "", lang, an->matcher.get(), an->quotes.get(), an->stance.get());
    text::DocumentLanguage dl = text::IdentifyDocument(a.text);
    nlohmann::json j = {{"doc", a.url.empty() ? fmt::format("{}#{}", path, a.record) : a.url}, {"id", a.id},
                        {"title", a.title}, {"published", a.published}, {"outlet", a.outlet},
                        {"lang", a.lang}, {"script", a.script}, {"lang_confidence", a.lang_confidence}};
    nlohmann::json other = nlohmann::json::array();
    for (const auto& s : dl.others) other.push_back({{"start", s.range.begin}, {"end", s.range.end}, {"tag", s.guess.tag}});
    j["other_languages"] = other;
    nlohmann::json paragraphs = nlohmann::json::array(), sentences = nlohmann::json::array();
    for (const Paragraph& p : a.paragraphs) {
      paragraphs.push_back({{"start", p.range.begin}, {"end", p.range.end}, {"blockquote", p.blockquote}});
      for (ByteRange s : text::SplitSentences(p.range.Of(a.text), a.lang)) {
        sentences.push_back({{"start", s.begin + p.range.begin}, {"end", s.end + p.range.begin}});
      }
    }
    j["paragraphs"] = paragraphs;
    j["sentences"] = sentences;
    nlohmann::json ents = nlohmann::json::array();
    for (const EntityMention& m : a.mentions) {
      ents.push_back({{"entity", m.entity}, {"name", m.name}, {"type", m.type}, {"surface", m.range.Of(a.Field(m.in_title))},
                      {"field", FieldName(m.in_title)}, {"start", m.range.begin}, {"end", m.range.end}, {"via", m.via}});
    }
    j["entities"] = ents;
    nlohmann::json qs = nlohmann::json::array();
    auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
    for (const QuoteRecord& q : a.quotes) {
      bool has = !q.speaker.empty() && !q.speaker_range.empty();
      qs.push_back({{"text", q.content.Of(a.Field(q.in_title))}, {"field", FieldName(q.in_title)},
                    {"start", q.content.begin}, {"end", q.content.end}, {"kind", q.kind},
                    {"speaker", or_null(q.speaker)}, {"speaker_entity", or_null(q.speaker_entity)},
                    {"speaker_type", or_null(q.speaker_type)},
                    {"speaker_start", has ? nlohmann::json(q.speaker_range.begin) : nlohmann::json()},
                    {"speaker_end", has ? nlohmann::json(q.speaker_range.end) : nlohmann::json()},
                    {"cue", or_null(q.cue)}, {"confidence", std::round(q.confidence * 100) / 100},
                    {"stance", StanceJson(q.stance)}});
    }
    j["quotes"] = qs;
    fmt::print("{}\n", j.dump(2));
  }
  return 0;
}

// ---- langid ----
nlohmann::json GuessJson(const text::LangGuess& g) {
  return {{"tag", g.tag}, {"lang", g.lang}, {"script", g.script}, {"confidence", g.confidence}};
}

int CmdLangid(const std::string& path, bool lines, bool paragraphs) {
  auto in = ReadInput(path);
  if (!in.ok()) return Fail(in.status());
  auto emit = [](std::string_view t) {
    text::LangResult r = text::IdentifyLanguage(t);
    nlohmann::json alts = nlohmann::json::array();
    for (const auto& a : r.alternatives) alts.push_back({{"tag", a.tag}, {"confidence", a.confidence}});
    nlohmann::json j = GuessJson(r.best);
    j["alternatives"] = alts;
    fmt::print("{}\n", j.dump());
  };
  if (!lines) {
    text::DocumentLanguage d = text::IdentifyDocument(*in);
    if (paragraphs) {
      for (const text::LangSpan& s : d.paragraphs) {
        nlohmann::json j = GuessJson(s.guess);
        j["start"] = s.range.begin;
        j["end"] = s.range.end;
        fmt::print("{}\n", j.dump());
      }
      return 0;
    }
    nlohmann::json alts = nlohmann::json::array();
    for (const auto& a : d.dominant.alternatives) alts.push_back({{"tag", a.tag}, {"confidence", a.confidence}});
    nlohmann::json spans = nlohmann::json::array();
    for (const text::LangSpan& s : d.others) {
      nlohmann::json j = GuessJson(s.guess);
      j["start"] = s.range.begin;
      j["end"] = s.range.end;
      spans.push_back(j);
    }
    nlohmann::json j = GuessJson(d.dominant.best);
    j["alternatives"] = alts;
    j["spans"] = spans;
    fmt::print("{}\n", j.dump());
    return 0;
  }
  std::string_view all = *in;
  while (!all.empty()) {
    size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) emit(line);
  }
  return 0;
}

// ---- translit ----
int CmdTranslit(const std::string& to, const std::string& lang, const std::string& path) {
  auto in = ReadInput(path);
  if (!in.ok()) return Fail(in.status());
  if (to == "latin") {
    fmt::print("{}", text::CyrillicToLatin(*in, lang == "mk" ? text::TranslitLang::kMacedonian : text::TranslitLang::kSerbian).text);
  } else {
    if (lang == "mk") return Fail(Status::InvalidInput("Latin to Cyrillic is available for Serbian only"));
    fmt::print("{}", text::LatinToCyrillic(*in).text);
  }
  return 0;
}

// ---- demo ----
std::string FindCorpus(const std::string& given) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  if (!given.empty()) candidates.push_back(given);
  if (const char* home = std::getenv("PARALLAX_HOME")) candidates.push_back(fs::path(home) / "examples/sample-corpus");
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / "../examples/sample-corpus");
    candidates.push_back(exe.parent_path() / "../share/parallax/examples/sample-corpus");
  }
  candidates.push_back("examples/sample-corpus");
  for (const auto& c : candidates) {
    if (fs::is_directory(c, ec)) return fs::weakly_canonical(c, ec).string();
  }
  return "";
}

int CmdDemo(const std::string& corpus_arg, const std::string& dir) {
  std::string corpus = FindCorpus(corpus_arg);
  if (corpus.empty()) return Fail(Status::NotFound("sample corpus not found (pass --corpus DIR)"));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string db_path = dir + "/parallax.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix, ec);
  auto db = store::SqliteStore::Open(db_path, {.create = true});
  if (!db.ok()) return Fail(db.status());
  fmt::print("== Parallax demo: ingesting {}\n   into {}\n\n", corpus, db_path);
  IngestArgs a;
  a.paths = {corpus};
  auto r = Ingest(**db, a);
  if (!r.ok()) return Fail(r.status());
  PrintSummary(*r);
  fmt::print("(the quarantined records come from the corpus's deliberately malformed file)\n");
  sqlite3* h = (*db)->db();
  const struct {
    const char* title;
    const char* query;
  } kSearches[] = {
      {"Cross-script: a Latin query finds Serbian Cyrillic, Latin and Albanian spellings", "Kina"},
      {"Inflected Albanian: 'Kosovës' also finds Kosova, Kosovo and Косово", "Kosovës"},
      {"Chinese: a name inside unspaced text", "科索沃"},
  };
  for (const auto& s : kSearches) {
    auto hits = query::Search(h, s.query, {}, 5);
    auto n = query::Count(h, s.query, {});
    if (!hits.ok()) return Fail(hits.status());
    fmt::print("\n== {}\n$ parallax search '{}' --db {}   ({} articles)\n", s.title, s.query, db_path, n.ok() ? *n : 0);
    Rows rows{{"date", "outlet", "lang", "title"}, {}};
    for (const auto& hit : *hits) rows.rows.push_back({hit.day, hit.outlet, hit.lang, hit.title});
    Print(rows, Format::kTable);
  }
  auto tl = query::Timeline(h, "", "month", "country", {});
  if (tl.ok()) {
    fmt::print("\n== Coverage by month and outlet country\n$ parallax timeline --interval month --by country --db {}\n", db_path);
    Rows rows{{"month", "country", "articles"}, {}};
    for (const auto& t : *tl) rows.rows.push_back({t.period, t.group, t.count});
    Print(rows, Format::kTable);
  }
  auto speakers = query::TopSpeakers(h, {}, 5);
  if (speakers.ok()) {
    fmt::print("\n== Most quoted voices\n$ parallax quotes --speaker NAME --db {}\n", db_path);
    Rows rows{{"speaker", "quotations", "outlets", "for example"}, {}};
    for (const auto& s : *speakers) {
      auto q = query::ListQuotes(h, {}, {.speaker_entity = s.entity}, 1);
      rows.rows.push_back({s.name, s.quotes, s.outlets, q.ok() && !q->empty() ? (*q)[0].text : ""});
    }
    Print(rows, Format::kTable);
  }
  auto cells = query::StanceTable(h, {}, {.target = "place/cn", .by = "outlet"});
  if (cells.ok()) {
    fmt::print("\n== Stance toward China, by outlet (quotations of named speakers)\n"
               "$ parallax stance --target China --by outlet --db {}\n", db_path);
    Rows rows{{"outlet", "favourable", "neutral", "critical", "net", "strongest quotation"}, {}};
    for (const auto& c : *cells) {
      rows.rows.push_back({c.holder, c.favourable, c.neutral, c.critical, std::round(c.net * 100) / 100, c.strongest.text});
    }
    Print(rows, Format::kTable);
  }
  // The brief an analyst would publish, from the same workspace.
  auto k = pipeline::LoadKnowledge({}, h);
  if (!k.ok()) return Fail(k.status());
  auto brief = report::Build(*query::SqliteReader(h), *k, {.title = "How outlets in Serbia, Kosovo and China cover China's stance on Kosovo (sample corpus)"});
  if (!brief.ok()) return Fail(brief.status());
  fmt::print("\n== Brief\n$ parallax report --out {0}/brief.html --db {1}   (and --out {0}/brief.md)\n", dir, db_path);
  for (const char* format : {"html", "md"}) {
    auto written = WriteBrief(*brief, format, fmt::format("{}/brief.{}", dir, format));
    if (!written.ok()) return Fail(written.status());
    for (const std::string& f : *written) fmt::print("wrote {}\n", f);
  }
  fmt::print("\nTop five voices in the brief:\n");
  for (size_t i = 0; i < brief->voices.size() && i < 5; ++i) {
    const report::VoiceSection& v = brief->voices[i];
    fmt::print("  {}. {} ({} quotations, most in {})\n", i + 1, v.name, v.quotes, v.outlets.empty() ? "-" : v.outlets[0]);
  }
  fmt::print("\nTry: parallax search 'Milović' --db {}   |   parallax quotes --speaker Gashi --db {}   |   "
             "parallax voices --target China --db {}   |   parallax network --out actors.graphml --db {}\n",
             db_path, db_path, db_path, db_path);
  return 0;
}

int Run(int argc, char** argv) {
  CLI::App app{"Parallax: multilingual media-narrative analysis.\n"
               "Exit status: 0 ok, 1 internal error, 2 usage or bad query, 3 ingest quarantined records,\n"
               "4 not found, 5 workspace unavailable or corrupt, 6 size limit exceeded, 7 fetch or watch: a feed or\n"
               "page could not be fetched (listed on stderr and by `watch --status`)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", kVersion);
  Common common;

  CLI::App* version = app.add_subcommand("version", "Print the version");

  std::string init_path;
  CLI::App* init = app.add_subcommand("init", "Create a workspace (one SQLite file)");
  init->add_option("path", init_path, "Workspace file (default ./parallax.db or $PARALLAX_DB)");
  AddDb(init, common);

  IngestArgs ingest_args;
  CLI::App* ingest = app.add_subcommand("ingest", "Read articles from files, directories or - (stdin)");
  ingest->add_option("paths", ingest_args.paths, "Files, directories (recursive) or -")->required();
  ingest->add_option("--outlet", ingest_args.outlet, "Outlet for records that name none");
  ingest->add_option("--lang", ingest_args.lang, "Language for records that declare none");
  ingest->add_option("--format", ingest_args.format, "auto, jsonl, html, text or rss")
      ->check(CLI::IsMember({"auto", "jsonl", "html", "text", "rss"}));
  ingest->add_option("--outlets", ingest_args.outlets_file, "Outlet registry (YAML) to load first");
  ingest->add_option("--pack", ingest_args.packs, "Extra knowledge pack (repeatable)");
  ingest->add_option("--jobs,-j", ingest_args.jobs, "Analysis threads (0: one per core; results are the same)");
  ingest->add_option("--batch", ingest_args.batch, "Articles per transaction or ClickHouse insert (default 500; 5,000 with --store)")
      ->check(CLI::Range(1, 100000));
  ingest->add_flag("--no-entities", ingest_args.no_entities, "Store articles without entity mentions, quotations and stance (faster)");
  ingest->add_flag("--no-stance", ingest_args.no_stance, "Store quotations without their stance");
  ingest->add_option("--model", ingest_args.model, "Stance model file (default: the shipped one; none: the lexicon alone)");
  ingest->add_option("--max-source-bytes", ingest_args.max_source_bytes, "Limit on a source's decompressed size");
  ingest->add_option("--max-document-bytes", ingest_args.max_document_bytes, "Limit on one document or JSONL record");
  ingest->add_flag("--quiet,-q", ingest_args.quiet, "No progress or per-record messages");
  ingest->add_option("--store", ingest_args.store, "Ingest into ClickHouse instead: clickhouse://host:8123/database");
  ingest->add_option("--spool", ingest_args.spool, "With --store: where batches the server cannot take wait (default ./parallax-spool)");
  AddDb(ingest, common);

  int64_t q_limit = 1000;
  CLI::App* quarantine = app.add_subcommand("quarantine", "List quarantined records with their reasons");
  quarantine->add_option("--limit", q_limit, "At most this many rows");
  AddDb(quarantine, common);
  AddFormat(quarantine, common);

  std::string search_query;
  FilterArgs search_filters;
  int64_t search_limit = 20;
  bool search_count = false, search_facets = false;
  CLI::App* search = app.add_subcommand("search", "Full-text search across scripts and inflections");
  std::string search_entity;
  search->add_option("query", search_query, "Words, \"phrases\", AND/OR/NOT, prefix*, (groups); '' for all")->required();
  search->add_option("--entity", search_entity, "Only articles mentioning this entity (name, alias or id)");
  search_filters.Add(search);
  search->add_option("--limit", search_limit, "At most this many results");
  search->add_flag("--count", search_count, "Print only the number of matching articles");
  search->add_flag("--facets", search_facets, "Counts by outlet, language, country and month");
  search->add_flag("--unique", search_filters.f.unique, "Leave out near-duplicate copies");
  AddDb(search, common);
  AddStore(search, common);
  AddFormat(search, common);

  std::string tl_query, tl_interval = "month", tl_by;
  FilterArgs tl_filters;
  CLI::App* timeline = app.add_subcommand("timeline", "Article counts over time");
  timeline->add_option("query", tl_query, "Search query (all articles when omitted)");
  timeline->add_option("--interval", tl_interval, "day, week or month")->check(CLI::IsMember({"day", "week", "month"}));
  timeline->add_option("--by", tl_by, "Split by outlet, country, lang or tag")
      ->check(CLI::IsMember({"outlet", "country", "lang", "tag"}));
  timeline->add_flag("--unique", tl_filters.f.unique, "Count unique stories (near-duplicates left out)");
  tl_filters.Add(timeline);
  AddDb(timeline, common);
  AddStore(timeline, common);
  AddFormat(timeline, common);

  std::string show_id;
  bool show_archived = false;
  CLI::App* show = app.add_subcommand("show", "One article with its metadata");
  show->add_option("id", show_id, "Article id")->required();
  show->add_flag("--archived", show_archived, "Print the page as archived when it was fetched (HTML from the WARC record)");
  AddDb(show, common);
  AddStore(show, common);
  show->add_option("--format", common.format, "table (text), json or jsonl")->check(CLI::IsMember({"table", "jsonl", "json"}));

  std::vector<std::string> ent_packs;
  std::string ent_date, ent_path = "-", entity_name;
  bool ent_summary = false;
  CLI::App* entities_cmd = app.add_subcommand("entities", "Entity mentions in a file (any format ingest reads)");
  entities_cmd->add_option("file", ent_path, "File or - (stdin)");
  entities_cmd->add_option("--pack", ent_packs, "Extra knowledge pack (repeatable)");
  entities_cmd->add_option("--date", ent_date, "Resolve roles on this date (default: the article's, else today)");
  entities_cmd->add_flag("--summary", ent_summary, "Mention counts per entity");
  AddFormat(entities_cmd, common);
  CLI::App* entity_cmd = app.add_subcommand("entity", "An entity's aliases, roles and mention counts");
  entity_cmd->add_option("name", entity_name, "Name, alias or id")->required();
  entity_cmd->add_option("--pack", ent_packs, "Extra knowledge pack (repeatable)");
  AddDb(entity_cmd, common);
  AddStore(entity_cmd, common);
  entity_cmd->add_option("--format", common.format, "table (text) or json")->check(CLI::IsMember({"table", "jsonl", "json"}));

  std::vector<std::string> quote_paths;
  std::string quote_lang;
  CLI::App* quotes_cmd = app.add_subcommand("quotes", "Quotations and their speakers in files (any format ingest reads)");
  std::string quote_speaker, quote_match;
  int64_t quote_limit = 100;
  bool quote_headlines = false;
  FilterArgs quote_filters;
  quotes_cmd->add_option("files", quote_paths, "Files or - (stdin); without files, the workspace's stored quotations");
  quotes_cmd->add_option("--speaker", quote_speaker, "Stored quotations of this speaker (name, alias or id)");
  quotes_cmd->add_option("--match", quote_match, "Stored quotations containing these words (search syntax)");
  std::string quote_target, quote_polarity, stance_model;
  quotes_cmd->add_option("--target", quote_target, "Stored quotations with a stance toward this entity");
  quotes_cmd->add_option("--stance", quote_polarity, "With --target: favourable, neutral or critical");
  quotes_cmd->add_option("--model", stance_model, "Stance model for files (default: the shipped one; none: the lexicon alone)");
  quotes_cmd->add_option("--limit", quote_limit, "At most this many stored quotations");
  quotes_cmd->add_flag("--headlines", quote_headlines, "Only quotations in headlines (\"Vučić: …\", \"王毅：…\")");
  quote_filters.Add(quotes_cmd);
  AddDb(quotes_cmd, common);
  AddStore(quotes_cmd, common);
  quotes_cmd->add_option("--date", ent_date, "Resolve roles on this date (default: the article's, else today)");
  quotes_cmd->add_option("--pack", ent_packs, "Extra knowledge pack (repeatable)");
  AddFormat(quotes_cmd, common);

  std::string analyze_path = "-";
  CLI::App* analyze_cmd = app.add_subcommand("analyze", "Everything the pipeline knows about an article, as JSON");
  analyze_cmd->add_option("file", analyze_path, "File or - (stdin), any format ingest reads");
  analyze_cmd->add_option("--lang", quote_lang, "Language (default: detected)");
  analyze_cmd->add_option("--date", ent_date, "Resolve roles on this date");
  analyze_cmd->add_option("--pack", ent_packs, "Extra knowledge pack (repeatable)");
  analyze_cmd->add_option("--model", stance_model, "Stance model (default: the shipped one; none: the lexicon alone)");

  std::string lid_path = "-";
  bool lid_lines = false, lid_paragraphs = false;
  CLI::App* langid = app.add_subcommand("langid", "Identify language and script");
  langid->add_option("file", lid_path, "File or - (stdin)");
  langid->add_flag("--lines", lid_lines, "One result per line");
  langid->add_flag("--paragraphs", lid_paragraphs, "One result per paragraph (with byte offsets)");

  std::string tr_to, tr_lang = "sr", tr_path = "-";
  CLI::App* translit = app.add_subcommand("translit", "Serbian/Macedonian Cyrillic <-> Latin");
  translit->add_option("--to", tr_to, "latin or cyrillic")->required()->check(CLI::IsMember({"latin", "cyrillic"}));
  translit->add_option("--lang", tr_lang, "sr or mk")->check(CLI::IsMember({"sr", "mk"}));
  translit->add_option("file", tr_path, "File or - (stdin)");

  std::string ch_store = "clickhouse://127.0.0.1:8123/parallax", ch_cluster, ch_spool = "parallax-spool";
  CLI::App* ch = app.add_subcommand("clickhouse", "The ClickHouse store: its schema, and sending spooled batches");
  ch->require_subcommand(1);
  CLI::App* ch_schema = ch->add_subcommand("schema", "Print the DDL (for a cluster: replicated local tables under Distributed ones)");
  ch_schema->add_option("--cluster", ch_cluster, "Cluster name (remote_servers in the server config)");
  ch_schema->add_option("--store", ch_store, "clickhouse://host:port/database (names the database)");
  CLI::App* ch_flush = ch->add_subcommand("flush", "Create the schema when missing and send the spooled batches");
  ch_flush->add_option("--store", ch_store, "clickhouse://host:port/database");
  ch_flush->add_option("--spool", ch_spool, "Spool folder (default ./parallax-spool)");

  std::string demo_corpus, demo_dir = "demo";
  CLI::App* demo = app.add_subcommand("demo", "Build demo/ from the bundled sample corpus and show searches");
  demo->add_option("--corpus", demo_corpus, "Corpus directory (default: the bundled sample corpus)");
  demo->add_option("--dir", demo_dir, "Where to build the demo workspace");

  std::function<int()> run_collect = AddCollectCommands(app, common);
  std::function<int()> run_stance = AddStanceCommands(app, common);
  std::function<int()> run_report = AddReportCommand(app, common);
  std::function<int()> run_serve = AddServeCommand(app, common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  if (*version) {
    fmt::print("parallax {}\n", kVersion);
    return 0;
  }
  if (*init) return CmdInit(init_path.empty() ? common.db : init_path);
  if (*ingest) return CmdIngest(common, ingest_args);
  if (*ch) return CmdClickHouse(*ch_schema ? "schema" : "flush", ch_store, ch_cluster, ch_spool);
  if (*quarantine) return CmdQuarantine(common, q_limit);
  if (*search) return CmdSearch(common, search_query, search_filters.f, search_limit, search_count, search_facets, search_entity);
  if (*entities_cmd) return CmdEntities(ent_packs, ent_date, ent_summary, ent_path, common.format);
  if (*entity_cmd) return CmdEntity(common, ent_packs, entity_name);
  if (*quotes_cmd) {
    if (quote_paths.empty()) {
      return CmdStoredQuotes(common, quote_filters.f, quote_speaker, quote_match, quote_target, quote_polarity, quote_limit,
                             quote_headlines);
    }
    // With files, --lang is their language (default: detected); with the workspace, a filter.
    return CmdQuotes(ent_packs, ent_date, quote_filters.f.lang, quote_paths, common.format, stance_model, quote_headlines);
  }
  if (*analyze_cmd) return CmdAnalyze(ent_packs, ent_date, quote_lang, analyze_path, stance_model);
  if (*timeline) return CmdTimeline(common, tl_query, tl_interval, tl_by, tl_filters.f);
  if (*show) return CmdShow(common, show_id, show_archived);
  if (*langid) return CmdLangid(lid_path, lid_lines, lid_paragraphs);
  if (*translit) return CmdTranslit(tr_to, tr_lang, tr_path);
  if (*demo) return CmdDemo(demo_corpus, demo_dir);
  if (int rc = run_collect(); rc >= 0) return rc;
  if (int rc = run_stance(); rc >= 0) return rc;
  if (int rc = run_report(); rc >= 0) return rc;
  if (int rc = run_serve(); rc >= 0) return rc;
  return 2;
}

}  // namespace
}  // namespace parallax::cli

int main(int argc, char** argv) {
  try {
    return parallax::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parallax: internal error: %s\n", e.what());
    return 1;
  }
}
