#include "cli/stance_commands.h"

#include <cmath>
#include <cstdio>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "pipeline/ingest_job.h"
#include "query/clickhouse.h"
#include "query/stance.h"
#include "stance/stance.h"

namespace parallax::cli {
namespace {

double Round2(double v) { return std::round(v * 100) / 100; }


// ---- stance train ----
struct TrainArgs {
  std::string gold, out, provenance;
  int epochs = 15, min_count = 2;
};

int CmdStanceTrain(const TrainArgs& a) {
  auto text = ReadInput(a.gold);
  if (!text.ok()) return Fail(text.status());
  auto examples = stance::ReadGold(*text, a.gold);
  if (!examples.ok()) return Fail(examples.status());
  if (examples->empty()) return Fail(Status::InvalidInput("no gold targets", Where{.source = a.gold}));
  int counts[3] = {0, 0, 0};
  for (const auto& e : *examples) ++counts[e.polarity + 1];
  stance::Model model = stance::Model::Train(*examples, a.epochs, a.min_count);
  std::string provenance = fmt::format(
      "Trained by `parallax stance train` on {} ({} targets: {} critical, {} neutral, {} favourable), {} epochs, "
      "features seen at least {} times.",
      a.gold, examples->size(), counts[0], counts[1], counts[2], a.epochs, a.min_count);
  if (!a.provenance.empty()) provenance += "\n" + a.provenance;
  std::ofstream out(a.out, std::ios::binary | std::ios::trunc);
  if (!out) return Fail(Status::IoError("cannot write the model", Where{.source = a.out}));
  out << model.Save(provenance);
  out.close();
  if (!out) return Fail(Status::IoError("cannot write the model", Where{.source = a.out}));
  fmt::print(stderr, "trained on {} targets; {} features written to {}\n", examples->size(), model.size(), a.out);
  return 0;
}

// ---- stance (aggregates) ----
struct StanceArgs {
  std::string target, speaker, by = "speaker", interval;
  FilterArgs filters;
  int64_t limit = 50;
};

// Names given on the command line become entity ids (packs first, then the workspace).
Result<std::string> Resolve(const entities::Knowledge& k, const QueryStore& store, const std::string& name, const char* what) {
  if (name.empty()) return std::string();
  std::string id = store.ResolveEntity(k, name);
  if (id.empty()) return Status::NotFound(fmt::format("no such {}", what), Where{.source = name});
  return id;
}

int CmdStance(const Common& c, const StanceArgs& a) {
  auto store = OpenQueryStore(c);
  if (!store.ok()) return Fail(store.status());
  auto fmt_ = ParseFormat(c.format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  auto k = store->Knowledge();
  if (!k.ok()) return Fail(k.status());
  query::StanceQuery q{.by = a.by, .interval = a.interval};
  auto target = Resolve(*k, *store, a.target, "target");
  if (!target.ok()) return Fail(target.status());
  q.target = *target;
  auto speaker = Resolve(*k, *store, a.speaker, "speaker");
  if (!speaker.ok()) return Fail(speaker.status());
  q.speaker = *speaker;
  auto cells = store->reader->StanceTable(a.filters.f, q);
  if (!cells.ok()) return Fail(cells.status());
  Rows rows;
  rows.columns = {a.by, "target"};
  if (!a.interval.empty()) rows.columns.push_back("period");
  for (const char* col : {"favourable", "neutral", "critical", "net", "evidence", "evidence_outlet", "evidence_date", "evidence_doc"}) {
    rows.columns.push_back(col);
  }
  int64_t n = 0;
  for (const query::StanceCell& cell : *cells) {
    if (a.limit >= 0 && n++ >= a.limit) break;
    std::vector<nlohmann::json> row = {cell.holder_name.empty() ? cell.holder : cell.holder_name, cell.target_name};
    if (!a.interval.empty()) row.push_back(cell.period);
    row.insert(row.end(), {cell.favourable, cell.neutral, cell.critical, Round2(cell.net), cell.strongest.text,
                           cell.strongest.outlet, cell.strongest.day, cell.strongest.article});
    rows.rows.push_back(std::move(row));
  }
  Print(rows, *fmt_);
  return 0;
}

// ---- voices ----
struct VoicesArgs {
  std::string query, target;
  FilterArgs filters;
  int64_t limit = 10;
  int examples = 3;
};

int CmdVoices(const Common& c, const VoicesArgs& a) {
  auto store = OpenQueryStore(c);
  if (!store.ok()) return Fail(store.status());
  auto fmt_ = ParseFormat(c.format);
  if (!fmt_.ok()) return Fail(fmt_.status());
  auto k = store->Knowledge();
  if (!k.ok()) return Fail(k.status());
  auto target = Resolve(*k, *store, a.target, "target");
  if (!target.ok()) return Fail(target.status());
  auto voices = store->reader->Voices(a.query, a.filters.f, *target, a.limit, a.examples);
  if (!voices.ok()) return Fail(voices.status());
  if (*fmt_ == Format::kJson || *fmt_ == Format::kJsonl) {
    nlohmann::json all = nlohmann::json::array();
    for (const query::Voice& v : *voices) {
      nlohmann::json j = {{"speaker", v.name}, {"entity", v.entity}, {"type", v.type}, {"role", k->RolesOn(v.entity, v.last_day)},
                          {"quotes", v.quotes}, {"first_day", v.first_day}, {"last_day", v.last_day}, {"outlets", v.outlets}};
      nlohmann::json stance = nlohmann::json::array();
      for (const query::TargetCounts& t : v.stance) {
        stance.push_back({{"target", t.target}, {"name", t.name}, {"favourable", t.favourable}, {"neutral", t.neutral},
                          {"critical", t.critical}});
      }
      j["stance"] = stance;
      nlohmann::json ex = nlohmann::json::array();
      for (const query::QuoteRow& q : v.examples) {
        ex.push_back({{"text", q.text}, {"kind", q.kind}, {"outlet", q.outlet}, {"date", q.day}, {"title", q.title},
                      {"url", q.url}, {"doc", q.article}, {"start", q.start}, {"end", q.end}});
      }
      j["examples"] = ex;
      if (*fmt_ == Format::kJsonl) fmt::print("{}\n", j.dump());
      all.push_back(std::move(j));
    }
    if (*fmt_ == Format::kJson) fmt::print("{}\n", all.dump(2));
    return 0;
  }
  Rows rows{{"speaker", "role", "quotes", "outlets", "stance", "for example", "cited"}, {}};
  for (const query::Voice& v : *voices) {
    std::string outlets, stance;
    for (size_t i = 0; i < v.outlets.size(); ++i) outlets += (i ? ", " : "") + v.outlets[i];
    for (size_t i = 0; i < v.stance.size() && i < 3; ++i) {
      const query::TargetCounts& t = v.stance[i];
      stance += fmt::format("{}{} +{}/{}/-{}", i ? "; " : "", t.name, t.favourable, t.neutral, t.critical);
    }
    const query::QuoteRow* q = v.examples.empty() ? nullptr : &v.examples[0];
    rows.rows.push_back({v.name, k->RolesOn(v.entity, v.last_day), v.quotes, outlets, stance, q ? q->text : "",
                         q ? fmt::format("{}, {}", q->outlet, q->day) : ""});
  }
  Print(rows, *fmt_);
  return 0;
}

// ---- network ----
struct NetworkArgs {
  std::string kind = "actor-target", format = "graphml", target, out;
  FilterArgs filters;
  int64_t top = 50;
};

std::string Xml(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 forbids most control characters.
        if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\n' || ch == '\t') out += ch;
    }
  }
  return out;
}

// GraphML (graphml.graphdrawing.org): nodes with name and type, edges with weight and, for
// actor-target networks, the counts of each stance and the net score.
std::string GraphMl(const std::vector<query::Edge>& edges, bool stance) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n";
  if (stance) {
    out += "  <key id=\"favourable\" for=\"edge\" attr.name=\"favourable\" attr.type=\"int\"/>\n"
           "  <key id=\"neutral\" for=\"edge\" attr.name=\"neutral\" attr.type=\"int\"/>\n"
           "  <key id=\"critical\" for=\"edge\" attr.name=\"critical\" attr.type=\"int\"/>\n"
           "  <key id=\"net\" for=\"edge\" attr.name=\"net\" attr.type=\"double\"/>\n";
  }
  out += fmt::format("  <graph id=\"parallax\" edgedefault=\"{}\">\n", stance ? "directed" : "undirected");
  std::map<std::string, std::pair<std::string, std::string>> nodes;
  for (const query::Edge& e : edges) {
    nodes.emplace(e.source, std::pair{e.source_name, e.source_type});
    nodes.emplace(e.target, std::pair{e.target_name, e.target_type});
  }
  for (const auto& [id, nt] : nodes) {
    out += fmt::format("    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"type\">{}</data></node>\n", Xml(id),
                       Xml(nt.first), Xml(nt.second));
  }
  int n = 0;
  for (const query::Edge& e : edges) {
    out += fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data>", n++, Xml(e.source),
                       Xml(e.target), e.weight);
    if (stance) {
      double net = e.weight ? static_cast<double>(e.favourable - e.critical) / static_cast<double>(e.weight) : 0;
      out += fmt::format("<data key=\"favourable\">{}</data><data key=\"neutral\">{}</data><data key=\"critical\">{}</data>"
                         "<data key=\"net\">{:.3f}</data>",
                         e.favourable, e.neutral, e.critical, net);
    }
    out += "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

int CmdNetwork(const Common& c, const NetworkArgs& a) {
  auto store = OpenQueryStore(c);
  if (!store.ok()) return Fail(store.status());
  auto k = store->Knowledge();
  if (!k.ok()) return Fail(k.status());
  auto target = Resolve(*k, *store, a.target, "target");
  if (!target.ok()) return Fail(target.status());
  std::string doc;
  if (a.format == "dna") {
    if (a.kind != "actor-target") return Fail(Status::InvalidInput("--format dna writes statements: use --kind actor-target"));
    auto st = store->reader->Statements(a.filters.f, *target);
    if (!st.ok()) return Fail(st.status());
    // Discourse Network Analyzer's statement table: one statement per actor, concept and
    // document, with the agreement qualifier (yes/no). Neutral statements have no agreement
    // and are left out, as DNA's binary qualifier cannot hold them.
    Rows rows{{"actor", "concept", "agreement", "date", "source", "text", "title", "url", "actor_id", "concept_id"}, {}};
    for (const query::Statement& s : *st) {
      if (s.polarity == 0) continue;
      rows.rows.push_back({s.actor, s.concept_name, s.polarity > 0 ? "yes" : "no", s.date, s.source, s.text, s.title, s.url,
                           s.actor_id, s.concept_id});
    }
    std::FILE* f = a.out.empty() || a.out == "-" ? stdout : std::fopen(a.out.c_str(), "wb");
    if (f == nullptr) return Fail(Status::IoError("cannot write", Where{.source = a.out}));
    Print(rows, Format::kCsv, f);
    if (f != stdout && std::fclose(f) != 0) return Fail(Status::IoError("cannot write", Where{.source = a.out}));
    return 0;
  }
  auto edges = a.kind == "actor-target" ? store->reader->ActorTargetEdges(a.filters.f, *target)
                                        : store->reader->CoMentionEdges(a.filters.f, a.top);
  if (!edges.ok()) return Fail(edges.status());
  if (a.format == "graphml") {
    doc = GraphMl(*edges, a.kind == "actor-target");
  } else {
    Rows rows{{"source", "source_name", "target", "target_name", "weight", "favourable", "neutral", "critical"}, {}};
    for (const query::Edge& e : *edges) {
      rows.rows.push_back({e.source, e.source_name, e.target, e.target_name, e.weight, e.favourable, e.neutral, e.critical});
    }
    std::FILE* f = a.out.empty() || a.out == "-" ? stdout : std::fopen(a.out.c_str(), "wb");
    if (f == nullptr) return Fail(Status::IoError("cannot write", Where{.source = a.out}));
    Print(rows, Format::kCsv, f);
    if (f != stdout && std::fclose(f) != 0) return Fail(Status::IoError("cannot write", Where{.source = a.out}));
    return 0;
  }
  if (a.out.empty() || a.out == "-") {
    fmt::print("{}", doc);
    return 0;
  }
  std::ofstream out(a.out, std::ios::binary | std::ios::trunc);
  out << doc;
  out.close();
  if (!out) return Fail(Status::IoError("cannot write", Where{.source = a.out}));
  fmt::print(stderr, "{} edges written to {}\n", edges->size(), a.out);
  return 0;
}

}  // namespace

