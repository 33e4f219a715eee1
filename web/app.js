// Parallax dashboard: a small single-page app over the JSON API (no framework, no network
// beyond this server). Views are addressed by the hash: #/search?q=..., #/article/ID,
// #/quotes, #/voices, #/network, #/brief. Every text from the server is escaped before it
// reaches the page.
"use strict";

const main = document.getElementById("main");
const tip = document.getElementById("tip");
const COLOURS = ["#1f5f8b", "#c8553d", "#3a7d44", "#8e6c8a", "#d4a017", "#5b8e7d", "#888888"];

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// The hash as a view name and its parameters.
function route() {
  const h = location.hash.replace(/^#\/?/, "");
  const [path, qs] = h.split("?");
  const parts = path.split("/");
  return { view: parts[0] || "search", arg: decodeURIComponent(parts.slice(1).join("/")), params: new URLSearchParams(qs || "") };
}

function go(view, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  const s = qs.toString();
  location.hash = "#/" + view + (s ? "?" + s : "");
}

// Each render is one generation; a response that arrives after the user has moved on is
// dropped (Superseded) so that it cannot overwrite the newer view.
let generation = 0;
class Superseded extends Error {}

async function fetchJson(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => x && qs.append(k, x));
    else if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  }
  const res = await fetch(path + (qs.toString() ? "?" + qs : ""));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : "HTTP " + res.status);
  return body;
}

// A request made for the current view: its answer or error is dropped once the view is gone.
async function api(path, params) {
  const mine = generation;
  const stale = () => mine !== generation;
  let body;
  try { body = await fetchJson(path, params); } catch (e) { throw stale() ? new Superseded("superseded") : e; }
  if (stale()) throw new Superseded("superseded");
  return body;
}

function showError(e) {
  if (e instanceof Superseded) return;
  main.insertAdjacentHTML("beforeend", `<p class="error" role="alert">${esc(e.message)}</p>`);
}

// A colour key (SVG: the page's Content-Security-Policy allows no inline styles).
function swatch(colour) {
  return `<svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${colour}"/></svg>`;
}

function stanceChip(s) {
  const cls = s.polarity > 0 ? "fav" : s.polarity < 0 ? "crit" : "";
  const word = s.polarity > 0 ? "favourable" : s.polarity < 0 ? "critical" : "neutral";
  return `<span class="chip ${cls}">${esc(s.name)}: ${word}</span>`;
}

function countsChip(t) {
  const cls = t.favourable > t.critical ? "fav" : t.critical > t.favourable ? "crit" : "";
  return `<span class="chip ${cls}">${esc(t.name)} +${t.favourable} / ${t.neutral} / −${t.critical}</span>`;
}

// Snippets arrive with U+0001/U+0002 around the matches.
function snippet(s) {
  return esc(s).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>");
}

function filterForm(p, fields) {
  const f = (name, label, extra = "") =>
    `<label>${label}<input name="${name}" value="${esc(p.get(name) || "")}" ${extra}></label>`;
  const parts = {
    q: `<label>Search<input type="search" name="q" value="${esc(p.get("q") || "")}" placeholder="Kosovo OR Kosova, Вучић, 科索沃"></label>`,
    from: f("from", "From", 'placeholder="2031-08-01" size="10"'),
    to: f("to", "To", 'placeholder="2031-12-31" size="10"'),
    outlet: f("outlet", "Outlet"),
    country: f("country", "Country", 'size="4" placeholder="RS"'),
    lang: f("lang", "Language", 'size="7" placeholder="sr-Cyrl"'),
    tag: f("tag", "Outlet tag", 'placeholder="independent"'),
    speaker: f("speaker", "Speaker"),
    target: f("target", "Target", 'placeholder="China"'),
    match: f("match", "Words in the quote"),
    headlines: `<label><input type="checkbox" name="headlines" value="1" ${p.get("headlines") === "1" ? "checked" : ""}>Headlines only</label>`,
    stance: `<label>Stance<select name="stance"><option value="">any</option>${["favourable", "neutral", "critical"]
      .map((s) => `<option ${p.get("stance") === s ? "selected" : ""}>${s}</option>`).join("")}</select></label>`,
  };
  return `<form class="filters" role="search">${fields.map((x) => parts[x]).join("")}<button type="submit">Go</button></form>`;
}

