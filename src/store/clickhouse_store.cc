#include "store/clickhouse_store.h"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "ingest/fingerprint.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/tokenize.h"

namespace parallax::store {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Column lists, shared by the local and the cluster DDL. Every table is keyed by article so
// that rows sent twice collapse (ReplacingMergeTree) and shards keep an article together.
// Partitions are years: a batch of a backfill spanning years makes a part per table and year it
// touches, where months would make twelve times as many for the server to merge.
// Stance rows repeat their quotation's and article's attributes (the column-store way: the
// aggregates read one table, and the Debian server's ClickHouse allows one JOIN per query).
struct Table {
  const char* name;
  const char* columns;
  const char* engine_args;  // ReplacingMergeTree's version column, or "" for MergeTree
  const char* partition;    // "" for none
  const char* order;
  const char* shard_key;
};
constexpr Table kTables[] = {
    {"articles",
     "id String, seq UInt64, url String, title String, title_en String, published String, day Date, "
     "outlet String, country String, tags Array(String), lang String, script String, lang_confidence Float64, "
     "author String, text String, paragraphs String, extra String, source String, record Int64, format String, "
     "fingerprint String, duplicate_of String, bytes UInt64, ingested DateTime, archive String, fetched_at String, "
     "folded String",
     "seq", "toYear(day)", "(day, outlet, id)", "cityHash64(id)"},
    {"mentions",
     "article String, day Date, outlet String, entity String, name String, type String, via String, "
     "start UInt32, end UInt32, in_title UInt8",
     "", "toYear(day)", "(entity, day, article, start, in_title)", "cityHash64(article)"},
    {"quotes",
     "article String, day Date, outlet String, country String, lang String, start UInt32, end UInt32, kind String, "
     "text String, speaker String, speaker_entity String, speaker_type String, speaker_start UInt32, "
     "speaker_end UInt32, cue String, confidence Float64, folded String, in_title UInt8",
     "", "toYear(day)", "(day, article, start, in_title)", "cityHash64(article)"},
    {"stances",
     "article String, day Date, outlet String, country String, lang String, script String, tags Array(String), "
     "quote_start UInt32, kind String, speaker String, speaker_entity String, target String, name String, "
     "polarity Int8, confidence Float64, evidence_start UInt32, evidence_end UInt32, rank UInt16, in_title UInt8",
     "", "toYear(day)", "(target, day, article, quote_start, in_title)", "cityHash64(article)"},
    // The inverted index: one row per distinct index term of an article, in term order, so a
    // search reads the ranges of its terms instead of every article.
    {"postings", "term String, article String", "", "", "(term, article)", "cityHash64(article)"},
    // The same for quotations (`quotes --match`): a quotation is its article, field and start.
    {"quote_postings", "term String, article String, quote_start UInt32, in_title UInt8", "", "",
     "(term, article, quote_start, in_title)", "cityHash64(article)"},
    {"outlets", "name String, domains Array(String), country String, lang String, tags Array(String), feeds Array(String)",
     "", "", "(name)", "cityHash64(name)"},
    {"packs", "name String, yaml String, at DateTime", "at", "", "(name)", "cityHash64(name)"},
    {"quarantine",
     "run Int64, source String, record Int64, offset Int64, field String, code String, reason String, raw String, "
     "at DateTime",
     "", "", "(source, record, reason)", "cityHash64(source)"},
    {"ingest_log",
     "run Int64, started DateTime, finished DateTime, args String, seen Int64, stored Int64, duplicates Int64, "
     "near_duplicates Int64, quarantined Int64",
     "", "", "(run)", "run"},
};

std::string Engine(const Table& t, const std::string& database, const std::string& cluster) {
  std::string args = t.engine_args;
  std::string engine = cluster.empty()
                           ? fmt::format("ReplacingMergeTree({})", args)
                           : fmt::format("ReplicatedReplacingMergeTree('/clickhouse/tables/{{shard}}/{}/{}', '{{replica}}'{}{})",
                                         database, t.name, args.empty() ? "" : ", ", args);
  std::string out = "ENGINE = " + engine;
  if (*t.partition != 0) out += fmt::format(" PARTITION BY {}", t.partition);
  return out + fmt::format(" ORDER BY {}", t.order);
}

std::string Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) out += kHex[c >> 4], out += kHex[c & 15];
  return out;
}

