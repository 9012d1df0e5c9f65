import { AlertCircle } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { isApiError } from "@/lib/api";

/**
 * A failed request above its form: the server's sentence, the messages that belong to no field,
 * and the `reasons` a guard gave (409 transition_refused). Field messages stay next to their fields
 * (those named in `fields`); the others are listed. `fallback` titles an error with no sentence of its own.
 */
export function ProblemAlert({
  error,
  fields = [],
  fallback = "That did not work.",
}: {
  error: unknown;
  fields?: string[];
  fallback?: string;
}) {
  if (error == null) return null;
  let title = fallback;
  let details: string[] = [];
  if (isApiError(error)) {
    const reasons = Array.isArray(error.problem.reasons)
      ? error.problem.reasons.map((reason) => {
          const text = typeof reason === "string" ? reason : JSON.stringify(reason);
          return text.charAt(0).toUpperCase() + text.slice(1);
        })
      : [];
    title = reasons.length > 0 ? "This cannot be done yet:" : error.message || fallback;
    const unplaced = error.problem.errors
      .filter((item) => item.field && !fields.includes(item.field))
      .map((item) => `${item.field}: ${item.message}`);
    details = [...reasons, ...error.formErrors, ...unplaced].filter((text) => text && text !== title);
  } else if (error instanceof Error && error.message) {
    title = error.message;
  }
  return (
    <Alert variant="destructive">
      <AlertCircle aria-hidden="true" />
      <AlertTitle className="line-clamp-none">{title}</AlertTitle>
      {details.length > 0 && (
        <AlertDescription>
          <ul className="list-disc pl-4">
            {details.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </AlertDescription>
      )}
    </Alert>
  );
}
