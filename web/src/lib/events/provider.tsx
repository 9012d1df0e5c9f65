import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, type ReactNode } from "react";

import { EventStreamContext } from "./context";
import { EventStream } from "./stream";

interface EventStreamProviderProps {
  /** Connect only while signed in. */
  enabled: boolean;
  getToken: () => Promise<string | null>;
  onUnauthorized: () => Promise<boolean>;
  children: ReactNode;
}

/**
 * Opens the tab's one event stream while `enabled`, and refetches every query when the server
 * could not replay what the tab missed.
 */
export function EventStreamProvider({ enabled, getToken, onUnauthorized, children }: EventStreamProviderProps) {
  const queryClient = useQueryClient();
  const stream = useMemo(
    () => (enabled ? new EventStream({ getToken, onUnauthorized }) : null),
    [enabled, getToken, onUnauthorized],
  );
  useEffect(() => {
    if (!stream) return;
    const offResync = stream.onResync(() => void queryClient.invalidateQueries());
    stream.start();
    return () => {
      offResync();
      stream.stop();
    };
  }, [stream, queryClient]);
  return <EventStreamContext.Provider value={stream}>{children}</EventStreamContext.Provider>;
}
