import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { claimQuery } from "@/features/portal-claims/api/claims";
import { ClaimDetail } from "@/features/portal-claims/components/claim-detail";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { CustomerNotFound } from "./customer-not-found";

/**
 * `/claims/:id`: one of the customer's claims. A claim that is not theirs (the API answers 404)
 * shows the not-found page, which says nothing about it.
 */
export function Component() {
  const { t } = useT();
  const { id = "" } = useParams();
  const claim = useQuery(claimQuery(id));
  useDocumentTitle(claim.data ? t("claims.heading", { number: claim.data.claim_number }) : t("claims.title"));
  if (claim.isPending) return <PageSpinner label={t("common.loading")} />;
  if (claim.isError) {
    if (isApiError(claim.error) && claim.error.isHidden) return <CustomerNotFound />;
    return (
      <Alert variant="destructive">
        <AlertDescription>{t("common.error")}</AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col">
      <ClaimDetail key={claim.data.id} claim={claim.data} />
    </div>
  );
}
