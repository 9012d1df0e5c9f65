/**
 * Catastrophe events (issue 19): a supervisor declares an event, sees it on the dashboard, and the
 * event's page counts a claim filed inside its area live (from the event stream, no polling); bulk
 * reserve by rule for the event; and from the claims list, "Set reserve" and "Message customers".
 */
import type { APIRequestContext, Page } from "@playwright/test";

import { apiGet, apiPost, fileClaim, incidentInCover, type FiledClaim } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Far from the demo's Kisumu flood: Lodwar, 5 km.
const LAT = "3.119000";
const LON = "35.597000";

/** The demo customer files a claim whose incident happened at (LAT, LON). */
async function fileClaimAt(request: APIRequestContext, description: string): Promise<FiledClaim> {
  const policies = await apiGet<{ results: { id: string; status: string; vehicle: string | null; start_date: string | null }[] }>(
    request,
    "customer",
    "/api/policies/?page_size=100",
  );
  const motor = policies.results.find((policy) => policy.status === "active" && policy.vehicle)!;
  return apiPost<FiledClaim>(
    request,
    "customer",
    "/api/claims/",
    {
      policy: motor.id,
      vehicle: motor.vehicle,
      incident_date: incidentInCover(motor),
      incident_latitude: LAT,
      incident_longitude: LON,
      description,
    },
    { "Idempotency-Key": crypto.randomUUID() },
  );
}

/** A datetime-local value (the browser's zone is UTC in these runs) for the start of yesterday. */
function yesterday(): string {
  const day = new Date(Date.now() - 86_400_000);
  return `${day.toISOString().slice(0, 10)}T00:00`;
}

const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);

