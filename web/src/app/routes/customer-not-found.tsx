import { Link } from "react-router";

import { buttonVariants } from "@/components/ui/button-variants";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

/**
 * The customer area's not-found page: also what a customer sees at a staff URL, and for an
 * object the API hides (403 and 404 look the same, so it reveals nothing).
 */
export function CustomerNotFound() {
  const { t } = useT();
  useDocumentTitle(t("notFound.title"));
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("notFound.title")}</h1>
      <p className="text-muted-foreground">{t("notFound.body")}</p>
      <Link to="/" className={buttonVariants({ variant: "outline" })}>
        {t("notFound.home")}
      </Link>
    </div>
  );
}

export const Component = CustomerNotFound;
