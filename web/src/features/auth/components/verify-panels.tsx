import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, LoaderCircle } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { accountKeys, confirmEmail, confirmPhoneCode, meQuery, resendEmailLink, sendPhoneCode } from "../api/account";

import { Field } from "./field";

function Done({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-start gap-2 text-sm">
      <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-green-700" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}

function tooMany(error: unknown): boolean {
  return isApiError(error) && error.status === 429;
}

/**
 * The link from the e-mail (`/verify-email?token=...`): confirmed once when the page opens,
 * signed in or not (opening the link proves the mailbox).
 */
export function EmailLinkConfirmation({ token, onConfirmed }: { token: string; onConfirmed?: () => void }) {
  const { t } = useT();
  // A query, not a mutation: the answer is kept by token in the app-wide cache, so the page
  // re-mounting (StrictMode, or the router changing when the session is restored) does not
  // send the single-use token twice.
  const confirm = useQuery({
    queryKey: ["auth", "verify-email", token],
    queryFn: () => confirmEmail(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const confirmed = confirm.isSuccess;
  const notified = useRef(false);
  useEffect(() => {
    if (!confirmed || notified.current) return;
    notified.current = true;
    onConfirmed?.();
  }, [confirmed, onConfirmed]);
  if (confirm.isSuccess) return <Done>{t("verify.email.done", { email: confirm.data.email })}</Done>;
  if (confirm.isError) {
    return (
      <Alert variant="destructive">
        <AlertDescription>
          {isApiError(confirm.error) && confirm.error.code === "invalid_token"
            ? t("verify.email.invalid")
            : tooMany(confirm.error)
              ? t("verify.tooMany")
              : t("common.error")}
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
      <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />
      {t("verify.email.checking")}
    </p>
  );
}

/** Signed in: whether the e-mail address is confirmed, and a new link when it is not. */
export function EmailStatus() {
  const { t } = useT();
  const me = useQuery(meQuery());
  const resend = useMutation({ mutationFn: resendEmailLink });
  if (!me.data) return null;
  if (me.data.email_verified) return <Done>{t("verify.email.verified", { email: me.data.email })}</Done>;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">{t("verify.email.pending", { email: me.data.email })}</p>
      {resend.isSuccess && (
        <p role="status" className="text-sm text-green-800">
          {t("verify.email.sent", { email: me.data.email })}
        </p>
      )}
      {resend.isError && (
        <Alert variant="destructive">
          <AlertDescription>{tooMany(resend.error) ? t("verify.tooMany") : t("common.error")}</AlertDescription>
        </Alert>
      )}
      <Button variant="outline" className="self-start" disabled={resend.isPending} onClick={() => resend.mutate()}>
        {resend.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("verify.email.resend")}
      </Button>
    </div>
  );
}

/** Signed in: the phone number confirmed with a 6-digit code sent by SMS. */
export function PhoneVerification() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const [code, setCode] = useState("");
  const [formatError, setFormatError] = useState(false);
  const send = useMutation({ mutationFn: sendPhoneCode });
  const confirm = useMutation({
    mutationFn: () => confirmPhoneCode(code),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.me }),
  });
  if (!me.data) return null;
  const phone = me.data.phone;
  if (!phone) return <p className="text-sm text-muted-foreground">{t("verify.phone.none")}</p>;
  if (me.data.phone_verified) return <Done>{t("verify.phone.verified", { phone })}</Done>;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    confirm.mutate();
  }

  const attemptsLeft =
    isApiError(confirm.error) && typeof confirm.error.problem.attempts_left === "number"
      ? confirm.error.problem.attempts_left
      : null;
  const codeErrors = formatError
    ? [t("verify.phone.codeFormat")]
    : confirm.isError
      ? [
          tooMany(confirm.error)
            ? t("verify.tooMany")
            : isApiError(confirm.error) && confirm.error.code === "invalid_code"
              ? attemptsLeft !== null && attemptsLeft > 0
                ? t("verify.phone.invalidLeft", { count: attemptsLeft })
                : t("verify.phone.invalid")
              : t("common.error"),
        ]
      : [];

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">{t("verify.phone.intro", { phone })}</p>
      {send.isSuccess && (
        <p role="status" className="text-sm text-green-800">
          {t("verify.phone.sent", { phone })}
        </p>
      )}
      {send.isError && (
        <Alert variant="destructive">
          <AlertDescription>{tooMany(send.error) ? t("verify.tooMany") : t("common.error")}</AlertDescription>
        </Alert>
      )}
      <Button
        variant={send.isSuccess ? "ghost" : "outline"}
        className="self-start"
        disabled={send.isPending}
        onClick={() => send.mutate()}
      >
        {send.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {send.isSuccess ? t("verify.phone.sendAgain") : t("verify.phone.send")}
      </Button>
      {send.isSuccess && (
        <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("verify.phone.title")}>
          <Field
            id="verify-phone-code"
            label={t("verify.phone.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, ""))}
            errors={codeErrors}
          />
          <Button type="submit" className="self-start" disabled={confirm.isPending}>
            {confirm.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
            {t("verify.phone.submit")}
          </Button>
        </form>
      )}
    </div>
  );
}
