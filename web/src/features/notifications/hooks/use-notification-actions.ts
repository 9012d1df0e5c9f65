import { useMutation, useQueryClient } from "@tanstack/react-query";

import { markAllNotificationsRead, markNotificationRead } from "../api/notifications";
import { notificationKeys } from "../api/unread-count";

/** Mark one or all read; the bell, its menu and the inbox refetch. */
export function useNotificationActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({ mutationFn: markNotificationRead, onSettled: refresh });
  const markAllRead = useMutation({ mutationFn: markAllNotificationsRead, onSettled: refresh });
  return { markRead, markAllRead };
}
