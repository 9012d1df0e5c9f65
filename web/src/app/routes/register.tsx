import { useState } from "react";
import { Link } from "react-router";

import { buttonVariants } from "@/components/ui/button-variants";
import { RegisterForm } from "@/features/auth/components/register-form";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

import { AuthLayout } from "../layout/auth-layout";

/**
 * Sign-up (`/register`). The server answers the same whether or not the address already has an
 * account (it never tells), so the page does too: "check your e-mail". A new customer gets the
 * verification link, then signs in; an account holder gets a message saying someone tried to
 * register with their address, with a reset link. Someone signed in never sees it (GuestOnly).
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("register.title"));
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo !== null) {
    return (
      <AuthLayout title={t("register.sent.title")}>
        <div role="status" className="flex flex-col gap-3">
          <p>{t("register.sent.body", { email: sentTo })}</p>
          <p className="text-sm text-muted-foreground">{t("register.sent.existing")}</p>
        </div>
        <Link to="/login" className={buttonVariants({ variant: "default" })}>
          {t("register.sent.signIn")}
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={t("register.title")}
      description={t("register.description")}
      footer={
        <>
          {t("register.haveAccount")}{" "}
          <Link to="/login" className="font-medium text-primary underline-offset-4 hover:underline">
            {t("register.signIn")}
          </Link>
        </>
      }
    >
      <RegisterForm onRegistered={({ email }) => setSentTo(email)} />
    </AuthLayout>
  );
}
