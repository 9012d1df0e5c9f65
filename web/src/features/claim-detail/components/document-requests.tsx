import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FilePlus2, LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { formatDateTime, formatRelative } from "@/lib/format";

import {
  askForDocument,
  cancelDocumentRequest,
  documentRequestsQuery,
  invalidateClaim,
  type ClaimDetail,
  type DocumentKindAsked,
  type DocumentRequest,
} from "../api/claim";

import { fieldError } from "./field-error";
import { Empty, Field, ProblemAlert } from "./form-bits";
import { DOCUMENT_KIND_LABELS, OPEN_STATUSES } from "./labels";

/** The kinds a customer can be asked for (the API's DocumentKindAsked: every kind but the policy's own). */
const ASKABLE: DocumentKindAsked[] = [
  "police_report",
  "driving_licence",
  "id",
  "vehicle_registration",
  "repair_invoice",
  "estimate",
  "medical_report",
  "photo",
  "other",
];

const STATE_TONES: Record<DocumentRequest["state"], string> = {
  open: "border-amber-200 bg-amber-50 text-amber-900",
  fulfilled: "border-emerald-200 bg-emerald-50 text-emerald-900",
  cancelled: "border-border bg-muted text-muted-foreground",
};
const STATE_LABELS: Record<DocumentRequest["state"], string> = {
  open: "Waiting for the customer",
  fulfilled: "Received",
  cancelled: "Cancelled",
};

/**
 * Documents asked of the customer: staff ask for a kind with a note the customer reads (they are told
 * by their notification preferences); a document of that kind uploaded to the claim fulfils the oldest
 * open request; an open request can be cancelled.
 */
export function DocumentRequests({ claim }: { claim: ClaimDetail }) {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery(documentRequestsQuery(claim.id));
  const [asking, setAsking] = useState(false);
  const mayAsk = OPEN_STATUSES.has(claim.status) && claim.status !== "draft";
  const cancel = useMutation({
    mutationFn: (requestId: string) => cancelDocumentRequest(claim.id, requestId),
    onSettled: () => invalidateClaim(queryClient, claim.id),
  });
  return (
    <section aria-labelledby="document-requests-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="document-requests-title" className="text-base font-semibold">
          Asked of the customer
        </h2>
        {mayAsk && (
          <Button size="sm" variant="outline" onClick={() => setAsking(true)}>
            <FilePlus2 aria-hidden="true" />
            Ask the customer for a document
          </Button>
        )}
      </div>
      {cancel.error && <ProblemAlert error={cancel.error} fields={[]} />}
      {isPending ? (
        <Skeleton className="h-12" />
      ) : error ? (
        <p className="text-sm text-destructive">{isApiError(error) ? error.message : "Could not load the requests."}</p>
      ) : data.length === 0 ? (
        <Empty>Nothing asked of the customer.</Empty>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Documents asked of the customer">
          {data.map((request) => (
            <li
              key={request.id}
              className="flex flex-col gap-1 rounded-md border p-3 sm:flex-row sm:items-center sm:gap-3"
              data-testid="document-request"
            >
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{DOCUMENT_KIND_LABELS[request.kind]}</span>
                  <Badge variant="outline" className={STATE_TONES[request.state]}>
                    {STATE_LABELS[request.state]}
                  </Badge>
                </div>
                {request.note && <p className="text-sm">“{request.note}”</p>}
                <p className="text-xs text-muted-foreground">
                  Asked by {request.requested_by_name ?? "staff"}{" "}
                  <time dateTime={request.requested_at} title={formatDateTime(request.requested_at)}>
                    {formatRelative(request.requested_at)}
                  </time>
                </p>
              </div>
              {request.state === "open" && (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(request.id)}
                  aria-label={`Cancel the request for a ${DOCUMENT_KIND_LABELS[request.kind].toLowerCase()}`}
                >
                  Cancel request
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog open={asking} onOpenChange={(open) => !open && setAsking(false)}>
        <DialogContent>{asking && <AskForm claim={claim} onDone={() => setAsking(false)} />}</DialogContent>
      </Dialog>
    </section>
  );
}

function AskForm({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DocumentKindAsked>("police_report");
  const [note, setNote] = useState("");
  const ask = useMutation({
    mutationFn: () => askForDocument(claim.id, { kind, note: note.trim() }),
    onSuccess: async () => {
      await invalidateClaim(queryClient, claim.id);
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ask.isPending) ask.mutate();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>Ask the customer for a document</DialogTitle>
        <DialogDescription>
          The customer is told and sees the request on their claim; uploading a document of this kind fulfils it.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={ask.error} fields={["kind", "note"]} />
      <Field label="Document" error={fieldError(ask.error, "kind")}>
        <NativeSelect value={kind} onChange={(event) => setKind(event.target.value as DocumentKindAsked)}>
          {ASKABLE.map((value) => (
            <option key={value} value={value}>
              {DOCUMENT_KIND_LABELS[value]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Note to the customer (they read it)" error={fieldError(ask.error, "note")}>
        <Textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} maxLength={500} />
      </Field>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={ask.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={ask.isPending}>
          {ask.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          Send the request
        </Button>
      </DialogFooter>
    </form>
  );
}
