import type { ReactNode } from "react";

export { Field } from "@/components/field";
export { ProblemAlert } from "@/components/problem-alert";

/** "Nothing here yet" inside a card or panel. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed px-3 py-6 text-center text-sm text-muted-foreground">{children}</p>;
}
