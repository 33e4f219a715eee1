#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/embedded.h"
#include "pipeline/ingest_job.h"
#include "query/quote_columns.h"
#include "query/reader.h"
#include "query/search.h"
#include "query/stance.h"
#include "report/brief.h"
#include "store/clickhouse_store.h"
#include "store/sqlite_store.h"
#include "text/fold.h"

namespace parallax::server {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

std::atomic<httplib::Server*> g_server{nullptr};

std::string Base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << 16;
    if (i + 1 < in.size()) n |= static_cast<uint32_t>(static_cast<unsigned char>(in[i + 1])) << 8;
    if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

// ---- errors ----

int HttpStatus(StatusCode c) {
  switch (c) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidInput: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

// JSON text of a response. Requests can carry bytes that are not UTF-8 (a path, a parameter
// echoed in a message); they become U+FFFD instead of an exception.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void SendError(httplib::Response& res, int status, std::string_view code, const std::string& message) {
  res.status = status;
  res.set_content(Dump(json{{"error", {{"code", code}, {"message", message}}}}), "application/json; charset=utf-8");
}

void SendStatus(httplib::Response& res, const Status& s) {
  // Machine-readable codes: "invalid input" -> "invalid_input".
  std::string code(StatusCodeName(s.code()));
  for (char& c : code) c = c == ' ' || c == '/' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  SendError(res, HttpStatus(s.code()), code, s.ToString());
}

// ---- per-thread read-only connections, each with a deadline ----

thread_local Clock::time_point t_deadline = Clock::time_point::max();

int Progress(void*) { return Clock::now() > t_deadline ? 1 : 0; }

class Connections {
 public:
  explicit Connections(const Options& o) : o_(o) {}
  // This thread's reader, on its own read-only connection to the workspace or the ClickHouse
  // store (neither is shared between threads).
  Result<query::Reader*> Get() {
    struct Conn {
      std::unique_ptr<store::SqliteStore> sqlite;
      std::unique_ptr<store::ClickHouseStore> clickhouse;
      std::unique_ptr<query::Reader> reader;
      const Connections* owner = nullptr;
    };
    thread_local Conn conn;
    if (!conn.reader || conn.owner != this) {
      conn = Conn();
      if (!o_.store.empty()) {
        PLX_ASSIGN_OR_RETURN(store::ClickHouseUrl url, store::ClickHouseUrl::Parse(o_.store));
        PLX_ASSIGN_OR_RETURN(conn.clickhouse, store::ClickHouseStore::Open(url, {.writer = false}));
        conn.reader = query::ClickHouseReader(*conn.clickhouse);
      } else {
        PLX_ASSIGN_OR_RETURN(conn.sqlite, store::SqliteStore::Open(o_.db, {.create = false, .read_only = true}));
        // Long queries stop at the request's deadline (checked every few thousand steps).
        sqlite3_progress_handler(conn.sqlite->db(), 10000, Progress, nullptr);
        conn.reader = query::SqliteReader(conn.sqlite->db());
      }
      conn.owner = this;
    }
    t_sqlite = conn.sqlite ? conn.sqlite->db() : nullptr;
    return conn.reader.get();
  }
  // This thread's SQLite handle after Get(); null on ClickHouse.
  sqlite3* sqlite() const { return t_sqlite; }

 private:
  static thread_local sqlite3* t_sqlite;
  const Options& o_;
};
thread_local sqlite3* Connections::t_sqlite = nullptr;

// At most `limit` requests run their queries at once; the rest wait their turn in arrival order.
// A worker thread holds each keep-alive connection, so under load there are far more threads than
// cores: left to the scheduler, 64 runnable queries share two cores in no order, a few starve for
// hundreds of milliseconds, and the clients' own threads get a sliver of the CPU. Queueing them
// first-come-first-served keeps the slowest request close to the typical one.
class Gate {
 public:
  explicit Gate(int limit) : free_(limit) {}
  void Enter() {
    std::unique_lock<std::mutex> lock(mu_);
    if (free_ > 0 && queue_.empty()) {
      --free_;
      return;
    }
    Waiter w;
    queue_.push_back(&w);
    w.cv.wait(lock, [&w] { return w.admitted; });
  }
  void Leave() {
    std::lock_guard<std::mutex> lock(mu_);
    if (queue_.empty()) {
      ++free_;
      return;
    }
    Waiter* next = queue_.front();  // the place passes straight to the longest waiter
    queue_.pop_front();
    next->admitted = true;
    next->cv.notify_one();
  }

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;
  };
  std::mutex mu_;
  int free_;
  std::deque<Waiter*> queue_;
};

