// What every command shares: exit codes, error printing, the workspace and filter options.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "base/status.h"
#include "entities/pack.h"
#include "query/reader.h"
#include "query/search.h"
#include "store/clickhouse_store.h"
#include "store/sqlite_store.h"

namespace parallax::cli {

// Exit status for a Status (see main.cc).
int ExitCodeFor(const Status& s);
// Prints "parallax: what: where" to stderr and returns the exit status.
int Fail(const Status& s);

std::string DefaultDb();  // $PARALLAX_DB or ./parallax.db
Result<std::unique_ptr<store::SqliteStore>> OpenDb(const std::string& path, bool write);
// A whole file, or stdin for "-".
Result<std::string> ReadInput(const std::string& path);

struct Common {
  std::string db = DefaultDb();
  std::string store;  // clickhouse://...: the commands that can, read ClickHouse instead
  std::string format;
};
void AddDb(CLI::App* app, Common& c);
// --store, for the commands that also run on ClickHouse.
void AddStore(CLI::App* app, Common& c);
Result<std::unique_ptr<store::ClickHouseStore>> OpenClickHouse(const std::string& url);
// The store a query command reads: the ClickHouse store of --store, else the workspace.
struct QueryStore {
  std::unique_ptr<store::SqliteStore> workspace;
  std::unique_ptr<store::ClickHouseStore> clickhouse;
  std::unique_ptr<query::Reader> reader;  // reads whichever of the two is open
  // The built-in packs, the packs the store keeps, then `extra` pack files.
  Result<entities::Knowledge> Knowledge(const std::vector<std::string>& extra = {}) const;
  // An entity id from a name, alias or id: the packs first, then the store's entities; ""
  // when nothing matches.
  std::string ResolveEntity(const entities::Knowledge& k, const std::string& name) const;
};
// `hold_quotations`: see query::SqliteReader (for commands that ask many stance questions).
Result<QueryStore> OpenQueryStore(const Common& c, bool hold_quotations = false);
void AddFormat(CLI::App* app, Common& c);

struct FilterArgs {
  query::Filters f;
  void Add(CLI::App* app);
};

}  // namespace parallax::cli
