/**
 * The signed-in session of this tab.
 *
 * - The access token lives in this module's memory only: never in localStorage or
 *   sessionStorage (a script injected into the page could read those). A reload loses it, and
 *   `restore()` gets a new one from the refresh cookie.
 * - The refresh token lives in an httpOnly, SameSite=Strict cookie scoped to /api/auth/ that
 *   scripts cannot read; the server rotates it on every refresh (users/api/session_cookie.py).
 *   A readable `insurehub_signed_in=1` cookie beside it says whether there is one to restore.
 * - Every session call sends Django's CSRF token in `X-CSRFToken` (double submit with the
 *   `csrftoken` cookie; fetched from /api/auth/session/csrf/ when the cookie is not there yet).
 * - Refreshes are single-flight within a tab and serialised across tabs with the Web Locks API,
 *   so two tabs never present the same refresh cookie (the second would be refused as reuse).
 * - Signing in or out in one tab tells the others (BroadcastChannel): they follow at once
 *   instead of working on with an access token whose session is gone.
 */
import { ApiError } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";

export type User = components["schemas"]["UserOutput"];
export type Role = User["role"];

export type SessionState =
  | { status: "restoring" }
  | { status: "signed-in"; user: User }
  /** `expired`: the session ended by itself (not by signing out), so sign-in should lead back. */
  | { status: "signed-out"; expired: boolean };

type SessionBody = components["schemas"]["SessionOutput"];
type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const PATHS = {
  signIn: "/api/auth/session/",
  refresh: "/api/auth/session/refresh/",
  signOut: "/api/auth/session/logout/",
  csrf: "/api/auth/session/csrf/",
} as const;
const CSRF_COOKIE = "csrftoken";
/** Set by the server beside the httpOnly refresh cookie; no secret, only "there is a session". */
const SIGNED_IN_COOKIE = "insurehub_signed_in";
const REFRESH_LOCK = "insurehub-session-refresh";
const TABS_CHANNEL = "insurehub-session";
type TabMessage = "signed-in" | "signed-out";

