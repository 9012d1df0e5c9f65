import { useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";

import { buttonVariants } from "@/components/ui/button-variants";
import { accountKeys } from "@/features/auth/api/account";
import { EmailLinkConfirmation, EmailStatus, PhoneVerification } from "@/features/auth/components/verify-panels";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useSession } from "@/lib/auth";
import { useT } from "@/lib/i18n";

import { AuthLayout } from "../layout/auth-layout";

/**
 * Verification (`/verify-email`): the e-mail link (`?token=`) is confirmed when opened, signed
 * in or not; signed in, the page also shows where the e-mail address and the phone number stand,
 * sends a new link, and confirms the phone with the code texted to it.
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("verify.title"));
  const [params] = useSearchParams();
  const token = params.get("token");
  const state = useSession();
  const queryClient = useQueryClient();
  const signedIn = state.status === "signed-in";

  return (
    <AuthLayout title={t("verify.title")}>
      <section aria-labelledby="verify-email-heading" className="flex flex-col gap-3">
        <h2 id="verify-email-heading" className="font-semibold">
          {t("verify.email.title")}
        </h2>
        {token && (
          <EmailLinkConfirmation
            token={token}
            onConfirmed={() => void queryClient.invalidateQueries({ queryKey: accountKeys.me })}
          />
        )}
        {signedIn && !token && <EmailStatus />}
        {!signedIn && !token && <p className="text-sm text-muted-foreground">{t("verify.email.signInToResend")}</p>}
      </section>
      {signedIn && (
        <section aria-labelledby="verify-phone-heading" className="flex flex-col gap-3 border-t pt-4">
          <h2 id="verify-phone-heading" className="font-semibold">
            {t("verify.phone.title")}
          </h2>
          <PhoneVerification />
        </section>
      )}
      <Link to={signedIn ? "/" : "/login"} className={buttonVariants({ variant: signedIn ? "default" : "outline" })}>
        {signedIn ? t("verify.continue") : t("verify.signIn")}
      </Link>
    </AuthLayout>
  );
}
