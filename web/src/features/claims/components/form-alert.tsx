import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ApiError } from "@/lib/api";

/**
 * The part of an API error not shown next to a field: the sentence, and messages for fields the
 * form has no control for (e.g. `claims`).
 */
export function FormAlert({ error, fields }: { error: ApiError | null; fields: readonly string[] }) {
  if (!error) return null;
  const elsewhere = error.problem.errors.filter((item) => !item.field || !fields.includes(item.field));
  const shownByFields = error.problem.errors.length > 0 && elsewhere.length === 0;
  if (shownByFields) return null;
  const messages = elsewhere.map((item) => item.message).filter((message) => message !== error.message);
  return (
    <Alert variant="destructive">
      <AlertDescription>
        <p>{error.message}</p>
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </AlertDescription>
    </Alert>
  );
}
