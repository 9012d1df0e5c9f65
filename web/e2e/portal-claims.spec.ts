/**
 * The customer's claim pages (issue #17) on a phone (390 x 844), against the real server: the demo
 * customer files a claim through the API (as the mobile app would), follows it on /claims and
 * /claims/:id (status and next step in words, messages with the claims team arriving live, the
 * settlement offer and its acceptance, the claim report), while the claims desk works it through
 * the API; and another customer opening the first one's claim, policy and pay page by URL gets the
 * not-found page and nothing of theirs (the API answers 404).
 */
import type { APIRequestContext, Page } from "@playwright/test";

import { en } from "../src/lib/i18n/en";
import { sw } from "../src/lib/i18n/sw";
import { apiGet, apiPost, apiToken, fileClaim, type FiledClaim } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { chooseLanguage, englishOnPage, PHONE } from "./portal-helpers";

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? "test-results/screens";

test.use({ viewport: PHONE });

async function as(request: APIRequestContext, who: "agent" | "supervisor" | "assessor") {
  return { Authorization: `Bearer ${await apiToken(request, who)}` };
}

async function send(request: APIRequestContext, method: "post" | "patch", path: string, headers: object, data: unknown) {
  const response = await request[method](path, { headers: headers as Record<string, string>, data });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * The claims desk takes the claim to an approved settlement offer through the API: review, an
 * assessor's completed assessment with an accepted estimate, approval, a reserve, a settlement
 * proposed by the agent and approved by the supervisor (maker-checker).
 */
async function offerSettlement(request: APIRequestContext, claim: FiledClaim, amount: string): Promise<string> {
  const agent = await as(request, "agent");
  const supervisor = await as(request, "supervisor");
  const assessor = await as(request, "assessor");
  const assessorId = (await apiGet<{ id: string }>(request, "assessor", "/api/auth/me/")).id;
  const base = `/api/claims/${claim.id}`;
  await send(request, "post", `${base}/transition/`, agent, { to: "under_review", reason: "" });
  await send(request, "post", `${base}/assign/`, supervisor, { assessor: assessorId, reason: "e2e: portal claims" });
  await send(request, "post", `${base}/transition/`, agent, { to: "assessment", reason: "" });
  const assessment = await send(request, "post", "/api/assessments/", supervisor, { claim: claim.id, assessor: assessorId });
  const sections = await request.get(`/api/assessments/${String(assessment.id)}/sections/`, { headers: assessor });
  expect(sections.status()).toBe(200);
  const sectionList = (await sections.json()) as { kind: string }[] | { results: { kind: string }[] };
  for (const section of Array.isArray(sectionList) ? sectionList : sectionList.results) {
    await send(request, "patch", `/api/assessments/${String(assessment.id)}/sections/${section.kind}/`, assessor, {
      completed: true,
      severity: 2,
    });
  }
  const estimate = await send(request, "post", `/api/assessments/${String(assessment.id)}/estimates/`, assessor, {
    source: "assessor",
    lines: [{ kind: "part", description: "Front bumper", unit_price: amount }],
  });
  await send(
    request,
    "post",
    `/api/assessments/${String(assessment.id)}/estimates/${String(estimate.id)}/accept/`,
    assessor,
    {},
  );
  await send(request, "post", `/api/assessments/${String(assessment.id)}/complete/`, assessor, {});
  await send(request, "post", `${base}/reserves/`, agent, { cost_type: "own_damage", amount, reason: "e2e" });
  await send(request, "post", `${base}/transition/`, agent, { to: "approved", reason: "", approved_amount: amount });
  const proposed = await apiPost<{ id: string }>(
    request,
    "agent",
    `${base}/settlement/`,
    { amount, payee: "Westlands Motors Ltd", method: "bank_transfer", note: "internal: garage agreed" },
    { "Idempotency-Key": crypto.randomUUID() },
  );
  await apiPost(
    request,
    "supervisor",
    `${base}/settlement/${proposed.id}/`,
    { action: "approve", reason: "" },
    { "Idempotency-Key": crypto.randomUUID() },
  );
  return proposed.id;
}

/** Marks the page; `expectSamePage` fails if it was reloaded or navigated away since. */
async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { e2eMark: boolean }).e2eMark = true;
  });
}
async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark)).toBe(true);
}

