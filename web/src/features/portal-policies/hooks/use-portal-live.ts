import { useInvalidateOnEvent } from "@/lib/events";

import { portalKeys } from "../api/policies";

/**
 * While a policy page is open, payment and policy events refetch what the customer sees (their
 * policies, schedules and payments; a customer has few, so all of `["portal"]`).
 */
export function usePortalLive(): void {
  useInvalidateOnEvent({ type: ["payment.*", "policy.*"] }, [portalKeys.all]);
}
