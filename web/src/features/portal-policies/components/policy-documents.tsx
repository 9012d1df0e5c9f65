import { useMutation } from "@tanstack/react-query";
import { FileDown } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";

import { downloadPolicyDocument, type Policy, type PolicyDocument } from "../api/policies";
import { errorText } from "../error-text";

/**
 * The policy's documents, made by the server on request: the policy schedule (always) and the
 * certificate of insurance (an active motor policy, `certificate_available`).
 */
export function PolicyDocuments({ policy }: { policy: Policy }) {
  const { t } = useT();
  const download = useMutation({
    mutationFn: (document_: PolicyDocument) =>
      downloadPolicyDocument(
        policy.id,
        document_,
        document_ === "schedule" ? `${policy.policy_number}-schedule.pdf` : `${policy.certificate_number}.pdf`,
      ),
  });
  const documents: { kind: PolicyDocument; label: string; help: string }[] = [
    { kind: "schedule", label: t("policies.documents.schedule"), help: t("policies.documents.scheduleHelp") },
  ];
  if (policy.certificate_available) {
    documents.push({
      kind: "certificate",
      label: t("policies.documents.certificate"),
      help: t("policies.documents.certificateHelp", { number: policy.certificate_number }),
    });
  }
  return (
    <section aria-labelledby="documents-heading" className="flex flex-col gap-2">
      <h2 id="documents-heading" className="text-lg font-semibold">
        {t("policies.documents")}
      </h2>
      <ul className="flex flex-col divide-y rounded-lg border">
        {documents.map((item) => (
          <li key={item.kind} className="flex items-center justify-between gap-3 px-3 py-2">
            <span className="flex flex-col">
              <span className="font-medium">{item.label}</span>
              <span className="text-sm text-muted-foreground">{item.help}</span>
            </span>
            <Button
              variant="outline"
              size="sm"
              onClick={() => download.mutate(item.kind)}
              disabled={download.isPending}
              aria-label={t("policies.documents.download", { name: item.label })}
            >
              <FileDown aria-hidden="true" />
              {t("policies.documents.downloadShort")}
            </Button>
          </li>
        ))}
      </ul>
      {!policy.certificate_available && policy.category === "motor" && (
        <p className="text-sm text-muted-foreground">{t("policies.documents.certificateWhenActive")}</p>
      )}
      {download.isError && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(t, download.error)}</AlertDescription>
        </Alert>
      )}
    </section>
  );
}
