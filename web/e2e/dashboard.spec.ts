/**
 * The dashboard at `/`: every figure on the page equals the API's answer for the same session and
 * range; figures lead to the claims list they count; alerts are acknowledged; admins switch
 * departments; a claim filed elsewhere shows without a reload; the page is accessible and fits a phone.
 *
 * Other specs change the shared demo data while these run (they file, move and assign claims), so
 * comparisons with the API retry until the page and a fresh answer agree (`toPass`).
 */
import type { APIRequestContext, Page, Request } from "@playwright/test";

import { incidentInCover } from "./api-helpers";
import { DEMO_PASSWORD, DEMO_USERS, expect, expectAccessible, signIn, test, type DemoUser } from "./fixtures";

type Json = Record<string, unknown>;

/** The answers the page's figures come from. */
const SOURCES = {
  kpi: "/api/dashboard/kpi/",
  claims: "/api/dashboard/claims/",
  alerts: "/api/dashboard/alerts/summary/",
  assessments: "/api/dashboard/assessments/",
} as const;

/** Where a `data-figure` path is read: `aging.0-7` from the claims overview, `alerts.by_severity.high` from the alert summary... */
function sourceOf(field: string): [keyof typeof SOURCES, string[]] {
  const path = field.split(".");
  if (path[0] === "aging") return ["claims", path];
  if (path[0] === "alerts") return ["alerts", path.slice(1)];
  if (path[0] === "assessments_overview") return ["assessments", path.slice(1)];
  return ["kpi", path];
}

// Written here, independently of the app's formatting code: what a person should read for each value.
const COUNT = new Intl.NumberFormat("en-GB");
function expected(format: string, value: unknown, currency: string): string {
  if (value === null || value === undefined) return "—";
  switch (format) {
    case "money": {
      const [whole = "0", cents = "00"] = (value as string).split(".");
      return `${currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents.padEnd(2, "0")}`;
    }
    case "rate":
      return `${Number(((value as number) * 100).toFixed(2))}%`;
    case "days":
      return `${COUNT.format(value as number)} ${value === 1 ? "day" : "days"}`;
    default:
      return COUNT.format(value as number);
  }
}

/** The value at `path`; a count missing from a dictionary of counts (`claims_by_priority`) is 0, as the page shows it. */
function lookup(body: unknown, path: string[], format: string): unknown {
  let value = body;
  for (const key of path) value = (value as Json | undefined)?.[key];
  return value === undefined && format === "count" && path.length > 1 ? 0 : value;
}

/** The session's access token, as the app sends it (it lives in the page's memory only). */
async function authorizationOf(page: Page): Promise<string> {
  const request: Request = await page.waitForRequest((r) => r.url().includes("/api/dashboard/") && !!r.headers().authorization);
  return request.headers().authorization!;
}

/** The last query the page sent the dashboard API (from, to, department). */
const lastKpiUrl = new WeakMap<Page, URL>();
function watchKpiRequests(page: Page) {
  page.on("request", (request) => {
    if (request.url().includes("/api/dashboard/kpi/")) lastKpiUrl.set(page, new URL(request.url()));
  });
}

function dashboardQuery(page: Page): URLSearchParams {
  const url = lastKpiUrl.get(page);
  if (!url) throw new Error("the page has not asked for its figures yet");
  return url.searchParams;
}

/**
 * Every `[data-figure]` on the page equals the value the API gives now, fetched in the test with
 * the page's own token and query. Returns how many figures were compared.
 */
async function expectFiguresEqualTheApi(page: Page, request: APIRequestContext, authorization: string): Promise<number> {
  let compared = 0;
  await expect(async () => {
    const query = dashboardQuery(page);
    const headers = { Authorization: authorization };
    const answers: Record<string, unknown> = {};
    for (const [key, path] of Object.entries(SOURCES)) {
      const department = query.get("department");
      const url = key === "alerts" ? `${path}${department ? `?department=${department}` : ""}` : `${path}?${query.toString()}`;
      const response = await request.get(url, { headers });
      expect(response.status(), url).toBe(200);
      answers[key] = await response.json();
    }
    const currency = (answers.kpi as { currency: string }).currency;
    const shown = await page.locator("[data-figure]").evaluateAll((elements) =>
      elements.map((element) => ({
        field: element.getAttribute("data-figure")!,
        format: element.getAttribute("data-format")!,
        text: element.textContent ?? "",
      })),
    );
    expect(shown.length, "figures on the page").toBeGreaterThan(0);
    const mismatches = [];
    for (const { field, format, text } of shown) {
      const [source, path] = sourceOf(field);
      const want = expected(format, lookup(answers[source], path, format), currency);
      if (text !== want) mismatches.push({ field, shown: text, api: want });
    }
    expect(mismatches, "figures that differ from the API's").toEqual([]);
    compared = shown.length;
  }).toPass({ timeout: 15_000, intervals: [250, 500, 1_000] });
  return compared;
}

