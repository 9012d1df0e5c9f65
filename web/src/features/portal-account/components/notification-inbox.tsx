import { Bell, CheckCheck } from "lucide-react";
import { Link, useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";

import { ErrorMessage } from "./form-message";

/** A notification as the inbox needs it (the API's NotificationOutput has these and more). */
export interface InboxItem {
  id: string;
  title: string;
  body: string;
  link: string;
  read: boolean;
  created_at: string;
}

export interface InboxProps {
  items: readonly InboxItem[] | undefined;
  error: unknown;
  onRetry: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Marks one read; `then` runs when the server has answered (to open its page). */
  onMarkRead: (id: string, then?: () => void) => void;
  onMarkAllRead: () => void;
  markingAll: boolean;
  /** Our page a notification's link leads to, or null (never another site). */
  pathOf: (link: string) => string | null;
}

function Row({ item, onMarkRead, pathOf }: { item: InboxItem } & Pick<InboxProps, "onMarkRead" | "pathOf">) {
  const { t, dateTime } = useT();
  const navigate = useNavigate();
  const path = pathOf(item.link);
  const title = (
    <>
      {!item.read && <span className="sr-only">{t("account.inbox.unread")}: </span>}
      <span data-content>{item.title}</span>
    </>
  );
  return (
    <li data-notification={item.id} data-unread={!item.read || undefined} className={cn("flex items-start gap-3 px-3 py-3", !item.read && "bg-primary/5")}>
      <span aria-hidden="true" className={cn("mt-1.5 size-2.5 shrink-0 rounded-full", item.read ? "bg-border" : "bg-primary")} />
      <div className="grid min-w-0 flex-1 gap-1">
        {path ? (
          <Link
            to={path}
            onClick={(event) => {
              if (item.read) return;
              event.preventDefault();
              onMarkRead(item.id, () => void navigate(path));
            }}
            className={cn("text-sm text-primary underline underline-offset-4", !item.read && "font-semibold")}
          >
            {title}
          </Link>
        ) : (
          <p className={cn("text-sm", !item.read && "font-semibold")}>{title}</p>
        )}
        {item.body && item.body !== item.title && (
          <p data-content className="text-sm break-words text-muted-foreground">
            {item.body}
          </p>
        )}
        <time className="text-xs text-muted-foreground" dateTime={item.created_at}>
          {dateTime(item.created_at)}
        </time>
      </div>
      {!item.read && (
        <Button variant="ghost" size="sm" className="shrink-0" onClick={() => onMarkRead(item.id)}>
          {t("account.inbox.markRead")}
          <span className="sr-only">
            : <span data-content>{item.title}</span>
          </span>
        </Button>
      )}
    </li>
  );
}

/** The customer's notifications, newest first: unread marked, each opening its page, live. */
export function NotificationInbox(props: InboxProps) {
  const { t, tn } = useT();
  const { items } = props;
  const unread = items?.filter((item) => !item.read).length ?? 0;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {items ? (unread ? tn("account.inbox.unreadCount", unread) : t("account.inbox.allRead")) : ""}
        </p>
        <Button variant="outline" size="sm" className="ml-auto" disabled={!unread || props.markingAll} onClick={props.onMarkAllRead}>
          <CheckCheck aria-hidden="true" />
          {t("account.inbox.markAllRead")}
        </Button>
      </div>
      {props.error ? (
        <div className="flex flex-col gap-2">
          <ErrorMessage error={props.error} />
          <Button variant="outline" size="sm" className="self-start" onClick={props.onRetry}>
            {t("common.retry")}
          </Button>
        </div>
      ) : !items ? (
        <div className="grid gap-2">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-14 w-full" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-lg border py-10 text-center text-sm text-muted-foreground">
          <Bell className="size-6" aria-hidden="true" />
          <p>{t("account.inbox.empty")}</p>
        </div>
      ) : (
        <ul aria-label={t("account.inbox.title")} className="divide-y overflow-hidden rounded-lg border">
          {items.map((item) => (
            <Row key={item.id} item={item} onMarkRead={props.onMarkRead} pathOf={props.pathOf} />
          ))}
        </ul>
      )}
      {props.hasMore && (
        <Button variant="outline" className="self-center" disabled={props.loadingMore} onClick={props.onLoadMore}>
          {props.loadingMore ? t("common.loading") : t("account.inbox.more")}
        </Button>
      )}
    </div>
  );
}
