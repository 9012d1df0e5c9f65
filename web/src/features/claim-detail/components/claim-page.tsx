import { useQuery } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useState } from "react";
import { useSearchParams } from "react-router";

import { NotFound } from "@/components/not-found";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api";
import { useUser } from "@/lib/auth";

import { claimQuery, type ClaimDetail } from "../api/claim";
import { claimReportPath, documentsQuery } from "../api/documents";
import { useClaimLive } from "../hooks/use-claim-live";

import { AlertsCard } from "./alerts-card";
import { ClaimHeader } from "./claim-header";
import { Communications } from "./communications";
import { DocumentRequests } from "./document-requests";
import { DocumentsPanel } from "./documents-panel";
import { FilePreviewDialog, type PreviewTarget } from "./file-preview";
import { MoneyPanel } from "./money-panel";
import {
  AssignmentCard,
  CustomerCard,
  EnrichmentCard,
  IncidentCard,
  PolicyCard,
  VehicleCard,
} from "./overview-cards";
import { Timeline } from "./timeline";

const TABS = ["overview", "timeline", "communications", "documents", "money"] as const;
type Tab = (typeof TABS)[number];
const MANAGERS = new Set(["agent", "supervisor", "admin"]);

/**
 * The claim page (`/claims/:id`) for staff: the header with the moves the caller may make, the
 * claim's people and checks at the side, and tabs for its overview, timeline, communications,
 * documents and money. A claim the API hides (403/404) shows the not-found page, which reveals
 * nothing; the page follows the claim's events live.
 */
export function ClaimPage({ id }: { id: string }) {
  const { data: claim, error, isPending, refetch, isRefetching } = useQuery(claimQuery(id));
  useClaimLive(id);
  useDocumentTitle(claim ? claim.claim_number : "Claim");

  if (isPending) return <ClaimSkeleton />;
  if (error) {
    if (isApiError(error) && error.isHidden) return <NotFound />;
    return (
      <Alert variant="destructive" className="max-w-xl">
        <AlertTitle>The claim could not be loaded</AlertTitle>
        <AlertDescription>
          <p>{isApiError(error) ? error.message : "Something went wrong."}</p>
          <Button size="sm" variant="outline" onClick={() => void refetch()} disabled={isRefetching}>
            <RotateCw aria-hidden="true" />
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  return <Loaded claim={claim} />;
}

function Loaded({ claim }: { claim: ClaimDetail }) {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [report, setReport] = useState<PreviewTarget | null>(null);
  const asked = params.get("tab") as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : "overview";
  const canManage = MANAGERS.has(user.role);

  function chooseTab(next: string) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === "overview") updated.delete("tab");
        else updated.set("tab", next);
        return updated;
      },
      { replace: true },
    );
  }

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <ClaimHeader
        claim={claim}
        onOpenReport={() =>
          setReport({
            path: claimReportPath(claim.id),
            title: `Claim report ${claim.claim_number}`,
            filename: `${claim.claim_number}.pdf`,
            kind: "pdf",
          })
        }
      />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Tabs value={tab} onValueChange={chooseTab} className="min-w-0">
          <TabsList aria-label="Claim sections">
            <TabsTrigger value="overview">Overview</TabsTrigger>
            <TabsTrigger value="timeline">Timeline</TabsTrigger>
            <TabsTrigger value="communications">Communications</TabsTrigger>
            <TabsTrigger value="documents">
              Documents
              <DocumentsCount claimId={claim.id} />
            </TabsTrigger>
            <TabsTrigger value="money">Money</TabsTrigger>
          </TabsList>
          <TabsContent value="overview" className="grid items-start gap-4 xl:grid-cols-2">
            <IncidentCard claim={claim} />
            <EnrichmentCard claim={claim} />
          </TabsContent>
          <TabsContent value="timeline">
            <Timeline claim={claim} />
          </TabsContent>
          <TabsContent value="communications">
            <Communications claim={claim} />
          </TabsContent>
          <TabsContent value="documents" className="flex flex-col gap-8">
            <DocumentRequests claim={claim} />
            <DocumentsPanel claim={claim} />
          </TabsContent>
          <TabsContent value="money">
            <MoneyPanel claim={claim} canManage={canManage} />
          </TabsContent>
        </Tabs>
        <aside aria-label="Claim details" className="flex flex-col gap-4">
          <AssignmentCard claim={claim} canAssign={canManage} />
          <AlertsCard claim={claim} />
          <CustomerCard claim={claim} />
          <PolicyCard claim={claim} />
          <VehicleCard claim={claim} />
        </aside>
      </div>
      <FilePreviewDialog target={report} onClose={() => setReport(null)} />
    </div>
  );
}

function DocumentsCount({ claimId }: { claimId: string }) {
  const { data } = useQuery({ ...documentsQuery(claimId), select: (documents) => documents.items.length });
  if (!data) return null;
  return (
    <span className="rounded-full bg-muted-foreground/15 px-1.5 text-xs tabular-nums">
      <span className="sr-only">(</span>
      {data}
      <span className="sr-only">)</span>
    </span>
  );
}

function ClaimSkeleton() {
  return (
    <div role="status" aria-label="Loading the claim" className="mx-auto flex max-w-7xl flex-col gap-4">
      <Skeleton className="h-5 w-40" />
      <Skeleton className="h-8 w-80" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Skeleton className="h-96" />
        <div className="flex flex-col gap-4">
          <Skeleton className="h-32" />
          <Skeleton className="h-40" />
        </div>
      </div>
    </div>
  );
}
