/**
 * One customer's whole journey through the portal (issue #17), on a phone (390 x 844), against the
 * real server, its development M-Pesa stand-in (STK push in, B2C out) and its virus scanner: a new
 * customer registers, confirms the e-mail (the link from the server's log) and the phone (the SMS
 * code), quotes a motor policy for a new car, pays it by M-Pesa and sees it active; reports a claim
 * in the wizard with two photos and a PDF, each file's scan state shown; on the claim's page sees
 * the agent's message arrive live and replies; the claims desk (staff through the API) takes the
 * claim to an approved offer, which the customer accepts on the page; the desk pays it by M-Pesa
 * and the page shows it paid once the stand-in's B2C result has come back; then, in Kiswahili,
 * every page of the journey has no English left and is accessible. The claim-following part runs
 * again at a desktop's size (1280 x 800), for a customer set up through the API.
 *
 * The fixtures' guard fails each test on a console error or a request to another origin. Another
 * customer opening these pages by URL is portal-claims.spec.ts's last test (a real second customer).
 */
import type { APIRequestContext, Page } from "@playwright/test";

import { withCheckDigit } from "../src/features/portal-policies/vin";
import { en } from "../src/lib/i18n/en";
import { sw } from "../src/lib/i18n/sw";
import { apiPost, incidentInCover, offerSettlement, paySettlement } from "./api-helpers";
import { expect, expectAccessible, test } from "./fixtures";
import { chooseLanguage, emailedLink, englishOnPage, logMark, NEW_PASSWORD, PHONE, signInAs, textedCode } from "./portal-helpers";
import { pdf, photo } from "./test-files";

test.use({ viewport: PHONE, timezoneId: "Africa/Nairobi" });

const DESKTOP = { width: 1280, height: 800 };

function unique(): string {
  return `${Date.now()}${Math.floor(Math.random() * 1000)}`;
}

/** A Kenyan mobile number the stand-ins answer "paid" for (none of their special endings). */
function phoneNumber(): string {
  return `0712 ${String(Math.floor(Math.random() * 900) + 100)} 678`;
}

function newCar() {
  const serial = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
  const vin = withCheckDigit(`1HGCM8260RA${serial}`); // Honda, model year 2024 (or 1994)
  const letter = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  return { vin, plate: `KD${letter()} ${serial.slice(0, 3)}${letter()}` };
}

async function customerHeaders(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const login = await request.post("/api/auth/login/", { data: { email, password: NEW_PASSWORD } });
  expect(login.status(), `sign-in of ${email} over the API`).toBe(200);
  return { Authorization: `Bearer ${((await login.json()) as { access: string }).access}` };
}

/**
 * A moment inside the policy's cover and not in the future, as the Nairobi phone's date and time
 * inputs hold it: two hours ago, or just after the cover began (the server's UTC day) if later.
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

/** Marks the page; `expectSamePage` fails if it was reloaded or navigated away since (so "live" means live). */
async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { e2eMark: boolean }).e2eMark = true;
  });
}
async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark), "the page was not reloaded").toBe(true);
}

// --- the journey's parts ---------------------------------------------------------------------

