#include "pipeline/ingest_job.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <thread>
#include <unordered_map>
#include <filesystem>
#include <fstream>
#include <limits>

#include <fmt/format.h>

#include "base/date.h"
#include "base/hash.h"
#include "base/range_index.h"
#include "base/strings.h"
#include "ingest/fingerprint.h"
#include "text/fold.h"
#include "text/langid.h"
#include "text/segment.h"

namespace parallax::pipeline {
namespace {

// URL canonical form for identity: lowercase scheme and host, no fragment, no trailing slash,
// no "www.", http and https alike.
std::string CanonicalUrl(std::string_view url) {
  std::string u(url);
  size_t hash = u.find('#');
  if (hash != std::string::npos) u.resize(hash);
  size_t scheme = u.find("://");
  std::string rest = scheme == std::string::npos ? u : u.substr(scheme + 3);
  size_t slash = rest.find('/');
  std::string host = rest.substr(0, slash);
  std::string path = slash == std::string::npos ? "" : rest.substr(slash);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path == "/") path.clear();
  return host + path;
}

std::string TruncateRaw(std::string_view raw, size_t max) {
  return std::string(raw.substr(0, std::min(raw.size(), max)));
}

}  // namespace

std::string ArticleId(const Article& a) {
  if (!a.url.empty()) return HexId(Hash64("url:" + CanonicalUrl(a.url)));
  std::string folded = text::FoldForMatch(a.text);
  std::string collapsed;
  collapsed.reserve(folded.size());
  for (char c : folded) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  return HexId(Hash64("text:" + collapsed));
}

Result<entities::Knowledge> LoadKnowledge(const std::vector<std::string>& extra, sqlite3* workspace) {
  std::vector<std::pair<std::string, std::string>> stored;
  if (workspace != nullptr) {
    PLX_ASSIGN_OR_RETURN(stored, store::StoredPacks(workspace));
  }
  return LoadKnowledge(extra, stored);
}

Result<entities::Knowledge> LoadKnowledge(const std::vector<std::string>& extra,
                                          const std::vector<std::pair<std::string, std::string>>& stored) {
  PLX_ASSIGN_OR_RETURN(entities::Knowledge k, entities::Knowledge::Default());
  std::vector<std::string> given;  // a pack given again is read from its file, not twice
  for (const std::string& p : extra) {
    std::error_code ec;
    given.push_back(std::filesystem::absolute(p, ec).lexically_normal().string());
  }
  for (const auto& [name, yaml] : stored) {
    if (std::find(given.begin(), given.end(), name) != given.end()) continue;
    PLX_RETURN_IF_ERROR(k.AddPack(yaml, name + " (kept in the store)"));
  }
  for (const std::string& p : extra) PLX_RETURN_IF_ERROR(k.AddPackFile(p));
  return k;
}

std::vector<EntityMention> FindMentions(const entities::Matcher& matcher, const Article& a, const std::string& exonyms) {
  std::vector<EntityMention> out;
  std::string day = a.day.empty() ? TodayIso() : a.day;
  for (entities::Mention& m : matcher.Find(a.text, {.day = day, .exonyms = exonyms})) {
    out.push_back({std::move(m.entity), std::move(m.name), std::string(entities::TypeName(m.type)), std::move(m.via), m.range});
  }
  return out;
}

std::vector<QuoteRecord> FindQuotes(const quotes::QuoteFinder& finder, const Article& a) {
  std::vector<QuoteRecord> out;
  for (const quotes::Quote& q : finder.Find(a.text, a.paragraphs, a.lang, a.mentions)) {
    out.push_back({q.content, std::string(quotes::KindName(q.kind)), q.speaker, q.speaker_entity, q.speaker_type, q.cue,
                   q.speaker_range, q.confidence});
  }
  return out;
}

