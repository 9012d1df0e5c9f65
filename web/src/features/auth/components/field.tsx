import type { ComponentProps } from "react";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A labelled input with its errors under it (announced with the field: aria-describedby). */
export function Field({
  id,
  label,
  hint,
  errors = [],
  describedBy,
  ...input
}: ComponentProps<"input"> & { id: string; label: string; hint?: string; errors?: string[]; describedBy?: string }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [hint ? hintId : null, describedBy ?? null, errors.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <div id={errorId} className="flex flex-col text-sm text-destructive">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
