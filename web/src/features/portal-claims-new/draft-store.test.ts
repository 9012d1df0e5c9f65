import { beforeEach, describe, expect, it } from "vitest";

import { clearDraft, draftKey, loadDraft, saveDraft } from "./draft-store";
import { hasContent, newDraft } from "./wizard";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  refuse = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
}

describe("the draft on this device", () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it("is saved per user and restored as it was typed", () => {
    const draft = { ...newDraft("k"), step: "what" as const, policyId: "p1", description: "Hit a pothole", claimId: "c1" };
    saveDraft("u1", draft, storage, new Date("2026-11-29T10:00:00Z"));
    expect(loadDraft("u1", storage)).toEqual({ ...draft, savedAt: "2026-11-29T10:00:00.000Z" });
    expect(loadDraft("u2", storage)).toBeNull(); // another customer on the same browser sees nothing
  });

  it("is forgotten after submit or start-again", () => {
    saveDraft("u1", newDraft("k"), storage);
    clearDraft("u1", storage);
    expect(storage.getItem(draftKey("u1"))).toBeNull();
  });

  it("drops what is not a draft of this shape rather than misreading it", () => {
    storage.setItem(draftKey("u1"), "{not json");
    expect(loadDraft("u1", storage)).toBeNull();
    expect(storage.getItem(draftKey("u1"))).toBeNull();
    storage.setItem(draftKey("u1"), JSON.stringify({ ...newDraft("k"), version: 0 }));
    expect(loadDraft("u1", storage)).toBeNull();
    storage.setItem(draftKey("u1"), JSON.stringify({ ...newDraft("k"), step: "payment" }));
    expect(loadDraft("u1", storage)).toBeNull();
    storage.setItem(draftKey("u1"), JSON.stringify({ ...newDraft("k"), injury: "yes" }));
    expect(loadDraft("u1", storage)).toBeNull();
  });

  it("storage that refuses loses the saving, not the wizard", () => {
    storage.refuse = true;
    expect(() => saveDraft("u1", newDraft("k"), storage)).not.toThrow();
    expect(loadDraft("u1", storage)).toBeNull();
  });

  it("an untouched draft is not worth offering to continue; a typed one is", () => {
    expect(hasContent(newDraft("k"))).toBe(false);
    expect(hasContent({ ...newDraft("k"), description: "x" })).toBe(true);
    expect(hasContent({ ...newDraft("k"), claimId: "c1" })).toBe(true);
  });
});
