import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { useT, type MessageKey } from "@/lib/i18n";

import { accountKeys, preferencesQuery, savePreferences, type Channel, type Topic } from "../api/account";
import { CHANNELS, changedPreferences, draftFrom, preferenceKey, shownTopics, withChoice, type PreferenceDraft } from "../preferences";

import { Done, ErrorMessage } from "./form-message";

const CHANNEL_LABELS: Record<Channel, MessageKey> = {
  in_app: "account.channel.in_app",
  email: "account.channel.email",
  sms: "account.channel.sms",
};

const TOPIC_LABELS: Record<Topic, MessageKey> = {
  claim_updates: "account.topic.claim_updates",
  assessment_updates: "account.topic.assessment_updates",
  payments: "account.topic.payments",
  policy_renewals: "account.topic.policy_renewals",
  documents: "account.topic.documents",
  security: "account.topic.security",
  marketing: "account.topic.marketing",
  assignments: "account.topic.staff",
  alerts: "account.topic.staff",
};

/**
 * Per topic, the channels that carry it (in the app, e-mail, SMS): ticked and saved together;
 * only what changed is sent, and the page shows the server's answer.
 */
export function PreferencesForm() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const matrix = useQuery(preferencesQuery());
  const [draft, setDraft] = useState<PreferenceDraft | null>(null);
  const save = useMutation({
    mutationFn: savePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.preferences, saved);
      setDraft(null);
    },
  });

  if (matrix.isError) return <ErrorMessage error={matrix.error} />;
  if (!matrix.data) return <Skeleton className="h-40 w-full" />;
  const current = draft ?? draftFrom(matrix.data);
  const changes = changedPreferences(matrix.data, current);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changes.length) save.mutate(changes);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label={t("account.prefs.title")}>
      {shownTopics(matrix.data).map((topic) => (
        <fieldset key={topic} className="flex flex-col gap-2 border-b pb-3 last:border-b-0">
          <legend className="mb-1 text-sm font-medium">{t(TOPIC_LABELS[topic])}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {CHANNELS.map((channel) => {
              const id = `pref-${channel}-${topic}`;
              return (
                <label key={channel} htmlFor={id} className="flex min-h-9 items-center gap-2 text-sm">
                  <Checkbox
                    id={id}
                    className="size-5"
                    checked={current[preferenceKey(channel, topic)] ?? false}
                    onChange={(event) => {
                      save.reset();
                      setDraft(withChoice(current, channel, topic, event.target.checked));
                    }}
                  />
                  {t(CHANNEL_LABELS[channel])}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p className="text-sm text-muted-foreground">{t("account.prefs.smsNote")}</p>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.isSuccess && <Done>{t("account.prefs.saved")}</Done>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={!changes.length || save.isPending}>
          {save.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          {t("account.prefs.save")}
        </Button>
        {changes.length > 0 && (
          <Button type="button" variant="ghost" onClick={() => setDraft(null)}>
            {t("account.prefs.undo")}
          </Button>
        )}
      </div>
    </form>
  );
}
