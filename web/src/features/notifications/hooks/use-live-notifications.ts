import { useInvalidateOnEvent } from "@/lib/events";

import { notificationKeys } from "../api/unread-count";

/** A new notification refreshes the unread count, the bell's menu and the inbox. */
export function useLiveNotifications(): void {
  useInvalidateOnEvent({ type: "notification.created" }, [notificationKeys.all]);
}
