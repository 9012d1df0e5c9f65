import { useQuery } from "@tanstack/react-query";
import { ChevronRight, Plus } from "lucide-react";
import { Link } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n";

import { policiesQuery } from "../api/policies";
import { errorText } from "../error-text";
import { usePortalLive } from "../hooks/use-portal-live";
import { PolicyStatusBadge } from "./policy-status";

/** `/policies`: the customer's policies and quotes, newest first, each opening its page. */
export function PolicyList() {
  const { t, amount, date } = useT();
  usePortalLive();
  const policies = useQuery(policiesQuery());
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("policies.title")}</h1>
        <Link to="/quote" className={buttonVariants()}>
          <Plus aria-hidden="true" />
          {t("policies.newQuote")}
        </Link>
      </div>
      {policies.isPending && <Skeleton className="h-40 w-full" />}
      {policies.isError && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(t, policies.error)}</AlertDescription>
        </Alert>
      )}
      {policies.data?.length === 0 && <p className="text-muted-foreground">{t("policies.empty")}</p>}
      {policies.data && policies.data.length > 0 && (
        <ul className="flex flex-col gap-3">
          {policies.data.map((policy) => (
            <li key={policy.id}>
              <Link
                to={`/policies/${policy.id}`}
                className="flex items-center gap-3 rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-accent"
              >
                <span className="flex min-w-0 flex-1 flex-col gap-1">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{policy.product}</span>
                    <PolicyStatusBadge status={policy.status} />
                  </span>
                  <span className="text-sm text-muted-foreground">
                    {[policy.policy_number, policy.vehicle_registration].filter(Boolean).join(" · ")}
                  </span>
                  <span className="text-sm">
                    {t("policies.period", { start: date(policy.start_date), end: date(policy.end_date) })}
                    {" · "}
                    {amount(policy.premium, policy.currency)}
                  </span>
                </span>
                <ChevronRight className="size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
