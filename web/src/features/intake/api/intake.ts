import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { api, sessionFetch, unwrap, type components } from "@/lib/api";
import { uploadWithProgress, type Upload } from "@/lib/api/upload";

export type IntakeImport = components["schemas"]["ImportOutput"];
export type ImportStarted = components["schemas"]["ImportStartedOutput"];
export type DryRun = components["schemas"]["DryRunOutput"];
export type DryRunRow = components["schemas"]["DryRunRow"];

export const intakeKeys = {
  all: ["intake"] as const,
  list: (page: number) => [...intakeKeys.all, "list", page] as const,
};

export function importsQuery(page: number) {
  return queryOptions({
    queryKey: intakeKeys.list(page),
    queryFn: ({ signal }) => unwrap(api.GET("/api/intake/imports/", { params: { query: { page } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Send the file: a dry run answers every row's result; otherwise the import starts (a job). */
export function uploadIncidents<T extends DryRun | ImportStarted>(
  file: File,
  dryRun: boolean,
  onProgress: (percent: number) => void,
): Upload<T> {
  const form = new FormData();
  form.append("file", file);
  form.append("dry_run", dryRun ? "true" : "false");
  return uploadWithProgress<T>("/api/intake/imports/", form, onProgress);
}

/** The import's report (CSV), fetched with the session's token and handed to the browser as a download. */
export async function downloadReport(id: string): Promise<void> {
  const response = await sessionFetch(
    new Request(new URL(`/api/intake/imports/${encodeURIComponent(id)}/report.csv`, globalThis.location.origin)),
  );
  const href = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = href;
    link.download = `import-${id}-report.csv`;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}
