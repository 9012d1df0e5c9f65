import { expect, expectAccessible, test } from "./fixtures";
import { chooseLanguage, englishOnPage, NEW_PASSWORD, newCustomer, PHONE, signInAs } from "./portal-helpers";

test.use({ viewport: PHONE });

test("in Swahili the public pages show no English, and the choice is kept on this device", async ({ page }) => {
  await page.goto("/products");
  await chooseLanguage(page, "sw");
  await expect(page.getByRole("heading", { name: "Bidhaa", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Magari" })).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);
  await expectAccessible(page);

  await page.getByRole("link", { name: /Motor Private Comprehensive/ }).click();
  await expect(page.getByRole("heading", { name: "Inachokinga" })).toBeVisible();
  await expect(page.getByText("Unalipa angalau Ksh 37,500.")).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);
  await expectAccessible(page);

  for (const path of ["/login", "/register", "/reset-password", "/verify-email"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "sw"); // remembered across loads
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await englishOnPage(page), path).toEqual([]);
  }
  await page.goto("/register");
  await expect(page.getByText("Nenosiri lako lazima:")).toBeVisible();
  await expectAccessible(page);
});

test("a customer's Swahili follows them to another device, and their pages show no English", async ({
  page,
  browser,
  request,
}) => {
  const email = await newCustomer(request);
  await signInAs(page, email);
  await chooseLanguage(page, "sw");
  await expect(page.getByRole("heading", { name: /^Karibu, Zawadi/ })).toBeVisible();
  expect(await englishOnPage(page)).toEqual([]);
  await expectAccessible(page);
  for (const path of ["/products", "/policies", "/claims", "/no/such/page"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Menyu kuu" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await englishOnPage(page), path).toEqual([]);
  }

  // A fresh browser (nothing on the device): after sign-in the saved language applies.
  const other = await browser.newContext({ viewport: PHONE });
  try {
    const phone = await other.newPage();
    await phone.goto("/login");
    await expect(phone.locator("html")).toHaveAttribute("lang", "en");
    await phone.getByLabel("Email").fill(email);
    await phone.getByLabel("Password").fill(NEW_PASSWORD);
    await phone.getByRole("button", { name: "Sign in" }).click();
    await expect(phone.getByRole("heading", { name: /^Karibu, Zawadi/ })).toBeVisible();
    await expect(phone.locator("html")).toHaveAttribute("lang", "sw");
  } finally {
    await other.close();
  }
});
