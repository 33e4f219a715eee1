#include "report/brief.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "base/date.h"
#include "base/embedded.h"
#include "base/yaml.h"

namespace parallax::report {
namespace {

// ---- dates ----

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp + (mp < 10 ? 3 : -9);
  return fmt::format("{:04}-{:02}-{:02}", yoe + era * 400 + (m <= 2), m, d);
}

int64_t DayNumber(const std::string& day) {
  if (day.size() < 10) return 0;
  return DaysFromCivil(std::stoi(day.substr(0, 4)), std::stoi(day.substr(5, 2)), std::stoi(day.substr(8, 2)));
}

// Every period of `interval` from the one holding `from` to the one holding `to`, as the
// timeline names them (day, the Monday of the week, YYYY-MM).
std::vector<std::string> PeriodsBetween(const std::string& from, const std::string& to, const std::string& interval) {
  std::vector<std::string> out;
  if (from.size() < 10 || to.size() < 10) return out;
  if (interval == "month") {
    int y = std::stoi(from.substr(0, 4)), m = std::stoi(from.substr(5, 2));
    const std::string last = to.substr(0, 7);
    for (int guard = 0; guard < 1200; ++guard) {
      std::string p = fmt::format("{:04}-{:02}", y, m);
      out.push_back(p);
      if (p >= last) break;
      if (++m > 12) m = 1, ++y;
    }
    return out;
  }
  int64_t a = DayNumber(from), b = DayNumber(to);
  int step = 1;
  if (interval == "week") {
    a -= (a + 3) % 7;  // 1970-01-01 was a Thursday: (n + 3) % 7 is days since Monday
    step = 7;
  }
  for (int64_t d = a; d <= b && out.size() < 5000; d += step) out.push_back(CivilFromDays(d));
  return out;
}

// The last day of a period.
std::string PeriodEnd(const std::string& period, const std::string& interval) {
  if (interval == "month") return period + "-31";  // compared as text, so short months work
  if (interval == "week") return CivilFromDays(DayNumber(period) + 6);
  return period;
}

// "Serbian" for "sr" (ICU's English display names).
std::string LanguageName(const std::string& code) {
  if (code.empty()) return "unknown";
  icu::UnicodeString name;
  icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? code : out;
}

constexpr const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};

// ---- the pieces every section uses ----

class Builder {
 public:
  Builder(query::Reader& r, const entities::Knowledge& k, const Options& o, Brief& b) : r_(r), k_(k), o_(o), b_(b) {}

  Status Run();

 private:
  // Display names under the exonym policy.
  std::string Name(const std::string& id, const std::string& stored) const {
    if (auto it = custom_.find(id); it != custom_.end()) return it->second;
    if (const entities::Entity* e = k_.Find(id)) return k_.DisplayName(*e, policy_);
    return stored.empty() ? id : stored;
  }
  std::string Country(const std::string& code) const {
    if (code.empty()) return "unknown";
    std::string id = "place/";
    for (char c : code) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return k_.Find(id) ? Name(id, code) : code;
  }
  std::string Group(const std::string& g) const { return o_.by == "country" ? Country(g) : g; }
  std::string Role(const std::string& id, const std::string& day) const {
    if (id.rfind("role/", 0) == 0) return "";
    return k_.RolesOn(id, day, policy_);
  }

  // A footnote for a stored article: the full note the first time, then "Ibid." or "See note N.".
  int Cite(const std::string& article, const std::string& outlet, const std::string& title, const std::string& title_en,
           const std::string& day, const std::string& url) {
    int number = static_cast<int>(b_.notes.size()) + 1;
    std::string text;
    if (!b_.notes.empty() && b_.notes.back().article == article) {
      text = "Ibid.";
    } else if (auto it = first_note_.find(article); it != first_note_.end()) {
      text = fmt::format("See note {}.", it->second);
    } else {
      first_note_[article] = number;
      text = outlet.empty() ? "Unknown outlet" : outlet;
      if (!title.empty()) text += fmt::format(", “{}”", title);
      if (!title_en.empty() && title_en != title) text += fmt::format(" [{}]", title_en);
      if (!day.empty()) text += ", " + LongDate(day);
      text += url.empty() ? fmt::format(", Parallax article {}.", article) : ", " + url + ".";
      // A fetched page cites its archived copy too: the footnote resolves after the page changes.
      Result<std::optional<std::pair<std::string, std::string>>> archive = r_.Archive(article);
      if (archive.ok() && archive->has_value()) {
        text += fmt::format(" Archived copy {}, fetched {} (parallax show {} --archived).", (*archive)->first,
                            (*archive)->second, article);
      }
    }
    b_.notes.push_back({number, article, text});
    return number;
  }
  int Cite(const query::QuoteRow& q) { return Cite(q.article, q.outlet, q.title, q.title_en, q.day, q.url); }
  Quoted Quote(const query::QuoteRow& q) { return {q.text, q.lang, q.outlet, q.day, q.kind, Cite(q)}; }

