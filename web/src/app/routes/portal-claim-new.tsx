import { useNavigate, useSearchParams } from "react-router";

import { ClaimWizard } from "@/features/portal-claims-new/components/claim-wizard";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";
import { useT } from "@/lib/i18n";

/**
 * `/claims/new` (`?draft=<claim id>` resumes a server draft started elsewhere): report a claim in
 * a few steps; once sent, the claim's page.
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("claimNew.title"));
  const navigate = useNavigate();
  const user = useUser();
  const [params] = useSearchParams();
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("claimNew.title")}</h1>
        <p className="text-muted-foreground">{t("claimNew.intro")}</p>
      </div>
      <ClaimWizard
        key={`${user.id}:${params.get("draft") ?? ""}`}
        userId={user.id}
        resumeId={params.get("draft")}
        onSubmitted={(claim) => void navigate(`/claims/${claim.id}`, { replace: true })}
      />
    </div>
  );
}
