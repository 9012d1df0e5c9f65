import { useEffect, useRef } from "react";
import type * as React from "react";

import { cn } from "@/lib/cn";

/**
 * A native checkbox (labelled by a <label> or `aria-label`), with `indeterminate` for
 * "some of these are selected" headers.
 */
export function Checkbox({
  className,
  indeterminate = false,
  ...props
}: Omit<React.ComponentProps<"input">, "type"> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      data-slot="checkbox"
      className={cn(
        "size-4 shrink-0 cursor-pointer rounded-sm border border-input accent-primary outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