  Status LoadExonyms();
  Status Numbers();
  Status Coverage();
  Status Outlets();
  Status Voices();
  Status Sides();
  void Methods();

  query::Reader& r_;
  const entities::Knowledge& k_;
  const Options& o_;
  Brief& b_;
  std::string policy_;
  std::map<std::string, std::string> custom_;
  std::map<std::string, int> first_note_;
  std::vector<std::string> targets_;                 // ids
  std::vector<query::Voice> all_voices_;             // every speaker of the matching articles
  std::vector<std::string> languages_;               // codes of the brief's languages
};

Status Builder::LoadExonyms() {
  const std::string& e = o_.exonyms;
  if (e.empty() || e == "kosovo") {
    b_.exonym_note = "Place names follow the Kosovo/Pristina convention of the English-language press.";
    return Status::Ok();
  }
  if (e == "kosova") {
    policy_ = "kosova";
    b_.exonym_note = "Place names follow the Albanian-language convention (Kosova, Prishtina).";
    return Status::Ok();
  }
  // A YAML file: entity id -> display name.
  Result<YamlNode> n = ReadYamlFile(e);
  if (!n.ok()) return Status(n.status().code(), "--exonyms: " + n.status().message(), n.status().where());
  if (!n->IsMap()) return Status::InvalidInput("--exonyms: expected a map of entity id to name", Where{.source = e});
  for (const auto& [id, name] : n->entries()) {
    if (!name.IsScalar()) return Status::InvalidInput("--exonyms: a name is text", Where{.source = e, .field = id});
    custom_[id] = name.scalar();
  }
  b_.exonym_note = fmt::format("Place names follow the exonyms in {} ({} names).", e, custom_.size());
  return Status::Ok();
}

Status Builder::Numbers() {
  const query::Filters& f = o_.filters;
  PLX_ASSIGN_OR_RETURN(b_.articles, r_.Count(o_.query, f));
  if (b_.articles == 0) {
    return Status::NotFound("no stored article matches the query and filters: the brief would be empty");
  }
  query::Filters unique = f;
  unique.unique = true;
  PLX_ASSIGN_OR_RETURN(b_.unique_stories, r_.Count(o_.query, unique));
  PLX_ASSIGN_OR_RETURN(query::Facets facets, r_.FacetCounts(o_.query, f));
  for (const query::Facet& x : facets["lang"]) {
    languages_.push_back(x.value);
    b_.languages.emplace_back(LanguageName(x.value), x.count);
  }
  for (const query::Facet& x : facets["country"]) b_.countries.emplace_back(Country(x.value), x.count);
  PLX_ASSIGN_OR_RETURN(auto days, r_.Timeline(o_.query, "day", "", f));
  for (const auto& d : days) {
    if (d.period.empty()) continue;
    if (b_.from.empty() || d.period < b_.from) b_.from = d.period;
    if (d.period > b_.to) b_.to = d.period;
  }
  PLX_ASSIGN_OR_RETURN(all_voices_, r_.Voices(o_.query, f, "", -1, 3));
  for (const query::Voice& v : all_voices_) {
    b_.quotes += v.quotes;
    for (const query::TargetCounts& t : v.stance) b_.stance_rows += t.favourable + t.neutral + t.critical;
  }
  // Targets: as asked, else the three most discussed.
  targets_ = o_.targets;
  if (targets_.empty()) {
    std::map<std::string, int64_t> totals;
    for (const query::Voice& v : all_voices_) {
      for (const query::TargetCounts& t : v.stance) totals[t.target] += t.favourable + t.neutral + t.critical;
    }
    std::vector<std::pair<int64_t, std::string>> ranked;
    for (const auto& [id, n] : totals) ranked.emplace_back(-n, id);
    std::sort(ranked.begin(), ranked.end());
    for (size_t i = 0; i < ranked.size() && i < 3; ++i) targets_.push_back(ranked[i].second);
  }
  for (const std::string& t : targets_) {
    std::string stored;
    for (const query::Voice& v : all_voices_) {
      for (const query::TargetCounts& c : v.stance) {
        if (c.target == t) stored = c.name;
      }
    }
    b_.target_names.push_back(Name(t, stored));
  }
  return Status::Ok();
}