class GateTurn {
 public:
  explicit GateTurn(Gate& g) : g_(g) { g_.Enter(); }
  ~GateTurn() { g_.Leave(); }
  GateTurn(const GateTurn&) = delete;
  GateTurn& operator=(const GateTurn&) = delete;

 private:
  Gate& g_;
};

// One read transaction per request: every query a response makes sees the same snapshot of the
// workspace, even while an ingest commits beside it (WAL mode).
// (ClickHouse has no read transactions: there, null and nothing to do.)
class ReadSnapshot {
 public:
  explicit ReadSnapshot(sqlite3* db) : db_(db) {
    if (db_ != nullptr) sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr);
  }
  ~ReadSnapshot() {
    if (db_ != nullptr && !sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sqlite3* db_;
};

// ---- request parameters ----

std::string Param(const httplib::Request& req, const char* name, const std::string& def = "") {
  return req.has_param(name) ? req.get_param_value(name) : def;
}

Result<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t def, int64_t lo, int64_t hi) {
  if (!req.has_param(name)) return def;
  const std::string v = req.get_param_value(name);
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < lo || n > hi) {
    return Status::InvalidInput(fmt::format("parameter {} must be a whole number from {} to {}", name, lo, hi));
  }
  return static_cast<int64_t>(n);
}

std::vector<std::string> Params(const httplib::Request& req, const char* name) {
  std::vector<std::string> out;
  for (size_t i = 0; i < req.get_param_value_count(name); ++i) out.push_back(req.get_param_value(name, i));
  return out;
}

json QuoteJson(const query::QuoteRow& q, const entities::Knowledge& k) {
  json stance = json::array();
  for (const query::StanceEntry& s : q.stance) {
    stance.push_back({{"target", s.target}, {"name", s.name}, {"polarity", s.polarity}, {"confidence", s.confidence},
                      {"evidence_start", s.evidence_start >= 0 ? json(s.evidence_start) : json()},
                      {"evidence_end", s.evidence_end >= 0 ? json(s.evidence_end) : json()}});
  }
  auto or_null = [](const std::string& s) { return s.empty() ? json() : json(s); };
  // Quotations have row ids on SQLite only: on ClickHouse, "id" is null (article + start name one).
  return {{"id", q.id != 0 ? json(q.id) : json()}, {"article", q.article}, {"date", q.day}, {"outlet", q.outlet}, {"lang", q.lang},
          {"title", q.title}, {"url", q.url}, {"text", q.text}, {"field", q.in_title ? "title" : "text"},
          {"start", q.start}, {"end", q.end}, {"kind", q.kind},
          {"speaker", or_null(q.speaker)}, {"speaker_entity", or_null(q.speaker_entity)},
          {"speaker_type", or_null(q.speaker_type)},
          {"role", or_null(q.speaker_entity.empty() ? "" : k.RolesOn(q.speaker_entity, q.day))},
          {"cue", or_null(q.cue)}, {"confidence", q.confidence}, {"stance", stance}};
}

// ---- the API ----

class Api {
 public:
  Api(const Options& o, entities::Knowledge k) : o_(o), k_(std::move(k)), conns_(o), gate_(o.queries > 0 ? o.queries : std::max(1u, std::thread::hardware_concurrency())) {}

  // Resolves names to entity ids: the packs, then the workspace.
  Result<std::string> Entity(query::Reader& r, const std::string& name, const char* what) {
    if (name.empty()) return std::string();
    if (const entities::Entity* e = k_.Lookup(name)) return e->id;
    PLX_ASSIGN_OR_RETURN(std::string id, r.StoredEntityId(name));
    if (!id.empty()) return id;
    if (name.find('/') != std::string::npos) return name;
    return Status::NotFound(fmt::format("no such {}: {}", what, name));
  }

  Result<query::Filters> Filters(query::Reader& r, const httplib::Request& req) {
    query::Filters f;
    f.from = Param(req, "from");
    f.to = Param(req, "to");
    f.outlets = Params(req, "outlet");
    f.country = Param(req, "country");
    f.lang = Param(req, "lang");
    f.tag = Param(req, "tag");
    std::string unique = Param(req, "unique");
    f.unique = unique == "1" || unique == "true";
    PLX_ASSIGN_OR_RETURN(f.entity, Entity(r, Param(req, "entity"), "entity"));
    return f;
  }

