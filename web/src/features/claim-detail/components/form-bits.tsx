import { AlertCircle } from "lucide-react";
import { cloneElement, useId, type ReactElement, type ReactNode } from "react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { isApiError } from "@/lib/api";

/**
 * A labelled control with its hint and its error from the API's problem+json, wired with
 * aria-invalid and aria-describedby. The control is the only child.
 */
export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ?? "flex flex-col gap-1.5"}>
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A failed request above its form: the server's sentence, the messages that belong to no field,
 * and the `reasons` a guard gave (409 transition_refused). Field messages stay next to their fields.
 */
export function ProblemAlert({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (error == null) return null;
  let title = "That did not work.";
  let details: string[] = [];
  if (isApiError(error)) {
    const reasons = Array.isArray(error.problem.reasons)
      ? error.problem.reasons.map((reason) => {
          const text = typeof reason === "string" ? reason : JSON.stringify(reason);
          return text.charAt(0).toUpperCase() + text.slice(1);
        })
      : [];
    title = reasons.length > 0 ? "This cannot be done yet:" : error.message;
    const unplaced = error.problem.errors
      .filter((item) => item.field && !fields.includes(item.field))
      .map((item) => `${item.field}: ${item.message}`);
    details = [...reasons, ...error.formErrors, ...unplaced].filter((text) => text && text !== title);
  } else if (error instanceof Error) {
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

/** "Nothing here yet" inside a card or panel. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed px-3 py-6 text-center text-sm text-muted-foreground">{children}</p>;
}
