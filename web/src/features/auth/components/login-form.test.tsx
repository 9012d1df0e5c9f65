import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import { session } from "@/lib/auth";

import { LoginForm } from "./login-form";

function answer(status: number, body: unknown) {
  const contentType = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contentType } });
}

/** The server: the CSRF endpoint, then `signIn` answers what the test says. */
function serve(signIn: () => Response) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith("/api/auth/session/csrf/")) return Promise.resolve(answer(200, { csrf_token: "t0k3n" }));
    return Promise.resolve(signIn());
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("LoginForm", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("signs in with the CSRF token and reports the user", async () => {
    const user = { id: "u1", email: "agent@insurehub.test", role: "agent" };
    const fetchMock = serve(() => answer(200, { access: "a.b.c", user }));
    const onSignedIn = vi.fn();
    render(<LoginForm onSignedIn={onSignedIn} />);
    await fillAndSubmit("agent@insurehub.test", "insurehub-demo");
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
    const [url, init] = fetchMock.mock.calls.at(-1) as unknown as [string, RequestInit];
    expect(url).toMatch(/\/api\/auth\/session\/$/);
    expect(init.headers).toMatchObject({ "X-CSRFToken": "t0k3n" });
    expect(JSON.parse(init.body as string)).toEqual({ email: "agent@insurehub.test", password: "insurehub-demo" });
    expect(session.accessToken()).toBe("a.b.c"); // in memory
  });

  it("shows wrong credentials as the server's sentence", async () => {
    serve(() =>
      answer(401, {
        type: "/problems/invalid_credentials",
        title: "Unauthorized",
        status: 401,
        detail: "Email or password is incorrect.",
        errors: [],
      }),
    );
    render(<LoginForm />);
    await fillAndSubmit("agent@insurehub.test", "wrong");
    expect(await screen.findByRole("alert")).toHaveTextContent("Email or password is incorrect.");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });

  it("shows a lockout as a sentence with the wait", async () => {
    serve(() =>
      answer(429, {
        type: "/problems/login_throttled",
        title: "Too Many Requests",
        status: 429,
        detail: "Too many failed sign-in attempts. Try again in 900 seconds.",
        errors: [],
        retry_after: 900,
      }),
    );
    render(<LoginForm />);
    await fillAndSubmit("agent@insurehub.test", "wrong");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many failed sign-in attempts. Try again in 900 seconds.",
    );
  });

  it("shows the request throttle as a sentence", async () => {
    serve(() =>
      answer(429, {
        type: "/problems/throttled",
        title: "Too Many Requests",
        status: 429,
        detail: "Request was throttled. Expected available in 42 seconds.",
        errors: [],
      }),
    );
    render(<LoginForm />);
    await fillAndSubmit("agent@insurehub.test", "x");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many sign-in attempts from this network. Try again in 42 seconds.",
    );
  });

  it("puts field errors next to their fields", async () => {
    serve(() =>
      answer(400, {
        type: "/problems/validation_error",
        title: "Bad Request",
        status: 400,
        detail: "The request was invalid; see errors for each field.",
        errors: [{ field: "email", message: "Enter a valid email address.", code: "invalid" }],
      }),
    );
    render(<LoginForm />);
    await fillAndSubmit("not-an-email", "x");
    const email = screen.getByLabelText("Email");
    await vi.waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription("Enter a valid email address.");
    expect(screen.getByLabelText("Password")).not.toHaveAttribute("aria-invalid");
  });
});
