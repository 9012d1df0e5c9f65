import { useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n";

import { documentsQuery, type Claim, type ClaimDocument, type ScanStatus } from "../api/claims";
import { documentKindKey } from "../document-kind";

const SCAN_TONE: Record<ScanStatus, "default" | "secondary" | "destructive" | "outline"> = {
  pending: "secondary",
  clean: "default",
  infected: "destructive",
  unscanned: "outline",
  error: "destructive",
};

/** The documents the customer added to the claim, each with its virus scan's state in words. */
export function ClaimDocuments({ claim }: { claim: Claim }) {
  const { t } = useT();
  const documents = useQuery(documentsQuery(claim.id));
  return (
    <section aria-labelledby="claim-documents" className="flex flex-col gap-3">
      <h2 id="claim-documents" className="text-lg font-semibold">
        {t("claims.documents.title")}
      </h2>
      {documents.isPending && <Skeleton className="h-16 w-full" />}
      {documents.isError && <p className="text-sm text-destructive">{t("common.error")}</p>}
      {documents.data?.length === 0 && <p className="text-sm text-muted-foreground">{t("claims.documents.empty")}</p>}
      {documents.data && documents.data.length > 0 && (
        <ul className="flex flex-col gap-2">
          {documents.data.map((document) => (
            <DocumentRow key={document.id} document={document} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentRow({ document }: { document: ClaimDocument }) {
  const { t, date } = useT();
  const kindKey = documentKindKey(document.kind);
  const kind = kindKey ? t(kindKey) : null;
  return (
    <li className="flex items-start gap-3 rounded-lg border p-3" data-document={document.id}>
      <FileText className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="truncate font-medium" data-content>
          {document.filename}
        </span>
        <span className="text-xs text-muted-foreground">
          {[kind, date(document.upload_date)].filter(Boolean).join(" · ")}
        </span>
        <Badge variant={SCAN_TONE[document.scan_status]} className="self-start" data-scan={document.scan_status}>
          {t(`claims.documents.scan.${document.scan_status}`)}
        </Badge>
      </span>
    </li>
  );
}
