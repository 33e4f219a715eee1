#include "store/sqlite_store.h"

#include <sys/statvfs.h>

#include <ctime>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "base/hash.h"
#include "ingest/fingerprint.h"
#include "store/fts_rank.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite.h"

namespace parallax::store {
namespace {

// Migrations, in order; migration i takes the schema from version i to i + 1.
constexpr const char* kMigrations[] = {
    // 0 -> 1: the foundation.
    R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE outlets(
      name TEXT PRIMARY KEY COLLATE NOCASE,
      domains TEXT NOT NULL DEFAULT '[]',   -- JSON array
      country TEXT, lang TEXT,
      tags TEXT NOT NULL DEFAULT '[]',      -- JSON array
      feeds TEXT NOT NULL DEFAULT '[]');
    CREATE TABLE articles(
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,              -- 16 hex digits, stable
      url TEXT, title TEXT, title_en TEXT,
      published TEXT, day TEXT,             -- ISO 8601; day is YYYY-MM-DD
      outlet TEXT, country TEXT, tags TEXT NOT NULL DEFAULT '[]',
      lang TEXT, script TEXT, lang_confidence REAL,
      author TEXT,
      text TEXT NOT NULL,                   -- the article as published; offsets index it
      paragraphs TEXT NOT NULL,             -- JSON [[begin,end,blockquote],...]
      extra TEXT,                           -- JSON object of unmodelled source fields
      source TEXT, record INTEGER, format TEXT,
      fingerprint BLOB,                     -- MinHash (ingest/fingerprint.h)
      duplicate_of TEXT,                    -- id of the earlier article this one nearly repeats
      bytes INTEGER NOT NULL,
      ingested_at TEXT NOT NULL);
    CREATE INDEX articles_day ON articles(day);
    CREATE INDEX articles_outlet_day ON articles(outlet, day);
    CREATE INDEX articles_lang ON articles(lang);
    CREATE INDEX articles_country ON articles(country);
    CREATE INDEX articles_duplicate ON articles(duplicate_of);
    CREATE TABLE fingerprint_bands(band INTEGER NOT NULL, article INTEGER NOT NULL,
                               PRIMARY KEY(band, article)) WITHOUT ROWID;
    CREATE VIEW articles_fts_source AS
      SELECT rowid, char(31) || coalesce(lang, '') || char(31) || coalesce(title, '') AS title,
             char(31) || coalesce(lang, '') || char(31) || text AS body
      FROM articles;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles_fts_source',
                                                 content_rowid='rowid', tokenize='parallax');
    CREATE TABLE ingest_log(
      run INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, args TEXT,
      seen INTEGER, stored INTEGER, duplicates INTEGER, near_duplicates INTEGER,
      quarantined INTEGER);
    CREATE TABLE quarantine(
      id INTEGER PRIMARY KEY, run INTEGER, source TEXT NOT NULL, record INTEGER,
      byte_offset INTEGER, field TEXT, code TEXT NOT NULL, reason TEXT NOT NULL, raw BLOB,
      at TEXT NOT NULL, UNIQUE(source, record, reason));
    )sql",
    // 1 -> 2: entity mentions.
    R"sql(
    CREATE TABLE entities(id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL);
    CREATE TABLE mentions(
      article INTEGER NOT NULL,             -- articles.rowid
      entity TEXT NOT NULL,                 -- entities.id
      start INTEGER NOT NULL, end INTEGER NOT NULL,  -- bytes into articles.text
      via TEXT NOT NULL);
    CREATE INDEX mentions_entity ON mentions(entity, article);
    CREATE INDEX mentions_article ON mentions(article);
    )sql",
    // 2 -> 3: quotations and their speakers.
    R"sql(
    CREATE TABLE quotes(
      id INTEGER PRIMARY KEY,
      article INTEGER NOT NULL,             -- articles.rowid
      start INTEGER NOT NULL, end INTEGER NOT NULL,  -- the quoted words, bytes into articles.text
      kind TEXT NOT NULL,                   -- direct, partial, block, indirect, term
      speaker TEXT, speaker_entity TEXT, speaker_type TEXT,
      speaker_start INTEGER, speaker_end INTEGER,
      cue TEXT, confidence REAL NOT NULL);
    CREATE INDEX quotes_article ON quotes(article);
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', tokenize='parallax');
    )sql",
    // 3 -> 4: the stance of each quotation's speaker toward its targets. Quotations stored
    // before version 4 have none (re-ingest them to add it).
    R"sql(
    CREATE TABLE quote_stance(
      quote INTEGER NOT NULL,               -- quotes.id
      target TEXT NOT NULL,                 -- entities.id
      polarity INTEGER NOT NULL,            -- -1 critical, 0 neutral or mixed, +1 favourable
      confidence REAL NOT NULL,
      evidence_start INTEGER, evidence_end INTEGER);  -- bytes into articles.text
    CREATE INDEX quote_stance_target ON quote_stance(target);
    CREATE INDEX quote_stance_quote ON quote_stance(quote);
    )sql",
    // 4 -> 5: collecting. Where each fetched article's page is archived, and the state of every
    // feed and page `fetch` and `watch` have asked for, with the history of their attempts.
    R"sql(
    ALTER TABLE articles ADD COLUMN archive TEXT;     -- WARC record: FILE#OFFSET (FILE relative to the workspace folder)
    ALTER TABLE articles ADD COLUMN fetched_at TEXT;  -- UTC, ISO 8601
    CREATE TABLE fetch_state(
      url TEXT PRIMARY KEY,
      kind TEXT NOT NULL,                   -- feed, page
      outlet TEXT,
      etag TEXT, last_modified TEXT,        -- for conditional GET
      status INTEGER,                       -- last HTTP status; 0 when no response came
      outcome TEXT NOT NULL,                -- stored, duplicate, unchanged, quarantined, failed, disallowed
      article TEXT,                         -- the article stored from it
      archive TEXT,
      first_seen TEXT NOT NULL, last_attempt TEXT, last_success TEXT,
      failures INTEGER NOT NULL DEFAULT 0,  -- consecutive
      next_attempt TEXT,                    -- after a failure: not before this time
      last_error TEXT);
    CREATE TABLE fetch_log(
      id INTEGER PRIMARY KEY, url TEXT NOT NULL, at TEXT NOT NULL,
      status INTEGER, outcome TEXT NOT NULL, error TEXT, seconds REAL);
    CREATE INDEX fetch_log_url ON fetch_log(url, id);
    )sql",
    // 5 -> 6: near-duplicate lookups read the originals' fingerprints into memory at the first
    // ingest of a process (ingest/fingerprint.h); a compact table keeps that read short instead
    // of scanning the articles. The band postings are rebuilt in memory from it.
    R"sql(
    CREATE TABLE fingerprints(article INTEGER PRIMARY KEY,  -- articles.rowid of an original (not a near-duplicate)
                              fingerprint BLOB NOT NULL);
    INSERT INTO fingerprints(article, fingerprint)
      SELECT rowid, fingerprint FROM articles WHERE rowid IN (SELECT article FROM fingerprint_bands) ORDER BY rowid;
    DROP TABLE fingerprint_bands;
    )sql",
    // 6 -> 7: a hash of each quotation's words (Hash64 of their bytes), so that the voices of a
    // topic pass over a wire copy's repeated words without reading them. Quotations stored
    // before version 7 have none (NULL) and are read as before.
    R"sql(
    ALTER TABLE quotes ADD COLUMN text_hash INTEGER;
    )sql",
    // 7 -> 8: headlines are analysed with their bodies. A mention or quotation in the headline
    // has in_title = 1 and its offsets (and its speaker's and stance evidence's) index
    // articles.title. Articles stored before version 8 have none there (re-ingest them to add them).
    R"sql(
    ALTER TABLE mentions ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE quotes ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0;
    )sql",
};