  Result<json> Search(query::Reader& r, const httplib::Request& req) {
    PLX_ASSIGN_OR_RETURN(query::Filters f, Filters(r, req));
    std::string q = Param(req, "q");
    PLX_ASSIGN_OR_RETURN(int64_t limit, IntParam(req, "limit", 20, 1, 200));
    PLX_ASSIGN_OR_RETURN(int64_t offset, IntParam(req, "offset", 0, 0, 1000000));
    // Matches are marked with U+0001 / U+0002; the page escapes the text and draws them.
    int64_t total = 0;
    PLX_ASSIGN_OR_RETURN(auto hits, r.Search(q, f, limit, offset, "\x01", "\x02", &total));
    json out = {{"total", total}, {"offset", offset}, {"limit", limit}};
    json list = json::array();
    for (const auto& h : hits) {
      list.push_back({{"id", h.id}, {"date", h.day}, {"outlet", h.outlet}, {"title", h.title}, {"title_en", h.title_en},
                      {"snippet", h.snippet}, {"lang", h.lang}, {"country", h.country}, {"url", h.url}});
    }
    out["hits"] = list;
    if (Param(req, "facets") == "1") {
      PLX_ASSIGN_OR_RETURN(auto facets, r.FacetCounts(q, f));
      json fj = json::object();
      for (const auto& [name, values] : facets) {
        json v = json::array();
        for (const auto& x : values) v.push_back({{"value", x.value}, {"count", x.count}});
        fj[name] = v;
      }
      out["facets"] = fj;
    }
    return out;
  }

  Result<json> Article(query::Reader& r, const std::string& id) {
    PLX_ASSIGN_OR_RETURN(std::optional<parallax::Article> a, r.GetArticle(id));
    if (!a.has_value()) return Status::NotFound("no such article: " + id);
    json j = {{"id", a->id}, {"url", a->url}, {"title", a->title}, {"title_en", a->title_en}, {"published", a->published},
              {"date", a->day}, {"outlet", a->outlet}, {"country", a->country}, {"lang", a->lang}, {"script", a->script},
              {"author", a->author}, {"text", a->text},
              {"duplicate_of", a->duplicate_of.empty() ? json() : json(a->duplicate_of)}};
    json paras = json::array();
    for (const Paragraph& p : a->paragraphs) paras.push_back({{"start", p.range.begin}, {"end", p.range.end}, {"blockquote", p.blockquote}});
    j["paragraphs"] = paras;
    PLX_ASSIGN_OR_RETURN(auto mentions, r.Mentions(id));
    json ms = json::array();
    for (const auto& m : mentions) {
      ms.push_back({{"entity", m.entity}, {"name", m.name}, {"type", m.type}, {"via", m.via},
                    {"field", m.in_title ? "title" : "text"}, {"start", m.start}, {"end", m.end}});
    }
    j["entities"] = ms;
    PLX_ASSIGN_OR_RETURN(auto quotes, r.Quotes({}, {.article = id}, 10000));
    json qs = json::array();
    for (const auto& q : quotes) qs.push_back(QuoteJson(q, k_));
    j["quotes"] = qs;
    return j;
  }

  Result<json> Quotes(query::Reader& r, const httplib::Request& req) {
    PLX_ASSIGN_OR_RETURN(query::Filters f, Filters(r, req));
    query::QuoteQuery q{.match = Param(req, "match"), .headlines = Param(req, "headlines") == "1"};
    PLX_ASSIGN_OR_RETURN(q.speaker_entity, Entity(r, Param(req, "speaker"), "speaker"));
    PLX_ASSIGN_OR_RETURN(q.target, Entity(r, Param(req, "target"), "target"));
    std::string stance = Param(req, "stance");
    if (!stance.empty()) {
      if (q.target.empty()) return Status::InvalidInput("stance needs a target");
      q.polarity = stance == "favourable" || stance == "1" ? 1 : stance == "critical" || stance == "-1" ? -1
                   : stance == "neutral" || stance == "0" ? 0 : 3;
      if (q.polarity == 3) return Status::InvalidInput("stance must be favourable, neutral or critical");
    }
    PLX_ASSIGN_OR_RETURN(int64_t limit, IntParam(req, "limit", 50, 1, 500));
    PLX_ASSIGN_OR_RETURN(int64_t offset, IntParam(req, "offset", 0, 0, 1000000));
    PLX_ASSIGN_OR_RETURN(auto rows, r.Quotes(f, q, limit, offset));
    json list = json::array();
    for (const auto& r : rows) list.push_back(QuoteJson(r, k_));
    return json{{"offset", offset}, {"limit", limit}, {"quotes", list}};
  }

