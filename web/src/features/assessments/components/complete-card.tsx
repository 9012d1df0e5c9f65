import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, CircleAlert } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";

import { assessmentKeys, completeAssessment, type Assessment, type SectionKind } from "../api/assessments";
import { completeErrorText, completionState } from "../blockers";
import { SECTION_LABELS } from "../vocabulary";
import { Completion } from "./badges";

interface CompleteCardProps {
  assessment: Assessment;
  unsaved: readonly SectionKind[];
  onShowSection: (kind: SectionKind) => void;
  onShowEstimates: () => void;
}

/**
 * Complete the assessment, with what still blocks it named before the click (the server's
 * blockers, plus edits not saved yet); a refusal that still happens is shown in words.
 */
export function CompleteCard({ assessment, unsaved, onShowSection, onShowEstimates }: CompleteCardProps) {
  const queryClient = useQueryClient();
  const state = completionState(assessment, unsaved);
  const complete = useMutation({
    mutationFn: () => completeAssessment(assessment.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(assessmentKeys.detail(assessment.id), updated);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessment.id) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.lists() });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessment.id) }),
  });
  const closed = assessment.status === "completed" || assessment.status === "cancelled";

  return (
    <Card className="gap-3 py-4" data-completion={state.ready ? "ready" : "blocked"}>
      <CardHeader className="px-4">
        <CardTitle>Completion</CardTitle>
        <CardDescription>
          {assessment.status === "completed"
            ? `Completed ${formatDateTime(assessment.completed_at)}.`
            : "Every section complete and an estimate accepted."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 px-4 text-sm">
        <Completion value={assessment.completion_percentage} label="Sections completed" className="w-full" barClassName="w-auto flex-1" />
        {assessment.status === "completed" ? (
          <p className="inline-flex items-center gap-1.5 font-medium text-emerald-800" role="status">
            <CheckCircle2 className="size-4" aria-hidden="true" />
            The assessment is complete: the claim can be decided.
          </p>
        ) : (
          <>
            {state.reasons.length > 0 && (
              <div className="grid gap-1.5">
                <p id="complete-blockers-title" className="font-medium">
                  {closed ? "Closed" : "Still to do before completing:"}
                </p>
                <ul id="complete-blockers" className="grid gap-1.5" aria-labelledby="complete-blockers-title">
                  {state.reasons.map((reason) => (
                    <li key={reason.code} className="flex gap-1.5" data-blocker={reason.code}>
                      <CircleAlert className="mt-0.5 size-4 shrink-0 text-amber-700" aria-hidden="true" />
                      <span className="grid gap-1">
                        <span>{reason.text}</span>
                        {reason.sections.length > 0 && (
                          <span className="flex flex-wrap gap-x-2 gap-y-0.5">
                            {reason.sections.map((kind) => (
                              <button
                                key={kind}
                                type="button"
                                className="text-primary underline-offset-4 hover:underline focus-visible:underline"
                                onClick={() => onShowSection(kind)}
                              >
                                {SECTION_LABELS[kind]}
                              </button>
                            ))}
                          </span>
                        )}
                        {reason.code === "no_accepted_estimate" && (
                          <button
                            type="button"
                            className="w-fit text-primary underline-offset-4 hover:underline focus-visible:underline"
                            onClick={onShowEstimates}
                          >
                            Go to the estimates
                          </button>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {!closed && (
              <Button
                onClick={() => complete.mutate()}
                disabled={!state.ready || complete.isPending}
                aria-describedby={state.ready ? undefined : "complete-blockers"}
              >
                <CheckCircle2 aria-hidden="true" />
                {complete.isPending ? "Completing…" : "Complete the assessment"}
              </Button>
            )}
            {state.ready && !closed && (
              <p className="text-xs text-muted-foreground">
                The claim&apos;s estimated cost becomes the accepted estimate&apos;s total, and the agent and the customer are told.
              </p>
            )}
          </>
        )}
        {complete.error && (
          <Alert variant="destructive">
            <AlertDescription>
              {isApiError(complete.error) ? completeErrorText(complete.error) : complete.error.message}
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
