import { useQuery } from "@tanstack/react-query";
import { FileText, MailWarning, ShieldCheck, ShoppingBag, type LucideIcon } from "lucide-react";
import { Link } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button-variants";
import { meQuery } from "@/features/auth/api/account";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";
import { useT, type MessageKey } from "@/lib/i18n";

const SECTIONS: { to: string; icon: LucideIcon; title: MessageKey; body: MessageKey }[] = [
  { to: "/products", icon: ShoppingBag, title: "home.browse", body: "home.browseBody" },
  { to: "/policies", icon: ShieldCheck, title: "home.policies", body: "home.policiesBody" },
  { to: "/claims", icon: FileText, title: "home.claims", body: "home.claimsBody" },
];

/** The customer's start page (`/`): a greeting, what to verify, and the way to each section. */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("home.title"));
  const sessionUser = useUser();
  const me = useQuery(meQuery()).data ?? sessionUser;
  const firstName = me.name.trim().split(/\s+/)[0];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          {firstName ? t("home.greeting", { name: firstName }) : t("home.greetingNoName")}
        </h1>
        <p className="text-muted-foreground">{t("home.intro")}</p>
      </div>
      {!me.email_verified && (
        <Alert>
          <MailWarning aria-hidden="true" />
          <AlertDescription className="flex flex-col gap-2">
            <span>{t("home.verifyEmail")}</span>
            <Link to="/verify-email" className={buttonVariants({ size: "sm", variant: "outline" })}>
              {t("home.verifyEmailAction")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      <ul className="grid gap-3 sm:grid-cols-3">
        {SECTIONS.map(({ to, icon: Icon, title, body }) => (
          <li key={to}>
            <Link
              to={to}
              className="flex h-full flex-col gap-2 rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-accent"
            >
              <Icon className="size-6 text-primary" aria-hidden="true" />
              <span className="font-semibold">{t(title)}</span>
              <span className="text-sm text-muted-foreground">{t(body)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
