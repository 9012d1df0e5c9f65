import { Link, useNavigate } from "react-router";

import { RegisterForm, type Registered } from "@/features/auth/components/register-form";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { session } from "@/lib/auth";
import { useT } from "@/lib/i18n";

import { AuthLayout } from "../layout/auth-layout";

/**
 * Sign-up (`/register`): the new customer is signed in at once and taken to /verify-email
 * (the first e-mail link is already on its way). Someone signed in never sees it (GuestOnly).
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("register.title"));
  const navigate = useNavigate();

  async function signInAfterRegistering({ email, password }: Registered) {
    // Signing in replaces the router with the customer's (app.tsx), which starts at the URL of
    // that moment: make it the verification page first.
    const back = window.location.pathname + window.location.search;
    window.history.replaceState(null, "", "/verify-email");
    try {
      await session.signIn(email, password);
    } catch {
      window.history.replaceState(null, "", back);
      await navigate("/login", { replace: true }); // the account exists: sign in by hand
    }
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
      <RegisterForm onRegistered={signInAfterRegistering} />
    </AuthLayout>
  );
}
