// SqliteStore: the embedded workspace, one SQLite file in WAL mode.
//
// Tables: meta, outlets, articles (+ articles_fts, fingerprints), ingest_log, quarantine,
// entities, mentions and quotes (+ quotes_fts).
// The schema is versioned with PRAGMA user_version and migrated forward on open. Articles are
// written inside transactions that hold whole articles only, so a crash at any moment leaves
// each article either fully stored or absent. A SqliteStore is used by one thread at a time;
// open one per thread (WAL lets readers run beside the single writer).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/article.h"
#include "base/status.h"
#include "ingest/fingerprint.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace parallax::store {

inline constexpr int kSchemaVersion = 8;

struct OpenOptions {
  bool create = false;     // create the file when missing
  bool read_only = false;
  int busy_timeout_ms = 30000;  // wait this long for another writer before failing
};


// What `fetch` and `watch` know of one feed or page URL.
struct FetchState {
  std::string url;
  std::string kind;     // feed, page
  std::string outlet;
  std::string etag, last_modified;  // validators for the next conditional GET
  int status = 0;       // last HTTP status; 0 when no response came
  std::string outcome;  // stored, duplicate, unchanged, quarantined, failed, disallowed
  std::string article;  // id of the article stored from it
  std::string archive;  // WARC location of the last response
  std::string first_seen, last_attempt, last_success;  // UTC, ISO 8601
  int failures = 0;     // consecutive failed attempts
  std::string next_attempt;  // after a failure, not before this time
  std::string last_error;
};

struct FetchLogEntry {
  std::string url, at;
  int status = 0;
  std::string outcome, error;
  double seconds = 0;
};


// The packs a workspace keeps, in the order they were first added: (name, YAML text).
Result<std::vector<std::pair<std::string, std::string>>> StoredPacks(sqlite3* db);

class SqliteStore : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, const OpenOptions& options);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  sqlite3* db() const { return db_; }
  sqlite3* sqlite() const override { return db_; }
  const std::string& path() const { return path_; }
  std::string name() const override { return path_; }
  int schema_version() const;

  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

  Status PutOutlet(const Outlet& outlet) override;
  Result<std::vector<Outlet>> Outlets() override;

  // Knowledge packs the workspace keeps (the YAML text, by the path it was loaded from), so
  // every later command knows the same people and offices without --pack.
  Status PutPack(const std::string& name, const std::string& yaml) override;
  Result<std::vector<std::pair<std::string, std::string>>> Packs() override { return StoredPacks(db_); }
  // Workspace settings in the meta table ("" when unset).
  Status PutMeta(const std::string& key, const std::string& value);
  Result<std::string> GetMeta(const std::string& key);

  Result<bool> HasArticle(const std::string& id) override;
  // The id of the earliest stored article whose fingerprint is at least
  // kNearDuplicateSimilarity like `fingerprint` (ingest/fingerprint.h), if any.
  Result<std::optional<std::string>> FindNearDuplicate(const std::string& fingerprint) override;
  // Inserts the article with its index entries. `tags` are the outlet's tags.
  // The terms of the article's title, text and quotations for the full-text index.
  std::unique_ptr<PreparedArticle> Prepare(const Article& a) const override;
  Status PutArticle(const Article& a, const std::vector<std::string>& tags,
                    const PreparedArticle* prepared = nullptr) override;
  Result<std::optional<Article>> GetArticle(const std::string& id);

  Result<int64_t> BeginRun(const std::string& args) override;
  Status FinishRun(int64_t run, const RunCounts& counts) override;
  // Stores a rejected record; the same source, record and reason are kept once.
  Status Quarantine(const QuarantineEntry& e) override;
  Result<std::vector<QuarantineEntry>> QuarantineList(int64_t limit);

  // Collecting (collect/, pipeline/collect_job.h): the state of each feed and page URL, and a
  // log of every attempt.
  Result<std::optional<FetchState>> GetFetchState(const std::string& url);
  Result<std::vector<FetchState>> FetchStates(bool failing_only);
  Status PutFetchState(const FetchState& f);  // insert or update; first_seen is kept
  Status LogFetch(const FetchState& f, double seconds);
  Result<std::vector<FetchLogEntry>> FetchLog(const std::string& url, int64_t limit);

 private:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Migrate();
  // A prepared statement kept for the connection's lifetime (hot paths prepare once); the lease
  // resets it when it goes out of scope, so no statement holds a read transaction open.
  class Lease {
   public:
    explicit Lease(Stmt* s) : s_(s) {}
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Stmt& operator*() const { return *s_; }
    Stmt* operator->() const { return s_; }

   private:
    Stmt* s_;
  };
  Lease Cached(const char* sql);

  sqlite3* db_;
  std::string path_;
  std::unordered_map<const char*, std::unique_ptr<Stmt>> cache_;  // keyed by the literal's address
  // The originals' fingerprints, read from the fingerprints table when first needed.
  ingest::NearDuplicateIndex near_;
  bool near_loaded_ = false;
  int64_t data_version_ = -1;  // PRAGMA data_version when this connection last began writing
};

// One stored article (metadata, text, paragraphs) on any connection to a workspace.
Result<std::optional<Article>> ReadArticle(sqlite3* db, const std::string& id);

}  // namespace parallax::store