  Result<json> Entities(query::Reader& r, const httplib::Request& req) {
    PLX_ASSIGN_OR_RETURN(query::Filters f, Filters(r, req));
    PLX_ASSIGN_OR_RETURN(int64_t limit, IntParam(req, "limit", 50, 1, 1000));
    std::string name = text::FoldForMatch(Param(req, "q"));
    PLX_ASSIGN_OR_RETURN(auto ents, r.TopEntities("", f, name.empty() ? limit : 5000));
    json list = json::array();
    for (const auto& e : ents) {
      if (!name.empty() && text::FoldForMatch(e.name).find(name) == std::string::npos) continue;
      if (static_cast<int64_t>(list.size()) >= limit) break;
      list.push_back({{"id", e.entity}, {"name", e.name}, {"type", e.type}, {"articles", e.articles}});
    }
    return json{{"entities", list}};
  }

  Result<json> EntityInfo(query::Reader& r, const std::string& name) {
    PLX_ASSIGN_OR_RETURN(std::string id, Entity(r, name, "entity"));
    PLX_ASSIGN_OR_RETURN(auto counts, r.CountEntity(id));
    json j = {{"id", id}, {"mentions", counts.mentions}, {"articles", counts.articles}};
    if (const entities::Entity* e = k_.Find(id)) {
      j["name"] = e->name;
      j["type"] = std::string(entities::TypeName(e->type));
      json aliases = json::object();
      for (const auto& a : e->aliases) aliases[a.lang].push_back(a.text);
      j["aliases"] = aliases;
      json roles = json::array();
      for (const auto& r : e->roles) roles.push_back({{"org", r.org}, {"title", r.title}, {"from", r.from}, {"to", r.to}});
      j["roles"] = roles;
    } else if (counts.articles == 0) {
      return Status::NotFound("no such entity: " + name);
    }
    auto facets = [](const std::vector<query::Facet>& v) {
      json out = json::array();
      for (const auto& x : v) out.push_back({{"value", x.value}, {"count", x.count}});
      return out;
    };
    j["by_outlet"] = facets(counts.by_outlet);
    j["by_month"] = facets(counts.by_month);
    return j;
  }

  Result<json> Timeline(query::Reader& r, const httplib::Request& req) {
    PLX_ASSIGN_OR_RETURN(query::Filters f, Filters(r, req));
    PLX_ASSIGN_OR_RETURN(auto rows, r.Timeline(Param(req, "q"), Param(req, "interval", "month"), Param(req, "by"), f));
    json list = json::array();
    for (const auto& r : rows) list.push_back({{"period", r.period}, {"group", r.group}, {"count", r.count}});
    return json{{"interval", Param(req, "interval", "month")}, {"by", Param(req, "by")}, {"rows", list}};
  }

  Result<json> Stance(query::Reader& r, const httplib::Request& req) {
    PLX_ASSIGN_OR_RETURN(query::Filters f, Filters(r, req));
    query::StanceQuery q{.by = Param(req, "by", "speaker"), .interval = Param(req, "interval")};
    PLX_ASSIGN_OR_RETURN(q.target, Entity(r, Param(req, "target"), "target"));
    PLX_ASSIGN_OR_RETURN(q.speaker, Entity(r, Param(req, "speaker"), "speaker"));
    PLX_ASSIGN_OR_RETURN(int64_t limit, IntParam(req, "limit", 100, 1, 5000));
    PLX_ASSIGN_OR_RETURN(auto cells, r.StanceTable(f, q));
    json list = json::array();
    for (const auto& c : cells) {
      if (static_cast<int64_t>(list.size()) >= limit) break;
      list.push_back({{"holder", c.holder}, {"holder_name", c.holder_name}, {"target", c.target}, {"target_name", c.target_name},
                      {"period", c.period}, {"favourable", c.favourable}, {"neutral", c.neutral}, {"critical", c.critical},
                      {"net", c.net}, {"strongest", !c.strongest.article.empty() ? QuoteJson(c.strongest, k_) : json()}});
    }
    return json{{"by", q.by}, {"cells", list}};
  }

