import { useMutation } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useId, useState, type FormEvent } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { confirmPasswordReset, requestPasswordReset } from "../api/account";
import { MIN_PASSWORD_LENGTH } from "../password-rules";
import { fieldMessages } from "../sign-in-error";

import { Field } from "./field";
import { PasswordRulesList } from "./password-rules-list";

/** Asks for a reset link. The API answers the same whether or not the address has an account. */
export function ResetRequestForm() {
  const { t } = useT();
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  if (request.isSuccess) {
    return (
      <p role="status" className="text-sm">
        {t("reset.request.sent", { email: email.trim() })}
      </p>
    );
  }
  const error = isApiError(request.error) ? request.error : null;
  return (
    <form
      noValidate
      aria-label={t("reset.title")}
      className="flex flex-col gap-4"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        request.mutate();
      }}
    >
      {request.isError && !error?.fieldError("email") && (
        <Alert variant="destructive">
          <AlertDescription>
            {error?.status === 429 ? t("verify.tooMany") : error?.status === 0 ? t("common.offline") : t("common.error")}
          </AlertDescription>
        </Alert>
      )}
      <Field
        id="reset-email"
        label={t("auth.email")}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={fieldMessages(error, "email", t)}
      />
      <Button type="submit" disabled={request.isPending}>
        {request.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("reset.request.submit")}
      </Button>
    </form>
  );
}

/** Chooses a new password with the link's token; the link works once. */
export function ResetConfirmForm({ token, onRequestNew }: { token: string; onRequestNew: () => void }) {
  const { t } = useT();
  const rulesId = useId();
  const [password, setPassword] = useState("");
  const confirm = useMutation({ mutationFn: () => confirmPasswordReset(token, password) });
  const error = isApiError(confirm.error) ? confirm.error : null;
  if (confirm.isSuccess) {
    return (
      <p role="status" className="text-sm">
        {t("reset.confirm.done")}
      </p>
    );
  }
  if (error?.code === "invalid_token") {
    return (
      <div className="flex flex-col gap-3">
        <Alert variant="destructive">
          <AlertDescription>{t("reset.confirm.invalid")}</AlertDescription>
        </Alert>
        <Button variant="outline" onClick={onRequestNew}>
          {t("reset.confirm.requestNew")}
        </Button>
      </div>
    );
  }
  const passwordErrors = fieldMessages(error, "password", t, { min: MIN_PASSWORD_LENGTH });
  return (
    <form
      noValidate
      aria-label={t("reset.title")}
      className="flex flex-col gap-4"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        confirm.mutate();
      }}
    >
      {confirm.isError && passwordErrors.length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>
            {error?.status === 429 ? t("verify.tooMany") : error?.status === 0 ? t("common.offline") : t("common.error")}
          </AlertDescription>
        </Alert>
      )}
      <Field
        id="reset-password"
        label={t("reset.confirm.password")}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={passwordErrors}
        describedBy={rulesId}
      />
      <PasswordRulesList id={rulesId} password={password} />
      <Button type="submit" disabled={confirm.isPending}>
        {confirm.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("reset.confirm.submit")}
      </Button>
    </form>
  );
}
