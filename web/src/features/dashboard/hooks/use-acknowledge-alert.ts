import { useMutation, useQueryClient } from "@tanstack/react-query";

import { acknowledgeAlert, dashboardKeys, type Alert } from "../api/dashboard";

type AlertPage = { count: number; results: Alert[] };

/**
 * Acknowledges an open alert. On success it leaves the open list at once (the `alert.acknowledged`
 * event refetches the list and the counts for everyone else, and here too); a 409 (someone else
 * was quicker) refetches as well, so the list never shows an alert that is no longer open.
 */
export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alert: Alert) => acknowledgeAlert(alert.id),
    onSuccess: (_data, alert) => {
      queryClient.setQueriesData<AlertPage>({ queryKey: [...dashboardKeys.alerts(), "list"] }, (page) =>
        page ? { ...page, count: Math.max(0, page.count - 1), results: page.results.filter((row) => row.id !== alert.id) } : page,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.alerts() }),
  });
}