std::string Unhex(std::string_view hex) {
  std::string out;
  auto v = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(v(hex[i]) << 4 | v(hex[i + 1]));
  return out;
}

// A day ClickHouse's Date holds (1970..2105), else its zero date.
std::string DateOf(const std::string& day) {
  return day.size() == 10 && day >= "1970-01-01" && day <= "2105-12-31" ? day : "0000-00-00";
}

std::string DateTimeNow() { return FormatUtc(std::time(nullptr), "%Y-%m-%d %H:%M:%S"); }

void AddRow(std::string& rows, const json& row) {
  rows += row.dump(-1, ' ', false, json::error_handler_t::replace);
  rows += '\n';
}

// The distinct index terms of an article: the words of the tokenizer the SQLite index uses,
// folded and stemmed with the article's language. Terms are letters, digits and marks only,
// so they need no escaping in TabSeparated rows.
// The distinct index terms of `texts` in language `lang`, as the SQLite tokenizer makes them.
std::vector<std::string> Terms(const std::string& lang, std::initializer_list<std::string_view> texts) {
  thread_local std::map<std::string, std::unique_ptr<text::Stemmer>, std::less<>> stemmers;
  auto it = stemmers.find(lang);
  if (it == stemmers.end()) it = stemmers.emplace(lang, text::Stemmer::Create(lang)).first;
  std::set<std::string> terms;
  std::string term;
  for (std::string_view s : texts) {
    text::ForEachWord(s, [&](std::string_view word, ByteRange, bool) {
      text::MakeTerm(word, it->second.get(), term);
      if (!term.empty()) terms.insert(term);
    });
  }
  return std::vector<std::string>(terms.begin(), terms.end());
}

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Result<ClickHouseUrl> ClickHouseUrl::Parse(const std::string& url) {
  constexpr std::string_view kScheme = "clickhouse://";
  if (url.rfind(kScheme, 0) != 0) {
    return Status::InvalidInput(fmt::format("not a ClickHouse URL (clickhouse://host:port/database): '{}'", url));
  }
  ClickHouseUrl u;
  std::string rest = url.substr(kScheme.size());
  size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos && slash + 1 < rest.size()) u.database = rest.substr(slash + 1);
  if (size_t at = authority.rfind('@'); at != std::string::npos) {
    std::string cred = authority.substr(0, at);
    authority = authority.substr(at + 1);
    size_t colon = cred.find(':');
    u.user = cred.substr(0, colon);
    if (colon != std::string::npos) u.password = cred.substr(colon + 1);
  }
  if (size_t colon = authority.rfind(':'); colon != std::string::npos) {
    u.port = std::atoi(authority.c_str() + colon + 1);
    authority = authority.substr(0, colon);
  }
  if (!authority.empty()) u.host = authority;
  bool name_ok = !u.database.empty() && std::all_of(u.database.begin(), u.database.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  if (!name_ok || u.port <= 0 || u.port > 65535) {
    return Status::InvalidInput(fmt::format("bad ClickHouse URL '{}': a port and a database name of letters, digits and _", url));
  }
  return u;
}

std::string ClickHouseUrl::ToString() const {
  return fmt::format("clickhouse://{}{}{}:{}/{}", user, user.empty() ? "" : "@", host, port, database);
}

