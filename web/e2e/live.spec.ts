import type { APIRequestContext } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_USERS, expect, signIn, test, type DemoUser } from "./fixtures";

async function apiToken(request: APIRequestContext, who: DemoUser): Promise<{ access: string; id: string }> {
  const response = await request.post("/api/auth/login/", {
    data: { email: DEMO_USERS[who], password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access: string; user: { id: string } };
  return { access: body.access, id: body.user.id };
}

test("a notification reaches the bell live, without a reload or polling", async ({ page, request }) => {
  await signIn(page, "agent");
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  const bell = page.getByRole("link", { name: /^Notifications, / });
  const before = (await bell.getAttribute("aria-label")) ?? "";
  const unread = before.includes("none") ? 0 : Number(/(\d+)/.exec(before)?.[1]);
  test.skip(unread >= 98, "the demo agent has too many unread notifications to see one more counted");

  // A supervisor assigns a claim to the agent through the API: the agent is notified.
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

  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unread + 1} unread`, { timeout: 5_000 });
});
