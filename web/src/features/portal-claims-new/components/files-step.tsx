import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText, Image as ImageIcon, RotateCcw, X } from "lucide-react";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";

import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { useInvalidateOnEvent } from "@/lib/events";
import { useT, type MessageKey } from "@/lib/i18n";
import { isResumable, uploadErrorKey } from "@/lib/upload/errors";
import { cancelResumable, uploadResumable, type UploadedDocument } from "@/lib/upload/resumable";

import { claimDocumentsQuery, claimNewKeys } from "../api/claim-new";
import { fileState, type FileState } from "../files";

export interface FilesSummary {
  /** Files on the claim (clean or still being checked). */
  count: number;
  /** An upload still running: "Send" waits for it. */
  busy: boolean;
}

type Kind = "photo" | "document";

/** A file picked on this page: its upload, then its document. */
interface Picked {
  key: string;
  file: File;
  kind: Kind;
  sent: number;
  status: "uploading" | "paused" | "refused" | "done";
  message: MessageKey | null;
  document: UploadedDocument | null;
}

/** Failures in a row before the page says the connection is lost (1 s + 2 s of waiting). */
const ATTEMPTS_BEFORE_TELLING = 3;

/**
 * Photos and documents of the server draft: each picked file uploads on its own (resumable, with
 * its progress), then shows its scan state: being checked, clean, or refused with the server's
 * sentence. A lost connection says so and offers "Retry", which carries on from what arrived.
 * Files already on the draft (a reload, another device) are listed from the server.
 */
