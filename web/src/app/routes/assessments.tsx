import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { assessmentListQuery } from "@/features/assessments/api/assessments";
import { AssessmentFiltersBar } from "@/features/assessments/components/assessment-filters";
import { AssessmentsTable } from "@/features/assessments/components/assessments-table";
import { apiQuery, cursorOf } from "@/features/assessments/filters";
import { useAssessmentFilters } from "@/features/assessments/hooks/use-assessment-filters";
import { useLiveAssessmentList } from "@/features/assessments/hooks/use-live-assessments";
import { useNow } from "@/features/assessments/hooks/use-now";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";

/** `/assessments`: the caller's assessments (an assessor's own, staff their scope), live. */
export function Component() {
  useDocumentTitle("Assessments");
  const user = useUser();
  const isAssessor = user.role === "assessor";
  const { filters, update } = useAssessmentFilters();
  const list = useQuery(assessmentListQuery(apiQuery(filters, user.id)));
  useLiveAssessmentList();
  const now = useNow();
  const rows = list.data?.results ?? [];
  const next = cursorOf(list.data?.next);
  const previous = cursorOf(list.data?.previous);

  return (
    <div className="mx-auto flex w-full max-w-[96rem] flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Assessments</h1>
        <p className="text-sm text-muted-foreground">
          {isAssessor
            ? "The inspections assigned to you. Open one to record findings, photos and estimates."
            : "The assessments of the claims you can see, with their progress."}
        </p>
      </div>
      <AssessmentFiltersBar filters={filters} onChange={update} canPickMine={!isAssessor} />
      {list.error && (
        <Alert variant="destructive">
          <AlertDescription>
            <p>The assessments could not be loaded. {list.error.message}</p>
            <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      )}
      {!list.error && (
        <AssessmentsTable
          rows={rows}
          loading={list.isPending || list.isPlaceholderData}
          showAssessor={!isAssessor}
          now={now}
          empty={
            <div className="grid gap-1">
              <p className="font-medium">No assessments here.</p>
              <p className="text-sm text-muted-foreground">
                {filters.view === "open"
                  ? "Nothing is waiting for an inspection. New assessments appear here as they are scheduled."
                  : "Try another view."}
              </p>
            </div>
          }
        />
      )}
      {(next || previous) && (
        <nav aria-label="Pages" className="flex justify-end gap-2">
          <Button variant="outline" size="sm" disabled={!previous} onClick={() => update({ cursor: previous })}>
            <ChevronLeft aria-hidden="true" />
            Previous
          </Button>
          <Button variant="outline" size="sm" disabled={!next} onClick={() => update({ cursor: next })}>
            Next
            <ChevronRight aria-hidden="true" />
          </Button>
        </nav>
      )}
    </div>
  );
}
