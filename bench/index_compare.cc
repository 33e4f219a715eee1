// Indexing and finding, Parallax beside SQLite FTS5 with its stock tokenizer and Xapian
// (Debian's libxapian), for bench/compare.sh:
//   1. index build speed and size on the same news text (NTREX in ten languages);
//   2. recall of the queries analysts of the region type: a name or word in one script or form
//      that the article writes in the other script, inflected, or without diacritics
//      ("Вучић" for "Vučića", "Kosova" for "Kosovës"). Each probe article holds one form; the
//      query is another; the probe is found when the query returns it.
// Xapian stems with Snowball where it has the article's language (it has none for Serbian,
// Croatian, Bosnian or Albanian) and otherwise indexes words as written, as a user of it would.
// Prints Markdown.
// Usage: index_compare SHARED_DATA SOURCE_DIR WORKDIR
#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "bench/corpus.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite.h"

using namespace parallax;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

int64_t SizeOf(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return static_cast<int64_t>(fs::file_size(path, ec));
  int64_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(path, ec)) n += e.is_regular_file() ? e.file_size() : 0;
  return n;
}

std::string XapianLanguage(const std::string& lang) {
  if (lang == "en") return "english";
  if (lang == "ru") return "russian";
  if (lang == "de") return "german";
  return "none";
}

// A search engine under test: index documents, then count the hits of a query.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual void Add(const bench::Doc& d) = 0;
  virtual void Commit() = 0;
  virtual bool Finds(const std::string& query, int64_t doc) = 0;  // doc: 1-based order of Add
};

class Fts5 : public Engine {
 public:
  Fts5(const std::string& path, bool ours) : ours_(ours) {
    std::filesystem::remove(path);
    sqlite3_open(path.c_str(), &db_);
    (void)store::RegisterTokenizer(db_);
    (void)store::Exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    (void)store::Exec(db_, std::string("CREATE VIRTUAL TABLE t USING fts5(body, tokenize=\"") +
                               (ours ? "parallax" : "unicode61 remove_diacritics 2") + "\")");
    (void)store::Exec(db_, "BEGIN");
  }
  ~Fts5() override { sqlite3_close(db_); }
  void Add(const bench::Doc& d) override {
    store::Stmt ins(db_, "INSERT INTO t(body) VALUES(?)");
    ins.Bind(1, ours_ ? store::LanguageMarker(d.lang) + d.text : d.text);
    (void)ins.Run();
  }
  void Commit() override {
    (void)store::Exec(db_, "COMMIT");
    (void)store::Exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
  }
  bool Finds(const std::string& query, int64_t doc) override {
    // Ours is given the query as the search command gives it (every word quoted, each
    // expanded by the tokenizer at query time); the stock tokenizer gets the same string.
    store::Stmt q(db_, "SELECT rowid FROM t WHERE t MATCH ?");
    q.Bind(1, "\"" + query + "\"");
    while (q.Step()) {
      if (q.Int(0) == doc) return true;
    }
    return false;
  }

 private:
  sqlite3* db_ = nullptr;
  bool ours_;
};

class XapianEngine : public Engine {
 public:
  explicit XapianEngine(const std::string& path)
      : db_(path, Xapian::DB_CREATE_OR_OVERWRITE), path_(path) {}
  void Add(const bench::Doc& d) override {
    // One generator per language, as an indexer keeps them.
    auto [it, added] = generators_.try_emplace(d.lang);
    Xapian::TermGenerator& gen = it->second;
    if (added && XapianLanguage(d.lang) != "none") gen.set_stemmer(Xapian::Stem(XapianLanguage(d.lang)));
    Xapian::Document doc;
    gen.set_document(doc);
    gen.index_text(d.text);
    db_.add_document(doc);
  }
  void Commit() override { db_.commit(); }
  bool Finds(const std::string& query, int64_t doc) override {
    // The query's language is unknown, as it is to a user searching a multilingual archive:
    // no stemming at query time, words as written.
    Xapian::QueryParser qp;
    Xapian::Enquire enquire(db_);
    enquire.set_query(qp.parse_query(query));
    Xapian::MSet m = enquire.get_mset(0, static_cast<Xapian::doccount>(db_.get_doccount()));
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (static_cast<int64_t>(*it) == doc) return true;
    }
    return false;
  }

 private:
  Xapian::WritableDatabase db_;
  std::string path_;
  std::map<std::string, Xapian::TermGenerator> generators_;
};

struct Probe {
  const char* kind;
  const char* lang;
  const char* text;   // the article's sentence, holding one form
  const char* query;  // the form the analyst types
};

