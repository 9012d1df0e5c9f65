/**
 * Setting the scene through the API, as another user or system would (a customer filing a claim
 * from the mobile app, a supervisor assigning work), for tests that watch the browser react.
 */
import type { APIRequestContext, Page } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_USERS, expect, type DemoUser } from "./fixtures";

export interface FiledClaim {
  id: string;
  claim_number: string;
  status: string;
  priority: string;
}

/** A demo user by role, or any seeded user by e-mail address. */
type Who = DemoUser | `${string}@${string}`;

/** An access token for a demo user (any seeded address works, e.g. assessor2@insurehub.test). */
export async function apiToken(request: APIRequestContext, who: Who): Promise<string> {
  const email = who in DEMO_USERS ? DEMO_USERS[who as DemoUser] : who;
  const response = await request.post("/api/auth/login/", { data: { email, password: DEMO_PASSWORD } });
  expect(response.status(), `sign-in of ${email} over the API`).toBe(200);
  return ((await response.json()) as { access: string }).access;
}

export async function apiGet<T>(request: APIRequestContext, who: Who, path: string): Promise<T> {
  const response = await request.get(path, { headers: { Authorization: `Bearer ${await apiToken(request, who)}` } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** POST as `who`; `headers` adds e.g. an Idempotency-Key (required on money-moving writes). */
export async function apiPost<T>(
  request: APIRequestContext,
  who: Who,
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await request.post(path, {
    headers: { Authorization: `Bearer ${await apiToken(request, who)}`, ...headers },
    data,
  });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * A recent incident time inside a policy's cover: `minutesAgo` back, but never before the UTC day
 * its cover starts (a policy that began today, e.g. the demo customer's, right after midnight).
 */
export function incidentInCover(policy: { start_date?: string | null }, minutesAgo = 5): string {
  const wanted = Date.now() - minutesAgo * 60_000;
  const coverStarts = policy.start_date ? Date.parse(`${policy.start_date}T00:00:00Z`) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(wanted, coverStarts)).toISOString();
}

/**
 * The demo customer files a motor claim through the API. Their policy began today, so the claim
 * also raises an "early claim" alert (and, with other claims on the vehicle, a possible duplicate).
 */
export async function fileClaim(request: APIRequestContext, description: string): Promise<FiledClaim> {
  const policies = await apiGet<{
    results: { id: string; status: string; vehicle: string | null; start_date: string | null }[];
  }>(
    request,
    "customer",
    "/api/policies/?page_size=100",
  );
  const motor = policies.results.find((policy) => policy.status === "active" && policy.vehicle);
  expect(motor, "the demo customer's active motor policy").toBeDefined();
  // With a key, as a client that may retry should: a retry after a lost answer gets the first claim back.
  return apiPost<FiledClaim>(
    request,
    "customer",
    "/api/claims/",
    {
      policy: motor!.id,
      vehicle: motor!.vehicle,
      incident_date: incidentInCover(motor!),
      description,
    },
    { "Idempotency-Key": crypto.randomUUID() },
  );
}

/** Signs in through the form as any seeded user (the fixtures' signIn knows the six main ones). */
export async function signInAs(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

type Headers = Record<string, string>;

async function staffSend(request: APIRequestContext, method: "post" | "patch", path: string, headers: Headers, data: unknown) {
  const response = await request[method](path, { headers, data });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * The claims desk takes a submitted claim to an approved settlement offer through the API, by the
 * shortest legitimate path (claims/guards.py): the agent reviews it, the supervisor assigns the
 * assessor, the agent moves it to assessment, the assessor completes every section, has an
 * estimate accepted and completes the assessment (approval needs it), the agent sets the reserve
 * (paying draws on it) and approves within their authority, proposes the settlement, and the
 * supervisor approves it (maker-checker). Answers the settlement's id: an offer to the customer.
 * `approver` approves the claim: the supervisor for an amount above the agent's authority.
 */
export async function offerSettlement(
  request: APIRequestContext,
  claimId: string,
  offer: { amount: string; payee: string; method: "mpesa" | "bank_transfer" | "cheque" },
  approver: "agent" | "supervisor" = "agent",
): Promise<string> {
  const bearer = async (who: DemoUser): Promise<Headers> => ({ Authorization: `Bearer ${await apiToken(request, who)}` });
  const [agent, supervisor, assessor] = await Promise.all([bearer("agent"), bearer("supervisor"), bearer("assessor")]);
  const keyed = (headers: Headers) => ({ ...headers, "Idempotency-Key": crypto.randomUUID() });
  const assessorId = ((await (await request.get("/api/auth/me/", { headers: assessor })).json()) as { id: string }).id;
  const base = `/api/claims/${claimId}`;
  await staffSend(request, "post", `${base}/transition/`, agent, { to: "under_review", reason: "" });
  await staffSend(request, "post", `${base}/assign/`, supervisor, { assessor: assessorId, reason: "e2e: portal journey" });
  await staffSend(request, "post", `${base}/transition/`, agent, { to: "assessment", reason: "" });
  const assessment = String((await staffSend(request, "post", "/api/assessments/", supervisor, { claim: claimId, assessor: assessorId })).id);
  const sections = (await (await request.get(`/api/assessments/${assessment}/sections/`, { headers: assessor })).json()) as
    | { kind: string }[]
    | { results: { kind: string }[] };
  for (const section of Array.isArray(sections) ? sections : sections.results) {
    await staffSend(request, "patch", `/api/assessments/${assessment}/sections/${section.kind}/`, assessor, { completed: true, severity: 2 });
  }
  const estimate = await staffSend(request, "post", `/api/assessments/${assessment}/estimates/`, assessor, {
    source: "assessor",
    lines: [{ kind: "part", description: "Front bumper", unit_price: offer.amount }],
  });
  await staffSend(request, "post", `/api/assessments/${assessment}/estimates/${String(estimate.id)}/accept/`, assessor, {});
  await staffSend(request, "post", `/api/assessments/${assessment}/complete/`, assessor, {});
  await staffSend(request, "post", `${base}/reserves/`, agent, { cost_type: "own_damage", amount: offer.amount, reason: "e2e" });
  await staffSend(request, "post", `${base}/transition/`, approver === "agent" ? agent : supervisor, {
    to: "approved",
    reason: "",
    approved_amount: offer.amount,
  });
  const proposed = await staffSend(request, "post", `${base}/settlement/`, keyed(agent), { ...offer, note: "internal: agreed on the phone" });
  await staffSend(request, "post", `${base}/settlement/${String(proposed.id)}/`, keyed(supervisor), { action: "approve", reason: "" });
  return String(proposed.id);
}

/** The agent pays an accepted settlement offer (M-Pesa goes out by B2C through the Daraja stand-in). */
export async function paySettlement(request: APIRequestContext, claimId: string, settlementId: string): Promise<void> {
  await apiPost(request, "agent", `/api/claims/${claimId}/settlement/${settlementId}/`, { action: "pay", reason: "" }, {
    "Idempotency-Key": crypto.randomUUID(),
  });
}
