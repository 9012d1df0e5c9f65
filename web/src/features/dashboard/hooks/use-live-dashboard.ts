import { useInvalidateOnEvent } from "@/lib/events";

import { dashboardKeys } from "../api/dashboard";

/**
 * Keeps the open dashboard current without polling: claim events refetch every figure (the API
 * starts fresh cached figures on each change, so the refetch sees it), assessment progress the
 * KPIs and the assessments overview, alert events the alerts. The event stream batches bursts.
 */
export function useLiveDashboard(): void {
  useInvalidateOnEvent({ type: "claim.*" }, [dashboardKeys.all]);
  useInvalidateOnEvent({ type: "assessment.updated" }, [
    [...dashboardKeys.all, "kpi"],
    [...dashboardKeys.all, "assessments"],
  ]);
  useInvalidateOnEvent({ type: "alert.*" }, [dashboardKeys.alerts()]);
}
