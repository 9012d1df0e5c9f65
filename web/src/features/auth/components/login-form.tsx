import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { isApiError, type ApiError } from "@/lib/api";
import { session, type User } from "@/lib/auth";
import { useT } from "@/lib/i18n";

import { fieldMessages, signInErrorMessage } from "../sign-in-error";

/**
 * The sign-in form. On success the session changes and the /login route moves on to `?next=`;
 * `onSignedIn` is for callers that need more.
 */
export function LoginForm({ onSignedIn }: { onSignedIn?: (user: User) => void }) {
  const { t } = useT();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const apiError: ApiError | null = isApiError(error) ? error : null;
  const emailError = fieldMessages(apiError, "email", t)[0];
  const passwordError = fieldMessages(apiError, "password", t)[0];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const user = await session.signIn(email.trim(), password);
      onSignedIn?.(user);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-5" aria-label={t("signIn.title")}>
      {error !== null && (
        <Alert variant="destructive">
          <AlertDescription>{signInErrorMessage(error, t)}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-col gap-2">
        <Label htmlFor="login-email">{t("auth.email")}</Label>
        <Input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "login-email-error" : undefined}
        />
        {emailError && (
          <p id="login-email-error" className="text-sm text-destructive">
            {emailError}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="login-password">{t("auth.password")}</Label>
        <Input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "login-password-error" : undefined}
        />
        {passwordError && (
          <p id="login-password-error" className="text-sm text-destructive">
            {passwordError}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("signIn.submit")}
      </Button>
    </form>
  );
}
