import { ChevronDown } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";

interface MultiSelectFilterProps<T extends string> {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  /** Called with a function of the current list (two quick ticks both count). */
  onChange: (next: (current: readonly T[]) => T[]) => void;
}

/** A filter of several values from a fixed list (status, priority): a menu of checkboxes. */
export function MultiSelectFilter<T extends string>({ label, options, labels, value, onChange }: MultiSelectFilterProps<T>) {
  const chosen = new Set(value);
  const summary =
    value.length === 0 ? "Any" : value.length === 1 ? labels[value[0] as T] : `${labels[value[0] as T]} +${value.length - 1}`;
  const toggle = (option: T, on: boolean) =>
    onChange((current) => options.filter((o) => (o === option ? on : current.includes(o))));
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          className={cn("h-9 justify-between gap-1.5", value.length > 0 && "border-primary/50 bg-primary/5")}
          aria-label={`${label}: ${value.length === 0 ? "any" : value.map((v) => labels[v]).join(", ")}`}
        >
          <span className="text-muted-foreground">{label}:</span>
          <span className="max-w-36 truncate">{summary}</span>
          <ChevronDown aria-hidden="true" className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-56">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        {options.map((option) => (
          <DropdownMenuCheckboxItem
            key={option}
            checked={chosen.has(option)}
            onCheckedChange={(on) => toggle(option, on)}
            onSelect={(event) => event.preventDefault()} // stay open to pick several
          >
            {labels[option]}
          </DropdownMenuCheckboxItem>
        ))}
        {value.length > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onChange(() => [])}>Any {label.toLowerCase()}</DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
