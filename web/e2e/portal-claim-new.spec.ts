/**
 * "Report a claim" (/claims/new, issue #17) on a phone (390 x 844), against the real server (its
 * virus scanner, its resumable uploads): the demo customer, who has active motor policies, reports
 * a claim with two photos and a PDF, sees each file's scan state, sends it and lands on the claim;
 * a date outside the cover is refused as it is typed; a reload keeps the draft; a connection lost
 * during an upload is said in words and "Retry" carries on; a "photo" that is not a picture is
 * refused in words. The files are real small PNGs and a PDF made here.
 */
import { deflateSync } from "node:zlib";

import type { APIRequestContext, Page } from "@playwright/test";

import { apiGet, apiPost } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { PHONE } from "./portal-helpers";

test.use({ viewport: PHONE, timezoneId: "Africa/Nairobi" });

// --- real files ------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A `size` x `size` RGB PNG, its colour varied by `seed` (each photo a different file). */
function png(seed: number, size = 48): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) rows.push((x * 5 + seed * 40) & 0xff, (y * 5 + seed * 70) & 0xff, (x * y + seed) & 0xff);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text and a correct cross-reference table. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Unique bytes per run: the server refuses the same file twice on one account (a duplicate). */
const RUN = Date.now() % 200;

// --- the wizard ------------------------------------------------------------------------------

/**
 * A moment inside the policy's cover, not in the future: two hours ago, or just after the cover
 * began (the server's UTC day) if that was later (the demo policy may start today), as the Nairobi
 * phone's date and time inputs hold it.
 */
function incidentMoment(coverStart: string): { date: string; time: string } {
  const start = Date.parse(`${coverStart}T00:01:00Z`);
  const instant = new Date(Math.min(Date.now() - 60_000, Math.max(Date.now() - 2 * 3600_000, start)));
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Africa/Nairobi",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
}

async function expectStep(page: Page, name: string) {
  await expect(page.getByTestId("wizard-step")).toContainText(name);
}

interface Cover {
  id: string;
  start_date: string;
}

/** One of the demo customer's active policies that covers today. */
async function activePolicy(request: APIRequestContext): Promise<Cover> {
  const page = await apiGet<{ results: { id: string; status: string; start_date: string; end_date: string }[] }>(
    request,
    "customer",
    "/api/policies/?page_size=100",
  );
  const today = new Date().toISOString().slice(0, 10);
  const policy = page.results.find((item) => item.status === "active" && item.start_date <= today && item.end_date >= today);
  expect(policy, "an active demo policy covering today").toBeTruthy();
  return policy!;
}

async function choosePolicy(page: Page, request: APIRequestContext): Promise<Cover> {
  const policy = await activePolicy(request);
  await page.locator(`input[type="radio"][value="${policy.id}"]`).check();
  return policy;
}

async function fillUpToWhere(page: Page, request: APIRequestContext): Promise<{ date: string; time: string }> {
  await signIn(page, "customer", "/claims/new");
  await expect(page.getByRole("heading", { name: "Report a claim" })).toBeVisible();
  await expectStep(page, "Policy");
  const policy = await choosePolicy(page, request);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "When");
  const when = incidentMoment(policy.start_date);
  await page.getByLabel("Date").fill(when.date);
  await page.getByLabel("Time").fill(when.time);
  await expect(page.getByText("That is inside your cover.")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "Where");
  await page.getByLabel("Address or place").fill("Moi Avenue at Kenyatta Avenue, Nairobi");
  return when;
}

async function fillToFiles(page: Page, request: APIRequestContext) {
  await fillUpToWhere(page, request);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "What happened");
  await page.getByLabel("Describe what happened").fill("A matatu pulled out and hit my front bumper at the junction.");
  await page.getByRole("group", { name: "Was another vehicle, person or property involved?" }).getByLabel("Yes").check();
  await page.getByLabel("The other party's details").fill("Matatu KDA 123A, driver John, Jubilee Insurance");
  await page.getByLabel("Police reference (OB number)").fill("OB/42/2026");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "Photos and documents");
  await expect(page.getByText("Saved as a draft on your account.")).toBeVisible();
}

function fileRow(page: Page, name: string) {
  return page.getByTestId("claim-file").filter({ hasText: name });
}

test("a customer reports a claim with two photos and a PDF, sees each file checked, and lands on the claim", async ({ page, request }) => {
  await fillToFiles(page, request);
  await expectAccessible(page);

  await page.getByLabel("Add photos").setInputFiles([
    { name: "front-bumper.png", mimeType: "image/png", buffer: png(RUN) },
    { name: "the-junction.png", mimeType: "image/png", buffer: png(RUN + 1) },
  ]);
  await page.getByLabel("Add documents").setInputFiles({
    name: "police-abstract.pdf",
    mimeType: "application/pdf",
    buffer: pdf(`Police abstract OB/42/2026 run ${Date.now()}`),
  });
  for (const name of ["front-bumper.png", "the-junction.png", "police-abstract.pdf"]) {
    await expect(fileRow(page, name)).toHaveAttribute("data-state", "clean", { timeout: 20_000 });
    await expect(fileRow(page, name).getByTestId("claim-file-state")).toHaveText("Checked: clean");
  }
  await expectAccessible(page);

  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "Check and send");
  await expect(page.getByText("3 added")).toBeVisible();
  await expect(page.getByText("OB/42/2026")).toBeVisible();
  await page.getByRole("button", { name: "Send my claim" }).click();
  await expect(page.getByText("Confirm that what you have said is true.")).toBeVisible();
  await page.getByLabel("What I have said is true to the best of my knowledge.").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send my claim" }).click();
  await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);

  // Sent: the draft is gone from this device
  await page.goto("/claims/new");
  await expectStep(page, "Policy");
  await expect(page.getByText("You have a report you have not sent")).toHaveCount(0);
});