async function openDashboard(page: Page, who: DemoUser, path = "/"): Promise<string> {
  watchKpiRequests(page);
  const authorization = authorizationOf(page);
  await signIn(page, who, path === "/" ? undefined : path);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.locator('[data-figure="open_claims"]')).toBeVisible();
  return authorization;
}

async function apiToken(request: APIRequestContext, who: DemoUser): Promise<string> {
  const response = await request.post("/api/auth/login/", { data: { email: DEMO_USERS[who], password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access: string }).access;
}

test.describe("the dashboard", () => {
  test("an agent sees every figure equal to the API's answer for their session", async ({ page, request }) => {
    const authorization = await openDashboard(page, "agent");
    await expect(page.getByText("Motor department ·")).toBeVisible();
    await expect(page.getByLabel("Department")).toHaveCount(0); // agents see their own department only
    for (const tile of ["Open claims", "New claims", "SLA breaches", "Estimated exposure", "Open reserves", "Settled this month"]) {
      await expect(page.getByRole("group", { name: tile })).toBeVisible();
    }
    for (const tile of ["Claims filed", "Claims settled", "Cycle time", "Approval rate"]) {
      await expect(page.getByRole("group", { name: tile })).toBeVisible();
    }
    await expect(page.locator('[data-figure^="aging."]')).toHaveCount(4);
    await expect(page.locator('[data-figure^="alerts."]')).toHaveCount(4);
    const compared = await expectFiguresEqualTheApi(page, request, authorization);
    expect(compared).toBeGreaterThanOrEqual(25);
    await expect(page.getByTestId("figures-as-of")).toContainText(/Figures as of \d\d:\d\d:\d\d/);
  });

  test("a range preset and a fixed range go to the URL, and the figures follow them", async ({ page, request }) => {
    const authorization = await openDashboard(page, "supervisor");
    await page.getByRole("button", { name: "7 days" }).click();
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("Compared with the previous 7 days.")).toBeVisible();
    await expectFiguresEqualTheApi(page, request, authorization);

    await page.getByLabel("From").fill("2026-01-01");
    await page.getByLabel("To").fill("2026-03-31");
    await expect(page).toHaveURL(/from=2026-01-01&to=2026-03-31/);
    await expect(page.getByText("Compared with the previous 90 days.")).toBeVisible();
    await expectFiguresEqualTheApi(page, request, authorization);

    // A range the API would refuse stays in the form with its reason; the figures keep the last good one.
    await page.getByLabel("From").fill("2024-01-01");
    await expect(page.getByText("A range may span at most 366 days.")).toBeVisible();
    await expect(page).toHaveURL(/from=2026-01-01&to=2026-03-31/);

    await page.reload(); // the range survives a reload: it is in the URL
    await expect(page.getByLabel("From")).toHaveValue("2026-01-01");
  });

  test("a status x priority cell opens the claims list filtered to it", async ({ page }) => {
    await openDashboard(page, "agent");
    const matrix = page.getByRole("table", { name: /Claims by status and priority/ });
    const cell = matrix.getByRole("link").first();
    const [status, priority] = (await cell.getAttribute("data-cell"))!.split(".");
    const count = (await cell.textContent())!;
    await expect(cell).toHaveAccessibleName(new RegExp(`^${count} .+ claims of ${priority} priority$`));
    await cell.click();
    await expect(page).toHaveURL((url) => url.pathname === "/claims");
    const params = new URL(page.url()).searchParams;
    expect(params.get("status")).toBe(status);
    expect(params.get("priority")).toBe(priority);
    expect(params.get("department")).toBe("motor"); // the dashboard counted the agent's department
  });

  test("an alert is acknowledged and leaves the list", async ({ page, request }) => {
    const authorization = await openDashboard(page, "supervisor");
    const rows = page.getByRole("list", { name: "Open alerts, most severe first" }).getByRole("listitem");
    await expect(rows.first()).toBeVisible();
    // The last one shown: the alerts page's own tests work from the top of the same list.
    const row = rows.last();
    const id = (await row.getAttribute("data-alert"))!;
    await row.getByRole("button", { name: /^Acknowledge: / }).click();
    await expect(page.locator(`[data-alert="${id}"]`)).toHaveCount(0);

    const acknowledged = await request.get(`/api/dashboard/alerts/?status=acknowledged&page_size=200`, {
      headers: { Authorization: authorization },
    });
    const ids = ((await acknowledged.json()) as { results: { id: string }[] }).results.map((alert) => alert.id);
    expect(ids).toContain(id);
    await expectFiguresEqualTheApi(page, request, authorization); // the counts per severity too
    await page.reload();
    await expect(page.locator('[data-figure="open_claims"]')).toBeVisible();
    await expect(page.locator(`[data-alert="${id}"]`)).toHaveCount(0);
  });

  test("an admin switches department, kept in the URL", async ({ page, request }) => {
    const authorization = await openDashboard(page, "admin");
    await expect(page.getByText("All departments ·")).toBeVisible();
    const allOpen = await page.locator('[data-figure="open_claims"]').textContent();
    await page.getByLabel("Department").selectOption({ label: "Health" });
    await expect(page).toHaveURL(/[?&]department=health/);
    await expect(page.getByText("Health department ·")).toBeVisible();
    await expect.poll(() => lastKpiUrl.get(page)?.searchParams.get("department")).toBe("health");
    await expectFiguresEqualTheApi(page, request, authorization);
    const healthOpen = await page.locator('[data-figure="open_claims"]').textContent();
    expect(Number(healthOpen!.replace(/,/g, ""))).toBeLessThan(Number(allOpen!.replace(/,/g, "")));
    // The matrix links keep the department.
    const cell = page.getByRole("table", { name: /Claims by status and priority/ }).getByRole("link").first();
    if ((await cell.count()) > 0) await expect(cell).toHaveAttribute("href", /department=health/);

    await page.getByLabel("Department").selectOption({ label: "All departments" });
    await expect(page).not.toHaveURL(/department=/);
    await expect(page.getByText("All departments ·")).toBeVisible();
  });

  test("an assessor gets their own figures, equal to the API's", async ({ page, request }) => {
    const authorization = await openDashboard(page, "assessor");
    await expect(page.getByRole("heading", { name: "Your claims" })).toBeVisible();
    await expect(page.getByText("The claims assigned to you ·")).toBeVisible();
    await expect(page.locator("[data-change]")).toHaveCount(0); // the API gives assessors no previous period
    await expectFiguresEqualTheApi(page, request, authorization);
  });

  test("a claim filed through the API shows on the open dashboard without a reload", async ({ page, request }) => {
    const authorization = await openDashboard(page, "agent");
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    const today = page.locator('[data-figure="new_claims.today"]');
    const before = Number((await today.textContent())!.replace(/,/g, ""));

    const headers = { Authorization: `Bearer ${await apiToken(request, "customer")}` };
    const policies = await request.get("/api/policies/?page_size=100", { headers });
    const motor = ((await policies.json()) as { results: { id: string; status: string; vehicle: string | null; start_date: string | null }[] }).results.find(
      (policy) => policy.status === "active" && policy.vehicle,
    );
    expect(motor, "the demo customer's active motor policy").toBeDefined();
    const filed = await request.post("/api/claims/", {
      headers,
      data: {
        policy: motor!.id,
        vehicle: motor!.vehicle,
        incident_date: incidentInCover(motor!, 10),
        description: "Dashboard browser test: a scrape in the car park.",
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);

    // The API caches figures for 15 s, but a change starts fresh ones: the event's refetch sees it.
    await expect.poll(async () => Number((await today.textContent())!.replace(/,/g, "")), { timeout: 5_000 }).toBeGreaterThan(before);
    await expectFiguresEqualTheApi(page, request, authorization);
  });

  test("the page passes axe, chart and all", async ({ page }) => {
    await openDashboard(page, "agent");
    const chart = page.getByRole("region", { name: "Filed and settled per day" });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.getByRole("application", { name: /^Claims filed and settled per day/ })).toBeVisible();
    await expect(chart.getByRole("table", { name: /Claims filed and settled per day/ })).toHaveCount(1);
    await expectAccessible(page);
  });

  test("on a phone the navigation folds behind Menu and opens with every page in view", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDashboard(page, "agent");
    const menu = page.getByRole("button", { name: "Menu", exact: true });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const name of ["Dashboard", "Claims", "Map", "Assessments", "Alerts", "Events", "Notifications"]) {
      await expect(nav.getByRole("link", { name })).toBeInViewport({ ratio: 1 });
    }
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Claims" }).click();
    await expect(page).toHaveURL(/\/claims$/);
    await expect(nav).toBeHidden(); // a choice closes the menu
  });

  test("on a phone it fits the screen, with no sideways scrolling", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDashboard(page, "agent");
    const chart = page.getByRole("region", { name: "Filed and settled per day" });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.getByRole("application", { name: /^Claims filed and settled per day/ })).toBeVisible();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    const path = testInfo.outputPath("dashboard-390x844.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("dashboard on a phone", { path, contentType: "image/png" });
    await expectAccessible(page);
  });
});
