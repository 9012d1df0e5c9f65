import { useEffect, useState } from "react";

import { sessionFetch } from "@/lib/api";

/**
 * Photo files fetched with the session's Bearer token (an <img src> cannot send it) and shown
 * through object URLs. One fetch per file however many components show it; each URL is revoked
 * once nothing has used it for a while (a photo's files never change, so the cache is safe).
 */
interface Entry {
  promise: Promise<string>;
  url: string | null;
  refs: number;
  timer: ReturnType<typeof setTimeout> | null;
}

class ObjectUrlCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (path: string) => Promise<Blob>,
    private readonly keepMs = 60_000,
  ) {}

  acquire(path: string): Promise<string> {
    let entry = this.entries.get(path);
    if (!entry) {
      const created: Entry = { url: null, refs: 0, timer: null, promise: Promise.resolve("") };
      created.promise = this.load(path).then((blob) => {
        created.url = URL.createObjectURL(blob);
        return created.url;
      });
      created.promise.catch(() => this.entries.delete(path)); // a failed fetch is tried again next time
      this.entries.set(path, created);
      entry = created;
    }
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    entry.refs += 1;
    return entry.promise;
  }

  release(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    entry.timer = setTimeout(() => {
      if (entry.refs > 0) return;
      this.entries.delete(path);
      if (entry.url) URL.revokeObjectURL(entry.url);
    }, this.keepMs);
  }
}

const photoFiles = new ObjectUrlCache(async (path) => {
  const response = await sessionFetch(new Request(new URL(path, globalThis.location.origin)));
  return response.blob();
});

export interface ObjectUrlState {
  url: string | null;
  failed: boolean;
}

/** The object URL of an API file (null while it loads or when `path` is null). */
export function useObjectUrl(path: string | null): ObjectUrlState {
  const [state, setState] = useState<ObjectUrlState & { path: string | null }>({ path: null, url: null, failed: false });
  useEffect(() => {
    if (!path) return;
    let active = true;
    photoFiles.acquire(path).then(
      (url) => active && setState({ path, url, failed: false }),
      () => active && setState({ path, url: null, failed: true }),
    );
    return () => {
      active = false;
      photoFiles.release(path);
    };
  }, [path]);
  return state.path === path ? { url: state.url, failed: state.failed } : { url: null, failed: false };
}
