#!/usr/bin/env node
/**
 * Browser benchmark of the web application (issue 13, "Speed"): Debian's Chromium driven by
 * Playwright against a real server like the e2e one (scripts/e2e-server.sh: uvicorn, the seeded
 * demo database, the built app in web/dist), every page cold (a new browser context: no cache, no
 * session in memory; signed in through the session endpoint, so the page restores the session
 * from its cookie as after a reload).
 *
 * Prints, next to baselines measured in the same run:
 *   - time to the dashboard's figures from a cold load of `/` (navigation start -> KPI tiles shown);
 *     baselines: GET /healthz from Node, a bare page (/healthz) loaded cold in the browser, and the
 *     KPI answer alone (GET /api/dashboard/kpi/ with a token);
 *   - claim page open: `/claims/<id>` loaded cold, and opened from the dashboard in the app;
 *   - claims list filter round trip: the list's URL filter changed in the app -> the filtered rows shown;
 *   - the JS shipped for the first route: gzipped bytes of the scripts loaded for `/` until its figures
 *     show and the network is idle, then with the chart (loaded when scrolled near it), next to the
 *     sign-in page's (the shell alone).
 * Targets: dashboard figures < 1 s (p50), initial JS < 250 KB gzipped. Pages not built yet are
 * skipped with a line saying so.
 *
 *   make web && node bench/web.mjs [samples]        (default 5 cold loads per figure)
 *
 * Not a test: figures on a shared 2-core machine move from run to run; compare with the baselines.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLES = Number(process.argv[2] ?? 5);
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const PASSWORD = "insurehub-demo";
const TARGET_FIGURES_MS = 1000;
const TARGET_JS_BYTES = 250 * 1024;

function fail(message) {
  console.error(`bench/web.mjs: ${message}`);
  process.exit(2);
}

if (!existsSync(join(ROOT, "web/node_modules/playwright-core"))) fail("web/node_modules is missing: run `make web` first.");
if (!existsSync(join(ROOT, "web/dist/index.html"))) fail("web/dist is not built: run `make web` first.");
if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM).`);
const { chromium } = createRequire(join(ROOT, "web/package.json"))("playwright-core");

// --- statistics and printing ------------------------------------------------------------------
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
function row(name, samples, note = "") {
  console.log(`  ${name.padEnd(52)} p50 ${ms(median(samples))}   max ${ms(Math.max(...samples))}${note ? `   ${note}` : ""}`);
}
function skip(name, why) {
  console.log(`  ${name.padEnd(52)} SKIPPED: ${why}`);
}

// --- the server -----------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const BASE = `http://127.0.0.1:${port}`;
const server = spawn("bash", ["scripts/e2e-server.sh"], {
  cwd: ROOT,
  env: { ...process.env, E2E_PORT: String(port) },
  detached: true, // its own process group: stopped as a whole (uvicorn included) at the end
  stdio: ["ignore", "pipe", "pipe"],
});
let serverOutput = "";
server.stdout.on("data", (chunk) => (serverOutput += chunk));
server.stderr.on("data", (chunk) => (serverOutput += chunk));
const stopServer = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopServer);
process.on("SIGINT", () => process.exit(130));

console.log(`Starting the server on ${BASE} (the first run of a code version seeds the demo database: minutes)...`);
const started = Date.now();
for (;;) {
  if (server.exitCode !== null) fail(`the server stopped:\n${serverOutput.slice(-2000)}`);
  try {
    if ((await fetch(`${BASE}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  if (Date.now() - started > 900_000) fail("the server did not answer /healthz within 15 minutes");
  await new Promise((resolve) => setTimeout(resolve, 500));
}

// --- helpers ------------------------------------------------------------------------------------------
async function apiToken(who) {
  const response = await fetch(`${BASE}/api/auth/login/`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: `${who}@insurehub.test`, password: PASSWORD }),
  });
  if (!response.ok) fail(`sign-in of ${who} over the API answered ${response.status}`);
  return (await response.json()).access;
}

async function timeFetch(url, init) {
  const start = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  if (!response.ok) fail(`${url} answered ${response.status}`);
  return performance.now() - start;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: typeof process.getuid === "function" && process.getuid() === 0 ? ["--no-sandbox"] : [],
});

/** A fresh browser context (empty cache) with a session cookie, as a user who signed in earlier. */
async function signedInContext(who) {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 } });
  const csrf = await context.request.get("/api/auth/session/csrf/");
  const token =
    (await context.cookies()).find((cookie) => cookie.name === "csrftoken")?.value ?? (await csrf.json()).csrf_token;
  const signedIn = await context.request.post("/api/auth/session/", {
    data: { email: `${who}@insurehub.test`, password: PASSWORD },
    headers: { "X-CSRFToken": token, Referer: `${BASE}/login` },
  });
  if (!signedIn.ok()) fail(`browser sign-in of ${who} answered ${signedIn.status()}: ${await signedIn.text()}`);
  return context;
}

