import { LoaderCircle } from "lucide-react";

/** A page-sized loading state (session restore, lazy route chunks). */
export function PageSpinner({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" className="flex min-h-[50vh] items-center justify-center gap-2 text-muted-foreground">
      <LoaderCircle className="size-5 animate-spin" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
