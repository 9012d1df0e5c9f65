import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api";

/** Above this many the bell shows "99+" (the list is cursor-paginated: no total to ask for). */
export const UNREAD_SHOWN_MAX = 99;

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
};

export interface UnreadCount {
  count: number;
  /** More unread than `count` (the bell shows "99+"). */
  more: boolean;
}

export function unreadCountQuery() {
  return queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async ({ signal }): Promise<UnreadCount> => {
      const page = await unwrap(
        api.GET("/api/notifications/", {
          params: { query: { unread: true, page_size: UNREAD_SHOWN_MAX } },
          signal,
        }),
      );
      return { count: page.results.length, more: page.next != null };
    },
  });
}