void CompleteArticle(Article& a, const ingest::OutletRegistry& outlets, const std::string& default_outlet,
                     const std::string& default_lang, const entities::Matcher* matcher,
                     const quotes::QuoteFinder* quotes, const stance::Scorer* stance) {
  if (a.outlet.empty()) a.outlet = default_outlet;
  const Outlet* o = a.outlet.empty() ? nullptr : outlets.FindByName(a.outlet);
  if (o == nullptr && !a.url.empty()) o = outlets.FindByUrl(a.url);
  if (o != nullptr) {
    a.outlet = o->name;
    if (a.country.empty()) a.country = o->country;
  }
  // The first few kilobytes settle an article's language; reading all of a long article
  // costs time and changes no answer (CLD2 is reliable from a few hundred bytes).
  constexpr size_t kLangSample = 1024;
  std::string sample = a.title + "\n" + a.text.substr(0, kLangSample);
  while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80) sample.pop_back();
  if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0) sample.pop_back();
  text::LangResult lr = text::IdentifyLanguage(sample);
  std::string declared = a.lang.empty() ? default_lang : a.lang;
  // An outlet's language settles what text alone cannot: short Serbian, Croatian and Bosnian
  // texts are often indistinguishable, and the outlet says which standard it writes.
  auto south_slavic = [](std::string_view l) { return l == "sr" || l == "hr" || l == "bs"; };
  if (declared.empty() && o != nullptr && south_slavic(o->lang) && south_slavic(lr.best.lang)) {
    declared = o->lang;
  }
  a.script = lr.best.script;
  if (!declared.empty()) {
    size_t dash = declared.find('-');
    a.lang = declared.substr(0, dash);
    for (char& c : a.lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    a.lang_confidence = a.lang == lr.best.lang ? std::max(lr.best.confidence, 0.9) : 0.5;
  } else {
    a.lang = lr.best.lang;
    a.lang_confidence = lr.best.confidence;
  }
  a.id = ArticleId(a);
  a.fingerprint = ingest::Fingerprint(a.text);
  if (matcher != nullptr) AnalyseArticle(a, *matcher, quotes, stance);
}

namespace {

// Whether the body begins with the headline (some sources repeat it as the first paragraph),
// white space aside.
bool BodyRepeatsTitle(const Article& a) {
  std::string_view title = TrimAscii(a.title), body = a.text;
  size_t i = 0, j = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (j < body.size() && space(body[j])) ++j;
  while (i < title.size()) {
    if (j >= body.size()) return false;
    if (space(title[i])) {
      if (!space(body[j])) return false;
      while (i < title.size() && space(title[i])) ++i;
      while (j < body.size() && space(body[j])) ++j;
      continue;
    }
    if (title[i++] != body[j++]) return false;
  }
  // Not when the body's word goes on ("Vučić" over "Vučićeva izjava …").
  auto c = static_cast<unsigned char>(j < body.size() ? body[j] : ' ');
  return c < 0x80 && std::isalnum(c) == 0;
}

}  // namespace

void AnalyseArticle(Article& a, const entities::Matcher& matcher, const quotes::QuoteFinder* quotes,
                    const stance::Scorer* stance) {
  auto analyse = [&](Article& doc) {
    doc.mentions = FindMentions(matcher, doc);
    if (quotes != nullptr) doc.quotes = FindQuotes(*quotes, doc);
    if (stance != nullptr) AssignStance(*stance, doc, &matcher);
  };
  if (TrimAscii(a.title).empty() || BodyRepeatsTitle(a) ||
      a.title.size() + 2 + a.text.size() > std::numeric_limits<uint32_t>::max()) {
    analyse(a);
    return;
  }
  // The headline, on one line (the same bytes, so its offsets hold), then a blank line and the body.
  Article doc;
  doc.day = a.day;
  doc.lang = a.lang;
  doc.text.reserve(a.title.size() + 2 + a.text.size());
  for (char c : a.title) doc.text += c == '\n' || c == '\r' ? ' ' : c;
  doc.text += "\n\n";
  doc.text += a.text;
  const auto title_end = static_cast<uint32_t>(a.title.size());
  const auto shift = title_end + 2;
  // Without paragraphs the finders read lines, and the headline is one; with them, it is the first.
  if (!a.paragraphs.empty()) {
    doc.paragraphs.reserve(a.paragraphs.size() + 1);
    doc.paragraphs.push_back({{0, title_end}, false});
    for (Paragraph p : a.paragraphs) {
      p.range = {p.range.begin + shift, p.range.end + shift};
      doc.paragraphs.push_back(p);
    }
  }
  analyse(doc);

  // Back to each field's own offsets. Nothing crosses the blank line between them; a range in the
  // other field than its quotation's is dropped.
  auto in_title = [&](ByteRange r) { return r.end <= title_end; };
  auto in_body = [&](ByteRange r) { return r.begin >= shift; };
  auto to_field = [&](ByteRange r, bool title) -> ByteRange {
    if (r.empty()) return {};
    if (title) return in_title(r) ? r : ByteRange{};
    return in_body(r) ? ByteRange{r.begin - shift, r.end - shift} : ByteRange{};
  };
  a.mentions.clear();
  for (EntityMention& m : doc.mentions) {
    if (!in_title(m.range) && !in_body(m.range)) continue;
    m.in_title = in_title(m.range);
    m.range = to_field(m.range, m.in_title);
    a.mentions.push_back(std::move(m));
  }
  a.quotes.clear();
  for (QuoteRecord& q : doc.quotes) {
    if (!in_title(q.content) && !in_body(q.content)) continue;
    q.in_title = in_title(q.content);
    q.content = to_field(q.content, q.in_title);
    q.speaker_range = to_field(q.speaker_range, q.in_title);
    for (StanceRecord& s : q.stance) s.evidence = to_field(s.evidence, q.in_title);
    a.quotes.push_back(std::move(q));
  }
}

