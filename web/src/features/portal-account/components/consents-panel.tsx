import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useT, type MessageKey } from "@/lib/i18n";

import { accountKeys, consentsQuery, setConsent, type Consent, type Purpose } from "../api/account";

import { ErrorMessage } from "./form-message";

const PURPOSES: Record<Purpose, { title: MessageKey; meaning: MessageKey }> = {
  marketing: { title: "account.consent.marketing.title", meaning: "account.consent.marketing.meaning" },
  partner_sharing: { title: "account.consent.partner_sharing.title", meaning: "account.consent.partner_sharing.meaning" },
  analytics: { title: "account.consent.analytics.title", meaning: "account.consent.analytics.meaning" },
  telematics: { title: "account.consent.telematics.title", meaning: "account.consent.telematics.meaning" },
};

function ConsentRow({ consent }: { consent: Consent }) {
  const { t, dateTime } = useT();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (granted: boolean) => setConsent(consent.purpose, granted),
    onSuccess: (consents) => queryClient.setQueryData(accountKeys.consents, consents),
  });
  const words = PURPOSES[consent.purpose];
  const headingId = `consent-${consent.purpose}`;
  return (
    <li aria-labelledby={headingId} data-consent={consent.purpose} className="flex flex-col gap-2 border-b pb-3 last:border-b-0">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-medium">
          {t(words.title)}
        </h3>
        <Badge variant={consent.granted ? "default" : "secondary"}>
          {t(consent.granted ? "account.consent.granted" : "account.consent.notGranted")}
        </Badge>
      </div>
      <p className="text-sm text-muted-foreground">{t(words.meaning)}</p>
      <p className="text-xs text-muted-foreground">
        {consent.updated_at
          ? t(consent.granted ? "account.consent.grantedOn" : "account.consent.withdrawnOn", { date: dateTime(consent.updated_at) })
          : t("account.consent.neverAsked")}
      </p>
      {change.isError && <ErrorMessage error={change.error} />}
      <Button
        variant={consent.granted ? "outline" : "default"}
        size="sm"
        className="self-start"
        disabled={change.isPending}
        onClick={() => change.mutate(!consent.granted)}
      >
        {change.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t(consent.granted ? "account.consent.withdraw" : "account.consent.grant")}
        <span className="sr-only">: {t(words.title)}</span>
      </Button>
    </li>
  );
}

/** What each consent allows, whether it is given and since when, and the button to change it. */
export function ConsentsPanel() {
  const consents = useQuery(consentsQuery());
  if (consents.isError) return <ErrorMessage error={consents.error} />;
  if (!consents.data) return <Skeleton className="h-40 w-full" />;
  return (
    <ul className="flex flex-col gap-3">
      {consents.data.map((consent) => (
        <ConsentRow key={consent.purpose} consent={consent} />
      ))}
    </ul>
  );
}
