import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useT } from "@/lib/i18n";

import { accountKeys, updateMe, type Me } from "../api/account";

import { useFieldErrors } from "../hooks/use-field-errors";

import { Done, ErrorMessage } from "./form-message";

/** Name and phone number; a new number needs a new texted code (the page shows where it stands). */
export function DetailsForm({ me }: { me: Me }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [phone, setPhone] = useState(me.phone);
  const save = useMutation({
    mutationFn: () => updateMe({ name: name.trim(), phone: phone.trim() }),
    onSuccess: (user) => {
      queryClient.setQueryData(accountKeys.me, user);
      // The server's form of what was typed (a phone number is stored as +254...).
      setName(user.name);
      setPhone(user.phone);
    },
  });
  const fieldErrors = useFieldErrors(save.error);
  const changed = name.trim() !== me.name || phone.trim() !== me.phone;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed && !save.isPending) save.mutate();
  }

  const fields = [
    { id: "profile-name", field: "name", label: t("auth.name"), value: name, set: setName, autoComplete: "name", type: "text" },
    { id: "profile-phone", field: "phone", label: t("auth.phone"), value: phone, set: setPhone, autoComplete: "tel", type: "tel" },
  ];

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("account.details.title")}>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.isSuccess && !changed && <Done>{t("account.details.saved")}</Done>}
      {fields.map((item) => {
        const errors = fieldErrors(item.field);
        const hint = item.field === "phone" ? `${item.id}-hint` : null;
        return (
          <div key={item.id} className="flex flex-col gap-2">
            <Label htmlFor={item.id}>{item.label}</Label>
            <Input
              id={item.id}
              type={item.type}
              autoComplete={item.autoComplete}
              value={item.value}
              aria-invalid={errors.length ? true : undefined}
              aria-describedby={[hint, errors.length ? `${item.id}-error` : null].filter(Boolean).join(" ") || undefined}
              onChange={(event) => item.set(event.target.value)}
            />
            {hint && (
              <p id={hint} className="text-sm text-muted-foreground">
                {t("account.details.phoneHint")}
              </p>
            )}
            {errors.length > 0 && (
              <p id={`${item.id}-error`} className="text-sm text-destructive">
                {errors.join(" ")}
              </p>
            )}
          </div>
        );
      })}
      <Button type="submit" variant="outline" className="self-start" disabled={!changed || save.isPending}>
        {save.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("account.details.save")}
      </Button>
    </form>
  );
}
