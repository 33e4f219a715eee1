// Markdown, HTML and SVG renderings of a Brief. Both documents walk the same sections in the
// same order, so footnote numbers (assigned by Build) read in sequence in each.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "report/brief.h"

namespace parallax::report {
namespace {

std::string Html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Markdown text: characters that would start markup are escaped; line breaks become spaces.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '|' || c == '<' || c == '#') out += '\\';
    out += c;
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += ", ";
    out += v[i];
  }
  return out;
}

std::string Percent(double share) { return fmt::format("{:.0f}%", share * 100); }

std::string Counts(const std::vector<std::pair<std::string, int64_t>>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += fmt::format("{}{} ({})", i ? ", " : "", v[i].first, v[i].second);
  return out;
}

std::string StanceText(const TargetStance& t) {
  int64_t n = t.favourable + t.neutral + t.critical;
  if (n == 0) return fmt::format("{}: not addressed", t.name);
  const char* lean = t.favourable > t.critical ? "favourable" : t.critical > t.favourable ? "critical" : "balanced";
  return fmt::format("{}: {} ({} favourable, {} neutral, {} critical)", t.name, lean, t.favourable, t.neutral, t.critical);
}

// "Week of August 4, 2031", "August 2031", "August 4, 2031".
std::string PeriodLabel(const std::string& period, const std::string& interval) {
  if (interval == "month" && period.size() == 7) {
    std::string d = LongDate(period + "-01");
    return d.substr(0, d.find(' ')) + " " + period.substr(0, 4);
  }
  if (period.size() == 10) return (interval == "week" ? "Week of " : "") + LongDate(period);
  return period;
}

// Axis labels: "Aug 4" for days and weeks, "Aug 2031" for months.
std::string AxisLabel(const std::string& period, const std::string& interval) {
  static const char* kShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (period.size() < 7) return period;
  int m = std::atoi(period.substr(5, 2).c_str());
  if (m < 1 || m > 12) return period;
  if (interval == "month" || period.size() < 10) return fmt::format("{} {}", kShort[m - 1], period.substr(0, 4));
  return fmt::format("{} {}", kShort[m - 1], std::atoi(period.substr(8, 2).c_str()));
}

const char* kColours[] = {"#1f5f8b", "#c8553d", "#3a7d44", "#8e6c8a", "#d4a017", "#5b8e7d", "#888888"};

// The intro and numbers, shared wording for both documents.
std::string NumbersLine(const Brief& b) {
  return fmt::format("{} articles ({} unique stories) from {} outlets, in {} languages, from outlets in {} countries; "
                     "{} attributed quotations and {} stance readings.",
                     b.articles, b.unique_stories, b.outlets.size(), b.languages.size(), b.countries.size(), b.quotes,
                     b.stance_rows);
}

}  // namespace

