import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, Upload } from "lucide-react";
import { useState, type ChangeEvent } from "react";

import { buttonVariants } from "@/components/ui/button-variants";
import { Progress } from "@/components/ui/progress";
import { useT } from "@/lib/i18n";
import { isResumable, uploadErrorKey } from "@/lib/upload/errors";
import { uploadResumable } from "@/lib/upload/resumable";

import { claimKeys, documentRequestsQuery, type Claim, type DocumentRequest } from "../api/claims";
import { documentKindKey } from "../document-kind";

/**
 * The documents the claims team asked for: each open request with the team's note and a way to
 * upload it (a resumable upload: on a weak connection it carries on where it stopped), and the
 * ones already received. Uploading a document of the kind fulfils the request on the server.
 */
export function DocumentRequests({ claim }: { claim: Claim }) {
  const { t } = useT();
  const requests = useQuery(documentRequestsQuery(claim.id));
  const shown = (requests.data ?? []).filter((request) => request.state !== "cancelled");
  if (!requests.data || shown.length === 0) return null;
  return (
    <section
      aria-labelledby="claim-document-requests"
      className="flex flex-col gap-3 rounded-xl border-2 border-primary/40 bg-card p-4"
      data-testid="document-requests"
    >
      <h2 id="claim-document-requests" className="text-lg font-semibold">
        {t("claims.documents.requestedTitle")}
      </h2>
      <ul className="flex flex-col gap-3">
        {shown.map((request) => (
          <RequestRow key={request.id} claim={claim} request={request} />
        ))}
      </ul>
    </section>
  );
}

function RequestRow({ claim, request }: { claim: Claim; request: DocumentRequest }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [lastFile, setLastFile] = useState<File | null>(null);
  const kindKey = documentKindKey(request.kind);
  const name = kindKey ? t(kindKey) : request.kind;

  async function upload(file: File) {
    setLastFile(file);
    setFailure(null);
    setSent(false);
    setProgress(0);
    try {
      await uploadResumable({
        file,
        claimId: claim.id,
        documentType: request.kind,
        onProgress: (done, total) => setProgress(total > 0 ? Math.round((done / total) * 100) : 0),
      });
      setSent(true);
      await queryClient.invalidateQueries({ queryKey: claimKeys.all(claim.id) });
    } catch (error) {
      setFailure(error);
    } finally {
      setProgress(null);
    }
  }

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ""; // the same file may be picked again after a failure
    if (file) void upload(file);
  }

  const open = request.state === "open";
  return (
    <li className="flex flex-col gap-2 rounded-lg border p-3" data-request={request.id} data-state={request.state}>
      <span className="font-medium">{name}</span>
      {request.note && (
        <span className="text-sm text-muted-foreground" data-content>
          {request.note}
        </span>
      )}
      {!open && (
        <span className="flex items-center gap-1.5 text-sm">
          <CircleCheck className="size-4" aria-hidden="true" />
          {t("claims.documents.requestedDone")}
        </span>
      )}
      {open && progress !== null && (
        <div className="flex flex-col gap-1" role="status">
          <Progress value={progress} aria-label={t("claims.documents.uploading", { percent: progress })} />
          <span className="text-xs">{t("claims.documents.uploading", { percent: progress })}</span>
        </div>
      )}
      {open && sent && progress === null && (
        <p className="text-sm" role="status">
          {t("claims.documents.uploaded")}
        </p>
      )}
      {open && failure != null && (
        <p className="text-sm text-destructive" role="alert">
          {t(uploadErrorKey(failure))}
        </p>
      )}
      {open && progress === null && (
        <div className="flex flex-wrap gap-2">
          <label
            className={buttonVariants({
              variant: "default",
              className: "cursor-pointer self-start focus-within:ring-2 focus-within:ring-ring focus-within:ring-offset-2",
            })}
          >
            <input
              type="file"
              className="sr-only"
              accept={request.kind === "photo" ? "image/*" : "image/*,application/pdf,.doc,.docx"}
              onChange={picked}
              data-testid={`upload-${request.kind}`}
            />
            <Upload aria-hidden="true" />
            {t("claims.documents.uploadLabel", { name })}
          </label>
          {failure != null && isResumable(failure) && lastFile && (
            <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => void upload(lastFile)}>
              {t("common.retry")}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
