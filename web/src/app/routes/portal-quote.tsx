import { useNavigate, useSearchParams } from "react-router";

import { QuoteForm } from "@/features/portal-policies/components/quote-form";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

/** `/quote` (`?product=<id>` preselects a product): quote a motor policy, accept it, go to pay. */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("quote.title"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("quote.title")}</h1>
        <p className="text-muted-foreground">{t("quote.intro")}</p>
      </div>
      <QuoteForm
        initialProduct={params.get("product") ?? undefined}
        onAccepted={(policy) => void navigate(`/policies/${policy.id}/pay`)}
      />
    </div>
  );
}