/** Scripts the page loads (as served), to be weighed once loading is over. */
function collectScripts(page) {
  const responses = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.url().startsWith(BASE)) responses.push(response);
  });
  return async () => {
    let gzipped = 0;
    let served = 0;
    const files = [];
    for (const response of responses) {
      const size = gzipSync(await response.body(), { level: 9 }).length;
      const sent = (await response.request().sizes()).responseBodySize; // as it went over the wire
      gzipped += size;
      served += sent;
      files.push([new URL(response.url()).pathname, size, sent, response.headers()["content-encoding"] ?? "identity"]);
    }
    return { gzipped, served, files };
  };
}

/**
 * Milliseconds from navigation start until `at` (run in the page each frame) returns a time: each
 * condition below answers `performance.now()` once it holds, 0 before.
 */
async function msUntil(page, at, arg, timeout = 20_000) {
  const handle = await page.waitForFunction(at, arg, { polling: "raf", timeout });
  return handle.jsonValue();
}

const figuresShownAt = () => (document.querySelector('[data-figure="open_claims"]') ? performance.now() : 0);
const claimHeadingAt = (number) =>
  [...document.querySelectorAll("h1")].some((h1) => h1.textContent?.includes(number)) ? performance.now() : 0;
const filteredRowsAt = ([selector, label]) => {
  const rows = [...document.querySelectorAll(selector)];
  const table = document.querySelector('table[aria-label="Claims"]');
  const done = rows.length > 0 && table?.getAttribute("aria-busy") !== "true" && rows.every((tr) => tr.textContent?.includes(label));
  return done ? performance.now() : 0;
};
const notFoundShown = () => [...document.querySelectorAll("h1")].some((h1) => h1.textContent === "Page not found");

// --- baselines -------------------------------------------------------------------------------------
console.log(`\n${SAMPLES} cold samples each, Chromium ${browser.version()}, demo data`);
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
console.log(`Machine: ${load()} (figures scale with it: compare with the baselines)\n`);
console.log("Baselines (same run)");
const healthz = [];
for (let i = 0; i < Math.max(SAMPLES, 10); i++) healthz.push(await timeFetch(`${BASE}/healthz`));
row("GET /healthz from Node", healthz);

const barePage = [];
for (let i = 0; i < SAMPLES; i++) {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto("/healthz", { waitUntil: "load" });
  barePage.push(await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd));
  await context.close();
}
row("bare page (/healthz) cold in the browser", barePage);

const agentToken = await apiToken("agent");
const kpiAlone = [];
for (let i = 0; i < SAMPLES; i++) {
  kpiAlone.push(await timeFetch(`${BASE}/api/dashboard/kpi/`, { headers: { Authorization: `Bearer ${agentToken}` } }));
}
row("GET /api/dashboard/kpi/ alone (agent, from Node)", kpiAlone, "cached by the API for 15 s after the first");

// --- the dashboard ------------------------------------------------------------------------------------
console.log("\nDashboard `/` (agent)");
const figures = [];
const steps = { "HTML answered": [], "scripts run (DOMContentLoaded)": [], "session restored (refresh answered)": [], "KPI answered": [] };
let js = null;
let jsWithChart = null;
for (let i = 0; i < SAMPLES; i++) {
  const context = await signedInContext("agent");
  const page = await context.newPage();
  const weigh = collectScripts(page);
  await page.goto("/", { waitUntil: "commit" });
  figures.push(await msUntil(page, figuresShownAt));
  // Where the time went: the critical path is HTML -> scripts -> session refresh -> KPI -> render.
  const timings = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0];
    const end = (part) => performance.getEntriesByType("resource").find((entry) => entry.name.includes(part))?.responseEnd ?? NaN;
    return [navigation.responseEnd, navigation.domContentLoadedEventEnd, end("/api/auth/session/refresh/"), end("/api/dashboard/kpi/")];
  });
  Object.values(steps).forEach((list, index) => list.push(timings[index]));
  if (i === 0) {
    await page.waitForLoadState("networkidle");
    js = await weigh();
    await page.getByRole("region", { name: "Filed and settled per day" }).scrollIntoViewIfNeeded();
    await page.getByRole("application", { name: /^Claims filed and settled per day/ }).waitFor();
    await page.waitForLoadState("networkidle");
    jsWithChart = await weigh();
  }
  await context.close();
}
for (const [step, values] of Object.entries(steps)) row(`  ${step}`, values);
row("cold load -> KPI figures shown", figures, `target < ${TARGET_FIGURES_MS} ms: ${median(figures) < TARGET_FIGURES_MS ? "met" : "NOT MET"}`);

