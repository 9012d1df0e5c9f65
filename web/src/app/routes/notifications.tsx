import { NotificationsList } from "@/features/notifications/components/notifications-list";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Notifications");
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="text-sm text-muted-foreground">What happened to the work you follow; each opens its page.</p>
      </div>
      <NotificationsList />
    </div>
  );
}