std::string CoverageSvg(const Brief& b) {
  const int width = 760, height = 300, left = 44, right = 16, top = 36, bottom = 64;
  const int plot_w = width - left - right, plot_h = height - top - bottom;
  const size_t n = b.periods.size();
  std::vector<int64_t> totals(n, 0);
  for (const auto& [g, v] : b.series) {
    for (size_t p = 0; p < n && p < v.size(); ++p) totals[p] += v[p];
  }
  int64_t max = 1;
  for (int64_t t : totals) max = std::max(max, t);
  // A round axis maximum.
  int64_t step = max <= 5 ? 1 : max <= 10 ? 2 : max <= 50 ? 10 : static_cast<int64_t>(std::pow(10, std::floor(std::log10(max))));
  int64_t axis = (max + step - 1) / step * step;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" "
      "aria-label=\"Articles per {} by {}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<title>Articles per {} by {}</title>\n<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
      width, height, b.interval, b.by, b.interval, b.by, width, height);
  for (int64_t y = 0; y <= axis; y += step) {
    double py = top + plot_h - static_cast<double>(y) / static_cast<double>(axis) * plot_h;
    svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#dddddd\"/>"
                       "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#555555\">{}</text>\n",
                       left, width - right, py, py, left - 6, py + 4, y);
  }
  double slot = n ? static_cast<double>(plot_w) / static_cast<double>(n) : plot_w;
  double bar = std::max(1.0, slot * 0.75);
  size_t label_every = std::max<size_t>(1, (n + 9) / 10);
  for (size_t p = 0; p < n; ++p) {
    double x = left + slot * static_cast<double>(p) + (slot - bar) / 2;
    double y = top + plot_h;
    for (size_t g = 0; g < b.groups.size(); ++g) {
      auto it = b.series.find(b.groups[g]);
      if (it == b.series.end() || p >= it->second.size() || it->second[p] == 0) continue;
      double h = static_cast<double>(it->second[p]) / static_cast<double>(axis) * plot_h;
      y -= h;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
                         "<title>{}: {} ({})</title></rect>\n",
                         x, y, bar, h, kColours[std::min<size_t>(g, 6)], Html(PeriodLabel(b.periods[p], b.interval)),
                         it->second[p], Html(b.groups[g]));
    }
    if (p % label_every == 0) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555555\">{}</text>\n", x + bar / 2,
                         top + plot_h + 14, Html(AxisLabel(b.periods[p], b.interval)));
    }
  }
  // Peaks: a numbered marker over the bar, explained below the chart.
  for (size_t i = 0; i < b.peaks.size(); ++i) {
    auto it = std::find(b.periods.begin(), b.periods.end(), b.peaks[i].period);
    if (it == b.periods.end()) continue;
    size_t p = static_cast<size_t>(it - b.periods.begin());
    double x = left + slot * static_cast<double>(p) + slot / 2;
    double y = top + plot_h - static_cast<double>(totals[p]) / static_cast<double>(axis) * plot_h - 8;
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"7\" fill=\"#222222\"/>"
                       "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#ffffff\" font-weight=\"bold\">{}</text>\n",
                       x, y, x, y + 4, i + 1);
  }
  // Legend.
  double lx = left;
  for (size_t g = 0; g < b.groups.size(); ++g) {
    svg += fmt::format("<rect x=\"{:.0f}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                       "<text x=\"{:.0f}\" y=\"{}\" fill=\"#222222\">{}</text>\n",
                       lx, height - 22, kColours[std::min<size_t>(g, 6)], lx + 14, height - 13, Html(b.groups[g]));
    lx += 24 + 7.0 * static_cast<double>(b.groups[g].size());
  }
  svg += fmt::format("<text x=\"{}\" y=\"18\" fill=\"#222222\" font-size=\"13\" font-weight=\"bold\">Articles per {}, by {}</text>\n",
                     left, b.interval, b.by == "tag" ? "outlet tag" : "outlet country");
  svg += "</svg>\n";
  return svg;
}