test("a customer follows a claim: status and next step, messages both ways live, the offer accepted, the report", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const claim = await fileClaim(request, `Scraped by a matatu at Kencom (e2e ${Date.now()})`);

  // The list: the claim with its vehicle, incident date and status in words
  await signIn(page, "customer", "/claims");
  await expect(page.getByRole("heading", { name: "My claims" })).toBeVisible();
  const row = page.locator(`a[data-claim="${claim.id}"]`);
  await expect(row).toContainText(claim.claim_number);
  await expect(row).toContainText(en["claims.status.submitted"]);
  await expect(row).toContainText(/Incident on \d+ \w+ \d{4}/);
  // The demo customer's draft continues in the wizard
  await expect(page.getByRole("link", { name: "Continue your report" }).first()).toHaveAttribute(
    "href",
    /^\/claims\/new\?draft=[0-9a-f-]{36}$/,
  );
  await expectAccessible(page);

  // The claim: status and what happens next
  await row.click();
  await expect(page.getByRole("heading", { name: `Claim ${claim.claim_number}` })).toBeVisible();
  await expect(page.getByTestId("claim-status")).toContainText(en["claims.status.submitted"]);
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.agent_reviews"]);
  await expect(page.getByTestId("claim-history")).toContainText(`Status: ${en["claims.status.submitted"]}`);
  await expectAccessible(page);
  await markPage(page);

  // The customer writes; the message shows once
  const mine = `Can the garage collect the car from Upper Hill? (${Date.now()})`;
  await page.getByLabel("Your message").fill(mine);
  await page.getByRole("button", { name: "Send" }).click();
  const thread = page.getByTestId("message-thread");
  await expect(thread.locator("li[data-mine]").filter({ hasText: mine })).toHaveCount(1);
  await expect(thread.locator("li[data-pending]")).toHaveCount(0);
  await expect(page.getByLabel("Your message")).toHaveValue("");

  // The agent answers through the API: the answer arrives without a reload, the message still once
  const reply = `Yes: Westlands Motors will collect it tomorrow at 9. (${Date.now()})`;
  await apiPost(request, "agent", `/api/claims/${claim.id}/communications/`, {
    channel: "sms",
    direction: "outbound",
    party: "customer",
    subject: "",
    body: reply,
  });
  await expect(thread.locator("li:not([data-mine])").filter({ hasText: reply })).toBeVisible();
  await expect(thread.getByText(mine)).toHaveCount(1);
  await expect(page.getByTestId("message-arrived")).toContainText(reply);
  // An internal note never reaches the customer
  await apiPost(request, "agent", `/api/claims/${claim.id}/communications/`, {
    channel: "note",
    direction: "internal",
    party: "insurer",
    subject: "",
    body: "internal: check the customer's earlier claims",
  });
  await expectSamePage(page);

  // The desk approves a settlement: the offer appears live, the customer accepts it
  await offerSettlement(request, claim, "42000.00");
  const offer = page.getByTestId("settlement-offer");
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText(/We offer to pay Ksh\s?42,000/);
  await expect(offer).toContainText("Westlands Motors Ltd");
  await expect(offer).not.toContainText("internal");
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.answer_offer"]);
  await expect(page.getByText("internal: check")).toHaveCount(0);
  await expectAccessible(page);
  await expectSamePage(page);

  const answered = page.waitForResponse(
    (response) => response.url().includes("/response/") && response.request().method() === "POST",
  );
  await offer.getByRole("button", { name: "Accept the offer" }).click();
  const response = await answered;
  expect(response.status()).toBe(200);
  expect(response.request().headers()["idempotency-key"]).toMatch(/\S{8,}/);
  await expect(offer).toHaveAttribute("data-state", "accepted");
  await expect(offer).toContainText(en["claims.offer.accepted"]);
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.payment_on_its_way"]);
  await expect(page.getByTestId("claim-history")).toContainText(/You accepted the offer of Ksh\s?42,000/);
  await expectAccessible(page);

  // The claim report, as a PDF download named after the claim
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the claim report (PDF)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${claim.claim_number}.pdf`);
  const path = await file.path();
  expect(path).toBeTruthy();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
  await expectSamePage(page);
  await page.screenshot({ path: `${SCREENSHOTS}/portal-claim-phone.png`, fullPage: true });

  // At a desktop's size too
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("claim-next-step")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENSHOTS}/portal-claim-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);

  // In Kiswahili: the status, the next step, the offer and the thread's frame, no English left
  try {
    await chooseLanguage(page, "sw");
    await expect(page.getByTestId("claim-next-step")).toHaveText(sw["claims.next.payment_on_its_way"]);
    await expect(page.getByTestId("settlement-offer")).toContainText(sw["claims.offer.accepted"]);
    expect(await englishOnPage(page)).toEqual([]);
    await page.goto("/claims");
    await expect(page.getByRole("heading", { name: sw["claims.title"] })).toBeVisible();
    expect(await englishOnPage(page)).toEqual([]);
  } finally {
    // The language is remembered on the demo customer's account: give the other tests English back
    await request.patch("/api/auth/me/", {
      headers: { Authorization: `Bearer ${await apiToken(request, "customer")}` },
      data: { language: "en" },
    });
  }
});

test("another customer opening the first one's claim, policy and pay page by URL sees not found, and no data", async ({
  page,
  pageGuard,
  request,
}) => {
  test.setTimeout(90_000);
  pageGuard.allowConsoleError(/status of 404/);
  const claim = await fileClaim(request, `Private: cracked windscreen (e2e ${Date.now()})`);
  const policies = await apiGet<{ results: { id: string; policy_number: string; status: string }[] }>(
    request,
    "customer",
    "/api/policies/?page_size=100",
  );
  const policy = policies.results.find((item) => item.status === "active");
  expect(policy, "the demo customer's active policy").toBeDefined();

  await signIn(page, "customer2", "/claims");
  await expect(page.getByRole("heading", { name: "My claims" })).toBeVisible();
  await expect(page.locator(`[data-claim="${claim.id}"]`)).toHaveCount(0);

  const visits: [string, string][] = [
    [`/claims/${claim.id}`, `/api/claims/${claim.id}/`],
    [`/policies/${policy!.id}`, `/api/policies/${policy!.id}/`],
    [`/policies/${policy!.id}/pay`, `/api/policies/${policy!.id}/`],
  ];
  for (const [route, apiPath] of visits) {
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === apiPath);
    await page.goto(route);
    expect((await answer).status(), `${apiPath} for another customer`).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const body = (await page.locator("main").textContent()) ?? "";
    for (const secret of [claim.claim_number, "cracked windscreen", policy!.policy_number]) {
      expect(body, `${route} shows nothing of the first customer's`).not.toContain(secret);
    }
    await expectAccessible(page);
  }
});