std::string ClickHouseSchema(const std::string& database, const std::string& cluster) {
  std::string on = cluster.empty() ? "" : fmt::format(" ON CLUSTER {}", cluster);
  std::string out = fmt::format("CREATE DATABASE IF NOT EXISTS {}{};\n\n", database, on);
  for (const Table& t : kTables) {
    std::string local = cluster.empty() ? t.name : std::string(t.name) + "_local";
    out += fmt::format("CREATE TABLE IF NOT EXISTS {}.{}{} ({}) {};\n\n", database, local, on, t.columns,
                       Engine(t, database, cluster));
    if (!cluster.empty()) {
      out += fmt::format("CREATE TABLE IF NOT EXISTS {0}.{1}{2} AS {0}.{3} ENGINE = Distributed({4}, {0}, {3}, {5});\n\n",
                         database, t.name, on, local, cluster, t.shard_key);
    }
  }
  return out;
}

ClickHouseStore::ClickHouseStore(ClickHouseUrl url, ClickHouseOptions options)
    : url_(std::move(url)), options_(std::move(options)) {
  InitCurlOnce();
  curl_ = curl_easy_init();
}

ClickHouseStore::~ClickHouseStore() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Result<std::unique_ptr<ClickHouseStore>> ClickHouseStore::Open(const ClickHouseUrl& url, const ClickHouseOptions& options) {
  std::unique_ptr<ClickHouseStore> s(new ClickHouseStore(url, options));
  if (s->curl_ == nullptr) return Status::Internal("libcurl could not start");
  if (!options.writer) {
    PLX_RETURN_IF_ERROR(s->Query("SELECT 1").status());
    return s;
  }
  std::string schema = ClickHouseSchema(url.database);
  size_t pos = 0;
  while (pos < schema.size()) {
    size_t end = schema.find(";\n\n", pos);
    std::string stmt = schema.substr(pos, end - pos);
    pos = end == std::string::npos ? schema.size() : end + 3;
    if (stmt.empty()) continue;
    // The database may not exist yet: DDL names it in full and runs in "default".
    PLX_RETURN_IF_ERROR(s->Query(stmt).status());
  }
  PLX_RETURN_IF_ERROR(s->Upgrade());
  PLX_RETURN_IF_ERROR(s->FlushSpool().status());
  PLX_RETURN_IF_ERROR(s->LoadKnown());
  return s;
}

Status ClickHouseStore::Upgrade() {
  PLX_ASSIGN_OR_RETURN(std::string answer,
                       Query(fmt::format("SELECT table, name FROM system.columns WHERE database = '{}' FORMAT TabSeparated",
                                         url_.database)));
  PLX_ASSIGN_OR_RETURN(std::vector<std::string_view> have, TabSeparated(answer, 2));
  std::set<std::pair<std::string_view, std::string_view>> columns;
  for (size_t i = 0; i + 1 < have.size(); i += 2) columns.insert({have[i], have[i + 1]});
  PLX_ASSIGN_OR_RETURN(std::string engines,
                       Query(fmt::format("SELECT name, engine FROM system.tables WHERE database = '{}' FORMAT TabSeparated",
                                         url_.database)));
  PLX_ASSIGN_OR_RETURN(std::vector<std::string_view> engine_rows, TabSeparated(engines, 2));
  std::set<std::string_view> distributed;
  for (size_t i = 0; i + 1 < engine_rows.size(); i += 2) {
    if (engine_rows[i + 1] == "Distributed") distributed.insert(engine_rows[i]);
  }
  for (const Table& t : kTables) {
    // The table's columns as this version declares them ("name Type, name Type, ...").
    std::string alter;
    bool key_changes = false;
    for (std::string_view rest = t.columns; !rest.empty();) {
      size_t comma = rest.find(", ");
      std::string_view column = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
      std::string_view name = column.substr(0, column.find(' '));
      if (columns.contains({t.name, name})) continue;
      alter += fmt::format("{}ADD COLUMN {}", alter.empty() ? "" : ", ", column);
      // A column the sorting key names can join it only in the ALTER that adds it.
      std::string_view order = t.order;
      key_changes |= order.find(fmt::format(" {})", name)) != std::string_view::npos ||
                     order.find(fmt::format(" {},", name)) != std::string_view::npos;
    }
    if (alter.empty()) continue;
    if (distributed.contains(t.name)) {
      // A cluster's tables (ClickHouseSchema with a cluster) change on every shard at once,
      // which only their administrator can ask for.
      return Status::InvalidInput(fmt::format(
          "ClickHouse: {0}.{1} is a Distributed table made by an earlier version; upgrade the cluster's tables first: "
          "ALTER TABLE {0}.{1}_local ON CLUSTER <cluster> {2}{3}; ALTER TABLE {0}.{1} ON CLUSTER <cluster> {2}",
          url_.database, t.name, alter, key_changes ? fmt::format(", MODIFY ORDER BY {}", t.order) : ""));
    }
    if (key_changes) alter += fmt::format(", MODIFY ORDER BY {}", t.order);
    PLX_RETURN_IF_ERROR(Query(fmt::format("ALTER TABLE {}.{} {}", url_.database, t.name, alter)).status());
  }
  return Status::Ok();
}

