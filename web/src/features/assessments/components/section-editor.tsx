import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, RotateCcw, Save } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { isApiError, type ApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";

import { assessmentKeys, updateSection, type Section, type SectionUpdate } from "../api/assessments";
import { compileSchema, prune, schemaErrorsByPath, validate, type Errors, type JsonValue } from "../json-schema";
import { SECTION_LABELS, SEVERITY_LABELS } from "../vocabulary";
import { SchemaForm } from "./schema-form";

interface SectionEditorProps {
  assessmentId: string;
  section: Section;
  schema: unknown;
  editable: boolean;
  onDirtyChange: (kind: Section["kind"], dirty: boolean) => void;
}

interface Draft {
  findings: JsonValue | undefined;
  severity: string;
  notes: string;
}

function draftOf(section: Section): Draft {
  return {
    findings: (section.findings as JsonValue | undefined) ?? {},
    severity: section.severity ? String(section.severity) : "",
    notes: section.notes,
  };
}

function same(a: Draft, b: Draft): boolean {
  return (
    a.severity === b.severity &&
    a.notes === b.notes &&
    JSON.stringify(prune(a.findings) ?? {}) === JSON.stringify(prune(b.findings) ?? {})
  );
}

/** The API's refusal split by where it goes: findings paths, severity, notes, and the rest. */
function serverErrors(error: ApiError | null): { findings: Errors; severity?: string; notes?: string; other: string[] } {
  if (!error) return { findings: {}, other: [] };
  const findings = schemaErrorsByPath(error.fieldErrors("findings"));
  const severity = error.fieldError("severity");
  const notes = error.fieldError("notes");
  const known = new Set(["findings", "severity", "notes"]);
  const other = error.problem.errors.filter((e) => !e.field || !known.has(e.field)).map((e) => e.message);
  return { findings, severity, notes, other: error.problem.errors.length ? other : [error.message] };
}

/**
 * One section of the assessment: its findings as a form generated from the section's JSON schema,
 * its severity and notes; saved with PATCH .../sections/{kind}/, marked complete (or reopened).
 * Edits stay in the form until saved; a change saved by someone else meanwhile is said, not lost.
 */
export function SectionEditor({ assessmentId, section, schema, editable, onDirtyChange }: SectionEditorProps) {
  const queryClient = useQueryClient();
  const spec = useMemo(() => compileSchema(schema), [schema]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(section));
  const [base, setBase] = useState(section.updated_at);
  /** What the user last tried: errors show from then on. */
  const [attempt, setAttempt] = useState<null | "save" | "complete">(null);
  const [saved, setSaved] = useState<string | null>(null);
  const server = draftOf(section);
  const dirty = !same(draft, server);
  const changedElsewhere = section.updated_at !== base;
  const formRef = useRef<HTMLFormElement>(null);

  // A newer version from the server replaces the form unless it holds edits of the user's own.
  if (changedElsewhere && !dirty) {
    setDraft(server);
    setBase(section.updated_at);
  }

  useEffect(() => {
    onDirtyChange(section.kind, dirty);
  }, [dirty, section.kind, onDirtyChange]);
  useEffect(() => () => onDirtyChange(section.kind, false), [section.kind, onDirtyChange]);

  const save = useMutation({
    mutationFn: (body: SectionUpdate) => updateSection(assessmentId, section.kind, body),
    onSuccess: (updated, body) => {
      setDraft(draftOf(updated));
      setBase(updated.updated_at);
      setAttempt(null);
      setSaved(
        body.completed === true
          ? `${SECTION_LABELS[section.kind]} saved and marked complete.`
          : body.completed === false
            ? `${SECTION_LABELS[section.kind]} reopened.`
            : `${SECTION_LABELS[section.kind]} saved.`,
      );
      queryClient.setQueryData(assessmentKeys.part(assessmentId, "sections"), (old: Section[] | undefined) =>
        old?.map((item) => (item.kind === updated.kind ? updated : item)),
      );
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) });
    },
    onError: () => setSaved(null),
  });

  const clientErrors = validate(spec, draft.findings);
  const apiError = isApiError(save.error) ? save.error : null;
  const fromServer = serverErrors(apiError);
  const showErrors = attempt !== null;
  const findingsErrors = { ...(showErrors ? clientErrors : {}), ...fromServer.findings };
  const severityMissing =
    attempt === "complete" && !draft.severity ? "Give the section's severity before completing it." : undefined;
  const severityError = fromServer.severity ?? severityMissing;

  const submit = (completed?: boolean) => {
    const completing = completed === true || (completed === undefined && section.completed);
    setAttempt(completing ? "complete" : "save");
    setSaved(null);
    if (Object.keys(clientErrors).length > 0 || (completing && !draft.severity)) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    save.mutate({
      findings: prune(draft.findings) ?? {},
      severity: draft.severity ? Number(draft.severity) : null,
      notes: draft.notes,
      ...(completed !== undefined ? { completed } : {}),
    });
  };

  const disabled = !editable || save.isPending;
  const id = `section-${section.kind}`;
  return (
    <form
      ref={formRef}
      aria-labelledby={`${id}-title`}
      className="grid gap-5"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-0.5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {SECTION_LABELS[section.kind]}
          </h2>
          <p className="text-sm text-muted-foreground">
            {section.completed
              ? `Completed ${formatDateTime(section.completed_at)}`
              : "Open: record what you inspected, give a severity and mark it complete."}
          </p>
        </div>
        {section.completed ? (
          <span className="inline-flex items-center gap-1 rounded-md bg-emerald-50 px-2 py-1 text-sm font-medium text-emerald-800">
            <CheckCircle2 className="size-4" aria-hidden="true" />
            Complete
          </span>
        ) : (
          <span className="rounded-md bg-muted px-2 py-1 text-sm font-medium">Open</span>
        )}
      </div>

      {changedElsewhere && dirty && (
        <Alert variant="warning">
          <AlertDescription>
            Someone else saved this section while you were editing it. Saving will replace their version with yours.
          </AlertDescription>
        </Alert>
      )}

      <SchemaForm spec={spec} value={draft.findings} onChange={(findings) => setDraft((d) => ({ ...d, findings }))} errors={findingsErrors} disabled={disabled} readOnly={!editable} />

      <div className="grid gap-4 sm:grid-cols-[14rem_1fr]">
        <div className="grid content-start gap-1.5">
          <label htmlFor={`${id}-severity`} className="text-sm font-medium">
            Severity
          </label>
          <NativeSelect
            id={`${id}-severity`}
            value={draft.severity}
            disabled={disabled}
            aria-invalid={severityError ? true : undefined}
            aria-describedby={severityError ? `${id}-severity-error` : editable ? `${id}-severity-help` : undefined}
            onChange={(event) => setDraft((d) => ({ ...d, severity: event.target.value }))}
          >
            <option value="">Not graded</option>
            {[1, 2, 3, 4, 5].map((value) => (
              <option key={value} value={value}>
                {SEVERITY_LABELS[value]}
              </option>
            ))}
          </NativeSelect>
          {severityError ? (
            <p id={`${id}-severity-error`} className="text-sm text-destructive">
              {severityError}
            </p>
          ) : !editable ? null : (
            <p id={`${id}-severity-help`} className="text-xs text-muted-foreground">
              Needed to complete the section.
            </p>
          )}
        </div>
        <div className="grid content-start gap-1.5">
          <label htmlFor={`${id}-notes`} className="text-sm font-medium">
            Notes
          </label>
          <Textarea
            id={`${id}-notes`}
            rows={2}
            maxLength={5000}
            value={draft.notes}
            disabled={disabled}
            aria-invalid={fromServer.notes ? true : undefined}
            aria-describedby={fromServer.notes ? `${id}-notes-error` : undefined}
            onChange={(event) => setDraft((d) => ({ ...d, notes: event.target.value }))}
          />
          {fromServer.notes && (
            <p id={`${id}-notes-error`} className="text-sm text-destructive">
              {fromServer.notes}
            </p>
          )}
        </div>
      </div>

      {apiError && fromServer.other.length > 0 && (
        <Alert variant="destructive">
          <AlertDescription>
            {fromServer.other.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </AlertDescription>
        </Alert>
      )}
      {showErrors && Object.keys(clientErrors).length > 0 && !apiError && (
        <p className="text-sm text-destructive" role="alert">
          Some findings need attention: see the messages next to the fields.
        </p>
      )}

      {editable && (
        <div className="flex flex-wrap items-center gap-2 border-t pt-4">
          <Button type="submit" variant={section.completed ? "default" : "outline"} disabled={disabled || !dirty}>
            <Save aria-hidden="true" />
            Save
          </Button>
          {!section.completed ? (
            <Button disabled={disabled} onClick={() => submit(true)}>
              <CheckCircle2 aria-hidden="true" />
              {dirty ? "Save and mark complete" : "Mark complete"}
            </Button>
          ) : (
            <Button variant="ghost" disabled={disabled} onClick={() => submit(false)}>
              <RotateCcw aria-hidden="true" />
              Reopen
            </Button>
          )}
          <span role="status" className="text-sm text-muted-foreground">
            {save.isPending ? "Saving…" : dirty ? "Unsaved changes" : saved}
          </span>
        </div>
      )}
    </form>
  );
}
