import type { Page } from "@playwright/test";

import { apiGet, fileClaim } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";

interface AlertRow {
  id: string;
  severity: string;
  kind: string;
  title: string;
}

const list = (page: Page) => page.getByRole("list", { name: "Alerts" });
const rows = (page: Page) => list(page).locator("li[data-alert]");

async function attributes(page: Page, selector: string, name: string): Promise<(string | null)[]> {
  return list(page)
    .locator(selector)
    .evaluateAll((elements, attribute) => elements.map((element) => element.getAttribute(attribute)), name);
}

test.describe("alerts", () => {
  test("open alerts, filtered by severity and kind in the URL, with links to their claims", async ({ page }) => {
    await signIn(page, "supervisor", "/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    await expect(rows(page).first()).toBeVisible();
    const all = await apiGet<{ count: number; results: AlertRow[] }>(page.request, "supervisor", "/api/dashboard/alerts/?status=open&page_size=50");
    await expect(page.getByText(`${all.count} open ${all.count === 1 ? "alert" : "alerts"}`)).toBeVisible();
    expect(await rows(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-alert")))).toEqual(
      all.results.map((alert) => alert.id),
    );

    await page.getByLabel("Severity").selectOption("high");
    await expect(page).toHaveURL(/\/alerts\?severity=high$/);
    await expect(list(page)).toHaveAttribute("aria-busy", "false");
    const severities = await attributes(page, "[data-severity]", "data-severity");
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(["high"]));

    await page.getByLabel("Severity").selectOption("");
    await page.getByLabel("Kind").selectOption("early_claim");
    await expect(page).toHaveURL(/\/alerts\?kind=early_claim$/);
    await expect(list(page)).toHaveAttribute("aria-busy", "false");
    const kinds = await rows(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["early_claim"]));
    await expect(rows(page).first().getByRole("link")).toHaveAttribute("href", /^\/claims\/[0-9a-f-]{36}$/);
    await expectAccessible(page);

    // A link opens the page filtered.
    await page.goto("/alerts?status=acknowledged&severity=critical");
    await expect(page.getByLabel("Status")).toHaveValue("acknowledged");
    await expect(page.getByLabel("Severity")).toHaveValue("critical");
  });

  test("a new alert appears without a reload, and is acknowledged in one click", async ({ page }) => {
    await signIn(page, "supervisor", "/alerts?kind=early_claim");
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    await expect(page.getByText(/^\d+ open alerts?$/)).toBeVisible();
    const claim = await fileClaim(page.request, "Browser test: an alert raised while the supervisor watches.");
    const row = rows(page).filter({ hasText: `${claim.claim_number}: incident soon after the policy started` });
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row.getByRole("link", { name: claim.claim_number })).toHaveAttribute("href", `/claims/${claim.id}`);
    await row.getByRole("button", { name: /^Acknowledge: / }).click();
    await expect(row).toHaveCount(0);

    await page.getByLabel("Status").selectOption("acknowledged");
    await expect(page).toHaveURL(/status=acknowledged/);
    const done = rows(page).filter({ hasText: claim.claim_number });
    await expect(done).toBeVisible();
    await expect(done).toContainText("Sam Supervisor");
    await expect(done.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("at a phone's size", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the claims list is usable and accessible", async ({ page }) => {
    await signIn(page, "supervisor", "/claims");
    await expect(page.getByRole("table", { name: "Claims" }).locator("tbody tr[data-claim]").first()).toBeVisible();
    await expect(page.getByRole("searchbox", { name: /Search claims/ })).toBeInViewport();
    await expectAccessible(page);
  });

  test("the alerts are usable and accessible", async ({ page }) => {
    await signIn(page, "supervisor", "/alerts");
    await expect(rows(page).first()).toBeVisible();
    await expect(rows(page).first().getByRole("button", { name: /^Acknowledge: / })).toBeInViewport();
    await expectAccessible(page);
  });

  test("the inbox and the bell's menu are usable and accessible", async ({ page }) => {
    await signIn(page, "supervisor", "/notifications");
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: /^Notifications, / }).click();
    await expect(page.getByRole("menuitem", { name: "See all" })).toBeInViewport();
    await expectAccessible(page);
  });
});
