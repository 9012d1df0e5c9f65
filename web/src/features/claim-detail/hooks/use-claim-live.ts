import type { QueryKey } from "@tanstack/react-query";

import { useInvalidateOnEvent, type EventEnvelope } from "@/lib/events";

import { claimKeys } from "../api/claim";

/**
 * The parts of the claim page an event changes. The customer's contact is left out on purpose:
 * every read of it is audited, and no event changes it.
 */
export function keysForClaimEvent(id: string, event: EventEnvelope): QueryKey[] {
  const part = (...names: string[]) => names.map((name) => claimKeys.part(id, name));
  const detail = claimKeys.detail(id);
  if (event.type.startsWith("document.")) return part("documents", "timeline");
  if (event.type.startsWith("alert.")) return [...part("alerts"), detail];
  if (event.type === "claim.enriched") return part("enrichment", "vehicle-checks");
  if (event.type === "claim.assigned") return [...part("timeline", "assignees"), detail];
  if (event.type.startsWith("assessment.")) return part("timeline");
  // claim.created / updated / status_changed: the claim, its history, messages and money.
  return [...part("timeline", "communications", "reserves", "settlements", "assignees"), detail];
}

/** Keeps the open claim page current: its events (the socket subscribes to the claim) refetch what they change. */
export function useClaimLive(id: string): void {
  useInvalidateOnEvent(
    { type: ["claim.*", "document.*", "alert.*", "assessment.updated"], claim: id },
    (event) => keysForClaimEvent(id, event),
  );
}
