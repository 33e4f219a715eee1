// End-to-end tests of the dashboard: a real `parallax serve` on loopback over the sample corpus,
// driven in Debian's Chromium by playwright-core. Usage:
//   node tests/browser/ui.test.mjs PARALLAX_BINARY SOURCE_DIR [SCREENSHOT_DIR]
// Exits 77 (skipped) when Chromium or playwright-core is missing, 1 when a check fails.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [bin, src, shots] = process.argv.slice(2);
const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  console.log("skipped: playwright-core is not installed (npm ci --prefix tests/browser; scripts/install-deps --browser does it)");
  process.exit(77);
}
if (!chromiumPath) {
  console.log("skipped: Chromium is not installed (scripts/install-deps --browser installs it)");
  process.exit(77);
}

const work = mkdtempSync(join(tmpdir(), "parallax-ui-"));
const db = join(work, "p.db");
execFileSync(bin, ["init", db], { stdio: "ignore" });
try {
  execFileSync(bin, ["ingest", "-q", "--db", db, join(src, "examples/sample-corpus")], { stdio: "ignore" });
} catch (e) {
  if (e.status !== 3) throw e;  // 3: the corpus's malformed records were quarantined, as intended
}

// The server prints its address once bound (port 0: any free port).
const server = spawn(bin, ["serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const m = out.match(/serving (http:\/\/[^/\s]+)\//);
    if (m) resolve(m[1]);
  });
  server.on("exit", (code) => reject(new Error("server exited with " + code)));
  setTimeout(() => reject(new Error("server did not start")), 20000);
});

let fails = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log("ok   " + name);
  } catch (e) {
    fails++;
    console.log("FAIL " + name + ": " + (e && e.message ? e.message.split("\n")[0] : e));
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
page.on("pageerror", (e) => consoleErrors.push(e.message));
// Waits until the app has drawn the view for a hash that contains `part` (main's data-shown
// is set only once the view's data arrived, and cleared on every navigation).
const shown = (part) => page.waitForFunction((p) => (document.getElementById("main").dataset.shown || "").includes(p), part);
// Opens a view by its hash and waits until that exact view is drawn (a same-page navigation
// otherwise leaves the previous view on the page for a moment).
const open = async (hash) => {
  await page.goto(base + "/" + hash);
  await page.waitForFunction((h) => decodeURIComponent(document.getElementById("main").dataset.shown || "") === decodeURIComponent(h), hash);
};
const shot = async (name) => { if (shots) { mkdirSync(shots, { recursive: true }); await page.screenshot({ path: join(shots, name + ".png") }); } };

await check("dashboard loads with the workspace's figures", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#results h2");
  // The figures come from their own request, which may answer after the results' one.
  await page.waitForFunction(() => (document.getElementById("stats").textContent || "").trim() !== "").catch(() => {});
  const stats = await page.textContent("#stats");
  assert(/44 articles/.test(stats), "stats: " + stats);
});

await check("search across scripts: Latin and Cyrillic queries find the same articles", async () => {
  const count = async (q) => {
    await page.fill("input[name=q]", q);
    await page.press("input[name=q]", "Enter");
    await shown("q=" + encodeURIComponent(q));
    return (await page.textContent("#results h2")).trim();
  };
  const latin = await count("Milović");
  const cyrillic = await count("Миловић");
  assert(latin === cyrillic && !latin.startsWith("0"), `${latin} vs ${cyrillic}`);
  const titles = await page.$$eval(".hits a", (as) => as.map((a) => a.textContent));
  assert(titles.some((t) => /[\u0400-\u04FF]/.test(t)) && titles.some((t) => /[ćčšžđ]/i.test(t)), "both scripts among the hits");
  assert((await page.$$(".hits mark")).length > 0, "highlighted snippets");
  await shot("search");
});

await check("facets filter the results", async () => {
  await open("#/search?q=Kina");
  const before = await page.textContent("#results h2");
  await page.click(".facets button[data-facet=country][data-value=XK]");
  await shown("country=XK");
  const after = await page.textContent("#results h2");
  assert(parseInt(after) < parseInt(before), `${after} < ${before}`);
});

await check("timeline splits by outlet tag, and tag facets filter", async () => {
  await open("#/search");
  await page.waitForSelector("#split");
  await page.selectOption("#split", "tag");
  await shown("split=tag");
  assert(/pro-government/.test(await page.textContent("#timeline .legend")), "legend by tag");
  await page.click(".facets button[data-facet=tag][data-value=independent]");
  await shown("tag=independent");
  const n = parseInt(await page.textContent("#results h2"));
  assert(n > 0 && n < 44, n + " articles");
});