std::string RenderMarkdown(const Brief& b, const std::string& svg_file) {
  std::string md;
  auto note = [](int n) { return n > 0 ? fmt::format("[^{}]", n) : std::string(); };
  md += fmt::format("# {}\n\n*{}*  \n*Prepared with Parallax on {}.*\n\n", Md(b.title), Md(b.subtitle), LongDate(b.dated));
  md += "## The corpus in numbers\n\n" + NumbersLine(b) + "\n\n";
  md += fmt::format("- Languages: {}\n- Outlet countries: {}\n\n", Counts(b.languages), Counts(b.countries));
  md += fmt::format("## Coverage over time\n\n![Articles per {} by {}]({})\n\n", b.interval, b.by, svg_file);
  for (size_t i = 0; i < b.peaks.size(); ++i) {
    const Peak& p = b.peaks[i];
    md += fmt::format("{}. **{}** — {} articles; top story: “{}”{}\n", i + 1, PeriodLabel(p.period, b.interval), p.articles,
                      Md(p.headline), note(p.note));
  }
  md += "\n## Outlets\n\n| outlet | country | articles | share | tags |\n|---|---|---:|---:|---|\n";
  for (const OutletRow& o : b.outlets) {
    md += fmt::format("| {} | {} | {} | {} | {} |\n", Md(o.name), Md(o.country), o.articles, Percent(o.share), Md(Join(o.tags)));
  }
  md += "\n## Official positions\n\n";
  if (b.officials.empty()) md += "No office holder known to the knowledge packs is quoted in these articles.\n";
  for (const Official& o : b.officials) {
    md += fmt::format("- **{}**{}\n", Md(o.name), o.role.empty() ? "" : ", " + Md(o.role));
    for (const Quoted& q : o.quotes) md += fmt::format("  - “{}” ({}, {}){}\n", Md(q.text), Md(q.outlet), LongDate(q.day), note(q.note));
  }
  md += "\n## Key voices\n\n";
  for (const VoiceSection& v : b.voices) {
    md += fmt::format("### {}{}\n\n", Md(v.name), v.role.empty() ? "" : " — " + Md(v.role));
    md += fmt::format("{} quotations, in {}.", v.quotes, Md(Join(v.outlets)));
    for (const TargetStance& t : v.stance) md += fmt::format(" {}.", Md(StanceText(t)));
    md += "\n\n";
    for (const Quoted& q : v.examples) md += fmt::format("> “{}” ({}, {}){}\n>\n", Md(q.text), Md(q.outlet), LongDate(q.day), note(q.note));
    if (!v.examples.empty()) md.resize(md.size() - 2), md += "\n";
    md += "\n";
  }
  md += fmt::format("## Side by side ({})\n\n", b.by == "tag" ? "by outlet tag" : "by outlet country");
  for (const Side& s : b.sides) {
    md += fmt::format("### {} ({} articles)\n\n", Md(s.group), s.articles);
    md += fmt::format("- Quotes most: {}\n", s.speakers.empty() ? std::string("no attributed quotations") : Md(Counts(s.speakers)));
    for (const TargetStance& t : s.stance) md += fmt::format("- Stance toward {}\n", Md(StanceText(t)));
    md += fmt::format("- Most named: {}\n\n", Md(Counts(s.entities)));
  }
  md += "## Methods\n\n";
  for (const std::string& p : b.methods) md += fmt::format("{}\n\n", Md(p));
  md += "## Notes\n\n";
  for (const Footnote& f : b.notes) md += fmt::format("[^{}]: {}\n", f.number, f.text);
  return md;
}