function formParams(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (v) out[k] = v;
  return out;
}

function bindForm(view) {
  const form = main.querySelector("form.filters");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go(view, formParams(form));
  });
}

// ---- search ----

function timelineSvg(rows, split) {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const groups = [...new Set(rows.map((r) => r.group || "unknown"))];
  const by = {};
  rows.forEach((r) => { by[r.period + "|" + (r.group || "unknown")] = r.count; });
  const totals = periods.map((p) => groups.reduce((n, g) => n + (by[p + "|" + g] || 0), 0));
  const max = Math.max(1, ...totals);
  const W = 720, H = 180, L = 30, T = 10, B = 24, slot = (W - L - 10) / Math.max(1, periods.length);
  let svg = `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Articles per month by outlet ${split === "tag" ? "tag" : "country"}">`;
  for (let y = 0; y <= max; y += Math.max(1, Math.ceil(max / 4))) {
    const py = T + (H - T - B) * (1 - y / max);
    svg += `<line x1="${L}" x2="${W - 10}" y1="${py}" y2="${py}" stroke="#e2e2e2"/><text x="${L - 4}" y="${py + 4}" text-anchor="end" font-size="10" fill="#5c5c5c">${y}</text>`;
  }
  periods.forEach((p, i) => {
    let y = H - B;
    const x = L + i * slot + slot * 0.15;
    groups.forEach((g, gi) => {
      const n = by[p + "|" + g] || 0;
      if (!n) return;
      const h = (H - T - B) * (n / max);
      y -= h;
      svg += `<rect class="bar" tabindex="0" role="button" data-period="${esc(p)}" x="${x}" y="${y}" width="${slot * 0.7}" height="${h}" fill="${COLOURS[Math.min(gi, 6)]}"><title>${esc(p)} · ${esc(g)}: ${n} articles (open)</title></rect>`;
    });
    svg += `<text x="${x + slot * 0.35}" y="${H - 8}" text-anchor="middle" font-size="10" fill="#5c5c5c">${esc(p)}</text>`;
  });
  svg += "</svg>";
  const legend = groups.map((g, gi) => `<span>${swatch(COLOURS[Math.min(gi, 6)])}${esc(g)}</span>`).join("");
  return svg + `<div class="legend">${legend}</div>`;
}

