import { hashKey, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";

import { useEvent } from "./hooks";
import type { EventEnvelope, EventFilter, EventStream } from "./stream";

export type KeysForEvent = readonly QueryKey[] | ((event: EventEnvelope) => readonly QueryKey[]);

const FLUSH_AFTER_MS = 50;

/**
 * Invalidates queries in batches: a burst of events (a bulk transition of 50 claims) refetches
 * each affected query once, not 50 times.
 */
export class InvalidationBatcher {
  private readonly pending = new Map<string, QueryKey>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly delayMs = FLUSH_AFTER_MS,
  ) {}

  add(keys: readonly QueryKey[]): void {
    for (const key of keys) this.pending.set(hashKey(key), key);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const keys = [...this.pending.values()];
    this.pending.clear();
    for (const queryKey of keys) void this.queryClient.invalidateQueries({ queryKey });
  }
}

const batchers = new WeakMap<QueryClient, InvalidationBatcher>();

function batcherFor(queryClient: QueryClient): InvalidationBatcher {
  let batcher = batchers.get(queryClient);
  if (!batcher) {
    batcher = new InvalidationBatcher(queryClient);
    batchers.set(queryClient, batcher);
  }
  return batcher;
}

function keysOf(keys: KeysForEvent, event: EventEnvelope): readonly QueryKey[] {
  return typeof keys === "function" ? keys(event) : keys;
}

/**
 * While mounted, events matching `filter` invalidate the given query keys (prefixes, as
 * TanStack Query matches them), so the page refetches what changed: no polling.
 *
 *   useInvalidateOnEvent({ type: "claim.*" }, [["claims", "list"]]);
 *   useInvalidateOnEvent({ type: "claim.*", claim: id }, (e) => [["claims", "detail", id]]);
 */
export function useInvalidateOnEvent(filter: EventFilter, keys: KeysForEvent): void {
  const queryClient = useQueryClient();
  useEvent(filter, (event) => batcherFor(queryClient).add(keysOf(keys, event)));
}

/** The same outside React (app-wide rules); returns the unsubscribe function. */
export function invalidateOnEvent(
  stream: EventStream,
  queryClient: QueryClient,
  filter: EventFilter,
  keys: KeysForEvent,
): () => void {
  return stream.subscribe(filter, (event) => batcherFor(queryClient).add(keysOf(keys, event)));
}
