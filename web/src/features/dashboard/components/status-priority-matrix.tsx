import { Link } from "react-router";

import { cn } from "@/lib/cn";

import type { ClaimsOverview } from "../api/dashboard";
import { formatCount } from "../figures";
import { PRIORITIES, PRIORITY_LABELS, STATUS_LABELS, STATUSES, type ClaimStatus, type Priority } from "../labels";

interface MatrixProps {
  matrix: ClaimsOverview["status_priority_matrix"];
  /** The claims list filtered to a cell (`/claims?status=…&priority=…`, plus the scope's department). */
  claimsLink: (filters: Record<string, string>) => string;
}

function count(matrix: MatrixProps["matrix"], status: ClaimStatus, priority: Priority): number {
  return matrix[status]?.[priority] ?? 0;
}

/**
 * Claims per status (rows, in workflow order) and priority (columns, most pressing first). Each
 * non-empty cell opens the claims list with that status and priority.
 */
export function StatusPriorityMatrix({ matrix, claimsLink }: MatrixProps) {
  return (
    <div className="-mx-1 overflow-x-auto px-1">
      <table className="w-full min-w-[19rem] border-collapse text-sm tabular-nums">
        <caption className="sr-only">
          Claims by status and priority. Each number links to the claims list filtered to that status and priority.
        </caption>
        <thead>
          <tr className="border-b text-xs text-muted-foreground">
            <th scope="col" className="py-2 pr-2 text-left font-medium">
              Status
            </th>
            {PRIORITIES.map((priority) => (
              <th key={priority} scope="col" className="px-1 py-2 text-right font-medium">
                {PRIORITY_LABELS[priority]}
              </th>
            ))}
            <th scope="col" className="py-2 pl-2 text-right font-medium">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((status) => {
            const total = PRIORITIES.reduce((sum, priority) => sum + count(matrix, status, priority), 0);
            return (
              <tr key={status} className="border-b last:border-0">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal whitespace-nowrap">
                  {STATUS_LABELS[status]}
                </th>
                {PRIORITIES.map((priority) => {
                  const value = count(matrix, status, priority);
                  return (
                    <td key={priority} className="px-1 py-0.5 text-right">
                      {value === 0 ? (
                        <span className="px-1.5 text-muted-foreground" data-cell={`${status}.${priority}`}>
                          0
                        </span>
                      ) : (
                        <Link
                          to={claimsLink({ status, priority })}
                          data-cell={`${status}.${priority}`}
                          aria-label={`${formatCount(value)} ${STATUS_LABELS[status].toLowerCase()} claims of ${PRIORITY_LABELS[priority].toLowerCase()} priority`}
                          className={cn(
                            "inline-block min-w-8 rounded-md px-1.5 py-1 font-medium text-primary underline-offset-4 hover:bg-accent hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none",
                            priority === "urgent" && "text-destructive",
                          )}
                        >
                          {formatCount(value)}
                        </Link>
                      )}
                    </td>
                  );
                })}
                <td className="py-1.5 pl-2 text-right font-medium">{formatCount(total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
