import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/lib/i18n";

import { accountKeys, privacyRequestsQuery, requestErasure } from "../api/account";
import { ERASURE_MESSAGES, erasureOpen, erasureState, holdReasons, latestRequest } from "../privacy-status";

import { ErrorMessage } from "./form-message";

/**
 * "Erase my data": what goes and what the law makes us keep, said before anything is sent; the
 * customer confirms by typing the confirmation word (the API asks for no password); then the
 * request's state (waiting for our decision, held and why, done or declined).
 */
export function ErasurePanel() {
  const { t, dateTime } = useT();
  const queryClient = useQueryClient();
  const requests = useQuery(privacyRequestsQuery());
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const ask = useMutation({
    mutationFn: () => requestErasure(reason.trim()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.privacyRequests }),
    onSuccess: () => {
      setTyped("");
      setReason("");
    },
  });
  const latest = latestRequest(requests.data ?? [], "erasure");
  const state = erasureState(latest);
  const word = t("account.erasure.confirmWord");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typed.trim().toLocaleUpperCase() !== word.toLocaleUpperCase()) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    ask.mutate();
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-2 text-sm">
        <p className="font-medium">{t("account.erasure.erasedTitle")}</p>
        <ul className="ml-5 list-disc">
          <li>{t("account.erasure.erased.profile")}</li>
          <li>{t("account.erasure.erased.claims")}</li>
          <li>{t("account.erasure.erased.rest")}</li>
        </ul>
        <p className="font-medium">{t("account.erasure.keptTitle")}</p>
        <ul className="ml-5 list-disc">
          <li>{t("account.erasure.kept.policies")}</li>
          <li>{t("account.erasure.kept.payments")}</li>
          <li>{t("account.erasure.kept.audit")}</li>
        </ul>
        <p>{t("account.erasure.after")}</p>
      </div>

      {latest && state !== "none" && (
        <div role="status" data-erasure-state={state} className="flex flex-col gap-1 rounded-md border bg-muted/40 p-3 text-sm">
          <p className="font-medium">{t(ERASURE_MESSAGES[state], { date: dateTime(latest.created_at) })}</p>
          {state === "held" && (
            <ul className="ml-5 list-disc">
              {holdReasons(latest).map((reason) =>
                reason.key ? (
                  <li key={reason.text}>{t(reason.key, reason.vars)}</li>
                ) : (
                  <li key={reason.text} data-content>
                    {reason.text}
                  </li>
                ),
              )}
            </ul>
          )}
          {state === "rejected" && latest.error && (
            <p data-content className="text-muted-foreground">
              {latest.error}
            </p>
          )}
        </div>
      )}

      {!erasureOpen(state) && requests.data && (
        <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("account.erasure.title")}>
          <div className="flex flex-col gap-2">
            <Label htmlFor="erasure-reason">
              {t("account.erasure.reason")} <span className="text-muted-foreground">({t("common.optional")})</span>
            </Label>
            <Textarea id="erasure-reason" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="erasure-confirm">{t("account.erasure.confirmLabel", { word })}</Label>
            <Input
              id="erasure-confirm"
              autoComplete="off"
              autoCapitalize="characters"
              value={typed}
              aria-invalid={mismatch || undefined}
              aria-describedby={mismatch ? "erasure-confirm-error" : undefined}
              onChange={(event) => setTyped(event.target.value)}
            />
            {mismatch && (
              <p id="erasure-confirm-error" className="text-sm text-destructive">
                {t("account.erasure.confirmMismatch", { word })}
              </p>
            )}
          </div>
          {ask.isError && <ErrorMessage error={ask.error} />}
          <Button type="submit" variant="destructive" className="self-start" disabled={ask.isPending}>
            {ask.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
            {t("account.erasure.submit")}
          </Button>
        </form>
      )}
    </div>
  );
}
