import { PolicyList } from "@/features/portal-policies/components/policy-list";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

/** `/policies`: the customer's policies and quotes. */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("policies.title"));
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col">
      <PolicyList />
    </div>
  );
}
