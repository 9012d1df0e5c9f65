import type { UseQueryResult } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useId, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";

interface PanelProps {
  title: string;
  description?: ReactNode;
  /** A link or control at the right of the heading ("View all"). */
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One block of the dashboard: a titled region (h2), so screen readers can jump between them. */
export function Panel({ title, description, action, className, children }: PanelProps) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={cn("flex min-w-0 flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-sm md:p-5", className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <h2 id={id} className="text-base font-semibold leading-tight">
            {title}
          </h2>
          {description && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}

interface QueryContentProps<T> {
  query: UseQueryResult<T>;
  /** What to show while loading (sized like the content, so nothing jumps). */
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}

/** A query's three states: a skeleton while loading, the server's sentence and a retry on failure, the content. */
export function QueryContent<T>({ query, skeleton, children }: QueryContentProps<T>) {
  if (query.isPending) {
    return (
      <div role="status" aria-busy="true">
        <span className="sr-only">Loading…</span>
        {skeleton ?? <Skeleton className="h-24 w-full" />}
      </div>
    );
  }
  if (query.isError) {
    const message = isApiError(query.error) ? query.error.message : "The figures could not be loaded.";
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-destructive/40 px-3 py-2 text-sm">
        <span className="text-destructive">{message}</span>
        <Button variant="outline" size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>
          <RotateCw aria-hidden="true" />
          Try again
        </Button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
