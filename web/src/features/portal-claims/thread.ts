/**
 * The message thread of a claim: what the server listed, merged with what this page learnt live
 * since (the customer's own messages as the server answered them, before the list is fetched
 * again) and with what is still being sent. The same message never shows twice: the server's copy
 * wins over a live one with the same id, and a message being sent is dropped once its server copy
 * is known (`serverId`). Oldest first, as a chat reads.
 */
import type { Communication } from "./api/claims";

export interface PendingMessage {
  /** This page's own id for a message not yet answered by the server. */
  localId: string;
  body: string;
  at: string;
  /** Set once the server answered: the id of its copy. */
  serverId?: string;
  failed?: boolean;
}

export type ThreadEntry =
  | { kind: "message"; key: string; message: Communication; mine: boolean }
  | { kind: "pending"; key: string; pending: PendingMessage };

/** Messages from the customer are their inbound notes; everything else in their list is from staff. */
export function isFromCustomer(message: Pick<Communication, "party" | "direction">): boolean {
  return message.party === "customer" && message.direction === "inbound";
}

function byTime(a: Communication, b: Communication): number {
  if (a.at !== b.at) return Date.parse(a.at) - Date.parse(b.at);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function mergeThread(
  fetched: readonly Communication[],
  live: readonly Communication[],
  pending: readonly PendingMessage[] = [],
): ThreadEntry[] {
  const messages = new Map<string, Communication>();
  for (const message of live) messages.set(message.id, message);
  for (const message of fetched) messages.set(message.id, message); // the server's list wins
  const sorted = [...messages.values()].sort(byTime);
  const entries: ThreadEntry[] = sorted.map((message) => ({
    kind: "message",
    key: message.id,
    message,
    mine: isFromCustomer(message),
  }));
  for (const item of pending) {
    if (item.serverId && messages.has(item.serverId)) continue;
    entries.push({ kind: "pending", key: item.localId, pending: item });
  }
  return entries;
}

/** Messages from staff in `now` that were not in `before`: what arrived while the page was open. */
export function arrivedFromStaff(before: ReadonlySet<string>, now: readonly ThreadEntry[]): Communication[] {
  return now.flatMap((entry) =>
    entry.kind === "message" && !entry.mine && !before.has(entry.message.id) ? [entry.message] : [],
  );
}
