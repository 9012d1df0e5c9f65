import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { EventStream, matches, type EventEnvelope, type EventStreamOptions, type SocketLike } from "./stream";

class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
  }
  // --- what the server does ---
  open() {
    this.onopen?.({});
  }
  frame(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
  get params() {
    return new URL(this.url).searchParams;
  }
}

function envelope(id: number, type = "claim.updated", data: Record<string, unknown> = {}): EventEnvelope {
  return { id, type, occurred_at: "2026-11-29T10:00:00Z", data };
}

describe("EventStream", () => {
  let sockets: FakeSocket[];
  let token: string | null;
  let streams: EventStream[];

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    streams = [];
    token = "access-1";
  });
  afterEach(() => {
    for (const s of streams) s.stop();
    vi.useRealTimers();
  });

  function stream(options: Partial<EventStreamOptions> = {}) {
    const created = new EventStream({
      url: "ws://app.test/ws/events/",
      getToken: () => Promise.resolve(token),
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      random: () => 1, // no jitter: the delay is the ceiling
      ...options,
    });
    streams.push(created);
    return created;
  }

  async function flush() {
    await vi.advanceTimersByTimeAsync(0);
  }

  const last = () => sockets[sockets.length - 1]!;

  it("connects with the access token and no `since` the first time", async () => {
    const s = stream();
    s.start();
    await flush();
    expect(sockets).toHaveLength(1);
    expect(last().params.get("token")).toBe("access-1");
    expect(last().params.has("since")).toBe(false);
    expect(s.getState().status).toBe("connecting");
    last().open();
    expect(s.getState().status).toBe("live");
  });

  it("after a drop, reconnects with ?since= the newest event id it saw", async () => {
    const s = stream();
    const seen: number[] = [];
    s.subscribe({}, (event) => seen.push(event.id));
    s.start();
    await flush();
    last().open();
    last().frame(envelope(5));
    last().frame(envelope(7));
    last().frame(envelope(6)); // committed out of order: still delivered, `since` stays the max
    last().drop();
    expect(s.getState()).toMatchObject({ status: "reconnecting", attempt: 1, lastEventId: 7 });
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    expect(last().params.get("since")).toBe("7");
    expect(seen).toEqual([5, 7, 6]);
  });

  it("delivers a replayed event only once", async () => {
    const s = stream();
    const seen: number[] = [];
    s.subscribe({}, (event) => seen.push(event.id));
    s.start();
    await flush();
    last().open();
    last().frame(envelope(10));
    last().drop();
    await vi.advanceTimersByTimeAsync(500);
    last().open();
    last().frame(envelope(10)); // the server replays from `since` inclusive of what raced the drop
    last().frame(envelope(11));
    last().frame({ type: "replay.done", count: 2 });
    expect(seen).toEqual([10, 11]);
  });

  it("backs off exponentially up to the cap, and starts over once a connection holds", async () => {
    const s = stream({ baseDelayMs: 500, maxDelayMs: 4000, stableAfterMs: 5000 });
    s.start();
    await flush();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = Date.now();
      last().drop();
      delays.push(s.getState().retryAt! - before);
      await vi.advanceTimersByTimeAsync(delays[delays.length - 1]!);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 4000]);
    last().open();
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.getState().attempt).toBe(0);
    last().drop();
    expect(s.getState().retryAt! - Date.now()).toBe(500);
  });

  it("jitters each delay to between half and all of it", async () => {
    const s = stream({ baseDelayMs: 1000, random: () => 0 });
    s.start();
    await flush();
    const before = Date.now();
    last().drop();
    expect(s.getState().retryAt! - before).toBe(500);
  });

  it("reconnects at once when the browser comes back online", async () => {
    const s = stream({ baseDelayMs: 10_000 });
    s.start();
    await flush();
    last().drop();
    window.dispatchEvent(new Event("online"));
    await flush();
    expect(sockets).toHaveLength(2);
  });

  it("asks for a resync when the server cannot replay the whole gap", async () => {
    const s = stream();
    const resync = vi.fn();
    s.onResync(resync);
    s.start();
    await flush();
    last().open();
    last().frame({ type: "replay.truncated", detail: "too old", oldest_available: 100 });
    expect(resync).toHaveBeenCalledTimes(1);
  });

  it("resyncs after a drop that came before any event (nothing to resume from)", async () => {
    const s = stream();
    const resync = vi.fn();
    s.onResync(resync);
    s.start();
    await flush();
    last().open();
    expect(resync).not.toHaveBeenCalled(); // the first connection follows a fresh page load
    last().drop();
    await vi.advanceTimersByTimeAsync(500);
    expect(last().params.has("since")).toBe(false);
    last().open();
    expect(resync).toHaveBeenCalledTimes(1);
  });

  it("forgets a `since` the server refuses, resyncs and reconnects without it", async () => {
    const s = stream();
    const resync = vi.fn();
    s.onResync(resync);
    s.start();
    await flush();
    last().open();
    last().frame(envelope(42));
    last().drop();
    await vi.advanceTimersByTimeAsync(500);
    last().open();
    last().frame({ type: "error", code: "bad_since", detail: "Event 42 does not exist yet" });
    last().drop(4400);
    expect(resync).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    expect(last().params.has("since")).toBe(false);
  });

  it("on 4401 refreshes the token and reconnects; when that fails it stops", async () => {
    let renew = true;
    const onUnauthorized = vi.fn(() => Promise.resolve(renew));
    const s = stream({ onUnauthorized });
    s.start();
    await flush();
    token = "access-2";
    last().drop(4401);
    await flush();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(last().params.get("token")).toBe("access-2");
    renew = false;
    last().drop(4401);
    await flush();
    expect(s.getState().status).toBe("stopped");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
  });

  it("stops without a token (signed out)", async () => {
    token = null;
    const s = stream();
    s.start();
    await flush();
    expect(sockets).toHaveLength(0);
    expect(s.getState().status).toBe("stopped");
  });

  it("treats a silent link as dead and reconnects", async () => {
    const s = stream({ silenceTimeoutMs: 60_000 });
    s.start();
    await flush();
    last().open();
    await vi.advanceTimersByTimeAsync(50_000);
    last().frame({ type: "heartbeat" });
    await vi.advanceTimersByTimeAsync(50_000);
    expect(sockets).toHaveLength(1); // the heartbeat kept it alive
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets[0]!.closedWith).toBe(1000);
    expect(s.getState().status).toBe("reconnecting");
  });

  it("subscribes to claims on the socket, again after a reconnect, and drops a refused one", async () => {
    const s = stream();
    s.start();
    await flush();
    const offA = s.subscribe({ claim: "a" }, () => {});
    s.subscribe({ claim: "a" }, () => {});
    last().open();
    expect(last().sent).toEqual([{ action: "subscribe", claim: "a" }]);
    last().frame({ type: "subscribed", claim: "a" });
    s.subscribe({ claim: "b" }, () => {});
    expect(last().sent).toContainEqual({ action: "subscribe", claim: "b" });
    last().drop(4403); // b is not visible to this user
    await vi.advanceTimersByTimeAsync(500);
    last().open();
    expect(last().sent).toEqual([{ action: "subscribe", claim: "a" }]);
    offA();
    expect(last().sent).toHaveLength(1); // still one subscriber of a
  });

  it("ignores a late frame from a socket it already replaced", async () => {
    const s = stream();
    const seen: number[] = [];
    s.subscribe({}, (event) => seen.push(event.id));
    s.start();
    await flush();
    const first = last();
    first.open();
    first.drop();
    await vi.advanceTimersByTimeAsync(500);
    first.frame(envelope(99));
    expect(seen).toEqual([]);
  });
});

describe("matches", () => {
  const event = envelope(1, "claim.status_changed", { claim_id: "c1" });
  it.each([
    [{}, true],
    [{ type: "claim.status_changed" }, true],
    [{ type: "claim.*" }, true],
    [{ type: "*" }, true],
    [{ type: "assessment.*" }, false],
    [{ type: ["alert.raised", "claim.status_changed"] }, true],
    [{ claim: "c1" }, true],
    [{ claim: "c2" }, false],
    [{ type: "claim.*", claim: "c2" }, false],
  ])("%j -> %s", (filter, expected) => {
    expect(matches(filter, event)).toBe(expected);
  });

  it("finds the claim under `claim` too (documents' events)", () => {
    expect(matches({ claim: "c9" }, envelope(2, "document.scanned", { claim: "c9" }))).toBe(true);
  });
});
