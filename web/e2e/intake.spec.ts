import { apiGet, incidentInCover } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";

interface PolicyRow {
  id: string;
  policy_number: string;
  status: string;
  vehicle: string | null;
  start_date: string | null;
}

test.describe("bulk intake", () => {
  test("a supervisor checks a file, imports it, follows it live and finds it in the list", async ({ page }) => {
    test.setTimeout(60_000); // check, import, download, then the list again at a phone's width: three axe runs
    const policies = await apiGet<{ results: PolicyRow[] }>(page.request, "customer", "/api/policies/?page_size=100");
    const motor = policies.results.find((policy) => policy.status === "active" && policy.vehicle);
    expect(motor, "the demo customer's active motor policy").toBeDefined();
    const vehicle = await apiGet<{ registration: string }>(page.request, "customer", `/api/vehicles/${motor!.vehicle}/`);
    const reference = `E2E-${Date.now()}`;
    const csv = [
      "policy_number,registration,incident_date,description,external_reference",
      `${motor!.policy_number},${vehicle.registration},${incidentInCover(motor!, 30)},Browser test: hail on the roof.,${reference}`,
      `${motor!.policy_number},${vehicle.registration},${incidentInCover(motor!, 40)},"=cmd|' /C calc'!A0",${reference}-2`,
    ].join("\n");
    const filename = `incidents-${reference}.csv`;

    await signIn(page, "supervisor", "/intake");
    await expect(page.getByRole("heading", { name: "Bulk intake", level: 1 })).toBeVisible();
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    await page.getByLabel("Incidents file").setInputFiles({ name: filename, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByTestId("dry-run-summary")).toContainText("2 rows");
    await expect(page.getByRole("region", { name: "Dry-run results" }).getByText(/runs as a formula/)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByTestId("import-progress")).toContainText("Finished: 2 of 2 rows");
    const row = page.getByRole("row").filter({ hasText: filename });
    await expect(row).toBeVisible();
    await expect(row.getByRole("button", { name: `Download the report of ${filename}` })).toBeVisible();
    const download = page.waitForEvent("download");
    await row.getByRole("button", { name: `Download the report of ${filename}` }).click();
    expect((await download).suggestedFilename()).toMatch(/^import-.+-report\.csv$/);
    await expect(row.getByText("Finished", { exact: true }), "the status in words, not the API's code").toBeVisible();
    await expectAccessible(page);

    // On a phone: one card per import, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const card = page.getByRole("list", { name: "Past imports" }).getByRole("listitem").filter({ hasText: filename });
    await expect(card).toBeVisible();
    await expect(card.getByRole("button", { name: `Download the report of ${filename}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "Past imports" })).toBeHidden();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page, "no sideways scrolling").toBeLessThanOrEqual(widths.screen);
    await expectAccessible(page);
  });
});
