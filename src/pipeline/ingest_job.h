// The ingest job: sources -> readers -> text layer (language, script) -> identity and
// near-duplicates -> store, with every rejected record quarantined.
//
// This is the only code that knows the order of the stages. Counts always balance:
// seen == stored + duplicates + quarantined (near-duplicates are stored, linked, and counted
// among the stored).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "base/article.h"
#include "base/status.h"
#include "entities/matcher.h"
#include "quotes/quotes.h"
#include "stance/stance.h"
#include "ingest/outlets.h"
#include "ingest/reader.h"
#include "store/sqlite_store.h"

namespace parallax::pipeline {

struct IngestProgress {
  store::RunCounts counts;
  uint64_t bytes = 0;  // article text bytes seen
  double seconds = 0;
  std::string source;  // the source being read
};

struct IngestOptions {
  std::vector<std::string> paths;  // files, directories, "-"
  std::string outlet;              // outlet for records that name none
  std::string lang;                // language for records that declare none
  std::string outlets_file;        // extra outlet registry (YAML)
  std::vector<std::string> packs;  // knowledge packs beyond the built-in ones; the workspace keeps them
  bool find_entities = true;       // false: store articles without entities, quotations, stance (faster)
  bool find_stance = true;         // with find_entities: the stance of each quotation's speaker
  std::string stance_model;        // stance model file; "" the shipped default, "none" the lexicon alone
  ingest::ReadOptions read;
  int batch_articles = 500;        // articles per transaction
  int jobs = 0;                    // analysis threads; 0 = one per core. Output never depends on it.
  size_t max_quarantine_raw = 1 << 20;  // bytes of each rejected record kept
  std::function<void(const IngestProgress&)> on_progress;  // called a few times a second
  std::function<void(const Status&)> on_reject;             // each rejected record's reason
};

struct IngestSummary {
  store::RunCounts counts;
  uint64_t bytes = 0;
  double seconds = 0;
  int64_t run = 0;
};

// The analysers an article goes through, built once; each is thread-safe for reading.
struct Analysers {
  std::unique_ptr<entities::Knowledge> knowledge;  // the matcher refers to it: it must not move
  std::unique_ptr<entities::Matcher> matcher;
  std::unique_ptr<quotes::QuoteFinder> quotes;
  std::shared_ptr<const stance::Model> stance_model;  // null: the lexicon alone
  std::unique_ptr<stance::Scorer> stance;

