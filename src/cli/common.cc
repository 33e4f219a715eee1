#include "cli/common.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "pipeline/ingest_job.h"
#include "query/reader.h"

namespace parallax::cli {

int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidInput: return 2;
    case StatusCode::kNotFound: return 4;
    case StatusCode::kIoError:
    case StatusCode::kCorrupt:
    case StatusCode::kUnavailable: return 5;
    case StatusCode::kResourceExhausted: return 6;
    case StatusCode::kInternal: return 1;
  }
  return 1;
}

int Fail(const Status& s) {
  fmt::print(stderr, "parallax: {}\n", s.ToString());
  return ExitCodeFor(s);
}

std::string DefaultDb() {
  const char* env = std::getenv("PARALLAX_DB");
  return env && *env ? env : "parallax.db";
}

Result<std::unique_ptr<store::SqliteStore>> OpenDb(const std::string& path, bool write) {
  return store::SqliteStore::Open(path, {.create = false, .read_only = !write});
}

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-" || path.empty()) {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open", Where{.source = path});
  return std::string(std::istreambuf_iterator<char>(in), {});
}


void AddDb(CLI::App* app, Common& c) {
  app->add_option("--db", c.db, "Workspace file (default ./parallax.db or $PARALLAX_DB)");
}

void AddStore(CLI::App* app, Common& c) {
  app->add_option("--store", c.store, "Read a ClickHouse store instead of the workspace: clickhouse://host:8123/database");
}

Result<std::unique_ptr<store::ClickHouseStore>> OpenClickHouse(const std::string& url) {
  PLX_ASSIGN_OR_RETURN(store::ClickHouseUrl u, store::ClickHouseUrl::Parse(url));
  return store::ClickHouseStore::Open(u, {.writer = false});
}

Result<entities::Knowledge> QueryStore::Knowledge(const std::vector<std::string>& extra) const {
  store::Store* s = clickhouse ? static_cast<store::Store*>(clickhouse.get()) : workspace.get();
  PLX_ASSIGN_OR_RETURN(auto packs, s->Packs());
  return pipeline::LoadKnowledge(extra, packs);
}

std::string QueryStore::ResolveEntity(const entities::Knowledge& k, const std::string& name) const {
  if (const entities::Entity* e = k.Lookup(name)) return e->id;
  if (reader) {
    Result<std::string> id = reader->StoredEntityId(name);
    if (id.ok() && !id->empty()) return *id;
  }
  return name.find('/') != std::string::npos ? name : "";
}

Result<QueryStore> OpenQueryStore(const Common& c, bool hold_quotations) {
  QueryStore s;
  if (!c.store.empty()) {
    PLX_ASSIGN_OR_RETURN(s.clickhouse, OpenClickHouse(c.store));
    s.reader = query::ClickHouseReader(*s.clickhouse);
  } else {
    PLX_ASSIGN_OR_RETURN(s.workspace, OpenDb(c.db, false));
    s.reader = query::SqliteReader(s.workspace->db(), hold_quotations);
  }
  return s;
}

void AddFormat(CLI::App* app, Common& c) {
  app->add_option("--format", c.format, "Output: table, jsonl, csv or json (table on a TTY, else jsonl)")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "json"}));
}

void FilterArgs::Add(CLI::App* app) {
  app->add_option("--from", f.from, "First day (YYYY-MM-DD or any date form ingest reads)");
  app->add_option("--to", f.to, "Last day, inclusive");
  app->add_option("--outlet", f.outlets, "Only this outlet (repeatable)");
  app->add_option("--country", f.country, "Only outlets of this country (ISO code, XK for Kosovo)");
  app->add_option("--lang", f.lang, "Only this language (sr, sq, en, zh; sr-Cyrl for a script)");
  app->add_option("--tag", f.tag, "Only outlets with this tag (pro-government, independent...)");
}

}  // namespace parallax::cli
