import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Save, Trash2 } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";

import { assessmentKeys, deletePhoto, photoFilePath, updatePhoto, type Photo, type SectionKind } from "../api/assessments";
import { useObjectUrl } from "../hooks/use-object-url";
import { SECTION_LABELS } from "../vocabulary";

const SECTION_KINDS = Object.keys(SECTION_LABELS) as SectionKind[];

interface PhotoLightboxProps {
  assessmentId: string;
  photos: readonly Photo[];
  openId: string | null;
  onOpenChange: (id: string | null) => void;
  editable: boolean;
}

function FullImage({ assessmentId, photo }: { assessmentId: string; photo: Photo }) {
  const ready = photo.status === "ready";
  const { url, failed } = useObjectUrl(ready ? photoFilePath(assessmentId, photo.id, "full") : null);
  if (!ready) {
    return <p className="p-8 text-center text-sm">This photo is waiting for its virus scan: it is shown once the scan says it is clean.</p>;
  }
  if (failed) return <p className="p-8 text-center text-sm">The photo could not be loaded.</p>;
  if (!url) return <Skeleton className="h-[50vh] w-full rounded-none" />;
  return <img src={url} alt={photo.caption || photo.filename} className="max-h-[65vh] w-full object-contain" />;
}

function PhotoDetails({ assessmentId, photo, editable, onDeleted }: { assessmentId: string; photo: Photo; editable: boolean; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const [caption, setCaption] = useState(photo.caption);
  const [section, setSection] = useState<SectionKind | "">(photo.section ?? "");
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: assessmentKeys.part(assessmentId, "photos") });
  const save = useMutation({
    mutationFn: () => updatePhoto(assessmentId, photo.id, { caption, section: section || null }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => deletePhoto(assessmentId, photo.id),
    onSuccess: () => {
      onDeleted();
      void refresh();
    },
  });
  const error = isApiError(save.error) ? save.error : null;
  const dirty = caption !== photo.caption || (section || null) !== (photo.section ?? null);
  const taken = photo.taken_at ? formatDateTime(photo.taken_at) : null;

  return (
    <div className="grid gap-3">
      <p className="text-xs text-muted-foreground">
        {photo.filename}
        {photo.width && photo.height ? ` · ${photo.width}×${photo.height}` : ""}
        {taken ? ` · taken ${taken}` : ""} · uploaded {formatDateTime(photo.created_at)}
      </p>
      {editable ? (
        <form
          className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <div className="grid gap-1">
            <label htmlFor={`caption-${photo.id}`} className="text-sm font-medium">
              Caption
            </label>
            <Input
              id={`caption-${photo.id}`}
              maxLength={300}
              value={caption}
              aria-invalid={error?.fieldError("caption") ? true : undefined}
              aria-describedby={error?.fieldError("caption") ? `caption-${photo.id}-error` : undefined}
              onChange={(event) => setCaption(event.target.value)}
            />
            {error?.fieldError("caption") && (
              <p id={`caption-${photo.id}-error`} className="text-sm text-destructive">
                {error.fieldError("caption")}
              </p>
            )}
          </div>
          <div className="grid gap-1">
            <label htmlFor={`section-${photo.id}`} className="text-sm font-medium">
              Section
            </label>
            <NativeSelect id={`section-${photo.id}`} value={section} onChange={(event) => setSection(event.target.value as SectionKind | "")}>
              <option value="">None</option>
              {SECTION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {SECTION_LABELS[kind]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="submit" disabled={!dirty || save.isPending}>
            <Save aria-hidden="true" />
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </form>
      ) : (
        <p className="text-sm">
          {photo.caption || "No caption"} · {photo.section ? SECTION_LABELS[photo.section] : "No section"}
        </p>
      )}
      {error && !error.fieldError("caption") && (
        <Alert variant="destructive">
          <AlertDescription>{error.message}</AlertDescription>
        </Alert>
      )}
      {remove.error && (
        <Alert variant="destructive">
          <AlertDescription>{remove.error.message}</AlertDescription>
        </Alert>
      )}
      <p role="status" className="text-sm text-muted-foreground">
        {save.isSuccess && !dirty ? "Saved." : ""}
      </p>
      {editable && (
        <div className="flex items-center gap-2">
          {confirming ? (
            <>
              <span className="text-sm">Delete this photo for good?</span>
              <Button variant="destructive" size="sm" disabled={remove.isPending} onClick={() => remove.mutate()}>
                <Trash2 aria-hidden="true" />
                Delete photo
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button variant="ghost" size="sm" className="text-destructive" onClick={() => setConfirming(true)}>
              <Trash2 aria-hidden="true" />
              Delete…
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** A photo large, with the previous and next ones a key away (← →), Escape to close. */
export function PhotoLightbox({ assessmentId, photos, openId, onOpenChange, editable }: PhotoLightboxProps) {
  const index = photos.findIndex((photo) => photo.id === openId);
  const photo = index >= 0 ? photos[index] : undefined;
  const go = (step: number) => {
    if (photos.length === 0 || index < 0) return;
    const next = photos[(index + step + photos.length) % photos.length];
    if (next) onOpenChange(next.id);
  };
  return (
    <Dialog open={!!photo} onOpenChange={(open) => !open && onOpenChange(null)}>
      <DialogContent
        className="max-h-[95svh] overflow-y-auto sm:max-w-5xl"
        onKeyDown={(event) => {
          const target = event.target as HTMLElement;
          if (target.closest("input, textarea, select")) return;
          if (event.key === "ArrowRight") {
            event.preventDefault();
            go(1);
          } else if (event.key === "ArrowLeft") {
            event.preventDefault();
            go(-1);
          }
        }}
      >
        {photo && (
          <>
            <div className="grid gap-1 pr-8">
              <DialogTitle>{photo.caption || photo.filename}</DialogTitle>
              <DialogDescription>
                Photo {index + 1} of {photos.length}
                {photo.section ? ` · ${SECTION_LABELS[photo.section]}` : ""}. Use the arrow keys for the previous and next photos.
              </DialogDescription>
            </div>
            <div className="relative overflow-hidden rounded-md bg-zinc-950">
              <FullImage assessmentId={assessmentId} photo={photo} />
              {photos.length > 1 && (
                <>
                  <Button
                    variant="secondary"
                    size="icon"
                    className="absolute top-1/2 left-2 -translate-y-1/2 opacity-90"
                    onClick={() => go(-1)}
                    aria-label="Previous photo"
                  >
                    <ChevronLeft aria-hidden="true" />
                  </Button>
                  <Button
                    variant="secondary"
                    size="icon"
                    className="absolute top-1/2 right-2 -translate-y-1/2 opacity-90"
                    onClick={() => go(1)}
                    aria-label="Next photo"
                  >
                    <ChevronRight aria-hidden="true" />
                  </Button>
                </>
              )}
            </div>
            <PhotoDetails
              key={photo.id}
              assessmentId={assessmentId}
              photo={photo}
              editable={editable}
              onDeleted={() => (photos.length > 1 ? go(1) : onOpenChange(null))}
            />
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
