import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, ImageOff, ImagePlus, Loader2, RotateCcw, ShieldQuestion, X } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";

import { photoFilePath, photosQuery, type Photo, type SectionKind } from "../api/assessments";
import { useObjectUrl } from "../hooks/use-object-url";
import { PHOTO_TYPES, usePhotoUploads, type UploadItem } from "../hooks/use-photo-uploads";
import { SECTION_LABELS } from "../vocabulary";
import { PhotoLightbox } from "./photo-lightbox";

const SECTION_KINDS = Object.keys(SECTION_LABELS) as SectionKind[];

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function Thumbnail({ assessmentId, photo, className }: { assessmentId: string; photo: Photo; className?: string }) {
  const ready = photo.status === "ready";
  const { url, failed } = useObjectUrl(ready ? photoFilePath(assessmentId, photo.id, "thumbnail") : null);
  const alt = photo.caption || photo.filename;
  if (!ready) {
    return (
      <div className={cn("flex flex-col items-center justify-center gap-1 bg-muted p-2 text-center text-xs", className)}>
        <ShieldQuestion className="size-5 text-muted-foreground" aria-hidden="true" />
        <span>Waiting for the virus scan</span>
      </div>
    );
  }
  if (failed) {
    return (
      <div className={cn("flex flex-col items-center justify-center gap-1 bg-muted text-xs", className)}>
        <ImageOff className="size-5 text-muted-foreground" aria-hidden="true" />
        <span>Could not load</span>
      </div>
    );
  }
  return url ? (
    <img src={url} alt={alt} className={cn("object-cover", className)} />
  ) : (
    <Skeleton className={cn("rounded-none", className)} />
  );
}

