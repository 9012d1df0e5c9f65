import { CircleCheck, CircleX } from "lucide-react";
import { useEffect, useRef } from "react";
import { Link } from "react-router";

import type { BulkResponse } from "../api/claims";

/** What a bulk action did, claim by claim, as the API reported it (done, or refused and why). */
export function BulkResults({ answer, verb }: { answer: BulkResponse; verb: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="grid gap-3">
      <h3 ref={heading} tabIndex={-1} className="text-sm font-medium outline-none" data-testid="bulk-summary">
        {answer.succeeded} {verb}
        {answer.failed > 0 ? `, ${answer.failed} refused` : ""}
      </h3>
      <ul className="grid max-h-72 gap-1 overflow-y-auto rounded-md border p-1 text-sm" aria-label="Result for each claim">
        {answer.results.map((result) => (
          <li
            key={result.claim}
            data-ok={result.ok}
            className="flex items-start gap-2 rounded-sm px-2 py-1.5 odd:bg-muted/40"
          >
            {result.ok ? (
              <CircleCheck className="mt-0.5 size-4 shrink-0 text-emerald-700" aria-hidden="true" />
            ) : (
              <CircleX className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden="true" />
            )}
            <span className="min-w-0">
              {result.claim_number ? (
                <Link to={`/claims/${result.claim}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {result.claim_number}
                </Link>
              ) : (
                <span className="font-medium">Unknown claim</span>
              )}
              <span className="sr-only">{result.ok ? ": done. " : ": refused. "}</span>
              <span className={result.ok ? "ml-2 text-muted-foreground" : "ml-2 text-red-700"}>{result.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
