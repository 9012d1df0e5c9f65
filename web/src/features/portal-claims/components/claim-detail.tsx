import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeft, Download, LoaderCircle } from "lucide-react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { downloadReport, offersQuery, type Claim } from "../api/claims";
import { useClaimLive } from "../hooks/use-claim-live";
import { currentOffer } from "../offer";
import { statusWords } from "../status-words";
import { ClaimDocuments } from "./claim-documents";
import { ClaimHistory } from "./claim-history";
import { ClaimStatusBadge } from "./claim-status";
import { DocumentRequests } from "./document-requests";
import { MessageThread } from "./message-thread";
import { OfferCard } from "./offer-card";

/**
 * `/claims/:id`: where the customer's claim stands and what happens next, the settlement offer,
 * messages with the claims team, the documents, what has happened, and the claim report. Live:
 * the claim's events refetch what they change.
 */
export function ClaimDetail({ claim }: { claim: Claim }) {
  const { t, date, amount } = useT();
  useClaimLive(claim.id);
  const offers = useQuery(offersQuery(claim.id));
  const offer = currentOffer(offers.data);
  const words = statusWords(claim, { offer: offer?.state });
  const report = useMutation({ mutationFn: () => downloadReport(claim.id, claim.claim_number) });

  return (
    <div className="flex flex-col gap-6">
      <Link to="/claims" className="inline-flex items-center gap-1 self-start text-sm text-primary underline-offset-4 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t("claims.back")}
      </Link>

      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("claims.heading", { number: claim.claim_number })}</h1>
        <section
          aria-labelledby="claim-status"
          className="flex flex-col gap-2 rounded-xl border bg-card p-4"
          data-testid="claim-status"
        >
          <h2 id="claim-status" className="flex flex-wrap items-center gap-2 text-sm font-medium text-muted-foreground">
            {t("claims.statusLabel")}
            <ClaimStatusBadge status={claim.status} label={t(words.status)} />
          </h2>
          <p className="text-sm font-semibold">{t("claims.whatNext")}</p>
          <p data-testid="claim-next-step">{t(words.next)}</p>
          <p className="text-xs text-muted-foreground">{t("claims.live")}</p>
        </section>
      </div>

      {offer && <OfferCard claim={claim} current={offer} />}
      <DocumentRequests claim={claim} />

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted-foreground">{t("claims.vehicle")}</dt>
        <dd>{claim.vehicle_registration ?? t("claims.noVehicle")}</dd>
        <dt className="text-muted-foreground">{t("claims.incidentDate")}</dt>
        <dd>{date(claim.incident_date)}</dd>
        {claim.incident_address && (
          <>
            <dt className="text-muted-foreground">{t("claims.place")}</dt>
            <dd data-content>{claim.incident_address}</dd>
          </>
        )}
        {claim.submitted_at && (
          <>
            <dt className="text-muted-foreground">{t("claims.reportedOn")}</dt>
            <dd>{date(claim.submitted_at)}</dd>
          </>
        )}
        {claim.approved_amount && (
          <>
            <dt className="text-muted-foreground">{t("claims.approvedAmount")}</dt>
            <dd>{amount(claim.approved_amount, claim.currency)}</dd>
          </>
        )}
        <dt className="text-muted-foreground">{t("claims.description")}</dt>
        <dd className="whitespace-pre-line" data-content>
          {claim.description}
        </dd>
      </dl>

      <MessageThread claim={claim} />
      <ClaimDocuments claim={claim} />
      <ClaimHistory claim={claim} />

      <div className="flex flex-col gap-2">
        <Button variant="outline" className="self-start" onClick={() => report.mutate()} disabled={report.isPending}>
          {report.isPending ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Download aria-hidden="true" />}
          {t("claims.reportPdf")}
        </Button>
        {report.isError && (
          <p className="text-sm text-destructive" role="alert">
            {isApiError(report.error) && report.error.code === "network_error"
              ? t("common.offline")
              : t("claims.reportPdfFailed")}
          </p>
        )}
      </div>
    </div>
  );
}
