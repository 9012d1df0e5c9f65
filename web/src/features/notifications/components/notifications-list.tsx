import { useInfiniteQuery } from "@tanstack/react-query";
import { CheckCheck, RotateCw } from "lucide-react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { formatDateTime, formatRelative } from "@/lib/format";

import { internalPath, notificationsQuery, type NotificationItem } from "../api/notifications";
import { useLiveNotifications } from "../hooks/use-live-notifications";
import { useNotificationActions } from "../hooks/use-notification-actions";

const FILTERS = [
  { value: "all", label: "All" },
  { value: "unread", label: "Unread" },
] as const;

function NotificationRow({ item }: { item: NotificationItem }) {
  const { markRead } = useNotificationActions();
  const navigate = useNavigate();
  const path = internalPath(item.link);
  return (
    <li
      data-notification={item.id}
      data-unread={!item.read || undefined}
      className={cn("flex items-start gap-3 px-4 py-3", !item.read && "bg-primary/5")}
    >
      <span
        aria-hidden="true"
        className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.read ? "bg-border" : "bg-primary")}
      />
      <div className="grid min-w-0 flex-1 gap-0.5">
        {path ? (
          <Link
            to={path}
            onClick={(event) => {
              if (item.read) return;
              event.preventDefault();
              markRead.mutate(item.id, { onSettled: () => void navigate(path) });
            }}
            className={cn("text-sm underline-offset-4 hover:underline", !item.read && "font-semibold")}
          >
            {!item.read && <span className="sr-only">Unread: </span>}
            {item.title}
          </Link>
        ) : (
          <p className={cn("text-sm", !item.read && "font-semibold")}>{item.title}</p>
        )}
        {item.body && item.body !== item.title && <p className="text-sm text-muted-foreground">{item.body}</p>}
        <time className="text-xs text-muted-foreground" dateTime={item.created_at} title={formatDateTime(item.created_at)}>
          {formatRelative(item.created_at)}
        </time>
      </div>
      {!item.read && (
        <Button
          variant="ghost"
          size="sm"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate(item.id)}
          aria-label={`Mark as read: ${item.title}`}
        >
          Mark read
        </Button>
      )}
    </li>
  );
}

/** The inbox: all or unread, newest first, each opening its page; mark one or all read; live. */
export function NotificationsList() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get("unread") === "true";
  const list = useInfiniteQuery(notificationsQuery(unreadOnly));
  const { markAllRead } = useNotificationActions();
  useLiveNotifications();
  const items = list.data?.pages.flatMap((page) => page.results) ?? [];

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Show" className="inline-flex rounded-md border p-0.5">
          {FILTERS.map((filter) => {
            const active = (filter.value === "unread") === unreadOnly;
            return (
              <Button
                key={filter.value}
                size="sm"
                variant={active ? "secondary" : "ghost"}
                aria-pressed={active}
                className="h-7"
                onClick={() => setParams(filter.value === "unread" ? { unread: "true" } : {})}
              >
                {filter.label}
              </Button>
            );
          })}
        </div>
        <Button
          variant="outline"
          size="sm"
          className="ml-auto"
          disabled={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          <CheckCheck aria-hidden="true" />
          Mark all as read
        </Button>
      </div>
      {markAllRead.isSuccess && (
        <p role="status" className="text-sm text-muted-foreground">
          {markAllRead.data.marked_read === 0
            ? "Nothing was unread."
            : `${markAllRead.data.marked_read} marked as read.`}
        </p>
      )}
      {list.isError ? (
        <Alert variant="destructive">
          <AlertTitle>The notifications could not be loaded</AlertTitle>
          <AlertDescription>
            <p>{list.error.message}</p>
            <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : list.isPending ? (
        <div className="grid gap-2 rounded-lg border p-4">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} className="h-10 w-full" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <div className="rounded-lg border py-12 text-center">
          <p className="font-medium">{unreadOnly ? "You have read everything." : "No notifications yet."}</p>
        </div>
      ) : (
        <ul aria-label="Notifications" className="divide-y overflow-hidden rounded-lg border">
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="outline"
          className="justify-self-center"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      )}
    </div>
  );
}
