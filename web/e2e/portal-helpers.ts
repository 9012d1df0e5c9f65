/**
 * What the customer-portal specs share: the phone viewport, the messages the server "sends" in
 * development (e-mail and SMS go to the server's log, scripts/e2e-server.sh), the language
 * choice, and the check that a page shows no English from the message catalogue.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import type { APIRequestContext, Page } from "@playwright/test";

import { en } from "../src/lib/i18n/en";
import { sw } from "../src/lib/i18n/sw";

import { expect } from "./fixtures";

export const PHONE = { width: 390, height: 844 };

function serverLog(): string {
  const port = process.env.E2E_PORT;
  const path = fileURLToPath(new URL(`../../var/e2e/run-${port}/server.log`, import.meta.url));
  return readFileSync(path, "utf8");
}

/** The last link to `route` e-mailed to `email` (the development server writes e-mails to its log). */
export async function emailedLink(email: string, route: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      () => {
        const log = serverLog();
        const at = log.lastIndexOf(`To: ${email}`);
        const found = at < 0 ? null : new RegExp(`https?://[^\\s"]+${route}\\?token=[\\w.~%-]+`).exec(log.slice(at));
        link = found?.[0] ?? "";
        return link;
      },
      { message: `an e-mail to ${email} with a ${route} link`, timeout: 15_000 },
    )
    .not.toBe("");
  const url = new URL(link);
  return url.pathname + url.search;
}

/**
 * The verification code of the last SMS the development server "sent" (written to its log), to
 * `to` if given (the number as the account holds it), so a code texted to someone else meanwhile
 * (a test in another worker) is not taken.
 */
export async function textedCode(after: number, to?: string): Promise<string> {
  let code = "";
  await expect
    .poll(
      () => {
        const lines = serverLog().slice(after).split("\n");
        const log = (to ? lines.filter((line) => line.includes(`"to": ${JSON.stringify(to)}`)) : lines).join("\n");
        const codes = [...log.matchAll(/verification code is (\d{6})/g)];
        code = codes.at(-1)?.[1] ?? "";
        return code;
      },
      { message: "an SMS with a verification code", timeout: 15_000 },
    )
    .not.toBe("");
  return code;
}

/** Where the server's log ends now: a later `textedCode(mark)` reads only what came after. */
export function logMark(): number {
  return serverLog().length;
}

/** Picks a language in the header's choice (its label is "Language" / "Lugha"). */
export async function chooseLanguage(page: Page, language: "en" | "sw"): Promise<void> {
  await page.getByLabel(/^(Language|Lugha)$/).first().selectOption(language);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

/**
 * Pieces of English catalogue messages (the ones that read differently in Swahili) visible on
 * the page. The insurers' own words (product names and cover, marked `data-content`), the
 * language names in the language choice, and the options of pickers of data are left out.
 */
export async function englishOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const node of Array.from(clone.querySelectorAll("[data-content], select, script, style"))) node.remove();
    // Visible text and accessible names both count.
    const labels = Array.from(document.querySelectorAll("[aria-label]"))
      .filter((element) => !element.closest("[data-content]"))
      .map((element) => element.getAttribute("aria-label") ?? "");
    return `${clone.textContent ?? ""}\n${labels.join("\n")}\n${document.title}`;
  });
  const swahili = Object.values(sw).join("\n");
  const found = new Set<string>();
  for (const [key, message] of Object.entries(en)) {
    if (sw[key as keyof typeof sw] === message) continue;
    for (const piece of message.split(/\{\w+\}/).map((part) => part.trim())) {
      if (piece.length < 6 || swahili.includes(piece)) continue;
      if (text.includes(piece)) found.add(piece);
    }
  }
  return [...found];
}

export const NEW_PASSWORD = "plum-orbit-cascade-917";

/** A new customer, registered through the API (as the mobile app would), for a test of its own. */
export async function newCustomer(request: APIRequestContext, name = "Zawadi Otieno"): Promise<string> {
  const email = `${name.split(" ")[0]?.toLowerCase()}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.test`;
  const response = await request.post("/api/auth/register/", { data: { email, password: NEW_PASSWORD, name } });
  expect(response.status(), "registration over the API").toBe(202);
  return email;
}

/** Signs in through the form as `email` (with NEW_PASSWORD); resolves once the app has left /login. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