std::string RenderHtml(const Brief& b) {
  std::string h;
  auto note = [](int n) {
    return n > 0 ? fmt::format("<sup class=\"fn\"><a href=\"#note-{0}\" id=\"ref-{0}\">{0}</a></sup>", n) : std::string();
  };
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += fmt::format("<title>{}</title>\n", Html(b.title));
  h += R"css(<style>
:root { color-scheme: light; }
body { font-family: "Noto Serif", Georgia, serif; color: #1d1d1d; background: #fff; margin: 0; line-height: 1.55; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-family: "Noto Sans", Helvetica, Arial, sans-serif; font-size: 1.15rem; text-transform: uppercase;
     letter-spacing: .04em; border-top: 2px solid #1d1d1d; padding-top: .5rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
.sub { color: #555; margin: 0; } .dated { color: #777; font-size: .9rem; margin-top: .2rem; }
.numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(6.2rem, 1fr)); gap: .6rem; margin: 1rem 0; }
.numbers div { border: 1px solid #ddd; padding: .5rem .6rem; } .numbers b { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; font-family: "Noto Sans", Helvetica, Arial, sans-serif; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
blockquote { margin: .6rem 0; padding: .2rem 0 .2rem .9rem; border-left: 3px solid #1f5f8b; }
blockquote cite { display: block; color: #666; font-size: .85rem; font-style: normal; }
.stance { font-family: "Noto Sans", Helvetica, Arial, sans-serif; font-size: .9rem; color: #333; }
.fav { color: #2e6b34; } .crit { color: #a33a22; }
sup.fn a { text-decoration: none; color: #1f5f8b; padding: 0 .1rem; }
ol.notes { font-size: .85rem; padding-left: 1.6rem; } ol.notes li { margin-bottom: .25rem; word-break: break-word; }
figure { margin: 1rem 0; } figcaption { font-size: .85rem; color: #555; }
a:focus, a:hover { outline: 2px solid #1f5f8b; outline-offset: 1px; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } blockquote, figure, tr { break-inside: avoid; }
  a { color: inherit; } }
@page { margin: 18mm 16mm; }
</style>
</head>
<body>
<main>
)css";
  h += fmt::format("<header><h1>{}</h1><p class=\"sub\">{}</p><p class=\"dated\">Prepared with Parallax on {}.</p></header>\n",
                   Html(b.title), Html(b.subtitle), LongDate(b.dated));
  h += "<section id=\"numbers\"><h2>The corpus in numbers</h2>\n<div class=\"numbers\">";
  for (const auto& [label, n] : std::vector<std::pair<const char*, int64_t>>{
           {"articles", b.articles}, {"unique stories", b.unique_stories}, {"outlets", static_cast<int64_t>(b.outlets.size())},
           {"languages", static_cast<int64_t>(b.languages.size())}, {"countries", static_cast<int64_t>(b.countries.size())},
           {"quotations", b.quotes}}) {
    h += fmt::format("<div><b>{}</b>{}</div>", n, label);
  }
  h += "</div>\n";
  h += fmt::format("<p>{}</p><p>Languages: {}. Outlet countries: {}.</p></section>\n", Html(NumbersLine(b)),
                   Html(Counts(b.languages)), Html(Counts(b.countries)));
  h += "<section id=\"coverage\"><h2>Coverage over time</h2>\n<figure>" + CoverageSvg(b);
  h += "<figcaption><ol>";
  for (const Peak& p : b.peaks) {
    h += fmt::format("<li><b>{}</b> — {} articles; top story: “{}”{}</li>", Html(PeriodLabel(p.period, b.interval)), p.articles,
                     Html(p.headline), note(p.note));
  }
  h += "</ol></figcaption></figure></section>\n";
  h += "<section id=\"outlets\"><h2>Outlets</h2><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">outlet</th>"
       "<th scope=\"col\">country</th><th scope=\"col\">articles</th><th scope=\"col\">share</th><th scope=\"col\">tags</th>"
       "</tr></thead><tbody>\n";
  for (const OutletRow& o : b.outlets) {
    h += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n", Html(o.name),
                     Html(o.country), o.articles, Percent(o.share), Html(Join(o.tags)));
  }
  h += "</tbody></table></div></section>\n";
  auto quote = [&](const Quoted& q) {
    return fmt::format("<blockquote lang=\"{}\">“{}”{}<cite>{}, {}</cite></blockquote>\n", Html(q.lang), Html(q.text),
                       note(q.note), Html(q.outlet), LongDate(q.day));
  };
  h += "<section id=\"officials\"><h2>Official positions</h2>\n";
  if (b.officials.empty()) h += "<p>No office holder known to the knowledge packs is quoted in these articles.</p>\n";
  for (const Official& o : b.officials) {
    h += fmt::format("<h3>{}{}</h3>\n", Html(o.name), o.role.empty() ? "" : ", " + Html(o.role));
    for (const Quoted& q : o.quotes) h += quote(q);
  }
  h += "</section>\n<section id=\"voices\"><h2>Key voices</h2>\n";
  for (const VoiceSection& v : b.voices) {
    h += fmt::format("<h3>{}{}</h3>\n", Html(v.name), v.role.empty() ? "" : " — " + Html(v.role));
    h += fmt::format("<p class=\"stance\">{} quotations, in {}.", v.quotes, Html(Join(v.outlets)));
    for (const TargetStance& t : v.stance) {
      const char* cls = t.favourable > t.critical ? "fav" : t.critical > t.favourable ? "crit" : "";
      h += fmt::format(" <span class=\"{}\">{}.</span>", cls, Html(StanceText(t)));
    }
    h += "</p>\n";
    for (const Quoted& q : v.examples) h += quote(q);
  }
  h += fmt::format("</section>\n<section id=\"sides\"><h2>Side by side ({})</h2>\n", b.by == "tag" ? "by outlet tag" : "by outlet country");
  for (const Side& s : b.sides) {
    h += fmt::format("<h3>{} <small>({} articles)</small></h3><ul>", Html(s.group), s.articles);
    h += fmt::format("<li>Quotes most: {}</li>", Html(s.speakers.empty() ? std::string("no attributed quotations") : Counts(s.speakers)));
    for (const TargetStance& t : s.stance) h += fmt::format("<li>Stance toward {}</li>", Html(StanceText(t)));
    h += fmt::format("<li>Most named: {}</li></ul>\n", Html(Counts(s.entities)));
  }
  h += "</section>\n<section id=\"methods\"><h2>Methods</h2>\n";
  for (const std::string& p : b.methods) h += fmt::format("<p>{}</p>\n", Html(p));
  h += "</section>\n<section id=\"notes\"><h2>Notes</h2>\n<ol class=\"notes\">\n";
  for (const Footnote& f : b.notes) {
    // URLs in notes become links.
    std::string text = Html(f.text);
    size_t at = text.find("https://");
    if (at == std::string::npos) at = text.find("http://");
    if (at != std::string::npos) {
      size_t end = text.size() - (text.back() == '.' ? 1 : 0);
      std::string url = text.substr(at, end - at);
      text = text.substr(0, at) + fmt::format("<a href=\"{0}\">{0}</a>", url) + text.substr(end);
    }
    h += fmt::format("<li id=\"note-{0}\" data-article=\"{1}\">{2} <a href=\"#ref-{0}\" aria-label=\"back\">↩</a></li>\n",
                     f.number, Html(f.article), text);
  }
  h += "</ol></section>\n</main>\n</body>\n</html>\n";
  return h;
}

std::string FindChromium() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  std::string_view p(path);
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "chrome"}) {
    size_t start = 0;
    while (start <= p.size()) {
      size_t end = p.find(':', start);
      if (end == std::string_view::npos) end = p.size();
      std::string candidate = std::string(p.substr(start, end - start)) + "/" + name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return "";
}

Status PrintPdf(const std::string& html_path, const std::string& pdf_path) {
  std::string chromium = FindChromium();
  if (chromium.empty()) {
    return Status::Unavailable(
        "PDF needs Chromium to print the HTML brief; install it with `apt-get install chromium` (or "
        "scripts/install-deps --browser), or print the HTML brief from any browser",
        Where{.source = html_path});
  }
  std::error_code ec;
  std::string url = "file://" + std::filesystem::absolute(html_path, ec).string();
  std::string out_arg = "--print-to-pdf=" + std::filesystem::absolute(pdf_path, ec).string();
  std::filesystem::remove(pdf_path, ec);
  // A fresh profile per run, removed afterwards, so runs never share or leave state.
  std::string profile_dir = std::filesystem::temp_directory_path(ec).string() + "/parallax-chromium-" + std::to_string(getpid());
  std::string profile = "--user-data-dir=" + profile_dir;
  pid_t pid = fork();
  if (pid < 0) return Status::Internal("cannot start Chromium");
  if (pid == 0) {
    // Quiet: Chromium talks on stderr even when all is well.
    FILE* devnull = std::fopen("/dev/null", "w");
    if (devnull != nullptr) {
      dup2(fileno(devnull), STDOUT_FILENO);
      dup2(fileno(devnull), STDERR_FILENO);
    }
    execl(chromium.c_str(), chromium.c_str(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
          "--disable-dev-shm-usage", profile.c_str(), out_arg.c_str(), url.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::filesystem::remove_all(profile_dir, ec);
  if (!std::filesystem::exists(pdf_path, ec) || std::filesystem::file_size(pdf_path, ec) == 0) {
    return Status::Unavailable(fmt::format("Chromium ({}) did not write the PDF (exit status {})", chromium,
                                           WIFEXITED(status) ? WEXITSTATUS(status) : -1),
                               Where{.source = pdf_path});
  }
  return Status::Ok();
}

}  // namespace parallax::report