Result<std::string> ClickHouseStore::Query(const std::string& sql, const std::string& body) {
  CURL* c = static_cast<CURL*>(curl_);
  // A statement without data travels as the request's body: in the URL, a long one (stance
  // looked up for 2,000 quotations) passes the server's limit on a request line and comes
  // back as a bare HTTP 400. An INSERT's statement goes in the URL, its rows in the body.
  std::string target = fmt::format("http://{}:{}/", url_.host, url_.port);
  if (!body.empty()) {
    char* escaped = curl_easy_escape(c, sql.c_str(), static_cast<int>(sql.size()));
    target += fmt::format("?query={}", escaped);
    curl_free(escaped);
  }
  const std::string& payload = body.empty() ? sql : body;
  if (!url_.user.empty()) {
    char* user = curl_easy_escape(c, url_.user.c_str(), 0);
    char* password = curl_easy_escape(c, url_.password.c_str(), 0);
    target += fmt::format("{}user={}&password={}", body.empty() ? "?" : "&", user, password);
    curl_free(user);
    curl_free(password);
  }
  Where where{.source = url_.ToString()};
  double backoff = options_.backoff_seconds;
  for (int attempt = 0;; ++attempt) {
    std::string answer;
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, target.c_str());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_seconds * 1000));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (rc == CURLE_OK && status == 200) return answer;
    // The server's own errors ("Code: 62 ... Syntax error") are not retried; an unreachable
    // or overloaded server is.
    bool transient = rc != CURLE_OK || status == 502 || status == 503 || status == 504;
    if (!transient || attempt >= options_.retries) {
      std::string why = rc != CURLE_OK ? (error[0] != 0 ? std::string(error) : curl_easy_strerror(rc))
                                       : fmt::format("HTTP {}: {}", status, answer.substr(0, 500));
      while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
      return Status(transient ? StatusCode::kUnavailable : StatusCode::kInvalidInput,
                    fmt::format("ClickHouse: {}", why), where);
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(backoff));
    backoff *= 2;
  }
}

Status ClickHouseStore::LoadKnown() {
  PLX_ASSIGN_OR_RETURN(std::string rows,
                       Query(fmt::format("SELECT id, seq, fingerprint, duplicate_of = '' FROM {}.articles FINAL ORDER BY seq "
                                         "FORMAT TabSeparated",
                                         url_.database)));
  PLX_ASSIGN_OR_RETURN(std::vector<std::string_view> f, TabSeparated(rows, 4));
  for (size_t i = 0; i < f.size(); i += 4) {
    std::string id(f[i]);
    uint64_t seq = std::strtoull(std::string(f[i + 1]).c_str(), nullptr, 10);
    std::string fp = Unhex(f[i + 2]);
    ids_.insert(id);
    next_seq_ = std::max(next_seq_, seq + 1);
    if (f[i + 3] == "1") AddOriginal(id, fp);
  }
  return Status::Ok();
}

Status ClickHouseStore::Begin() { return Status::Ok(); }  // rows gather until Commit

Status ClickHouseStore::Rollback() {
  batch_.clear();
  batch_articles_ = 0;
  return Status::Ok();
}