  // The built-in packs, those `workspace` keeps (when given) and `packs`; the stance model by
  // name (see LoadStanceModel).
  // `stored`: the packs a store keeps (Store::Packs), loaded before `packs`.
  static Result<Analysers> Load(const std::vector<std::string>& packs, const std::string& stance_model,
                                const std::vector<std::pair<std::string, std::string>>& stored = {});
};

// Fills what readers leave open: outlet (by name or URL domain), country, language and script,
// id and fingerprint, and (given the analysers) entity mentions, with roles resolved on the
// article's date (else today), quotations and their stance. Used by ingest and by commands
// that analyse files without a workspace.
void CompleteArticle(Article& a, const ingest::OutletRegistry& outlets, const std::string& default_outlet,
                     const std::string& default_lang, const entities::Matcher* matcher = nullptr,
                     const quotes::QuoteFinder* quotes = nullptr, const stance::Scorer* stance = nullptr);

// Entity mentions, quotations (given `quotes`) and their stance (given `stance`) of an article's
// headline and body, read together as a reader meets them: the headline is a paragraph before
// the body's first, so a name it gives supports the body's surname, and a headline statement
// ("Vučić: Srbija nikada …") is found. What stands in the headline is marked in_title, its
// offsets into the title; a headline the body repeats at its start is read once, in the body.
void AnalyseArticle(Article& a, const entities::Matcher& matcher, const quotes::QuoteFinder* quotes = nullptr,
                    const stance::Scorer* stance = nullptr);

// The stance of each quotation's speaker toward the entities the quotation concerns: those named
// in the quoted words or in the sentence that reports them, except the speaker, and (given the
// matcher) the countries they name by their adjectives ("our Chinese friends"). Terms get none.
void AssignStance(const stance::Scorer& scorer, Article& a, const entities::Matcher* matcher = nullptr);

// A stance model by name: "" the shipped default, "none" no model (the lexicon alone), else a
// file. The returned pointer is null for "none" and lives as long as the program for "".
Result<std::shared_ptr<const stance::Model>> LoadStanceModel(const std::string& name);

// A quotation finder that knows the packs' people's genders (for pronouns and gendered verbs).
std::unique_ptr<quotes::QuoteFinder> MakeQuoteFinder(const entities::Knowledge& k);

// Quotations of an article whose mentions are filled.
std::vector<QuoteRecord> FindQuotes(const quotes::QuoteFinder& finder, const Article& a);

// Entity mentions of an article's text, for its date (or today).
std::vector<EntityMention> FindMentions(const entities::Matcher& matcher, const Article& a,
                                        const std::string& exonyms = "");

// The built-in packs, then the packs `workspace` keeps (when given), then `extra` pack files.
Result<entities::Knowledge> LoadKnowledge(const std::vector<std::string>& extra, sqlite3* workspace = nullptr);
// The same with the packs a store keeps (Store::Packs).
Result<entities::Knowledge> LoadKnowledge(const std::vector<std::string>& extra,
                                          const std::vector<std::pair<std::string, std::string>>& stored);

// The stable id: a hash of the canonical URL when there is one, else of the folded text.
std::string ArticleId(const Article& a);

// What became of one record: stored, duplicate or quarantined.
struct RecordOutcome {
  std::string source;
  int64_t record = -1;
  std::string outcome;
  std::string article;  // the article's id (stored or duplicate)
  std::string reason;   // why it was quarantined
};

// One ingest run: records go in one at a time (from files, or from the collector), are
// analysed in batches on `options.jobs` threads and stored in the order they came.
class Ingester {
 public:
  // Loads outlets (workspace, registries, packs), the packs and the analysers, and begins a run
  // logged with `args`.
  static Result<std::unique_ptr<Ingester>> Start(store::Store& store, const IngestOptions& options,
                                                 const std::string& args);
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;
  // Reads a file, directory or "-" record by record.
  void ReadPath(const std::string& path);
  void Add(ingest::Record& r);
  // Analyses and stores every record taken so far, then commits.
  Status Flush();
  // Flushes and closes the run.
  Result<IngestSummary> Finish();
  // What became of each record stored since the last call, in order.
  std::vector<RecordOutcome> TakeOutcomes();

  const Status& status() const { return fatal_; }
  const ingest::OutletRegistry& outlets() const { return outlets_; }
  const entities::Knowledge& knowledge() const { return *analysers_.knowledge; }
  const store::RunCounts& counts() const { return summary_.counts; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Pending {
    Result<Article> article;
    Where where;
    std::string raw;  // kept for rejected records only
    std::unique_ptr<store::PreparedArticle> prepared;  // by the analysing thread (Store::Prepare)
  };
  Ingester(store::Store& store, const IngestOptions& options) : store_(store), options_(options) {}
  void Analyse();
  void Complete(Article& a) const;
  void Launch();
  void JoinWorkers();
  void AnalyseInflight();  // analyses articles of the batch in flight until none is left
  void Drain();
  void Store(Pending& p);
  void Report(bool force);
  Status EnsureTransaction();
  Status Commit();

  store::Store& store_;
  IngestOptions options_;
  ingest::OutletRegistry outlets_;
  Analysers analysers_;
  IngestSummary summary_;
  int jobs_ = 1;
  std::vector<Pending> pending_;   // being read
  std::vector<Pending> inflight_;  // being analysed by workers_
  std::vector<std::thread> workers_;
  std::atomic<size_t> next_{0};    // the next record of inflight_ to analyse
  std::vector<RecordOutcome> outcomes_;
  Status fatal_;
  bool in_txn_ = false;
  int in_batch_ = 0;
  Clock::time_point start_, last_progress_;
  std::string source_;
};

// Outlets the packs define (type outlet) that the registry lacks, with their domains, country,
// language, tags and feeds.
void AddPackOutlets(const entities::Knowledge& knowledge, ingest::OutletRegistry& outlets);

Result<IngestSummary> RunIngest(store::Store& store, const IngestOptions& options);

}  // namespace parallax::pipeline