await check("timeline bars open the articles of their period", async () => {
  await open("#/search");
  await page.waitForSelector("rect.bar");
  await page.locator("rect.bar").first().click();
  await page.waitForFunction(() => /from=\d{4}-\d{2}-01/.test(location.hash));
});

await check("article view: entities and quotes highlighted, hovering a quote shows speaker, role and stance", async () => {
  await open("#/search?q=" + encodeURIComponent('"pouzdan prijatelj"'));
  await page.waitForSelector(".hits a");
  await page.click(".hits a");
  await page.waitForSelector("article.text .quote");
  assert((await page.$$("article.text .ent")).length >= 3, "entity highlights");
  const quote = page.locator("article.text .quote").first();
  await quote.hover();
  await page.waitForSelector("#tip:not([hidden])");
  const tip = await page.textContent("#tip");
  assert(/Dragan Milović/.test(tip) && /Minister of Foreign Affairs/.test(tip) && /China: favourable/.test(tip), "tooltip: " + tip);
  await shot("article");
});

await check("article view: the headline's own quotation and names are highlighted", async () => {
  assert((await page.$$("h1 .ent")).length >= 1, "entity highlights in the headline");
  await page.locator("h1 .quote").first().hover();
  await page.waitForSelector("#tip:not([hidden])");
  const tip = await page.textContent("#tip");
  assert(/Dragan Milović/.test(tip) && /indirect quotation/.test(tip), "tooltip: " + tip);
});

await check("keyboard: Tab reaches a quote and shows its tooltip", async () => {
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("quote"))) break;
  }
  assert(await page.evaluate(() => document.activeElement.classList.contains("quote")), "a quote took the focus");
  assert(await page.isVisible("#tip"), "tooltip visible on focus");
});

await check("quote explorer filters by target and stance", async () => {
  await open("#/quotes?target=China&stance=critical");
  await page.waitForSelector("#list table");
  const rows = await page.$$eval("#list tbody tr", (trs) => trs.map((tr) => tr.textContent));
  assert(rows.length > 0 && rows.every((t) => /China: critical/.test(t)), rows.length + " rows");
  await shot("quotes");
});

await check("quote explorer: headlines only", async () => {
  await open("#/quotes?headlines=1");
  await page.waitForSelector("#list table");
  assert(await page.isChecked("input[name=headlines]"), "the box shows the filter");
  const rows = await page.$$eval("#list tbody tr", (trs) => trs.map((tr) => tr.textContent));
  assert(rows.length > 0 && rows.every((t) => /headline/.test(t)), rows.length + " rows");
});

await check("voices page lists speakers with stance and quotations", async () => {
  await open("#/voices?target=China");
  await page.waitForSelector(".card");
  assert((await page.$$(".card")).length >= 3, "cards");
  assert((await page.$$(".card blockquote")).length >= 3, "quotations");
  await shot("voices");
});

await check("actor–target network view draws edges", async () => {
  await open("#/network");
  await page.waitForSelector("svg.net line", { state: "attached" });
  assert((await page.$$("svg.net line")).length >= 5, "edges");
  await shot("network");
});

await check("brief builder: build and download HTML and Markdown", async () => {
  await open("#/brief");
  await page.fill("#brief input[name=targets]", "Kina");
  await page.click("#brief button[type=submit]");
  await page.waitForSelector("#dl-html");
  for (const [id, expect] of [["#dl-html", "<h1>"], ["#dl-md", "## Notes"]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(id)]);
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    const body = readFileSync(path, "utf8");
    assert(body.includes(expect) && body.includes("voices on China"), id + " content");
  }
  const frame = page.frameLocator("iframe.preview");
  await frame.locator("h1").waitFor();
  await shot("brief");
});

await check("phone width: no horizontal scrolling, Cyrillic, Albanian and Chinese text present", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open("#/search?q=" + encodeURIComponent("Kina OR Kinë OR 中国 OR Кина"));
  await page.waitForSelector(".hits a");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 1, "overflow " + overflow + "px");
  const text = await page.textContent("#results");
  assert(/[\u0400-\u04FF]/.test(text) && /[\u4E00-\u9FFF]/.test(text) && /ë/.test(text), "scripts");
  await shot("phone");
});

await check("no script errors in the console", async () => {
  assert(consoleErrors.length === 0, consoleErrors.join(" | "));
});

await browser.close();
server.kill("SIGTERM");
rmSync(work, { recursive: true, force: true });
console.log(`${fails} failed`);
process.exit(fails ? 1 : 0);
