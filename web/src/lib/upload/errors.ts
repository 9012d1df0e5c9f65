/**
 * What to tell the customer when an upload fails: the UploadError (resumable.ts) or the server's
 * problem code -> a catalogue key (`upload.*`, in areas/claimNew.{en,sw}.ts).
 *
 *   const t = useT();
 *   catch (error) { setMessage(t(uploadErrorKey(error))); if (isResumable(error)) showRetry(); }
 */
import type { MessageKey } from "@/lib/i18n";

import { isUploadError } from "./resumable";

/** The server's refusal codes (the single upload's and the resumable upload's) and their sentences. */
export const UPLOAD_ERROR_KEYS = {
  infected: "upload.infected",
  not_an_image: "upload.notAnImage",
  unsupported_type: "upload.unsupportedType",
  file_too_large: "upload.tooLarge",
  chunk_too_large: "upload.failed",
  empty_file: "upload.empty",
  corrupt_file: "upload.corrupt",
  image_too_large: "upload.imageTooLarge",
  file_too_complex: "upload.tooComplex",
  duplicate_document: "upload.duplicate",
  checksum_mismatch: "upload.checksum",
  upload_expired: "upload.expired",
  validation_error: "upload.claimUnavailable", // the claim no longer takes files (or is not the caller's)
  not_found: "upload.claimUnavailable",
  not_authenticated: "upload.signedOut",
  token_not_valid: "upload.signedOut",
  no_session: "upload.signedOut",
} as const satisfies Record<string, MessageKey>;

export type UploadErrorCode = keyof typeof UPLOAD_ERROR_KEYS;

export function uploadErrorKey(error: unknown): MessageKey {
  if (!isUploadError(error)) return "upload.failed";
  switch (error.kind) {
    case "offline":
      return error.code === "upload_expired" ? "upload.expired" : "upload.offline";
    case "aborted":
      return "upload.aborted";
    case "checksum":
      return "upload.checksum";
    default:
      if (error.problem?.status === 401) return "upload.signedOut";
      return (UPLOAD_ERROR_KEYS as Record<string, MessageKey>)[error.code] ?? "upload.failed";
  }
}

/** Whether trying the same file again carries on from where it stopped (show "Try again"). */
export function isResumable(error: unknown): boolean {
  return isUploadError(error) && error.resumable;
}
