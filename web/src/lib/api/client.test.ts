import { afterEach, describe, expect, it, vi } from "vitest";

import { session } from "@/lib/auth/session";

import { api, unwrap } from "./client";
import { ApiError } from "./errors";

const user = { id: "u1", email: "agent@insurehub.test", role: "agent" };

function json(status: number, body: unknown) {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

const unauthorized = () =>
  json(401, { type: "/problems/token_not_valid", title: "Unauthorized", status: 401, detail: "expired", errors: [] });

/** A server: the session endpoints, and /api/auth/me/ answering `me` for each call in turn. */
function serve(me: (authorization: string | null) => Response, refresh: () => Response) {
  const seen: (string | null)[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url).pathname;
    if (path === "/api/auth/session/") return Promise.resolve(json(200, { access: "old", user }));
    if (path === "/api/auth/session/refresh/") return Promise.resolve(refresh());
    seen.push(request.headers.get("Authorization"));
    return Promise.resolve(me(request.headers.get("Authorization")));
  });
  vi.stubGlobal("fetch", fetchMock);
  return seen;
}

describe("the API client", () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.stubGlobal("fetch", () => Promise.resolve(new Response(null, { status: 204 })));
    await session.signOut();
    vi.unstubAllGlobals();
  });

  it("sends the access token, and on a 401 refreshes once and retries", async () => {
    document.cookie = "csrftoken=c; path=/";
    const seen = serve(
      (authorization) => (authorization === "Bearer new" ? json(200, user) : unauthorized()),
      () => json(200, { access: "new", user }),
    );
    await session.signIn("agent@insurehub.test", "pw");
    const me = await unwrap(api.GET("/api/auth/me/"));
    expect(me).toEqual(user);
    expect(seen).toEqual(["Bearer old", "Bearer new"]);
  });

  it("ends the session when the refresh fails too (the guard then sends the user to sign in)", async () => {
    const seen = serve(unauthorized, () =>
      json(401, { type: "/problems/no_session", title: "Unauthorized", status: 401, detail: "ended", errors: [] }),
    );
    await session.signIn("agent@insurehub.test", "pw");
    await expect(unwrap(api.GET("/api/auth/me/"))).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual(["Bearer old"]); // no retry without a new token
    expect(session.getState()).toEqual({ status: "signed-out", expired: true });
  });

  it("rejects any other failure with the typed problem", async () => {
    serve(
      () =>
        json(404, { type: "/problems/not_found", title: "Not Found", status: 404, detail: "Not found.", errors: [] }),
      () => json(200, { access: "new", user }),
    );
    await session.signIn("agent@insurehub.test", "pw");
    const error: unknown = await unwrap(api.GET("/api/auth/me/")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isHidden).toBe(true);
  });

  it("turns a network failure into a sentence", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    const error: unknown = await unwrap(api.GET("/api/auth/me/")).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: "network_error" });
    expect((error as ApiError).message).toMatch(/could not be reached/);
  });
});
