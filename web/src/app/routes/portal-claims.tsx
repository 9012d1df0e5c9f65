import { ClaimList } from "@/features/portal-claims/components/claim-list";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

/** `/claims`: the customer's claims, their drafts, and where to report a new one. */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("claims.title"));
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col">
      <ClaimList />
    </div>
  );
}