async function viewSearch(p) {
  const params = Object.fromEntries(p.entries());
  const offset = Number(p.get("offset") || 0);
  const split = p.get("split") === "tag" ? "tag" : "country";
  main.innerHTML = `<h1>Search</h1>${filterForm(p, ["q", "from", "to", "outlet", "country", "lang", "tag"])}
    <div class="layout"><aside class="facets" aria-label="Facets"></aside><section><div id="timeline"></div><div id="results"></div></section></div>`;
  bindForm("search");
  try {
    const [res, tl] = await Promise.all([
      api("/api/search", { ...params, facets: 1, limit: 20, offset }),
      api("/api/timeline", { ...params, interval: "month", by: split }),
    ]);
    const facets = main.querySelector(".facets");
    for (const [name, key] of [["outlet", "outlet"], ["country", "country"], ["tag", "tag"], ["lang", "lang"], ["month", "month"]]) {
      const values = res.facets[name] || [];
      if (!values.length) continue;
      facets.insertAdjacentHTML("beforeend", `<h3>${name}</h3><ul>${values.map((v) =>
        `<li><button type="button" data-facet="${key}" data-value="${esc(v.value)}">${esc(v.value || "unknown")}<span>${v.count}</span></button></li>`).join("")}</ul>`);
    }
    facets.querySelectorAll("button").forEach((b) => b.addEventListener("click", () => {
      const next = { ...params, offset: "" };
      if (b.dataset.facet === "month") { next.from = b.dataset.value + "-01"; next.to = b.dataset.value + "-31"; }
      else next[b.dataset.facet] = b.dataset.value;
      go("search", next);
    }));
    const timeline = main.querySelector("#timeline");
    timeline.innerHTML = `<h2>Coverage by month</h2><label class="meta">Split by <select id="split">
      <option value="country">outlet country</option><option value="tag" ${split === "tag" ? "selected" : ""}>outlet tag</option></select></label>` + timelineSvg(tl.rows, split);
    timeline.querySelector("#split").addEventListener("change", (e) => go("search", { ...params, split: e.target.value }));
    timeline.querySelectorAll("rect.bar").forEach((r) => {
      const open = () => go("search", { ...params, from: r.dataset.period + "-01", to: r.dataset.period + "-31", offset: "" });
      r.addEventListener("click", open);
      r.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    });
    const list = res.hits.map((h) => `<li><a href="#/article/${h.id}">${esc(h.title || "(untitled)")}</a>
        <div class="meta">${esc(h.outlet)} · ${esc(h.date)} · ${esc(h.lang)}</div><div>${snippet(h.snippet)}</div></li>`).join("");
    const results = main.querySelector("#results");
    results.innerHTML = `<h2>${res.total} articles</h2><ul class="hits">${list}</ul>
      <div class="pager">${offset > 0 ? '<button class="secondary" id="prev">Previous</button>' : ""}
      <span class="meta">${res.total ? offset + 1 : 0}–${offset + res.hits.length} of ${res.total}</span>
      ${offset + res.hits.length < res.total ? '<button class="secondary" id="next">Next</button>' : ""}</div>`;
    results.querySelector("#prev")?.addEventListener("click", () => go("search", { ...params, offset: Math.max(0, offset - 20) }));
    results.querySelector("#next")?.addEventListener("click", () => go("search", { ...params, offset: offset + 20 }));
  } catch (e) { showError(e); }
}

// ---- article ----

// Byte offsets (UTF-8, as the API gives them) to string indices.
function byteIndex(text) {
  const map = new Map();
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    map.set(bytes, i);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(bytes, i);
  return (b) => map.get(b) ?? i;
}

// One field of an article ("title" or "text") with its entities and quotations marked; the
// text's paragraphs each in <p> or <blockquote>, the title as inline HTML.
function renderField(a, field) {
  const text = field === "title" ? a.title : a.text;
  const at = byteIndex(text);
  const marks = [];
  const mine = (x) => (x.field || "text") === field;
  a.entities.forEach((m) => { if (mine(m)) marks.push({ s: at(m.start), e: at(m.end), kind: "ent", m }); });
  a.quotes.forEach((q, qi) => { if (mine(q)) marks.push({ s: at(q.start), e: at(q.end), kind: "quote", q, qi }); });
  const cuts = new Set();
  marks.forEach((m) => { cuts.add(m.s); cuts.add(m.e); });
  const whole = [{ start: 0, end: new TextEncoder().encode(text).length }];
  const paragraphs = field === "text" && a.paragraphs.length ? a.paragraphs : whole;
  return paragraphs.map((p) => {
    const ps = at(p.start), pe = at(p.end);
    const points = [ps, pe, ...[...cuts].filter((c) => c > ps && c < pe)].sort((x, y) => x - y);
    let html = "";
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i], e = points[i + 1];
      let piece = esc(text.slice(s, e));
      const ent = marks.find((m) => m.kind === "ent" && m.s <= s && m.e >= e);
      if (ent) piece = `<span class="ent ent-${esc(ent.m.type)}" title="${esc(ent.m.name)} (${esc(ent.m.type)})">${piece}</span>`;
      const q = marks.filter((m) => m.kind === "quote" && m.s <= s && m.e >= e).pop();
      if (q) {
        const pol = q.q.stance.reduce((n, x) => n + x.polarity, 0);
        piece = `<span class="quote ${pol > 0 ? "fav" : pol < 0 ? "crit" : ""}" tabindex="0" data-quote="${q.qi}">${piece}</span>`;
      }
      html += piece;
    }
    if (field === "title") return html;
    return p.blockquote ? `<blockquote>${html}</blockquote>` : `<p>${html}</p>`;
  }).join("");
}

