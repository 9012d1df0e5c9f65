/**
 * The claim page (/claims/:id): an agent works a claim end to end (moves it with a reason, meets a
 * guard's refusal, assigns an assessor, records a message, uploads a document and sees it scanned
 * and read, asks the customer for a document), a supervisor approves a settlement, records the
 * customer's acceptance given by phone and pays it with a double click that sends one request, and what
 * customers and other departments see (nothing of it). Each test files its own claim through the
 * API, or picks demo claims no other test touches, so they do not depend on each other.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import type { APIRequestContext, Page } from "@playwright/test";

import { incidentInCover } from "./api-helpers";
import { DEMO_PASSWORD, DEMO_USERS, expect, expectAccessible, signIn, test, type DemoUser } from "./fixtures";

interface Claim {
  id: string;
  claim_number: string;
  status: string;
  department: string;
}

interface Settlement {
  id: string;
  status: string;
  proposed_by: string;
  amount: string;
  paid_transaction: string | null;
}

interface Payout {
  status: string;
  method: string;
  reference: string;
}

async function apiHeaders(request: APIRequestContext, who: DemoUser) {
  const response = await request.post("/api/auth/login/", { data: { email: DEMO_USERS[who], password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access: string; user: { id: string } };
  return { headers: { Authorization: `Bearer ${body.access}` }, userId: body.user.id };
}

async function apiGet<T>(request: APIRequestContext, who: DemoUser, path: string): Promise<T> {
  const { headers } = await apiHeaders(request, who);
  const response = await request.get(path, { headers });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** The agent files a motor claim for the demo customer (FNOL on their behalf). */
