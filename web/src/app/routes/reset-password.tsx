import { Link, useSearchParams } from "react-router";

import { ResetConfirmForm, ResetRequestForm } from "@/features/auth/components/reset-password-forms";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useT } from "@/lib/i18n";

import { AuthLayout } from "../layout/auth-layout";

/**
 * Password reset (`/reset-password`): without a token, ask for a link by e-mail; with the link's
 * `?token=`, choose a new password (every session of the account ends).
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("reset.title"));
  const [params, setParams] = useSearchParams();
  const token = params.get("token");
  return (
    <AuthLayout
      title={t("reset.title")}
      description={token ? t("reset.confirm.description") : t("reset.request.description")}
      footer={
        <Link to="/login" className="font-medium text-primary underline-offset-4 hover:underline">
          {t("reset.backToSignIn")}
        </Link>
      }
    >
      {token ? (
        <ResetConfirmForm key={token} token={token} onRequestNew={() => setParams({}, { replace: true })} />
      ) : (
        <ResetRequestForm />
      )}
    </AuthLayout>
  );
}
