/**
 * The customer portal's buy-and-pay path (issue #17) on a phone (390 x 844), against the real
 * server and its development M-Pesa stand-in (insurehub/payments/daraja_standin.py): a number
 * ending 1032 cancels on the phone, any other ordinary number pays a few seconds after the push.
 */
import type { Page } from "@playwright/test";

import { withCheckDigit } from "../src/features/portal-policies/vin";
import { apiPost } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { chooseLanguage, englishOnPage, NEW_PASSWORD, newCustomer, signInAs } from "./portal-helpers";

test.use({ viewport: { width: 390, height: 844 } });

function newCar() {
  const serial = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
  // North American VIN (its 9th character is a check digit), model year code R: 1994 or 2024
  const vin = withCheckDigit(`1HGCM8260RA${serial}`);
  const plate = `KD${String.fromCharCode(65 + Math.floor(Math.random() * 26))} ${serial.slice(0, 3)}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
  return { vin, plate, serial };
}

/**
 * The key flow, run at a phone's size and at a desktop's: quote a new car (its VIN decoded as
 * typed), pay by M-Pesa, see the policy active with its documents, and see what cancelling would
 * refund before confirming it.
 */
async function quotePayAndCancel(page: Page) {
  await signIn(page, "customer", "/quote");
  await expect(page.getByRole("heading", { name: "Get a motor quote" })).toBeVisible();

  await page.getByRole("radio", { name: /Motor Private Comprehensive/ }).check();
  await page.getByLabel("Car to insure").selectOption({ label: "Add a new car" });

  const car = newCar();
  await page.getByLabel("Number plate").fill(car.plate);
  // A wrong check digit is named as it is typed, with the right one
  const wrongDigit = car.vin[8] === "1" ? "2" : "1";
  const vinField = page.getByLabel("Chassis number (VIN)");
  await vinField.fill(`${car.vin.slice(0, 8)}${wrongDigit}${car.vin.slice(9)}`);
  await expect(page.getByText(`its 9th character is ${wrongDigit} but should be ${car.vin[8]}`)).toBeVisible();
  await vinField.fill(car.vin.toLowerCase());
  // The server decodes the valid VIN: its make and model years, which fill the form on request.
  await expect(page.getByTestId("vin-ok")).toHaveText("Chassis number checked: Honda (United States), model year 2024 / 1994.");
  await page.getByRole("button", { name: "Fill in the make and year" }).click();
  await expect(page.getByLabel("Make", { exact: true })).toHaveValue("Honda");
  await page.getByLabel("Model", { exact: true }).fill("Accord");
  await page.getByLabel("Year", { exact: true }).fill("2024");
  await page.getByLabel("What the car is worth today (KES)").fill("2,400,000");
  await page.getByRole("button", { name: "Save the car" }).click();
  await expect(page.getByLabel("Car to insure")).toHaveValue(/[0-9a-f-]{36}/);

  await page.getByLabel(/Courtesy car/).check();
  await page.getByRole("button", { name: "Show my price" }).click();
  const breakdown = page.getByTestId("price-breakdown");
  // 5,000 + 3.5% of 2,400,000 = 89,000, a new car (factor 1), + 3,000 courtesy car = 92,000
  await expect(breakdown).toContainText("3.5% of the sum insured");
  await expect(breakdown).toContainText("Extra: Courtesy car (10 days)");
  await expect(breakdown.getByText("Total premium")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Your price: Ksh\s?92,000/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Accept and pay" }).click();
  await page.waitForURL(/\/policies\/[0-9a-f-]{36}\/pay$/);
  const policyPath = new URL(page.url()).pathname.replace(/\/pay$/, "");
  await expect(page.getByText("Awaiting payment")).toBeVisible();

  // The profile's number is prefilled, normalised; the customer pays from another phone
  const phone = page.getByLabel("M-Pesa phone number");
  await expect(phone).toHaveValue("254700000001");
  await phone.fill("0712 345 678");
  await expect(page.getByText("The payment request goes to +254 712 345 678.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /Pay Ksh\s?92,000 with M-Pesa/ }).click();
  await expect(page.getByTestId("mpesa-waiting")).toContainText("enter your M-Pesa PIN");
  // The stand-in's phone pays a few seconds later; the callback reaches the page live
  await expect(page.getByTestId("policy-active")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("policy-active")).toContainText("Your policy is active");
  await expect(page.getByText("Nothing is due on this policy now.")).toBeVisible();
  await expect(page.getByTestId("instalments").locator("[data-state=paid]")).toHaveCount(1);
  await expectAccessible(page);

  await page.goto(policyPath);
  await expect(page.getByText("You are covered.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByTestId("payment-row").first()).toContainText("Paid");
  await expectAccessible(page);

  // The documents, made by the server: the schedule and, the policy being active, the certificate.
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents.getByText("Certificate of insurance")).toBeVisible();
  await expect(documents.getByText(/Certificate number CRT-\d{4}-\d{6}/)).toBeVisible();
  for (const [name, file] of [["Policy schedule", /^POL-\d{4}-\d{6}-schedule\.pdf$/], ["Certificate of insurance", /^CRT-\d{4}-\d{6}\.pdf$/]] as const) {
    const download = page.waitForEvent("download");
    await documents.getByRole("button", { name: `Download ${name}` }).click();
    expect((await download).suggestedFilename()).toMatch(file);
  }

  // Cancelling: the refund it would give, before confirming; then it is asked for.
  await page.getByRole("button", { name: "Cancel the policy" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("refund-preview")).toContainText(/Cancelling today gives you back Ksh\s?9\d,\d{3}\.\d{2}: you have paid Ksh\s?92,000/);
  await expectAccessible(page);
  await dialog.getByLabel("Why are you cancelling?").fill("Sold the car");
  await dialog.getByRole("button", { name: "Cancel it" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("payment-row").first()).toContainText(/Refund of Ksh\s?9\d,\d{3}\.\d{2} requested/);
}

test("a customer quotes a motor policy for a new car, pays by M-Pesa, gets its documents and sees what cancelling refunds", async ({ page }) => {
  test.setTimeout(120_000);
  await quotePayAndCancel(page);
});

test.describe("at a desktop's size (1280 x 800)", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the same: quote, pay by M-Pesa, documents, cancel with its refund", async ({ page }) => {
    test.setTimeout(120_000);
    await quotePayAndCancel(page);
  });
});

test("a push the customer cancels on the phone is said in plain words, and they can try again", async ({ page, request }) => {
  test.setTimeout(90_000);
  const car = newCar();
  const vehicle = await apiPost<{ id: string }>(request, "customer", "/api/vehicles/", {
    registration: car.plate,
    vin: car.vin,
    make: "Toyota",
    model: "Axio",
    year: 2024,
    estimated_value: "1500000.00",
  });
  const types = await (await request.get("/api/policy-types/?category=motor&page_size=50")).json() as {
    results: { id: string; name: string }[];
  };
  const product = types.results.find((item) => item.name === "Motor Private Comprehensive");
  expect(product).toBeDefined();
  const quote = await apiPost<{ id: string }>(request, "customer", "/api/policies/quote/", {
    policy_type: product!.id,
    vehicle: vehicle.id,
    payment_plan: "quarterly",
  });
  await apiPost(request, "customer", `/api/policies/${quote.id}/accept/`, {});

  await signIn(page, "customer", `/policies/${quote.id}/pay`);
  await expect(page.getByRole("heading", { name: "Pay for your policy" })).toBeVisible();
  await expect(page.getByTestId("instalments").locator("li")).toHaveCount(4);

  await page.getByLabel("M-Pesa phone number").fill("0712 341 032");
  await page.getByRole("button", { name: /with M-Pesa/ }).click();
  const outcome = page.getByTestId("payment-outcome");
  await expect(outcome).toHaveAttribute("data-kind", "cancelled", { timeout: 30_000 });
  await expect(outcome).toContainText("The request was cancelled on the phone. Nothing was taken. You can try again.");
  await expect(page.getByText("Awaiting payment")).toBeVisible();
  await expectAccessible(page);

  // Bank transfer: our account, the reference and the amount to copy (nothing is paid yet)
  await page.getByRole("tab", { name: "By bank" }).click();
  await page.getByRole("button", { name: /by bank transfer/ }).click();
  const bank = page.getByTestId("bank-details");
  await expect(bank.getByRole("button", { name: /Copy\s*Reference/ })).toBeVisible();
  await expect(bank).toContainText(/Transfer exactly Ksh\s?\S+ and quote the reference/);
  await expectAccessible(page);
  await page.getByRole("tab", { name: "By M-Pesa" }).click();

  await page.getByLabel("M-Pesa phone number").fill("0712 345 678");
  await page.getByRole("button", { name: /Try again: pay/ }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveAttribute("data-kind", "paid", { timeout: 30_000 });
  await expect(page.getByTestId("policy-active")).toBeVisible();
  // quarterly: the first of four instalments is paid, the second is due next
  await expect(page.getByTestId("instalments").locator("[data-state=paid]")).toHaveCount(1);
  await expect(page.getByTestId("instalments").locator("[data-state=due_next]")).toHaveCount(1);
});

test("in Swahili, the quote and pay pages and a failed payment's outcome have no English left", async ({ page, request }) => {
  test.setTimeout(90_000);
  // A customer of its own: the language choice is saved to the account
  const email = await newCustomer(request, "Amani Wanjiru");
  const login = await request.post("/api/auth/login/", { data: { email, password: NEW_PASSWORD } });
  expect(login.status()).toBe(200);
  const headers = { Authorization: `Bearer ${((await login.json()) as { access: string }).access}` };
  const post = async <T>(path: string, data: unknown): Promise<T> => {
    const response = await request.post(path, { headers, data });
    expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  const car = newCar();
  const vehicle = await post<{ id: string }>("/api/vehicles/", {
    registration: car.plate,
    vin: car.vin,
    make: "Toyota",
    model: "Vitz",
    year: 2024,
    estimated_value: "900000.00",
  });
  const types = (await (await request.get("/api/policy-types/?category=motor&page_size=50")).json()) as {
    results: { id: string; name: string }[];
  };
  const product = types.results.find((item) => item.name === "Motor Third Party Only");
  expect(product).toBeDefined();
  const quote = await post<{ id: string }>("/api/policies/quote/", {
    policy_type: product!.id,
    vehicle: vehicle.id,
    payment_plan: "monthly",
  });
  await post(`/api/policies/${quote.id}/accept/`, {});

  await signInAs(page, email);
  await page.goto("/quote");
  await chooseLanguage(page, "sw");
  await expect(page.getByRole("heading", { name: "Pata bei ya bima ya gari" })).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);

  await page.goto(`/policies/${quote.id}/pay`);
  await expect(page.getByRole("heading", { name: "Lipia bima yako" })).toBeVisible();
  await expect(page.getByTestId("instalments").locator("li")).toHaveCount(12);
  await page.getByLabel("Nambari ya simu ya M-Pesa").fill("0712 341 032");
  await page.getByRole("button", { name: /kwa M-Pesa/ }).click();
  const outcome = page.getByTestId("payment-outcome");
  await expect(outcome).toHaveAttribute("data-kind", "cancelled", { timeout: 30_000 });
  await expect(outcome).toContainText("Ombi lilighairiwa kwenye simu. Hakuna pesa iliyotolewa.");
  expect(await englishOnPage(page)).toEqual([]);
  await expectAccessible(page);

  await page.goto(`/policies/${quote.id}`);
  await expect(page.getByRole("heading", { name: "Historia" })).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);
});
