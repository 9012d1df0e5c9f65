import { useId } from "react";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { COST_TYPE_LABELS, COST_TYPES, type ReserveRuleDraft, type RuleErrors } from "@/lib/reserve-rule";

interface ReserveRuleFieldsProps {
  draft: ReserveRuleDraft;
  onChange: (draft: ReserveRuleDraft) => void;
  errors: RuleErrors;
}

function Error({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {message}
    </p>
  );
}

/** The fields of a bulk reserve rule: cost type, a fixed amount or a percentage of the estimate with its bounds. */
export function ReserveRuleFields({ draft, onChange, errors }: ReserveRuleFieldsProps) {
  const id = useId();
  const set = (patch: Partial<ReserveRuleDraft>) => onChange({ ...draft, ...patch });
  const money = (name: "amount" | "floor" | "cap", label: string, hint?: string) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <Input
        id={`${id}-${name}`}
        inputMode="decimal"
        value={draft[name]}
        aria-invalid={!!errors[name]}
        aria-describedby={errors[name] ? `${id}-${name}-error` : hint ? `${id}-${name}-hint` : undefined}
        onChange={(event) => set({ [name]: event.target.value })}
      />
      {hint && !errors[name] && (
        <p id={`${id}-${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <Error id={`${id}-${name}-error`} message={errors[name]} />
    </div>
  );
  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-cost-type`}>Cost type</Label>
        <NativeSelect
          id={`${id}-cost-type`}
          value={draft.cost_type}
          aria-invalid={!!errors.cost_type}
          aria-describedby={errors.cost_type ? `${id}-cost-type-error` : undefined}
          onChange={(event) => set({ cost_type: event.target.value as ReserveRuleDraft["cost_type"] })}
        >
          {COST_TYPES.map((type) => (
            <option key={type} value={type}>
              {COST_TYPE_LABELS[type]}
            </option>
          ))}
        </NativeSelect>
        <Error id={`${id}-cost-type-error`} message={errors.cost_type} />
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Rule</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={`${id}-basis`}
            className="accent-primary"
            checked={draft.basis === "estimate"}
            onChange={() => set({ basis: "estimate" })}
          />
          A percentage of each claim&apos;s estimate
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={`${id}-basis`}
            className="accent-primary"
            checked={draft.basis === "fixed"}
            onChange={() => set({ basis: "fixed" })}
          />
          The same amount on every claim
        </label>
      </fieldset>
      {draft.basis === "fixed" ? (
        money("amount", "Amount (KES)")
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-percent`}>Percent of estimate</Label>
            <Input
              id={`${id}-percent`}
              inputMode="decimal"
              value={draft.percent}
              aria-invalid={!!errors.percent}
              aria-describedby={errors.percent ? `${id}-percent-error` : undefined}
              onChange={(event) => set({ percent: event.target.value })}
            />
            <Error id={`${id}-percent-error`} message={errors.percent} />
          </div>
          {money("floor", "Floor (KES)", "Optional; also for claims with no estimate.")}
          {money("cap", "Cap (KES)", "Optional.")}
        </div>
      )}
      <label className="flex items-center gap-2 text-sm">
        <Checkbox checked={draft.only_raise} onChange={(event) => set({ only_raise: event.target.checked })} />
        Only raise reserves (leave a higher reserve as it is)
      </label>
    </div>
  );
}
