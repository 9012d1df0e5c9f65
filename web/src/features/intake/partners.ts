import type { ApiKey, PartnerKind } from "./api/partners";

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  fleet_owner: "Fleet owner",
  broker: "Broker",
};

export type KeyState = "revoked" | "unused" | "in-use";

/** A key is revoked (for good), never used yet, or in use (sent at least once). */
export function keyState(key: Pick<ApiKey, "revoked_at" | "last_used_at">): KeyState {
  if (key.revoked_at) return "revoked";
  return key.last_used_at ? "in-use" : "unused";
}

/** Live keys first (newest first), revoked ones after (most recently revoked first). */
export function sortKeys<T extends Pick<ApiKey, "revoked_at" | "created_at">>(keys: readonly T[]): T[] {
  return [...keys].sort((a, b) => {
    if (!a.revoked_at !== !b.revoked_at) return a.revoked_at ? 1 : -1;
    const left = a.revoked_at ?? a.created_at;
    const right = b.revoked_at ?? b.created_at;
    return right.localeCompare(left);
  });
}

/** The name a rotated key gets: the old one's, marked as its replacement (the API caps names at 80). */
export function rotatedKeyName(name: string): string {
  const base = name.replace(/ \(rotated\)$/, "");
  return `${base} (rotated)`.slice(0, 80);
}
