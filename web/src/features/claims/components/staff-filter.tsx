import { useQuery } from "@tanstack/react-query";
import { useId } from "react";

import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

import { assigneesQuery, type Assignee } from "../api/claims";

interface StaffFilterProps {
  label: string;
  kind: "agents" | "assessors";
  /** The department whose staff are listed; null when none is chosen yet (admins). */
  department: string | null;
  value: string | null;
  onChange: (value: string | null) => void;
}

function optionLabel(person: Assignee): string {
  const name = person.name || person.email;
  return `${name} (${person.open_claims} open)`;
}

/** Pick one of a department's staff (from `GET /api/claims/assignees/`), with their open-claim load. */
export function StaffFilter({ label, kind, department, value, onChange }: StaffFilterProps) {
  const id = useId();
  const { data, isError, isPending } = useQuery({ ...assigneesQuery(department ?? ""), enabled: department !== null });
  const people = [...(data?.[kind] ?? [])].sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
  const known = value === null || people.some((person) => person.id === value);
  const hint =
    department === null ? "Choose a department to list its staff" : isError ? "Staff could not be loaded" : undefined;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={value ?? ""}
        disabled={department === null || isError}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{department !== null && isPending ? "Loading…" : "Anyone"}</option>
        {!known && <option value={value ?? ""}>The person in the link</option>}
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {optionLabel(person)}
          </option>
        ))}
      </NativeSelect>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}
