import { Download, ExternalLink, LoaderCircle } from "lucide-react";
import { useEffect, useState } from "react";

import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { isApiError } from "@/lib/api";

import { fetchBlob } from "../api/documents";

export interface PreviewTarget {
  /** API path of the file (fetched with the session's token). */
  path: string;
  title: string;
  filename: string;
  kind: "image" | "pdf";
}

/**
 * A file of the API shown inline (an image, or a PDF in the browser's viewer) from a blob URL made
 * from the authenticated download: the token never goes into a URL. The blob URL is revoked when
 * the dialog closes.
 */
export function FilePreviewDialog({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="flex h-[90svh] max-w-[calc(100%-1rem)] flex-col sm:max-w-5xl">
        {target && <Preview key={target.path} target={target} />}
      </DialogContent>
    </Dialog>
  );
}

function Preview({ target }: { target: PreviewTarget }) {
  const [state, setState] = useState<{ url: string | null; error: unknown }>({ url: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    fetchBlob(target.path, controller.signal).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        setState({ url, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ url: null, error });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [target.path]);

  return (
    <>
      <DialogHeader className="pr-8">
        <DialogTitle className="truncate">{target.title}</DialogTitle>
        <DialogDescription className="flex flex-wrap items-center gap-3">
          <span className="truncate">{target.filename}</span>
          {state.url && (
            <>
              <a href={state.url} download={target.filename} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <Download aria-hidden="true" />
                Download
              </a>
              <a
                href={state.url}
                target="_blank"
                rel="noopener noreferrer"
                className={buttonVariants({ variant: "ghost", size: "sm" })}
              >
                <ExternalLink aria-hidden="true" />
                Open in a new tab
              </a>
            </>
          )}
        </DialogDescription>
      </DialogHeader>
      <div className="flex min-h-0 flex-1 items-center justify-center overflow-auto rounded-md border bg-muted/40">
        {state.error ? (
          <p className="p-6 text-sm text-destructive" role="alert">
            {isApiError(state.error) ? state.error.message : "The file could not be loaded."}
          </p>
        ) : !state.url ? (
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />
            Loading the file…
          </p>
        ) : target.kind === "image" ? (
          <img src={state.url} alt={target.title} className="max-h-full max-w-full object-contain" />
        ) : (
          <iframe src={state.url} title={target.title} className="size-full rounded-md bg-background" />
        )}
      </div>
    </>
  );
}
