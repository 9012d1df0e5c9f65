/** What an `intake.progress` / `intake.finished` event carries. */
export interface IntakeProgress {
  import_id: string;
  status: string;
  total: number;
  processed: number;
  created: number;
  refused: number;
  replayed: number;
}

export function readProgress(data: unknown): IntakeProgress | null {
  if (typeof data !== "object" || data === null) return null;
  const value = data as Record<string, unknown>;
  if (typeof value.import_id !== "string" || typeof value.total !== "number") return null;
  const count = (name: string) => (typeof value[name] === "number" ? (value[name]) : 0);
  return {
    import_id: value.import_id,
    status: typeof value.status === "string" ? value.status : "",
    total: value.total,
    processed: count("processed"),
    created: count("created"),
    refused: count("refused"),
    replayed: count("replayed"),
  };
}

export function percentDone(progress: IntakeProgress): number {
  return progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0;
}
