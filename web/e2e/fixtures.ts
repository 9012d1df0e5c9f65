/**
 * What every browser test shares:
 *
 * - `test` fails a test on any console error, uncaught page error, or request to another origin
 *   (the app must work with the network off). A test that expects a failing request (say a 404
 *   for another customer's claim, which Chromium logs as a console error) declares it with
 *   `pageGuard.allowConsoleError(/status of 404/)`.
 * - `signIn(page, "agent")` signs in through the real form as a demo user (DESIGN.md section 9).
 * - `expectAccessible(page)` runs axe-core and fails on any serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "insurehub-demo";
export const DEMO_USERS = {
  admin: "admin@insurehub.test",
  supervisor: "supervisor@insurehub.test",
  agent: "agent@insurehub.test",
  assessor: "assessor@insurehub.test",
  customer: "customer@insurehub.test",
  customer2: "customer2@insurehub.test",
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

export interface PageGuard {
  allowConsoleError(pattern: RegExp): void;
  problems: string[];
}

export const test = base.extend<{ pageGuard: PageGuard }>({
  pageGuard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? "http://127.0.0.1").host;
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = `${message.text()} (${message.location().url || "?"})`;
        if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
      });
      page.on("pageerror", (error) => problems.push(`uncaught error: ${error.message}`));
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return; // data:, blob:
        if (url.host !== origin) problems.push(`request to another origin: ${request.url()}`);
      });
      page.on("websocket", (socket) => {
        const url = new URL(socket.url());
        if (url.host !== origin) problems.push(`WebSocket to another origin: ${socket.url()}`);
      });
      const guard: PageGuard = { allowConsoleError: (pattern) => allowed.push(pattern), problems };
      await use(guard);
      expect(problems, "console errors, page errors or requests to another origin").toEqual([]);
    },
    { auto: true },
  ],
});

/** Signs in through the form; resolves once the app has left /login. */
export async function signIn(page: Page, who: DemoUser, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("Email").fill(DEMO_USERS[who]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
  expect(severe, "serious or critical accessibility violations").toEqual([]);
}
