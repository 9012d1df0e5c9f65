import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { en } from "@/lib/i18n/en";
import { sw } from "@/lib/i18n/sw";

import { isResumable, UPLOAD_ERROR_KEYS, uploadErrorKey } from "./errors";
import { cancelResumable, isUploadError, uploadKey, uploadResumable, type UploadError } from "./resumable";

const CLAIM = "7a1d1a3e-0000-4000-8000-000000000001";

async function hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function base64Digest(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return btoa(String.fromCharCode(...digest));
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return new Response(JSON.stringify({ type: `/problems/${code}`, title: code, status, detail: code, errors: [], ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

interface ServerUpload {
  id: string;
  claim: string;
  document_type: string;
  filename: string;
  size: number;
  sha256: string;
  offset: number;
  bytes: Uint8Array<ArrayBuffer>;
  status: "open" | "complete" | "refused" | "cancelled" | "expired";
  error: string;
  document: Record<string, unknown> | null;
}

type Fault = "drop-request" | "drop-answer" | "server-error";

/**
 * The API's resumable uploads in memory: the same rules as insurehub/documents/resumable.py
 * (offsets, chunk and whole-file checksums, idempotent create, refusals), with faults to inject
 * into the next PATCHes: the request lost on the way, the answer lost on the way back, a 503.
 */
class FakeServer {
  uploads = new Map<string, ServerUpload>();
  /** One per coming PATCH, in order; null: none. */
  faults: (Fault | null)[] = [];
  log: string[] = [];
  chunkSize = 1000;
  refuseWith: { status: number; code: string } | null = null;
  /** Damage the byte at this index of the next whole file once (so its SHA-256 does not match). */
  corruptOnce: number | null = null;
  /** Runs before a PATCH is applied (another tab sending bytes, say). */
  beforePatch: ((upload: ServerUpload) => void) | null = null;
  private next = 1;

  view(upload: ServerUpload) {
    const { bytes: _bytes, ...rest } = upload;
    return { ...rest, chunk_size: this.chunkSize, max_chunk_size: this.chunkSize * 2, expires_at: "2026-11-30T00:00:00Z" };
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url).pathname;
    const match = /^\/api\/documents\/uploads\/(?:([^/]+)\/)?$/.exec(path);
    if (!match) return problem(404, "not_found");
    const id = match[1];
    if (!id && request.method === "POST") return this.create((await request.json()) as Record<string, unknown>);
    const upload = id ? this.uploads.get(id) : undefined;
    if (!upload) {
      this.log.push(`${request.method} missing`);
      return problem(404, "not_found");
    }
    if (request.method === "GET") {
      this.log.push(`GET ${upload.offset}`);
      return json(200, this.view(upload));
    }
    if (request.method === "DELETE") {
      this.log.push("DELETE");
      if (upload.status === "complete") return problem(409, "upload_complete");
      upload.status = "cancelled";
      upload.bytes = new Uint8Array();
      return new Response(null, { status: 204 });
    }
    return this.patch(upload, request);
  };

  private create(body: Record<string, unknown>): Response {
    const same = [...this.uploads.values()].find(
      (u) => u.status === "open" && u.claim === body.claim && u.sha256 === body.sha256 && u.size === body.size,
    );
    this.log.push(same ? "POST again" : "POST");
    if (same) return json(200, this.view(same));
    const upload: ServerUpload = {
      id: `00000000-0000-4000-8000-${String(this.next++).padStart(12, "0")}`,
      claim: body.claim as string,
      document_type: body.document_type as string,
      filename: body.filename as string,
      size: body.size as number,
      sha256: body.sha256 as string,
      offset: 0,
      bytes: new Uint8Array(),
      status: "open",
      error: "",
      document: null,
    };
    this.uploads.set(upload.id, upload);
    return json(201, this.view(upload));
  }

  private async patch(upload: ServerUpload, request: Request): Promise<Response> {
    const offset = Number(request.headers.get("Upload-Offset"));
    const chunk = new Uint8Array(await request.arrayBuffer());
    const fault = this.faults.shift();
    this.log.push(`PATCH ${offset}+${chunk.length}${fault ? ` (${fault})` : ""}`);
    if (fault === "drop-request") throw new TypeError("Failed to fetch");
    if (fault === "server-error") return problem(503, "http_503");
    this.beforePatch?.(upload);
    this.beforePatch = null;
    if (request.headers.get("Content-Type") !== "application/offset+octet-stream") return problem(415, "unsupported_media_type");
    if (upload.status !== "open") return problem(409, "upload_not_open", { upload_status: upload.status });
    if (offset !== upload.offset) return problem(409, "offset_mismatch", { offset: upload.offset });
    if (offset + chunk.length > upload.size) return problem(413, "chunk_past_end");
    if (request.headers.get("Upload-Checksum") !== `sha256 ${await base64Digest(chunk)}`) {
      return problem(422, "chunk_checksum_mismatch", { offset: upload.offset });
    }
    const bytes = new Uint8Array(offset + chunk.length);
    bytes.set(upload.bytes.subarray(0, offset));
    bytes.set(chunk, offset);
    upload.bytes = bytes;
    upload.offset = bytes.length;
    let answer: Response = json(200, this.view(upload));
    if (upload.offset === upload.size) {
      if (this.corruptOnce !== null) {
        upload.bytes[this.corruptOnce] = (upload.bytes[this.corruptOnce] ?? 0) ^ 0xff;
        this.corruptOnce = null;
      }
      if ((await hex(upload.bytes)) !== upload.sha256) {
        upload.offset = 0;
        upload.bytes = new Uint8Array();
        answer = problem(422, "checksum_mismatch", { offset: 0 });
      } else if (this.refuseWith) {
        upload.status = "refused";
        upload.error = this.refuseWith.code;
        answer = problem(this.refuseWith.status, this.refuseWith.code);
      } else {
        upload.status = "complete";
        upload.document = { id: `doc-${upload.id}`, claim: upload.claim, filename: upload.filename, scan_status: "clean" };
        answer = json(200, this.view(upload));
      }
    }
    if (fault === "drop-answer") throw new TypeError("Failed to fetch");
    return answer;
  }
}

function bytesOf(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) % 251;
  return bytes;
}

function photo(length = 4500): { file: File; bytes: Uint8Array<ArrayBuffer> } {
  const bytes = bytesOf(length);
  return { bytes, file: new File([bytes], "crash.jpg", { type: "image/jpeg", lastModified: 1_764_000_000_000 }) };
}

let server: FakeServer;

/** The one upload the server holds. */
function theUpload(): ServerUpload {
  const [only, ...others] = [...server.uploads.values()];
  if (!only || others.length) throw new Error(`the server holds ${server.uploads.size} uploads`);
  return only;
}
let storage: Storage;

function upload(file: File, extra: Partial<Parameters<typeof uploadResumable>[0]> = {}) {
  return uploadResumable({ file, claimId: CLAIM, documentType: "photo", storage, baseDelayMs: 1, maxDelayMs: 4, ...extra });
}

async function failure(pending: Promise<unknown>): Promise<UploadError> {
  const error = await pending.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isUploadError(error)) throw new Error(`expected an UploadError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  server = new FakeServer();
  vi.stubGlobal("fetch", server.fetch);
  storage = window.localStorage;
  storage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
  storage.clear();
});

describe("uploadResumable", () => {
  it("sends the file in checked chunks, reports progress and answers the document", async () => {
    const { file, bytes } = photo();
    const progress: number[] = [];
    const document = await upload(file, { onProgress: (sent, total) => progress.push(sent / total) });
    expect(document).toMatchObject({ id: "doc-00000000-0000-4000-8000-000000000001", scan_status: "clean" });
    expect(server.log).toEqual(["POST", "PATCH 0+1000", "PATCH 1000+1000", "PATCH 2000+1000", "PATCH 3000+1000", "PATCH 4000+500"]);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const stored = theUpload();
    expect(stored.bytes).toEqual(bytes);
    expect(stored.document_type).toBe("photo");
    expect(storage.getItem(uploadKey(file, CLAIM))).toBeNull(); // done: nothing left to resume
  });

  it("resumes after a dropped chunk from the offset the server gives", async () => {
    const { file, bytes } = photo();
    server.faults = [null, "drop-request", "drop-answer", "server-error"];
    const document = await upload(file);
    expect(document.id).toBeTruthy();
    expect(server.log).toEqual([
      "POST",
      "PATCH 0+1000",
      "PATCH 1000+1000 (drop-request)", // never arrived: the server still has 1000
      "GET 1000",
      "PATCH 1000+1000 (drop-answer)", // arrived, its answer lost: the server has 2000
      "GET 2000",
      "PATCH 2000+1000 (server-error)",
      "GET 2000",
      "PATCH 2000+1000",
      "PATCH 3000+1000",
      "PATCH 4000+500",
    ]);
    expect(theUpload().bytes).toEqual(bytes);
  });

  it("recovers from an offset mismatch by going on from the server's offset", async () => {
    const { file, bytes } = photo();
    // Between two chunks another tab sent the next one: the server is ahead of this page.
    let patches = 0;
    const original = server.fetch;
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
      if (input instanceof Request && input.method === "PATCH" && ++patches === 2) {
        server.beforePatch = (u) => {
          u.bytes = bytes.slice(0, 2000);
          u.offset = 2000;
        };
      }
      return original(input, init);
    });
    await upload(file);
    // The second chunk is answered 409 with the server's offset; the page goes on from there.
    expect(server.log).toEqual(["POST", "PATCH 0+1000", "PATCH 1000+1000", "PATCH 2000+1000", "PATCH 3000+1000", "PATCH 4000+500"]);
    expect(theUpload().bytes).toEqual(bytes);
  });

  it("after a reload, resumes the remembered upload instead of starting again", async () => {
    const { file, bytes } = photo();
    const controller = new AbortController();
    const first = await failure(
      upload(file, { signal: controller.signal, onProgress: (sent) => sent >= 2000 && controller.abort() }),
    );
    expect(first.kind).toBe("aborted");
    expect(isResumable(first)).toBe(true);
    const remembered = JSON.parse(storage.getItem(uploadKey(file, CLAIM)) ?? "null") as { id: string };
    expect(remembered.id).toBe([...server.uploads.keys()][0]);
    server.log = [];

    // The page reloads: a new call for the same file (a new File object with the same name, size and date).
    const again = new File([bytes], "crash.jpg", { type: "image/jpeg", lastModified: 1_764_000_000_000 });
    await upload(again);
    expect(server.log).toEqual(["GET 2000", "PATCH 2000+1000", "PATCH 3000+1000", "PATCH 4000+500"]);
    expect(server.uploads.size).toBe(1);
    expect(theUpload().bytes).toEqual(bytes);
  });

  it("a remembered upload that finished while the answer was lost answers its document", async () => {
    const { file } = photo(900);
    server.faults = ["drop-answer"];
    const error = await failure(upload(file, { maxAttempts: 1 }));
    expect(error.kind).toBe("offline");
    expect(uploadErrorKey(error)).toBe("upload.offline");
    server.log = [];
    const document = await upload(file);
    expect(document.scan_status).toBe("clean");
    expect(server.log).toEqual(["GET 900"]);
  });

  it("stops when aborted, sending nothing more, and keeps what arrived", async () => {
    const { file } = photo();
    const controller = new AbortController();
    const pending = upload(file, { signal: controller.signal, onProgress: (sent) => sent === 1000 && controller.abort() });
    const error = await failure(pending);
    expect(error.kind).toBe("aborted");
    expect(uploadErrorKey(error)).toBe("upload.aborted");
    expect(server.log).toEqual(["POST", "PATCH 0+1000"]);
    expect(theUpload().offset).toBe(1000);
  });

  it("gives up as offline after failures in a row, keeping the upload to resume", async () => {
    const { file } = photo();
    server.faults = Array<Fault>(10).fill("drop-request");
    const error = await failure(upload(file, { maxAttempts: 3 }));
    expect([error.kind, error.code]).toEqual(["offline", "network_error"]);
    expect(error.resumable).toBe(true);
    expect(storage.getItem(uploadKey(file, CLAIM))).not.toBeNull();
    expect(server.log.filter((line) => line.startsWith("PATCH"))).toHaveLength(3);
  });

  it("answers the server's refusal with its code and forgets the upload", async () => {
    const { file } = photo(1500);
    server.refuseWith = { status: 422, code: "infected" };
    const error = await failure(upload(file));
    expect([error.kind, error.code, error.resumable]).toEqual(["refused", "infected", false]);
    expect(uploadErrorKey(error)).toBe("upload.infected");
    expect(storage.getItem(uploadKey(file, CLAIM))).toBeNull();
  });

  it("sends the whole file again once after a whole-file checksum mismatch, then gives up", async () => {
    const { file, bytes } = photo(2500);
    server.corruptOnce = 10;
    await upload(file);
    expect(server.log.filter((line) => line.startsWith("PATCH 0+"))).toHaveLength(2);
    expect(theUpload().bytes).toEqual(bytes);

    const other = new File([bytesOf(1200, 3)], "scan.pdf", { lastModified: 1 });
    const original = server.fetch;
    let damaged = 0;
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
      if (server.corruptOnce === null && damaged++ < 2) server.corruptOnce = 5;
      return original(input, init);
    });
    const error = await failure(upload(other));
    expect(error.kind).toBe("checksum");
    expect(uploadErrorKey(error)).toBe("upload.checksum");
  });

  it("cancels: the server drops the upload and the device forgets it", async () => {
    const { file } = photo();
    const controller = new AbortController();
    await failure(upload(file, { signal: controller.signal, onProgress: (sent) => sent >= 1000 && controller.abort() }));
    await cancelResumable({ file, claimId: CLAIM, storage });
    expect(theUpload().status).toBe("cancelled");
    expect(storage.getItem(uploadKey(file, CLAIM))).toBeNull();
  });
});

describe("upload error sentences", () => {
  it("has a message in both languages for every code", () => {
    for (const key of new Set(Object.values(UPLOAD_ERROR_KEYS))) {
      expect(en[key]).toBeTruthy();
      expect(sw[key]).toBeTruthy();
      expect(sw[key]).not.toBe(en[key]);
    }
  });

  it("maps anything unknown to a general sentence", () => {
    expect(uploadErrorKey(new Error("boom"))).toBe("upload.failed");
  });
});