std::string NowIso() { return UtcIso(); }

std::string JsonList(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> ParseList(const std::string& s) {
  nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& e : j) {
      if (e.is_string()) out.push_back(e.get<std::string>());
    }
  }
  return out;
}

}  // namespace

namespace {

FetchState ReadFetchState(const Stmt& s) {
  FetchState f;
  f.url = s.Text(0);
  f.kind = s.Text(1);
  f.outlet = s.Text(2);
  f.etag = s.Text(3);
  f.last_modified = s.Text(4);
  f.status = static_cast<int>(s.Int(5));
  f.outcome = s.Text(6);
  f.article = s.Text(7);
  f.archive = s.Text(8);
  f.first_seen = s.Text(9);
  f.last_attempt = s.Text(10);
  f.last_success = s.Text(11);
  f.failures = static_cast<int>(s.Int(12));
  f.next_attempt = s.Text(13);
  f.last_error = s.Text(14);
  return f;
}

bool OnReadOnlyFileSystem(const std::string& path) {
  struct statvfs fs;
  std::string dir = std::filesystem::path(path).parent_path().string();
  return statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
}

// A file path as the path of an SQLite URI: '%', '?' and '#' escaped.
std::string UriPath(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else out += c;
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, const OpenOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!options.create && !fs::exists(path, ec)) {
    return Status::NotFound("no workspace here (create one with 'parallax init')", Where{.source = path});
  }
  bool read_only_fs = OnReadOnlyFileSystem(path);
  if (read_only_fs && !options.read_only) {
    return Status::IoError("the workspace is on a read-only file system: it can be searched, not written",
                           Where{.source = path});
  }
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  // A WAL workspace needs its shared-memory file even to be read. On a read-only file system
  // nothing can change the file, so it is opened as immutable instead.
  std::string uri = "file:" + UriPath(path) + (read_only_fs ? "?immutable=1" : "");
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(uri.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status s = SqliteError(db, "cannot open workspace").WithWhere(Where{.source = path});
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  PLX_RETURN_IF_ERROR(RegisterTokenizer(db));
  PLX_RETURN_IF_ERROR(RegisterRank(db));
  // The header check: a file that is not SQLite fails here with a clear message.
  {
    Stmt probe(db, "SELECT count(*) FROM sqlite_master");
    if (!probe.status().ok() || (!probe.Step() && !probe.status().ok())) {
      Status s = probe.status().ok() ? Status::Corrupt("not a workspace") : probe.status();
      return Status(s.code(), s.message(), Where{.source = path});
    }
  }
  if (!options.read_only) {
    PLX_RETURN_IF_ERROR(Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
    PLX_RETURN_IF_ERROR(store->Migrate());
  } else if (store->schema_version() != kSchemaVersion) {
    return Status::InvalidInput(fmt::format("workspace schema version {} (this parallax reads {}); open it read-write once to migrate",
                                            store->schema_version(), kSchemaVersion),
                                Where{.source = path});
  }
  // A writer keeps more of the indexes it inserts into (mentions by entity, articles by id) in
  // its cache: at a million articles they pass a gigabyte, and each article touches pages all
  // over them. SQLite allocates the cache only as pages are read.
  PLX_RETURN_IF_ERROR(Exec(db, options.read_only ? "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                                                 : "PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;"));
  return store;
}

SqliteStore::~SqliteStore() {
  cache_.clear();  // finalise cached statements before the connection closes
  sqlite3_close_v2(db_);
}

SqliteStore::Lease::~Lease() { s_->Reset(); }

SqliteStore::Lease SqliteStore::Cached(const char* sql) {
  std::unique_ptr<Stmt>& slot = cache_[sql];
  if (!slot) slot = std::make_unique<Stmt>(db_, sql);
  return Lease(slot.get());
}

int SqliteStore::schema_version() const {
  Stmt s(db_, "PRAGMA user_version");
  return s.Step() ? static_cast<int>(s.Int(0)) : -1;
}

Status SqliteStore::Migrate() {
  int version = schema_version();
  if (version > kSchemaVersion) {
    return Status::InvalidInput(fmt::format("workspace schema version {} is newer than this parallax ({})", version, kSchemaVersion),
                                Where{.source = path_});
  }
  constexpr int kCount = static_cast<int>(std::size(kMigrations));
  static_assert(kCount == kSchemaVersion);
  for (int v = version; v < kCount; ++v) {
    PLX_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
    // Another process may have migrated while we waited for the lock.
    if (schema_version() > v) {
      PLX_RETURN_IF_ERROR(Exec(db_, "COMMIT"));
      continue;
    }
    Status s = Exec(db_, kMigrations[v]);
    if (s.ok()) s = Exec(db_, fmt::format("PRAGMA user_version={}", v + 1));
    if (!s.ok()) {
      (void)Exec(db_, "ROLLBACK");
      return Status(s.code(), fmt::format("migration to schema {} failed: {}", v + 1, s.message()), Where{.source = path_});
    }
    PLX_RETURN_IF_ERROR(Exec(db_, "COMMIT"));
  }
  return Status::Ok();
}

Status SqliteStore::Begin() {
  PLX_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
  // Holding the write lock now: if another connection committed since this one last wrote,
  // the near-duplicate index may miss its articles and is read again when next needed.
  Stmt s(db_, "PRAGMA data_version");
  int64_t version = s.Step() ? s.Int(0) : -1;
  if (version != data_version_) near_loaded_ = false;
  data_version_ = version;
  return Status::Ok();
}

Status SqliteStore::Commit() { return Exec(db_, "COMMIT"); }

Status SqliteStore::Rollback() {
  near_loaded_ = false;  // it may hold articles that are no longer stored
  return Exec(db_, "ROLLBACK");
}

Status SqliteStore::PutOutlet(const Outlet& o) {
  Stmt s(db_, "INSERT INTO outlets(name, domains, country, lang, tags, feeds) VALUES(?,?,?,?,?,?) "
              "ON CONFLICT(name) DO UPDATE SET domains=excluded.domains, country=excluded.country, "
              "lang=excluded.lang, tags=excluded.tags, feeds=excluded.feeds");
  s.Bind(1, o.name).Bind(2, JsonList(o.domains)).BindOptional(3, o.country).BindOptional(4, o.lang);
  s.Bind(5, JsonList(o.tags)).Bind(6, JsonList(o.feeds));
  return s.Run();
}

Status SqliteStore::PutPack(const std::string& name, const std::string& yaml) { return PutMeta("pack:" + name, yaml); }

Status SqliteStore::PutMeta(const std::string& key, const std::string& value) {
  Stmt s(db_, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.Bind(1, key).Bind(2, value);
  return s.Run();
}

Result<std::string> SqliteStore::GetMeta(const std::string& key) {
  Stmt s(db_, "SELECT value FROM meta WHERE key = ?");
  s.Bind(1, key);
  std::string value = s.Step() ? s.Text(0) : "";
  PLX_RETURN_IF_ERROR(s.status());
  return value;
}

Result<std::vector<std::pair<std::string, std::string>>> StoredPacks(sqlite3* db) {
  Stmt s(db, "SELECT substr(key, 6), value FROM meta WHERE key LIKE 'pack:%' ORDER BY rowid");
  std::vector<std::pair<std::string, std::string>> out;
  while (s.Step()) out.emplace_back(s.Text(0), s.Text(1));
  if (!s.status().ok()) return s.status();
  return out;
}

Result<std::vector<Outlet>> SqliteStore::Outlets() {
  Stmt s(db_, "SELECT name, domains, country, lang, tags, feeds FROM outlets ORDER BY name");
  std::vector<Outlet> out;
  while (s.Step()) {
    Outlet o;
    o.name = s.Text(0);
    o.domains = ParseList(s.Text(1));
    o.country = s.Text(2);
    o.lang = s.Text(3);
    o.tags = ParseList(s.Text(4));
    o.feeds = ParseList(s.Text(5));
    out.push_back(std::move(o));
  }
  PLX_RETURN_IF_ERROR(s.status());
  return out;
}

Result<bool> SqliteStore::HasArticle(const std::string& id) {
  static constexpr const char* kSql = "SELECT 1 FROM articles WHERE id = ?";
  Lease s = Cached(kSql);
  s->Bind(1, id);
  bool found = s->Step();
  PLX_RETURN_IF_ERROR(s->status());
  return found;
}

Result<std::optional<std::string>> SqliteStore::FindNearDuplicate(const std::string& fingerprint) {
  if (fingerprint.empty()) return std::optional<std::string>();
  if (!near_loaded_) {
    near_.Clear();
    Stmt s(db_, "SELECT article, fingerprint FROM fingerprints ORDER BY article");
    while (s.Step()) near_.Add(static_cast<uint64_t>(s.Int(0)), s.Text(1));
    PLX_RETURN_IF_ERROR(s.status());
    near_loaded_ = true;
  }
  std::optional<uint64_t> rowid = near_.Find(fingerprint);
  if (!rowid) return std::optional<std::string>();
  Lease s = Cached("SELECT id FROM articles WHERE rowid = ?");
  s->Bind(1, static_cast<int64_t>(*rowid));
  std::optional<std::string> id;
  if (s->Step()) id = s->Text(0);
  PLX_RETURN_IF_ERROR(s->status());
  return id;
}

namespace {

// The documents PutArticle gives the full-text index, in its order: title, text, quotations.
struct PreparedTerms : PreparedArticle {
  std::vector<DocumentTerms> docs;
};

}  // namespace

std::unique_ptr<PreparedArticle> SqliteStore::Prepare(const Article& a) const {
  auto p = std::make_unique<PreparedTerms>();
  std::string marker = LanguageMarker(a.lang);
  p->docs.push_back(TokenizeDocument(marker + a.title));
  p->docs.push_back(TokenizeDocument(marker + a.text));
  for (const QuoteRecord& q : a.quotes) {
    p->docs.push_back(TokenizeDocument(marker + std::string(q.content.Of(a.Field(q.in_title)))));
  }
  return p;
}

Status SqliteStore::PutArticle(const Article& a, const std::vector<std::string>& tags, const PreparedArticle* prepared) {
  // The tokenizer takes the terms computed ahead for these documents (Prepare).
  const auto* terms = dynamic_cast<const PreparedTerms*>(prepared);
  ScopedDocumentTerms ready(terms != nullptr ? &terms->docs : nullptr);
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const Paragraph& p : a.paragraphs) paragraphs.push_back({p.range.begin, p.range.end, p.blockquote ? 1 : 0});
  static constexpr const char* kInsert = R"sql(INSERT INTO articles(id, url, title, title_en,
      published, day, outlet, country, tags, lang, script, lang_confidence, author, text,
      paragraphs, extra, source, record, format, fingerprint, duplicate_of, bytes, ingested_at,
      archive, fetched_at)
      VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql";
  {
    Lease ins = Cached(kInsert);
    ins->Bind(1, a.id).BindOptional(2, a.url).BindOptional(3, a.title).BindOptional(4, a.title_en);
    ins->BindOptional(5, a.published).BindOptional(6, a.day).BindOptional(7, a.outlet).BindOptional(8, a.country);
    ins->Bind(9, JsonList(tags)).BindOptional(10, a.lang).BindOptional(11, a.script).Bind(12, a.lang_confidence);
    ins->BindOptional(13, a.author).Bind(14, a.text).Bind(15, paragraphs.dump()).BindOptional(16, a.extra_json);
    ins->BindOptional(17, a.source).Bind(18, a.record).BindOptional(19, a.format);
    ins->BindBlob(20, a.fingerprint).BindOptional(21, a.duplicate_of);
    ins->Bind(22, static_cast<int64_t>(a.text.size())).Bind(23, NowIso());
    ins->BindOptional(24, a.archive).BindOptional(25, a.fetched_at);
    PLX_RETURN_IF_ERROR(ins->Run());
  }
  int64_t rowid = sqlite3_last_insert_rowid(db_);
  std::string marker = LanguageMarker(a.lang);
  {
    static constexpr const char* kFts = "INSERT INTO articles_fts(rowid, title, body) VALUES(?,?,?)";
    Lease fts = Cached(kFts);
    fts->Bind(1, rowid).Bind(2, marker + a.title).Bind(3, marker + a.text);
    PLX_RETURN_IF_ERROR(fts->Run());
  }
  if (!a.mentions.empty()) {
    static constexpr const char* kEntity = "INSERT OR IGNORE INTO entities(id, type, name) VALUES(?,?,?)";
    static constexpr const char* kMention =
        "INSERT INTO mentions(article, entity, start, end, via, in_title) VALUES(?,?,?,?,?,?)";
    Lease entity = Cached(kEntity);
    Lease mention = Cached(kMention);
    for (const EntityMention& m : a.mentions) {
      entity->Reset();
      entity->Bind(1, m.entity).Bind(2, m.type).Bind(3, m.name);
      PLX_RETURN_IF_ERROR(entity->Run());
      mention->Reset();
      mention->Bind(1, rowid).Bind(2, m.entity).Bind(3, static_cast<int64_t>(m.range.begin));
      mention->Bind(4, static_cast<int64_t>(m.range.end)).Bind(5, m.via).Bind(6, int64_t{m.in_title});
      PLX_RETURN_IF_ERROR(mention->Run());
    }
  }
  if (!a.quotes.empty()) {
    static constexpr const char* kQuote =
        "INSERT INTO quotes(article, start, end, kind, speaker, speaker_entity, speaker_type, speaker_start, "
        "speaker_end, cue, confidence, text_hash, in_title) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static constexpr const char* kQuoteFts = "INSERT INTO quotes_fts(rowid, text) VALUES(?,?)";
    static constexpr const char* kStance =
        "INSERT INTO quote_stance(quote, target, polarity, confidence, evidence_start, evidence_end) VALUES(?,?,?,?,?,?)";
    Lease quote = Cached(kQuote);
    Lease quote_fts = Cached(kQuoteFts);
    for (const QuoteRecord& q : a.quotes) {
      quote->Reset();
      quote->Bind(1, rowid).Bind(2, static_cast<int64_t>(q.content.begin)).Bind(3, static_cast<int64_t>(q.content.end));
      quote->Bind(4, q.kind).BindOptional(5, q.speaker).BindOptional(6, q.speaker_entity).BindOptional(7, q.speaker_type);
      if (q.speaker.empty() || q.speaker_range.empty()) {
        quote->BindNull(8).BindNull(9);
      } else {
        quote->Bind(8, static_cast<int64_t>(q.speaker_range.begin)).Bind(9, static_cast<int64_t>(q.speaker_range.end));
      }
      const std::string_view words = q.content.Of(a.Field(q.in_title));
      quote->BindOptional(10, q.cue).Bind(11, q.confidence).Bind(12, static_cast<int64_t>(Hash64(words)));
      quote->Bind(13, int64_t{q.in_title});
      PLX_RETURN_IF_ERROR(quote->Run());
      const int64_t quote_id = sqlite3_last_insert_rowid(db_);
      quote_fts->Reset();
      quote_fts->Bind(1, quote_id).Bind(2, marker + std::string(words));
      PLX_RETURN_IF_ERROR(quote_fts->Run());
      if (q.stance.empty()) continue;
      Lease stance = Cached(kStance);
      for (const StanceRecord& st : q.stance) {
        stance->Reset();
        stance->Bind(1, quote_id).Bind(2, st.target).Bind(3, static_cast<int64_t>(st.polarity)).Bind(4, st.confidence);
        if (st.evidence.empty()) {
          stance->BindNull(5).BindNull(6);
        } else {
          stance->Bind(5, static_cast<int64_t>(st.evidence.begin)).Bind(6, static_cast<int64_t>(st.evidence.end));
        }
        PLX_RETURN_IF_ERROR(stance->Run());
      }
    }
  }
  if (!a.fingerprint.empty() && a.duplicate_of.empty()) {
    // Only originals are candidates: a copy links to the first publication.
    Lease fp = Cached("INSERT INTO fingerprints(article, fingerprint) VALUES(?,?)");
    fp->Bind(1, rowid).BindBlob(2, a.fingerprint);
    PLX_RETURN_IF_ERROR(fp->Run());
    if (near_loaded_) near_.Add(static_cast<uint64_t>(rowid), a.fingerprint);
  }
  return Status::Ok();
}

Result<std::optional<Article>> SqliteStore::GetArticle(const std::string& id) { return ReadArticle(db_, id); }

Result<std::optional<Article>> ReadArticle(sqlite3* db, const std::string& id) {
  Stmt s(db, R"sql(SELECT id, url, title, title_en, published, day, outlet, country, lang, script,
      lang_confidence, author, text, paragraphs, extra, source, record, format, fingerprint, duplicate_of,
      archive, fetched_at FROM articles WHERE id = ?)sql");
  s.Bind(1, id);
  if (!s.Step()) {
    PLX_RETURN_IF_ERROR(s.status());
    return std::optional<Article>();
  }
  Article a;
  a.id = s.Text(0);
  a.url = s.Text(1);
  a.title = s.Text(2);
  a.title_en = s.Text(3);
  a.published = s.Text(4);
  a.day = s.Text(5);
  a.outlet = s.Text(6);
  a.country = s.Text(7);
  a.lang = s.Text(8);
  a.script = s.Text(9);
  a.lang_confidence = s.Real(10);
  a.author = s.Text(11);
  a.text = s.Text(12);
  nlohmann::json p = nlohmann::json::parse(s.Text(13), nullptr, false);
  if (p.is_array()) {
    for (const auto& e : p) {
      if (e.is_array() && e.size() == 3) {
        a.paragraphs.push_back({{e[0].get<uint32_t>(), e[1].get<uint32_t>()}, e[2].get<int>() != 0});
      }
    }
  }
  a.extra_json = s.Text(14);
  a.source = s.Text(15);
  a.record = s.Int(16);
  a.format = s.Text(17);
  a.fingerprint = s.Text(18);
  a.duplicate_of = s.Text(19);
  a.archive = s.Text(20);
  a.fetched_at = s.Text(21);
  return std::optional<Article>(std::move(a));
}

Result<std::optional<FetchState>> SqliteStore::GetFetchState(const std::string& url) {
  Stmt s(db_, R"sql(SELECT url, kind, outlet, etag, last_modified, status, outcome, article, archive,
      first_seen, last_attempt, last_success, failures, next_attempt, last_error FROM fetch_state WHERE url = ?)sql");
  s.Bind(1, url);
  if (!s.Step()) {
    PLX_RETURN_IF_ERROR(s.status());
    return std::optional<FetchState>();
  }
  return std::optional<FetchState>(ReadFetchState(s));
}

Result<std::vector<FetchState>> SqliteStore::FetchStates(bool failing_only) {
  Stmt s(db_, fmt::format(R"sql(SELECT url, kind, outlet, etag, last_modified, status, outcome, article, archive,
      first_seen, last_attempt, last_success, failures, next_attempt, last_error FROM fetch_state {}
      ORDER BY kind, outlet, url)sql", failing_only ? "WHERE failures > 0" : ""));
  std::vector<FetchState> out;
  while (s.Step()) out.push_back(ReadFetchState(s));
  PLX_RETURN_IF_ERROR(s.status());
  return out;
}

Status SqliteStore::PutFetchState(const FetchState& f) {
  Stmt s(db_, R"sql(INSERT INTO fetch_state(url, kind, outlet, etag, last_modified, status, outcome, article,
      archive, first_seen, last_attempt, last_success, failures, next_attempt, last_error)
      VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(url) DO UPDATE SET kind=excluded.kind,
      outlet=excluded.outlet, etag=excluded.etag, last_modified=excluded.last_modified, status=excluded.status,
      outcome=excluded.outcome, article=excluded.article, archive=excluded.archive,
      last_attempt=excluded.last_attempt, last_success=excluded.last_success, failures=excluded.failures,
      next_attempt=excluded.next_attempt, last_error=excluded.last_error)sql");
  s.Bind(1, f.url).Bind(2, f.kind).BindOptional(3, f.outlet).BindOptional(4, f.etag).BindOptional(5, f.last_modified);
  s.Bind(6, static_cast<int64_t>(f.status)).Bind(7, f.outcome).BindOptional(8, f.article).BindOptional(9, f.archive);
  s.Bind(10, f.first_seen.empty() ? NowIso() : f.first_seen).BindOptional(11, f.last_attempt);
  s.BindOptional(12, f.last_success).Bind(13, static_cast<int64_t>(f.failures)).BindOptional(14, f.next_attempt);
  s.BindOptional(15, f.last_error);
  return s.Run();
}

Status SqliteStore::LogFetch(const FetchState& f, double seconds) {
  Stmt s(db_, "INSERT INTO fetch_log(url, at, status, outcome, error, seconds) VALUES(?,?,?,?,?,?)");
  s.Bind(1, f.url).Bind(2, f.last_attempt.empty() ? NowIso() : f.last_attempt).Bind(3, static_cast<int64_t>(f.status));
  s.Bind(4, f.outcome).BindOptional(5, f.outcome == "failed" ? f.last_error : std::string()).Bind(6, seconds);
  return s.Run();
}

Result<std::vector<FetchLogEntry>> SqliteStore::FetchLog(const std::string& url, int64_t limit) {
  Stmt s(db_, "SELECT url, at, status, outcome, error, seconds FROM fetch_log WHERE url = ? ORDER BY id DESC LIMIT ?");
  s.Bind(1, url).Bind(2, limit);
  std::vector<FetchLogEntry> out;
  while (s.Step()) {
    out.push_back({s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), s.Text(3), s.Text(4), s.Real(5)});
  }
  PLX_RETURN_IF_ERROR(s.status());
  return out;
}

Result<int64_t> SqliteStore::BeginRun(const std::string& args) {
  Stmt s(db_, "INSERT INTO ingest_log(started, args) VALUES(?, ?)");
  s.Bind(1, NowIso()).Bind(2, args);
  PLX_RETURN_IF_ERROR(s.Run());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status SqliteStore::FinishRun(int64_t run, const RunCounts& c) {
  Stmt s(db_, "UPDATE ingest_log SET finished=?, seen=?, stored=?, duplicates=?, near_duplicates=?, "
              "quarantined=? WHERE run=?");
  s.Bind(1, NowIso()).Bind(2, c.seen).Bind(3, c.stored).Bind(4, c.duplicates).Bind(5, c.near_duplicates);
  s.Bind(6, c.quarantined).Bind(7, run);
  return s.Run();
}

Status SqliteStore::Quarantine(const QuarantineEntry& e) {
  static constexpr const char* kSql =
      "INSERT OR IGNORE INTO quarantine(run, source, record, byte_offset, field, code, reason, raw, at) "
      "VALUES(?,?,?,?,?,?,?,?,?)";
  Lease s = Cached(kSql);
  s->Bind(1, e.run).Bind(2, e.source).Bind(3, e.record);
  if (e.offset >= 0) s->Bind(4, e.offset); else s->BindNull(4);
  s->BindOptional(5, e.field).Bind(6, e.code).Bind(7, e.reason).BindBlob(8, e.raw).Bind(9, NowIso());
  return s->Run();
}

Result<std::vector<QuarantineEntry>> SqliteStore::QuarantineList(int64_t limit) {
  Stmt s(db_, "SELECT run, source, record, coalesce(byte_offset, -1), coalesce(field, ''), code, reason, raw, at "
              "FROM quarantine ORDER BY id LIMIT ?");
  s.Bind(1, limit);
  std::vector<QuarantineEntry> out;
  while (s.Step()) {
    QuarantineEntry e;
    e.run = s.Int(0);
    e.source = s.Text(1);
    e.record = s.Int(2);
    e.offset = s.Int(3);
    e.field = s.Text(4);
    e.code = s.Text(5);
    e.reason = s.Text(6);
    e.raw = s.Text(7);
    e.at = s.Text(8);
    out.push_back(std::move(e));
  }
  PLX_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace parallax::store