void AssignStance(const stance::Scorer& scorer, Article& a, const entities::Matcher* matcher) {
  if (a.quotes.empty()) return;
  // What a quotation may concern: the article's mentions, and the countries named by their
  // adjectives (Matcher::Demonyms) outside any name ("Srpska lista" is a party's name).
  // (Each question below asks about a stretch of the text, answered from the mentions in order
  // of where they begin: a long text has thousands, and quotations by the hundred.)
  std::vector<EntityMention> concerned = a.mentions;
  auto by_begin = [](const std::vector<EntityMention>& v) {
    return RangeIndex::Of(v.size(), [&](size_t k) { return v[k].range; });
  };
  if (matcher != nullptr) {
    const RangeIndex named = by_begin(a.mentions);
    for (const entities::Mention& m : matcher->Demonyms(a.text, {.day = a.day})) {
      if (!named.Overlaps(m.range)) concerned.push_back({m.entity, m.name, std::string(entities::TypeName(m.type)), m.via, m.range});
    }
  }
  const RangeIndex ordered = by_begin(concerned);
  std::unordered_map<std::string_view, const EntityMention*> first_named;  // by entity id
  for (const EntityMention& m : concerned) first_named.try_emplace(m.entity, &m);
  // Sentences of the article, in order.
  std::vector<ByteRange> sentences;
  auto add_sentences = [&](ByteRange p) {
    for (ByteRange s : text::SplitSentences(p.Of(a.text), a.lang)) sentences.push_back({s.begin + p.begin, s.end + p.begin});
  };
  if (a.paragraphs.empty()) add_sentences({0, static_cast<uint32_t>(a.text.size())});
  for (const Paragraph& p : a.paragraphs) add_sentences(p.range);
  for (QuoteRecord& q : a.quotes) {
    q.stance.clear();
    if (q.kind == "term") continue;
    // Read the quoted words and the sentence that reports them.
    // (Not a wire story's dateline: "PRISHTINË, 14 shtator – Kurti deklaroi …" is no stance on Pristina.)
    ByteRange region = q.content;
    auto s = std::upper_bound(sentences.begin(), sentences.end(), q.content.begin,
                              [](uint32_t pos, ByteRange r) { return pos < r.begin; });
    if (s != sentences.begin()) {
      --s;
      if (s->end > q.content.begin) {
        uint32_t begin = std::min(text::DatelineEnd(a.text, *s), q.content.begin);
        region = {std::min(region.begin, begin), std::max(region.end, s->end)};
      }
    }
    std::vector<std::string> ids;
    std::vector<stance::Target> targets;
    std::vector<ByteRange> exclude;
    if (!q.speaker_range.empty()) exclude.push_back(q.speaker_range);
    std::vector<uint32_t> inside;  // the mentions that begin in the region, in the order of `concerned`
    for (size_t k = ordered.BeginningBefore(region.begin); k < ordered.size() && ordered.range(k).begin <= region.end; ++k) {
      inside.push_back(ordered.id(k));
    }
    std::sort(inside.begin(), inside.end());
    for (uint32_t k : inside) {
      const EntityMention& m = concerned[k];
      if (m.range.end > region.end) continue;
      // Targets are what the packs know, and people the tagger found; unknown organisations
      // and places from the tagger are too often datelines and headers ("Oct 16", "BRUSSELS").
      if (m.type == "other" || m.type == "outlet" || m.type == "role") continue;
      if (m.entity.find("/~") != std::string::npos && m.type != "person") continue;
      bool speaker = (!q.speaker_entity.empty() && m.entity == q.speaker_entity) ||
                     (m.range.begin < q.speaker_range.end && q.speaker_range.begin < m.range.end);
      // Nor what qualifies the speaker's name right before it ("Serbia's Vucic says …").
      if (!q.speaker_range.empty() && m.range.end <= q.speaker_range.begin) {
        std::string_view gap = std::string_view(a.text).substr(m.range.end, q.speaker_range.begin - m.range.end);
        speaker = speaker || gap == "'s " || gap == "’s " || gap == " ";
      }
      if (speaker) {
        exclude.push_back(m.range);
        continue;
      }
      auto it = std::find(ids.begin(), ids.end(), m.entity);
      if (it == ids.end()) {
        ids.push_back(m.entity);
        targets.push_back({});
        it = ids.end() - 1;
      }
      targets[it - ids.begin()].mentions.push_back(m.range);
    }
    if (targets.empty()) continue;
    std::vector<stance::Verdict> verdicts = scorer.Score(a.text, a.lang, region, targets, exclude);
    for (size_t t = 0; t < targets.size(); ++t) {
      auto m = first_named.find(ids[t]);
      q.stance.push_back({ids[t], m != first_named.end() ? m->second->name : ids[t], verdicts[t].polarity, verdicts[t].confidence,
                          verdicts[t].evidence});
    }
  }
}