function quoteTip(q) {
  const who = q.speaker ? esc(q.speaker) + (q.role ? ` — ${esc(q.role)}` : "") : "speaker unknown";
  const stance = q.stance.length ? q.stance.map((s) => `${esc(s.name)}: ${s.polarity > 0 ? "favourable" : s.polarity < 0 ? "critical" : "neutral"}`).join("<br>") : "no stance target";
  return `<b>${who}</b><br>${esc(q.kind)} quotation${q.cue ? ` (“${esc(q.cue)}”)` : ""}<br>${stance}`;
}

async function viewArticle(id) {
  main.innerHTML = "<p>Loading…</p>";
  try {
    const a = await api("/api/articles/" + encodeURIComponent(id));
    main.innerHTML = `<h1 lang="${esc(a.lang)}">${a.title ? renderField(a, "title") : "(untitled)"}</h1>
      <p class="meta">${esc(a.outlet)} · ${esc(a.date)} · ${esc(a.lang)}${a.script ? "-" + esc(a.script) : ""}${a.url ? ` · <a href="${esc(a.url)}" rel="noreferrer noopener">original</a>` : ""}${a.duplicate_of ? ` · copy of <a href="#/article/${esc(a.duplicate_of)}">an earlier article</a>` : ""}</p>
      <p class="legend"><span>${swatch("#7aa6c9")}person</span><span>${swatch("#b99ad1")}organisation</span><span>${swatch("#9bc79f")}place</span><span>${swatch("#e6f3e6")}quotation, favourable</span><span>${swatch("#f9e7e2")}quotation, critical</span></p>
      <article class="text" lang="${esc(a.lang)}">${renderField(a, "text")}</article>
      <h2>Quotations</h2><div class="table-wrap"><table><thead><tr><th>speaker</th><th>quotation</th><th>stance</th></tr></thead><tbody>
      ${a.quotes.map((q) => `<tr><td>${esc(q.speaker || "—")}${q.role ? `<div class="meta">${esc(q.role)}</div>` : ""}</td><td lang="${esc(a.lang)}">${esc(q.text)}</td><td>${q.stance.map(stanceChip).join("")}</td></tr>`).join("")}
      </tbody></table></div>`;
    main.querySelectorAll(".quote").forEach((el) => {
      const q = a.quotes[Number(el.dataset.quote)];
      const show = () => {
        tip.innerHTML = quoteTip(q);
        tip.hidden = false;
        const r = el.getBoundingClientRect();
        tip.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8)) + "px";
        tip.style.top = window.scrollY + r.bottom + 6 + "px";
      };
      const hide = () => { tip.hidden = true; };
      el.addEventListener("mouseenter", show);
      el.addEventListener("focus", show);
      el.addEventListener("mouseleave", hide);
      el.addEventListener("blur", hide);
    });
  } catch (e) { if (!(e instanceof Superseded)) { main.innerHTML = ""; showError(e); } }
}

// ---- quotes ----

