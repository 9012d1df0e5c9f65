import { expect, expectAccessible, test } from "./fixtures";
import { emailedLink, logMark, newCustomer, PHONE, textedCode } from "./portal-helpers";

test.use({ viewport: PHONE });

const PASSWORD = "plum-orbit-cascade-917";

test("a new customer registers, verifies e-mail and phone, and signing in lands in the customer area", async ({
  page,
}) => {
  test.setTimeout(90_000); // two sign-ins and a registration, each a password hash on a busy machine
  const email = `amani.${Date.now()}@example.test`;
  await page.goto("/register");
  // The password rules are there before anything is sent.
  await expect(page.getByText("Your password must:")).toBeVisible();
  await expect(page.getByText("be at least 10 characters long")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Amani Wanjiru");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Phone number/).fill("0712 345 678");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  const mark = logMark();
  await page.getByRole("button", { name: "Create my account" }).click();

  // The same answer whether or not the address had an account: check your e-mail.
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await expect(page.getByText(`We have sent a message to ${email}.`)).toBeVisible();
  await expectAccessible(page);

  // The e-mail: the link from the message, opened before signing in.
  await page.goto(await emailedLink(email, "/verify-email"));
  await expect(page.getByText(`Your e-mail address ${email} is confirmed.`)).toBeVisible();

  // Signed in with the password chosen, the phone: a code by SMS, typed back.
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/verify-email");
  await page.getByRole("button", { name: "Text me a code" }).click();
  const code = await textedCode(mark);
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Confirm my number" }).click();
  await expect(page.getByText(/Your phone number .* is confirmed\./)).toBeVisible();

  // Sign out, then in: the customer's start page and navigation.
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Welcome, Amani" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Products", "My policies", "My claims", "Notifications", "Profile"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  // Verified: no reminder left.
  await expect(page.getByText("Confirm your e-mail address to keep your account safe.")).toHaveCount(0);
  await expectAccessible(page);
});

test("registration answers a taken address as a new one, tells its holder, and refuses a weak password", async ({
  page,
  pageGuard,
}) => {
  pageGuard.allowConsoleError(/status of 400/);
  const holder = await newCustomer(page.request);
  await page.goto("/register");
  await page.getByLabel("Email").fill(holder);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  // Nothing says the address is taken...
  await expect(page.getByText(`We have sent a message to ${holder}.`)).toBeVisible();
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  // ...but its holder hears of it, with a way back in.
  expect(await emailedLink(holder, "/reset-password")).toContain("/reset-password?token=");

  await page.goto("/register");
  await page.getByLabel("Email").fill(`weak.${Date.now()}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill("1234567890");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("alert")).toHaveText("Check the fields marked below.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/only digits/);
  await expect(page).toHaveURL(/\/register$/);
});

test("a password reset: the link by e-mail, a new password, and a used link refused", async ({
  page,
  request,
  pageGuard,
}) => {
  pageGuard.allowConsoleError(/status of 400/);
  const email = await newCustomer(request);
  await page.goto("/reset-password");
  await expectAccessible(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText(`If an account uses ${email}, a link`)).toBeVisible();

  const link = await emailedLink(email, "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(/too short/);
  await page.getByLabel("New password").fill("violet-harbour-lantern-42");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();

  await page.goto(link);
  await page.getByLabel("New password").fill("another-harbour-lantern-43");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("This link no longer works")).toBeVisible();
});

test("a verification link that does not work says so", async ({ page, pageGuard }) => {
  pageGuard.allowConsoleError(/status of 400/);
  await page.goto("/verify-email?token=not-a-real-token");
  await expect(page.getByText("This link no longer works")).toBeVisible();
  await expectAccessible(page);
});
