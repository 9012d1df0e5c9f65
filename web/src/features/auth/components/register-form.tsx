import { LoaderCircle } from "lucide-react";
import { useId, useState, type FormEvent } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { isApiError, type ApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { register } from "../api/account";
import { MIN_PASSWORD_LENGTH } from "../password-rules";
import { fieldMessages } from "../sign-in-error";

import { Field } from "./field";
import { PasswordRulesList } from "./password-rules-list";

export interface Registered {
  email: string;
}

/**
 * Sign-up: name, e-mail, phone (optional) and a password with its rules explained before the
 * form is sent; the server's refusals go next to their fields, in the reader's language where
 * they are known. `onRegistered` hears the server's answer, the same for a new address and a taken
 * one (the server never says which).
 */
export function RegisterForm({ onRegistered }: { onRegistered: (account: Registered) => void }) {
  const { t, language } = useT();
  const rulesId = useId();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const apiError: ApiError | null = isApiError(error) ? error : null;
  const messages = (field: string) => fieldMessages(apiError, field, t, { min: MIN_PASSWORD_LENGTH });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const answer = await register({ email: email.trim(), password, name: name.trim(), phone: phone.trim(), language });
      onRegistered({ email: answer.email });
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  const fieldErrorsShown = apiError?.problem.errors.some((item) => item.field) ?? false;
  const formError = !error
    ? null
    : apiError?.status === 0
      ? t("common.offline")
      : apiError?.status === 429
        ? t("register.error.throttled")
        : fieldErrorsShown
          ? t("common.checkFields")
          : t("common.error");

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-5" aria-label={t("register.title")}>
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <Field
        id="register-name"
        label={t("auth.name")}
        name="name"
        autoComplete="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        errors={messages("name")}
      />
      <Field
        id="register-email"
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={messages("email")}
      />
      <Field
        id="register-phone"
        label={`${t("auth.phone")} (${t("common.optional")})`}
        hint={t("auth.phoneHint")}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        errors={messages("phone")}
      />
      <div className="flex flex-col gap-2">
        <Field
          id="register-password"
          label={t("auth.password")}
          name="password"
          type={showPassword ? "text" : "password"}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errors={messages("password")}
          describedBy={rulesId}
        />
        <div className="flex items-center gap-2">
          <Checkbox id="register-show" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
          <Label htmlFor="register-show" className="font-normal">
            {t("auth.showPassword")}
          </Label>
        </div>
        <PasswordRulesList id={rulesId} password={password} email={email} name={name} />
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("register.submit")}
      </Button>
    </form>
  );
}
