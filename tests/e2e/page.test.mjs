// End-to-end test of the web page in a real browser: headless Chromium
// (Debian's package) driven by playwright-core. It stores the project's
// example articles (and the seed article when ../shared is there), starts
// `dateline serve`, searches "Kalbajar", checks the timeline and the map,
// shows that article text with markup never runs, and saves screenshots.
//
// Run from the repository root after `cargo build --release`:
//   node tests/e2e/page.test.mjs
import { chromium } from "playwright-core";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(root, "target/release/dateline");
const out = path.join(root, "target/e2e");
mkdirSync(out, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), "dateline-e2e-"));
const db = path.join(work, "e2e.db");
const port = 18600 + (process.pid % 300);
const base = `http://127.0.0.1:${port}`;

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name} ${detail}`);
  }
}

// An article written for this test: its text carries markup that must be
// shown as text, never run.
const hostile = path.join(work, "hostile.jsonl");
writeFileSync(hostile, JSON.stringify({
  id: "hostile",
  date: "2020-11-27",
  title: "<img src=x onerror=\"window.__pwned='img'\">",
  text: "<script>window.__pwned='script'</script> Kalbajar residents <b>protested</b> on Thursday.",
}) + "\n");

const inputs = [path.join(root, "examples"), hostile];
const seed = path.resolve(root, "../shared/examples/kalbajar.txt");
if (existsSync(seed)) inputs.push(seed);
// With --inferred: events with no date of their own are stored too, dated
// from their stories, and drawn apart.
execFileSync(bin, ["ingest", "--inferred", "--db", db, ...inputs], { cwd: root, stdio: "inherit" });

const server = spawn(bin, ["serve", "--db", db, "--addr", `127.0.0.1:${port}`], { cwd: root, stdio: "inherit" });
let browser;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/openapi.json`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("dialog", async (d) => { problems.push("dialog: " + d.message()); await d.dismiss(); });

  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  check("the page loads with the world map", (await page.locator("#map path.country").count()) > 100);

  await page.fill("#q", "Kalbajar");
  await page.click("#apply");
  await page.waitForSelector('#timeline .event[data-date="2020-11-25"]', { timeout: 10000 }).catch(() => {});
  const dates = await page.locator("#timeline .event").evaluateAll((nodes) => nodes.map((n) => n.dataset.date));
  check("searching Kalbajar shows 2020-11-25", dates.includes("2020-11-25"), JSON.stringify(dates));
  if (existsSync(seed)) check("and 2020-12-01", dates.includes("2020-12-01"), JSON.stringify(dates));
  const keyDates = await page.locator("#keydates li").evaluateAll((nodes) => nodes.map((n) => n.dataset.date));
  check("the key dates of Kalbajar's story include 2020-11-25", keyDates.includes("2020-11-25"), JSON.stringify(keyDates));
  const headline = await page.locator('#keydates li[data-date="2020-11-25"] .headline').first().textContent().catch(() => "");
  check("each key date reads as a headline from its sources", headline.length > 20, headline);
  check("marks are labelled where there is room", (await page.locator("#timeline text.label").count()) > 0);
  await page.selectOption("#chart-view", "key");
  const keyMarks = await page.locator("#timeline .keydate").count();
  check("the chart can show the key dates alone", keyMarks === keyDates.length && keyMarks > 0, `${keyMarks} ${keyDates.length}`);
  await page.screenshot({ path: path.join(out, "keydates.png"), fullPage: true });
  await page.selectOption("#chart-view", "all");
  await page.waitForSelector("#map circle.place", { timeout: 10000 }).catch(() => {});
  check("a point on the map", (await page.locator("#map circle.place").count()) > 0);

  // Marks of one day may overlap: the click goes to the mark itself.
  await page.locator('#timeline .event[data-date="2020-11-25"]:not(.inferred)').first().dispatchEvent("click");
  const sources = await page.locator("#sources .source").count();
  const marked = await page.locator("#sources mark").count();
  check("an event shows its sources with the date phrase marked", sources > 0 && marked > 0, `${sources} ${marked}`);
  await page.screenshot({ path: path.join(out, "kalbajar.png"), fullPage: true });
  const inferred = page.locator("#timeline .event.inferred");
  if (existsSync(seed)) {
    const dashed = (await inferred.count()) > 0
      ? await inferred.first().evaluate((n) => getComputedStyle(n).strokeDasharray)
      : "none";
    check("an inferred date is drawn with a dashed outline", dashed !== "none" && dashed !== "", dashed);
    if ((await inferred.count()) > 0) {
      // It may lie under a told event of the same day.
      await inferred.first().dispatchEvent("click");
      const said = await page.locator("#sources").textContent();
      check("and its panel says the date is inferred", said.includes("Date inferred"), said);
    }
  }

  // The entity view: entities followed by name (or alias) get a row each
  // on one time axis, and a mark shows its sources.
  const entities = await (await fetch(`${base}/api/entities?limit=50`)).json();
  const aliased = entities.find((e) => (e.aliases || []).length);
  const names = [...new Set([aliased && aliased.aliases[0], ...entities.map((e) => e.name)].filter(Boolean))];
  check("the entity box offers the store's names and aliases",
    (await page.locator("#entity-names option").count()) >= entities.length);
  for (const name of names.slice(0, 12)) {
    if ((await page.locator("#swimlanes .lane").count()) >= 2) break;
    await page.fill("#entity-pick", name);
    await page.click('#entity-form button[type="submit"]');
    await page.waitForTimeout(300);
  }
  const lanes = await page.locator("#swimlanes .lane").evaluateAll((nodes) =>
    nodes.map((n) => [n.dataset.entity, n.querySelectorAll(".event").length]));
  check("two entities side by side, each with its events", lanes.length === 2 && lanes.every(([, n]) => n > 0), JSON.stringify(lanes));
  if (aliased) {
    check("an entity followed by an alias is shown under its own name, once",
      lanes.filter(([name]) => name === aliased.name).length === 1, JSON.stringify(lanes));
  }
  if (lanes.length) {
    await page.locator("#swimlanes .lane .event").first().dispatchEvent("click");
    check("a mark of a row shows its sources", (await page.locator("#sources .source").count()) > 0);
  }
  await page.screenshot({ path: path.join(out, "entities.png"), fullPage: true });

  // The hostile article: its markup is text on the page, and nothing ran.
  await page.fill("#q", "protested");
  await page.click("#apply");
  await page.waitForSelector("#timeline .event", { timeout: 10000 }).catch(() => {});
  const shown = await page.locator("#timeline .event").count();
  if (shown > 0) await page.locator("#timeline .event").first().click();
  const text = await page.locator("#sources").textContent();
  check("markup in an article is shown as text", shown > 0 && text.includes("<script>"), text);
  const pwned = await page.evaluate(() => window.__pwned);
  check("markup in an article never runs", pwned === undefined && problems.length === 0, `${pwned} ${problems}`);
  const header = (await fetch(`${base}/`)).headers.get("content-security-policy") || "";
  check("the page is served with a Content-Security-Policy", header.includes("script-src 'self'"));
  await page.screenshot({ path: path.join(out, "hostile.png"), fullPage: true });
} catch (e) {
  failed += 1;
  console.log("FAIL " + (e && e.stack || e));
} finally {
  if (browser) await browser.close();
  server.kill();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