async function registerAndVerify(page: Page, name: string): Promise<string> {
  const email = `${name.split(" ")[0]!.toLowerCase()}.journey.${unique()}@example.test`;
  await page.goto("/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  const phone = phoneNumber();
  await page.getByLabel(/^Phone number/).fill(phone);
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  const mark = logMark();
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();

  await page.goto(await emailedLink(email, "/verify-email"));
  await expect(page.getByText(`Your e-mail address ${email} is confirmed.`)).toBeVisible();
  await signInAs(page, email);
  await expect(page.getByRole("heading", { name: `Welcome, ${name.split(" ")[0]}` })).toBeVisible();
  await page.goto("/verify-email");
  await page.getByRole("button", { name: "Text me a code" }).click();
  await page.getByLabel("6-digit code").fill(await textedCode(mark, phone));
  await page.getByRole("button", { name: "Confirm my number" }).click();
  await expect(page.getByText(/Your phone number .* is confirmed\./)).toBeVisible();
  return email;
}

/** Quotes a comprehensive motor policy for a new car and pays it by M-Pesa; answers the policy's id. */
async function quoteAndPay(page: Page): Promise<string> {
  await page.goto("/quote");
  await expect(page.getByRole("heading", { name: "Get a motor quote" })).toBeVisible();
  await page.getByRole("radio", { name: /Motor Private Comprehensive/ }).check();
  await page.getByLabel("Car to insure").selectOption({ label: "Add a new car" });
  const car = newCar();
  await page.getByLabel("Number plate").fill(car.plate);
  await page.getByLabel("Chassis number (VIN)").fill(car.vin);
  await page.getByRole("button", { name: "Fill in the make and year" }).click();
  await expect(page.getByLabel("Make", { exact: true })).toHaveValue("Honda");
  await page.getByLabel("Model", { exact: true }).fill("Fit");
  await page.getByLabel("Year", { exact: true }).fill("2024");
  await page.getByLabel("What the car is worth today (KES)").fill("1,200,000");
  await page.getByRole("button", { name: "Save the car" }).click();
  await expect(page.getByLabel("Car to insure")).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByRole("button", { name: "Show my price" }).click();
  await expect(page.getByRole("heading", { name: /Your price: Ksh/ })).toBeVisible();
  await page.getByRole("button", { name: "Accept and pay" }).click();
  await page.waitForURL(/\/policies\/[0-9a-f-]{36}\/pay$/);
  const policyId = /\/policies\/([0-9a-f-]{36})\/pay$/.exec(page.url())![1]!;
  await expect(page.getByText("Awaiting payment")).toBeVisible();
  await page.getByRole("button", { name: /with M-Pesa/ }).click();
  await expect(page.getByTestId("mpesa-waiting")).toContainText("enter your M-Pesa PIN");
  await expect(page.getByTestId("policy-active")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("policy-active")).toContainText("Your policy is active");
  return policyId;
}

function fileRow(page: Page, name: string) {
  return page.getByTestId("claim-file").filter({ hasText: name });
}

/** Reports a claim in the wizard, with two photos (a PNG and a JPEG) and a PDF; answers its id. */
async function reportClaim(page: Page, request: APIRequestContext, email: string, policyId: string): Promise<string> {
  const policy = (await (await request.get(`/api/policies/${policyId}/`, { headers: await customerHeaders(request, email) })).json()) as {
    start_date: string;
  };
  await page.goto("/claims/new");
  await expect(page.getByRole("heading", { name: "Report a claim" })).toBeVisible();
  const step = page.getByTestId("wizard-step");
  await expect(step).toContainText("Policy");
  await page.locator(`input[type="radio"][value="${policyId}"]`).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(step).toContainText("When");
  const when = incidentMoment(policy.start_date);
  await page.getByLabel("Date").fill(when.date);
  await page.getByLabel("Time").fill(when.time);
  await expect(page.getByText("That is inside your cover.")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(step).toContainText("Where");
  await page.getByLabel("Address or place").fill("Waiyaki Way at ABC Place, Nairobi");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(step).toContainText("What happened");
  await page.getByLabel("Describe what happened").fill("A boda boda hit my rear door while I waited at the lights.");
  await page.getByRole("group", { name: "Was another vehicle, person or property involved?" }).getByLabel("Yes").check();
  await page.getByLabel("The other party's details").fill("Boda boda KMDA 456B, rider Otieno");
  await page.getByLabel("Police reference (OB number)").fill("OB/17/2026");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(step).toContainText("Photos and documents");

  const seed = Number(unique()) % 997;
  await page.getByLabel("Add photos").setInputFiles([
    { name: "rear-door.png", mimeType: "image/png", buffer: await photo(page, "image/png", seed) },
    { name: "the-lights.jpg", mimeType: "image/jpeg", buffer: await photo(page, "image/jpeg", seed + 1) },
  ]);
  await page.getByLabel("Add documents").setInputFiles({
    name: "police-abstract.pdf",
    mimeType: "application/pdf",
    buffer: pdf(`Police abstract OB/17/2026 ${unique()}`),
  });
  for (const name of ["rear-door.png", "the-lights.jpg", "police-abstract.pdf"]) {
    await expect(fileRow(page, name)).toHaveAttribute("data-state", "clean", { timeout: 20_000 });
    await expect(fileRow(page, name).getByTestId("claim-file-state")).toHaveText("Checked: clean");
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(step).toContainText("Check and send");
  await expect(page.getByText("3 added")).toBeVisible();
  await page.getByLabel("What I have said is true to the best of my knowledge.").check();
  await page.getByRole("button", { name: "Send my claim" }).click();
  await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
  return /\/claims\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
}

/**
 * On the open claim page: the agent's message arrives without a reload and the customer replies;
 * the desk's approved offer appears live and the customer accepts it. Answers the settlement's id.
 */
async function followClaim(page: Page, request: APIRequestContext, claimId: string, payee: string): Promise<string> {
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.agent_reviews"]);
  await markPage(page);

  const thread = page.getByTestId("message-thread");
  const question = `Please send photos of the other side too. (${unique()})`;
  await apiPost(request, "agent", `/api/claims/${claimId}/communications/`, {
    channel: "sms",
    direction: "outbound",
    party: "customer",
    subject: "",
    body: question,
  });
  await expect(thread.locator("li:not([data-mine])").filter({ hasText: question })).toBeVisible();
  await expect(page.getByTestId("message-arrived")).toContainText(question);
  const reply = `The other side has no damage. (${unique()})`;
  await page.getByLabel("Your message").fill(reply);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(thread.locator("li[data-mine]").filter({ hasText: reply })).toHaveCount(1);
  await expect(thread.locator("li[data-pending]")).toHaveCount(0);
  await expectSamePage(page);

  const settlementId = await offerSettlement(request, claimId, { amount: "38500.00", payee, method: "mpesa" });
  const offer = page.getByTestId("settlement-offer");
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText(/Ksh\s?38,500/);
  await expect(offer).toContainText(en["claims.offer.method.mpesa"]);
  await expect(offer).not.toContainText("internal");
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.answer_offer"]);
  await expectAccessible(page);
  await offer.getByRole("button", { name: "Accept the offer" }).click();
  await expect(offer).toHaveAttribute("data-state", "accepted");
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.payment_on_its_way"]);
  await expectSamePage(page);
  return settlementId;
}

/** Each page, in Kiswahili: its heading shown, no English from the catalogue left, accessible. */
async function expectSwahili(page: Page, paths: string[]) {
  const leftovers: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "sw");
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    const english = await englishOnPage(page);
    if (english.length) leftovers[path] = english;
    await expectAccessible(page);
  }
  expect(leftovers, "English left on the pages in Kiswahili").toEqual({});
}

// --- the tests -------------------------------------------------------------------------------

test("a new customer's whole journey: register, verify, buy, pay, claim with photos, follow it live, accept the offer, get paid, in Kiswahili", async ({
  page,
  request,
}) => {
  test.setTimeout(170_000);
  const name = "Wanjiku Kamau";
  const email = await registerAndVerify(page, name);
  const policyId = await quoteAndPay(page);
  const claimId = await reportClaim(page, request, email, policyId);

  // The claim's page: the agent writes, the customer answers, the offer comes and is accepted
  await expect(page.getByRole("heading", { name: /^Claim CLM-\d{4}-\d{6}$/ })).toBeVisible();
  await expectAccessible(page);
  const settlementId = await followClaim(page, request, claimId, name);

  // The desk pays by M-Pesa: B2C through the stand-in, whose result settles the claim; the page says so live
  await paySettlement(request, claimId, settlementId);
  const offer = page.getByTestId("settlement-offer");
  await expect(offer).toHaveAttribute("data-state", "paid", { timeout: 30_000 });
  await expect(offer).toContainText(/Paid: Ksh\s?38,500/);
  await expect(page.getByTestId("claim-next-step")).toHaveText(en["claims.next.payment_made"]);
  await expect(page.getByTestId("claim-status")).toContainText(en["claims.status.settled"]);
  await expectSamePage(page);
  await expectAccessible(page);

  // In Kiswahili (saved to the account): every page of the journey, nothing left in English
  await chooseLanguage(page, "sw");
  await expect(page.getByTestId("claim-next-step")).toHaveText(sw["claims.next.payment_made"]);
  await expectSwahili(page, [
    "/",
    "/policies",
    `/policies/${policyId}`,
    "/claims",
    `/claims/${claimId}`,
    "/claims/new",
    "/notifications",
    "/profile",
  ]);
});

test.describe("at a desktop's size (1280 x 800)", () => {
  test.use({ viewport: DESKTOP });

  test("following a claim: the agent's message live, a reply, the offer accepted, in Kiswahili", async ({ page, request }) => {
    test.setTimeout(90_000);
    // A customer with an active motor policy and a claim, set up through the API (as the mobile app would)
    const name = "Baraka Mwangi";
    const email = `baraka.journey.${unique()}@example.test`;
    const registered = await request.post("/api/auth/register/", {
      data: { email, password: NEW_PASSWORD, name, phone: phoneNumber() },
    });
    expect(registered.status(), "registration over the API").toBe(202);
    const headers = await customerHeaders(request, email);
    const post = async <T>(path: string, data: unknown, keyed = false): Promise<T> => {
      const response = await request.post(path, {
        headers: keyed ? { ...headers, "Idempotency-Key": crypto.randomUUID() } : headers,
        data,
      });
      expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    };
    const car = newCar();
    const vehicle = await post<{ id: string }>("/api/vehicles/", {
      registration: car.plate,
      vin: car.vin,
      make: "Honda",
      model: "Fit",
      year: 2024,
      estimated_value: "1200000.00",
    });
    const types = (await (await request.get("/api/policy-types/?category=motor&page_size=50")).json()) as {
      results: { id: string; name: string }[];
    };
    const product = types.results.find((item) => item.name === "Motor Private Comprehensive");
    expect(product).toBeDefined();
    const quote = await post<{ id: string }>("/api/policies/quote/", { policy_type: product!.id, vehicle: vehicle.id });
    await post(`/api/policies/${quote.id}/accept/`, {});
    await post("/api/payments/mpesa/stk-push/", { policy: quote.id, phone: "0712345678" }, true);
    await expect
      .poll(async () => ((await (await request.get(`/api/policies/${quote.id}/`, { headers })).json()) as { status: string }).status, {
        message: "the policy active once the stand-in's payment callback came",
        timeout: 30_000,
      })
      .toBe("active");
    const claim = await post<{ id: string; status: string }>(
      "/api/claims/",
      {
        policy: quote.id,
        vehicle: vehicle.id,
        incident_date: incidentInCover(
          (await (await request.get(`/api/policies/${quote.id}/`, { headers })).json()) as { start_date: string | null },
        ),
        description: "Reversed into a bollard at Sarit Centre.",
      },
      true,
    );
    expect(claim.status).toBe("submitted");

    await signInAs(page, email);
    await page.goto(`/claims/${claim.id}`);
    await expect(page.getByRole("heading", { name: /^Claim CLM-\d{4}-\d{6}$/ })).toBeVisible();
    await expectAccessible(page);
    await followClaim(page, request, claim.id, name);
    await expectAccessible(page);

    await chooseLanguage(page, "sw");
    await expect(page.getByTestId("claim-next-step")).toHaveText(sw["claims.next.payment_on_its_way"]);
    await expectSwahili(page, [`/claims/${claim.id}`, "/claims"]);
  });
});