function UploadRow({ item, onRetry, onDismiss, onCancel }: { item: UploadItem; onRetry: () => void; onDismiss: () => void; onCancel: () => void }) {
  const label =
    item.state === "queued"
      ? "Waiting"
      : item.state === "uploading"
        ? `Uploading, ${item.progress}%`
        : item.state === "processing"
          ? "Scanning and processing…"
          : item.state === "done"
            ? item.photo?.status === "awaiting_scan"
              ? "Stored; waiting for the virus scan"
              : "Uploaded"
            : item.error;
  return (
    <li className="grid gap-1 rounded-md border px-3 py-2 text-sm" data-upload={item.state}>
      <div className="flex items-center gap-2">
        {item.state === "done" ? (
          <CheckCircle2 className="size-4 shrink-0 text-emerald-700" aria-hidden="true" />
        ) : item.state === "failed" ? (
          <X className="size-4 shrink-0 text-destructive" aria-hidden="true" />
        ) : (
          <Loader2 className="size-4 shrink-0 animate-spin text-muted-foreground" aria-hidden="true" />
        )}
        <span className="min-w-0 flex-1 truncate font-medium" title={item.file.name}>
          {item.file.name}
        </span>
        <span className="shrink-0 text-xs text-muted-foreground">{sizeText(item.file.size)}</span>
        {item.state === "failed" && PHOTO_TYPES.includes(item.file.type) && (
          <Button variant="ghost" size="sm" onClick={onRetry} aria-label={`Try ${item.file.name} again`}>
            <RotateCcw aria-hidden="true" />
          </Button>
        )}
        {item.state === "failed" && (
          <Button variant="ghost" size="sm" onClick={onDismiss} aria-label={`Dismiss ${item.file.name}`}>
            <X aria-hidden="true" />
          </Button>
        )}
        {(item.state === "uploading" || item.state === "queued") && (
          <Button variant="ghost" size="sm" onClick={item.state === "queued" ? onDismiss : onCancel} aria-label={`Cancel ${item.file.name}`}>
            <X aria-hidden="true" />
          </Button>
        )}
      </div>
      {(item.state === "uploading" || item.state === "processing") && (
        <div
          role="progressbar"
          aria-label={`${item.file.name} upload`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={item.progress}
          className="h-1.5 overflow-hidden rounded-full bg-primary/15"
        >
          <div className="h-full bg-primary transition-[width]" style={{ width: `${item.progress}%` }} />
        </div>
      )}
      <p className={cn("text-xs", item.state === "failed" ? "text-destructive" : "text-muted-foreground")}>{label}</p>
    </li>
  );
}

/**
 * The assessment's photos: drag-and-drop (or choose) several at once, each with its progress;
 * thumbnails fetched with the session's token; a lightbox to look through them and to set each
 * one's caption and section.
 */
export function PhotoGallery({ assessmentId, editable }: { assessmentId: string; editable: boolean }) {
  const photos = useQuery(photosQuery(assessmentId));
  const [section, setSection] = useState<SectionKind | "">("");
  const [caption, setCaption] = useState("");
  const uploads = usePhotoUploads(assessmentId, { section: section || null, caption });
  const [dragging, setDragging] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  const list = photos.data ?? [];
  const waiting = list.filter((photo) => photo.status !== "ready").length;
  const finished = uploads.items.filter((item) => item.state === "done").length;

  return (
    <div className="grid gap-4">
      {editable && (
        <div
          className={cn(
            "grid gap-3 rounded-lg border-2 border-dashed p-4 transition-colors",
            dragging ? "border-primary bg-primary/5" : "border-border",
          )}
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes("Files")) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = "copy";
            setDragging(true);
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            uploads.add(Array.from(event.dataTransfer.files));
          }}
          data-dropzone
        >
          <div className="flex flex-wrap items-center gap-3">
            <ImagePlus className="size-6 text-muted-foreground" aria-hidden="true" />
            <p className="flex-1 text-sm">
              <span className="font-medium">Drop photos here</span>
              <span className="text-muted-foreground"> — JPEG, PNG, WebP or TIFF; several at once.</span>
            </p>
            <label className={cn(buttonVariants({ variant: "default", size: "sm" }), "cursor-pointer focus-within:ring-[3px] focus-within:ring-ring/50")}>
              <input
                type="file"
                multiple
                accept={PHOTO_TYPES.join(",")}
                className="sr-only"
                aria-label="Choose photos to upload"
                onChange={(event) => {
                  if (event.target.files) uploads.add(Array.from(event.target.files));
                  event.target.value = "";
                }}
              />
              Choose photos
            </label>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="grid gap-1">
              <label htmlFor="upload-section" className="text-xs font-medium">
                Section of the new photos
              </label>
              <NativeSelect id="upload-section" value={section} onChange={(event) => setSection(event.target.value as SectionKind | "")}>
                <option value="">None</option>
                {SECTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {SECTION_LABELS[kind]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1">
              <label htmlFor="upload-caption" className="text-xs font-medium">
                Caption of the new photos
              </label>
              <Input id="upload-caption" maxLength={300} value={caption} onChange={(event) => setCaption(event.target.value)} />
            </div>
          </div>
          {uploads.items.length > 0 && (
            <ul className="grid gap-2" aria-label="Uploads">
              {uploads.items.map((item) => (
                <UploadRow
                  key={item.key}
                  item={item}
                  onRetry={() => uploads.retry(item.key)}
                  onDismiss={() => uploads.dismiss(item.key)}
                  onCancel={() => uploads.cancel(item.key)}
                />
              ))}
            </ul>
          )}
          <p role="status" className="sr-only">
            {finished ? `${finished} ${finished === 1 ? "photo" : "photos"} uploaded.` : ""}
          </p>
        </div>
      )}

      {photos.error ? (
        <Alert variant="destructive">
          <AlertDescription>
            <p>The photos could not be loaded. {photos.error.message}</p>
            <Button variant="outline" size="sm" onClick={() => void photos.refetch()}>
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : photos.isPending ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-busy="true" aria-label="Loading photos">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="aspect-[4/3]" />
          ))}
        </div>
      ) : list.length === 0 ? (
        <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">
          No photos yet.{editable ? " Add the damage as you inspect it." : ""}
        </p>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">
            {list.length} {list.length === 1 ? "photo" : "photos"}
            {waiting ? `, ${waiting} waiting for the virus scan` : ""}. Open one to see it larger
            {editable ? " and to set its caption and section" : ""}.
          </p>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4" aria-label="Photos">
            {list.map((photo, index) => (
              <li key={photo.id} data-photo={photo.id}>
                <button
                  type="button"
                  onClick={() => setOpen(photo.id)}
                  className="group grid w-full overflow-hidden rounded-lg border text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  aria-label={`Photo ${index + 1} of ${list.length}: ${photo.caption || photo.filename}${photo.section ? `, ${SECTION_LABELS[photo.section]}` : ""}`}
                >
                  <Thumbnail assessmentId={assessmentId} photo={photo} className="aspect-[4/3] w-full" />
                  <span className="grid gap-0.5 border-t px-2 py-1.5">
                    <span className="truncate text-sm font-medium">{photo.caption || <span className="text-muted-foreground italic">No caption</span>}</span>
                    <span className="truncate text-xs text-muted-foreground">
                      {photo.section ? SECTION_LABELS[photo.section] : "No section"} · {photo.filename}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <PhotoLightbox
        assessmentId={assessmentId}
        photos={list}
        openId={open}
        onOpenChange={setOpen}
        editable={editable}
      />
    </div>
  );
}
