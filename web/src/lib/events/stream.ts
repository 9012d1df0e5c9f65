/**
 * The live event stream: one WebSocket per tab to /ws/events/ (insurehub/realtime/consumers.py).
 *
 * - Connects with `?token=<access>`; after a drop it reconnects with exponential back-off
 *   (jittered, capped) and `?since=<last event id>`, so the server replays what was missed.
 * - Features subscribe by event type (`"claim.status_changed"`, a prefix `"claim.*"`, or `"*"`)
 *   and/or by claim; a claim filter also asks the server for that claim's events
 *   (`{"action": "subscribe", "claim": id}`, reference-counted, re-sent after a reconnect).
 * - `onResync` fires when the server cannot replay the gap (`replay.truncated`, a `since` it
 *   refuses, or a drop before any event gave us a `since`): listeners should refetch everything
 *   (the provider invalidates all queries).
 * - The connection state (`getState`/`subscribeState`) feeds the indicator in the app shell.
 *
 * Server close codes: 4401 token refused (we refresh it once, else stop: the session is over),
 * 4403 a claim subscription refused (dropped, then reconnect), 4400 bad `since` (resync).
 */

export interface EventEnvelope<Data = Record<string, unknown>> {
  id: number;
  type: string;
  occurred_at: string;
  data: Data;
}

export type ConnectionStatus = "idle" | "connecting" | "live" | "reconnecting" | "stopped";

export interface ConnectionState {
  status: ConnectionStatus;
  /** Failed attempts in a row (0 while live). */
  attempt: number;
  /** When the next attempt is due (epoch ms), while reconnecting. */
  retryAt: number | null;
  /** The newest event id seen: the `since` of the next connection. */
  lastEventId: number | null;
}

export interface EventFilter {
  /** An event type, a prefix ending in `.*`, `*`, or a list of those. All types when left out. */
  type?: string | readonly string[];
  /** Only events about this claim (`data.claim_id` or `data.claim`). */
  claim?: string;
}

export type EventHandler = (event: EventEnvelope) => void;

/** The part of the browser's WebSocket the stream uses (tests pass a fake). */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface EventStreamOptions {
  /** The access token to connect with (refreshed by the caller when near expiry); null stops the stream. */
  getToken: () => Promise<string | null>;
  /** The server refused the token: refresh it. False means the session is over and the stream stops. */
  onUnauthorized?: () => Promise<boolean>;
  /** Base URL of the socket; defaults to this origin's /ws/events/. */
  url?: string;
  createSocket?: (url: string) => SocketLike;
  /** Back-off: delay = min(maxMs, baseMs * 2^attempt), jittered to between half and all of it. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No frame for this long (the server sends a heartbeat every 25 s) means the link is dead. */
  silenceTimeoutMs?: number;
  /** An open socket that stays up this long counts as healthy: the back-off starts over. */
  stableAfterMs?: number;
  random?: () => number;
  now?: () => number;
}

export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_BAD_REQUEST = 4400;
const SEEN_LIMIT = 2048;

