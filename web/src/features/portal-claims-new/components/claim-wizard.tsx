import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Link } from "react-router";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { useT } from "@/lib/i18n";

import { claimDocumentsQuery, claimQuery, policiesQuery, type Claim, type Policy } from "../api/claim-new";
import { fileState } from "../files";
import { DATE_CODES, errorText } from "../error-text";
import { useClaimDraft } from "../hooks/use-claim-draft";
import {
  draftFromClaim,
  firstIncomplete,
  hasContent,
  nextStep,
  previousStep,
  STEPS,
  stepIndex,
  validateStep,
  vehicleText,
  type Step,
} from "../wizard";
import { FilesStep, type FilesSummary } from "./files-step";
import { PolicyStep, ReviewRow, WhatStep, WhenStep, WhereStep } from "./steps";

function localToday(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * "Report a claim": policy, when, where, what happened, files, review. What the customer types is
 * saved as typed (localStorage, per user); reaching the files step files the claim as a server
 * draft so files can attach to it; "Send" submits it and `onSubmitted` opens the claim.
 * `resumeId` (`?draft=<id>`) resumes a server draft started on another device.
 */
export function ClaimWizard({
  userId,
  resumeId,
  onSubmitted,
}: {
  userId: string;
  resumeId: string | null;
  onSubmitted: (claim: Claim) => void;
}) {
  const { t } = useT();
  const policies = useQuery(policiesQuery());
  const thirdPartyLabel = t("claimNew.what.thirdPartyLabel");
  const wizard = useClaimDraft(userId, thirdPartyLabel);
  const resumed = useQuery({ ...claimQuery(resumeId ?? ""), enabled: resumeId !== null });
  // Ask "continue or start again?" when the page opens on a draft with something in it.
  const [asked, setAsked] = useState(() => resumeId !== null || !hasContent(wizard.draft));
  const adopted = useRef(false);

  // `?draft=<id>`: the server draft becomes the wizard's draft (unless this device holds it already).
  useEffect(() => {
    if (adopted.current || !resumed.data || resumed.data.status !== "draft") return;
    adopted.current = true;
    if (wizard.draft.claimId !== resumed.data.id) wizard.replace(draftFromClaim(resumed.data, thirdPartyLabel));
  }, [resumed.data, wizard, thirdPartyLabel]);

  if (policies.isPending || (resumeId !== null && resumed.isPending)) return <Skeleton className="h-64 w-full" />;
  if (policies.isError) {
    return (
      <Alert variant="destructive">
        <AlertDescription>{errorText(t, policies.error)}</AlertDescription>
      </Alert>
    );
  }
  if (resumeId !== null && (resumed.isError || resumed.data?.status !== "draft")) {
    return (
      <Alert variant="destructive">
        <AlertDescription className="flex flex-col items-start gap-2">
          {resumed.isError ? errorText(t, resumed.error) : t("claimNew.resume.notDraft")}
          {resumed.data && (
            <Link to={`/claims/${resumed.data.id}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
              {t("claimNew.resume.openClaim")}
            </Link>
          )}
        </AlertDescription>
      </Alert>
    );
  }
  if (!asked) return <ResumePrompt wizard={wizard} onDone={() => setAsked(true)} />;
  return <WizardSteps wizard={wizard} policies={policies.data} onSubmitted={onSubmitted} />;
}

type Wizard = ReturnType<typeof useClaimDraft>;

function ResumePrompt({ wizard, onDone }: { wizard: Wizard; onDone: () => void }) {
  const { t, dateTime } = useT();
  const discard = useMutation({ mutationFn: wizard.discard, onSuccess: onDone });
  return (
    <section className="flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-sm" aria-labelledby="resume-title">
      <h2 id="resume-title" className="text-lg font-semibold">
        {t("claimNew.resume.title")}
      </h2>
      <p>{t("claimNew.resume.body", { date: dateTime(wizard.draft.savedAt) })}</p>
      {discard.isError && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(t, discard.error)}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="button" onClick={onDone} disabled={discard.isPending}>
          {t("claimNew.resume.continue")}
        </Button>
        <Button type="button" variant="outline" onClick={() => discard.mutate()} disabled={discard.isPending}>
          {discard.isPending ? t("claimNew.resume.withdrawing") : t("claimNew.resume.startAgain")}
        </Button>
      </div>
    </section>
  );
}

function WizardSteps({
  wizard,
  policies,
  onSubmitted,
}: {
  wizard: Wizard;
  policies: Policy[];
  onSubmitted: (claim: Claim) => void;
}) {
  const { t, dateTime } = useT();
  const id = useId();
  const { draft, update } = wizard;
  const active = useMemo(() => policies.filter((policy) => policy.status === "active"), [policies]);
  // The draft's policy even if it is no longer active (the checks then say so).
  const policy = policies.find((item) => item.id === draft.policyId);
  const [showErrors, setShowErrors] = useState(false);
  const [declared, setDeclared] = useState(false);
  const [files, setFiles] = useState<FilesSummary>({ count: 0, busy: false });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const now = new Date();
  const step = draft.step;

  const sync = useMutation({ mutationFn: wizard.sync });
  // The files on the draft, for the review (the files step may not have been opened on this visit).
  const documents = useQuery({ ...claimDocumentsQuery(draft.claimId ?? ""), enabled: step === "review" && draft.claimId !== null });
  const fileCount = documents.data?.filter((document) => fileState(document.scan_status) !== "refused").length ?? files.count;
  const submit = useMutation({ mutationFn: wizard.submit, onSuccess: onSubmitted });

  // The date is checked as typed (the other fields once "Continue" was pressed).
  const errors = validateStep(step, draft, policy, now);
  const shown = showErrors ? errors : step === "when" && draft.date && draft.time ? { date: errors.date } : {};

  function go(to: Step) {
    setShowErrors(false);
    sync.reset();
    submit.reset();
    update({ step: to });
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function next() {
    if (Object.keys(errors).length > 0) {
      setShowErrors(true);
      return;
    }
    const to = nextStep(step);
    // Files attach to a server draft: filing it (or bringing it up to date) comes first.
    if (to === "files" || to === "review") {
      sync.mutate(undefined, { onSuccess: () => go(to) });
      return;
    }
    go(to);
  }

  function send() {
    const missing = firstIncomplete(draft, policy, now, "review");
    if (missing) {
      go(missing);
      setShowErrors(true);
      return;
    }
    if (!declared) {
      setShowErrors(true);
      return;
    }
    submit.mutate();
  }

  // Back on the files step after a reload: the server draft is brought up to date quietly.
  useEffect(() => {
    if (step === "files" && !draft.claimId && !sync.isPending && !sync.isError) sync.mutate();
  }, [step, draft.claimId, sync]);

  const failure = sync.error ?? submit.error;
  const dateRefused = isApiError(failure) && DATE_CODES.has(failure.code);
  const index = stepIndex(step);

  return (
    <div className="flex flex-col gap-5">
      <nav aria-label={t("claimNew.stepsLabel")}>
        <ol className="flex gap-1" role="list">
          {STEPS.map((item, position) => (
            <li
              key={item}
              className={`h-1.5 flex-1 rounded-full ${position <= index ? "bg-primary" : "bg-muted"}`}
              aria-current={item === step ? "step" : undefined}
            >
              <span className="sr-only">{t(`claimNew.step.${item}`)}</span>
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={headingRef} tabIndex={-1} className="text-sm font-medium text-muted-foreground outline-none" data-testid="wizard-step">
        {t("claimNew.progress", { current: String(index + 1), total: String(STEPS.length), name: t(`claimNew.step.${step}`) })}
      </h2>

      {step === "policy" &&
        (active.length === 0 && !draft.policyId ? (
          <Alert>
            <AlertDescription className="flex flex-col items-start gap-2">
              {t("claimNew.policy.none")}
              <Link to="/quote" className={buttonVariants({ size: "sm" })}>
                {t("claimNew.policy.buy")}
              </Link>
            </AlertDescription>
          </Alert>
        ) : (
          <PolicyStep
            draft={draft}
            update={update}
            errors={shown}
            policy={policy}
            policies={policy && !active.includes(policy) ? [policy, ...active] : active}
            locked={draft.claimId !== null}
          />
        ))}
      {step === "when" && <WhenStep draft={draft} update={update} errors={shown} policy={policy} today={localToday(now)} />}
      {step === "where" && <WhereStep draft={draft} update={update} errors={shown} policy={policy} />}
      {step === "what" && <WhatStep draft={draft} update={update} errors={shown} policy={policy} />}
      {step === "files" &&
        (draft.claimId ? (
          <FilesStep claimId={draft.claimId} onChange={setFiles} />
        ) : (
          <p className="text-muted-foreground" aria-live="polite">
            {sync.isError ? null : t("claimNew.files.filing")}
          </p>
        ))}
      {step === "review" && (
        <section className="flex flex-col gap-3" aria-labelledby={`${id}-review`}>
          <h3 id={`${id}-review`} className="text-lg font-semibold">
            {t("claimNew.review.title")}
          </h3>
          <div className="rounded-xl border bg-card px-4">
            <ReviewRow label={t("claimNew.review.policy")} onEdit={() => go("policy")}>
              {policy ? `${policy.policy_number} · ${vehicleText(policy, t("claimNew.policy.noVehicle"))}` : ""}
            </ReviewRow>
            <ReviewRow label={t("claimNew.review.when")} onEdit={() => go("when")}>
              {dateTime(new Date(`${draft.date}T${draft.time}`))}
            </ReviewRow>
            <ReviewRow label={t("claimNew.review.where")} onEdit={() => go("where")}>
              <span data-content>{draft.address}</span>
            </ReviewRow>
            <ReviewRow label={t("claimNew.review.what")} onEdit={() => go("what")}>
              <span data-content>{draft.description}</span>
            </ReviewRow>
            <ReviewRow label={t("claimNew.review.injury")} onEdit={() => go("what")}>
              {draft.injury ? t("claimNew.yes") : t("claimNew.no")}
            </ReviewRow>
            <ReviewRow label={t("claimNew.review.thirdParty")} onEdit={() => go("what")}>
              {draft.thirdParty ? <span data-content>{draft.thirdPartyDetails}</span> : t("claimNew.no")}
            </ReviewRow>
            <ReviewRow label={t("claimNew.review.police")} onEdit={() => go("what")}>
              {draft.policeReference ? <span data-content>{draft.policeReference}</span> : t("common.none")}
            </ReviewRow>
            <ReviewRow label={t("claimNew.review.files")} onEdit={() => go("files")}>
              {t("claimNew.review.filesCount", { count: String(fileCount) })}
            </ReviewRow>
          </div>
          <div className="flex items-start gap-2">
            <Checkbox
              id={`${id}-declare`}
              checked={declared}
              onChange={(event) => setDeclared(event.target.checked)}
              aria-describedby={showErrors && !declared ? `${id}-declare-error` : undefined}
            />
            <Label htmlFor={`${id}-declare`} className="font-normal">
              {t("claimNew.review.declaration")}
            </Label>
          </div>
          {showErrors && !declared && (
            <p id={`${id}-declare-error`} className="text-sm text-destructive">
              {t("claimNew.error.declaration")}
            </p>
          )}
        </section>
      )}

      <div aria-live="polite">
        {failure && (
          <Alert variant="destructive" data-testid="wizard-error">
            <AlertTitle className="sr-only">{t("common.error")}</AlertTitle>
            <AlertDescription className="flex flex-col items-start gap-2">
              {errorText(t, failure)}
              {dateRefused && step !== "when" && (
                <Button type="button" variant="outline" size="sm" onClick={() => go("when")}>
                  {t("claimNew.review.edit", { section: t("claimNew.review.when") })}
                </Button>
              )}
              {step === "files" && !draft.claimId && (
                <Button type="button" variant="outline" size="sm" onClick={() => sync.mutate()}>
                  {t("common.retry")}
                </Button>
              )}
            </AlertDescription>
          </Alert>
        )}
        {step === "files" && files.busy && <p className="text-sm text-muted-foreground">{t("claimNew.files.waitUploads")}</p>}
      </div>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        {index > 0 ? (
          <Button
            type="button"
            variant="outline"
            onClick={() => go(previousStep(step))}
            disabled={submit.isPending || (step === "files" && files.busy)}
          >
            {t("claimNew.back")}
          </Button>
        ) : (
          <span />
        )}
        {step === "review" ? (
          <Button type="button" size="lg" onClick={send} disabled={submit.isPending}>
            {submit.isPending ? t("claimNew.submitting") : t("claimNew.submit")}
          </Button>
        ) : (
          <Button
            type="button"
            size="lg"
            onClick={next}
            disabled={sync.isPending || (step === "files" && (!draft.claimId || files.busy)) || (step === "policy" && active.length === 0 && !draft.policyId)}
          >
            {sync.isPending ? t("claimNew.saving") : t("claimNew.next")}
          </Button>
        )}
      </div>
      <p className="text-xs text-muted-foreground" aria-live="off">
        {draft.claimId ? t("claimNew.savedServer") : t("claimNew.savedLocally")}
      </p>
    </div>
  );
}