async function viewQuotes(p) {
  const params = Object.fromEntries(p.entries());
  main.innerHTML = `<h1>Quote explorer</h1>${filterForm(p, ["speaker", "target", "stance", "match", "outlet", "from", "to", "headlines"])}<div id="list"></div>`;
  bindForm("quotes");
  try {
    const res = await api("/api/quotes", { ...params, limit: 100 });
    main.querySelector("#list").innerHTML = `<p class="meta">${res.quotes.length} quotations${res.quotes.length === 100 ? " (first 100)" : ""}</p>
      <div class="table-wrap"><table><thead><tr><th>date</th><th>speaker</th><th>quotation</th><th>stance</th><th>outlet</th></tr></thead><tbody>
      ${res.quotes.map((q) => `<tr><td>${esc(q.date)}</td><td>${esc(q.speaker || "—")}${q.role ? `<div class="meta">${esc(q.role)}</div>` : ""}</td>
        <td lang="${esc(q.lang)}"><a href="#/article/${q.article}">${esc(q.text)}</a>${q.field === "title" ? `<div class="meta">headline</div>` : ""}</td><td>${q.stance.map(stanceChip).join("")}</td><td>${esc(q.outlet)}</td></tr>`).join("")}
      </tbody></table></div>`;
  } catch (e) { showError(e); }
}

// ---- voices ----

async function viewVoices(p) {
  const params = Object.fromEntries(p.entries());
  main.innerHTML = `<h1>Voices</h1>${filterForm(p, ["q", "target", "from", "to", "country", "tag"])}<div class="cards" id="cards"></div>`;
  bindForm("voices");
  try {
    const res = await api("/api/voices", { ...params, limit: 20 });
    main.querySelector("#cards").innerHTML = res.voices.map((v) => `<section class="card"><h2>${esc(v.name)}</h2>
      ${v.role ? `<div class="meta">${esc(v.role)}</div>` : ""}
      <p class="meta">${v.quotes} quotations · ${esc(v.first_day)} – ${esc(v.last_day)}<br>${v.outlets.map(esc).join(", ")}</p>
      <div>${v.stance.slice(0, 4).map(countsChip).join("")}</div>
      ${v.examples.map((q) => `<blockquote lang="${esc(q.lang)}">“${esc(q.text)}”<div class="meta"><a href="#/article/${q.article}">${esc(q.outlet)}, ${esc(q.date)}</a></div></blockquote>`).join("")}
      <a href="#/quotes?speaker=${encodeURIComponent(v.entity)}">All quotations</a></section>`).join("") || "<p>No quoted speakers.</p>";
  } catch (e) { showError(e); }
}

// ---- network ----

async function viewNetwork(p) {
  const params = Object.fromEntries(p.entries());
  main.innerHTML = `<h1>Actor–target network</h1>${filterForm(p, ["target", "from", "to", "country", "tag"])}
    <p class="meta">Speakers (left) and the entities they speak about (right). Green: mostly favourable, red: mostly critical, grey: neutral; width: quotations.</p><div id="net"></div>`;
  bindForm("network");
  try {
    const res = await api("/api/network", { ...params, kind: "actor-target" });
    const edges = res.edges.slice(0, 80);
    const speakers = [...new Set(edges.map((e) => e.source))];
    const targets = [...new Set(edges.map((e) => e.target))];
    const name = Object.fromEntries(res.nodes.map((n) => [n.id, n.name]));
    const rowH = 22, H = Math.max(speakers.length, targets.length) * rowH + 30, W = 720;
    const ys = (list) => Object.fromEntries(list.map((id, i) => [id, 20 + i * (H - 30) / Math.max(1, list.length - 1 || 1)]));
    const sy = ys(speakers), ty = ys(targets);
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    let svg = `<svg class="chart net" viewBox="0 0 ${W} ${H}" role="img" aria-label="Speakers and the targets of their stance">`;
    for (const e of edges) {
      const net = (e.favourable - e.critical) / Math.max(1, e.weight);
      const colour = net > 0.1 ? "#2e6b34" : net < -0.1 ? "#a33a22" : "#9a9a9a";
      svg += `<line x1="200" y1="${sy[e.source]}" x2="${W - 200}" y2="${ty[e.target]}" stroke="${colour}" stroke-opacity=".7" stroke-width="${1 + 5 * e.weight / maxW}"><title>${esc(name[e.source])} → ${esc(name[e.target])}: +${e.favourable} / ${e.neutral} / −${e.critical}</title></line>`;
    }
    speakers.forEach((id) => { svg += `<text x="194" y="${sy[id] + 4}" text-anchor="end">${esc(name[id])}</text>`; });
    targets.forEach((id) => { svg += `<text x="${W - 194}" y="${ty[id] + 4}">${esc(name[id])}</text>`; });
    svg += "</svg>";
    main.querySelector("#net").innerHTML = edges.length ? svg : "<p>No stance recorded for these filters.</p>";
  } catch (e) { showError(e); }
}

