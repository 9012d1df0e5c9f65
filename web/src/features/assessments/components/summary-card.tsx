import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";

import { assessmentKeys, updateAssessment, type Assessment } from "../api/assessments";
import { SEVERITY_LABELS } from "../vocabulary";

/** The overall severity, the summary the customer reads and the internal notes. */
export function SummaryCard({ assessment, editable }: { assessment: Assessment; editable: boolean }) {
  const queryClient = useQueryClient();
  const server = {
    severity: assessment.overall_severity ? String(assessment.overall_severity) : "",
    summary: assessment.summary,
    notes: assessment.notes,
  };
  const [severity, setSeverity] = useState(server.severity);
  const [summary, setSummary] = useState(server.summary);
  const [notes, setNotes] = useState(server.notes);
  const [base, setBase] = useState(server);
  const save = useMutation({
    mutationFn: () =>
      updateAssessment(assessment.id, { overall_severity: severity ? Number(severity) : null, summary, notes }),
    onSuccess: (updated) => {
      setBase({
        severity: updated.overall_severity ? String(updated.overall_severity) : "",
        summary: updated.summary,
        notes: updated.notes,
      });
      queryClient.setQueryData(assessmentKeys.detail(assessment.id), updated);
    },
  });
  const error = isApiError(save.error) ? save.error : null;
  const dirty = severity !== base.severity || summary !== base.summary || notes !== base.notes;
  // Someone else's change (or our own save) shows, unless the form holds edits not saved yet.
  if (!dirty && (server.severity !== base.severity || server.summary !== base.summary || server.notes !== base.notes)) {
    setBase(server);
    setSeverity(server.severity);
    setSummary(server.summary);
    setNotes(server.notes);
  }
  const fieldError = (field: string, id: string) => {
    const message = error?.fieldError(field);
    return message ? (
      <p id={id} className="text-sm text-destructive">
        {message}
      </p>
    ) : null;
  };
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>Summary</CardTitle>
        <CardDescription>The customer reads the summary; the notes stay internal.</CardDescription>
      </CardHeader>
      <CardContent className="px-4">
        <form
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <div className="grid gap-1">
            <label htmlFor="overall-severity" className="text-sm font-medium">
              Overall severity
            </label>
            <NativeSelect
              id="overall-severity"
              value={severity}
              disabled={!editable}
              aria-describedby="overall-severity-help"
              onChange={(event) => setSeverity(event.target.value)}
            >
              <option value="">Not graded</option>
              {[1, 2, 3, 4, 5].map((value) => (
                <option key={value} value={value}>
                  {SEVERITY_LABELS[value]}
                </option>
              ))}
            </NativeSelect>
            <p id="overall-severity-help" className="text-xs text-muted-foreground">
              Left ungraded, completing takes the highest section severity.
            </p>
            {fieldError("overall_severity", "overall-severity-error")}
          </div>
          <div className="grid gap-1">
            <label htmlFor="assessment-summary" className="text-sm font-medium">
              Summary for the customer
            </label>
            <Textarea id="assessment-summary" rows={3} maxLength={5000} value={summary} disabled={!editable} onChange={(event) => setSummary(event.target.value)} />
            {fieldError("summary", "assessment-summary-error")}
          </div>
          <div className="grid gap-1">
            <label htmlFor="assessment-notes" className="text-sm font-medium">
              Internal notes
            </label>
            <Textarea id="assessment-notes" rows={2} maxLength={10000} value={notes} disabled={!editable} onChange={(event) => setNotes(event.target.value)} />
            {fieldError("notes", "assessment-notes-error")}
          </div>
          {error && error.problem.errors.length === 0 && (
            <Alert variant="destructive">
              <AlertDescription>{error.message}</AlertDescription>
            </Alert>
          )}
          {editable && (
            <div className="flex items-center gap-2">
              <Button type="submit" size="sm" variant="outline" disabled={!dirty || save.isPending}>
                {save.isPending ? "Saving…" : "Save summary"}
              </Button>
              <span role="status" className="text-xs text-muted-foreground">
                {save.isSuccess && !dirty ? "Saved." : dirty ? "Unsaved changes" : ""}
              </span>
            </div>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
