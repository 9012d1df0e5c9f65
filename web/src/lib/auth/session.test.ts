import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { Session } from "./session";

const ORIGIN = "http://app.test";
const user = { id: "u1", email: "agent@insurehub.test", role: "agent" };

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function clearCookies() {
  for (const name of ["csrftoken", "insurehub_signed_in"]) document.cookie = `${name}=; max-age=0; path=/`;
}

describe("Session", () => {
  beforeEach(() => {
    clearCookies();
    document.cookie = "csrftoken=csrf123; path=/";
  });
  afterEach(clearCookies);

  it("restores nothing, without a request, when no session cookie says there is one", async () => {
    const fetchImpl = vi.fn();
    const session = new Session(fetchImpl, ORIGIN);
    await session.restore();
    expect(session.getState()).toEqual({ status: "signed-out", expired: false });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("restores a session from the refresh cookie on load, with the CSRF token", async () => {
    document.cookie = "insurehub_signed_in=1; path=/";
    const fetchImpl = vi.fn(() => Promise.resolve(json(200, { access: "acc-1", user })));
    const session = new Session(fetchImpl, ORIGIN);
    await session.restore();
    expect(session.getState()).toEqual({ status: "signed-in", user });
    expect(session.accessToken()).toBe("acc-1");
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${ORIGIN}/api/auth/session/refresh/`);
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({ "X-CSRFToken": "csrf123" });
  });

  it("refreshes once for many callers at the same time (a rotated cookie cannot be reused)", async () => {
    document.cookie = "insurehub_signed_in=1; path=/";
    let answer!: (response: Response) => void;
    const fetchImpl = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    const session = new Session(fetchImpl, ORIGIN);
    const calls = [session.refresh(), session.refresh(), session.refresh()];
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalledTimes(1));
    answer(json(200, { access: "acc-2", user }));
    expect(await Promise.all(calls)).toEqual([true, true, true]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it("ends a live session that the server no longer accepts, marking it expired", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(json(200, { access: "acc-1", user }))
      .mockResolvedValueOnce(json(401, { type: "/problems/no_session", status: 401, detail: "ended", errors: [] }));
    const session = new Session(fetchImpl, ORIGIN);
    await session.signIn("agent@insurehub.test", "pw");
    expect(await session.refresh()).toBe(false);
    expect(session.getState()).toEqual({ status: "signed-out", expired: true });
    expect(session.accessToken()).toBeNull();
  });

  it("keeps the session through a network failure while refreshing", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(json(200, { access: "acc-1", user }))
      .mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const session = new Session(fetchImpl, ORIGIN);
    await session.signIn("agent@insurehub.test", "pw");
    expect(await session.refresh()).toBe(false);
    expect(session.getState().status).toBe("signed-in");
  });

  it("asks for a CSRF token when the cookie is not there yet", async () => {
    clearCookies();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(json(200, { csrf_token: "from-endpoint" }))
      .mockResolvedValueOnce(json(200, { access: "acc-1", user }));
    const session = new Session(fetchImpl, ORIGIN);
    await session.signIn("agent@insurehub.test", "pw");
    expect(fetchImpl.mock.calls[0]![0]).toBe(`${ORIGIN}/api/auth/session/csrf/`);
    expect((fetchImpl.mock.calls[1]![1] as RequestInit).headers).toMatchObject({ "X-CSRFToken": "from-endpoint" });
  });

  it("signs out on the server and forgets the token", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(json(200, { access: "acc-1", user }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    const session = new Session(fetchImpl, ORIGIN);
    await session.signIn("agent@insurehub.test", "pw");
    await session.signOut();
    expect(fetchImpl.mock.calls[1]![0]).toBe(`${ORIGIN}/api/auth/session/logout/`);
    expect(session.getState()).toEqual({ status: "signed-out", expired: false });
    expect(session.accessToken()).toBeNull();
  });
});