/** A one-page PDF with a text layer. */
function pdfWith(line: string): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${line.replace(/[()\\]/g, "\\$&")}) Tj ET`;
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

test("a document the claims team asks for appears live and is uploaded from the claim page", async ({ page, request }) => {
  test.setTimeout(90_000);
  const claim = await fileClaim(request, `Hit a pothole on Waiyaki Way (e2e ${Date.now()})`);
  await signIn(page, "customer", `/claims/${claim.id}`);
  await expect(page.getByRole("heading", { name: `Claim ${claim.claim_number}` })).toBeVisible();
  await expect(page.getByTestId("document-requests")).toHaveCount(0);

  // The agent asks for the police abstract through the API: the request shows without a reload
  await apiPost(request, "agent", `/api/claims/${claim.id}/document-requests/`, {
    kind: "police_report",
    note: "The OB number from Kilimani police station, please.",
  });
  const asked = page.getByTestId("document-requests");
  await expect(asked).toContainText(en["claims.documents.kind.police_report"]);
  await expect(asked).toContainText("Kilimani police station");
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.upload_documents"]);
  await expectAccessible(page);

  // The customer uploads it (resumable upload); the request is received, the document listed with its scan state
  await page.getByTestId("upload-police_report").setInputFiles({
    name: "police-abstract.pdf",
    mimeType: "application/pdf",
    buffer: pdfWith(`POLICE ABSTRACT ${claim.claim_number} ${Date.now()}`),
  });
  await expect(asked.locator("li[data-state=fulfilled]")).toContainText(en["claims.documents.requestedDone"], {
    timeout: 30_000,
  });
  const listed = page.locator("li[data-document]").filter({ hasText: "police-abstract.pdf" });
  await expect(listed).toContainText(en["claims.documents.kind.police_report"]);
  await expect(listed.locator("[data-scan]")).toHaveAttribute("data-scan", /^(pending|clean|unscanned)$/);
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.agent_reviews"]);
  await expect(page.getByTestId("claim-history")).toContainText("We asked you for: Police abstract");
  await expectAccessible(page);
});
