import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { type Policy, policyQuery } from "@/features/portal-policies/api/policies";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { CustomerNotFound } from "./customer-not-found";

/**
 * The frame of a page about one of the customer's policies (`/policies/:id`, `/policies/:id/pay`):
 * loads the policy named in the URL, shows the spinner, the not-found page for a policy that is not
 * theirs, or an error, and otherwise `children(policy)`. `title` names the tab, with or without it.
 */
export function PolicyFrame({
  title,
  children,
}: {
  title: (policy: Policy | undefined) => string;
  children: (policy: Policy) => ReactNode;
}) {
  const { t } = useT();
  const { id = "" } = useParams();
  const policy = useQuery(policyQuery(id));
  useDocumentTitle(title(policy.data));
  if (policy.isPending) return <PageSpinner label={t("common.loading")} />;
  if (policy.isError) {
    if (isApiError(policy.error) && policy.error.isHidden) return <CustomerNotFound />;
    return (
      <Alert variant="destructive">
        <AlertDescription>{t("common.error")}</AlertDescription>
      </Alert>
    );
  }
  return <div className="mx-auto flex w-full max-w-xl flex-col">{children(policy.data)}</div>;
}
