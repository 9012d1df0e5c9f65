import { DEMO_PASSWORD, DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("signing in", () => {
  test("the sign-in page is accessible and asks for Email and Password", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectAccessible(page);
  });

  test("an agent who signs in reaches the staff shell", async ({ page }) => {
    await signIn(page, "agent");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Dashboard", "Claims", "Assessments", "Alerts", "Notifications"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Notifications, / })).toBeVisible();
    // The event stream connects (the indicator says so) with the in-memory access token.
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    await expectAccessible(page);
  });

  test("no token is kept where scripts could read it later", async ({ page }) => {
    await signIn(page, "agent");
    const stored = await page.evaluate(() => ({
      local: Object.keys(window.localStorage),
      session: Object.keys(window.sessionStorage),
      cookies: document.cookie,
    }));
    expect(stored.local).toEqual([]);
    expect(stored.session).toEqual([]);
    expect(stored.cookies).not.toContain("insurehub_refresh"); // httpOnly
    const cookies = await page.context().cookies();
    const refresh = cookies.find((cookie) => cookie.name === "insurehub_refresh");
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/auth/" });
  });

  test("a wrong password is answered with a sentence and no session", async ({ page, pageGuard }) => {
    pageGuard.allowConsoleError(/status of 401/);
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO_USERS.agent);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a reload keeps the session", async ({ page }) => {
    await signIn(page, "agent");
    await page.reload();
    await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);
  });

  test("a deep link asked for before signing in is where sign-in leads", async ({ page }) => {
    await page.goto("/alerts?status=open");
    await expect(page).toHaveURL(/\/login\?next=%2Falerts%3Fstatus%3Dopen$/);
    await page.getByLabel("Email").fill(DEMO_USERS.supervisor);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/alerts\?status=open$/);
  });

  test("sign-out ends the session on the server too", async ({ page, context, pageGuard }) => {
    await signIn(page, "agent");
    const before = (await context.cookies()).find((cookie) => cookie.name === "insurehub_refresh");
    expect(before).toBeDefined();
    await page.getByRole("button", { name: /Account menu for/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/claims");
    await expect(page).toHaveURL(/\/login\?next=%2Fclaims$/);
    // Even a copy of the old refresh cookie is refused: the server revoked it.
    if (before) await context.addCookies([before]);
    pageGuard.allowConsoleError(/status of 401/);
    const status = await page.evaluate(async () => {
      const csrf = /csrftoken=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const response = await fetch("/api/auth/session/refresh/", { method: "POST", headers: { "X-CSRFToken": csrf } });
      return response.status;
    });
    expect(status).toBe(401);
  });
});

test("signing out in one tab signs the other tabs out too", async ({ page, context }) => {
  await signIn(page, "agent");
  const other = await context.newPage();
  await other.goto("/alerts");
  await expect(other.getByRole("button", { name: /Account menu for/ })).toBeVisible();
  await page.getByRole("button", { name: /Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/login\?next=%2Falerts$/);
});

test.describe("who sees what", () => {
  test("a customer lands in the customer area and never sees a staff page", async ({ page }) => {
    const staffCalls: string[] = [];
    page.on("request", (request) => {
      if (/\/api\/(dashboard|assessments|alerts)\//.test(request.url())) staffCalls.push(request.url());
    });
    await signIn(page, "customer");
    await expect(page).toHaveURL(/\/$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Products", "My policies", "My claims", "Notifications", "Profile"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    for (const item of ["Dashboard", "Assessments", "Alerts"]) {
      await expect(page.getByRole("link", { name: item })).toHaveCount(0);
    }
    await expectAccessible(page);
    // Staff-only paths do not exist for a customer; the shared ones are the customer's own pages.
    for (const path of ["/assessments", "/assessments/00000000-0000-0000-0000-000000000000", "/alerts"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "My claims" })).toBeVisible(); // the customer frame
    }
    for (const path of ["/claims", "/notifications"]) {
      await page.goto(path);
      await expect(nav.getByRole("link", { name: "My claims" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
    }
    expect(staffCalls).toEqual([]);
  });

  test("an unknown route is the not-found page, which reveals nothing", async ({ page }) => {
    await signIn(page, "agent");
    await page.goto("/no/such/page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible(); // inside the shell
    await expectAccessible(page);
  });
});