Status ClickHouseStore::Commit() {
  if (batch_.empty()) return Status::Ok();
  std::map<std::string, std::string> batch = std::move(batch_);
  int64_t articles = batch_articles_;
  batch_.clear();
  batch_articles_ = 0;
  if (Send(batch).ok()) return Status::Ok();
  return Spool(batch, articles);
}

Status ClickHouseStore::Send(const std::map<std::string, std::string>& batch) {
  // Articles last: a reader that finds an article finds its annotations too.
  for (const char* table : {"outlets", "packs", "quarantine", "postings", "quote_postings", "mentions", "quotes",
                            "stances", "articles", "ingest_log"}) {
    auto it = batch.find(table);
    if (it == batch.end() || it->second.empty()) continue;
    const char* format = std::string_view(table).ends_with("postings") ? "TabSeparated" : "JSONEachRow";
    PLX_RETURN_IF_ERROR(
        Query(fmt::format("INSERT INTO {}.{} FORMAT {}", url_.database, table, format), it->second).status());
  }
  return Status::Ok();
}

Status ClickHouseStore::Spool(const std::map<std::string, std::string>& batch, int64_t articles) {
  std::error_code ec;
  fs::create_directories(options_.spool_dir, ec);
  static int counter = 0;
  std::string name = fmt::format("{}/batch-{}-{}-{:06}.json", options_.spool_dir,
                                 std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch()).count(),
                                 ::getpid(), counter++);
  json j = {{"database", url_.database}, {"articles", articles}, {"tables", batch}};
  {
    std::ofstream out(name + ".tmp", std::ios::binary);
    out << j.dump(-1, ' ', false, json::error_handler_t::replace);
    if (!out.flush()) return Status::IoError("cannot write the spool file", Where{.source = name});
  }
  fs::rename(name + ".tmp", name, ec);
  if (ec) return Status::IoError(fmt::format("cannot write the spool file: {}", ec.message()), Where{.source = name});
  spooled_articles_ += articles;
  return Status::Ok();
}

Result<int> ClickHouseStore::FlushSpool() {
  std::error_code ec;
  if (!fs::is_directory(options_.spool_dir, ec)) return 0;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(options_.spool_dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  int sent = 0;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    json j = json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("tables") || j.value("database", "") != url_.database) continue;
    std::map<std::string, std::string> batch = j["tables"].get<std::map<std::string, std::string>>();
    PLX_RETURN_IF_ERROR(Send(batch));
    fs::remove(f, ec);
    ++sent;
  }
  return sent;
}

Status ClickHouseStore::PutOutlet(const Outlet& o) {
  // Sent with the next batch (and spooled with it).
  AddRow(batch_["outlets"], {{"name", o.name}, {"domains", o.domains}, {"country", o.country}, {"lang", o.lang},
                             {"tags", o.tags}, {"feeds", o.feeds}});
  return Status::Ok();
}

std::vector<json> JsonEachRow(const std::string& answer) {
  std::vector<json> out;
  size_t pos = 0;
  while (pos < answer.size()) {
    size_t end = answer.find('\n', pos);
    json j = json::parse(answer.substr(pos, end == std::string::npos ? std::string::npos : end - pos), nullptr, false);
    pos = end == std::string::npos ? answer.size() : end + 1;
    if (j.is_object()) out.push_back(std::move(j));
  }
  return out;
}

Result<std::vector<std::string_view>> TabSeparated(std::string& answer, size_t columns) {
  std::vector<std::string_view> out;
  char* p = answer.data();
  char* const end = p + answer.size();
  size_t line = 0;
  while (p < end) {
    ++line;
    size_t fields = 0;
    while (true) {
      // Unescape the field in place: its text never grows.
      char* begin = p;
      char* w = p;
      while (p < end && *p != '\t' && *p != '\n') {
        char c = *p++;
        if (c == '\\' && p < end) {
          c = *p++;
          switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case '0': c = '\0'; break;
            default: break;  // \\, \' and any other escaped character stand for themselves
          }
        }
        *w++ = c;
      }
      out.emplace_back(begin, static_cast<size_t>(w - begin));
      ++fields;
      if (p < end && *p == '\t') {
        ++p;
        continue;
      }
      if (p < end) ++p;  // the newline
      break;
    }
    if (fields != columns) {
      return Status::Corrupt(fmt::format("ClickHouse answer line {}: {} fields where {} were asked for", line, fields, columns));
    }
  }
  return out;
}

