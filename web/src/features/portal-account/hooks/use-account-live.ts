import { useInvalidateOnEvent } from "@/lib/events";

import { accountKeys } from "../api/account";

/**
 * While the profile is open, a finished export or a decided erasure (`privacy.*` events, sent to
 * the person only) refetches the requests: the download button appears without polling.
 */
export function useAccountLive(): void {
  useInvalidateOnEvent({ type: "privacy.*" }, [accountKeys.privacyRequests]);
}
