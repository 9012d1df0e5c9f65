/**
 * A multipart POST that reports its upload progress (XMLHttpRequest: fetch cannot), with the
 * session's token and the API client's rules: a 401 refreshes the session once and sends again;
 * a failure rejects with an ApiError (problem+json), a cancelled upload with an AbortError.
 *
 *   const upload = uploadWithProgress("/api/assessments/<id>/photos/", form, (percent) => ...);
 *   const photos = await upload.done;   // the parsed JSON answer
 *   upload.abort();
 */
import { session } from "@/lib/auth/session";

import { ApiError } from "./errors";

export interface Upload<T> {
  done: Promise<T>;
  abort: () => void;
}

function problemOf(xhr: XMLHttpRequest): Promise<ApiError> {
  if (xhr.status === 0) return Promise.resolve(ApiError.network());
  const response = new Response(xhr.responseText || null, {
    status: xhr.status,
    statusText: xhr.statusText,
    headers: { "Content-Type": xhr.getResponseHeader("Content-Type") ?? "application/json" },
  });
  return ApiError.fromResponse(response);
}

function send(path: string, form: FormData, onProgress: (percent: number) => void, token: string | null) {
  const xhr = new XMLHttpRequest();
  const done = new Promise<XMLHttpRequest>((resolve, reject) => {
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    });
    xhr.addEventListener("load", () => resolve(xhr));
    xhr.addEventListener("error", () => reject(ApiError.network()));
    xhr.addEventListener("abort", () => reject(new DOMException("The upload was cancelled.", "AbortError")));
  });
  xhr.open("POST", path);
  xhr.setRequestHeader("Accept", "application/json");
  if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
  xhr.send(form);
  return { xhr, done };
}

export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (percent: number) => void): Upload<T> {
  let current: XMLHttpRequest | null = null;
  let aborted = false;
  const attempt = async (retry: boolean): Promise<T> => {
    const { xhr, done } = send(path, form, onProgress, session.accessToken());
    current = xhr;
    await done;
    if (xhr.status === 401 && retry && !aborted && (await session.refresh())) return attempt(false);
    if (xhr.status < 200 || xhr.status >= 300) throw await problemOf(xhr);
    return JSON.parse(xhr.responseText) as T;
  };
  return {
    done: attempt(true),
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}