export function FilesStep({ claimId, onChange }: { claimId: string; onChange: (summary: FilesSummary) => void }) {
  const { t } = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const documents = useQuery(claimDocumentsQuery(claimId));
  useInvalidateOnEvent({ type: "document.*", claim: claimId }, [claimNewKeys.documents(claimId)]);
  const [picked, setPicked] = useState<Picked[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  // Stop uploads when the step closes: what arrived is kept, and the same file resumes later.
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const change = (key: string, patch: Partial<Picked>) =>
    setPicked((items) => items.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  function start(item: Picked) {
    const controller = new AbortController();
    controllers.current.set(item.key, controller);
    change(item.key, { status: "uploading", message: null });
    uploadResumable({
      file: item.file,
      claimId,
      documentType: item.kind === "photo" ? "photo" : "other",
      onProgress: (sent) => change(item.key, { sent }),
      signal: controller.signal,
      maxAttempts: ATTEMPTS_BEFORE_TELLING,
    })
      .then((document) => {
        change(item.key, { status: "done", document, sent: item.file.size });
        void queryClient.invalidateQueries({ queryKey: claimNewKeys.documents(claimId) });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        change(item.key, { status: isResumable(error) ? "paused" : "refused", message: uploadErrorKey(error) });
      })
      .finally(() => controllers.current.delete(item.key));
  }

  function add(kind: Kind, event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // the same file may be picked again
    const items = files.map<Picked>((file) => ({
      key: `${kind}:${file.name}:${file.size}:${file.lastModified}:${crypto.randomUUID()}`,
      file,
      kind,
      sent: 0,
      status: "uploading",
      message: null,
      document: null,
    }));
    setPicked((current) => [...current, ...items]);
    items.forEach(start);
  }

  function remove(item: Picked) {
    controllers.current.get(item.key)?.abort();
    setPicked((items) => items.filter((other) => other.key !== item.key));
    if (item.status === "paused") void cancelResumable({ file: item.file, claimId }).catch(() => undefined);
  }

  // One list: the files picked here, then the draft's other documents (from the server).
  const server = documents.data ?? [];
  const pickedIds = new Set(picked.map((item) => item.document?.id).filter(Boolean));
  const earlier = server.filter((document) => !pickedIds.has(document.id));
  const byId = new Map(server.map((document) => [document.id, document]));

  const busy = picked.some((item) => item.status === "uploading");
  const count =
    earlier.filter((document) => fileState(document.scan_status) !== "refused").length +
    picked.filter((item) => item.status === "done" && fileState((byId.get(item.document?.id ?? "") ?? item.document)?.scan_status) !== "refused").length;
  useEffect(() => onChange({ count, busy }), [count, busy, onChange]);

  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-1 text-lg font-semibold">{t("claimNew.files.title")}</legend>
      <p className="text-sm text-muted-foreground">{t("claimNew.files.intro")}</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Picker id={`${id}-photos`} label={t("claimNew.files.photos")} help={t("claimNew.files.photosHelp")} accept="image/*" onPick={(event) => add("photo", event)} />
        <Picker
          id={`${id}-documents`}
          label={t("claimNew.files.documents")}
          help={t("claimNew.files.documentsHelp")}
          accept="application/pdf,image/*,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onPick={(event) => add("document", event)}
        />
      </div>
      <section aria-labelledby={`${id}-list`} className="flex flex-col gap-2">
        <h3 id={`${id}-list`} className="font-medium">
          {t("claimNew.files.list")}
        </h3>
        {picked.length === 0 && earlier.length === 0 && <p className="text-sm text-muted-foreground">{t("claimNew.files.none")}</p>}
        <ul className="flex flex-col gap-2">
          {picked.map((item) => {
            const document = item.document ? (byId.get(item.document.id) ?? item.document) : null;
            return (
              <FileRow
                key={item.key}
                name={item.file.name}
                kind={item.kind}
                state={item.status === "done" ? fileState(document?.scan_status) : item.status}
                percent={item.file.size ? Math.round((item.sent / item.file.size) * 100) : 100}
                message={item.message}
                onRetry={item.status === "paused" ? () => start(item) : undefined}
                onRemove={item.status === "paused" || item.status === "refused" ? () => remove(item) : undefined}
              />
            );
          })}
          {earlier.map((document) => (
            <FileRow
              key={document.id}
              name={document.filename}
              kind={document.kind === "photo" ? "photo" : "document"}
              state={fileState(document.scan_status)}
              percent={100}
              message={null}
            />
          ))}
        </ul>
      </section>
    </fieldset>
  );
}

function Picker({
  id,
  label,
  help,
  accept,
  onPick,
}: {
  id: string;
  label: string;
  help: string;
  accept: string;
  onPick: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <div className="flex flex-col gap-1.5 rounded-lg border border-dashed p-3">
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        type="file"
        multiple
        accept={accept}
        onChange={onPick}
        aria-describedby={`${id}-help`}
        className="text-sm file:mr-3 file:rounded-md file:border-0 file:bg-primary file:px-3 file:py-2 file:text-sm file:font-medium file:text-primary-foreground"
      />
      <p id={`${id}-help`} className="text-xs text-muted-foreground">
        {help}
      </p>
    </div>
  );
}

const STATE_TEXT: Record<Exclude<FileState, "uploading">, MessageKey> = {
  checking: "claimNew.files.state.checking",
  clean: "claimNew.files.state.clean",
  refused: "claimNew.files.state.refused",
  paused: "claimNew.files.state.paused",
};

function FileRow({
  name,
  kind,
  state,
  percent,
  message,
  onRetry,
  onRemove,
}: {
  name: string;
  kind: Kind;
  state: FileState;
  percent: number;
  message: MessageKey | null;
  onRetry?: () => void;
  onRemove?: () => void;
}) {
  const { t } = useT();
  const Icon = kind === "photo" ? ImageIcon : FileText;
  const tone =
    state === "clean" ? "text-emerald-700" : state === "refused" || state === "paused" ? "text-destructive" : "text-muted-foreground";
  return (
    <li className="flex flex-col gap-2 rounded-lg border p-3" data-testid="claim-file" data-state={state}>
      <div className="flex items-start gap-2">
        <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span className="min-w-0 flex-1 break-all text-sm font-medium" data-content>
          {name}
        </span>
        {onRemove && (
          <Button type="button" variant="ghost" size="icon" className="size-7" onClick={onRemove} aria-label={t("claimNew.files.remove", { name })}>
            <X aria-hidden="true" />
          </Button>
        )}
      </div>
      {state === "uploading" ? (
        <Progress value={percent} aria-label={t("claimNew.files.progress", { name, percent: String(percent) })} />
      ) : null}
      <p className={`text-sm ${tone}`} aria-live="polite" data-testid="claim-file-state">
        {state === "uploading" ? t("claimNew.files.state.uploading", { percent: String(percent) }) : t(STATE_TEXT[state])}
        {message && <span className="block">{t(message)}</span>}
      </p>
      {onRetry && (
        <Button type="button" variant="outline" size="sm" className="self-start" onClick={onRetry}>
          <RotateCcw aria-hidden="true" />
          {t("claimNew.files.retry", { name })}
        </Button>
      )}
    </li>
  );
}