Status ClickHouseStore::PutPack(const std::string& name, const std::string& yaml) {
  AddRow(batch_["packs"], {{"name", name}, {"yaml", yaml}, {"at", DateTimeNow()}});  // with the next batch
  return Status::Ok();
}

Result<std::vector<std::pair<std::string, std::string>>> ClickHouseStore::Packs() {
  PLX_ASSIGN_OR_RETURN(std::string rows,
                       Query(fmt::format("SELECT name, argMax(yaml, at) AS y FROM {}.packs GROUP BY name "
                                         "ORDER BY min(at), name FORMAT JSONEachRow",
                                         url_.database)));
  std::vector<std::pair<std::string, std::string>> out;
  for (const json& j : JsonEachRow(rows)) out.emplace_back(j.value("name", ""), j.value("y", ""));
  return out;
}

Result<std::vector<Outlet>> ClickHouseStore::Outlets() {
  PLX_ASSIGN_OR_RETURN(std::string rows,
                       Query(fmt::format("SELECT * FROM {}.outlets FINAL ORDER BY name FORMAT JSONEachRow", url_.database)));
  std::vector<Outlet> out;
  for (const json& j : JsonEachRow(rows)) {
    out.push_back(Outlet{.name = j.value("name", ""), .domains = j.value("domains", std::vector<std::string>{}),
                         .country = j.value("country", ""), .lang = j.value("lang", ""),
                         .tags = j.value("tags", std::vector<std::string>{}),
                         .feeds = j.value("feeds", std::vector<std::string>{})});
  }
  return out;
}

Result<bool> ClickHouseStore::HasArticle(const std::string& id) { return ids_.count(id) > 0; }

Result<std::optional<std::string>> ClickHouseStore::FindNearDuplicate(const std::string& fingerprint) {
  if (fingerprint.empty()) return std::optional<std::string>();
  std::optional<uint64_t> original = near_.Find(fingerprint);
  if (!original) return std::optional<std::string>();
  return std::optional<std::string>(near_ids_[*original]);
}

// As in the SQLite store, only originals are near-duplicate candidates: a copy links to the
// first publication.
void ClickHouseStore::AddOriginal(const std::string& id, std::string_view fingerprint) {
  if (fingerprint.empty()) return;
  near_.Add(near_ids_.size(), fingerprint);
  near_ids_.push_back(id);
}

