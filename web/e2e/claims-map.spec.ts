import type { Page } from "@playwright/test";

import { apiGet, apiPost, incidentInCover, type FiledClaim } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const map = (page: Page) => page.getByTestId("claims-map");

/** A claim of the demo customer at a place in Nairobi (the map shows only claims with one). */
async function fileClaimAt(page: Page, lat: number, lon: number): Promise<FiledClaim> {
  const policies = await apiGet<{ results: { id: string; status: string; vehicle: string | null; start_date: string | null }[] }>(
    page.request,
    "customer",
    "/api/policies/?page_size=100",
  );
  const motor = policies.results.find((policy) => policy.status === "active" && policy.vehicle)!;
  return apiPost<FiledClaim>(
    page.request,
    "customer",
    "/api/claims/",
    {
      policy: motor.id,
      vehicle: motor.vehicle,
      incident_date: incidentInCover(motor),
      description: "Hit from behind at the Haile Selassie roundabout (map e2e).",
      incident_latitude: lat.toFixed(6),
      incident_longitude: lon.toFixed(6),
    },
    { "Idempotency-Key": crypto.randomUUID() },
  );
}

async function drag(page: Page, points: [number, number][]) {
  const box = (await map(page).boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 4 });
  await page.mouse.up();
}

/** The map's box (west, south, east, north) holds the whole of Kenya (33.9 to 41.9 E, 4.7 S to 5.0 N). */
async function expectKenyaInView(page: Page) {
  await expect
    .poll(async () => {
      const [west, south, east, north] = ((await map(page).getAttribute("data-bbox")) ?? "").split(",").map(Number);
      return west! <= 33.9 && east! >= 41.9 && south! <= -4.7 && north! >= 5.0 && east! - west! < 25;
    })
    .toBe(true);
}

test.describe("the claims map", () => {
  test.describe.configure({ timeout: 90_000 }); // many steps, each drawing the map again
  test("shows the claims of the view and opens a box selection in the list", async ({ page }) => {
    const claim = await fileClaimAt(page, -1.2921, 36.8219);
    await signIn(page, "agent", "/map");
    await expect(page.getByRole("heading", { name: "Claims map" })).toBeVisible();
    await expect(page.getByTestId("map-summary")).toContainText(/claims? in view/);
    await expect(page.getByTestId("map-point").or(page.getByTestId("map-cluster")).first()).toBeVisible();
    await expectAccessible(page);

    // Zoom in with the keyboard until Nairobi's claims come one by one.
    await map(page).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("+");
    await page.getByRole("button", { name: "Back to Kenya" }).click();
    await expectKenyaInView(page);

    // A box over the whole map opens the list filtered by that box.
    await page.getByRole("button", { name: "Select a box" }).click();
    await drag(page, [
      [0.02, 0.02],
      [0.98, 0.98],
    ]);
    await expect(page).toHaveURL(/\/claims\?bbox=[-\d.,]+$/);
    await expect(page.getByTestId("area-filter")).toBeVisible();
    await expect(page.getByRole("table", { name: "Claims" }).locator(`tr[data-claim="${claim.claim_number}"]`)).toBeVisible();
  });

  test("on a phone the map fits the screen, drawn portrait, with markers a finger can hit", async ({ page }) => {
    await fileClaimAt(page, -1.2921, 36.8219);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "agent", "/map");
    await expect(page.getByTestId("map-summary")).toContainText(/claims? in view/);
    const marker = page.getByTestId("map-point").or(page.getByTestId("map-cluster")).first();
    await expect(marker).toBeVisible();
    await expectKenyaInView(page);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page, "no sideways scrolling").toBeLessThanOrEqual(widths.screen);
    const drawn = (await map(page).boundingBox())!;
    expect(drawn.height, "portrait on a phone: Kenya is taller than wide").toBeGreaterThan(drawn.width);
    const target = (await marker.boundingBox())!;
    expect(Math.min(target.width, target.height), "a marker is at least 20 px across").toBeGreaterThanOrEqual(20);
    await expectAccessible(page);
  });

  test("a lasso opens the list with the polygon, and the keyboard's 'List the claims in view' with the box", async ({ page }) => {
    await fileClaimAt(page, -1.2921, 36.8219);
    await signIn(page, "supervisor", "/map");
    await expect(page.getByTestId("map-summary")).toContainText(/claims? in view/);
    await page.getByRole("button", { name: "Lasso" }).click();
    const loop: [number, number][] = Array.from({ length: 24 }, (_, i) => [
      0.5 + 0.4 * Math.cos((2 * Math.PI * i) / 24),
      0.5 + 0.4 * Math.sin((2 * Math.PI * i) / 24),
    ]);
    await drag(page, loop);
    await expect(page).toHaveURL(/\/claims\?polygon=[-\d.,]+$/);
    await expect(page.getByTestId("area-filter")).toContainText("a lasso");
    await page.getByRole("button", { name: "Remove the area" }).click();
    await expect(page).toHaveURL(/\/claims$/);

    await page.goto("/map");
    await page.getByRole("button", { name: "List the claims in view" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/claims\?bbox=/);
  });
});
