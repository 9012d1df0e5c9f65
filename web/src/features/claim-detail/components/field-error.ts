import { isApiError } from "@/lib/api";

/** The API's message for one field of a failed request; `undefined` when there is none. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fieldError(field) : undefined;
}
