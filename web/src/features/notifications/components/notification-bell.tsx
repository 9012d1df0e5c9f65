import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { Link } from "react-router";

import { buttonVariants } from "@/components/ui/button-variants";
import { cn } from "@/lib/cn";
import { useInvalidateOnEvent } from "@/lib/events";

import { notificationKeys, unreadCountQuery, UNREAD_SHOWN_MAX } from "../api/unread-count";

/** The bell in the header: the unread count, kept current by `notification.created` events. */
export function NotificationBell() {
  const { data } = useQuery(unreadCountQuery());
  useInvalidateOnEvent({ type: "notification.created" }, [notificationKeys.all]);
  const count = data?.count ?? 0;
  const shown = data?.more ? `${UNREAD_SHOWN_MAX}+` : String(count);
  const label = count === 0 ? "Notifications, none unread" : `Notifications, ${shown} unread`;
  return (
    <Link to="/notifications" aria-label={label} className={cn(buttonVariants({ variant: "ghost", size: "icon" }), "relative")}>
      <Bell aria-hidden="true" />
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-destructive-foreground"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
