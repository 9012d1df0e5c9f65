import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { policyQuery } from "@/features/portal-policies/api/policies";
import { PolicyDetail } from "@/features/portal-policies/components/policy-detail";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { CustomerNotFound } from "./customer-not-found";

/** `/policies/:id`: one policy, its history, schedule, payments and what can be done with it. */
export function Component() {
  const { t } = useT();
  const { id = "" } = useParams();
  const policy = useQuery(policyQuery(id));
  useDocumentTitle(policy.data ? `${policy.data.product} · ${policy.data.policy_number}` : t("policies.title"));
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
      <PolicyDetail key={policy.data.id} policy={policy.data} />
    </div>
  );
}