Status Builder::Coverage() {
  int64_t span = DayNumber(b_.to) - DayNumber(b_.from);
  b_.by = o_.by;
  b_.interval = span <= 31 ? "day" : span <= 190 ? "week" : "month";
  PLX_ASSIGN_OR_RETURN(auto rows, r_.Timeline(o_.query, b_.interval, o_.by, o_.filters));
  b_.periods = PeriodsBetween(b_.from, b_.to, b_.interval);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < b_.periods.size(); ++i) index[b_.periods[i]] = i;
  std::map<std::string, int64_t> totals;
  std::map<std::string, std::vector<int64_t>> raw;
  for (const auto& r : rows) {
    auto it = index.find(r.period);
    if (it == index.end()) continue;
    std::string g = Group(r.group);
    auto& v = raw[g];
    v.resize(b_.periods.size());
    v[it->second] += r.count;
    totals[g] += r.count;
  }
  // The six largest groups by name; the rest together.
  std::vector<std::pair<int64_t, std::string>> ranked;
  for (const auto& [g, n] : totals) ranked.emplace_back(-n, g);
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < ranked.size(); ++i) {
    const std::string& g = ranked[i].second;
    std::string name = i < 6 ? g : "other";
    if (std::find(b_.groups.begin(), b_.groups.end(), name) == b_.groups.end()) b_.groups.push_back(name);
    auto& dst = b_.series[name];
    dst.resize(b_.periods.size());
    for (size_t p = 0; p < raw[g].size(); ++p) dst[p] += raw[g][p];
  }
  // Peaks: the three busiest periods, each labelled by its top headline.
  std::vector<std::pair<int64_t, size_t>> busiest;
  for (size_t p = 0; p < b_.periods.size(); ++p) {
    int64_t n = 0;
    for (const auto& [g, v] : b_.series) n += v[p];
    if (n > 0) busiest.emplace_back(-n, p);
  }
  std::sort(busiest.begin(), busiest.end());
  if (busiest.size() > 3) busiest.resize(3);
  std::sort(busiest.begin(), busiest.end(), [](auto& a, auto& b) { return a.second < b.second; });
  for (const auto& [neg, p] : busiest) {
    query::Filters f = o_.filters;
    f.from = b_.periods[p];
    f.to = PeriodEnd(b_.periods[p], b_.interval);
    f.unique = true;
    PLX_ASSIGN_OR_RETURN(auto hits, r_.Search(o_.query, f, 1));
    Peak peak{b_.periods[p], -neg, "", 0};
    if (!hits.empty()) {
      const query::Hit& h = hits[0];
      peak.headline = h.title;
      peak.note = Cite(h.id, h.outlet, h.title, h.title_en, h.day, h.url);
    }
    b_.peaks.push_back(std::move(peak));
  }
  return Status::Ok();
}

Status Builder::Outlets() {
  PLX_ASSIGN_OR_RETURN(query::Facets facets, r_.FacetCounts(o_.query, o_.filters));
  PLX_ASSIGN_OR_RETURN(auto info, r_.Outlets());
  std::map<std::string, const query::OutletInfo*> by_name;
  for (const auto& i : info) by_name[i.name] = &i;
  for (const query::Facet& x : facets["outlet"]) {
    OutletRow r{x.value.empty() ? "unknown" : x.value, "", {}, x.count,
                static_cast<double>(x.count) / static_cast<double>(b_.articles)};
    if (auto it = by_name.find(x.value); it != by_name.end()) {
      r.country = Country(it->second->country);
      r.tags = it->second->tags;
    }
    b_.outlets.push_back(std::move(r));
  }
  return Status::Ok();
}