  Result<json> Voices(query::Reader& r, const httplib::Request& req) {
    PLX_ASSIGN_OR_RETURN(query::Filters f, Filters(r, req));
    PLX_ASSIGN_OR_RETURN(std::string target, Entity(r, Param(req, "target"), "target"));
    PLX_ASSIGN_OR_RETURN(int64_t limit, IntParam(req, "limit", 10, 1, 200));
    PLX_ASSIGN_OR_RETURN(int64_t examples, IntParam(req, "examples", 3, 0, 20));
    PLX_ASSIGN_OR_RETURN(auto voices, r.Voices(Param(req, "q"), f, target, limit, static_cast<int>(examples)));
    json list = json::array();
    for (const auto& v : voices) {
      json stance = json::array();
      for (const auto& t : v.stance) {
        stance.push_back({{"target", t.target}, {"name", t.name}, {"favourable", t.favourable}, {"neutral", t.neutral},
                          {"critical", t.critical}});
      }
      json ex = json::array();
      for (const auto& q : v.examples) ex.push_back(QuoteJson(q, k_));
      list.push_back({{"entity", v.entity}, {"name", v.name}, {"type", v.type}, {"role", k_.RolesOn(v.entity, v.last_day)},
                      {"quotes", v.quotes}, {"first_day", v.first_day}, {"last_day", v.last_day}, {"outlets", v.outlets},
                      {"stance", stance}, {"examples", ex}});
    }
    return json{{"voices", list}};
  }

  Result<json> Network(query::Reader& r, const httplib::Request& req) {
    PLX_ASSIGN_OR_RETURN(query::Filters f, Filters(r, req));
    std::string kind = Param(req, "kind", "actor-target");
    PLX_ASSIGN_OR_RETURN(int64_t top, IntParam(req, "top", 30, 2, 500));
    std::vector<query::Edge> edges;
    if (kind == "actor-target") {
      PLX_ASSIGN_OR_RETURN(std::string target, Entity(r, Param(req, "target"), "target"));
      PLX_ASSIGN_OR_RETURN(edges, r.ActorTargetEdges(f, target));
    } else if (kind == "co-mention") {
      PLX_ASSIGN_OR_RETURN(edges, r.CoMentionEdges(f, top));
    } else {
      return Status::InvalidInput("kind must be actor-target or co-mention");
    }
    std::map<std::string, json> nodes;
    json es = json::array();
    for (const auto& e : edges) {
      nodes.emplace(e.source, json{{"id", e.source}, {"name", e.source_name}, {"type", e.source_type}});
      nodes.emplace(e.target, json{{"id", e.target}, {"name", e.target_name}, {"type", e.target_type}});
      es.push_back({{"source", e.source}, {"target", e.target}, {"weight", e.weight}, {"favourable", e.favourable},
                    {"neutral", e.neutral}, {"critical", e.critical}});
    }
    json ns = json::array();
    for (auto& [id, n] : nodes) ns.push_back(std::move(n));
    return json{{"kind", kind}, {"nodes", ns}, {"edges", es}};
  }

  Result<json> Stats(query::Reader& r) {
    PLX_ASSIGN_OR_RETURN(query::StoreStats st, r.Stats());
    return json{{"articles", st.articles}, {"unique_stories", st.unique_stories}, {"outlets", st.outlets},
                {"languages", st.languages}, {"entities", st.entities}, {"mentions", st.mentions}, {"quotes", st.quotes},
                {"stance", st.stance}, {"quarantined", st.quarantined}, {"first_day", st.first_day},
                {"last_day", st.last_day}, {"ingest_allowed", o_.allow_ingest}};
  }

