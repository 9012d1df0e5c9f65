import { LocateFixed, Search } from "lucide-react";
import { useId, useState, type ReactNode } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useT, type MessageKey } from "@/lib/i18n";

import { addressAt, searchAddress, type Policy } from "../api/claim-new";
import { coordinate, vehicleText, type ClaimDraft, type FieldError, type StepErrors } from "../wizard";

export interface StepProps {
  draft: ClaimDraft;
  update: (patch: Partial<ClaimDraft>) => void;
  errors: StepErrors;
  policy: Policy | undefined;
}

/** An error message under a field, tied to it by id (`aria-describedby`). */
export function FieldMessage({ id, error, policy }: { id: string; error: FieldError | undefined; policy?: Policy }) {
  const { t, date } = useT();
  if (!error) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {t(`claimNew.error.${error}` as MessageKey, {
        start: date(policy?.start_date),
        end: date(policy?.end_date),
      })}
    </p>
  );
}

function described(id: string, error: FieldError | undefined) {
  return error ? { "aria-invalid": true, "aria-describedby": id } : {};
}

export function PolicyStep({ draft, update, errors, policies, locked }: StepProps & { policies: Policy[]; locked: boolean }) {
  const { t, date } = useT();
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors.policy ? `${id}-error` : undefined}>
      <legend className="mb-1 text-lg font-semibold">{t("claimNew.policy.title")}</legend>
      <p className="text-sm text-muted-foreground">{locked ? t("claimNew.policy.locked") : t("claimNew.policy.help")}</p>
      {policies.map((policy) => (
        <label
          key={policy.id}
          className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:disabled]:cursor-default"
        >
          <input
            type="radio"
            name={`${id}-policy`}
            value={policy.id}
            checked={draft.policyId === policy.id}
            disabled={locked && draft.policyId !== policy.id}
            onChange={() => update({ policyId: policy.id })}
            className="mt-1 size-4 accent-primary"
          />
          <span className="flex flex-col">
            <span className="font-medium">
              {policy.product} · {policy.policy_number}
            </span>
            <span className="text-sm">
              {t("claimNew.policy.vehicle", { vehicle: vehicleText(policy, t("claimNew.policy.noVehicle")) })}
            </span>
            <span className="text-sm text-muted-foreground">
              {t("claimNew.policy.cover", { start: date(policy.start_date), end: date(policy.end_date) })}
            </span>
          </span>
        </label>
      ))}
      <FieldMessage id={`${id}-error`} error={errors.policy} />
    </fieldset>
  );
}

export function WhenStep({ draft, update, errors, policy, today }: StepProps & { today: string }) {
  const { t, date } = useT();
  const id = useId();
  const dateError = errors.date;
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-1 text-lg font-semibold">{t("claimNew.when.title")}</legend>
      {policy && (
        <p className="text-sm text-muted-foreground">
          {t("claimNew.when.help", { start: date(policy.start_date), end: date(policy.end_date) })}
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-date`}>{t("claimNew.when.date")}</Label>
          <Input
            id={`${id}-date`}
            type="date"
            max={today}
            value={draft.date}
            onChange={(event) => update({ date: event.target.value })}
            {...described(`${id}-date-error`, dateError)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-time`}>{t("claimNew.when.time")}</Label>
          <Input
            id={`${id}-time`}
            type="time"
            value={draft.time}
            onChange={(event) => update({ time: event.target.value })}
            {...described(`${id}-time-error`, errors.time)}
          />
        </div>
      </div>
      <div aria-live="polite" className="flex flex-col gap-1">
        <FieldMessage id={`${id}-date-error`} error={dateError} policy={policy} />
        <FieldMessage id={`${id}-time-error`} error={errors.time} />
        {!dateError && !errors.time && draft.date && draft.time && (
          <p className="text-sm text-muted-foreground">{t("claimNew.when.ok")}</p>
        )}
      </div>
    </fieldset>
  );
}

type PlaceNote = { kind: "info" | "warn"; key: MessageKey; vars?: Record<string, string> } | null;