Status Builder::Voices() {
  // Official positions: speakers holding an office on the day they spoke (the packs' roles),
  // and offices quoted without a name.
  for (const query::Voice& v : all_voices_) {
    std::string role = Role(v.entity, v.last_day);
    bool office = !role.empty() || v.type == "role";
    if (!office || b_.officials.size() >= 8) continue;
    Official off{Name(v.entity, v.name), role.empty() ? "" : role, {}};
    for (size_t i = 0; i < v.examples.size() && i < 2; ++i) off.quotes.push_back(Quote(v.examples[i]));
    b_.officials.push_back(std::move(off));
  }
  // Key voices: the most quoted speakers, with their stance toward the targets.
  for (size_t i = 0; i < all_voices_.size() && i < static_cast<size_t>(o_.voices); ++i) {
    const query::Voice& v = all_voices_[i];
    VoiceSection s{Name(v.entity, v.name), Role(v.entity, v.last_day), v.quotes, v.outlets, {}, {}};
    for (size_t t = 0; t < targets_.size(); ++t) {
      for (const query::TargetCounts& c : v.stance) {
        if (c.target == targets_[t]) s.stance.push_back({b_.target_names[t], c.favourable, c.neutral, c.critical});
      }
    }
    for (const query::QuoteRow& q : v.examples) s.examples.push_back(Quote(q));
    b_.voices.push_back(std::move(s));
  }
  return Status::Ok();
}

Status Builder::Sides() {
  // The largest groups of the coverage chart ("other" aside), at most four.
  PLX_ASSIGN_OR_RETURN(auto rows, r_.Timeline(o_.query, "month", o_.by, o_.filters));
  std::map<std::string, int64_t> totals;
  for (const auto& r : rows) {
    if (!r.group.empty()) totals[r.group] += r.count;
  }
  std::vector<std::pair<int64_t, std::string>> ranked;
  for (const auto& [g, n] : totals) ranked.emplace_back(-n, g);
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < ranked.size() && i < 4; ++i) {
    const std::string& g = ranked[i].second;
    query::Filters f = o_.filters;
    (o_.by == "country" ? f.country : f.tag) = g;
    Side side{Group(g), -ranked[i].first, {}, {}, {}};
    PLX_ASSIGN_OR_RETURN(auto voices, r_.Voices(o_.query, f, "", -1, 0));
    for (size_t v = 0; v < voices.size() && v < 5; ++v) side.speakers.emplace_back(Name(voices[v].entity, voices[v].name), voices[v].quotes);
    for (size_t t = 0; t < targets_.size(); ++t) {
      TargetStance ts{b_.target_names[t]};
      for (const query::Voice& v : voices) {
        for (const query::TargetCounts& c : v.stance) {
          if (c.target != targets_[t]) continue;
          ts.favourable += c.favourable;
          ts.neutral += c.neutral;
          ts.critical += c.critical;
        }
      }
      side.stance.push_back(ts);
    }
    PLX_ASSIGN_OR_RETURN(auto ents, r_.TopEntities(o_.query, f, 6));
    for (const auto& e : ents) side.entities.emplace_back(Name(e.entity, e.name), e.articles);
    b_.sides.push_back(std::move(side));
  }
  return Status::Ok();
}

// Rows of a Markdown table in the embedded docs/EVALUATION.md whose first cell is `first`.
std::vector<std::string> EvalRow(std::string_view section, std::string_view first) {
  std::string_view doc = EmbeddedData("EVALUATION.md");
  size_t at = doc.find(section);
  if (at == std::string_view::npos) return {};
  doc = doc.substr(at);
  std::string needle = "\n| " + std::string(first) + " |";
  size_t r = doc.find(needle);
  if (r == std::string_view::npos) return {};
  std::string_view line = doc.substr(r + 1, doc.find('\n', r + 1) - r - 1);
  std::vector<std::string> cells;
  size_t i = 0;
  while ((i = line.find('|', i)) != std::string_view::npos) {
    size_t j = line.find('|', i + 1);
    if (j == std::string_view::npos) break;
    std::string cell(line.substr(i + 1, j - i - 1));
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    cells.push_back(cell);
    i = j;
  }
  return cells;
}