  // The brief as HTML, Markdown (chart inline as a data URI) or PDF.
  void Report(query::Reader& r, const httplib::Request& req, httplib::Response& res) {
    auto filters = Filters(r, req);
    if (!filters.ok()) return SendStatus(res, filters.status());
    report::Options o{.query = Param(req, "q"), .filters = *filters, .title = Param(req, "title"), .by = Param(req, "by", "country")};
    // Only the two built-in policies: a request never names a file on the server.
    o.exonyms = Param(req, "exonyms");
    if (!o.exonyms.empty() && o.exonyms != "kosovo" && o.exonyms != "kosova") {
      return SendError(res, 400, "invalid_input", "exonyms must be kosovo or kosova");
    }
    for (const std::string& t : Params(req, "target")) {
      auto id = Entity(r, t, "target");
      if (!id.ok()) return SendStatus(res, id.status());
      o.targets.push_back(*id);
    }
    // Only the queries take a turn at the gate; rendering a PDF can take seconds of Chromium.
    auto brief = [&] {
      GateTurn turn(gate_);
      return report::Build(r, k_, o);
    }();
    if (!brief.ok()) return SendStatus(res, brief.status());
    std::string format = Param(req, "format", "html");
    std::string attachment = Param(req, "download") == "1" ? "attachment; " : "inline; ";
    if (format == "html") {
      // The brief carries its own inline CSS: this policy replaces the dashboard's.
      res.headers.erase("Content-Security-Policy");
      res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
      res.set_header("Content-Disposition", attachment + "filename=\"brief.html\"");
      res.set_content(report::RenderHtml(*brief), "text/html; charset=utf-8");
    } else if (format == "md") {
      std::string svg = report::CoverageSvg(*brief);
      std::string uri = "data:image/svg+xml;base64," + Base64(svg);
      res.set_header("Content-Disposition", attachment + "filename=\"brief.md\"");
      res.set_content(report::RenderMarkdown(*brief, uri), "text/markdown; charset=utf-8");
    } else if (format == "pdf") {
      std::error_code ec;
      std::string dir = std::filesystem::temp_directory_path(ec).string() + fmt::format("/parallax-brief-{}-{}", getpid(), ++pdf_runs_);
      std::filesystem::create_directories(dir, ec);
      std::ofstream(dir + "/brief.html") << report::RenderHtml(*brief);
      Status s = report::PrintPdf(dir + "/brief.html", dir + "/brief.pdf");
      std::string pdf;
      if (s.ok()) {
        std::ifstream in(dir + "/brief.pdf", std::ios::binary);
        pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      std::filesystem::remove_all(dir, ec);
      if (!s.ok()) return SendStatus(res, s);
      res.set_header("Content-Disposition", attachment + "filename=\"brief.pdf\"");
      res.set_content(pdf, "application/pdf");
    } else {
      SendError(res, 400, "invalid_input", "format must be html, md or pdf");
    }
  }

  void Ingest(const httplib::Request& req, httplib::Response& res) {
    std::string auth = req.get_header_value("Authorization");
    std::string expected = "Bearer " + o_.token;
    // Constant-time comparison: the token's length is the only thing a timing can tell.
    bool ok = auth.size() == expected.size();
    unsigned char diff = 0;
    for (size_t i = 0; ok && i < auth.size(); ++i) diff |= static_cast<unsigned char>(auth[i] ^ expected[i]);
    if (!ok || diff != 0) {
      res.set_header("WWW-Authenticate", "Bearer");
      return SendError(res, 401, "unauthorized", "POST /api/ingest needs 'Authorization: Bearer <token>'");
    }
    std::lock_guard<std::mutex> lock(write_mu_);
    std::error_code ec;
    std::string dir = std::filesystem::temp_directory_path(ec).string() + fmt::format("/parallax-ingest-{}", getpid());
    std::filesystem::create_directories(dir, ec);
    std::string path = dir + "/request.jsonl";
    std::ofstream(path, std::ios::binary) << req.body;
    auto store = store::SqliteStore::Open(o_.db, {.create = false});
    if (!store.ok()) return SendStatus(res, store.status());
    pipeline::IngestOptions io;
    io.paths = {path};
    io.jobs = 1;
    io.outlet = Param(req, "outlet");
    io.lang = Param(req, "lang");
    json rejected = json::array();
    io.on_reject = [&](const Status& s) { rejected.push_back(s.ToString()); };
    auto r = pipeline::RunIngest(**store, io);
    std::filesystem::remove_all(dir, ec);
    if (!r.ok()) return SendStatus(res, r.status());
    const store::RunCounts& c = r->counts;
    res.set_content(Dump(json{{"seen", c.seen}, {"stored", c.stored}, {"duplicates", c.duplicates},
                              {"quarantined", c.quarantined}, {"near_duplicates", c.near_duplicates},
                              {"rejected", rejected}}),
                    "application/json; charset=utf-8");
  }

  Connections& conns() { return conns_; }
  Gate& gate() { return gate_; }
  const Options& options() const { return o_; }

 private:
  const Options& o_;
  entities::Knowledge k_;
  Connections conns_;
  Gate gate_;
  std::mutex write_mu_;
  std::atomic<int> pdf_runs_{0};
};

// Static assets: only these names, from the binary.
const std::map<std::string, std::pair<std::string, std::string>>& Assets() {
  static const auto* assets = new std::map<std::string, std::pair<std::string, std::string>>{
      {"/", {"index.html", "text/html; charset=utf-8"}},
      {"/index.html", {"index.html", "text/html; charset=utf-8"}},
      {"/app.js", {"app.js", "text/javascript; charset=utf-8"}},
      {"/style.css", {"style.css", "text/css; charset=utf-8"}},
      {"/favicon.svg", {"favicon.svg", "image/svg+xml"}},
      {"/api/openapi.json", {"openapi.json", "application/json; charset=utf-8"}},
  };
  return *assets;
}

}  // namespace

