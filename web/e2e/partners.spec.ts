import { expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("intake partners", () => {
  test("an admin adds a partner, issues a key that works once shown, and revokes it", async ({ page, pageGuard }) => {
    test.setTimeout(60_000);
    const name = `E2E Fleet ${Date.now()}`;
    await signIn(page, "admin", "/intake");
    await page.getByRole("link", { name: "Manage partners and their API keys" }).click();
    await expect(page.getByRole("heading", { name: "Intake partners", level: 1 })).toBeVisible();

    // A blank name: the API's field error lands next to the field.
    pageGuard.allowConsoleError(/status of 400/);
    await page.getByRole("button", { name: "Add partner" }).click();
    const create = page.getByRole("dialog", { name: "Add a partner" });
    await create.getByRole("button", { name: "Add partner" }).click();
    await expect(create.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Kind").selectOption("broker");
    await create.getByRole("button", { name: "Add partner" }).click();

    // The new partner's keys open at once.
    const keys = page.getByRole("dialog", { name: `API keys of ${name}` });
    await expect(keys.getByText("No keys yet.")).toBeVisible();
    await keys.getByLabel("New key's name").fill("Broker system");
    await keys.getByRole("button", { name: "Issue key" }).click();
    const shown = page.getByRole("dialog", { name: "New API key: Broker system" });
    await expect(shown.getByText("it will not be shown again")).toBeVisible();
    const secret = await shown.getByLabel("API key").inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await expectAccessible(page);
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText(secret), "shown once, then gone").toHaveCount(0);

    // The partner's system uses the key.
    const asPartner = { headers: { Authorization: `Api-Key ${secret}` } };
    expect((await page.request.get("/api/intake/imports/", asPartner)).status()).toBe(200);

    const key = keys.getByRole("listitem").filter({ hasText: "Broker system" });
    await expect(key).toBeVisible();
    await key.getByRole("button", { name: "Revoke Broker system" }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke “Broker system”?" });
    await expectAccessible(page);
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(key.getByText("Revoked", { exact: true })).toBeVisible();
    const refused = await page.request.get("/api/intake/imports/", asPartner);
    expect(refused.status(), "a revoked key is refused").toBe(401);
    expect(await refused.text()).toContain("api_key_revoked");
    await keys.getByRole("button", { name: "Close" }).click();

    // On a phone: one card per partner, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("list", { name: "Partners" }).getByRole("listitem").filter({ hasText: name })).toBeVisible();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page, "no sideways scrolling").toBeLessThanOrEqual(widths.screen);
    await expectAccessible(page);
  });
});
