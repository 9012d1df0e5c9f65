export { IdempotentAction, useIdempotentAction, type IdempotentActionState } from "./idempotent-action";