Status Serve(const Options& o) {
  // Every SQLite allocation would otherwise take a global mutex to keep statistics we never read.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  // The store must open, and its packs load, before the socket is bound.
  entities::Knowledge k;
  if (!o.store.empty()) {
    if (o.allow_ingest) return Status::InvalidInput("--allow-ingest writes a workspace: not with --store (ingest to ClickHouse with `parallax ingest --store`)");
    PLX_ASSIGN_OR_RETURN(store::ClickHouseUrl url, store::ClickHouseUrl::Parse(o.store));
    PLX_ASSIGN_OR_RETURN(auto probe, store::ClickHouseStore::Open(url, {.writer = false}));
    PLX_ASSIGN_OR_RETURN(auto packs, probe->Packs());
    PLX_ASSIGN_OR_RETURN(k, pipeline::LoadKnowledge({}, packs));
  } else {
    PLX_ASSIGN_OR_RETURN(auto probe, store::SqliteStore::Open(o.db, {.create = false, .read_only = true}));
    PLX_ASSIGN_OR_RETURN(k, pipeline::LoadKnowledge({}, probe->db()));
  }
  if (o.allow_ingest && o.token.size() < 16) {
    return Status::InvalidInput("--allow-ingest needs a token of at least 16 characters (--token-file)");
  }
  Api api(o, std::move(k));
  httplib::Server srv;
  srv.new_task_queue = [n = o.threads] { return new httplib::ThreadPool(static_cast<size_t>(n)); };
  srv.set_payload_max_length(o.max_body_bytes);
  srv.set_read_timeout(o.timeout_seconds, 0);
  srv.set_write_timeout(o.timeout_seconds, 0);
  // An idle keep-alive connection holds a worker: it is closed after 5 s, or the request timeout
  // when that is shorter. A client that stalls mid-request is cut off after the read timeout.
  srv.set_keep_alive_timeout(std::min(o.timeout_seconds, 5));
  // A worker serves one connection until it closes, so a busy server wants a thread per
  // connection (--threads). Connections are not closed after a number of requests: a reconnect
  // costs a handshake and a worker's turn.
  srv.set_keep_alive_max_count(100000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle and delayed ACKs add 40 ms.
  srv.set_tcp_nodelay(true);

  srv.set_pre_routing_handler([&o](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
                   "frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'");
    if (!o.cors_origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", o.cors_origin);
      res.set_header("Vary", "Origin");
      if (req.method == "OPTIONS") {
        res.set_header("Access-Control-Allow-Methods", "GET, POST");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.status = 204;
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    t_deadline = Clock::now() + std::chrono::seconds(o.timeout_seconds);
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // JSON endpoints share the connection, the error mapping and the timeout message.
  auto get_json = [&](const char* pattern, std::function<Result<json>(query::Reader&, const httplib::Request&)> fn) {
    srv.Get(pattern, [&api, fn](const httplib::Request& req, httplib::Response& res) {
      GateTurn turn(api.gate());
      auto reader = api.conns().Get();
      if (!reader.ok()) return SendStatus(res, reader.status());
      ReadSnapshot snapshot(api.conns().sqlite());
      Result<json> j = fn(**reader, req);
      if (!j.ok()) {
        if (j.status().message().find("interrupted") != std::string::npos) {
          return SendError(res, 503, "timeout", "the request took longer than the server allows");
        }
        return SendStatus(res, j.status());
      }
      res.set_content(Dump(*j), "application/json; charset=utf-8");
    });
  };
  get_json("/healthz", [&](query::Reader& r, const httplib::Request&) -> Result<json> {
    PLX_ASSIGN_OR_RETURN(int64_t n, r.Count("", {}));
    return json{{"status", "ok"}, {"articles", n}};
  });
  get_json("/api/search", [&](query::Reader& db, const httplib::Request& r) { return api.Search(db, r); });
  get_json(R"(/api/articles/([0-9a-f]{16}))", [&](query::Reader& db, const httplib::Request& r) { return api.Article(db, r.matches[1]); });
  get_json("/api/quotes", [&](query::Reader& db, const httplib::Request& r) { return api.Quotes(db, r); });
  get_json("/api/entities", [&](query::Reader& db, const httplib::Request& r) { return api.Entities(db, r); });
  get_json(R"(/api/entities/(.+))", [&](query::Reader& db, const httplib::Request& r) { return api.EntityInfo(db, r.matches[1]); });
  get_json("/api/timeline", [&](query::Reader& db, const httplib::Request& r) { return api.Timeline(db, r); });
  get_json("/api/stance", [&](query::Reader& db, const httplib::Request& r) { return api.Stance(db, r); });
  get_json("/api/voices", [&](query::Reader& db, const httplib::Request& r) { return api.Voices(db, r); });
  get_json("/api/network", [&](query::Reader& db, const httplib::Request& r) { return api.Network(db, r); });
  get_json("/api/stats", [&](query::Reader& db, const httplib::Request&) { return api.Stats(db); });
  srv.Get("/api/report", [&](const httplib::Request& req, httplib::Response& res) {
    auto reader = api.conns().Get();
    if (!reader.ok()) return SendStatus(res, reader.status());
    ReadSnapshot snapshot(api.conns().sqlite());
    api.Report(**reader, req, res);
  });
  if (o.allow_ingest) {
    srv.Post("/api/ingest", [&](const httplib::Request& req, httplib::Response& res) { api.Ingest(req, res); });
  }
  for (const auto& [path, asset] : Assets()) {
    srv.Get(path, [asset = asset](const httplib::Request&, httplib::Response& res) {
      std::string_view body = EmbeddedData(asset.first);
      if (body.empty()) return SendError(res, 404, "not_found", "no such file");
      res.set_header("Cache-Control", "no-cache");
      res.set_content(std::string(body), asset.second);
    });
  }
  srv.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own error
    const char* code = res.status == 404 ? "not_found" : res.status == 413 ? "too_large" : res.status == 405 ? "method_not_allowed" : "error";
    std::string message = res.status == 404 ? "no such endpoint: " + req.path
                          : res.status == 413 ? "request body too large"
                                              : fmt::format("HTTP {}", res.status);
    SendError(res, res.status, code, message);
  });
  srv.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal", "internal error");
  });

  // cpp-httplib listens with a backlog of 5 (fixed in Debian's shared build). When more clients
  // connect at once the kernel drops the overflow: a client's request then waits for TCP to
  // retransmit it, 0.2 + 0.4 + 0.8 s and more. Linux lets a second listen() on the bound socket
  // raise the backlog, so the socket is noted when it is made (with httplib's own options).
  int listener = -1;
  srv.set_socket_options([&listener](socket_t sock) {
    httplib::default_socket_options(sock);
    listener = sock;
  });
  int port = o.port;
  if (port == 0) {
    port = srv.bind_to_any_port(o.host);
    if (port < 0) return Status::Unavailable(fmt::format("cannot bind {}", o.host));
  } else if (!srv.bind_to_port(o.host, port)) {
    return Status::Unavailable(fmt::format("cannot bind {}:{} (in use?)", o.host, port));
  }
  if (listener >= 0 && ::listen(listener, SOMAXCONN) != 0) {
    return Status::Unavailable(fmt::format("cannot listen on {}:{}", o.host, port));
  }
  // Voices read the workspace's quotations into memory once (query::QuoteColumns: seconds at a
  // million articles). Read them now, on a connection of their own, so that the first request
  // for voices neither waits for that nor runs past its deadline.
  std::mutex warming_mu;
  sqlite3* warming = nullptr;
  std::thread warm;
  if (o.store.empty()) {
    warm = std::thread([&] {
      auto s = store::SqliteStore::Open(o.db, {.create = false, .read_only = true});
      if (!s.ok()) return;
      {
        std::lock_guard<std::mutex> lock(warming_mu);
        warming = (*s)->db();
      }
      (void)query::QuoteColumns::Get((*s)->db());
      std::lock_guard<std::mutex> lock(warming_mu);
      warming = nullptr;
    });
  }
  g_server = &srv;
  if (o.on_listen) o.on_listen(port);
  bool ok = srv.listen_after_bind();
  g_server = nullptr;
  if (warm.joinable()) {
    {
      std::lock_guard<std::mutex> lock(warming_mu);
      if (warming != nullptr) sqlite3_interrupt(warming);  // stopped before the read finished
    }
    warm.join();
  }
  if (!ok) return Status::Unavailable("the server stopped with an error");
  return Status::Ok();
}

void Stop() {
  if (httplib::Server* s = g_server.load()) s->stop();
}

}  // namespace parallax::server
