import { useContext, useEffect, useEffectEvent, useSyncExternalStore } from "react";

import { EventStreamContext } from "./context";
import type { ConnectionState, EventFilter, EventHandler, EventStream } from "./stream";

const IDLE: ConnectionState = { status: "idle", attempt: 0, retryAt: null, lastEventId: null };
const noop = () => () => {};

/** The tab's stream, or null while signed out. */
export function useEventStream(): EventStream | null {
  return useContext(EventStreamContext);
}

/** The connection state, for indicators and banners. */
export function useConnectionState(): ConnectionState {
  const stream = useEventStream();
  return useSyncExternalStore(stream ? stream.subscribeState : noop, stream ? stream.getState : () => IDLE);
}

/**
 * Calls `handler` for each live event matching `filter` while the component is mounted.
 * A `claim` filter also subscribes the socket to that claim.
 */
export function useEvent(filter: EventFilter, handler: EventHandler): void {
  const stream = useEventStream();
  const onEvent = useEffectEvent(handler);
  const types = filter.type === undefined ? undefined : typeof filter.type === "string" ? filter.type : filter.type.join(",");
  const claim = filter.claim;
  useEffect(() => {
    if (!stream) return;
    const type = types?.includes(",") ? types.split(",") : types;
    return stream.subscribe({ type, claim }, (event) => onEvent(event));
  }, [stream, types, claim]);
}
