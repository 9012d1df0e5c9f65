import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { isApiError } from "@/lib/api";
import type { Upload } from "@/lib/api/upload";

import { assessmentKeys, uploadPhoto, type Photo, type SectionKind } from "../api/assessments";

export type UploadState = "queued" | "uploading" | "processing" | "done" | "failed";

export interface UploadItem {
  key: string;
  file: File;
  progress: number;
  state: UploadState;
  error?: string;
  photo?: Photo;
}

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/tiff"];
const AT_ONCE = 2;
const DONE_SHOWN_MS = 4000;

let counter = 0;

/**
 * The photo upload queue: each file its own request (its own progress bar and its own answer),
 * two at a time. A file leaves the queue a moment after it is stored (the gallery shows it);
 * a refused one stays with the server's reason until dismissed or tried again.
 */
export function usePhotoUploads(assessmentId: string, options: { section: SectionKind | null; caption: string }) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  // The queue itself; `items` is its last rendered copy.
  const queue = useRef<UploadItem[]>([]);
  const handles = useRef(new Map<string, Upload<Photo[]>>());
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  const commit = useCallback((next: UploadItem[]) => {
    queue.current = next;
    setItems(next);
  }, []);
  const patch = useCallback(
    (key: string, change: Partial<UploadItem>) =>
      commit(queue.current.map((item) => (item.key === key ? { ...item, ...change } : item))),
    [commit],
  );
  const drop = useCallback((key: string) => commit(queue.current.filter((item) => item.key !== key)), [commit]);

  // Starts queued files while fewer than AT_ONCE are on their way (kept in a ref: it calls itself).
  const pumpRef = useRef<() => void>(() => {});
  const pump = useCallback(() => pumpRef.current(), []);
  const startWaiting = useCallback(() => {
    const busy = queue.current.filter((item) => item.state === "uploading" || item.state === "processing").length;
    const starting = queue.current.filter((item) => item.state === "queued").slice(0, Math.max(0, AT_ONCE - busy));
    if (starting.length === 0) return;
    const keys = new Set(starting.map((item) => item.key));
    commit(queue.current.map((item) => (keys.has(item.key) ? { ...item, state: "uploading" as const } : item)));
    for (const item of starting) {
      const upload = uploadPhoto(assessmentId, item.file, optionsRef.current, (progress) =>
        patch(item.key, { progress, state: progress >= 100 ? "processing" : "uploading" }),
      );
      handles.current.set(item.key, upload);
      upload.done.then(
        ([photo]) => {
          handles.current.delete(item.key);
          patch(item.key, { state: "done", progress: 100, photo });
          void queryClient.invalidateQueries({ queryKey: assessmentKeys.part(assessmentId, "photos") });
          void queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId), exact: true });
          setTimeout(() => drop(item.key), DONE_SHOWN_MS);
          pump();
        },
        (error: unknown) => {
          handles.current.delete(item.key);
          if (error instanceof DOMException && error.name === "AbortError") drop(item.key);
          else patch(item.key, { state: "failed", error: isApiError(error) ? error.message : "The upload failed." });
          pump();
        },
      );
    }
  }, [assessmentId, commit, drop, patch, pump, queryClient]);
  useEffect(() => {
    pumpRef.current = startWaiting;
  }, [startWaiting]);

  useEffect(() => {
    const current = handles.current;
    return () => current.forEach((handle) => handle.abort());
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      const added: UploadItem[] = [];
      for (const file of files) {
        const key = `u${++counter}`;
        added.push(
          PHOTO_TYPES.includes(file.type)
            ? { key, file, progress: 0, state: "queued" }
            : { key, file, progress: 0, state: "failed", error: "Not a photo: send JPEG, PNG, WebP or TIFF images." },
        );
      }
      commit([...queue.current, ...added]);
      pump();
    },
    [commit, pump],
  );

  const retry = useCallback(
    (key: string) => {
      patch(key, { state: "queued", progress: 0, error: undefined });
      pump();
    },
    [patch, pump],
  );
  const cancel = useCallback((key: string) => handles.current.get(key)?.abort(), []);

  return { items, add, retry, dismiss: drop, cancel };
}
