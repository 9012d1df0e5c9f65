import { useMutation } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { changeEmail } from "../api/account";

import { useFieldErrors } from "../hooks/use-field-errors";

import { Done, ErrorMessage } from "./form-message";

/**
 * Change the e-mail address: the new address and the password. The server sends a link to the
 * new address and tells the old one; the address changes only when that link is opened (on
 * `/verify-email`), so the page says so instead of showing the new address as the account's.
 */
export function EmailChangeForm({ current }: { current: string }) {
  const { t } = useT();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () => changeEmail({ new_email: email.trim(), password }),
    onSuccess: () => {
      setSentTo(email.trim());
      setPassword("");
    },
    // A refusal about one field is said next to it: take the customer there.
    onError: (error) => {
      if (!isApiError(error)) return;
      const toEmail = error.code === "same_email" || error.problem.errors.some((item) => item.field === "new_email");
      const toPassword = error.code === "wrong_password" || error.problem.errors.some((item) => item.field === "password");
      if (toEmail || toPassword) document.getElementById(toEmail ? "email-new" : "email-password")?.focus();
    },
  });
  const fieldErrors = useFieldErrors(change.error);
  const code = isApiError(change.error) ? change.error.code : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    if (!change.isPending) change.mutate();
  }

  const emailErrors = [...fieldErrors("new_email"), ...(code === "same_email" ? [t("account.error.sameEmail")] : [])];
  const passwordErrors = [...fieldErrors("password"), ...(code === "wrong_password" ? [t("account.error.wrongPassword")] : [])];

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("account.email.changeTitle")}>
      <p className="text-sm text-muted-foreground">{t("account.email.changeIntro", { email: current })}</p>
      {change.isError && code !== "wrong_password" && code !== "same_email" && <ErrorMessage error={change.error} />}
      {sentTo && <Done>{t("account.email.sent", { email: sentTo })}</Done>}
      <div className="flex flex-col gap-2">
        <Label htmlFor="email-new">{t("account.email.new")}</Label>
        <Input
          id="email-new"
          type="email"
          autoComplete="email"
          value={email}
          aria-invalid={emailErrors.length ? true : undefined}
          aria-describedby={emailErrors.length ? "email-new-error" : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
        {emailErrors.length > 0 && (
          <p id="email-new-error" className="text-sm text-destructive">
            {emailErrors.join(" ")}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="email-password">{t("account.email.password")}</Label>
        <Input
          id="email-password"
          type="password"
          autoComplete="current-password"
          value={password}
          aria-invalid={passwordErrors.length ? true : undefined}
          aria-describedby={passwordErrors.length ? "email-password-error" : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        {passwordErrors.length > 0 && (
          <p id="email-password-error" className="text-sm text-destructive">
            {passwordErrors.join(" ")}
          </p>
        )}
      </div>
      <Button type="submit" variant="outline" className="self-start" disabled={change.isPending || !email || !password}>
        {change.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("account.email.submit")}
      </Button>
    </form>
  );
}
