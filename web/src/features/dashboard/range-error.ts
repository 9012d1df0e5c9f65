import { isApiError } from "@/lib/api";

/**
 * The API's objection to the range (400 `bad_range` or a malformed date, problem+json with the
 * field it is about), as a sentence for that field; null for any other failure.
 */
export function rangeErrorOf(error: unknown): { field: "from" | "to"; message: string } | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const entry = error.problem.errors.find((item) => item.field === "from" || item.field === "to");
  if (!entry) return null;
  return { field: entry.field as "from" | "to", message: error.code === "bad_range" ? error.message : entry.message };
}