// ---- brief builder ----

function viewBrief(p) {
  main.innerHTML = `<h1>Brief builder</h1>
    <form class="filters" id="brief"><label>Topic (search)<input class="wide" name="q" value="${esc(p.get("q") || "")}" placeholder="Kosovo OR Kosova"></label>
    <label>From<input name="from" value="${esc(p.get("from") || "")}" size="10"></label><label>To<input name="to" value="${esc(p.get("to") || "")}" size="10"></label>
    <label>Targets (comma-separated)<input name="targets" value="${esc(p.get("targets") || "")}" placeholder="China, EU"></label>
    <label>Sides by<select name="by"><option value="country">outlet country</option><option value="tag" ${p.get("by") === "tag" ? "selected" : ""}>outlet tag</option></select></label>
    <label>Place names<select name="exonyms"><option value="kosovo">Kosovo, Pristina</option><option value="kosova" ${p.get("exonyms") === "kosova" ? "selected" : ""}>Kosova, Prishtina</option></select></label>
    <label>Title<input name="title" value="${esc(p.get("title") || "")}"></label><button type="submit">Build</button></form><div id="out"></div>`;
  const form = main.querySelector("#brief");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = formParams(form);
    const qs = new URLSearchParams();
    for (const k of ["q", "from", "to", "by", "exonyms", "title"]) if (f[k]) qs.set(k, f[k]);
    (f.targets || "").split(",").map((t) => t.trim()).filter(Boolean).forEach((t) => qs.append("target", t));
    const url = (format, download) => `/api/report?${qs}&format=${format}${download ? "&download=1" : ""}`;
    main.querySelector("#out").innerHTML = `<div class="downloads"><a id="dl-html" href="${esc(url("html", true))}" download="brief.html">Download HTML</a>
      <a id="dl-md" href="${esc(url("md", true))}" download="brief.md">Download Markdown</a><a id="dl-pdf" href="${esc(url("pdf", true))}" download="brief.pdf">Download PDF</a></div>
      <iframe class="preview" title="Brief preview" src="${esc(url("html", false))}"></iframe>`;
  });
}

// ---- shell ----

// Draws the view the hash names. When it is drawn and still current, main's data-shown
// holds that hash (tests and assistive tools can wait for it).
async function render() {
  const mine = ++generation;
  delete main.dataset.shown;
  tip.hidden = true;
  const r = route();
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === r.view));
  const views = { article: () => viewArticle(r.arg), quotes: () => viewQuotes(r.params), voices: () => viewVoices(r.params),
    network: () => viewNetwork(r.params), brief: () => viewBrief(r.params) };
  await (views[r.view] || (() => viewSearch(r.params)))();
  if (mine === generation) main.dataset.shown = location.hash;
}

window.addEventListener("hashchange", () => { render(); main.focus({ preventScroll: true }); });
window.addEventListener("DOMContentLoaded", async () => {
  render();
  try {
    const s = await fetchJson("/api/stats");
    document.getElementById("stats").textContent = `${s.articles} articles · ${s.outlets} outlets · ${s.quotes} quotations`;
  } catch (e) { /* the views show their own errors */ }
});
