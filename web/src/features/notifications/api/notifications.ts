import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

import { notificationKeys } from "./unread-count";

export type NotificationItem = components["schemas"]["NotificationOutput"];

/** How many the bell's menu shows. */
export const LATEST_SHOWN = 5;
const PAGE_SIZE = 25;

export const notificationListKeys = {
  latest: () => [...notificationKeys.all, "latest"] as const,
  list: (unreadOnly: boolean) => [...notificationKeys.all, "list", { unreadOnly }] as const,
};

/** The newest few, for the bell's menu. */
export function latestNotificationsQuery() {
  return queryOptions({
    queryKey: notificationListKeys.latest(),
    queryFn: async ({ signal }) => {
      const page = await unwrap(api.GET("/api/notifications/", { params: { query: { page_size: LATEST_SHOWN } }, signal }));
      return page.results;
    },
  });
}

function cursorOf(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  return new URL(link, globalThis.location.origin).searchParams.get("cursor") ?? undefined;
}

/** The inbox, newest first, a page at a time ("Show more" follows the cursor). */
export function notificationsQuery(unreadOnly: boolean) {
  return infiniteQueryOptions({
    queryKey: notificationListKeys.list(unreadOnly),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/notifications/", {
          params: {
            query: { page_size: PAGE_SIZE, ...(unreadOnly ? { unread: true } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => cursorOf(page.next),
  });
}

export function markNotificationRead(id: string): Promise<NotificationItem> {
  return unwrap(api.POST("/api/notifications/{notification_id}/read/", { params: { path: { notification_id: id } } }));
}

export function markAllNotificationsRead(): Promise<{ marked_read: number }> {
  return unwrap(api.POST("/api/notifications/read-all/"));
}

/**
 * Where a notification leads inside this application: its `link` when that is a path of ours
 * (`/claims/<id>`), else nowhere (never another site).
 */
export function internalPath(link: string): string | null {
  return link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null;
}
