import { useEffect, useState } from "react";

import { cn } from "@/lib/cn";
import { useConnectionState, type ConnectionState } from "@/lib/events";

const LABELS: Record<ConnectionState["status"], string> = {
  idle: "Connecting…",
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  stopped: "Offline",
};

/** The event stream's state as a dot and a word: live updates are on, or being restored. */
export function ConnectionIndicator({ className }: { className?: string }) {
  const { status } = useConnectionState();
  return (
    <div
      role="status"
      aria-live="polite"
      data-connection={status}
      className={cn("flex items-center gap-2 text-xs text-muted-foreground", className)}
    >
      <span
        aria-hidden="true"
        className={cn(
          "size-2 rounded-full",
          status === "live" && "bg-success",
          (status === "connecting" || status === "idle") && "bg-muted-foreground/50",
          status === "reconnecting" && "animate-pulse bg-warning",
          status === "stopped" && "bg-destructive",
        )}
      />
      <span>{LABELS[status]}</span>
    </div>
  );
}

/** Shown above the page while live updates are interrupted (after the first quick retry fails). */
export function ConnectionBanner() {
  const { status, attempt, retryAt } = useConnectionState();
  const seconds = useSecondsUntil(status === "reconnecting" ? retryAt : null);
  if (status !== "reconnecting" || attempt < 2) return null;
  return (
    <div role="status" className="border-b border-warning/40 bg-warning/10 px-4 py-2 text-sm">
      Live updates are interrupted. Reconnecting{seconds > 0 ? ` in ${seconds} s` : "…"} — what changed meanwhile
      will be filled in.
    </div>
  );
}

function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}
