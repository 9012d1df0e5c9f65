/**
 * The assessor's day in the browser: open an assessment of a claim in `assessment` status, fill
 * its sections, upload two photos, write an estimate, compare it with a garage's quote, accept one
 * and complete, with what blocks completion named before the click. The assessment is made through
 * the API for this test (the demo's own in-progress assessment stays as it is for other tests).
 */
import type { APIRequestContext, Page } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_USERS, expect, expectAccessible, signIn, test, type DemoUser } from "./fixtures";

async function token(request: APIRequestContext, who: DemoUser): Promise<{ headers: Record<string, string>; id: string }> {
  const response = await request.post("/api/auth/login/", { data: { email: DEMO_USERS[who], password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access: string; user: { id: string } };
  return { headers: { Authorization: `Bearer ${body.access}` }, id: body.user.id };
}

interface Made {
  assessmentId: string;
  claimNumber: string;
}

/** A claim in `assessment` status without an assessment, given to the demo assessor, with a new assessment. */
async function assessmentForTheAssessor(request: APIRequestContext): Promise<Made> {
  const supervisor = await token(request, "supervisor");
  const assessor = await token(request, "assessor");
  const list = await request.get("/api/claims/?status=assessment&page_size=100", { headers: supervisor.headers });
  expect(list.status()).toBe(200);
  const claims = ((await list.json()) as { results: { id: string; claim_number: string }[] }).results;
  for (const claim of claims) {
    const existing = await request.get(`/api/claims/${claim.id}/assessment/`, { headers: supervisor.headers });
    if (existing.status() !== 404) continue;
    const assigned = await request.post(`/api/claims/${claim.id}/assign/`, {
      headers: supervisor.headers,
      data: { assessor: assessor.id, reason: "Browser test: assessment workspace" },
    });
    if (assigned.status() !== 200) continue; // e.g. a priority above the demo assessor's certification
    const created = await request.post("/api/assessments/", {
      headers: supervisor.headers,
      data: { claim: claim.id, assessor: assessor.id, notes: "Browser test" },
    });
    expect(created.status(), await created.text()).toBe(201);
    return { assessmentId: ((await created.json()) as { id: string }).id, claimNumber: claim.claim_number };
  }
  throw new Error("No claim in assessment status without an assessment in the demo data");
}

/** A small JPEG drawn in the page (random panels, so no two runs upload the same picture). */
async function jpeg(page: Page, seed: number): Promise<Buffer> {
  const dataUrl = await page.evaluate((s) => {
    const canvas = document.createElement("canvas");
    canvas.width = 320;
    canvas.height = 240;
    const context = canvas.getContext("2d")!;
    let state = s * 9301 + Date.now();
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    context.fillStyle = "#c8c8cd";
    context.fillRect(0, 0, 320, 240);
    for (let i = 0; i < 12; i++) {
      context.fillStyle = `rgb(${Math.floor(random() * 256)},${Math.floor(random() * 256)},${Math.floor(random() * 256)})`;
      context.fillRect(random() * 300, random() * 220, 20 + random() * 150, 20 + random() * 100);
    }
    return canvas.toDataURL("image/jpeg", 0.9);
  }, seed);
  return Buffer.from(dataUrl.split(",")[1]!, "base64");
}

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? "test-results/screens";

test("an assessor fills the sections, uploads photos, compares two estimates and completes", async ({ page, request }) => {
  test.setTimeout(120_000);
  const made = await assessmentForTheAssessor(request);
  await signIn(page, "assessor", "/assessments");

  // The list: the new assessment is there, open, with its claim number.
  await expect(page.getByRole("heading", { name: "Assessments", level: 1 })).toBeVisible();
  const row = page.locator(`tr[data-assessment="${made.assessmentId}"]`); // desktop: a table row
  await expect(row).toContainText(made.claimNumber);
  await expect(row).toContainText("Scheduled");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENSHOTS}/assessments-desktop.png`, fullPage: true });
  await row.getByRole("link", { name: `Open the assessment of ${made.claimNumber}` }).click();

  // The workspace: what blocks completion is named before anything is done.
  await expect(page.getByRole("heading", { name: `Assessment of ${made.claimNumber}` })).toBeVisible();
  const completion = page.locator("[data-completion]");
  await expect(completion).toContainText("8 sections are still open");
  await expect(completion).toContainText("No estimate is accepted yet");
  await expect(page.getByRole("button", { name: "Complete the assessment" })).toBeDisabled();
  await expectAccessible(page);

  // Exterior: a finding from the schema-generated form; completing without a severity is refused in words.
  const exterior = page.locator('[data-section="exterior"]');
  await exterior.getByRole("button", { name: "Add item" }).click();
  await exterior.getByRole("button", { name: "Mark complete" }).click();
  await expect(exterior.getByLabel(/^Component/)).toHaveAccessibleDescription("Required.");
  await expect(exterior.getByText("Give the section's severity before completing it.")).toBeVisible();
  await exterior.getByLabel(/^Component/).selectOption("rear_bumper");
  await exterior.getByLabel(/^Condition/).selectOption("damaged");
  await exterior.getByRole("checkbox", { name: "Crack" }).check();
  await exterior.getByLabel(/^Action/).selectOption("replace");
  await exterior.getByLabel("Paint mismatch").selectOption("no");
  await exterior.getByLabel("Severity").selectOption("3");
  await expect(completion).toContainText("Save your changes to Exterior first");
  await page.screenshot({ path: `${SCREENSHOTS}/assessment-sections-desktop.png`, fullPage: true });
  await exterior.getByRole("button", { name: "Save and mark complete" }).click();
  await expect(exterior.getByText("Exterior saved and marked complete.")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Overall completion" })).toHaveAttribute("aria-valuenow", "12");

  // The other seven: a severity each (mechanical with an odometer reading out of range first).
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const [label, kind] of [
    ["Interior", "interior"],
    ["Mechanical", "mechanical"],
    ["Electrical", "electrical"],
    ["Structural", "structural"],
    ["Glass", "glass"],
    ["Tyres and wheels", "tyres_and_wheels"],
    ["Safety systems", "safety_systems"],
  ] as const) {
    await nav.getByRole("button", { name: new RegExp(`^${label}`) }).click();
    const form = page.locator(`[data-section="${kind}"]`);
    if (kind === "mechanical") {
      await form.getByLabel("Odometer (km)").fill("-5");
      await form.getByRole("button", { name: "Save and mark complete" }).click();
      await expect(form.getByLabel("Odometer (km)")).toHaveAccessibleDescription(/Must be at least 0\./);
      await form.getByLabel("Odometer (km)").fill("84250");
      await form.getByLabel("Engine starts").selectOption("yes");
    }
    await form.getByLabel("Severity").selectOption(kind === "glass" ? "1" : "2");
    await form.getByRole("button", { name: /mark complete/i }).click();
    await expect(form.getByText(/marked complete\./)).toBeVisible();
  }
  await expect(page.getByRole("progressbar", { name: "Overall completion" })).toHaveAttribute("aria-valuenow", "100");
  await expect(completion).not.toContainText("still open");
  await expect(completion).toContainText("No estimate is accepted yet");

  // Photos: two at once through the file input (keyboard users' way), each with its progress.
  await page.getByRole("tab", { name: "Photos" }).click();
  await page.getByLabel("Section of the new photos").selectOption("exterior");
  await page.getByLabel("Caption of the new photos").fill("Rear damage");
  await page.getByLabel("Choose photos to upload").setInputFiles([
    { name: "rear-1.jpg", mimeType: "image/jpeg", buffer: await jpeg(page, 1) },
    { name: "rear-2.jpg", mimeType: "image/jpeg", buffer: await jpeg(page, 2) },
  ]);
  const photos = page.getByRole("list", { name: "Photos" }).getByRole("listitem");
  await expect(photos).toHaveCount(2, { timeout: 20_000 });
  // Thumbnails are fetched with the token and shown from blob: URLs (or wait for the virus scan).
  const first = photos.first();
  await expect(first.locator("img[src^='blob:'], :text('Waiting for the virus scan')")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENSHOTS}/assessment-photos-desktop.png`, fullPage: true });

  // The lightbox: arrow keys move, the caption is editable, Escape closes.
  await first.getByRole("button").click();
  const lightbox = page.getByRole("dialog");
  await expect(lightbox).toContainText("Photo 1 of 2");
  await lightbox.getByRole("heading").click(); // focus away from the inputs
  await page.keyboard.press("ArrowRight");
  await expect(lightbox).toContainText("Photo 2 of 2");
  await lightbox.getByLabel("Caption").fill("Rear bumper, cracked");
  await lightbox.getByRole("button", { name: "Save" }).click();
  await expect(lightbox.getByRole("heading", { name: "Rear bumper, cracked" })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  await expect(photos.nth(1)).toContainText("Rear bumper, cracked");

  // Estimates: the assessor's, typed in the editor with provisional totals, then the server's.
  await page.getByRole("tab", { name: "Estimates" }).click();
  await page.getByRole("button", { name: "New estimate" }).click();
  const editor = page.getByRole("dialog", { name: "New estimate" });
  await editor.getByLabel("Description").fill("Rear bumper cover");
  await editor.getByLabel("Part number").fill("52159-0K380");
  await editor.getByLabel("Unit price").fill("28000");
  await editor.getByRole("button", { name: "Labour" }).click();
  const labour = editor.getByRole("listitem", { name: "Line 2" });
  await labour.getByLabel("Description").fill("Remove and refit bumper");
  await labour.getByLabel("Hours").fill("2");
  await labour.getByLabel("Rate per hour").fill("1500");
  await labour.getByLabel("Tax %").fill("0");
  await expect(editor.locator("[data-provisional-total]")).toHaveText("KES 35,480.00");
  await expect(editor).toContainText("Provisional totals");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENSHOTS}/assessment-estimate-editor-desktop.png` });
  await editor.getByRole("button", { name: "Add estimate" }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "The server's total: KES 35,480.00" })).toBeVisible();

  // The garage's quote comes in (through the API) and the comparison flags what differs.
  const assessorApi = await token(request, "assessor");
  const quote = await request.post(`/api/assessments/${made.assessmentId}/estimates/`, {
    headers: assessorApi.headers,
    data: {
      source: "garage_quote",
      supplier: "Westlands Motors Ltd",
      reference: "Q-2291",
      lines: [
        { kind: "part", description: "Rear bumper (OEM)", part_number: "521590K380", unit_price: "31500", tax_rate: "16" },
        { kind: "labour", description: "Remove and refit bumper", hours: "3.5", rate: "1500" },
        { kind: "other", description: "Courtesy car, 3 days", unit_price: "7500" },
      ],
    },
  });
  expect(quote.status()).toBe(201);
  const comparison = page.locator("[data-comparison]");
  await expect(comparison).toContainText("Westlands Motors Ltd", { timeout: 10_000 }); // live, no reload
  // The bumper is 12.5% dearer (under the 15% threshold); the labour 75%; the courtesy car is new.
  await expect(comparison).toContainText("2 of 3 items are flagged");
  await expect(comparison.locator('tr[data-flagged] td[data-flag="variance"]')).toHaveCount(1);
  await expect(comparison.locator('td[data-flag="not_in_baseline"]')).toHaveCount(1);
  await expect(comparison.locator('td[data-flag="missing"]')).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENSHOTS}/assessment-estimates-desktop.png`, fullPage: true });

  // Accept the assessor's estimate: nothing blocks completion any more; complete.
  const mine = page.locator("article[data-estimate]").filter({ hasText: "Rear bumper cover" });
  await mine.getByRole("button", { name: "Accept" }).click();
  await expect(mine).toContainText("Accepted");
  await expect(page.locator("[data-completion]")).toHaveAttribute("data-completion", "ready");
  await page.getByRole("button", { name: "Complete the assessment" }).click();
  await expect(page.getByText("The assessment is complete: the claim can be decided.")).toBeVisible();
  await expect(page.getByText("This assessment is completed: it is shown read-only.")).toBeVisible();
  await expectAccessible(page);

  // At a phone's size the workspace is still usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("tab", { name: "Sections" }).click();
  await expect(page.getByLabel(/^Section \(8 of 8 complete\)/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/assessment-phone.png`, fullPage: true });
  await page.goto("/assessments?view=completed");
  const card = page.locator(`li[data-assessment="${made.assessmentId}"]`); // phone: a card
  await expect(card).toBeVisible();
  await expect(card).toContainText("Completed");
  await expect(card.getByRole("link", { name: `Open the assessment of ${made.claimNumber}` })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENSHOTS}/assessments-phone.png`, fullPage: true });
});

