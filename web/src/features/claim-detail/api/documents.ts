/**
 * A claim's documents: the list, one document's details (OCR fields, findings), the upload with
 * progress, and authenticated downloads as blobs (for the preview dialog and the "Download" button).
 */
import { queryOptions } from "@tanstack/react-query";

import { api, sessionFetch, unwrap, type components } from "@/lib/api";
import { uploadWithProgress, type Upload } from "@/lib/api/upload";

import { claimKeys } from "./claim";

export type ClaimDocument = components["schemas"]["DocumentOutput"];
export type DocumentDetail = components["schemas"]["DocumentDetailOutput"];
export type DocumentKind = components["schemas"]["DocumentKindEnum"];

export function documentsQuery(claimId: string) {
  return queryOptions({
    queryKey: claimKeys.part(claimId, "documents"),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/claims/{claim_id}/documents/", {
          params: { path: { claim_id: claimId }, query: { page_size: 200 } },
          signal,
        }),
      );
      return { items: page.results, more: page.count > page.results.length };
    },
  });
}

export function documentQuery(claimId: string, documentId: string) {
  return queryOptions({
    queryKey: claimKeys.part(claimId, "documents", documentId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/documents/{document_id}/", { params: { path: { document_id: documentId } }, signal })),
  });
}

export function processDocument(documentId: string) {
  return unwrap(api.POST("/api/documents/process/", { body: { document: documentId } }));
}

export function validateDocument(documentId: string) {
  return unwrap(api.POST("/api/documents/validate/", { body: { document: documentId } }));
}

export interface UploadInput {
  file: File;
  claim: string;
  kind?: DocumentKind | "";
}

/**
 * Uploads one file to the claim, reporting progress (0-100), through the shared upload
 * (`lib/api/upload.ts`: the session's token, one refresh on 401, ApiError on failure).
 */
export function uploadDocument(input: UploadInput, onProgress: (percent: number) => void): Upload<DocumentDetail> {
  const form = new FormData();
  form.append("file", input.file, input.file.name);
  form.append("claim", input.claim);
  if (input.kind) form.append("kind", input.kind);
  return uploadWithProgress<DocumentDetail>("/api/documents/upload/", form, onProgress);
}

/** A file of the API fetched with the session's token, as a blob (PDF report, document download). */
export async function fetchBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const response = await sessionFetch(new Request(new URL(path, globalThis.location.origin), { signal }));
  return response.blob();
}

/** Saves a blob under a file name (a click on a temporary link to its blob URL). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function documentDownloadPath(documentId: string, variant: "default" | "thumbnail" = "default"): string {
  return `/api/documents/${encodeURIComponent(documentId)}/download/?variant=${variant}`;
}

export function claimReportPath(claimId: string): string {
  return `/api/claims/${encodeURIComponent(claimId)}/report.pdf`;
}

/** What a browser can show inline from a blob URL. */
export function previewKind(fileType: string): "image" | "pdf" | null {
  if (fileType === "application/pdf") return "pdf";
  if (["image/jpeg", "image/png", "image/webp"].includes(fileType)) return "image";
  return null;
}

/** The fields read from a document, flattened for a table: the best candidate first. */
export interface ExtractedField {
  field: string;
  value: string;
  confidence: number | null;
  source: string;
}

interface Candidate {
  value?: unknown;
  confidence?: unknown;
  page?: unknown;
  line?: unknown;
  method?: unknown;
  context?: unknown;
}

/** A value from JSON as text (objects as JSON, not "[object Object]"). */
function text(value: unknown): string {
  if (value == null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function sourceOf(candidate: Candidate): string {
  const method = candidate.method === "ocr" ? "OCR" : candidate.method === "text_layer" ? "PDF text layer" : candidate.method === "docx" ? "Word text" : null;
  const where = [
    typeof candidate.page === "number" ? `page ${candidate.page}` : null,
    typeof candidate.line === "number" ? `line ${candidate.line}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return [method ?? (typeof candidate.method === "string" ? candidate.method : null), where || null]
    .filter(Boolean)
    .join(", ");
}

/** `processed_data.fields` -> rows; tolerant of shapes it does not know (shows what it can). */
export function extractedFields(processedData: unknown): ExtractedField[] {
  if (typeof processedData !== "object" || processedData === null) return [];
  const fields = (processedData as { fields?: unknown }).fields;
  if (typeof fields !== "object" || fields === null) return [];
  const rows: ExtractedField[] = [];
  for (const [field, candidates] of Object.entries(fields as Record<string, unknown>)) {
    if (!Array.isArray(candidates)) continue;
    for (const candidate of candidates as Candidate[]) {
      if (candidate == null || candidate.value == null) continue;
      rows.push({
        field,
        value: text(candidate.value),
        confidence: typeof candidate.confidence === "number" ? candidate.confidence : null,
        source: sourceOf(candidate),
      });
    }
  }
  return rows;
}

export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  field: string;
  expected?: string;
  found?: string;
}

export function findingsOf(value: unknown): Finding[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null)
    .map((item) => ({
      code: text(item.code),
      severity: item.severity === "error" || item.severity === "warning" ? item.severity : "info",
      message: text(item.message),
      field: text(item.field),
      expected: item.expected == null ? undefined : text(item.expected),
      found: item.found == null ? undefined : text(item.found),
    }));
}
