export { useConnectionState, useEvent, useEventStream } from "./hooks";
export { EventStreamProvider } from "./provider";
export { invalidateOnEvent, InvalidationBatcher, useInvalidateOnEvent, type KeysForEvent } from "./query";
export {
  EventStream,
  matches,
  type ConnectionState,
  type ConnectionStatus,
  type EventEnvelope,
  type EventFilter,
  type EventHandler,
} from "./stream";