void Builder::Methods() {
  std::vector<std::string> filters;
  const query::Filters& f = o_.filters;
  if (!o_.query.empty()) filters.push_back(fmt::format("articles matching the search `{}`", o_.query));
  if (!f.from.empty()) filters.push_back("from " + f.from);
  if (!f.to.empty()) filters.push_back("to " + f.to);
  for (const std::string& o : f.outlets) filters.push_back("outlet " + o);
  if (!f.country.empty()) filters.push_back("outlets of " + Country(f.country));
  if (!f.lang.empty()) filters.push_back("language " + f.lang);
  if (!f.tag.empty()) filters.push_back("outlets tagged " + f.tag);
  b_.query = o_.query;
  for (size_t i = 0; i < filters.size(); ++i) b_.filters += (i ? "; " : "") + filters[i];
  b_.methods.push_back(fmt::format(
      "Scope: {}. The brief covers {} stored articles ({} unique stories once near-duplicates such as wire copies are "
      "set aside) published between {} and {}.",
      filters.empty() ? "every stored article" : b_.filters, b_.articles, b_.unique_stories, LongDate(b_.from),
      LongDate(b_.to)));
  b_.methods.push_back(fmt::format(
      "Extraction: Parallax identified each article's language, found the people, organisations and places it names "
      "(any script or inflection), the quotations and their speakers ({} attributed quotations), and the stance of each "
      "quoted speaker toward the entities the quotation concerns ({} readings: favourable, neutral or critical). "
      "Roles are those the knowledge packs record for the day of publication.",
      b_.quotes, b_.stance_rows));
  // Quality figures measured by `make eval` for the languages of this brief.
  static const std::map<std::string, std::vector<std::pair<std::string, std::string>>> kRows = {
      {"en", {{"en", "English"}}},
      {"sr", {{"srp-Latn", "Serbian (Latin)"}, {"srp-Cyrl", "Serbian (Cyrillic)"}}},
      {"hr", {{"hrv", "Croatian"}}}, {"bs", {{"bos", "Bosnian"}}}, {"sq", {{"sqi", "Albanian"}}},
      {"mk", {{"mkd", "Macedonian"}}}, {"zh", {{"zho-CN", "Chinese"}}}};
  std::vector<std::string> quality;
  for (const std::string& lang : languages_) {
    auto it = kRows.find(lang);
    if (it == kRows.end()) continue;
    for (const auto& [row, name] : it->second) {
      std::vector<std::string> cells = EvalRow("## Quotations and speakers", row);
      if (cells.size() >= 3) quality.push_back(fmt::format("{}: quotations found {}, speakers right {}", name, cells[1], cells[2]));
    }
  }
  std::vector<std::string> stance = EvalRow("## Stance", "devtest-rw | 1146 | model");
  std::string figures = quality.empty() ? "" : ", share of gold quotations found and of their speakers right: ";
  for (size_t i = 0; i < quality.size(); ++i) {
    if (i) figures += "; ";
    figures += quality[i];
  }
  b_.methods.push_back(fmt::format(
      "Quality: automatic extraction makes mistakes, and every quotation here links to its source. On gold data "
      "(make eval, docs/EVALUATION.md of this build){}{}. Counts are of what the system found, not of everything "
      "said.",
      figures, stance.size() >= 8 ? fmt::format("; stance toward named targets in English news, macro-F1 {}", stance[7]) : ""));
  b_.methods.push_back(b_.exonym_note + " Quotations and titles are given as published.");
}

Status Builder::Run() {
  PLX_RETURN_IF_ERROR(LoadExonyms());
  b_.dated = o_.today.empty() ? TodayIso() : o_.today;
  PLX_RETURN_IF_ERROR(Numbers());
  PLX_RETURN_IF_ERROR(Coverage());
  PLX_RETURN_IF_ERROR(Outlets());
  PLX_RETURN_IF_ERROR(Voices());
  PLX_RETURN_IF_ERROR(Sides());
  Methods();
  if (!o_.title.empty()) {
    b_.title = o_.title;
  } else {
    b_.title = o_.query.empty() ? "Media coverage" : fmt::format("Media coverage: {}", o_.query);
    if (!b_.target_names.empty()) {
      b_.title += " — voices on ";
      for (size_t i = 0; i < b_.target_names.size(); ++i) {
        b_.title += (i == 0 ? "" : i + 1 == b_.target_names.size() ? " and " : ", ") + b_.target_names[i];
      }
    }
  }
  std::set<std::string> outlets;
  for (const OutletRow& r : b_.outlets) outlets.insert(r.name);
  b_.subtitle = fmt::format("{} – {} · {} articles from {} outlets in {} languages", LongDate(b_.from), LongDate(b_.to),
                            b_.articles, outlets.size(), b_.languages.size());
  return Status::Ok();
}

}  // namespace

std::string LongDate(const std::string& day) {
  if (day.size() < 10) return day;
  int m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2));
  if (m < 1 || m > 12) return day;
  return fmt::format("{} {}, {}", kMonths[m - 1], d, day.substr(0, 4));
}

Result<Brief> Build(query::Reader& reader, const entities::Knowledge& k, const Options& o) {
  if (o.by != "country" && o.by != "tag") return Status::InvalidInput("--by must be country or tag");
  Brief b;
  Builder builder(reader, k, o, b);
  PLX_RETURN_IF_ERROR(builder.Run());
  return b;
}

}  // namespace parallax::report