test("a date outside the policy's cover, or in the future, is refused as it is typed", async ({ page, request }) => {
  await signIn(page, "customer", "/claims/new");
  await choosePolicy(page, request);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "When");
  await page.getByLabel("Date").fill("2001-01-15");
  await page.getByLabel("Time").fill("09:30");
  await expect(page.getByText(/That is outside your cover \(.+\)\./)).toBeVisible();
  await expect(page.getByLabel("Date")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "When"); // not let through

  const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel("Date").fill(tomorrow);
  await expect(page.getByText("The date and time cannot be in the future.")).toBeVisible();
  await expectAccessible(page);
});

test("a reload in the middle of the wizard offers the draft back, and it continues where it stopped", async ({ page, request }) => {
  const when = await fillUpToWhere(page, request);
  await page.reload();
  await expect(page.getByRole("heading", { name: "You have a report you have not sent" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "Where");
  await expect(page.getByLabel("Address or place")).toHaveValue("Moi Avenue at Kenyatta Avenue, Nairobi");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Date")).toHaveValue(when.date);
  await expect(page.getByLabel("Time")).toHaveValue(when.time);

  // Start again: an empty wizard
  await page.reload();
  await page.getByRole("button", { name: "Start again" }).click();
  await expectStep(page, "Policy");
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
});

test("a connection lost during an upload is said in words, and Retry carries on to a clean file", async ({ page, pageGuard, request }) => {
  pageGuard.allowConsoleError(/net::ERR_FAILED|Failed to load resource/);
  await fillToFiles(page, request);
  let cut = true;
  let aborted = 0;
  await page.route(/\/api\/documents\/uploads\/[0-9a-f-]{36}\/?$/, async (route) => {
    if (cut && route.request().method() === "PATCH") {
      aborted += 1;
      await route.abort("internetdisconnected");
    } else {
      await route.continue();
    }
  });
  await page.getByLabel("Add photos").setInputFiles({ name: "dent.png", mimeType: "image/png", buffer: png(RUN + 7, 64) });
  const row = fileRow(page, "dent.png");
  await expect(row).toHaveAttribute("data-state", "paused", { timeout: 20_000 });
  await expect(row).toContainText("The connection was lost.");
  expect(aborted).toBeGreaterThan(0);
  await expectAccessible(page);

  cut = false;
  await row.getByRole("button", { name: "Retry dent.png" }).click();
  await expect(row).toHaveAttribute("data-state", "clean", { timeout: 20_000 });
  await expect(row).not.toContainText("The connection was lost.");
  // the draft is kept: a reload offers it back
  await page.reload();
  await expect(page.getByRole("heading", { name: "You have a report you have not sent" })).toBeVisible();
});

test("a photo that is not a picture is refused with the server's sentence", async ({ page, pageGuard, request }) => {
  pageGuard.allowConsoleError(/status of 415/);
  await fillToFiles(page, request);
  await page.getByLabel("Add photos").setInputFiles({
    name: "not-a-photo.jpg",
    mimeType: "image/jpeg",
    buffer: pdf(`Not a photo ${Date.now()}`),
  });
  const row = fileRow(page, "not-a-photo.jpg");
  await expect(row).toHaveAttribute("data-state", "refused", { timeout: 20_000 });
  await expect(row).toContainText("This is not a photo.");
  await expect(row.getByRole("button", { name: "Remove not-a-photo.jpg" })).toBeVisible();
  await expectAccessible(page);
});

test("a server draft started on another device resumes at /claims/new?draft=<id>, also on a wide screen", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const policy = await activePolicy(request);
  const incident = new Date(Math.min(Date.now() - 60_000, Math.max(Date.now() - 3600_000, Date.parse(`${policy.start_date}T00:01:00Z`))));
  const draft = await apiPost<{ id: string; status: string }>(request, "customer", "/api/claims/", {
    policy: policy.id,
    incident_date: incident.toISOString(),
    incident_address: "Ngong Road, Nairobi",
    description: "Started on my phone: a pothole cracked the front wheel rim.",
    draft: true,
  });
  expect(draft.status).toBe("draft");

  await signIn(page, "customer", `/claims/new?draft=${draft.id}`);
  await expectStep(page, "Photos and documents");
  await expect(page.getByText("Saved as a draft on your account.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, "Check and send");
  await expect(page.getByText("Ngong Road, Nairobi")).toBeVisible();
  await expect(page.getByText("Started on my phone: a pothole cracked the front wheel rim.")).toBeVisible();
  await page.getByLabel("What I have said is true to the best of my knowledge.").check();
  await page.getByRole("button", { name: "Send my claim" }).click();
  await page.waitForURL(new RegExp(`/claims/${draft.id}$`));

  // Sent: the same link now says so instead of reopening it
  await page.goto(`/claims/new?draft=${draft.id}`);
  await expect(page.getByText("That report has already been sent or withdrawn, so it cannot be changed here.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the claim" })).toHaveAttribute("href", `/claims/${draft.id}`);
});

test("'use my location' fills in the point from the phone's position", async ({ page, context, request }) => {
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ latitude: -1.2833, longitude: 36.8167 });
  await fillUpToWhere(page, request);
  await page.getByRole("button", { name: "Use my location" }).click();
  await expect(page.getByTestId("resolved-place")).toContainText("Your location: -1.283300, 36.816700");
  await expectAccessible(page);
});
