import { EventsList } from "@/features/catastrophes/components/events-list";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Catastrophe events");
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Catastrophe events</h1>
        <p className="text-sm text-muted-foreground">
          Floods, storms, hail, pile-ups: the claims filed in an event&apos;s area and window are tagged with it.
        </p>
      </div>
      <EventsList />
    </div>
  );
}