test("another assessor's assessment is not found, and an agent reads one without edit controls", async ({ page, pageGuard, request }) => {
  test.setTimeout(60_000);
  pageGuard.allowConsoleError(/status of 404/);
  await signIn(page, "assessor", "/assessments/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const agent = await token(request, "agent");
  const list = await request.get("/api/assessments/?status=in_progress&status=scheduled&page_size=50", {
    headers: agent.headers,
  });
  const rows = ((await list.json()) as { results: { id: string; claim_number: string; notes: string }[] }).results;
  const demo = rows.find((row) => row.notes !== "Browser test"); // not one another test is completing
  test.skip(!demo, "the agent sees no open demo assessment");
  await page.context().clearCookies();
  await signIn(page, "agent", `/assessments/${demo!.id}`);
  await expect(page.getByRole("heading", { name: `Assessment of ${demo!.claim_number}` })).toBeVisible();
  await expect(page.getByText("You may read this assessment; only its assessor, a supervisor or an admin may change it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Complete the assessment" })).toBeDisabled();
  await expect(page.locator("[data-completion]")).toContainText("Only the assigned assessor, a supervisor or an admin may complete it.");
  await expect(page.getByRole("button", { name: /mark complete/i })).toHaveCount(0);
  await page.getByRole("tab", { name: "Photos" }).click();
  await expect(page.getByLabel("Choose photos to upload")).toHaveCount(0);
  await expectAccessible(page);
});