std::function<int()> AddStanceCommands(CLI::App& app, Common& common) {
  auto train_args = std::make_shared<TrainArgs>();
  auto stance_args = std::make_shared<StanceArgs>();
  auto voices_args = std::make_shared<VoicesArgs>();
  auto network_args = std::make_shared<NetworkArgs>();

  CLI::App* stance_cmd = app.add_subcommand(
      "stance", "Who stands where on what: holder x target counts of favourable, neutral and critical quotations");
  stance_cmd->add_option("--target", stance_args->target, "Only this target (name, alias or id)");
  stance_cmd->add_option("--speaker", stance_args->speaker, "Only this speaker (name, alias or id)");
  stance_cmd->add_option("--by", stance_args->by, "Holder: speaker, outlet, country, tag or lang")
      ->check(CLI::IsMember({"speaker", "outlet", "country", "tag", "lang"}));
  stance_cmd->add_option("--interval", stance_args->interval, "Split by week or month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  stance_cmd->add_option("--limit", stance_args->limit, "At most this many rows");
  stance_args->filters.Add(stance_cmd);
  AddDb(stance_cmd, common);
  AddStore(stance_cmd, common);
  AddFormat(stance_cmd, common);

  CLI::App* train = stance_cmd->add_subcommand("train", "Train a stance model from gold JSONL");
  train->add_option("--gold", train_args->gold, "Gold JSONL: {text, lang, targets:[{start,end,polarity}]}")->required();
  train->add_option("--out", train_args->out, "Where to write the model (plain text)")->required();
  train->add_option("--epochs", train_args->epochs, "Passes over the data")->check(CLI::Range(1, 100));
  train->add_option("--min-count", train_args->min_count, "Drop features seen fewer times")->check(CLI::Range(1, 1000));
  train->add_option("--provenance", train_args->provenance, "A line on where the gold came from, kept in the model's header");

  CLI::App* voices = app.add_subcommand("voices", "The most quoted speakers on a topic, their stance and quotations");
  voices->add_option("query", voices_args->query, "Articles matching this search (default: all)");
  voices->add_option("--target", voices_args->target, "Only quotations concerning this target");
  voices->add_option("--limit", voices_args->limit, "At most this many speakers");
  voices->add_option("--examples", voices_args->examples, "Quotations per speaker")->check(CLI::Range(0, 20));
  voices_args->filters.Add(voices);
  AddDb(voices, common);
  AddStore(voices, common);
  AddFormat(voices, common);

  CLI::App* network = app.add_subcommand("network", "Export actor-target or co-mention networks (GraphML, CSV, DNA)");
  network->add_option("--kind", network_args->kind, "actor-target (speaker -> target, by stance) or co-mention")
      ->check(CLI::IsMember({"actor-target", "co-mention"}));
  network->add_option("--format", network_args->format,
                      "graphml, csv (edge list) or dna (Discourse Network Analyzer statements, actor-target only)")
      ->check(CLI::IsMember({"graphml", "csv", "dna"}));
  network->add_option("--target", network_args->target, "Actor-target: only this target");
  network->add_option("--top", network_args->top, "Co-mention: the most mentioned entities to connect");
  network->add_option("--out", network_args->out, "Output file (default: standard output)");
  network_args->filters.Add(network);
  AddDb(network, common);
  AddStore(network, common);

  return [=, &common]() -> int {
    if (*train) return CmdStanceTrain(*train_args);
    if (*stance_cmd) return CmdStance(common, *stance_args);
    if (*voices) return CmdVoices(common, *voices_args);
    if (*network) return CmdNetwork(common, *network_args);
    return -1;
  };
}

}  // namespace parallax::cli