test.describe("catastrophe events", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("declare an event, see it on the dashboard, its page counts a claim filed in the area live", async ({ page }) => {
    test.setTimeout(120_000); // a whole journey: declare, file, reserve, dashboard, close
    const name = `Lodwar flash flood ${Date.now()}`;
    await signIn(page, "supervisor", "/events");
    await expect(page.getByRole("heading", { name: "Catastrophe events" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Declare event" }).click();
    const dialog = page.getByRole("dialog", { name: "Declare a catastrophe event" });
    await dialog.getByRole("button", { name: "Declare event" }).click();
    await expect(dialog.getByText("Name the event, e.g. Kisumu floods.")).toBeVisible();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Peril").selectOption("flood");
    await dialog.getByLabel("Centre latitude").fill(LAT);
    await dialog.getByLabel("Centre longitude").fill(LON);
    await dialog.getByLabel("Radius (km)").fill("5");
    await dialog.getByLabel("Started").fill(yesterday());
    await dialog.getByLabel("SLA hours (optional)").fill("48");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Declare event" }).click();

    await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(kpi(page, "claims")).toHaveText("0");
    await expect(page.getByRole("link", { name: "Its claims" })).toHaveAttribute("href", /\/claims\?catastrophe=/);
    await expectAccessible(page);

    // A customer files a claim inside the area: the page counts it from the event stream.
    const claim = await fileClaimAt(page.request, "Browser test: flooded at Lodwar.");
    await expect(kpi(page, "claims")).toHaveText("1");
    await expect(kpi(page, "open")).toHaveText("1");

    // Reserve by rule for the event's open claims.
    await page.getByRole("button", { name: "Reserve by rule" }).click();
    const reserve = page.getByRole("dialog", { name: `Set reserves for ${name}` });
    await reserve.getByText("The same amount on every claim").click();
    await reserve.getByLabel("Amount (KES)").fill("15000");
    await reserve.getByLabel("Reason").fill("Browser test: flood reserve");
    await reserve.getByRole("button", { name: "Set reserves" }).click();
    await expect(reserve.getByTestId("bulk-summary")).toHaveText("1 set");
    await expect(reserve.getByRole("listitem").filter({ hasText: claim.claim_number })).toHaveAttribute("data-outcome", "ok");
    await reserve.getByRole("button", { name: "Done" }).click();
    await expect(kpi(page, "reserves")).toHaveText("KES 15,000.00");

    // The dashboard lists it among the open events.
    await page.goto("/");
    const card = page.getByRole("region", { name: "Open catastrophe events" });
    await expect(card.getByRole("link", { name })).toBeVisible();
    await expectAccessible(page);

    // Closed: no longer open.
    await card.getByRole("link", { name }).click();
    page.once("dialog", (confirm) => void confirm.accept());
    await page.getByRole("button", { name: "Close event" }).click();
    await expect(page.getByTestId("event-status")).toHaveText("Closed");
  });
});

test.describe("bulk reserve and message from the claims list", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.describe.configure({ timeout: 90_000 }); // two dialogs, each a round of per-claim writes

  test("set a reserve by rule and message the customer of a selected claim", async ({ page }) => {
    const claim = await fileClaim(page.request, "Browser test: bulk reserve and message.");
    await signIn(page, "agent", "/claims");
    await page.getByRole("searchbox", { name: /Search claims/ }).fill(claim.claim_number);
    await page.getByRole("checkbox", { name: `Select ${claim.claim_number}` }).check();

    await page.getByRole("button", { name: "Set reserve" }).click();
    const reserve = page.getByRole("dialog", { name: "Set reserve on 1 claim" });
    await reserve.getByLabel("Cost type").selectOption("expenses");
    await reserve.getByText("The same amount on every claim").click();
    await reserve.getByLabel("Amount (KES)").fill("2500");
    await reserve.getByLabel("Reason").fill("Browser test: towing");
    await expectAccessible(page);
    await reserve.getByRole("button", { name: "Set reserves" }).click();
    await expect(reserve.getByTestId("bulk-summary")).toHaveText("1 set");
    await reserve.getByRole("button", { name: "Done" }).click();

    await page.getByRole("checkbox", { name: `Select ${claim.claim_number}` }).check();
    await page.getByRole("button", { name: "Message customers" }).click();
    const message = page.getByRole("dialog", { name: "Message 1 customer" });
    await message.getByRole("button", { name: "Send messages" }).click();
    await expect(message.getByText("Write the message.")).toBeVisible();
    await message.getByLabel("Subject", { exact: true }).fill("Your claim");
    await message.getByLabel("Message", { exact: true }).fill("Browser test: an assessor will call you.");
    await expectAccessible(page);
    await message.getByRole("button", { name: "Send messages" }).click();
    await expect(message.getByTestId("bulk-summary")).toHaveText("1 sent");
    await message.getByRole("button", { name: "Done" }).click();

    const reserves = await apiGet<{ cost_type: string; amount: string }[]>(page.request, "agent", `/api/claims/${claim.id}/reserves/`);
    expect(reserves.find((row) => row.cost_type === "expenses")?.amount).toBe("2500.00");
  });
});

test.describe("the event pages on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the list is one card per event and the event's page fits the screen, with no sideways scrolling", async ({ page }) => {
    const fitsTheScreen = async () => {
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
      expect(widths.page, "no sideways scrolling").toBeLessThanOrEqual(widths.screen);
    };
    await signIn(page, "supervisor", "/events");
    await expect(page.getByRole("heading", { name: "Catastrophe events" })).toBeVisible();
    const cards = page.getByRole("list", { name: "Catastrophe events" });
    await expect(cards.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Catastrophe events" })).toBeHidden();
    await fitsTheScreen();
    await expectAccessible(page);

    await cards.getByRole("listitem").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
    await expect(kpi(page, "claims")).toBeVisible();
    await expect(page.getByRole("img", { name: "Claims filed per day" }).or(page.getByText("No claims filed yet."))).toBeVisible();
    await fitsTheScreen();
    await expectAccessible(page);
    await page.getByRole("link", { name: "All events" }).click();
    await expect(page).toHaveURL(/\/events$/);
  });

  test("an unknown event says so, with the way back", async ({ page, pageGuard }) => {
    pageGuard.allowConsoleError(/status of 404/);
    await signIn(page, "supervisor", "/events/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Event not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "All events" })).toHaveAttribute("href", "/events");
    await expectAccessible(page);
  });
});
