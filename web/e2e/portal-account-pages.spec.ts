/**
 * The customer's /notifications and /profile at a phone's size: preferences that stick, consents,
 * a password change, an export downloaded, an erasure asked for, a notification arriving live,
 * and the pages in Swahili with no English left. Each test has a customer of its own (a password
 * change and an erasure request change the account for good).
 */
import { readFileSync } from "node:fs";

import type { APIRequestContext } from "@playwright/test";

import { expect, expectAccessible, test } from "./fixtures";
import {
  chooseLanguage,
  emailedLink,
  englishOnPage,
  logMark,
  NEW_PASSWORD,
  newCustomer,
  PHONE,
  signInAs,
  textedCode,
} from "./portal-helpers";

test.use({ viewport: PHONE });
// Several axe-core runs and reloads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function tokenOf(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post("/api/auth/login/", { data: { email, password: NEW_PASSWORD } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access: string }).access;
}

test("a notification arrives live, opens its page, and a channel preference sticks after reload", async ({
  page,
  request,
}) => {
  const email = await newCustomer(request);
  await signInAs(page, email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByText("No notifications yet.")).toBeVisible();
  await expectAccessible(page);

  // The customer asks for an export from another device: its "ready" notice arrives here live.
  const token = await tokenOf(request, email);
  const exported = await request.post("/api/privacy/export/", { headers: { Authorization: `Bearer ${token}` }, data: {} });
  expect(exported.status()).toBe(202);
  const item = page.locator("[data-notification]").first();
  await expect(item).toContainText("Your data export is ready to download.");
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(page.getByText("1 unread notification")).toBeVisible();
  await expectAccessible(page);

  // Opening it marks it read and leads to the profile, where the download waits.
  await item.getByRole("link").click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("button", { name: "Download my data" })).toBeVisible();
  await page.goBack();
  await expect(page.locator("[data-notification]").first()).not.toHaveAttribute("data-unread", "true");
  await expect(page.getByText("You have read everything.")).toBeVisible();

  // Payments by SMS: off by default, switched on, saved, and still on after a reload.
  const payments = page.getByRole("group", { name: "Payments and receipts" });
  await expect(payments.getByLabel("SMS")).not.toBeChecked();
  await expect(payments.getByLabel("In the app")).toBeChecked();
  await payments.getByLabel("SMS").check();
  await page.getByRole("group", { name: "Offers and news" }).getByLabel("E-mail").check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("Your choices are saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save my choices" })).toBeDisabled();
  await page.reload();
  await expect(page.getByRole("group", { name: "Payments and receipts" }).getByLabel("SMS")).toBeChecked();
  await expect(page.getByRole("group", { name: "Offers and news" }).getByLabel("E-mail")).toBeChecked();
  await expect(page.getByRole("group", { name: "Claim updates" }).getByLabel("SMS")).not.toBeChecked();
  // Staff topics are never offered to a customer.
  await expect(page.getByRole("group", { name: "Work assigned to me" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a customer withdraws and grants a consent, and requests an export and downloads it", async ({
  page,
  request,
}) => {
  const email = await newCustomer(request);
  await signInAs(page, email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Zawadi Otieno");
  await expectAccessible(page);

  const marketing = page.locator('[data-consent="marketing"]');
  await expect(marketing).toContainText("We may send you offers and news");
  await expect(marketing).toContainText("Not given");
  await expect(marketing).toContainText("You have not answered yet");
  await marketing.getByRole("button", { name: /^Give consent\W+Offers and news$/ }).click();
  await expect(marketing).toContainText(/Given on /);
  await marketing.getByRole("button", { name: /^Withdraw consent\W+Offers and news$/ }).click();
  await expect(marketing).toContainText(/Withdrawn on /);
  await page.locator('[data-consent="telematics"]').getByRole("button", { name: /^Give consent/ }).click();
  await expect(page.locator('[data-consent="telematics"]')).toContainText(/Given on /);
  await page.reload();
  await expect(page.locator('[data-consent="marketing"]')).toContainText(/Withdrawn on /);
  await expect(page.locator('[data-consent="telematics"]')).toContainText(/Given on /);

  // The export: asked for, built, then downloaded as a zip.
  const exportPart = page.locator("#export");
  await expect(exportPart).toContainText("You have not asked for an export yet.");
  await exportPart.getByRole("button", { name: "Ask for an export" }).click();
  await expect(exportPart.locator("[data-export-state]")).toHaveAttribute("data-export-state", "ready");
  await expect(exportPart).toContainText(/is ready\. The download works until/);
  const downloading = page.waitForEvent("download");
  await exportPart.getByRole("button", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^insurehub-export-.+\.zip$/);
  const bytes = readFileSync((await download.path()));
  expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a zip archive
  expect(bytes.includes(Buffer.from("data.json"))).toBe(true);
  await expectAccessible(page);
});

test("a customer asks for erasure after reading what is kept, and sees where it stands", async ({ page, request }) => {
  const email = await newCustomer(request);
  await signInAs(page, email);
  await page.goto("/profile");
  const erasure = page.locator("#erasure");
  await expect(erasure).toContainText("What the law makes us keep, without your name");
  await expect(erasure).toContainText("Your payments and refunds");
  await erasure.getByLabel(/Why are you leaving/).fill("Moving abroad");
  await erasure.getByLabel("To confirm, type ERASE").fill("erase it");
  await erasure.getByRole("button", { name: "Ask for erasure" }).click();
  await expect(erasure.getByLabel("To confirm, type ERASE")).toHaveAccessibleDescription(/Type ERASE to confirm/);
  await erasure.getByLabel("To confirm, type ERASE").fill("ERASE");
  await erasure.getByRole("button", { name: "Ask for erasure" }).click();
  await expect(erasure.locator("[data-erasure-state]")).toHaveAttribute("data-erasure-state", "requested");
  await expect(erasure).toContainText("An administrator will decide soon.");
  // An open request cannot be asked for twice: the form is gone, also after a reload.
  await expect(erasure.getByRole("button", { name: "Ask for erasure" })).toHaveCount(0);
  await page.reload();
  await expect(page.locator("#erasure [data-erasure-state]")).toHaveAttribute("data-erasure-state", "requested");
  await expectAccessible(page);
});

test("a customer changes the password (rules shown first) and signs in with the new one", async ({
  page,
  request,
  pageGuard,
}) => {
  pageGuard.allowConsoleError(/status of (400|401)/);
  const email = await newCustomer(request);
  await signInAs(page, email);
  await page.goto("/profile");
  const part = page.locator("#password");
  await expect(part.getByText("be at least 10 characters long")).toBeVisible();

  await part.getByLabel("Current password").fill("not-my-password-1");
  await part.getByLabel("New password").fill("lantern-river-harbour-482");
  await part.getByRole("button", { name: "Change my password" }).click();
  await expect(part.getByLabel("Current password")).toHaveAccessibleDescription(/That password is not right/);

  await part.getByLabel("Current password").fill(NEW_PASSWORD);
  await part.getByLabel("New password").fill("1234567890");
  await part.getByRole("button", { name: "Change my password" }).click();
  await expect(part.getByLabel("New password")).toHaveAccessibleDescription(/only digits/);

  await part.getByLabel("New password").fill("lantern-river-harbour-482");
  await part.getByRole("button", { name: "Change my password" }).click();
  await expect(page).toHaveURL(/\/login\?changed=password$/);
  await expect(page.getByText("Your password is changed and every device was signed out.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await page.getByLabel("Password").fill("lantern-river-harbour-482");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.goto("/profile");
  await expect(page.getByLabel("Full name")).toHaveValue("Zawadi Otieno");
});

test("a customer adds a phone number and confirms it by SMS, and changes the e-mail address by its link", async ({
  page,
  request,
}) => {
  const email = await newCustomer(request);
  await signInAs(page, email);
  await page.goto("/profile");
  const details = page.locator("#details");
  await details.getByLabel("Phone number").fill("0712 345 678");
  await details.getByRole("button", { name: "Save my details" }).click();
  await expect(details.getByText("Your details are saved.")).toBeVisible();
  const mark = logMark();
  await details.getByRole("button", { name: "Text me a code" }).click();
  await details.getByLabel("6-digit code").fill(await textedCode(mark));
  await details.getByRole("button", { name: "Confirm my number" }).click();
  await expect(details.getByText(/Your phone number .* is confirmed\./)).toBeVisible();

  const part = page.locator("#email");
  const next = email.replace("@", ".new@");
  await part.getByLabel("New e-mail address").fill(next);
  await part.getByLabel("Your password").fill(NEW_PASSWORD);
  await part.getByRole("button", { name: "Send the confirmation link" }).click();
  await expect(part.getByText(`We have sent a link to ${next}.`)).toBeVisible();
  await page.goto(await emailedLink(next, "/verify-email"));
  await expect(page.getByText(`Your e-mail address ${next} is confirmed.`)).toBeVisible();
  await page.goto("/profile");
  await expect(page.locator("#email")).toContainText(`Your address is ${next}.`);
});

test("in Swahili the profile and notifications pages show no English", async ({ page, request }) => {
  const email = await newCustomer(request);
  await signInAs(page, email);
  await page.goto("/profile");
  await chooseLanguage(page, "sw");
  await expect(page.getByRole("heading", { name: "Wasifu", level: 1 })).toBeVisible();
  await expect(page.locator("#consents")).toContainText("Ofa na habari");
  expect(await englishOnPage(page)).toEqual([]);
  await expectAccessible(page);

  // With an export ready and an erasure asked for, the states read in Swahili too.
  await page.locator("#export").getByRole("button", { name: "Omba nakala ya data" }).click();
  await expect(page.locator("#export [data-export-state]")).toHaveAttribute("data-export-state", "ready");
  await page.locator("#erasure").getByLabel("Ili kuthibitisha, andika FUTA").fill("FUTA");
  await page.locator("#erasure").getByRole("button", { name: "Omba kufutwa kwa data" }).click();
  await expect(page.locator("#erasure [data-erasure-state]")).toHaveAttribute("data-erasure-state", "requested");
  expect(await englishOnPage(page)).toEqual([]);

  await page.getByRole("navigation", { name: "Menyu kuu" }).getByRole("link", { name: "Arifa" }).click();
  await expect(page.getByRole("heading", { name: "Arifa", level: 1 })).toBeVisible();
  await expect(page.locator("[data-notification]")).toHaveCount(1);
  // The server wrote the export's notification in the customer's saved language.
  await expect(page.locator("[data-notification]")).toContainText("Nakala ya taarifa zako iko tayari kupakuliwa.");
  expect(await englishOnPage(page)).toEqual([]);
  await expectAccessible(page);

  // And at a desktop's size the same pages hold together.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Wasifu", level: 1 })).toBeVisible();
  // After the resize the pointer may rest on a button: move it off, so axe sees no hover colour fading in.
  await page.mouse.move(0, 0);
  await expect(page.locator("#export [data-export-state]")).toHaveAttribute("data-export-state", "ready");
  await expectAccessible(page);
});
