import { useQuery } from "@tanstack/react-query";
import { Bell, CheckCheck } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import { formatRelative } from "@/lib/format";

import { internalPath, latestNotificationsQuery } from "../api/notifications";
import { unreadCountQuery, UNREAD_SHOWN_MAX } from "../api/unread-count";
import { useLiveNotifications } from "../hooks/use-live-notifications";
import { useNotificationActions } from "../hooks/use-notification-actions";

/**
 * The bell in the header: the unread count (live on `notification.created`), and a menu of the
 * latest few, each opening its page (and marked read), with "Mark all as read" and the inbox.
 */
export function NotificationBell() {
  const { data } = useQuery(unreadCountQuery());
  const [open, setOpen] = useState(false);
  const latest = useQuery({ ...latestNotificationsQuery(), enabled: open });
  const { markRead, markAllRead } = useNotificationActions();
  useLiveNotifications();
  const count = data?.count ?? 0;
  const shown = data?.more ? `${UNREAD_SHOWN_MAX}+` : String(count);
  // No count until it is known: "none unread" while loading would be a false statement.
  const label = !data ? "Notifications" : count === 0 ? "Notifications, none unread" : `Notifications, ${shown} unread`;
  return (
    // Not modal: the page behind stays readable to assistive technology (no aria-hidden on it).
    <DropdownMenu open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="relative">
          <Bell aria-hidden="true" />
          {count > 0 && (
            <span
              aria-hidden="true"
              className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-destructive-foreground"
            >
              {shown}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(22rem,calc(100vw-1rem))] p-0">
        <DropdownMenuLabel className="flex items-center justify-between px-3 py-2">
          <span>Notifications</span>
          <span className="text-xs font-normal text-muted-foreground">{count === 0 ? "All read" : `${shown} unread`}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator className="my-0" />
        <div className="max-h-96 overflow-y-auto p-1">
          {latest.isPending ? (
            <p className="px-2 py-3 text-sm text-muted-foreground">Loading…</p>
          ) : latest.isError ? (
            <p className="px-2 py-3 text-sm text-destructive">The notifications could not be loaded.</p>
          ) : latest.data.length === 0 ? (
            <p className="px-2 py-3 text-sm text-muted-foreground">Nothing yet.</p>
          ) : (
            latest.data.map((item) => {
              const path = internalPath(item.link) ?? "/notifications";
              return (
                <DropdownMenuItem
                  key={item.id}
                  asChild
                  onSelect={() => {
                    if (!item.read) markRead.mutate(item.id);
                  }}
                >
                  <Link to={path} data-unread={!item.read || undefined} className="flex items-start gap-2">
                    <span
                      aria-hidden="true"
                      className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.read ? "bg-transparent" : "bg-primary")}
                    />
                    <span className="grid min-w-0 gap-0.5">
                      <span className={cn("line-clamp-2 text-sm", !item.read && "font-medium")}>
                        {!item.read && <span className="sr-only">Unread: </span>}
                        {item.title}
                      </span>
                      <span className="text-xs text-muted-foreground">{formatRelative(item.created_at)}</span>
                    </span>
                  </Link>
                </DropdownMenuItem>
              );
            })
          )}
        </div>
        <DropdownMenuSeparator className="my-0" />
        <div className="flex items-center justify-between gap-1 p-1">
          <DropdownMenuItem
            disabled={count === 0 || markAllRead.isPending}
            onSelect={(event) => {
              event.preventDefault(); // stay open: the list shows them read
              markAllRead.mutate();
            }}
          >
            <CheckCheck aria-hidden="true" />
            Mark all as read
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link to="/notifications" className="font-medium text-primary">
              See all
            </Link>
          </DropdownMenuItem>
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