// Written by us: each sentence holds the form a real article would use.
const Probe kProbes[] = {
    {"cross-script", "sr", "Председник Вучић је рекао да разговори настављају.", "Vučić"},
    {"cross-script", "sr", "Predsednik Vučić je rekao da razgovori nastavljaju.", "Вучић"},
    {"cross-script", "sr", "Министар Ђурић је отпутовао у Пекинг.", "Đurić"},
    {"cross-script", "sr", "Delegacija je stigla u Beograd u ponedeljak.", "Београд"},
    {"cross-script", "sr", "Кина је поновила свој став о Косову.", "Kina"},
    {"inflected", "sr", "Novinari su pitali Vučića o sastanku.", "Vučić"},
    {"inflected", "sr", "Sastanak je održan u Prištini prošle nedelje.", "Priština"},
    {"inflected", "sr", "Izaslanik je doputovao iz Kine u sredu.", "Kina"},
    {"inflected", "sr", "Investicije u Srbiji rastu treću godinu.", "Srbija"},
    {"inflected", "hr", "Ministrica je razgovarala s predsjednikom vlade.", "predsjednik"},
    {"inflected", "sq", "Qeveria e Kosovës miratoi planin e ri.", "Kosova"},
    {"inflected", "sq", "Kryeministri Kurti foli për Kinën.", "Kina"},
    {"inflected", "sq", "Takimi u mbajt në Prishtinë të hënën.", "Prishtina"},
    {"inflected", "sq", "Deklarata e Kurtit u prit me kritika.", "Kurti"},
    {"both", "sr", "Посланици су разговарали о Вучићевом предлогу и Вучићу.", "Vučić"},
    {"both", "sr", "Изасланик је допутовао у Приштину јуче.", "Priština"},
    {"both", "sr", "Разговори о Косову настављени су у Бриселу.", "Kosovo"},
    {"no diacritics", "sr", "Ministar Đurić je govorio o saradnji.", "Djuric"},
    {"no diacritics", "sr", "Vučić je najavio posetu Pekingu.", "Vucic"},
    {"no diacritics", "sq", "Zëvendësministrja foli për marrëveshjen.", "zevendesministrja"},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: index_compare SHARED_DATA SOURCE_DIR WORKDIR\n");
    return 2;
  }
  const std::string work = argv[3];
  std::vector<bench::Doc> docs = bench::LoadNewsDocs(argv[1], argv[2], 5);
  int64_t text_bytes = 0;
  for (const auto& d : docs) text_bytes += static_cast<int64_t>(d.text.size());
  double mb = text_bytes / 1e6;

  fmt::print("Input: {} documents, {:.1f} MB of news text (NTREX-128 in 10 languages, 5 shuffles of its lines); "
             "median of 3 runs.\n\n",
             docs.size(), mb);
  fmt::print("| engine | index build MB/s | index size per MB of text | time vs ours |\n|---|---|---|---|\n");
  struct Row {
    const char* name;
    std::function<std::unique_ptr<Engine>()> make;
    std::string path;
  };
  std::vector<Row> rows = {
      {"Parallax (FTS5, `parallax` tokenizer)", [&] { return std::make_unique<Fts5>(work + "/ours.db", true); }, work + "/ours.db"},
      {"SQLite FTS5, stock `unicode61 remove_diacritics 2`", [&] { return std::make_unique<Fts5>(work + "/stock.db", false); }, work + "/stock.db"},
      {"Xapian 1.4 (Snowball where it has the language)", [&] { return std::make_unique<XapianEngine>(work + "/xapian"); }, work + "/xapian"},
  };
  double ours_seconds = 0, stock_seconds = 1;
  for (const Row& r : rows) {
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
      auto e = r.make();
      auto t0 = Clock::now();
      for (const auto& d : docs) e->Add(d);
      e->Commit();
      runs.push_back(Seconds(t0));
    }
    std::sort(runs.begin(), runs.end());
    double s = runs[1];
    if (ours_seconds == 0) ours_seconds = s;
    fmt::print("| {} | {:.1f} | {:.2f} | {:.2f}x |\n", r.name, mb / s, SizeOf(r.path) / 1e6 / mb, s / ours_seconds);
    if (r.name == rows[1].name) stock_seconds = s;
  }
  fmt::print("\nOur tokenizer (folding, transliteration, stemming in 22 languages) takes {:.2f}x the stock "
             "tokenizer's time (target at most 2x).\n",
             ours_seconds / stock_seconds);

  // Recall: the probes among the news documents.
  fmt::print("\nRecall of {} analyst queries whose article writes the word in another script, inflected or with "
             "diacritics (probes written by us, among the news documents above):\n\n",
             std::size(kProbes));
  fmt::print("| engine | cross-script | inflected | both | no diacritics | all |\n|---|---|---|---|---|---|\n");
  for (const Row& r : rows) {
    auto e = r.make();
    for (const auto& d : docs) e->Add(d);
    for (const Probe& p : kProbes) e->Add({p.lang, p.text});
    e->Commit();
    std::map<std::string, std::pair<int, int>> by_kind;
    int found = 0;
    for (size_t i = 0; i < std::size(kProbes); ++i) {
      bool ok = e->Finds(kProbes[i].query, static_cast<int64_t>(docs.size() + i + 1));
      by_kind[kProbes[i].kind].first += ok;
      by_kind[kProbes[i].kind].second += 1;
      found += ok;
    }
    auto cell = [&](const char* k) { return fmt::format("{}/{}", by_kind[k].first, by_kind[k].second); };
    fmt::print("| {} | {} | {} | {} | {} | {}/{} |\n", r.name, cell("cross-script"), cell("inflected"), cell("both"),
               cell("no diacritics"), found, std::size(kProbes));
  }
  return 0;
}