std::unique_ptr<quotes::QuoteFinder> MakeQuoteFinder(const entities::Knowledge& k) {
  std::unordered_map<std::string, char> genders;
  for (const entities::Entity& e : k.entities()) {
    if (e.gender == "m" || e.gender == "f") genders[e.id] = e.gender[0];
  }
  return quotes::QuoteFinder::Create(std::move(genders));
}

Result<Analysers> Analysers::Load(const std::vector<std::string>& packs, const std::string& stance_model,
                                  const std::vector<std::pair<std::string, std::string>>& stored) {
  Analysers a;
  PLX_ASSIGN_OR_RETURN(entities::Knowledge k, LoadKnowledge(packs, stored));
  a.knowledge = std::make_unique<entities::Knowledge>(std::move(k));
  PLX_ASSIGN_OR_RETURN(a.matcher, entities::Matcher::Create(*a.knowledge));
  a.quotes = MakeQuoteFinder(*a.knowledge);
  PLX_ASSIGN_OR_RETURN(a.stance_model, LoadStanceModel(stance_model));
  a.stance = std::make_unique<stance::Scorer>(a.stance_model.get());
  return a;
}

Result<std::shared_ptr<const stance::Model>> LoadStanceModel(const std::string& name) {
  if (name == "none") return std::shared_ptr<const stance::Model>();
  if (name.empty()) return std::shared_ptr<const stance::Model>(&stance::Model::Default(), [](const stance::Model*) {});
  PLX_ASSIGN_OR_RETURN(stance::Model m, stance::Model::Load(name));
  return std::shared_ptr<const stance::Model>(std::make_shared<stance::Model>(std::move(m)));
}