export function defaultEventsUrl(): string {
  const { protocol, host } = globalThis.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}/ws/events/`;
}

function claimOf(event: EventEnvelope): string | undefined {
  const data = event.data ?? {};
  const claim = data.claim_id ?? data.claim;
  return typeof claim === "string" ? claim : undefined;
}

function typeMatches(pattern: string, type: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function matches(filter: EventFilter, event: EventEnvelope): boolean {
  if (filter.type !== undefined) {
    const patterns = typeof filter.type === "string" ? [filter.type] : filter.type;
    if (!patterns.some((pattern) => typeMatches(pattern, event.type))) return false;
  }
  if (filter.claim !== undefined && claimOf(event) !== filter.claim) return false;
  return true;
}

function isEnvelope(frame: unknown): frame is EventEnvelope {
  if (typeof frame !== "object" || frame === null) return false;
  const candidate = frame as Record<string, unknown>;
  return typeof candidate.id === "number" && typeof candidate.type === "string";
}

export class EventStream {
  private readonly options: Required<Omit<EventStreamOptions, "onUnauthorized">> &
    Pick<EventStreamOptions, "onUnauthorized">;
  private state: ConnectionState = { status: "idle", attempt: 0, retryAt: null, lastEventId: null };
  private socket: SocketLike | null = null;
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private stableTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly seen = new Set<number>();
  private readonly handlers = new Set<{ filter: EventFilter; handler: EventHandler }>();
  private readonly claims = new Map<string, number>();
  private readonly unacknowledged = new Set<string>();
  private readonly stateListeners = new Set<() => void>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly onOnline = () => this.reconnectNow();

  constructor(options: EventStreamOptions) {
    this.options = {
      url: options.url ?? defaultEventsUrl(),
      createSocket: options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike),
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      silenceTimeoutMs: options.silenceTimeoutMs ?? 60_000,
      stableAfterMs: options.stableAfterMs ?? 5_000,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
      getToken: options.getToken,
      onUnauthorized: options.onUnauthorized,
    };
  }

  // --- connection state (useSyncExternalStore) ---------------------------------------------
  getState = (): ConnectionState => this.state;

  subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  private setState(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.stateListeners]) listener();
  }

  // --- lifecycle -----------------------------------------------------------------------------
  start(): void {
    if (this.state.status !== "idle" && this.state.status !== "stopped") return;
    globalThis.addEventListener?.("online", this.onOnline);
    void this.connect("connecting");
  }

  /** Closes the socket for good (sign-out, unmount). */
  stop(): void {
    globalThis.removeEventListener?.("online", this.onOnline);
    this.teardown();
    this.setState({ status: "stopped", retryAt: null });
  }

  /** Skip the remaining back-off (the browser came back online). */
  reconnectNow(): void {
    if (this.state.status !== "reconnecting") return;
    this.clearTimer("retryTimer");
    void this.connect("reconnecting");
  }

  // --- subscriptions -------------------------------------------------------------------------
  subscribe(filter: EventFilter, handler: EventHandler): () => void {
    const entry = { filter, handler };
    this.handlers.add(entry);
    if (filter.claim !== undefined) this.claimRef(filter.claim, +1);
    return () => {
      if (!this.handlers.delete(entry)) return;
      if (filter.claim !== undefined) this.claimRef(filter.claim, -1);
    };
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  private claimRef(claim: string, delta: number): void {
    const count = (this.claims.get(claim) ?? 0) + delta;
    if (count > 0) this.claims.set(claim, count);
    else this.claims.delete(claim);
    if (delta > 0 && count === 1) this.sendSubscription("subscribe", claim);
    if (delta < 0 && count === 0) this.sendSubscription("unsubscribe", claim);
  }

  private sendSubscription(action: "subscribe" | "unsubscribe", claim: string): void {
    if (this.state.status !== "live" || !this.socket) return; // sent on (re)connect instead
    if (action === "subscribe") this.unacknowledged.add(claim);
    this.socket.send(JSON.stringify({ action, claim }));
  }

  // --- the socket ----------------------------------------------------------------------------
  private async connect(status: "connecting" | "reconnecting"): Promise<void> {
    this.teardown();
    const generation = ++this.generation;
    this.setState({ status, retryAt: null });
    let token: string | null;
    try {
      token = await this.options.getToken();
    } catch {
      // The token could not be had (e.g. offline while refreshing): try again later.
      if (generation === this.generation) this.scheduleReconnect();
      return;
    }
    if (generation !== this.generation || this.state.status === "stopped") return;
    if (!token) {
      this.stop();
      return;
    }
    const params = new URLSearchParams({ token });
    if (this.state.lastEventId !== null) params.set("since", String(this.state.lastEventId));
    // Back after a drop with no event seen yet: there is no `since` to replay from, so whatever
    // happened meanwhile is fetched anew instead.
    const resyncOnOpen = status === "reconnecting" && this.state.lastEventId === null;
    const socket = this.options.createSocket(`${this.options.url}?${params.toString()}`);
    this.socket = socket;
    socket.onopen = () => {
      if (generation !== this.generation) return;
      this.setState({ status: "live", retryAt: null });
      this.unacknowledged.clear();
      for (const claim of this.claims.keys()) this.sendSubscription("subscribe", claim);
      this.armSilenceTimer();
      this.stableTimer = setTimeout(() => this.setState({ attempt: 0 }), this.options.stableAfterMs);
      if (resyncOnOpen) this.resync();
    };
    socket.onmessage = (message) => {
      if (generation !== this.generation) return;
      this.armSilenceTimer();
      this.receive(message.data);
    };
    socket.onclose = (event) => {
      if (generation !== this.generation) return;
      void this.closed(event.code);
    };
    socket.onerror = () => {
      // A close event always follows; reconnection is decided there.
    };
  }

  private receive(raw: unknown): void {
    let frame: unknown;
    try {
      frame = JSON.parse(typeof raw === "string" ? raw : String(raw));
    } catch {
      return;
    }
    if (isEnvelope(frame)) {
      this.deliver(frame);
      return;
    }
    const control = frame as { type?: string; code?: string; claim?: string };
    switch (control.type) {
      case "replay.truncated":
        this.resync();
        break;
      case "error":
        if (control.code === "bad_since") {
          this.setState({ lastEventId: null });
          this.resync();
        }
        break;
      case "subscribed":
        if (control.claim) this.unacknowledged.delete(control.claim);
        break;
      default:
        break; // heartbeat, pong, replay.done, unsubscribed
    }
  }

  private deliver(event: EventEnvelope): void {
    if (this.seen.has(event.id)) return; // replayed and live copies of the same event
    this.seen.add(event.id);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    if (this.state.lastEventId === null || event.id > this.state.lastEventId) {
      this.setState({ lastEventId: event.id });
    }
    for (const { filter, handler } of [...this.handlers]) {
      if (!matches(filter, event)) continue;
      try {
        handler(event);
      } catch (error) {
        console.warn("An event handler failed", error); // one feature's bug must not stop the others
      }
    }
  }

  private resync(): void {
    for (const listener of [...this.resyncListeners]) listener();
  }

  private async closed(code: number): Promise<void> {
    this.teardown();
    if (this.state.status === "stopped") return;
    if (code === CLOSE_UNAUTHORIZED) {
      const renewed = this.options.onUnauthorized ? await this.options.onUnauthorized() : false;
      if (!renewed) {
        this.stop();
        return;
      }
    } else if (code === CLOSE_FORBIDDEN) {
      // The server refused a claim subscription: stop asking for it.
      for (const claim of this.unacknowledged) this.claims.delete(claim);
      this.unacknowledged.clear();
    } else if (code === CLOSE_BAD_REQUEST) {
      this.setState({ lastEventId: null });
      this.resync();
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.state.status === "stopped") return;
    const { baseDelayMs, maxDelayMs, random, now } = this.options;
    const attempt = this.state.attempt;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    const delay = Math.round(ceiling / 2 + random() * (ceiling / 2));
    this.setState({ status: "reconnecting", attempt: attempt + 1, retryAt: now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect("reconnecting");
    }, delay);
  }

  private armSilenceTimer(): void {
    this.clearTimer("silenceTimer");
    this.silenceTimer = setTimeout(() => {
      // No heartbeat: the link is dead even if the browser has not noticed. Start over.
      this.teardown();
      this.scheduleReconnect();
    }, this.options.silenceTimeoutMs);
  }

  private clearTimer(name: "retryTimer" | "silenceTimer" | "stableTimer"): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }

  /** Forget the current socket (its late events are ignored by the generation check). */
  private teardown(): void {
    this.clearTimer("retryTimer");
    this.clearTimer("silenceTimer");
    this.clearTimer("stableTimer");
    const socket = this.socket;
    this.socket = null;
    this.generation++;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onerror = null;
      socket.onclose = null;
      try {
        socket.close(1000, "client closing");
      } catch {
        // already closed
      }
    }
  }
}
