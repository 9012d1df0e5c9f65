import type { Communication } from "./api/claims";
import { arrivedFromStaff, mergeThread, type ThreadEntry } from "./thread";

function message(id: string, at: string, from: "customer" | "staff", body = id): Communication {
  return {
    id,
    channel: from === "customer" ? "note" : "sms",
    direction: from === "customer" ? "inbound" : "outbound",
    party: "customer",
    subject: "",
    body,
    author: "00000000-0000-4000-8000-000000000001",
    author_name: from === "customer" ? "Amani" : "Agent",
    at,
  };
}

const ids = (entries: ThreadEntry[]) => entries.map((entry) => entry.key);

describe("merging the message thread", () => {
  const a = message("a", "2026-11-29T10:00:00Z", "staff");
  const b = message("b", "2026-11-29T10:05:00Z", "customer");
  const c = message("c", "2026-11-29T10:10:00Z", "staff");

  it("shows a message known both live and fetched once, the server's copy winning", () => {
    const liveCopy = { ...b, body: "typed" };
    const serverCopy = { ...b, body: "stored" };
    const entries = mergeThread([a, serverCopy], [liveCopy]);
    expect(ids(entries)).toEqual(["a", "b"]);
    const second = entries[1];
    expect(second?.kind === "message" && second.message.body).toBe("stored");
  });

  it("keeps live messages the fetched list does not have yet, in time order", () => {
    expect(ids(mergeThread([a], [c, b]))).toEqual(["a", "b", "c"]);
    expect(ids(mergeThread([c, a], []))).toEqual(["a", "c"]);
  });

  it("orders messages of the same instant by id, so the order never jumps", () => {
    const x = message("x", "2026-11-29T10:00:00Z", "staff");
    expect(ids(mergeThread([x, a], []))).toEqual(["a", "x"]);
  });

  it("puts messages being sent last, and drops one once its server copy is known", () => {
    const sending = { localId: "local-1", body: "hello", at: "2026-11-29T10:20:00Z" };
    expect(ids(mergeThread([a], [], [sending]))).toEqual(["a", "local-1"]);
    expect(ids(mergeThread([a], [b], [{ ...sending, serverId: "b" }]))).toEqual(["a", "b"]);
    expect(ids(mergeThread([a], [], [{ ...sending, serverId: "b" }]))).toEqual(["a", "local-1"]);
  });

  it("tells the customer's messages from their claims team's", () => {
    const entries = mergeThread([a, b], []);
    expect(entries.map((entry) => entry.kind === "message" && entry.mine)).toEqual([false, true]);
  });

  it("finds the staff messages that arrived after the first load, not the customer's own", () => {
    const before = new Set(["a"]);
    const arrived = arrivedFromStaff(before, mergeThread([a, b, c], []));
    expect(arrived.map((item) => item.id)).toEqual(["c"]);
  });
});
