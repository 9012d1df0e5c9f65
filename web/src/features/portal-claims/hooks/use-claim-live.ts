import type { QueryKey } from "@tanstack/react-query";

import { useInvalidateOnEvent, type EventEnvelope } from "@/lib/events";

import { claimKeys } from "../api/claims";

/** The parts of a customer's claim page an event changes. */
export function keysForClaimEvent(id: string, event: EventEnvelope): QueryKey[] {
  const part = (...names: string[]) => names.map((name) => claimKeys.part(id, name));
  if (event.type.startsWith("document.")) return [...part("documents", "timeline", "document-requests")];
  if (typeof event.data.communication === "string") return [...part("messages", "timeline")];
  // A status change, a settlement, a document request: everything on the page, and the list.
  return [claimKeys.all(id), claimKeys.list];
}

/** Keeps an open claim page current: the socket subscribes to the claim, and its events refetch what they change. */
export function useClaimLive(id: string): void {
  useInvalidateOnEvent({ type: ["claim.*", "document.*", "settlement.*"], claim: id }, (event) =>
    keysForClaimEvent(id, event),
  );
}

/** Keeps the list of claims current while it is open. */
export function useClaimsLive(): void {
  useInvalidateOnEvent({ type: "claim.*" }, [claimKeys.list]);
}