function readCookie(name: string): string | null {
  if (typeof document === "undefined") return null;
  for (const part of document.cookie.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** Seconds until a JWT expires (its `exp` claim), or 0 when it cannot be read. */
export function secondsUntilExpiry(token: string, now: number = Date.now()): number {
  const payload = token.split(".")[1];
  if (!payload) return 0;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp - now / 1000 : 0;
  } catch {
    return 0;
  }
}

export class Session {
  private state: SessionState = { status: "restoring" };
  private access: string | null = null;
  private inflight: Promise<boolean> | null = null;
  private csrf: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly tabs: BroadcastChannel | null;

  constructor(
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
    private readonly origin: string = globalThis.location?.origin ?? "",
  ) {
    this.tabs = typeof BroadcastChannel === "function" ? new BroadcastChannel(TABS_CHANNEL) : null;
    this.tabs?.addEventListener("message", (event: MessageEvent<TabMessage>) => this.fromOtherTab(event.data));
  }

  private tellOtherTabs(message: TabMessage): void {
    this.tabs?.postMessage(message);
  }

  private fromOtherTab(message: TabMessage): void {
    if (message === "signed-out" && this.state.status === "signed-in") {
      this.set({ status: "signed-out", expired: false }, null);
    } else if (message === "signed-in" && this.state.status === "signed-out") {
      void this.restore();
    }
  }

  // --- store API (useSyncExternalStore) -------------------------------------------------
  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: SessionState, access: string | null): void {
    this.access = access;
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }

  // --- tokens ------------------------------------------------------------------------------
  /** The current access token (memory only), or null when signed out. */
  accessToken(): string | null {
    return this.access;
  }

  /** An access token valid for at least `minSeconds` more, refreshing first if needed. */
  async freshAccessToken(minSeconds = 30): Promise<string | null> {
    if (this.access && secondsUntilExpiry(this.access) > minSeconds) return this.access;
    if (this.state.status !== "signed-in" && this.state.status !== "restoring") return null;
    return (await this.refresh()) ? this.access : null;
  }

  // --- actions -----------------------------------------------------------------------------
  /** On page load: turn the refresh cookie (if any) into a session. Never throws. */
  async restore(): Promise<void> {
    if (typeof document !== "undefined" && readCookie(SIGNED_IN_COOKIE) === null) {
      this.set({ status: "signed-out", expired: false }, null); // nothing to restore: no request
      return;
    }
    const ok = await this.refresh().catch(() => false);
    if (!ok && this.state.status === "restoring") this.set({ status: "signed-out", expired: false }, null);
  }

  /** Signs in; rejects with an ApiError (wrong credentials 401, throttled 429, field errors 400). */
  async signIn(email: string, password: string): Promise<User> {
    const response = await this.post(PATHS.signIn, { email, password });
    if (!response.ok) throw await ApiError.fromResponse(response);
    const body = (await response.json()) as SessionBody;
    this.set({ status: "signed-in", user: body.user }, body.access);
    this.tellOtherTabs("signed-in");
    return body.user;
  }

  /**
   * A new access token from the refresh cookie (single-flight). True when the session goes on;
   * false when it is over, in which case the state becomes signed-out (expired if it was signed in).
   */
  refresh(): Promise<boolean> {
    this.inflight ??= this.withLock(() => this.refreshOnce()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /**
   * Signs out here and on the server (the refresh token is blacklisted). `beforeSignedOut` runs
   * once the server has answered, just before the state changes (e.g. to set the URL the
   * signed-out router starts at).
   */
  async signOut({ beforeSignedOut }: { beforeSignedOut?: () => void } = {}): Promise<void> {
    try {
      await this.post(PATHS.signOut);
    } catch {
      // Offline: the cookie stays valid until it expires, but this tab forgets the session.
    }
    beforeSignedOut?.();
    this.set({ status: "signed-out", expired: false }, null);
    this.tellOtherTabs("signed-out");
  }

  /** The API refused our token and a refresh did not help: the session is over. */
  expire(): void {
    if (this.state.status === "signed-out") return;
    this.set({ status: "signed-out", expired: this.state.status === "signed-in" }, null);
  }

  // --- internals ---------------------------------------------------------------------------
  private async refreshOnce(): Promise<boolean> {
    let response: Response;
    try {
      response = await this.post(PATHS.refresh);
    } catch (error) {
      // Network trouble is not the end of the session: keep it, let the caller retry later.
      if (this.state.status === "signed-in") return false;
      throw error;
    }
    if (response.ok) {
      const body = (await response.json()) as SessionBody;
      this.set({ status: "signed-in", user: body.user }, body.access);
      return true;
    }
    if (response.status === 401 || response.status === 403) this.expire();
    return false;
  }

  private async withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    if (!locks) return task();
    return locks.request(REFRESH_LOCK, task);
  }

  private async csrfToken(): Promise<string> {
    const cookie = readCookie(CSRF_COOKIE);
    if (cookie) return cookie;
    if (this.csrf) return this.csrf;
    const response = await this.fetchImpl(this.origin + PATHS.csrf, { credentials: "same-origin" });
    if (!response.ok) throw await ApiError.fromResponse(response);
    this.csrf = ((await response.json()) as { csrf_token: string }).csrf_token;
    return this.csrf;
  }

  private async post(path: string, body?: unknown): Promise<Response> {
    const send = async () => {
      const headers: Record<string, string> = { "X-CSRFToken": await this.csrfToken(), Accept: "application/json" };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      return this.fetchImpl(this.origin + path, {
        method: "POST",
        credentials: "same-origin",
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
    };
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      throw error instanceof ApiError ? error : ApiError.network(error);
    }
    if (response.status === 403) {
      // A stale CSRF token (e.g. the cookie was cleared): get a new one and try once more.
      this.csrf = null;
      response = await send();
    }
    return response;
  }
}

/** The tab's one session. */
export const session = new Session();
