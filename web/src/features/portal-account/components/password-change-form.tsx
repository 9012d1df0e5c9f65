import { useMutation } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useId, useState, type FormEvent, type ReactNode } from "react";


import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { changePassword } from "../api/account";

import { useFieldErrors } from "../hooks/use-field-errors";

import { ErrorMessage } from "./form-message";

const MIN_LENGTH = 10;

function PasswordInput({
  id,
  label,
  value,
  onChange,
  show,
  autoComplete,
  errors,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  show: boolean;
  autoComplete: string;
  errors: string[];
  describedBy?: string;
}) {
  const errorId = `${id}-error`;
  const described = [describedBy, errors.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type={show ? "text" : "password"}
        autoComplete={autoComplete}
        value={value}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {errors.length > 0 && (
        <div id={errorId} className="text-sm text-destructive">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Change the password: the current one, then a new one with the rules explained before it is
 * sent (`rules` renders them for what is typed: the page passes the sign-up's list). Every
 * session ends when it changes, this one too, so `onChanged` signs the customer out.
 */
export function PasswordChangeForm({
  rules,
  onChanged,
}: {
  rules: (password: string, id: string) => ReactNode;
  onChanged: () => void;
}) {
  const { t } = useT();
  const rulesId = useId();
  const [oldPassword, setOldPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [show, setShow] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword({ old_password: oldPassword, new_password: newPassword }),
    onSuccess: onChanged,
    // A refusal about one field is said next to it: take the customer there.
    onError: (error) => {
      if (!isApiError(error)) return;
      const toOld = error.code === "wrong_password" || error.problem.errors.some((item) => item.field === "old_password");
      const toNew = error.problem.errors.some((item) => item.field === "new_password");
      if (toOld || toNew) document.getElementById(toOld ? "password-old" : "password-new")?.focus();
    },
  });
  const fieldErrors = useFieldErrors(change.error, { min: MIN_LENGTH });
  const wrongPassword = isApiError(change.error) && change.error.code === "wrong_password";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!change.isPending) change.mutate();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={t("account.password.title")}>
      <p className="text-sm text-muted-foreground">{t("account.password.intro")}</p>
      {change.isError && !wrongPassword && <ErrorMessage error={change.error} />}
      <PasswordInput
        id="password-old"
        label={t("account.password.current")}
        value={oldPassword}
        onChange={setOldPassword}
        show={show}
        autoComplete="current-password"
        errors={[...fieldErrors("old_password"), ...(wrongPassword ? [t("account.error.wrongPassword")] : [])]}
      />
      <PasswordInput
        id="password-new"
        label={t("account.password.new")}
        value={newPassword}
        onChange={setNewPassword}
        show={show}
        autoComplete="new-password"
        errors={fieldErrors("new_password")}
        describedBy={rulesId}
      />
      {rules(newPassword, rulesId)}
      <label htmlFor="password-show" className="flex items-center gap-2 text-sm">
        <Checkbox id="password-show" checked={show} onChange={(event) => setShow(event.target.checked)} />
        {t("auth.showPassword")}
      </label>
      <Button type="submit" className="self-start" disabled={change.isPending || !oldPassword || !newPassword}>
        {change.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("account.password.submit")}
      </Button>
    </form>
  );
}
