import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent, type ReactNode } from "react";

import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";

import { assignClaim, assigneesQuery, claimKeys, invalidateClaim, type Assignee, type ClaimDetail } from "../api/claim";

import { fieldError } from "./field-error";
import { Field, ProblemAlert } from "./form-bits";

export type AssignRole = "agent" | "assessor";

const AUTO = "auto";
const NOBODY = "nobody";

/** Picking the claim's agent or assessor from the eligible staff, with their load, and why. */
export function AssignDialog({
  claim,
  role,
  onClose,
}: {
  claim: ClaimDetail;
  role: AssignRole | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={role !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl">
        {role && <AssignForm key={role} claim={claim} role={role} onDone={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function AssignForm({ claim, role, onDone }: { claim: ClaimDetail; role: AssignRole; onDone: () => void }) {
  const queryClient = useQueryClient();
  const staff = useQuery(assigneesQuery(claim.id));
  const current = role === "agent" ? claim.assigned_agent : claim.assigned_assessor;
  const [choice, setChoice] = useState<string>("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      assignClaim(claim.id, {
        ...(choice === AUTO ? {} : { [role]: choice === NOBODY ? null : choice }),
        auto_assessor: choice === AUTO,
        reason: reason.trim(),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(claimKeys.detail(claim.id), updated);
      void invalidateClaim(queryClient, claim.id);
      onDone();
    },
  });
  const people: Assignee[] = (role === "agent" ? staff.data?.agents : staff.data?.assessors) ?? [];
  const title = role === "agent" ? "Assign the agent" : "Assign the assessor";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!choice) {
      setMissing(true);
      return;
    }
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate className="flex min-h-0 flex-col gap-4">
      <DialogHeader>
        <DialogTitle>
          {title} of {claim.claim_number}
        </DialogTitle>
        <DialogDescription>
          {role === "assessor" && staff.data?.required_certification
            ? `This claim needs an assessor certified to level ${staff.data.required_certification} or above. `
            : ""}
          The least loaded come first. The new assignee is notified.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={mutation.error ?? staff.error} fields={["reason", role]} />
      <fieldset className="flex min-h-0 flex-col gap-2" aria-describedby={missing ? "assign-missing" : undefined}>
        <legend className="mb-2 text-sm font-medium">{role === "agent" ? "Agent" : "Assessor"}</legend>
        {staff.isPending ? (
          <div className="flex flex-col gap-2" role="status" aria-label="Loading the staff">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : (
          <ul className="flex max-h-[45vh] flex-col gap-1.5 overflow-y-auto pr-1">
            {role === "assessor" && (
              <Option value={AUTO} choice={choice} onChoose={setChoice} title="Pick automatically">
                The least-loaded assessor qualified for this claim.
              </Option>
            )}
            {people.map((person) => (
              <Option
                key={person.id}
                value={person.id}
                choice={choice}
                onChoose={setChoice}
                disabled={!person.eligible || person.id === current}
                title={person.name}
                badge={person.id === current ? "Assigned now" : undefined}
              >
                <span>{person.email}</span>
                <span>
                  {person.open_claims} open {person.open_claims === 1 ? "claim" : "claims"}
                  {person.certification_level != null && ` · level ${person.certification_level}`}
                  {person.role === "supervisor" && " · supervisor"}
                </span>
                {!person.eligible && person.ineligible_reason && (
                  <span className="text-destructive">{person.ineligible_reason}</span>
                )}
              </Option>
            ))}
            {people.length === 0 && (
              <li className="text-sm text-muted-foreground">No {role}s in the {claim.department} department.</li>
            )}
            {current && (
              <Option value={NOBODY} choice={choice} onChoose={setChoice} title="Nobody">
                Take the claim off {role === "agent" ? claim.assigned_agent_name : claim.assigned_assessor_name}.
              </Option>
            )}
          </ul>
        )}
        {(missing && !choice) || fieldError(mutation.error, role) ? (
          <p id="assign-missing" className="text-sm text-destructive">
            {fieldError(mutation.error, role) ?? `Choose the ${role}.`}
          </p>
        ) : null}
      </fieldset>
      <Field label="Reason" hint="Recorded with the assignment, e.g. “their patch” or “workload”." error={fieldError(mutation.error, "reason")}>
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} maxLength={300} rows={2} />
      </Field>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending || staff.isPending}>
          {mutation.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          Assign
        </Button>
      </DialogFooter>
    </form>
  );
}

function Option({
  value,
  choice,
  onChoose,
  title,
  badge,
  disabled = false,
  children,
}: {
  value: string;
  choice: string;
  onChoose: (value: string) => void;
  title: string;
  badge?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  const id = `assign-option-${value}`;
  return (
    <li>
      <label
        htmlFor={id}
        className={cn(
          "flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm transition-colors hover:bg-accent",
          choice === value && "border-primary bg-primary/5",
          disabled && "cursor-not-allowed opacity-60 hover:bg-transparent",
        )}
      >
        <input
          id={id}
          type="radio"
          name="assignee"
          value={value}
          checked={choice === value}
          disabled={disabled}
          onChange={() => onChoose(value)}
          className="mt-0.5 accent-primary"
        />
        <span className="flex min-w-0 flex-col gap-0.5">
          <span className="font-medium">
            {title}
            {badge && <span className="ml-2 text-xs font-normal text-muted-foreground">({badge})</span>}
          </span>
          <span className="flex flex-col text-xs text-muted-foreground">{children}</span>
        </span>
      </label>
    </li>
  );
}
