import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { policyQuery } from "@/features/portal-policies/api/policies";
import { PayView } from "@/features/portal-policies/components/pay-view";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api";
import { useUser } from "@/lib/auth";
import { useT } from "@/lib/i18n";

import { CustomerNotFound } from "./customer-not-found";

/** `/policies/:id/pay`: pay a policy's next instalment (M-Pesa, card, bank transfer). */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("pay.title"));
  const { id = "" } = useParams();
  const user = useUser();
  const policy = useQuery(policyQuery(id));
  if (policy.isPending) return <PageSpinner label={t("common.loading")} />;
  if (policy.isError) {
    if (isApiError(policy.error) && policy.error.isHidden) return <CustomerNotFound />;
    return (
      <Alert variant="destructive">
        <AlertDescription>{t("common.error")}</AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col">
      <PayView policy={policy.data} profilePhone={user.phone} />
    </div>
  );
}
