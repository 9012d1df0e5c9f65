import { useQuery } from "@tanstack/react-query";
import { ChevronRight, FilePen, Plus } from "lucide-react";
import { Link } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { claimsQuery, type ClaimRow } from "../api/claims";
import { useClaimsLive } from "../hooks/use-claim-live";
import { statusWords } from "../status-words";
import { ClaimStatusBadge } from "./claim-status";

/** `/claims`: the customer's claims, newest first; drafts continue in the wizard, the rest open their page. */
export function ClaimList() {
  const { t } = useT();
  useClaimsLive();
  const claims = useQuery(claimsQuery());
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("claims.title")}</h1>
        {claims.data && claims.data.length > 0 && (
          <Link to="/claims/new" className={buttonVariants()}>
            <Plus aria-hidden="true" />
            {t("claims.report")}
          </Link>
        )}
      </div>
      {claims.isPending && <Skeleton className="h-40 w-full" />}
      {claims.isError && (
        <Alert variant="destructive">
          <AlertDescription>
            {isApiError(claims.error) && claims.error.code === "network_error" ? t("common.offline") : t("common.error")}
          </AlertDescription>
        </Alert>
      )}
      {claims.data?.length === 0 && (
        <div className="flex flex-col items-start gap-3 rounded-xl border bg-card p-5" data-testid="claims-empty">
          <h2 className="text-lg font-semibold">{t("claims.emptyTitle")}</h2>
          <p className="text-muted-foreground">{t("claims.emptyBody")}</p>
          <Link to="/claims/new" className={buttonVariants()}>
            <Plus aria-hidden="true" />
            {t("claims.emptyAction")}
          </Link>
        </div>
      )}
      {claims.data && claims.data.length > 0 && (
        <ul className="flex flex-col gap-3">
          {claims.data.map((claim) => (
            <li key={claim.id}>{claim.status === "draft" ? <DraftRow claim={claim} /> : <ClaimRowLink claim={claim} />}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Facts({ claim }: { claim: ClaimRow }) {
  const { t, date } = useT();
  return (
    <>
      <span className="text-sm text-muted-foreground">
        {[claim.claim_number, claim.vehicle_registration ?? t("claims.noVehicle")].join(" · ")}
      </span>
      <span className="text-sm">{t("claims.incidentOn", { date: date(claim.incident_date) })}</span>
    </>
  );
}

function ClaimRowLink({ claim }: { claim: ClaimRow }) {
  const { t } = useT();
  const words = statusWords(claim);
  return (
    <Link
      to={`/claims/${claim.id}`}
      data-claim={claim.id}
      className="flex items-center gap-3 rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-accent"
    >
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{claim.claim_number}</span>
          <ClaimStatusBadge status={claim.status} label={t(words.status)} />
        </span>
        <Facts claim={claim} />
      </span>
      <ChevronRight className="size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
    </Link>
  );
}

function DraftRow({ claim }: { claim: ClaimRow }) {
  const { t } = useT();
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-dashed bg-card p-4" data-claim={claim.id}>
      <span className="flex min-w-0 flex-col gap-1">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{claim.claim_number}</span>
          <ClaimStatusBadge status={claim.status} label={t("claims.status.draft")} />
        </span>
        <Facts claim={claim} />
        <span className="text-sm">{t("claims.draftHint")}</span>
      </span>
      <Link
        to={`/claims/new?draft=${encodeURIComponent(claim.id)}`}
        className={buttonVariants({ variant: "outline", className: "self-start" })}
      >
        <FilePen aria-hidden="true" />
        {t("claims.continueDraft")}
      </Link>
    </div>
  );
}
