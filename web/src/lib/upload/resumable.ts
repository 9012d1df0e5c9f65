/**
 * Resumable uploads of a claim's photos and documents (the API's `/api/documents/uploads/`, tus
 * style): a phone on a weak connection sends a file in chunks and, after a lost connection or a
 * server hiccup, asks how much arrived and carries on from there.
 *
 *   const document = await uploadResumable({ file, claimId, documentType: "photo",
 *                                            onProgress: (sent, total) => ..., signal });
 *
 * 1. The file's SHA-256 (crypto.subtle: HTTPS or localhost only) identifies it to the server, which
 *    checks it when the last byte arrives; every chunk carries its own (`Upload-Checksum`), so a
 *    damaged chunk is sent again. The whole file is read once to hash it (at most 25 MB).
 * 2. The upload's id is remembered on this device per file (name, size, lastModified, claim): a
 *    reloaded page, or a second try after `offline`, resumes it instead of starting again. An
 *    upload id is no session data (it is useless without the session's token).
 * 3. A network error or a 5xx waits (backoff: 1 s, 2 s, 4 s ... at most 30 s), asks the server
 *    for its offset (GET) and continues. After `maxAttempts` failures in a row it gives up with an
 *    `offline` UploadError: the bytes that arrived are kept on the server (24 h) and the next call
 *    for the same file carries on.
 * 4. The server's refusals (a virus, not an image, too large, a duplicate...) reject with a
 *    `refused` UploadError carrying the server's code; `errors.ts` turns it into a sentence.
 *
 * Cancelling: `signal` stops the upload (an `aborted` UploadError) and keeps what arrived, so the
 * file resumes later; `cancelResumable` also tells the server to drop it.
 */
import { api, ApiError, sessionFetch, unwrap, type components } from "@/lib/api";

export type ResumableUpload = components["schemas"]["ResumableUploadOutput"];
export type UploadedDocument = components["schemas"]["DocumentOutput"];
export type DocumentType = components["schemas"]["DocumentKindEnum"];

/** What went wrong, in the words the page needs to say something the customer can act on. */
export type UploadErrorKind =
  /** The connection was lost (or the server kept failing): what arrived is kept; try again later. */
  | "offline"
  /** The server refused the file (`code`: infected, not_an_image, file_too_large, ...). */
  | "refused"
  /** The file that arrived differs from the one on the device, twice: pick the file again. */
  | "checksum"
  /** `signal` was aborted: what arrived is kept, the same file resumes later. */
  | "aborted"
  /** Anything else the server answered (`code` says what). */
  | "failed";

export class UploadError extends Error {
  readonly kind: UploadErrorKind;
  /** The server's problem code (`infected`, `checksum_mismatch`, `network_error`, ...). */
  readonly code: string;
  /** Whether trying the same file again carries on from where it stopped. */
  readonly resumable: boolean;
  /** The server's problem, when it answered one. */
  readonly problem: ApiError["problem"] | null;

  constructor(kind: UploadErrorKind, code: string, options: { problem?: ApiError["problem"]; cause?: unknown } = {}) {
    super(options.problem?.detail ?? `${kind}: ${code}`);
    this.name = "UploadError";
    this.kind = kind;
    this.code = code;
    this.resumable = kind === "offline" || kind === "aborted";
    this.problem = options.problem ?? null;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

export function isUploadError(error: unknown): error is UploadError {
  return error instanceof UploadError;
}

export interface UploadResumableOptions {
  file: File;
  claimId: string;
  documentType: DocumentType;
  /** Bytes the server has kept so far, and the file's size. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
  /** Keep the file even if this customer sent the same one before (else `refused`, `duplicate_document`). */
  allowDuplicate?: boolean;
  /** Where upload ids are remembered (localStorage by default). */
  storage?: Storage | null;
  /** Failures in a row (network, 5xx, damaged chunk) before giving up as `offline`. */
  maxAttempts?: number;
  /** The first wait after a failure; it doubles each time, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const UPLOADS = "/api/documents/uploads/";
const OFFSET_OCTET_STREAM = "application/offset+octet-stream";
const STORAGE_PREFIX = "insurehub.upload.";

// --- remembering the upload of a file ------------------------------------------------------

interface Remembered {
  id: string;
  sha256: string;
}

function defaultStorage(): Storage | null {
  try {
    // eslint-disable-next-line no-restricted-globals -- an upload's id, no session data
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The key a file's upload is remembered under: the file as the device names it, and the claim. */
export function uploadKey(file: Pick<File, "name" | "size" | "lastModified">, claimId: string): string {
  return `${STORAGE_PREFIX}${claimId}:${file.size}:${file.lastModified}:${file.name}`;
}

function recall(storage: Storage | null, key: string): Remembered | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(key) ?? "null");
    if (typeof value === "object" && value !== null) {
      const { id, sha256 } = value as Record<string, unknown>;
      if (typeof id === "string" && typeof sha256 === "string") return { id, sha256 };
    }
  } catch {
    // not ours: forgotten below
  }
  forget(storage, key);
  return null;
}

