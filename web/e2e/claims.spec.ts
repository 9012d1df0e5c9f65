import { readFileSync } from "node:fs";

import type { Page } from "@playwright/test";

import { apiGet, fileClaim } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";

interface ClaimRow {
  id: string;
  claim_number: string;
  status: string;
  priority: string;
}

const table = (page: Page) => page.getByRole("table", { name: "Claims" });
const dataRows = (page: Page) => table(page).locator("tbody tr[data-claim]");

async function claimNumbersShown(page: Page): Promise<string[]> {
  return dataRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-claim") ?? ""));
}

test.describe("the claims list", () => {
  test("filters by status and priority, kept in the URL, and the rows match", async ({ page }) => {
    await signIn(page, "agent", "/claims");
    await expect(dataRows(page).first()).toBeVisible();
    await page.getByRole("button", { name: /^Status: / }).click();
    await page.getByRole("menuitemcheckbox", { name: "Under review" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Assessment" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /^Priority: / }).click();
    await page.getByRole("menuitemcheckbox", { name: "Normal" }).click();
    await page.getByRole("menuitemcheckbox", { name: "High" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/claims\?status=under_review&status=assessment&priority=normal&priority=high$/);
    await expect(table(page)).toHaveAttribute("aria-busy", "false");

    const expected = await apiGet<{ results: ClaimRow[] }>(
      page.request,
      "agent",
      "/api/claims/?status=under_review&status=assessment&priority=normal&priority=high&page_size=50",
    );
    expect(expected.results.length).toBeGreaterThan(0);
    await expect(dataRows(page)).toHaveCount(expected.results.length);
    expect(await claimNumbersShown(page)).toEqual(expected.results.map((claim) => claim.claim_number));
    for (const status of await table(page).locator("tbody [data-status]").evaluateAll((els) => els.map((el) => el.getAttribute("data-status")))) {
      expect(["under_review", "assessment"]).toContain(status);
    }
    for (const priority of await table(page).locator("tbody [data-priority]").evaluateAll((els) => els.map((el) => el.getAttribute("data-priority")))) {
      expect(["normal", "high"]).toContain(priority);
    }
  });

  test("opens filtered from a link (the dashboard's), keeps it over a reload, and Back undoes a filter", async ({ page }) => {
    await signIn(page, "agent", "/claims?status=withdrawn&priority=low");
    await expect(page.getByRole("button", { name: "Status: Withdrawn" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Priority: Low" })).toBeVisible();
    await expect(table(page)).toHaveAttribute("aria-busy", "false");
    for (const status of await table(page).locator("tbody [data-status]").evaluateAll((els) => els.map((el) => el.getAttribute("data-status")))) {
      expect(status).toBe("withdrawn");
    }
    await page.reload();
    await expect(page.getByRole("button", { name: "Status: Withdrawn" })).toBeVisible();
    await page.getByRole("button", { name: /^Priority: / }).click();
    await page.getByRole("menuitemcheckbox", { name: "Low" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/claims\?status=withdrawn$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/claims\?status=withdrawn&priority=low$/);
    await expect(page.getByRole("button", { name: "Priority: Low" })).toBeVisible();
    await page.getByRole("button", { name: /More filters/ }).click();
    await expectAccessible(page);
  });

  test("search finds a claim by its number", async ({ page }) => {
    await signIn(page, "agent", "/claims?status=settled");
    await expect(dataRows(page).nth(3)).toBeVisible();
    const wanted = (await claimNumbersShown(page))[3]!;
    await page.goto("/claims");
    await page.getByRole("searchbox", { name: /Search claims/ }).fill(wanted);
    await expect(page).toHaveURL(new RegExp(`search=${wanted}`));
    await expect(dataRows(page)).toHaveCount(1);
    await expect(dataRows(page).first()).toHaveAttribute("data-claim", wanted);
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect(page).toHaveURL(/\/claims$/);
    await expect(dataRows(page)).toHaveCount(50);
  });

  test("sorts by a column on the server, both ways", async ({ page }) => {
    await signIn(page, "agent", "/claims");
    await expect(dataRows(page).first()).toBeVisible();
    const priorityHeader = page.getByRole("columnheader", { name: "Priority" });
    await priorityHeader.getByRole("button").click();
    await expect(page).toHaveURL(/ordering=-priority/);
    await expect(priorityHeader).toHaveAttribute("aria-sort", "descending");
    await expect(table(page).locator("tbody [data-priority]").first()).toHaveAttribute("data-priority", "urgent");
    await priorityHeader.getByRole("button").click();
    await expect(page).toHaveURL(/ordering=priority/);
    await expect(priorityHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(table(page).locator("tbody [data-priority]").first()).toHaveAttribute("data-priority", "low");

    await page.getByRole("columnheader", { name: "SLA due" }).getByRole("button").click();
    await expect(page).toHaveURL(/ordering=sla_due_at/);
    const expected = await apiGet<{ results: ClaimRow[] }>(page.request, "agent", "/api/claims/?ordering=sla_due_at&page_size=50");
    await expect(dataRows(page).first()).toHaveAttribute("data-claim", expected.results[0]!.claim_number);
  });

  test("pages through about 300 claims with the cursor, and back", async ({ page }) => {
    // In claim-number order: claims that tests running beside this one file go to the end. Newest
    // first, a claim filed between reading page one and asking for page two refreshed page one live
    // and pushed its last row onto page two (seen as one claim on both pages).
    await signIn(page, "agent", "/claims?ordering=claim_number");
    await expect(dataRows(page)).toHaveCount(50);
    const first = await claimNumbersShown(page);
    const pages = page.getByRole("navigation", { name: "Pages of claims" });
    await expect(pages.getByRole("button", { name: "Previous" })).toBeDisabled();
    await pages.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(dataRows(page).first()).not.toHaveAttribute("data-claim", first[0]!);
    const second = await claimNumbersShown(page);
    expect(second).toHaveLength(50);
    expect(second.filter((number) => first.includes(number))).toEqual([]);
    await pages.getByRole("button", { name: "Previous" }).click();
    await expect(dataRows(page).first()).toHaveAttribute("data-claim", first[0]!);
    expect(await claimNumbersShown(page)).toEqual(first);

    // Walk to the end with 200 a page: every claim the agent may see, each once.
    await page.getByLabel("Rows per page").selectOption("200");
    await expect(page).toHaveURL(/page_size=200/);
    await expect(dataRows(page)).toHaveCount(200);
    const seen = new Set(await claimNumbersShown(page));
    while (await pages.getByRole("button", { name: "Next" }).isEnabled()) {
      const top = (await claimNumbersShown(page))[0]!;
      await pages.getByRole("button", { name: "Next" }).click();
      await expect(dataRows(page).first()).not.toHaveAttribute("data-claim", top);
      await expect(table(page)).toHaveAttribute("aria-busy", "false");
      for (const number of await claimNumbersShown(page)) {
        expect(seen.has(number), `${number} shown twice`).toBe(false);
        seen.add(number);
      }
    }
    expect(seen.size).toBeGreaterThan(250);
  });

  // Assigns to the second demo agent: the first one's notifications are counted by live.spec.ts.
  test("bulk assign: two claims picked from different searches, the results per claim", async ({ page }) => {
    const one = await fileClaim(page.request, "Browser test: bulk assign, first claim.");
    const two = await fileClaim(page.request, "Browser test: bulk assign, second claim.");
    await signIn(page, "supervisor", "/claims");
    const search = page.getByRole("searchbox", { name: /Search claims/ });
    for (const claim of [one, two]) {
      await search.fill(claim.claim_number);
      await expect(dataRows(page)).toHaveCount(1);
      await expect(dataRows(page).first()).toHaveAttribute("data-claim", claim.claim_number);
      await page.getByRole("checkbox", { name: `Select ${claim.claim_number}` }).check();
    }
    await expect(page.getByRole("region", { name: "Selected claims" })).toContainText("2 claims selected");
    await page.getByRole("button", { name: "Bulk assign" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign 2 claims" });
    await expect(dialog).toBeVisible();
    // Nothing chosen: the form says what is missing, next to the field, and sends nothing.
    await dialog.getByRole("button", { name: "Assign" }).click();
    await expect(dialog.getByText("Choose an agent, an assessor, or both.")).toBeVisible();
    const agentPicker = dialog.getByLabel("Agent");
    await expect(agentPicker.locator("option", { hasText: "Amani Agent" })).toHaveCount(1);
    await agentPicker.selectOption((await agentPicker.locator("option", { hasText: "Amani Agent" }).getAttribute("value")));
    await dialog.getByLabel("Assessor").selectOption("auto");
    await dialog.getByLabel("Reason").fill("Browser test: spread the new claims");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Assign" }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("2 assigned");
    const results = dialog.getByRole("list", { name: "Result for each claim" }).getByRole("listitem");
    await expect(results).toHaveCount(2);
    await expect(results.filter({ hasText: one.claim_number })).toHaveAttribute("data-ok", "true");
    await expect(results.filter({ hasText: two.claim_number })).toHaveAttribute("data-ok", "true");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("region", { name: "Selected claims" })).toHaveCount(0);
    // The list shows the new assignment.
    await expect(dataRows(page).first()).toContainText("Amani Agent");
  });

  test("bulk transition: one claim moves, one is refused with the reason", async ({ page }) => {
    const fresh = await fileClaim(page.request, "Browser test: bulk transition.");
    await signIn(page, "agent", `/claims?status=withdrawn`);
    await expect(dataRows(page).first()).toBeVisible();
    const withdrawn = (await claimNumbersShown(page))[0]!;
    await page.getByRole("checkbox", { name: `Select ${withdrawn}` }).check();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/claims$/);
    await page.getByRole("searchbox", { name: /Search claims/ }).fill(fresh.claim_number);
    await expect(dataRows(page)).toHaveCount(1);
    await page.getByRole("checkbox", { name: `Select ${fresh.claim_number}` }).check();
    await page.getByRole("button", { name: "Bulk transition" }).click();
    const dialog = page.getByRole("dialog", { name: "Change status of 2 claims" });
    await dialog.getByLabel("New status").selectOption("under_review");
    await dialog.getByLabel("Reason").fill("Browser test: start the review");
    await dialog.getByRole("button", { name: "Move claims" }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("1 moved, 1 refused");
    const results = dialog.getByRole("list", { name: "Result for each claim" }).getByRole("listitem");
    await expect(results.filter({ hasText: fresh.claim_number })).toHaveAttribute("data-ok", "true");
    await expect(results.filter({ hasText: withdrawn })).toHaveAttribute("data-ok", "false");
    await dialog.getByRole("button", { name: "Done" }).click();
    // The refused claim stays selected, to act on otherwise.
    await expect(page.getByRole("region", { name: "Selected claims" })).toContainText("1 claim selected");
    await expect(table(page).locator(`tr[data-claim="${fresh.claim_number}"] [data-status]`)).toHaveAttribute(
      "data-status",
      "under_review",
    );
  });

  test("a claim filed through the API appears on the agent's open list without a reload", async ({ page }) => {
    await signIn(page, "agent", "/claims?status=submitted");
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    await expect(dataRows(page).first()).toBeVisible();
    let reloaded = false;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) reloaded = true;
    });
    const claim = await fileClaim(page.request, "Browser test: filed while the agent watches the list.");
    const started = Date.now();
    await expect(table(page).locator(`tr[data-claim="${claim.claim_number}"]`)).toBeVisible({ timeout: 5_000 });
    console.log(`claim ${claim.claim_number} shown ${Date.now() - started} ms after the API answered`);
    expect(reloaded).toBe(false);
  });

  test("exports the current filter as CSV (fetched with the session, not a token in the URL)", async ({ page }) => {
    await signIn(page, "agent", "/claims?status=withdrawn");
    await expect(dataRows(page).first()).toBeVisible();
    const exports: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/export.csv")) exports.push(request.url());
    });
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^claims-\d{8}-\d{4}\.csv$/);
    const csv = readFileSync(await download.path(), "utf-8").trim().split(/\r?\n/);
    expect(csv[0]!.split(",").slice(0, 3)).toEqual(["claim_number", "status", "priority"]);
    const expected = await apiGet<{ results: ClaimRow[] }>(page.request, "agent", "/api/claims/?status=withdrawn&page_size=200");
    expect(csv.length - 1).toBe(expected.results.length);
    for (const line of csv.slice(1)) expect(line.split(",")[1]).toBe("withdrawn");
    expect(exports).toHaveLength(1);
    expect(exports[0]).toContain("status=withdrawn");
    expect(exports[0]).not.toMatch(/token|access/i);
  });

  test("an assessor sees their claims without bulk actions or export", async ({ page }) => {
    await signIn(page, "assessor", "/claims");
    await expect(dataRows(page).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Export CSV" })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await page.getByRole("button", { name: /More filters/ }).click();
    await expect(page.getByLabel("Agent")).toHaveCount(0);
    await expectAccessible(page);
  });
});
