/**
 * The wizard's draft in the browser's localStorage, one per signed-in user, saved as the customer
 * types: closing the browser keeps it, another customer on the same browser never sees it. A
 * stored value that is not a draft of this shape (another version, hand-edited, another app) is
 * dropped rather than misread. Storage that refuses (private mode, quota) loses nothing but the
 * saving: the wizard still works.
 */
import { DRAFT_VERSION, STEPS, type ClaimDraft } from "./wizard";

const PREFIX = "insurehub.claimDraft.";

/** The browser's storage: the claim the customer is writing (never tokens or session data, which
 * the eslint rule is about), or a store that keeps nothing where storage is blocked. */
function browserStorage(): Storage {
  try {
    // eslint-disable-next-line no-restricted-globals
    if (typeof localStorage !== "undefined") return localStorage;
  } catch {
    // blocked by the browser's settings
  }
  return {
    length: 0,
    clear: () => undefined,
    getItem: () => null,
    key: () => null,
    removeItem: () => undefined,
    setItem: () => undefined,
  };
}

export function draftKey(userId: string): string {
  return `${PREFIX}${userId}`;
}

const STRINGS = [
  "policyId",
  "date",
  "time",
  "address",
  "latitude",
  "longitude",
  "description",
  "thirdPartyDetails",
  "policeReference",
  "idempotencyKey",
  "savedAt",
] as const;

function isDraft(value: unknown): value is ClaimDraft {
  if (typeof value !== "object" || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    draft.version === DRAFT_VERSION &&
    (STEPS as readonly unknown[]).includes(draft.step) &&
    STRINGS.every((key) => typeof draft[key] === "string") &&
    typeof draft.injury === "boolean" &&
    typeof draft.thirdParty === "boolean" &&
    (draft.claimId === null || typeof draft.claimId === "string") &&
    (draft.syncedBody === null || typeof draft.syncedBody === "string") &&
    (draft.idempotencyKey as string).length > 0
  );
}

export function loadDraft(userId: string, storage: Storage = browserStorage()): ClaimDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(draftKey(userId));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (isDraft(value)) return value;
  } catch {
    // not JSON: dropped below
  }
  clearDraft(userId, storage);
  return null;
}

export function saveDraft(userId: string, draft: ClaimDraft, storage: Storage = browserStorage(), now: Date = new Date()): void {
  try {
    storage.setItem(draftKey(userId), JSON.stringify({ ...draft, savedAt: now.toISOString() }));
  } catch {
    // storage full or refused: the draft lives on in the page only
  }
}

export function clearDraft(userId: string, storage: Storage = browserStorage()): void {
  try {
    storage.removeItem(draftKey(userId));
  } catch {
    // nothing to clear
  }
}
