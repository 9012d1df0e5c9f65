import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { BulkResults } from "@/components/bulk";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import type { User } from "@/lib/auth";

import {
  assigneesQuery,
  bulkAssign,
  claimKeys,
  type Assignee,
  type BulkAssignRequest,
  type BulkResponse,
  type ClaimRow,
} from "../api/claims";
import { DEPARTMENT_LABELS, DEPARTMENTS } from "../vocabulary";
import { FieldError } from "./field-error";
import { FormAlert } from "./form-alert";

const KEEP = "keep";
const NOBODY = "none";
const AUTOMATIC = "auto";

interface BulkAssignDialogProps {
  user: User;
  claims: readonly ClaimRow[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (succeeded: string[]) => void;
}

/** The department whose staff are offered: the claims' own when they share one. */
function initialDepartment(user: User, claims: readonly ClaimRow[]): string {
  const departments = new Set(claims.map((claim) => claim.department));
  if (user.role !== "admin") return user.department;
  if (departments.size === 1) return [...departments][0] ?? "";
  return user.department || claims[0]?.department || "motor";
}

function personLabel(person: Assignee, assessor: boolean): string {
  const name = person.name || person.email;
  const level = assessor && person.certification_level ? `, level ${person.certification_level}` : "";
  return `${name} (${person.open_claims} open${level})`;
}

export function BulkAssignDialog({ user, claims, open, onOpenChange, onDone }: BulkAssignDialogProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [department, setDepartment] = useState(() => initialDepartment(user, claims));
  const [agent, setAgent] = useState(KEEP);
  const [assessor, setAssessor] = useState(KEEP);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<{ agent?: string; reason?: string }>({});
  const staff = useQuery({ ...assigneesQuery(department), enabled: open && department !== "" });
  const mutation = useMutation({
    mutationFn: bulkAssign,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimKeys.all }),
  });
  const answer: BulkResponse | undefined = mutation.data;
  const error = isApiError(mutation.error) ? mutation.error : null;
  const mixed = new Set(claims.map((claim) => claim.department)).size > 1;

  const close = (next: boolean) => {
    if (next) return onOpenChange(true);
    if (answer) onDone(answer.results.filter((result) => result.ok).map((result) => result.claim));
    mutation.reset();
    setAgent(KEEP);
    setAssessor(KEEP);
    setReason("");
    setMissing({});
    onOpenChange(false);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problems = {
      agent: agent === KEEP && assessor === KEEP ? "Choose an agent, an assessor, or both." : undefined,
      reason: reason.trim() ? undefined : "Say why: it is recorded with each assignment.",
    };
    setMissing(problems);
    if (problems.agent || problems.reason) return;
    const body: BulkAssignRequest = {
      claims: claims.map((claim) => claim.id),
      reason: reason.trim(),
      auto_assessor: assessor === AUTOMATIC,
    };
    if (agent !== KEEP) body.agent = agent === NOBODY ? null : agent;
    if (assessor !== KEEP && assessor !== AUTOMATIC) body.assessor = assessor === NOBODY ? null : assessor;
    mutation.mutate(body);
  };

  const agentError = missing.agent ?? error?.fieldError("agent");
  const assessorError = error?.fieldError("assessor");
  const reasonError = missing.reason ?? error?.fieldError("reason");
  const loading = staff.isPending && department !== "";
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Assign {claims.length === 1 ? "1 claim" : `${claims.length} claims`}</DialogTitle>
          <DialogDescription>
            Each claim is assigned on its own, with its own checks (department, the assessor&apos;s certification); a
            claim that cannot take the assignment is refused with the reason.
          </DialogDescription>
        </DialogHeader>
        {answer ? (
          <>
            <BulkResults answer={answer} verb="assigned" />
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-4" onSubmit={submit} noValidate>
            <FormAlert error={error} fields={["agent", "assessor", "reason"]} />
            {staff.isError && (
              <p role="alert" className="text-sm text-destructive">
                The staff of this department could not be listed: {staff.error.message}
              </p>
            )}
            {user.role === "admin" && (
              <div className="grid gap-1.5">
                <Label htmlFor={`${id}-department`}>Staff of department</Label>
                <NativeSelect
                  id={`${id}-department`}
                  value={department}
                  onChange={(event) => {
                    setDepartment(event.target.value);
                    setAgent(KEEP);
                    setAssessor(KEEP);
                  }}
                >
                  {DEPARTMENTS.map((name) => (
                    <option key={name} value={name}>
                      {DEPARTMENT_LABELS[name]}
                    </option>
                  ))}
                </NativeSelect>
                {mixed && (
                  <p className="text-xs text-muted-foreground">
                    The selected claims belong to several departments; claims of another department are refused.
                  </p>
                )}
              </div>
            )}
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-agent`}>Agent</Label>
              <NativeSelect
                id={`${id}-agent`}
                value={agent}
                disabled={loading}
                aria-invalid={!!agentError}
                aria-describedby={agentError ? `${id}-agent-error` : undefined}
                onChange={(event) => setAgent(event.target.value)}
              >
                <option value={KEEP}>{loading ? "Loading staff…" : "Leave as it is"}</option>
                <option value={NOBODY}>Remove the agent</option>
                {staff.data?.agents.map((person) => (
                  <option key={person.id} value={person.id} disabled={!person.eligible}>
                    {personLabel(person, false)}
                  </option>
                ))}
              </NativeSelect>
              <FieldError id={`${id}-agent-error`} message={agentError} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-assessor`}>Assessor</Label>
              <NativeSelect
                id={`${id}-assessor`}
                value={assessor}
                disabled={loading}
                aria-invalid={!!assessorError}
                aria-describedby={assessorError ? `${id}-assessor-error` : `${id}-assessor-hint`}
                onChange={(event) => setAssessor(event.target.value)}
              >
                <option value={KEEP}>{loading ? "Loading staff…" : "Leave as it is"}</option>
                <option value={AUTOMATIC}>Automatic: least loaded qualified assessor per claim</option>
                <option value={NOBODY}>Remove the assessor</option>
                {staff.data?.assessors.map((person) => (
                  <option key={person.id} value={person.id} disabled={!person.eligible}>
                    {personLabel(person, true)}
                  </option>
                ))}
              </NativeSelect>
              {assessorError ? (
                <FieldError id={`${id}-assessor-error`} message={assessorError} />
              ) : (
                <p id={`${id}-assessor-hint`} className="text-xs text-muted-foreground">
                  An assessor below the certification a claim needs is refused for that claim.
                </p>
              )}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-reason`}>Reason</Label>
              <Textarea
                id={`${id}-reason`}
                value={reason}
                maxLength={300}
                rows={2}
                aria-invalid={!!reasonError}
                aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                onChange={(event) => setReason(event.target.value)}
              />
              <FieldError id={`${id}-reason-error`} message={reasonError} />
            </div>
            <DialogFooter>
              <Button variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Assigning…" : "Assign"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
