import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, Circle, PencilLine } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";

import { sectionSchemasQuery, sectionsQuery, type Section, type SectionKind } from "../api/assessments";
import { SECTION_LABELS } from "../vocabulary";
import { SectionEditor } from "./section-editor";

interface SectionsPanelProps {
  assessmentId: string;
  editable: boolean;
  selected: SectionKind | null;
  onSelect: (kind: SectionKind) => void;
  dirty: ReadonlySet<SectionKind>;
  onDirtyChange: (kind: SectionKind, dirty: boolean) => void;
}

function SectionStateIcon({ section, dirty }: { section: Section; dirty: boolean }) {
  if (dirty) return <PencilLine className="size-4 text-amber-700" aria-hidden="true" />;
  return section.completed ? (
    <CheckCircle2 className="size-4 text-emerald-700" aria-hidden="true" />
  ) : (
    <Circle className="size-4 text-muted-foreground" aria-hidden="true" />
  );
}

function stateText(section: Section, dirty: boolean): string {
  return dirty ? "unsaved changes" : section.completed ? "complete" : "open";
}

/** The eight sections: a list to pick one (with its state), and the picked one's form. */
export function SectionsPanel({ assessmentId, editable, selected, onSelect, dirty, onDirtyChange }: SectionsPanelProps) {
  const sections = useQuery(sectionsQuery(assessmentId));
  const schemas = useQuery(sectionSchemasQuery());
  // Without a section in the URL, the first open one when the page opened: it stays shown after
  // it is completed (the confirmation stays in view), until another one is picked.
  const [initial, setInitial] = useState<SectionKind | null>(null);
  if (initial === null && sections.data?.length) {
    setInitial((sections.data.find((section) => !section.completed) ?? sections.data[0]!).kind);
  }

  if (sections.isPending || schemas.isPending) {
    return (
      <div className="grid gap-3 md:grid-cols-[14rem_1fr]" aria-busy="true" aria-label="Loading sections">
        <Skeleton className="h-64" />
        <Skeleton className="h-96" />
      </div>
    );
  }
  if (sections.error || schemas.error) {
    return (
      <Alert variant="destructive">
        <AlertDescription>
          <p>The sections could not be loaded. {(sections.error ?? schemas.error)?.message}</p>
          <Button variant="outline" size="sm" onClick={() => void Promise.all([sections.refetch(), schemas.refetch()])}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  const list = sections.data;
  const current = list.find((section) => section.kind === (selected ?? initial)) ?? list[0];
  if (!current) return <p className="text-muted-foreground">This assessment has no sections.</p>;
  const done = list.filter((section) => section.completed).length;

  return (
    <div className="grid gap-4 2xl:grid-cols-[13rem_1fr]">
      <div className="md:hidden">
        <label htmlFor="section-picker" className="mb-1 block text-sm font-medium">
          Section ({done} of {list.length} complete)
        </label>
        <NativeSelect id="section-picker" value={current.kind} onChange={(event) => onSelect(event.target.value as SectionKind)}>
          {list.map((section) => (
            <option key={section.kind} value={section.kind}>
              {SECTION_LABELS[section.kind]} — {stateText(section, dirty.has(section.kind))}
            </option>
          ))}
        </NativeSelect>
      </div>
      {/* From tablets up: the sections as a list (a column on wide screens, a row above the form below that). */}
      <nav aria-label="Sections" className="hidden md:block">
        <p className="mb-2 px-2 text-xs font-medium text-muted-foreground">
          {done} of {list.length} complete
        </p>
        <ul className="flex flex-wrap gap-1 2xl:grid 2xl:gap-0.5">
          {list.map((section) => (
            <li key={section.kind}>
              <button
                type="button"
                aria-current={section.kind === current.kind ? "true" : undefined}
                onClick={() => onSelect(section.kind)}
                className={cn(
                  "flex w-full items-center gap-2 rounded-md border border-transparent px-2 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  section.kind === current.kind && "border-border bg-accent font-medium",
                )}
              >
                <SectionStateIcon section={section} dirty={dirty.has(section.kind)} />
                <span className="flex-1">{SECTION_LABELS[section.kind]}</span>
                <span className="sr-only">, {stateText(section, dirty.has(section.kind))}</span>
                {section.severity && (
                  <span className="text-xs text-muted-foreground" aria-label={`severity ${section.severity}`}>
                    S{section.severity}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {/* Every section's form stays mounted (the others hidden), so edits survive a switch. */}
      <div className="@container min-w-0 rounded-lg border p-4">
        {list.map((section) => (
          <div key={section.kind} hidden={section.kind !== current.kind} data-section={section.kind}>
            <SectionEditor
              assessmentId={assessmentId}
              section={section}
              schema={schemas.data[section.kind]}
              editable={editable}
              onDirtyChange={onDirtyChange}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
