import { Link, Navigate, useSearchParams } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { LoginForm } from "@/features/auth/components/login-form";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { safeNextPath, useSession } from "@/lib/auth";
import { useT } from "@/lib/i18n";

import { AuthLayout } from "../layout/auth-layout";

/**
 * Sign-in for everyone: staff land in the staff application, customers in theirs (the router
 * that runs after sign-in is chosen by role, app.tsx), at `?next=` when it was given.
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("signIn.title"));
  const state = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  if (state.status === "restoring") return <PageSpinner label={t("common.loading")} />;
  if (state.status === "signed-in") return <Navigate to={next} replace />;
  return (
    <AuthLayout
      title={t("signIn.title")}
      description={t("signIn.description")}
      footer={
        <>
          {t("signIn.noAccount")}{" "}
          <Link to="/register" className="font-medium text-primary underline-offset-4 hover:underline">
            {t("signIn.register")}
          </Link>
        </>
      }
    >
      {state.expired && (
        <Alert>
          <AlertDescription>{t("signIn.expired")}</AlertDescription>
        </Alert>
      )}
      {!state.expired && params.get("changed") === "password" && (
        <Alert role="status">
          <AlertDescription>{t("account.password.signInAgain")}</AlertDescription>
        </Alert>
      )}
      <LoginForm />
      <Link to="/reset-password" className="text-center text-sm text-primary underline-offset-4 hover:underline">
        {t("signIn.forgot")}
      </Link>
    </AuthLayout>
  );
}
