import { ChevronLeft } from "lucide-react";
import { Link } from "react-router";

import { formatDateTime, formatRelative } from "@/lib/format";

import type { Assessment, ClaimFacts } from "../api/assessments";
import { AssessmentStatusBadge, Completion, Severity } from "./badges";

/** Which assessment this is: its claim, vehicle and customer, status, assessor, dates, progress. */
export function WorkspaceHeader({ assessment, claim }: { assessment: Assessment; claim: ClaimFacts | undefined }) {
  return (
    <header className="grid gap-3">
      <Link to="/assessments" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft className="size-4" aria-hidden="true" />
        Assessments
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            Assessment of {assessment.claim_number}
            <AssessmentStatusBadge status={assessment.status} className="text-sm" />
          </h1>
          <p className="text-sm text-muted-foreground">
            <Link to={`/claims/${assessment.claim}`} className="font-medium text-primary underline-offset-4 hover:underline">
              Open claim {assessment.claim_number}
            </Link>
            {claim?.vehicle_registration && (
              <>
                {" · "}
                <span className="font-mono tracking-wide text-foreground">{claim.vehicle_registration}</span>
              </>
            )}
            {claim?.customer_name && ` · ${claim.customer_name}`}
          </p>
        </div>
        <div className="grid min-w-56 gap-1">
          <span className="text-xs font-medium text-muted-foreground">Overall completion</span>
          <Completion value={assessment.completion_percentage} label="Overall completion" className="w-full" barClassName="w-auto flex-1 h-2" />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border bg-muted/30 px-4 py-3 text-sm sm:grid-cols-4">
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">Assessor</dt>
          <dd>{assessment.assessor_name ?? "Unassigned"}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">Scheduled</dt>
          <dd>
            {assessment.scheduled_at ? (
              <time dateTime={assessment.scheduled_at} title={formatRelative(assessment.scheduled_at)}>
                {formatDateTime(assessment.scheduled_at)}
              </time>
            ) : (
              "Not scheduled"
            )}
          </dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{assessment.completed_at ? "Completed" : "Started"}</dt>
          <dd>{formatDateTime(assessment.completed_at ?? assessment.started_at)}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">Overall severity</dt>
          <dd>
            <Severity value={assessment.overall_severity} />
          </dd>
        </div>
      </dl>
    </header>
  );
}
