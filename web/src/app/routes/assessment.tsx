import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useParams, useSearchParams } from "react-router";

import { NotFound } from "@/components/not-found";
import { PageSpinner } from "@/components/page-spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { assessmentQuery, claimFactsQuery, type SectionKind } from "@/features/assessments/api/assessments";
import { CompleteCard } from "@/features/assessments/components/complete-card";
import { EstimatesPanel } from "@/features/assessments/components/estimates-panel";
import { PhotoGallery } from "@/features/assessments/components/photo-gallery";
import { SectionsPanel } from "@/features/assessments/components/sections-panel";
import { SummaryCard } from "@/features/assessments/components/summary-card";
import { TotalLossCard } from "@/features/assessments/components/total-loss-card";
import { WorkspaceHeader } from "@/features/assessments/components/workspace-header";
import { useLiveAssessment } from "@/features/assessments/hooks/use-live-assessments";
import { SECTION_LABELS } from "@/features/assessments/vocabulary";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api";

const TABS = ["sections", "photos", "estimates"] as const;
type Tab = (typeof TABS)[number];

/** `/assessments/:id`: the assessor's workspace (sections, photos, estimates, total loss, completion), live. */
export function Component() {
  const { id = "" } = useParams();
  // Another assessment is another workspace: no form state carries over.
  return <Workspace key={id} id={id} />;
}

function Workspace({ id }: { id: string }) {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get("tab")) ?? "sections";
  const sectionParam = params.get("section");
  const section = sectionParam && sectionParam in SECTION_LABELS ? (sectionParam as SectionKind) : null;
  const assessment = useQuery(assessmentQuery(id));
  const claim = useQuery(claimFactsQuery(id, assessment.data?.claim));
  useLiveAssessment(id, assessment.data?.claim);
  useDocumentTitle(assessment.data ? `Assessment ${assessment.data.claim_number}` : "Assessment");

  const [dirty, setDirty] = useState<ReadonlySet<SectionKind>>(new Set());
  const onDirtyChange = useCallback((kind: SectionKind, isDirty: boolean) => {
    setDirty((current) => {
      if (current.has(kind) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(kind);
      else next.delete(kind);
      return next;
    });
  }, []);

  const show = (changes: { tab: Tab; section?: SectionKind }) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (changes.tab === "sections") next.delete("tab");
      else next.set("tab", changes.tab);
      if (changes.section) next.set("section", changes.section);
      return next;
    });

  if (assessment.isPending) return <PageSpinner label="Loading the assessment…" />;
  if (assessment.error) {
    if (isApiError(assessment.error) && assessment.error.isHidden) return <NotFound />;
    return (
      <Alert variant="destructive" className="mx-auto max-w-xl">
        <AlertDescription>
          <p>The assessment could not be loaded. {assessment.error.message}</p>
          <Button variant="outline" size="sm" onClick={() => void assessment.refetch()}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  const data = assessment.data;
  const editable = data.can_edit && (data.status === "scheduled" || data.status === "in_progress");
  const currency = data.accepted_estimate?.currency ?? claim.data?.currency ?? "KES";
  const unsaved = [...dirty].sort(
    (a, b) => Object.keys(SECTION_LABELS).indexOf(a) - Object.keys(SECTION_LABELS).indexOf(b),
  );

  return (
    <div className="mx-auto flex w-full max-w-[96rem] flex-col gap-5">
      <WorkspaceHeader assessment={data} claim={claim.data} />
      {!editable && (
        <Alert>
          <AlertDescription>
            {data.status === "completed" || data.status === "cancelled"
              ? `This assessment is ${data.status}: it is shown read-only.`
              : "You may read this assessment; only its assessor, a supervisor or an admin may change it."}
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Tabs value={tab} onValueChange={(value) => show({ tab: value as Tab })} className="min-w-0">
          <TabsList aria-label="Parts of the assessment">
            <TabsTrigger value="sections">Sections</TabsTrigger>
            <TabsTrigger value="photos">Photos</TabsTrigger>
            <TabsTrigger value="estimates">Estimates</TabsTrigger>
          </TabsList>
          <TabsContent value="sections" forceMount hidden={tab !== "sections"}>
            <SectionsPanel
              assessmentId={id}
              editable={editable}
              selected={section}
              onSelect={(kind) => show({ tab: "sections", section: kind })}
              dirty={dirty}
              onDirtyChange={onDirtyChange}
            />
          </TabsContent>
          <TabsContent value="photos">
            <PhotoGallery assessmentId={id} editable={editable} />
          </TabsContent>
          <TabsContent value="estimates">
            <EstimatesPanel assessmentId={id} currency={currency} editable={editable} />
          </TabsContent>
        </Tabs>
        <aside className="grid content-start gap-4" aria-label="Decision">
          <CompleteCard
            assessment={data}
            unsaved={unsaved}
            onShowSection={(kind) => show({ tab: "sections", section: kind })}
            onShowEstimates={() => show({ tab: "estimates" })}
          />
          <TotalLossCard assessment={data} editable={editable} />
          <SummaryCard assessment={data} editable={editable} />
        </aside>
      </div>
    </div>
  );
}