Result<std::unique_ptr<Ingester>> Ingester::Start(store::Store& store, const IngestOptions& options,
                                                  const std::string& args) {
  std::unique_ptr<Ingester> in(new Ingester(store, options));
  in->start_ = Clock::now();
  PLX_ASSIGN_OR_RETURN(std::vector<Outlet> known, store.Outlets());
  for (Outlet& o : known) in->outlets_.Add(std::move(o));

  // Outlet registries and packs: --outlets and --pack, and an outlets.yaml and a pack.yaml at
  // the top of each directory given (a corpus folder carries its own).
  std::vector<std::string> registries, packs = options.packs;
  if (!options.outlets_file.empty()) registries.push_back(options.outlets_file);
  for (const std::string& p : options.paths) {
    std::error_code ec;
    if (p == "-" || !std::filesystem::is_directory(p, ec)) continue;
    if (std::filesystem::exists(p + "/outlets.yaml", ec)) registries.push_back(p + "/outlets.yaml");
    if (std::filesystem::exists(p + "/pack.yaml", ec)) packs.push_back(p + "/pack.yaml");
  }
  for (const std::string& r : registries) {
    PLX_ASSIGN_OR_RETURN(std::vector<Outlet> list, ingest::LoadOutlets(r));
    for (Outlet& o : list) {
      PLX_RETURN_IF_ERROR(store.PutOutlet(o));
      in->outlets_.Add(std::move(o));
    }
  }

  PLX_ASSIGN_OR_RETURN(auto stored, store.Packs());
  PLX_ASSIGN_OR_RETURN(in->analysers_, Analysers::Load(packs, options.stance_model, stored));
  AddPackOutlets(*in->analysers_.knowledge, in->outlets_);
  // The store keeps the packs it was given, so later commands (and later ingests) use them.
  for (const std::string& p : packs) {
    std::ifstream f(p, std::ios::binary);
    std::string yaml((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::error_code ec;
    std::string name = std::filesystem::absolute(p, ec).lexically_normal().string();
    PLX_RETURN_IF_ERROR(store.PutPack(name, yaml));
  }
  PLX_ASSIGN_OR_RETURN(in->summary_.run, store.BeginRun(args));
  in->jobs_ = options.jobs > 0 ? options.jobs : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  in->last_progress_ = in->start_;
  return in;
}

Ingester::~Ingester() { JoinWorkers(); }

void Ingester::Add(ingest::Record& r) {
  if (!fatal_.ok()) return;
  pending_.push_back({std::move(r.article), r.where, std::string(), nullptr});
  if (!pending_.back().article.ok()) pending_.back().raw = TruncateRaw(r.raw, options_.max_quarantine_raw);
  if (jobs_ == 1) {
    Analyse();
  } else if (pending_.size() >= 64 * static_cast<size_t>(jobs_)) {
    Launch();
  }
}

// One thread: each record is analysed and stored as it comes.
void Ingester::Analyse() {
  for (Pending& p : pending_) {
    if (p.article.ok()) Complete(*p.article);
    Store(p);
  }
  pending_.clear();
}

void Ingester::Complete(Article& a) const {
  CompleteArticle(a, outlets_, options_.outlet, options_.lang, options_.find_entities ? analysers_.matcher.get() : nullptr,
                  options_.find_entities ? analysers_.quotes.get() : nullptr,
                  options_.find_entities && options_.find_stance ? analysers_.stance.get() : nullptr);
}

// Several threads: records are analysed in batches on `jobs` threads (analysis needs nothing
// but the article and the read-only packs) while this thread stores the batch before, then
// reads on; batches are stored whole and in input order, so the result does not depend on the
// number of threads.
void Ingester::Launch() {
  JoinWorkers();
  std::vector<Pending> ready = std::exchange(inflight_, std::move(pending_));
  pending_.clear();
  next_ = 0;
  for (int t = 0; t < jobs_ && static_cast<size_t>(t) < inflight_.size(); ++t) {
    workers_.emplace_back([this] { AnalyseInflight(); });
  }
  for (Pending& p : ready) Store(p);
}

void Ingester::AnalyseInflight() {
  for (size_t i; (i = next_.fetch_add(1)) < inflight_.size();) {
    Pending& p = inflight_[i];
    if (!p.article.ok()) continue;
    Complete(*p.article);
    p.prepared = store_.Prepare(*p.article);
  }
}

void Ingester::JoinWorkers() {
  // Done reading and storing, the main thread analyses too rather than wait idle.
  if (!workers_.empty()) AnalyseInflight();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
}

// Stores everything taken: the batch in flight, then the rest.
void Ingester::Drain() {
  Launch();
  Launch();
  JoinWorkers();
}

Status Ingester::EnsureTransaction() {
  if (in_txn_) return Status::Ok();
  PLX_RETURN_IF_ERROR(store_.Begin());
  in_txn_ = true;
  return Status::Ok();
}

Status Ingester::Commit() {
  if (!in_txn_) return Status::Ok();
  in_txn_ = false;
  in_batch_ = 0;
  return store_.Commit();
}

void Ingester::Store(Pending& p) {
  if (!fatal_.ok()) return;
  store::RunCounts& c = summary_.counts;
  ++c.seen;
  fatal_ = EnsureTransaction();
  if (!fatal_.ok()) return;
  RecordOutcome outcome{p.where.source, p.where.record, "", ""};
  if (!p.article.ok()) {
    const Status& s = p.article.status();
    store::QuarantineEntry e;
    e.run = summary_.run;
    e.source = s.where().source.empty() ? p.where.source : s.where().source;
    e.record = s.where().record >= 0 ? s.where().record : p.where.record;
    e.offset = s.where().offset >= 0 ? s.where().offset : p.where.offset;
    e.field = s.where().field;
    e.code = std::string(StatusCodeName(s.code()));
    e.reason = s.message();
    e.raw = std::move(p.raw);
    fatal_ = store_.Quarantine(e);
    ++c.quarantined;
    outcome.outcome = "quarantined";
    outcome.reason = s.message();
    if (options_.on_reject) options_.on_reject(s);
  } else {
    Article& a = *p.article;
    summary_.bytes += a.text.size();
    outcome.article = a.id;
    Result<bool> exists = store_.HasArticle(a.id);
    if (!exists.ok()) {
      fatal_ = exists.status();
      return;
    }
    if (*exists) {
      ++c.duplicates;
      outcome.outcome = "duplicate";
    } else {
      Result<std::optional<std::string>> near = store_.FindNearDuplicate(a.fingerprint);
      if (!near.ok()) {
        fatal_ = near.status();
        return;
      }
      if (near->has_value()) {
        a.duplicate_of = **near;
        ++c.near_duplicates;
      }
      std::vector<std::string> tags;
      if (const Outlet* o = outlets_.FindByName(a.outlet)) tags = o->tags;
      fatal_ = store_.PutArticle(a, tags, p.prepared.get());
      if (!fatal_.ok()) return;
      ++c.stored;
      outcome.outcome = "stored";
    }
  }
  outcomes_.push_back(std::move(outcome));
  if (++in_batch_ >= options_.batch_articles) fatal_ = Commit();
  Report(false);
}

void Ingester::Report(bool force) {
  if (!options_.on_progress) return;
  auto now = Clock::now();
  if (!force && now - last_progress_ < std::chrono::milliseconds(200)) return;
  last_progress_ = now;
  options_.on_progress({summary_.counts, summary_.bytes, std::chrono::duration<double>(now - start_).count(), source_});
}

Status Ingester::Flush() {
  if (jobs_ == 1) {
    Analyse();
  } else {
    Drain();
  }
  if (!fatal_.ok()) {
    if (in_txn_) (void)store_.Rollback();
    in_txn_ = false;
    return fatal_;
  }
  fatal_ = Commit();
  return fatal_;
}

std::vector<RecordOutcome> Ingester::TakeOutcomes() { return std::exchange(outcomes_, {}); }

Result<IngestSummary> Ingester::Finish() {
  PLX_RETURN_IF_ERROR(Flush());
  summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  PLX_RETURN_IF_ERROR(store_.FinishRun(summary_.run, summary_.counts));
  Report(true);
  return summary_;
}

void Ingester::ReadPath(const std::string& path) {
  ingest::RecordFn add = [this](ingest::Record& r) { Add(r); };
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    Result<std::vector<std::string>> files = ingest::ListDirectory(path);
    if (!files.ok()) {
      ingest::Record r{files.status(), Where{.source = path}, {}};
      Add(r);
      return;
    }
    for (const std::string& f : *files) {
      if (!fatal_.ok()) return;
      source_ = f;
      ingest::ReadSource(f, options_.read, add);
    }
  } else {
    source_ = path;
    ingest::ReadSource(path, options_.read, add);
  }
}

void AddPackOutlets(const entities::Knowledge& knowledge, ingest::OutletRegistry& outlets) {
  for (const entities::Entity& e : knowledge.entities()) {
    if (e.type != entities::EntityType::kOutlet || outlets.FindByName(e.name) != nullptr) continue;
    outlets.Add(Outlet{.name = e.name, .domains = e.domains, .country = e.country, .lang = e.lang, .tags = e.tags, .feeds = e.feeds});
  }
}

Result<IngestSummary> RunIngest(store::Store& store, const IngestOptions& options) {
  std::string args;
  for (const std::string& p : options.paths) args += (args.empty() ? "" : " ") + p;
  PLX_ASSIGN_OR_RETURN(std::unique_ptr<Ingester> in, Ingester::Start(store, options, args));
  for (const std::string& path : options.paths) {
    if (!in->status().ok()) break;
    in->ReadPath(path);
  }
  return in->Finish();
}

}  // namespace parallax::pipeline
