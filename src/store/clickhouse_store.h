// ClickHouseStore: articles, mentions, quotations and stance in ClickHouse (a distributed
// column store; Debian ships clickhouse-server), through its HTTP interface, for corpora and
// ingest rates past one machine's SQLite file.
//
// Writes are batched: Commit sends each table's rows of the batch as one JSONEachRow insert,
// retrying with backoff; a batch the server still cannot take is spooled to disk (one file per
// batch, all tables) and sent again by the next Open (or `parallax clickhouse flush`), never
// dropped. Tables are ReplacingMergeTree keyed by article, so a batch sent twice (a retry after
// a lost answer, a replayed spool file) stores each row once; readers count distinct keys (or
// read with FINAL) until ClickHouse has merged the copies.
//
// Duplicate and near-duplicate detection need every stored id and fingerprint: Open loads them
// (about 100 bytes per article in memory), so one ingest process at a time should write a
// database, as with SQLite. The packs an ingest loaded are kept (table packs) for readers; fetch
// state stays in SQLite workspaces.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/fingerprint.h"
#include "store/store.h"

namespace parallax::store {

struct ClickHouseUrl {
  std::string host = "127.0.0.1";
  int port = 8123;
  std::string database = "parallax";
  std::string user, password;
  // clickhouse://[user[:password]@]host[:port][/database]
  static Result<ClickHouseUrl> Parse(const std::string& url);
  std::string ToString() const;  // without the password
};

// The rows of a JSONEachRow answer (lines that are not JSON objects are skipped).
std::vector<nlohmann::json> JsonEachRow(const std::string& answer);

// The fields of a TabSeparated answer of `columns` columns, row after row, unescaped in place:
// the views point into `answer`. Cheaper than JSON for answers of millions of rows. A line with
// another number of fields is an error.
Result<std::vector<std::string_view>> TabSeparated(std::string& answer, size_t columns);

// The DDL of the schema: local MergeTree tables, or for `cluster` replicated local tables
// (ReplicatedReplacingMergeTree, `<table>_local`) under Distributed tables sharded by article.
std::string ClickHouseSchema(const std::string& database, const std::string& cluster = "");

struct ClickHouseOptions {
  // A writer creates the schema when missing, sends the spool and loads the stored ids and
  // fingerprints; a reader (the query commands) only connects.
  bool writer = true;
  std::string spool_dir = "parallax-spool";  // batches the server could not take
  int retries = 3;                            // further attempts per request
  double backoff_seconds = 0.5;               // doubles after each attempt
  double timeout_seconds = 60;
};

class ClickHouseStore : public Store {
 public:
  // Connects; a writer also creates the database and tables when missing, sends spooled
  // batches, and loads the stored ids and fingerprints.
  static Result<std::unique_ptr<ClickHouseStore>> Open(const ClickHouseUrl& url, const ClickHouseOptions& options);
  ~ClickHouseStore() override;

  std::string name() const override { return url_.ToString(); }
  const std::string& database() const { return url_.database; }

  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  Status PutOutlet(const Outlet& outlet) override;
  Result<std::vector<Outlet>> Outlets() override;
  Status PutPack(const std::string& name, const std::string& yaml) override;
  Result<std::vector<std::pair<std::string, std::string>>> Packs() override;
  Result<bool> HasArticle(const std::string& id) override;
  Result<std::optional<std::string>> FindNearDuplicate(const std::string& fingerprint) override;
  Status PutArticle(const Article& a, const std::vector<std::string>& tags,
                    const PreparedArticle* prepared = nullptr) override;
  Result<int64_t> BeginRun(const std::string& args) override;
  Status FinishRun(int64_t run, const RunCounts& counts) override;
  Status Quarantine(const QuarantineEntry& e) override;

  // Runs `sql` (with `body` as the data of an INSERT); returns the server's answer.
  Result<std::string> Query(const std::string& sql, const std::string& body = "");
  // Sends every spooled batch; returns how many were sent. Those the server refuses stay.
  Result<int> FlushSpool();
  int64_t spooled_articles() const { return spooled_articles_; }

 private:
  ClickHouseStore(ClickHouseUrl url, ClickHouseOptions options);
  Status Send(const std::map<std::string, std::string>& batch);
  Status Spool(const std::map<std::string, std::string>& batch, int64_t articles);
  Status LoadKnown();
  // Brings tables a former version made up to this one's columns (kTables): a column it lacks
  // is added, its default filling the rows it holds, and joins the sorting key when the key
  // names it (MODIFY ORDER BY accepts a column only in the ALTER that adds it). A cluster's
  // Distributed tables are not changed: the error gives the statements to run ON CLUSTER.
  Status Upgrade();

  ClickHouseUrl url_;
  ClickHouseOptions options_;
  void* curl_ = nullptr;  // CURL*
  std::map<std::string, std::string> batch_;  // table -> JSONEachRow rows
  int64_t batch_articles_ = 0;
  std::unordered_set<std::string> ids_;
  void AddOriginal(const std::string& id, std::string_view fingerprint);
  // Near-duplicate candidates: the originals' fingerprints, keyed by their place in near_ids_.
  ingest::NearDuplicateIndex near_;
  std::vector<std::string> near_ids_;
  uint64_t next_seq_ = 0;
  int64_t spooled_articles_ = 0;
  std::string run_args_, run_started_;
};

}  // namespace parallax::store
