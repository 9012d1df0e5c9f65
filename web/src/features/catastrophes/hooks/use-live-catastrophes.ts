import { useInvalidateOnEvent } from "@/lib/events";

import { catastropheKeys } from "../api/catastrophes";

/** The events that change an event or its figures (docs/realtime.md): declared, edited, closed, and claims filed, tagged, moved. */
export const EVENT_PAGE_EVENTS = [
  "catastrophe.declared",
  "catastrophe.updated",
  "catastrophe.closed",
  "claim.created",
  "claim.updated",
  "claim.status_changed",
];

/** While an events page is shown, a relevant event refetches the events and their figures (no polling). */
export function useLiveCatastrophes(): void {
  useInvalidateOnEvent({ type: EVENT_PAGE_EVENTS }, [catastropheKeys.all]);
}