Status ClickHouseStore::PutArticle(const Article& a, const std::vector<std::string>& tags, const PreparedArticle*) {
  uint64_t seq = next_seq_++;
  std::string day = DateOf(a.day);
  json paragraphs = json::array();
  for (const Paragraph& p : a.paragraphs) paragraphs.push_back({p.range.begin, p.range.end, p.blockquote ? 1 : 0});
  AddRow(batch_["articles"],
         {{"id", a.id}, {"seq", seq}, {"url", a.url}, {"title", a.title}, {"title_en", a.title_en},
          {"published", a.published}, {"day", day}, {"outlet", a.outlet}, {"country", a.country}, {"tags", tags},
          {"lang", a.lang}, {"script", a.script}, {"lang_confidence", a.lang_confidence}, {"author", a.author},
          {"text", a.text}, {"paragraphs", paragraphs.dump()}, {"extra", a.extra_json}, {"source", a.source},
          {"record", a.record}, {"format", a.format}, {"fingerprint", Hex(a.fingerprint)},
          {"duplicate_of", a.duplicate_of}, {"bytes", a.text.size()}, {"ingested", DateTimeNow()},
          {"archive", a.archive}, {"fetched_at", a.fetched_at},
          {"folded", text::FoldForMatch(a.title + "\n" + a.text)}});
  std::string& postings = batch_["postings"];
  for (const std::string& t : Terms(a.lang, {a.title, a.text})) {
    postings += t;
    postings += '\t';
    postings += a.id;
    postings += '\n';
  }
  for (const EntityMention& m : a.mentions) {
    AddRow(batch_["mentions"], {{"article", a.id}, {"day", day}, {"outlet", a.outlet}, {"entity", m.entity},
                                {"name", m.name}, {"type", m.type}, {"via", m.via}, {"start", m.range.begin},
                                {"end", m.range.end}, {"in_title", m.in_title ? 1 : 0}});
  }
  for (const QuoteRecord& q : a.quotes) {
    std::string_view words = q.content.Of(a.Field(q.in_title));
    std::string& quote_postings = batch_["quote_postings"];
    for (const std::string& t : Terms(a.lang, {words})) {
      quote_postings += fmt::format("{}\t{}\t{}\t{}\n", t, a.id, q.content.begin, q.in_title ? 1 : 0);
    }
    AddRow(batch_["quotes"],
           {{"article", a.id}, {"day", day}, {"outlet", a.outlet}, {"country", a.country}, {"lang", a.lang},
            {"start", q.content.begin}, {"end", q.content.end}, {"kind", q.kind}, {"text", std::string(words)},
            {"speaker", q.speaker}, {"speaker_entity", q.speaker_entity}, {"speaker_type", q.speaker_type},
            {"speaker_start", q.speaker_range.begin}, {"speaker_end", q.speaker_range.end}, {"cue", q.cue},
            {"confidence", q.confidence}, {"folded", text::FoldForMatch(words)}, {"in_title", q.in_title ? 1 : 0}});
    for (size_t rank = 0; rank < q.stance.size(); ++rank) {
      const StanceRecord& s = q.stance[rank];
      AddRow(batch_["stances"],
             {{"article", a.id}, {"day", day}, {"outlet", a.outlet}, {"country", a.country}, {"lang", a.lang},
              {"script", a.script}, {"tags", tags}, {"quote_start", q.content.begin}, {"kind", q.kind},
              {"speaker", q.speaker}, {"speaker_entity", q.speaker_entity}, {"target", s.target}, {"name", s.name},
              {"polarity", s.polarity},
              {"confidence", s.confidence}, {"evidence_start", s.evidence.begin}, {"evidence_end", s.evidence.end},
              {"rank", rank}, {"in_title", q.in_title ? 1 : 0}});
    }
  }
  ++batch_articles_;
  ids_.insert(a.id);
  if (a.duplicate_of.empty()) AddOriginal(a.id, a.fingerprint);
  return Status::Ok();
}

Result<int64_t> ClickHouseStore::BeginRun(const std::string& args) {
  run_args_ = args;
  run_started_ = DateTimeNow();
  return static_cast<int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch()).count());
}

Status ClickHouseStore::FinishRun(int64_t run, const RunCounts& c) {
  std::map<std::string, std::string> batch;
  AddRow(batch["ingest_log"], {{"run", run}, {"started", run_started_}, {"finished", DateTimeNow()}, {"args", run_args_},
                               {"seen", c.seen}, {"stored", c.stored}, {"duplicates", c.duplicates},
                               {"near_duplicates", c.near_duplicates}, {"quarantined", c.quarantined}});
  if (Send(batch).ok()) return Status::Ok();
  return Spool(batch, 0);
}

Status ClickHouseStore::Quarantine(const QuarantineEntry& e) {
  AddRow(batch_["quarantine"], {{"run", e.run}, {"source", e.source}, {"record", e.record}, {"offset", e.offset},
                                {"field", e.field}, {"code", e.code}, {"reason", e.reason}, {"raw", e.raw},
                                {"at", DateTimeNow()}});
  return Status::Ok();
}

}  // namespace parallax::store
