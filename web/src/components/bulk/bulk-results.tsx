import { CircleCheck, CircleMinus, CircleX } from "lucide-react";
import { useEffect, useRef } from "react";
import { Link } from "react-router";

import type { components } from "@/lib/api";

export type BulkAnswer = components["schemas"]["BulkResponse"];

const SAID = { ok: ": done. ", skipped: ": skipped. ", error: ": refused. " } as const;

/** What a bulk action did, claim by claim, as the API reported it (done, skipped and why, or refused and why). */
export function BulkResults({ answer, verb }: { answer: BulkAnswer; verb: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="grid gap-3">
      <h3 ref={heading} tabIndex={-1} className="text-sm font-medium outline-none" data-testid="bulk-summary">
        {answer.succeeded} {verb}
        {answer.skipped > 0 ? `, ${answer.skipped} skipped` : ""}
        {answer.failed > 0 ? `, ${answer.failed} refused` : ""}
      </h3>
      {answer.results.length === 0 ? (
        <p className="text-sm text-muted-foreground">There were no claims to act on.</p>
      ) : (
        <ul
          className="grid max-h-72 gap-1 overflow-y-auto rounded-md border p-1 text-sm"
          aria-label="Result for each claim"
        >
          {answer.results.map((result) => (
            <li
              key={result.claim}
              data-ok={result.ok}
              data-outcome={result.outcome}
              className="flex items-start gap-2 rounded-sm px-2 py-1.5 odd:bg-muted/40"
            >
              {result.outcome === "ok" ? (
                <CircleCheck className="mt-0.5 size-4 shrink-0 text-emerald-700" aria-hidden="true" />
              ) : result.outcome === "skipped" ? (
                <CircleMinus className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              ) : (
                <CircleX className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden="true" />
              )}
              <span className="min-w-0">
                {result.claim_number ? (
                  <Link
                    to={`/claims/${result.claim}`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    {result.claim_number}
                  </Link>
                ) : (
                  <span className="font-medium">Unknown claim</span>
                )}
                <span className="sr-only">{SAID[result.outcome]}</span>
                <span className={result.outcome === "error" ? "ml-2 text-red-700" : "ml-2 text-muted-foreground"}>
                  {result.detail}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