function remember(storage: Storage | null, key: string, value: Remembered): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or refused: the upload still works, it only cannot resume after a reload
  }
}

function forget(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to forget
  }
}

// --- talking to the server ---------------------------------------------------------------

/** A slice of the file as bytes (Blob.arrayBuffer, or FileReader where a browser lacks it: Safari
 * before 14, and jsdom). */
async function readBytes(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof blob.arrayBuffer === "function") return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(blob);
  });
}

async function sha256Hex(data: Blob): Promise<string> {
  const bytes = await readBytes(data);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function sha256Base64(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return btoa(String.fromCharCode(...digest));
}

function uploadUrl(id: string): string {
  return `${globalThis.location?.origin ?? ""}${UPLOADS}${id}/`;
}

function getUpload(id: string, signal?: AbortSignal): Promise<ResumableUpload> {
  return unwrap(api.GET("/api/documents/uploads/{upload_id}/", { params: { path: { upload_id: id } }, signal }));
}

async function sendChunk(id: string, offset: number, chunk: Uint8Array<ArrayBuffer>, signal?: AbortSignal): Promise<ResumableUpload> {
  const request = new Request(uploadUrl(id), {
    method: "PATCH",
    body: chunk,
    headers: {
      Accept: "application/json",
      "Content-Type": OFFSET_OCTET_STREAM,
      "Upload-Offset": String(offset),
      "Upload-Checksum": `sha256 ${await sha256Base64(chunk)}`,
    },
    signal,
  });
  const response = await sessionFetch(request);
  return (await response.json()) as ResumableUpload;
}

/** A failure worth waiting out: the connection, the server's own errors, a timeout or a throttle. */
function isPassing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function refusal(error: ApiError): UploadError {
  return new UploadError("refused", error.code, { problem: error.problem, cause: error });
}

function isUpload(value: ResumableUpload | UploadedDocument): value is ResumableUpload {
  return "offset" in value && "chunk_size" in value;
}

/** The end of an upload that is no longer open: its document, or why there is none. */
function ended(upload: ResumableUpload): UploadedDocument | UploadError | null {
  if (upload.status === "complete" && upload.document) return upload.document;
  if (upload.status === "refused") return new UploadError("refused", upload.error || "refused");
  return null; // cancelled or expired: start again
}

// --- the upload --------------------------------------------------------------------------

export async function uploadResumable(options: UploadResumableOptions): Promise<UploadedDocument> {
  const { file, claimId, documentType, onProgress, signal } = options;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelay = options.baseDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const key = uploadKey(file, claimId);
  const total = file.size;

  let failures = 0;
  /** After a passing failure: wait (backoff), or give up as `offline` after too many in a row. */
  const waitOut = async (error: unknown) => {
    failures += 1;
    if (failures >= maxAttempts) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      throw new UploadError("offline", error instanceof ApiError ? error.code : "network_error", { problem, cause: error });
    }
    await sleep(Math.min(maxDelay, baseDelay * 2 ** (failures - 1)), signal);
  };
  /** Runs `call`, waiting out passing failures; other errors go to the caller. */
  const persist = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      signal?.throwIfAborted();
      try {
        return await call(); // failures in a row are counted until a chunk is kept
      } catch (error) {
        if (signal?.aborted || !isPassing(error)) throw error;
        await waitOut(error);
      }
    }
  };

  try {
    const sha256 = await sha256Hex(file);
    signal?.throwIfAborted();

    /** The remembered upload of this file if the server still has it open, or its document if it
     * finished (the answer to the last chunk was lost, or the page reloaded); else a new upload. */
    const open = async (): Promise<ResumableUpload | UploadedDocument> => {
      const remembered = recall(storage, key);
      if (remembered && remembered.sha256 === sha256) {
        let current: ResumableUpload | null = null;
        try {
          current = await persist(() => getUpload(remembered.id, signal));
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
        if (current) {
          const end = ended(current);
          if (end instanceof UploadError) {
            forget(storage, key);
            throw end;
          }
          if (end) return end;
          if (current.status === "open") return current;
        }
      }
      forget(storage, key);
      const created = await persist(() =>
        unwrap(
          api.POST("/api/documents/uploads/", {
            body: {
              claim: claimId,
              document_type: documentType,
              filename: file.name,
              size: total,
              sha256,
              content_type: file.type || undefined,
              allow_duplicate: options.allowDuplicate ?? false,
            },
            signal,
          }),
        ),
      );
      remember(storage, key, { id: created.id, sha256 });
      return created;
    };
    const finish = (document: UploadedDocument): UploadedDocument => {
      forget(storage, key);
      onProgress?.(total, total);
      return document;
    };

    const opened = await open();
    if (!isUpload(opened)) return finish(opened);
    let upload = opened;
    let offset = upload.offset;
    let restarts = 0; // a whole-file checksum mismatch resets the upload: once more, then give up
    let renewals = 0; // an upload that expired (or vanished) under us: open a new one, once
    onProgress?.(offset, total);
    for (;;) {
      signal?.throwIfAborted();
      const size = Math.max(1, Math.min(upload.chunk_size, upload.max_chunk_size || upload.chunk_size));
      const chunk = await readBytes(file.slice(offset, Math.min(total, offset + size)));
      let answer: ResumableUpload;
      try {
        answer = await sendChunk(upload.id, offset, chunk, signal);
        failures = 0;
      } catch (error) {
        if (signal?.aborted) throw error;
        if (!(error instanceof ApiError)) throw error;
        if (isPassing(error) || error.code === "chunk_checksum_mismatch") {
          // Lost connection, the server's hiccup or a damaged chunk: wait, ask where the server is, go on.
          await waitOut(error);
          const current = await persist(() => getUpload(upload.id, signal));
          const end = ended(current);
          if (end instanceof UploadError) throw end;
          if (end) {
            answer = current;
          } else if (current.status !== "open") {
            throw new UploadError("offline", "upload_expired", { cause: error });
          } else {
            offset = current.offset;
            onProgress?.(offset, total);
            continue;
          }
        } else if (error.code === "offset_mismatch") {
          const serverOffset = error.problem.offset;
          offset = typeof serverOffset === "number" ? serverOffset : (await persist(() => getUpload(upload.id, signal))).offset;
          onProgress?.(offset, total);
          continue;
        } else if (error.code === "checksum_mismatch") {
          if (restarts++ >= 1) {
            forget(storage, key);
            throw new UploadError("checksum", error.code, { problem: error.problem, cause: error });
          }
          offset = 0;
          onProgress?.(offset, total);
          continue;
        } else if (error.code === "upload_not_open") {
          const current = await persist(() => getUpload(upload.id, signal));
          const end = ended(current);
          if (end instanceof UploadError) {
            forget(storage, key);
            throw end;
          }
          if (!end) throw new UploadError("failed", error.code, { problem: error.problem, cause: error });
          answer = current;
        } else if ((error.code === "upload_expired" || error.status === 404) && renewals++ < 1) {
          forget(storage, key);
          const renewed = await open();
          if (!isUpload(renewed)) return finish(renewed);
          upload = renewed;
          offset = upload.offset;
          onProgress?.(offset, total);
          continue;
        } else if (error.status === 401 || error.status === 403) {
          throw new UploadError("failed", error.code, { problem: error.problem, cause: error });
        } else {
          forget(storage, key);
          throw refusal(error);
        }
      }
      offset = answer.offset;
      onProgress?.(offset, total);
      if (answer.status === "complete" && answer.document) return finish(answer.document);
      if (answer.status !== "open") {
        const end = ended(answer);
        forget(storage, key);
        throw end instanceof UploadError ? end : new UploadError("failed", answer.status);
      }
    }
  } catch (error) {
    if (error instanceof UploadError) throw error;
    if (signal?.aborted) throw new UploadError("aborted", "aborted", { cause: error });
    if (error instanceof ApiError) {
      if (isPassing(error)) throw new UploadError("offline", error.code, { problem: error.problem, cause: error });
      if (error.status === 401 || error.status === 403 || error.status === 404) {
        throw new UploadError("failed", error.code, { problem: error.problem, cause: error });
      }
      forget(storage, key);
      throw refusal(error);
    }
    throw new UploadError("failed", "client_error", { cause: error });
  }
}

/** Stop a file's upload for good: the server drops what arrived and this device forgets it. */
export async function cancelResumable(options: { file: File; claimId: string; storage?: Storage | null }): Promise<void> {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const key = uploadKey(options.file, options.claimId);
  const remembered = recall(storage, key);
  forget(storage, key);
  if (!remembered) return;
  try {
    await unwrap(api.DELETE("/api/documents/uploads/{upload_id}/", { params: { path: { upload_id: remembered.id } } }));
  } catch (error) {
    // Already gone, or complete (its document stays: delete that instead); expiry sweeps the rest.
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 409)) throw error;
  }
}
