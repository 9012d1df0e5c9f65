import { act, renderHook } from "@testing-library/react";

import { IdempotentAction, useIdempotentAction } from "./idempotent-action";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe("IdempotentAction", () => {
  it("sends once while a run is in flight (a double click)", async () => {
    const answer = deferred<string>();
    const send = vi.fn((_input: { id: string }, _key: string) => answer.promise);
    const action = new IdempotentAction<{ id: string }, string>(keys());

    const first = action.run({ id: "s1" }, send);
    const second = action.run({ id: "s1" }, send);

    expect(second).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    expect(action.pending).toBe(true);
    answer.resolve("paid");
    await expect(first).resolves.toBe("paid");
    expect(action.pending).toBe(false);
  });

  it("reuses the key when the same action is retried after a failure", async () => {
    const send = vi.fn<(input: { id: string }, key: string) => Promise<string>>();
    send.mockRejectedValueOnce(new Error("network")).mockResolvedValueOnce("paid");
    const action = new IdempotentAction<{ id: string }, string>(keys());

    await expect(action.run({ id: "s1" }, send)).rejects.toThrow("network");
    await expect(action.run({ id: "s1" }, send)).resolves.toBe("paid");

    expect(send.mock.calls.map(([, key]) => key)).toEqual(["key-1", "key-1"]);
  });

  it("makes a new key for the next action once one succeeded", async () => {
    const send = vi.fn((_input: { id: string }, key: string) => Promise.resolve(key));
    const action = new IdempotentAction<{ id: string }, string>(keys());

    await action.run({ id: "s1" }, send);
    await action.run({ id: "s1" }, send);

    expect(send.mock.calls.map(([, key]) => key)).toEqual(["key-1", "key-2"]);
  });

  it("makes a new key when the input changes after a failure, or the action is abandoned", async () => {
    const send = vi.fn<(input: { action: string }, key: string) => Promise<string>>().mockRejectedValue(new Error("x"));
    const action = new IdempotentAction<{ action: string }, string>(keys());

    const attempt = (input: { action: string }) => action.run(input, send)?.catch(() => undefined);
    await attempt({ action: "approve" });
    await attempt({ action: "reject" });
    action.forget();
    await attempt({ action: "reject" });

    expect(send.mock.calls.map(([, key]) => key)).toEqual(["key-1", "key-2", "key-3"]);
  });
});

describe("IdempotentAction: what the server's answer means for the key", () => {
  const failing = (status: number) => (_input: null, key: string) =>
    Promise.reject(Object.assign(new Error(`status ${status}`), { status, key }));

  it("keeps the key after a lost answer, a server error or 'in progress', not after a refusal", async () => {
    const action = new IdempotentAction<null, string>(keys());
    const sent: string[] = [];
    const record = (send: (input: null, key: string) => Promise<string>) => (input: null, key: string) => {
      sent.push(key);
      return send(input, key);
    };
    for (const status of [0, 502, 409, 400]) {
      await expect(action.run(null, record(failing(status)))).rejects.toThrow();
    }
    await action.run(null, record(() => Promise.resolve("ok")));
    expect(sent).toEqual(["key-1", "key-1", "key-1", "key-1", "key-2"]);
  });

  it("does not forget the key of a run still in flight (its answer may yet be lost)", async () => {
    const answer = deferred<string>();
    const action = new IdempotentAction<null, string>(keys());
    const first = action.run(null, () => answer.promise);
    action.forget();
    answer.reject(Object.assign(new Error("lost"), { status: 0 }));
    await expect(first).rejects.toThrow("lost");
    expect(action.keyOf(null)).toBe("key-1");
  });
});

describe("useIdempotentAction", () => {
  it("reports pending and the error, and sends once for two runs in the same tick", async () => {
    const answer = deferred<string>();
    const send = vi.fn((_input: string, _key: string) => answer.promise);
    const onSuccess = vi.fn();
    const { result } = renderHook(() => useIdempotentAction(send, { onSuccess }));

    let first!: Promise<string | null>;
    let second!: Promise<string | null>;
    act(() => {
      first = result.current.run("pay");
      second = result.current.run("pay");
    });
    expect(result.current.pending).toBe(true);
    await expect(second).resolves.toBeNull();
    await act(async () => {
      answer.resolve("done");
      await first;
    });

    expect(send).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith("done", "pay");
    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it("keeps the error for the form and the key for the retry", async () => {
    const failure = new Error("The server could not be reached.");
    const send = vi.fn<(input: string, key: string) => Promise<string>>();
    send.mockRejectedValueOnce(failure).mockResolvedValueOnce("done");
    const { result } = renderHook(() => useIdempotentAction(send));

    await act(async () => {
      await result.current.run("pay");
    });
    expect(result.current.error).toBe(failure);
    await act(async () => {
      await result.current.run("pay");
    });

    expect(result.current.error).toBeNull();
    const [[, firstKey], [, secondKey]] = send.mock.calls as [[string, string], [string, string]];
    expect(secondKey).toBe(firstKey);
  });
});
