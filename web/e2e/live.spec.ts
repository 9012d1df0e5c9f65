import type { APIRequestContext, Locator, WebSocketRoute } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_USERS, expect, signIn, test, type DemoUser } from "./fixtures";

async function apiToken(request: APIRequestContext, who: DemoUser): Promise<{ access: string; id: string }> {
  const response = await request.post("/api/auth/login/", {
    data: { email: DEMO_USERS[who], password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access: string; user: { id: string } };
  return { access: body.access, id: body.user.id };
}

/** A supervisor assigns an open claim to the demo agent over the API: the agent is notified. */
async function assignAClaimToTheAgent(request: APIRequestContext): Promise<void> {
  const agent = await apiToken(request, "agent");
  const supervisor = await apiToken(request, "supervisor");
  const headers = { Authorization: `Bearer ${supervisor.access}` };
  const list = await request.get("/api/claims/?status=under_review&page_size=100", { headers });
  expect(list.status()).toBe(200);
  const claims = ((await list.json()) as { results: { id: string; assigned_agent: string | null }[] }).results;
  const claim = claims.find((candidate) => candidate.assigned_agent !== agent.id);
  expect(claim, "an open claim not assigned to the agent in the demo data").toBeDefined();
  const assigned = await request.post(`/api/claims/${claim!.id}/assign/`, {
    headers,
    data: { agent: agent.id, reason: "Browser test: live notification" },
  });
  expect(assigned.status()).toBe(200);
}

async function unreadOn(bell: Locator): Promise<number> {
  await expect(bell).toHaveAttribute("aria-label", /unread$/); // the count has loaded
  const label = (await bell.getAttribute("aria-label")) ?? "";
  return label.includes("none") ? 0 : Number(/(\d+)/.exec(label)?.[1]);
}

test("a notification reaches the bell live, without a reload or polling", async ({ page, request }) => {
  await signIn(page, "agent");
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  const bell = page.getByRole("button", { name: /^Notifications, / });
  const unread = await unreadOn(bell);
  test.skip(unread >= 98, "the demo agent has too many unread notifications to see one more counted");
  await assignAClaimToTheAgent(request);
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unread + 1} unread`, { timeout: 5_000 });
});

test("a lost connection shows a banner, reconnects by itself and replays what was missed", async ({
  page,
  request,
}) => {
  // Stand between the page and the server's socket, to cut it and to refuse reconnections.
  let outage = false;
  let live: WebSocketRoute | null = null;
  const urls: URL[] = [];
  await page.routeWebSocket(/\/ws\/events\//, (socket) => {
    urls.push(new URL(socket.url()));
    if (outage) {
      void socket.close({ code: 1011, reason: "test outage" });
      return;
    }
    socket.connectToServer();
    live = socket;
  });

  await signIn(page, "agent");
  const indicator = page.locator("[data-connection]");
  await expect(indicator).toHaveAttribute("data-connection", "live");
  const bell = page.getByRole("button", { name: /^Notifications, / });
  const unread = await unreadOn(bell);
  test.skip(unread >= 97, "the demo agent has too many unread notifications to see two more counted");
  await assignAClaimToTheAgent(request); // an event: the stream now has an id to resume from
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unread + 1} unread`, { timeout: 5_000 });

  outage = true;
  await (live as WebSocketRoute | null)?.close({ code: 1011, reason: "test outage" });
  await expect(page.getByText("Live updates are interrupted.")).toBeVisible({ timeout: 10_000 });
  await assignAClaimToTheAgent(request); // happens while the tab is cut off
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unread + 1} unread`);

  const before = urls.length;
  outage = false;
  await expect(indicator).toHaveAttribute("data-connection", "live", { timeout: 15_000 });
  await expect(page.getByText("Live updates are interrupted.")).toBeHidden();
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unread + 2} unread`, { timeout: 5_000 });
  const resumed = urls.slice(before).at(-1);
  expect(Number(resumed?.searchParams.get("since"))).toBeGreaterThan(0);
});
