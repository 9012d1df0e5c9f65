import { useInvalidateOnEvent } from "@/lib/events";

import { claimKeys } from "../api/claims";

/** The claim events that change what a list shows (docs/realtime.md). */
export const LIST_EVENTS = ["claim.created", "claim.status_changed", "claim.assigned", "claim.updated"];

/** While a claims list is shown, a claim filed, moved, assigned or edited anywhere refetches it. */
export function useLiveClaims(): void {
  useInvalidateOnEvent({ type: LIST_EVENTS }, [claimKeys.lists()]);
}
