import type { Locator, Page } from "@playwright/test";

import { expect, expectAccessible, signIn, test } from "./fixtures";
import { PHONE } from "./portal-helpers";

test.use({ viewport: PHONE });

/** The star a customer taps: the label around the (visually hidden) radio button. */
function stars(form: Locator, name: string): Locator {
  return form.locator("label").filter({ has: form.page().getByRole("radio", { name }) });
}

/** The key flow, run at a phone's size and at a desktop's. */
async function browseSignedOut(page: Page) {
  await page.goto("/products");
  await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
  const categories = page.getByRole("navigation", { name: "Category" });
  await expect(categories.getByRole("button")).toHaveCount(11); // all + the ten categories
  await expect(page.getByText("Insurance from 3 companies, in ten categories.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);

  await categories.getByRole("button", { name: "Motor" }).click();
  await expect(page).toHaveURL(/category=motor/);
  const products = page.getByRole("region", { name: "Products" }).getByRole("listitem");
  await expect(products).toHaveCount(2);
  await expect(page.getByText("2 of 2 products")).toBeVisible();

  await page.getByRole("link", { name: /Motor Private Comprehensive/ }).click();
  await expect(page.getByRole("heading", { name: "Motor Private Comprehensive" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What it covers" })).toBeVisible();
  await expect(page.getByText("Own damage", { exact: true })).toBeVisible();
  await expect(page.getByText("Ksh 15,000 per claim")).toBeVisible(); // the excess, without false decimals
  await expect(page.getByText("Courtesy car (10 days)")).toBeVisible();
  await expect(page.getByText("Plus 3.5% of the value you insure (the sum insured).")).toBeVisible();
  await expect(page.getByText("You pay at least Ksh 37,500.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reviews" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to get a quote" })).toHaveAttribute(
    "href",
    /\/login\?next=%2Fquote%3Fproduct%3D/,
  );
  await expect(page.getByRole("heading", { name: "Review this product" })).toHaveCount(0);
  await expectAccessible(page);
}

test("a visitor browses the catalogue signed out: categories, companies, a product in full", async ({ page }) => {
  await browseSignedOut(page);
});

test.describe("at a desktop's size (1280 x 800)", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("a visitor browses the catalogue signed out", async ({ page }) => {
    await browseSignedOut(page);
  });
});

test("a product that does not exist is the not-found answer", async ({ page, pageGuard }) => {
  pageGuard.allowConsoleError(/status of 404/);
  await page.goto("/products/00000000-0000-0000-0000-000000000000");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a customer who holds a product reviews it once, with stars", async ({ page }) => {
  await signIn(page, "customer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Products" }).click();
  await page.getByRole("link", { name: /Motor Private Comprehensive/ }).click();
  const form = page.getByRole("form", { name: "Review this product" });
  await expect(form).toBeVisible();
  await expect(page.getByRole("link", { name: "Get a quote" })).toBeVisible();
  await expectAccessible(page);

  await form.getByRole("button", { name: "Publish my review" }).click();
  await expect(form.getByText("Choose from 1 to 5 stars.")).toBeVisible(); // nothing sent yet
  await stars(form, "4 stars").click();
  await form.getByLabel("Your review").fill("Paid my windscreen claim within a week.");
  await form.getByRole("button", { name: "Publish my review" }).click();
  await expect(page.getByText("Thank you: your review is published.")).toBeVisible();
  await expect(page.getByText("Paid my windscreen claim within a week.")).toBeVisible();
  await expect(page.getByRole("img", { name: "4 out of 5 stars" }).first()).toBeVisible();

  // Once only: the page, read again, offers no second review and says why.
  await page.reload();
  await expect(page.getByTestId("already-reviewed")).toHaveText("You have already reviewed this product.");
  await expect(page.getByRole("form", { name: "Review this product" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a customer who never held a product is offered no review form", async ({ page }) => {
  await signIn(page, "customer");
  await page.goto("/products");
  await page.getByRole("navigation", { name: "Category" }).getByRole("button", { name: "Life", exact: true }).click();
  await page.getByRole("region", { name: "Products" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Reviews" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Review this product" })).toHaveCount(0);
  await expect(page.getByTestId("already-reviewed")).toHaveCount(0);
});
