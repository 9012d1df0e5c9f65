import { Construction } from "lucide-react";
import { Link } from "react-router";

import { buttonVariants } from "@/components/ui/button-variants";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

/**
 * A customer page that is not built yet (router.tsx lists which): it says so plainly, in the
 * reader's language, instead of showing anything that does not work.
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("unavailable.title"));
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <Construction className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-2xl font-semibold tracking-tight">{t("unavailable.title")}</h1>
      <p className="text-muted-foreground">{t("unavailable.body")}</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Link to="/" className={buttonVariants({ variant: "outline" })}>
          {t("unavailable.home")}
        </Link>
        <Link to="/products" className={buttonVariants()}>
          {t("unavailable.products")}
        </Link>
      </div>
    </div>
  );
}