// --- the claim page -----------------------------------------------------------------------------------
console.log("\nClaim page `/claims/<id>` (agent)");
{
  const list = await fetch(`${BASE}/api/claims/?page_size=1&status=under_review`, { headers: { Authorization: `Bearer ${agentToken}` } });
  const claim = (await list.json()).results?.[0];
  let built = false;
  if (claim) {
    const context = await signedInContext("agent");
    const page = await context.newPage();
    await page.goto(`/claims/${claim.id}`);
    await page.waitForFunction(() => document.querySelector("h1") !== null, null, { timeout: 20_000 });
    built = !(await page.evaluate(notFoundShown));
    await context.close();
  }
  if (!claim) skip("claim page", "the agent sees no claim under review in the demo data");
  else if (!built) skip("claim page", "/claims/:id is not built yet (it shows the not-found page)");
  else {
    const cold = [];
    const inApp = [];
    for (let i = 0; i < SAMPLES; i++) {
      const ctx = await signedInContext("agent");
      const tab = await ctx.newPage();
      await tab.goto(`/claims/${claim.id}`, { waitUntil: "commit" });
      cold.push(await msUntil(tab, claimHeadingAt, claim.claim_number));
      // In the app: from the dashboard, open a claim of "Changed last".
      await tab.goto("/");
      await msUntil(tab, figuresShownAt);
      const link = await tab.getByRole("region", { name: "Changed last" }).locator('a[href^="/claims/"]').first().elementHandle();
      const number = (await link.textContent()) ?? "";
      const start = await tab.evaluate((anchor) => {
        const now = performance.now();
        anchor.click();
        return now;
      }, link);
      inApp.push((await msUntil(tab, claimHeadingAt, number)) - start);
      await ctx.close();
    }
    row("cold load -> claim number heading shown", cold);
    row("opened from the dashboard (in the app)", inApp);
  }
}

// --- the claims list filter round trip ------------------------------------------------------------
console.log("\nClaims list `/claims` filter round trip (agent)");
{
  const context = await signedInContext("agent");
  const page = await context.newPage();
  await page.goto("/claims");
  await page.waitForFunction(() => document.querySelector("h1") !== null, null, { timeout: 20_000 });
  const built = !(await page.evaluate(notFoundShown));
  const rows = 'table[aria-label="Claims"] tbody tr[data-claim]';
  const hasRows = built && (await page.locator(rows).first().waitFor({ timeout: 15_000 }).then(() => true, () => false));
  await context.close();
  if (!built) skip("claims list", "/claims is not built yet (it shows the not-found page)");
  else if (!hasRows) skip("claims list", "no table named Claims with rows[data-claim] to measure");
  else {
    const roundTrips = [];
    // A status not asked for before each time: the list's cache cannot answer, the API must.
    const statuses = [
      ["under_review", "Under review"],
      ["assessment", "Assessment"],
      ["approved", "Approved"],
      ["settlement", "Settlement"],
      ["submitted", "Submitted"],
      ["rejected", "Rejected"],
      ["closed", "Closed"],
      ["withdrawn", "Withdrawn"],
    ];
    const ctx = await signedInContext("agent");
    const tab = await ctx.newPage();
    await tab.goto("/claims");
    await tab.locator(rows).first().waitFor();
    for (const [status, text] of statuses.slice(0, Math.max(3, Math.min(SAMPLES, statuses.length)))) {
      // The list reads its filters from the URL: change it in the app, as a filter control would.
      const start = await tab.evaluate((value) => {
        const url = new URL(window.location.href);
        url.searchParams.set("status", value);
        window.history.pushState(window.history.state, "", url);
        window.dispatchEvent(new PopStateEvent("popstate", { state: window.history.state }));
        return performance.now();
      }, status);
      const done = await msUntil(tab, filteredRowsAt, [rows, text]);
      roundTrips.push(done - start);
    }
    await ctx.close();
    row("status filter changed -> filtered rows shown", roundTrips);
  }
}

// --- JS for the first route ---------------------------------------------------------------------------
console.log("\nJavaScript for the first route: gzip -9 of each script, and the bytes as served (WhiteNoise: br/gz)");
{
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const weigh = collectScripts(page);
  await page.goto("/login");
  await page.getByLabel("Email").waitFor();
  await page.waitForLoadState("networkidle");
  const login = await weigh();
  await context.close();
  console.log(`  ${"baseline: /login (the shell and the sign-in form)".padEnd(52)} ${kb(login.gzipped)} gzip ${kb(login.served)} served`);
}
const met = js.gzipped < TARGET_JS_BYTES ? "met" : "NOT MET";
console.log(`  ${"/ until the figures show and the network is idle".padEnd(52)} ${kb(js.gzipped)} gzip ${kb(js.served)} served   target < 250 KB gzip: ${met}`);
console.log(`  ${"/ with the chart (fetched when scrolled near it)".padEnd(52)} ${kb(jsWithChart.gzipped)} gzip ${kb(jsWithChart.served)} served`);
for (const [path, size, sent, encoding] of jsWithChart.files.sort((a, b) => b[1] - a[1])) {
  const later = js.files.some(([name]) => name === path) ? "" : "  (after scrolling)";
  console.log(`      ${path.padEnd(50)} ${kb(size)} gzip ${kb(sent)} ${encoding.padEnd(8)}${later}`);
}

console.log(`\nMachine at the end: ${load()}`);
await browser.close();
stopServer();
