/**
 * A claim file's state as the customer reads it. The server's `scan_status`: `clean` (checked,
 * clean), `pending` (the scan is running), `unscanned` (no scanner answered yet: the file is neither
 * served nor processed until one does, so it is still being checked as far as the customer is
 * concerned), `error` (the scan failed and is tried again: still being checked), `infected`
 * (quarantined: refused).
 */
export type FileState = "uploading" | "paused" | "checking" | "clean" | "refused";

export function fileState(scanStatus: string | null | undefined): FileState {
  switch (scanStatus) {
    case "clean":
      return "clean";
    case "infected":
      return "refused";
    default:
      return "checking";
  }
}
