// Store: what ingest writes through, with two implementations: SqliteStore (the embedded
// workspace, one file) and ClickHouseStore (a ClickHouse server or cluster, for scale).
//
// Begin and Commit delimit a batch of whole articles: SQLite makes it a transaction;
// ClickHouse sends it as one insert per table (and spools it to disk when the server cannot
// take it). HasArticle and FindNearDuplicate see the articles of the open batch too.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/article.h"
#include "base/status.h"

namespace parallax::store {

struct QuarantineEntry {
  int64_t run = 0;
  std::string source;
  int64_t record = -1;
  int64_t offset = -1;
  std::string field;
  std::string code;
  std::string reason;
  std::string raw;  // the rejected bytes (capped by the caller)
  std::string at;   // when it was quarantined (UTC, ISO 8601); filled on read
};

struct RunCounts {
  int64_t seen = 0, stored = 0, duplicates = 0, near_duplicates = 0, quarantined = 0;
};

// What Store::Prepare computed for one article; each store knows its own kind.
struct PreparedArticle {
  virtual ~PreparedArticle() = default;
};

class Store {
 public:
  virtual ~Store() = default;

  // Where it is, for messages: a file path or a clickhouse:// URL.
  virtual std::string name() const = 0;
  // The SQLite workspace, when it is one (packs it keeps, fetch state); else null.
  virtual sqlite3* sqlite() const { return nullptr; }

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  virtual Status PutOutlet(const Outlet& outlet) = 0;
  virtual Result<std::vector<Outlet>> Outlets() = 0;
  // Knowledge packs the store keeps (YAML text by the path it was loaded from), so that its
  // readers know the entities its articles name.
  virtual Status PutPack(const std::string& name, const std::string& yaml) = 0;
  virtual Result<std::vector<std::pair<std::string, std::string>>> Packs() = 0;  // name, YAML; first kept first

  virtual Result<bool> HasArticle(const std::string& id) = 0;
  // The id of the earliest stored article whose fingerprint is at least
  // kNearDuplicateSimilarity like `fingerprint` (ingest/fingerprint.h), if any.
  virtual Result<std::optional<std::string>> FindNearDuplicate(const std::string& fingerprint) = 0;
  // Work storing an article needs that depends on the article alone (tokenising its text for
  // the search index), done ahead by an analysis thread so that the one writing thread does
  // less: thread-safe, touches no storage. Null when the store has no such work.
  virtual std::unique_ptr<PreparedArticle> Prepare(const Article& /*a*/) const { return nullptr; }
  // Stores the article with its mentions, quotations and stance. `tags` are the outlet's tags;
  // `prepared`, if given, is what Prepare gave for this article.
  virtual Status PutArticle(const Article& a, const std::vector<std::string>& tags,
                            const PreparedArticle* prepared = nullptr) = 0;

  virtual Result<int64_t> BeginRun(const std::string& args) = 0;
  virtual Status FinishRun(int64_t run, const RunCounts& counts) = 0;
  // Stores a rejected record; the same source, record and reason are kept once.
  virtual Status Quarantine(const QuarantineEntry& e) = 0;
};

}  // namespace parallax::store
