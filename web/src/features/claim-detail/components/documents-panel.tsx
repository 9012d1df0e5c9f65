import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Eye, FileText, Image as ImageIcon, Info, LoaderCircle, Upload, X } from "lucide-react";
import { useRef, useState, type DragEvent } from "react";

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
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatDateTime, formatRelative } from "@/lib/format";

import { claimKeys, type ClaimDetail } from "../api/claim";
import {
  documentDownloadPath,
  documentQuery,
  documentsQuery,
  extractedFields,
  fetchBlob,
  findingsOf,
  previewKind,
  processDocument,
  saveBlob,
  uploadDocument,
  validateDocument,
  type ClaimDocument,
  type DocumentKind,
} from "../api/documents";

import { FilePreviewDialog, type PreviewTarget } from "./file-preview";
import { Empty, ProblemAlert } from "./form-bits";
import { DOCUMENT_KIND_LABELS, humanize } from "./labels";

const KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const SCAN: Record<string, { label: string; tone: string }> = {
  pending: { label: "Scanning", tone: "border-border bg-muted text-foreground" },
  clean: { label: "Clean", tone: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  infected: { label: "Infected", tone: "border-red-700 bg-red-700 text-white" },
  unscanned: { label: "Not scanned", tone: "border-amber-200 bg-amber-50 text-amber-900" },
  error: { label: "Scan failed", tone: "border-red-200 bg-red-50 text-red-900" },
};

const VALIDATION: Record<string, { label: string; tone: string }> = {
  not_validated: { label: "Not validated", tone: "border-border text-muted-foreground" },
  valid: { label: "Valid", tone: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  needs_review: { label: "Needs review", tone: "border-amber-200 bg-amber-50 text-amber-900" },
  invalid: { label: "Invalid", tone: "border-red-200 bg-red-50 text-red-900" },
};

export function ScanBadge({ status }: { status: string }) {
  const view = SCAN[status] ?? { label: humanize(status), tone: "" };
  return (
    <Badge variant="outline" className={view.tone} data-testid="scan-status">
      <span className="sr-only">Virus scan: </span>
      {view.label}
    </Badge>
  );
}

function ValidationBadge({ status }: { status: string }) {
  const view = VALIDATION[status] ?? { label: humanize(status), tone: "" };
  return (
    <Badge variant="outline" className={view.tone}>
      {view.label}
    </Badge>
  );
}

function Processing({ document }: { document: ClaimDocument }) {
  if (document.processing_status === "processing" || document.processing_status === "pending") {
    if (document.scan_status !== "clean") return <span className="text-xs text-muted-foreground">Waits for the scan</span>;
    return (
      <div className="flex min-w-24 flex-col gap-1">
        <Progress value={document.processing_progress} aria-label={`Reading ${document.filename}`} />
        <span className="text-xs text-muted-foreground">
          {document.processing_status === "pending" ? "Queued" : `Reading… ${document.processing_progress}%`}
        </span>
      </div>
    );
  }
  if (document.processing_status === "failed") {
    return <span className="text-xs text-destructive">{document.processing_error || "Reading failed"}</span>;
  }
  return <span className="text-xs text-muted-foreground">Read{document.page_count ? ` · ${document.page_count} p.` : ""}</span>;
}

interface UploadRow {
  id: number;
  name: string;
  progress: number;
  error: unknown;
  abort: () => void;
}

/** The claim's documents: upload (with progress), scan and reading state live, details, preview, download. */
export function DocumentsPanel({ claim }: { claim: ClaimDetail }) {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery(documentsQuery(claim.id));
  const [kind, setKind] = useState<DocumentKind | "">("");
  const [uploads, setUploads] = useState<UploadRow[]>([]);
  const [dragging, setDragging] = useState(false);
  const [details, setDetails] = useState<ClaimDocument | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);

  function update(id: number, change: Partial<UploadRow>) {
    setUploads((rows) => rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  }

  function start(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const id = nextId.current++;
      const handle = uploadDocument({ file, claim: claim.id, kind }, (progress) => update(id, { progress }));
      setUploads((rows) => [...rows, { id, name: file.name, progress: 0, error: null, abort: handle.abort }]);
      handle.done.then(
        () => {
          setUploads((rows) => rows.filter((row) => row.id !== id));
          void queryClient.invalidateQueries({ queryKey: claimKeys.part(claim.id, "documents") });
          void queryClient.invalidateQueries({ queryKey: claimKeys.part(claim.id, "timeline") });
        },
        (failure: unknown) => {
          if (failure instanceof DOMException && failure.name === "AbortError") {
            setUploads((rows) => rows.filter((row) => row.id !== id));
          } else {
            update(id, { error: failure });
          }
        },
      );
    }
    if (fileInput.current) fileInput.current.value = "";
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) start(event.dataTransfer.files);
  }

  async function download(document: ClaimDocument) {
    setDownloadError(null);
    try {
      saveBlob(await fetchBlob(documentDownloadPath(document.id)), document.filename);
    } catch (failure) {
      setDownloadError(failure);
    }
  }

  function openPreview(document: ClaimDocument) {
    const kindOfFile = previewKind(document.file_type);
    if (!kindOfFile) return;
    setPreview({
      path: documentDownloadPath(document.id),
      title: DOCUMENT_KIND_LABELS[document.kind] ?? humanize(document.kind),
      filename: document.filename,
      kind: kindOfFile,
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <section
        aria-labelledby="documents-upload"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col gap-3 rounded-lg border border-dashed p-4 transition-colors",
          dragging && "border-primary bg-primary/5",
        )}
      >
        <div className="flex flex-col gap-1">
          <h2 id="documents-upload" className="text-sm font-semibold">
            Add documents
          </h2>
          <p className="text-sm text-muted-foreground">
            Drop files here or choose them: PDF, photos (JPEG, PNG, WebP, HEIC), TIFF or Word, up to 25 MB. Each is
            virus-scanned, then read (text and OCR) and checked against the claim.
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1.5">
            <label htmlFor="document-kind" className="text-sm font-medium">
              Kind
            </label>
            <NativeSelect id="document-kind" value={kind} onChange={(event) => setKind(event.target.value as DocumentKind | "")} className="w-64">
              <option value="">Guess from the content</option>
              {KINDS.map((value) => (
                <option key={value} value={value}>
                  {DOCUMENT_KIND_LABELS[value]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <input
            ref={fileInput}
            id="document-file"
            type="file"
            multiple
            className="sr-only"
            aria-label="Files to upload"
            onChange={(event) => event.target.files && start(event.target.files)}
          />
          <Button onClick={() => fileInput.current?.click()}>
            <Upload aria-hidden="true" />
            Choose files…
          </Button>
        </div>
      </section>

      {uploads.length > 0 && (
        <ul className="flex flex-col gap-2" aria-label="Uploads in progress">
          {uploads.map((row) => (
            <li key={row.id} className="flex flex-col gap-1.5 rounded-md border p-3">
              <div className="flex items-center gap-2 text-sm">
                <span className="min-w-0 flex-1 truncate font-medium">{row.name}</span>
                {row.error ? (
                  <Button size="sm" variant="ghost" onClick={() => setUploads((rows) => rows.filter((r) => r.id !== row.id))}>
                    Dismiss
                  </Button>
                ) : (
                  <>
                    <span className="text-xs text-muted-foreground tabular-nums">
                      {row.progress < 100 ? `${row.progress}%` : "Scanning…"}
                    </span>
                    <Button size="icon" variant="ghost" className="size-7" onClick={row.abort} aria-label={`Cancel the upload of ${row.name}`}>
                      <X aria-hidden="true" />
                    </Button>
                  </>
                )}
              </div>
              {row.error ? (
                <p role="alert" className="text-sm text-destructive">
                  {isApiError(row.error) ? row.error.message : "The upload failed."}
                </p>
              ) : (
                <Progress value={row.progress} aria-label={`Uploading ${row.name}`} />
              )}
            </li>
          ))}
        </ul>
      )}

      {downloadError != null && <ProblemAlert error={downloadError} />}

      {isPending ? (
        <div role="status" aria-label="Loading the documents" className="flex flex-col gap-2">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : error ? (
        <p className="text-sm text-destructive">{isApiError(error) ? error.message : "Could not load the documents."}</p>
      ) : data.items.length === 0 ? (
        <Empty>No documents on this claim yet.</Empty>
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table aria-label="Documents">
            <TableHeader>
              <TableRow>
                <TableHead>Document</TableHead>
                <TableHead>Scan</TableHead>
                <TableHead>Reading</TableHead>
                <TableHead>Check</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((document) => {
                const Icon = document.file_type.startsWith("image/") ? ImageIcon : FileText;
                const clean = document.scan_status === "clean";
                return (
                  <TableRow key={document.id} data-testid="document-row">
                    <TableCell className="max-w-72">
                      <div className="flex items-start gap-2">
                        <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                        <div className="min-w-0">
                          <p className="truncate font-medium" title={document.filename}>
                            {document.filename}
                          </p>
                          <p className="text-xs text-muted-foreground">
                            {DOCUMENT_KIND_LABELS[document.kind] ?? humanize(document.kind)}
                            {document.kind_guessed && " (guessed)"} · {fileSize(document.file_size)} ·{" "}
                            <time dateTime={document.created_at} title={formatDateTime(document.created_at)}>
                              {formatRelative(document.created_at)}
                            </time>
                          </p>
                        </div>
                      </div>
                    </TableCell>
                    <TableCell>
                      <ScanBadge status={document.scan_status} />
                    </TableCell>
                    <TableCell>
                      <Processing document={document} />
                    </TableCell>
                    <TableCell>
                      <ValidationBadge status={document.validation_status} />
                    </TableCell>
                    <TableCell>
                      <div className="flex justify-end gap-1">
                        <Button size="sm" variant="ghost" onClick={() => setDetails(document)} aria-label={`Details of ${document.filename}`}>
                          <Info aria-hidden="true" />
                          <span className="hidden xl:inline">Details</span>
                        </Button>
                        {previewKind(document.file_type) && (
                          <Button
                            size="sm"
                            variant="ghost"
                            disabled={!clean}
                            onClick={() => openPreview(document)}
                            aria-label={`Preview ${document.filename}`}
                          >
                            <Eye aria-hidden="true" />
                            <span className="hidden xl:inline">Preview</span>
                          </Button>
                        )}
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={!clean}
                          onClick={() => void download(document)}
                          aria-label={`Download ${document.filename}`}
                        >
                          <Download aria-hidden="true" />
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {data?.more && <p className="text-xs text-muted-foreground">Showing the newest 200 documents.</p>}
      <DocumentDialog
        claimId={claim.id}
        document={details}
        onClose={() => setDetails(null)}
        onPreview={(document) => {
          setDetails(null);
          openPreview(document);
        }}
        onDownload={(document) => void download(document)}
      />
      <FilePreviewDialog target={preview} onClose={() => setPreview(null)} />
    </div>
  );
}

function DocumentDialog({
  claimId,
  document,
  onClose,
  onPreview,
  onDownload,
}: {
  claimId: string;
  document: ClaimDocument | null;
  onClose: () => void;
  onPreview: (document: ClaimDocument) => void;
  onDownload: (document: ClaimDocument) => void;
}) {
  return (
    <Dialog open={document !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-2xl">
        {document && (
          <DocumentDetails claimId={claimId} listed={document} onPreview={onPreview} onDownload={onDownload} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function DocumentDetails({
  claimId,
  listed,
  onPreview,
  onDownload,
}: {
  claimId: string;
  listed: ClaimDocument;
  onPreview: (document: ClaimDocument) => void;
  onDownload: (document: ClaimDocument) => void;
}) {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery(documentQuery(claimId, listed.id));
  const refresh = () => queryClient.invalidateQueries({ queryKey: claimKeys.part(claimId, "documents") });
  const process = useMutation({ mutationFn: () => processDocument(listed.id), onSettled: refresh });
  const validate = useMutation({ mutationFn: () => validateDocument(listed.id), onSettled: refresh });
  const document = data ?? listed;
  const fields = extractedFields(data?.processed_data);
  const findings = findingsOf(data?.validation_findings);
  const clean = document.scan_status === "clean";
  return (
    <>
      <DialogHeader>
        <DialogTitle className="truncate pr-6">{document.filename}</DialogTitle>
        <DialogDescription>
          {DOCUMENT_KIND_LABELS[document.kind] ?? humanize(document.kind)} · {fileSize(document.file_size)} · uploaded{" "}
          {formatDateTime(document.created_at)}
        </DialogDescription>
      </DialogHeader>
      <div className="flex flex-wrap items-center gap-2">
        <ScanBadge status={document.scan_status} />
        <Badge variant="outline">Reading: {humanize(document.processing_status)}</Badge>
        <ValidationBadge status={document.validation_status} />
      </div>
      {document.scan_status === "infected" && (
        <p className="text-sm text-destructive" role="alert">
          This file carries a virus{data?.scan_signature ? ` (${data.scan_signature})` : ""}. It is quarantined and never
          served.
        </p>
      )}
      {document.scan_status === "unscanned" && (
        <p className="text-sm text-muted-foreground">
          No virus scanner was available: the file is neither served nor read until a scan says it is clean.
        </p>
      )}
      <ProblemAlert error={error ?? process.error ?? validate.error} />
      <section aria-labelledby="document-fields" className="flex flex-col gap-2">
        <h3 id="document-fields" className="text-sm font-semibold">
          Fields read from the document
        </h3>
        {isPending ? (
          <Skeleton className="h-16" />
        ) : fields.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {document.processing_status === "done" ? "No fields could be read." : "Not read yet."}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table aria-label="Fields read from the document">
              <TableHeader>
                <TableRow>
                  <TableHead>Field</TableHead>
                  <TableHead>Value</TableHead>
                  <TableHead className="text-right">Confidence</TableHead>
                  <TableHead>Source</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {fields.map((field, index) => (
                  <TableRow key={`${field.field}-${field.value}-${index}`}>
                    <TableCell className="font-medium">{humanize(field.field)}</TableCell>
                    <TableCell className="font-mono text-xs">{field.value}</TableCell>
                    <TableCell
                      className={cn(
                        "text-right tabular-nums",
                        field.confidence !== null && field.confidence < 0.6 && "text-amber-800",
                      )}
                    >
                      {field.confidence === null ? "—" : `${Math.round(field.confidence * 100)}%`}
                    </TableCell>
                    <TableCell className="text-xs text-muted-foreground">{field.source || "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <section aria-labelledby="document-findings" className="flex flex-col gap-2">
        <h3 id="document-findings" className="text-sm font-semibold">
          Checked against the claim
        </h3>
        {findings.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {document.validation_status === "not_validated" ? "Not checked yet." : "Nothing to report."}
          </p>
        ) : (
          <ul className="flex flex-col gap-1.5">
            {findings.map((finding, index) => (
              <li key={`${finding.code}-${index}`} className="flex items-start gap-2 text-sm">
                <Badge
                  variant="outline"
                  className={cn(
                    "mt-0.5",
                    finding.severity === "error" && "border-red-200 bg-red-50 text-red-900",
                    finding.severity === "warning" && "border-amber-200 bg-amber-50 text-amber-900",
                  )}
                >
                  {humanize(finding.severity)}
                </Badge>
                <span>
                  {finding.message}
                  {(finding.expected || finding.found) && (
                    <span className="block text-xs text-muted-foreground">
                      {finding.expected && `Expected ${finding.expected}`}
                      {finding.expected && finding.found && "; "}
                      {finding.found && `found ${finding.found}`}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <DialogFooter className="flex-wrap">
        <Button variant="outline" size="sm" disabled={!clean || process.isPending} onClick={() => process.mutate()}>
          {process.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          Read again
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={document.processing_status !== "done" || validate.isPending}
          onClick={() => validate.mutate()}
        >
          {validate.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          Check against the claim
        </Button>
        {previewKind(document.file_type) && (
          <Button variant="outline" size="sm" disabled={!clean} onClick={() => onPreview(document)}>
            <Eye aria-hidden="true" />
            Preview
          </Button>
        )}
        <Button size="sm" disabled={!clean} onClick={() => onDownload(document)}>
          <Download aria-hidden="true" />
          Download
        </Button>
      </DialogFooter>
    </>
  );
}