async function fileClaim(request: APIRequestContext, description: string): Promise<Claim> {
  const { headers } = await apiHeaders(request, "agent");
  const customer = await apiHeaders(request, "customer");
  const policies = await request.get(`/api/policies/?customer=${customer.userId}&status=active&page_size=100`, {
    headers,
  });
  expect(policies.status()).toBe(200);
  const motor = ((await policies.json()) as { results: { id: string; vehicle: string | null; start_date: string | null }[] }).results.find(
    (policy) => policy.vehicle,
  );
  expect(motor, "the demo customer's active motor policy").toBeDefined();
  const filed = await request.post("/api/claims/", {
    headers,
    data: {
      policy: motor!.id,
      vehicle: motor!.vehicle,
      incident_date: incidentInCover(motor!, 60),
      incident_address: "Ngong Road, Nairobi",
      description: `${description} (e2e ${Date.now()})`,
      estimated_cost: "42000.00",
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  return (await filed.json()) as Claim;
}

/** A one-page PDF with a text layer (the server reads it without OCR). */
function pdfWith(lines: string[]): Buffer {
  const escape = (text: string) => text.replace(/[()\\]/g, "\\$&");
  const content = lines.map((line, index) => `BT /F1 12 Tf 72 ${720 - index * 18} Td (${escape(line)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function scannerInstalled(): boolean {
  if (existsSync("/run/clamav/clamd.ctl") || process.env.CLAMD_HOST) return true;
  try {
    execFileSync("which", ["clamscan"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const header = (page: Page) => page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) });

test.describe("the claim page", () => {
  test("an agent moves a claim with a reason and the history shows it; a guard's refusal stays in the dialog", async ({
    page,
    pageGuard,
    request,
  }) => {
    pageGuard.allowConsoleError(/status of 409/); // the refused approval, on purpose
    const claim = await fileClaim(request, "Rear bumper crushed in a parking garage");
    await signIn(page, "agent", `/claims/${claim.id}`);
    await expect(page.getByRole("heading", { level: 1, name: claim.claim_number })).toBeVisible();
    await expect(page.getByTestId("sla-countdown")).toContainText(/SLA: .* left/);

    await page.getByRole("button", { name: "Start review" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: `Start review ${claim.claim_number}` })).toBeVisible();
    await dialog.getByLabel("Reason").fill("Photos and police abstract received");
    await dialog.getByRole("button", { name: "Start review" }).click();
    await expect(dialog).toBeHidden();
    await expect(header(page).getByText("Under review", { exact: true })).toBeVisible();

    await tab(page, "Timeline").click();
    const timeline = page.getByRole("list", { name: "Timeline, newest first" });
    await expect(timeline.getByRole("listitem").first()).toContainText("Moved from Submitted to Under review");
    await expect(timeline.getByRole("listitem").first()).toContainText("Photos and police abstract received");
    await expect(timeline.getByRole("listitem").first()).toContainText("Alex Agent");

    // Rejecting needs a reason: said next to the field, nothing sent.
    await page.getByRole("button", { name: "Reject" }).click();
    await dialog.getByRole("button", { name: "Reject" }).click();
    await expect(dialog.getByText("Say why the claim is rejected.")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Into assessment, then approving before the assessment is complete: the guard says no, in the dialog.
    await page.getByRole("button", { name: "Send to assessment" }).click();
    await dialog.getByLabel("Reason").fill("Needs an inspection");
    await dialog.getByRole("button", { name: "Send to assessment" }).click();
    await expect(dialog).toBeHidden();
    await expect(header(page).getByText("Assessment", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(dialog.getByLabel("Approved amount (KES)")).toHaveValue("42000.00");
    await dialog.getByRole("button", { name: "Approve" }).click();
    await expect(dialog.getByRole("alert")).toContainText(/assessment/i);
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(header(page).getByText("Assessment", { exact: true })).toBeVisible();
  });

  test("an agent assigns an assessor from the picker of eligible staff", async ({ page, request }) => {
    const claim = await fileClaim(request, "Cracked windscreen and bonnet dent");
    await signIn(page, "agent", `/claims/${claim.id}`);
    const assignment = page.getByRole("complementary", { name: "Claim details" });
    await expect(assignment.getByText("Nobody yet").last()).toBeVisible();

    await page.getByRole("button", { name: "Assign the assessor" }).click();
    const dialog = page.getByRole("dialog");
    const picker = dialog.getByRole("group", { name: "Assessor" });
    await expect(picker.getByRole("radio", { name: /Asha Assessor/ })).toBeVisible();
    await expect(picker.getByText(/open claims?/).first()).toBeVisible();
    await expectAccessible(page);
    await picker.getByRole("radio", { name: /Asha Assessor/ }).check();
    await dialog.getByLabel("Reason").fill("Nearest to Ngong Road");
    await dialog.getByRole("button", { name: "Assign" }).click();
    await expect(dialog).toBeHidden();
    await expect(assignment.getByText("Asha Assessor")).toBeVisible();

    await tab(page, "Timeline").click();
    await expect(page.getByRole("list", { name: "Timeline, newest first" }).getByRole("listitem").first()).toContainText(
      "Asha Assessor assigned as assessor",
    );
  });

  test("an agent records a message to the customer and an internal note", async ({ page, request }) => {
    const claim = await fileClaim(request, "Side mirror knocked off");
    await signIn(page, "agent", `/claims/${claim.id}?tab=communications`);
    const form = page.getByRole("region", { name: "Record a message or note" });
    await form.getByLabel("With the customer").check();
    await form.getByLabel("Channel").selectOption("sms");
    await form.getByLabel("Subject (optional)").fill("Inspection booked");
    await form.getByRole("textbox", { name: "Message" }).fill("Our assessor will call you tomorrow at 10:00.");
    await form.getByRole("button", { name: "Record message" }).click();
    await expect(form.getByRole("status")).toHaveText("Recorded.");
    const history = page.getByRole("list", { name: "Communications, newest first" });
    await expect(history.getByRole("listitem").first()).toContainText("Inspection booked");
    await expect(history.getByRole("listitem").first()).toContainText("SMS");
    await expect(history.getByRole("listitem").first()).toContainText("Customer");

    await form.getByLabel("Internal note").check();
    await form.getByRole("textbox", { name: "Message" }).fill("Customer sounded unsure about the time of the incident.");
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(history.getByRole("listitem").first()).toContainText("Internal note");
    await expect(history.getByRole("listitem")).toHaveCount(2);
  });

  test("an agent uploads a document with progress and sees it scanned and read, live", async ({ page, request }) => {
    test.skip(!scannerInstalled(), "No virus scanner (clamd or clamscan): documents stay unscanned and are never read.");
    test.setTimeout(120_000);
    const claim = await fileClaim(request, "Stolen battery and damaged bonnet catch");
    await signIn(page, "agent", `/claims/${claim.id}?tab=documents`);
    await expect(page.getByText("No documents on this claim yet.")).toBeVisible();

    await page.getByLabel("Kind").selectOption("police_report");
    const name = `police-abstract-${Date.now()}.pdf`;
    await page.getByLabel("Files to upload").setInputFiles({
      name,
      mimeType: "application/pdf",
      buffer: pdfWith([
        "KENYA POLICE SERVICE - POLICE ABSTRACT",
        `Claim number: ${claim.claim_number}`,
        "Reported at Kilimani police station",
      ]),
    });
    const row = page.getByTestId("document-row").filter({ hasText: name });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await expect(row.getByTestId("scan-status")).toContainText("Clean");
    await expect(row).toContainText("Police report");
    // Reading happens in the background; its events update the row without a reload.
    await expect(row).toContainText(/Read/, { timeout: 60_000 });

    await row.getByRole("button", { name: `Details of ${name}` }).click();
    const dialog = page.getByRole("dialog");
    const fields = dialog.getByRole("table", { name: "Fields read from the document" });
    await expect(fields.getByRole("row").filter({ hasText: claim.claim_number })).toContainText(/\d+%/);
    await expect(fields).toContainText("PDF text layer");
    await expect(dialog.getByRole("region", { name: "Checked against the claim" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: "/tmp/claim-desktop-document-details.png" });
    await dialog.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("dialog");
    await expect(preview.locator("iframe")).toHaveAttribute("src", /^blob:/);
    await expect(preview.getByRole("link", { name: "Download" })).toHaveAttribute("download", name);
  });

  test("a supervisor approves a settlement, records the customer's acceptance and pays: a double click sends one payment", async ({
    page,
    request,
  }) => {
    const { headers, userId } = await apiHeaders(request, "supervisor");
    const inSettlement = await request.get("/api/claims/?status=settlement&department=motor&page_size=100", { headers });
    const claims = ((await inSettlement.json()) as { results: Claim[] }).results;
    let target: { claim: Claim; settlement: Settlement } | null = null;
    for (const claim of claims) {
      const settlements = (await (await request.get(`/api/claims/${claim.id}/settlement/`, { headers })).json()) as Settlement[];
      const proposed = settlements.find(
        (settlement) => settlement.status === "proposed" && settlement.proposed_by !== userId && Number(settlement.amount) < 1_000_000,
      );
      if (proposed) {
        target = { claim, settlement: proposed };
        break;
      }
    }
    test.skip(!target, "The demo data has no motor claim with a settlement waiting for approval.");
    const { claim } = target!;

    await signIn(page, "supervisor", `/claims/${claim.id}?tab=money`);
    const settlement = page.getByTestId("settlement").filter({ hasText: "Proposed" });
    await settlement.getByRole("button", { name: "Approve" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Approve" }).click();
    await expect(dialog).toBeHidden();

    // Approved, it is an offer: no Pay until the customer accepts. They accepted by phone.
    const offered = page.getByTestId("settlement").filter({ hasText: "Approved" });
    await expect(offered).toContainText("waiting for their answer");
    await expect(offered.getByRole("button", { name: "Pay" })).toHaveCount(0);
    await offered.getByRole("button", { name: "Record acceptance" }).click();
    await dialog.getByRole("button", { name: "Record acceptance" }).click();
    await expect(dialog.getByText("Say how and when the customer accepted.")).toBeVisible();
    await dialog.getByLabel("How the customer accepted (required)").fill("By phone to the supervisor, 10:40.");
    await dialog.getByRole("button", { name: "Record acceptance" }).click();
    await expect(dialog).toBeHidden();
    await expect(offered.getByTestId("customer-answer")).toContainText("Accepted for the customer by");
    await expect(offered.getByTestId("customer-answer")).toContainText("By phone to the supervisor, 10:40.");

    // From here on, every POST to the settlement is the payment.
    const payments: { key: string | undefined }[] = [];
    page.on("request", (sent) => {
      if (sent.method() === "POST" && sent.url().endsWith(`/settlement/${target!.settlement.id}/`)) {
        payments.push({ key: sent.headers()["idempotency-key"] });
      }
    });
    await page.getByTestId("settlement").filter({ hasText: "Approved" }).getByRole("button", { name: "Pay" }).click();
    await dialog.getByRole("button", { name: "Pay now" }).dblclick();
    await expect(dialog).toBeHidden();
    expect(payments).toHaveLength(1);
    expect(payments[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    // Paying sends the money; the claim is settled only once it has left: still in settlement now.
    await expect(header(page).getByText("Settlement", { exact: true })).toBeVisible();
    const settlements = (await (await request.get(`/api/claims/${claim.id}/settlement/`, { headers })).json()) as Settlement[];
    const payoutId = settlements.find((settlement) => settlement.id === target!.settlement.id)!.paid_transaction;
    expect(payoutId).toBeTruthy();
    let payout = (await (await request.get(`/api/payments/transactions/${payoutId}/`, { headers })).json()) as Payout;
    expect(payout.status).toBe("pending");
    if (payout.method === "mpesa") {
      // M-Pesa B2C: the Daraja stand-in calls our result URL back a few seconds later.
      await expect
        .poll(async () => ((await (await request.get(`/api/payments/transactions/${payoutId}/`, { headers })).json()) as Payout).status, {
          timeout: 30_000,
        })
        .not.toBe("pending");
    } else {
      // A bank transfer or a cheque: finance pays it and a supervisor confirms it.
      const confirmed = await request.post(`/api/payments/transactions/${payoutId}/payout/`, {
        headers: { ...headers, "Idempotency-Key": crypto.randomUUID() },
        data: { provider_reference: `E2E-${payout.reference}` },
      });
      expect(confirmed.status()).toBe(200);
    }
    payout = (await (await request.get(`/api/payments/transactions/${payoutId}/`, { headers })).json()) as Payout;
    expect(payout.status).toBe("succeeded");
    await page.reload();
    await expect(page.getByTestId("settlement").first()).toContainText("Paid");
    await expect(header(page).getByText("Settled", { exact: true })).toBeVisible();

    await expect(page.getByRole("table", { name: "Reserves by cost type" })).toContainText("Own vehicle damage");
    await page.screenshot({ path: "/tmp/claim-desktop-money-paid.png", fullPage: true });
    await tab(page, "Timeline").click();
    await expect(page.getByRole("list", { name: "Timeline, newest first" })).toContainText("Settlement paid");
  });

  test("an agent asks the customer for a document, the customer sees it asked, and the agent cancels it", async ({
    page,
    request,
  }) => {
    const claim = await fileClaim(request, "Cracked windscreen on the bypass");
    await signIn(page, "agent", `/claims/${claim.id}?tab=documents`);
    const asked = page.getByRole("region", { name: "Asked of the customer" });
    await expect(asked.getByText("Nothing asked of the customer.")).toBeVisible();
    await asked.getByRole("button", { name: "Ask the customer for a document" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Document").selectOption("driving_licence");
    await dialog.getByLabel("Note to the customer (they read it)").fill("A photo of both sides of your licence, please.");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Send the request" }).click();
    await expect(dialog).toBeHidden();
    const item = asked.getByTestId("document-request");
    await expect(item).toContainText("Driving licence");
    await expect(item).toContainText("Waiting for the customer");
    await expect(item).toContainText("A photo of both sides of your licence, please.");

    const mine = await apiGet<{ results: { kind: string; state: string }[] }>(
      request,
      "customer",
      `/api/claims/${claim.id}/document-requests/`,
    );
    expect(mine.results.map((r) => [r.kind, r.state])).toEqual([["driving_licence", "open"]]);
    const detail = await apiGet<{ customer_status: { next_step_code: string } }>(request, "customer", `/api/claims/${claim.id}/`);
    expect(detail.customer_status.next_step_code).toBe("upload_documents");

    await item.getByRole("button", { name: /Cancel the request/ }).click();
    await expect(item).toContainText("Cancelled");
    await expect(item.getByRole("button", { name: /Cancel the request/ })).toHaveCount(0);
  });

  test("an agent sets a reserve with a reason and sees its history", async ({ page, request }) => {
    const claim = await fileClaim(request, "Flooded engine after driving through a dip");
    await signIn(page, "agent", `/claims/${claim.id}?tab=money`);
    await expect(page.getByText("No money is reserved on this claim yet.")).toBeVisible();
    for (const [amount, reason] of [
      ["40000", "Garage quote"],
      ["52500.50", "Parts price rose"],
    ] as const) {
      await page.getByRole("button", { name: /Set a reserve/ }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Cost type").selectOption("own_damage");
      await dialog.getByLabel("Amount (KES)").fill(amount);
      await dialog.getByLabel("Reason").fill(reason);
      await dialog.getByRole("button", { name: "Set reserve" }).click();
      await expect(dialog).toBeHidden();
    }
    const reserves = page.getByRole("table", { name: "Reserves by cost type" });
    const row = reserves.getByRole("row").filter({ hasText: "Own vehicle damage" });
    await expect(row).toContainText("KES 52,500.50");
    const history = row.locator("xpath=following-sibling::tr[1]");
    await expect(history).toContainText("KES 40,000.00 → KES 52,500.50");
    await expect(history).toContainText("Parts price rose");
    await history.getByText("1 earlier change").click();
    await expect(history).toContainText("Garage quote");
    await expectAccessible(page);
  });

  test("a claim of another department is a not-found page that reveals nothing", async ({ page, pageGuard, request }) => {
    const health = await apiGet<{ results: Claim[] }>(request, "admin", "/api/claims/?department=health&page_size=1");
    const claim = health.results[0];
    expect(claim, "a demo health claim").toBeDefined();
    pageGuard.allowConsoleError(/status of 404/);
    await signIn(page, "agent", `/claims/${claim!.id}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(claim!.claim_number)).toHaveCount(0);
  });

  test("a customer never reaches the staff page, not even for their own claim or by typing another's URL", async ({
    page,
    request,
    pageGuard,
  }) => {
    pageGuard.allowConsoleError(/status of 404/);
    const others = await apiGet<{ results: Claim[] }>(request, "customer2", "/api/claims/?page_size=1");
    const mine = await apiGet<{ results: Claim[] }>(request, "customer", "/api/claims/?page_size=1");
    // The staff page's own reads: reserves, the settlement desk, assignees, the customer's contact.
    const staffReads: string[] = [];
    page.on("request", (sent) => {
      const path = new URL(sent.url()).pathname;
      if (/^\/api\/claims\/[^/]+\/(reserves|settlement|assignees|customer)\/$/.test(path)) staffReads.push(path);
    });
    for (const [claim, own] of [
      [others.results[0]!, false],
      [mine.results[0]!, true],
    ] as const) {
      await signIn(page, "customer", `/claims/${claim.id}`);
      // The customer's own router answers: their frame, never the staff claim page.
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My claims" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
      await expect(page.getByRole("tab", { name: /Reserves|Assessment/ })).toHaveCount(0);
      // Their own claim on their own page; another's is not found, its number nowhere.
      await expect(page.getByText(claim.claim_number).first()).toHaveCount(own ? 1 : 0);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);
    }
    expect(staffReads).toEqual([]);
  });

  test("every tab passes axe, and the page works at desktop and phone size", async ({ page, request }) => {
    test.setTimeout(120_000);
    const claim = await fileClaim(request, "Hit a pothole; front wheel and suspension damaged");
    await signIn(page, "agent", `/claims/${claim.id}`);
    await expect(page.getByRole("heading", { level: 1, name: claim.claim_number })).toBeVisible();
    await expect(page.getByText("Loading the customer")).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: "/tmp/claim-desktop.png", fullPage: true });
    for (const name of ["Timeline", "Communications", "Documents", "Money"]) {
      await tab(page, name).click();
      await expect(tab(page, name)).toHaveAttribute("aria-selected", "true");
      await expectAccessible(page);
      await page.screenshot({ path: `/tmp/claim-desktop-${name.toLowerCase()}.png`, fullPage: true });
    }
    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 390, height: 844 });
    await tab(page, "Overview").click();
    await expect(page.getByRole("heading", { level: 1, name: claim.claim_number })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: "/tmp/claim-phone.png", fullPage: true });
    await page.getByRole("button", { name: "Report (PDF)" }).click();
    const preview = page.getByRole("dialog");
    await expect(preview.locator("iframe")).toHaveAttribute("src", /^blob:/);
    await page.screenshot({ path: "/tmp/claim-phone-report.png" });
  });
});
