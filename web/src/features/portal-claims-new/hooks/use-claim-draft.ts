import { useCallback, useRef, useState } from "react";

import { fileDraftClaim, moveClaim, updateDraftClaim, type Claim } from "../api/claim-new";
import { clearDraft, loadDraft, saveDraft } from "../draft-store";
import { changedFields, claimBody, newDraft, type ClaimDraft } from "../wizard";

/**
 * The wizard's draft: in the page, saved to localStorage (per user) on every change, and mirrored
 * to the server draft once there is one (`sync`): the first sync files it (POST `draft: true` with
 * the draft's own Idempotency-Key, so a retry after a lost answer never files two), later ones
 * PATCH only what changed. `submit` syncs, then moves the draft to submitted and forgets it here.
 */
export function useClaimDraft(userId: string, thirdPartyLabel: string) {
  const [draft, setDraft] = useState<ClaimDraft>(() => loadDraft(userId) ?? newDraft());
  const latest = useRef(draft);
  const syncing = useRef<Promise<ClaimDraft> | null>(null);

  const replace = useCallback(
    (next: ClaimDraft, persist = true) => {
      latest.current = next;
      setDraft(next);
      if (persist) saveDraft(userId, next);
    },
    [userId],
  );

  const update = useCallback(
    (patch: Partial<ClaimDraft>) => replace({ ...latest.current, ...patch }),
    [replace],
  );

  const sync = useCallback((): Promise<ClaimDraft> => {
    if (syncing.current) return syncing.current;
    const run = async (): Promise<ClaimDraft> => {
      const current = latest.current;
      const body = claimBody(current, thirdPartyLabel);
      if (!current.claimId) {
        const claim = await fileDraftClaim(current.policyId, body, current.idempotencyKey);
        const filed = { ...latest.current, claimId: claim.id, syncedBody: JSON.stringify(body) };
        replace(filed);
        return filed;
      }
      const changed = changedFields(current.syncedBody, body);
      if (Object.keys(changed).length === 0) return current;
      await updateDraftClaim(current.claimId, changed);
      const synced = { ...latest.current, syncedBody: JSON.stringify(body) };
      replace(synced);
      return synced;
    };
    const promise = run().finally(() => {
      syncing.current = null;
    });
    syncing.current = promise;
    return promise;
  }, [replace, thirdPartyLabel]);

  const submit = useCallback(async (): Promise<Claim> => {
    const synced = await sync();
    const claim = await moveClaim(synced.claimId as string, "submitted");
    clearDraft(userId);
    return claim;
  }, [sync, userId]);

  /** Start again: the server draft (if any) is withdrawn first, then a fresh draft. */
  const discard = useCallback(async (): Promise<void> => {
    const id = latest.current.claimId;
    if (id) {
      try {
        await moveClaim(id, "withdrawn", "started again");
      } catch (error) {
        // Already sent, withdrawn or gone: nothing of it left to withdraw.
        const status = (error as { status?: number } | null)?.status ?? 0;
        if (status !== 404 && status !== 409) throw error;
      }
    }
    clearDraft(userId);
    replace(newDraft(), false);
  }, [replace, userId]);

  return { draft, update, replace, sync, submit, discard };
}