export function WhereStep({ draft, update, errors }: StepProps) {
  const { t } = useT();
  const id = useId();
  const [busy, setBusy] = useState<"search" | "locate" | null>(null);
  const [note, setNote] = useState<PlaceNote>(null);

  async function search() {
    const q = draft.address.trim();
    if (!q) return;
    setBusy("search");
    setNote(null);
    try {
      const answer = await searchAddress(q);
      if (answer.status === "ok") {
        update({
          address: answer.place.display_name || q,
          latitude: coordinate(answer.place.latitude),
          longitude: coordinate(answer.place.longitude),
        });
        setNote({ kind: "info", key: "claimNew.where.found", vars: { place: answer.place.display_name || q } });
      } else {
        setNote({ kind: "warn", key: answer.status === "not_found" ? "claimNew.where.notFound" : "claimNew.where.unavailable" });
      }
    } catch {
      setNote({ kind: "warn", key: "claimNew.where.unavailable" });
    } finally {
      setBusy(null);
    }
  }

  function locate() {
    if (!("geolocation" in navigator)) {
      setNote({ kind: "warn", key: "claimNew.where.locationUnsupported" });
      return;
    }
    setBusy("locate");
    setNote(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const latitude = coordinate(position.coords.latitude);
        const longitude = coordinate(position.coords.longitude);
        update({ latitude, longitude });
        addressAt(position.coords.latitude, position.coords.longitude)
          .then((answer) => {
            if (answer.status === "ok" && answer.place.display_name) {
              update({ address: answer.place.display_name, latitude, longitude });
              setNote({ kind: "info", key: "claimNew.where.found", vars: { place: answer.place.display_name } });
            } else {
              setNote({ kind: "warn", key: "claimNew.where.reverseUnavailable" });
            }
          })
          .catch(() => setNote({ kind: "warn", key: "claimNew.where.reverseUnavailable" }))
          .finally(() => setBusy(null));
      },
      (error) => {
        setBusy(null);
        setNote({
          kind: "warn",
          key: error.code === error.PERMISSION_DENIED ? "claimNew.where.locationDenied" : "claimNew.where.locationFailed",
        });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-1 text-lg font-semibold">{t("claimNew.where.title")}</legend>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-address`}>{t("claimNew.where.address")}</Label>
        <Input
          id={`${id}-address`}
          value={draft.address}
          autoComplete="off"
          onChange={(event) =>
            // a typed address no longer matches the point found before
            update({ address: event.target.value, latitude: "", longitude: "" })
          }
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void search();
            }
          }}
          {...described(`${id}-address-error`, errors.address)}
        />
        <FieldMessage id={`${id}-address-error`} error={errors.address} />
        <p className="text-sm text-muted-foreground">{t("claimNew.where.addressHelp")}</p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="button" variant="outline" onClick={() => void search()} disabled={busy !== null || !draft.address.trim()}>
          <Search aria-hidden="true" />
          {busy === "search" ? t("claimNew.where.searching") : t("claimNew.where.search")}
        </Button>
        <Button type="button" variant="outline" onClick={locate} disabled={busy !== null}>
          <LocateFixed aria-hidden="true" />
          {busy === "locate" ? t("claimNew.where.locating") : t("claimNew.where.useLocation")}
        </Button>
      </div>
      <div aria-live="polite">
        {note && (
          <Alert variant={note.kind === "warn" ? "destructive" : "default"}>
            <AlertDescription>{t(note.key, note.vars)}</AlertDescription>
          </Alert>
        )}
      </div>
      {(draft.address.trim() || draft.latitude) && (
        <div className="rounded-lg border bg-muted/40 p-3 text-sm" data-testid="resolved-place">
          <p className="font-medium">{t("claimNew.where.resolved")}</p>
          {draft.address.trim() && <p data-content>{draft.address}</p>}
          {draft.latitude && draft.longitude && (
            <p className="text-muted-foreground">
              {t("claimNew.where.coordinates", { lat: draft.latitude, lon: draft.longitude })}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}

function YesNo({ legend, value, onChange }: { legend: string; value: boolean; onChange: (value: boolean) => void }) {
  const { t } = useT();
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex gap-4">
        {[true, false].map((option) => (
          <label key={String(option)} className="flex items-center gap-2">
            <input
              type="radio"
              name={id}
              checked={value === option}
              onChange={() => onChange(option)}
              className="size-4 accent-primary"
            />
            {option ? t("claimNew.yes") : t("claimNew.no")}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function WhatStep({ draft, update, errors }: StepProps) {
  const { t } = useT();
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-1 text-lg font-semibold">{t("claimNew.what.title")}</legend>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-description`}>{t("claimNew.what.description")}</Label>
        <Textarea
          id={`${id}-description`}
          rows={5}
          maxLength={4000}
          value={draft.description}
          onChange={(event) => update({ description: event.target.value })}
          {...described(`${id}-description-error`, errors.description)}
        />
        <FieldMessage id={`${id}-description-error`} error={errors.description} />
        <p className="text-sm text-muted-foreground">{t("claimNew.what.descriptionHelp")}</p>
      </div>
      <YesNo legend={t("claimNew.what.injury")} value={draft.injury} onChange={(injury) => update({ injury })} />
      <YesNo
        legend={t("claimNew.what.thirdParty")}
        value={draft.thirdParty}
        onChange={(thirdParty) => update({ thirdParty })}
      />
      {draft.thirdParty && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-other`}>{t("claimNew.what.thirdPartyDetails")}</Label>
          <Textarea
            id={`${id}-other`}
            rows={3}
            maxLength={800}
            value={draft.thirdPartyDetails}
            onChange={(event) => update({ thirdPartyDetails: event.target.value })}
            {...described(`${id}-other-error`, errors.thirdPartyDetails)}
          />
          <FieldMessage id={`${id}-other-error`} error={errors.thirdPartyDetails} />
          <p className="text-sm text-muted-foreground">{t("claimNew.what.thirdPartyHelp")}</p>
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-police`}>
          {t("claimNew.what.police")} <span className="font-normal text-muted-foreground">({t("common.optional")})</span>
        </Label>
        <Input
          id={`${id}-police`}
          maxLength={64}
          value={draft.policeReference}
          onChange={(event) => update({ policeReference: event.target.value })}
          {...described(`${id}-police-error`, errors.policeReference)}
        />
        <FieldMessage id={`${id}-police-error`} error={errors.policeReference} />
        <p className="text-sm text-muted-foreground">{t("claimNew.what.policeHelp")}</p>
      </div>
    </fieldset>
  );
}

/** One line of the review: what was said, and a button back to the step that says it. */
export function ReviewRow({ label, onEdit, children }: { label: string; onEdit: () => void; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="flex items-start justify-between gap-3 border-b py-3 last:border-b-0">
      <dl className="min-w-0">
        <dt className="text-sm text-muted-foreground">{label}</dt>
        <dd className="break-words whitespace-pre-line">{children}</dd>
      </dl>
      <Button type="button" variant="link" size="sm" className="shrink-0" onClick={onEdit} aria-label={t("claimNew.review.edit", { section: label })}>
        {t("claimNew.review.change")}
      </Button>
    </div>
  );
}
