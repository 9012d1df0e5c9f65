import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { internalPath, notificationsQuery } from "@/features/notifications/api/notifications";
import { useLiveNotifications } from "@/features/notifications/hooks/use-live-notifications";
import { useNotificationActions } from "@/features/notifications/hooks/use-notification-actions";
import { NotificationInbox } from "@/features/portal-account/components/notification-inbox";
import { PreferencesForm } from "@/features/portal-account/components/preferences-form";
import { Section } from "@/features/portal-account/components/section";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

/**
 * `/notifications` for a customer: their notifications (the staff inbox's data and live updates,
 * in the customer's frame and words) and, below, how they want to be told (per topic and channel).
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("account.inbox.title"));
  const list = useInfiniteQuery(notificationsQuery(false));
  const { markRead, markAllRead } = useNotificationActions();
  useLiveNotifications();

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("account.inbox.title")}</h1>
        <p className="text-sm text-muted-foreground">
          {t("account.inbox.intro")}{" "}
          <Link to="#preferences" className="text-primary underline underline-offset-4">
            {t("account.inbox.toPreferences")}
          </Link>
        </p>
      </div>
      <NotificationInbox
        items={list.data?.pages.flatMap((page) => page.results)}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        onMarkRead={(id, then) => markRead.mutate(id, { onSettled: then })}
        onMarkAllRead={() => markAllRead.mutate()}
        markingAll={markAllRead.isPending}
        pathOf={internalPath}
      />
      <Section id="preferences" title={t("account.prefs.title")} intro={t("account.prefs.intro")}>
        <PreferencesForm />
      </Section>
    </div>
  );
}
