import { describe, expect, it } from "vitest";

import { AttemptKey } from "./attempt-key";

function keys() {
  let n = 0;
  return () => `k${++n}`;
}

describe("AttemptKey", () => {
  it("uses a new key for each answered attempt", async () => {
    const attempt = new AttemptKey<string>(keys());
    const sent: string[] = [];
    await attempt.send((key) => Promise.resolve((sent.push(key), "ok")));
    await attempt.send((key) => Promise.resolve((sent.push(key), "ok")));
    expect(sent).toEqual(["k1", "k2"]);
  });

  it("reuses the key after a lost answer or a server error, not after a refusal", async () => {
    const attempt = new AttemptKey<string>(keys());
    const sent: string[] = [];
    const fail = (status: number) => (key: string) => {
      sent.push(key);
      return Promise.reject(Object.assign(new Error("x"), { status }));
    };
    await expect(attempt.send(fail(0))).rejects.toThrow();
    await expect(attempt.send(fail(502))).rejects.toThrow();
    await expect(attempt.send(fail(409))).rejects.toThrow();
    await expect(attempt.send(fail(400))).rejects.toThrow();
    await attempt.send((key) => Promise.resolve((sent.push(key), "ok")));
    expect(sent).toEqual(["k1", "k1", "k1", "k1", "k2"]);
  });

  it("sends nothing while a send is in flight", async () => {
    const attempt = new AttemptKey<string>(keys());
    let release: (value: string) => void = () => {};
    const first = attempt.send(() => new Promise<string>((resolve) => (release = resolve)));
    expect(attempt.pending).toBe(true);
    expect(attempt.send(() => Promise.resolve("second"))).toBeNull();
    release("first");
    await expect(first).resolves.toBe("first");
    expect(attempt.pending).toBe(false);
  });

  it("reset starts a new attempt", async () => {
    const attempt = new AttemptKey<string>(keys());
    const sent: string[] = [];
    await expect(
      attempt.send((key) => {
        sent.push(key);
        return Promise.reject(Object.assign(new Error("x"), { status: 0 }));
      }),
    ).rejects.toThrow();
    attempt.reset();
    await attempt.send((key) => Promise.resolve((sent.push(key), "ok")));
    expect(sent).toEqual(["k1", "k2"]);
  });
});
