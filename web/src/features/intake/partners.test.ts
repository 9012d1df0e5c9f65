import { describe, expect, it } from "vitest";

import { keyState, rotatedKeyName, sortKeys } from "./partners";

describe("keyState", () => {
  it("says revoked before anything else", () => {
    expect(keyState({ revoked_at: "2026-01-02T00:00:00Z", last_used_at: "2026-01-01T00:00:00Z" })).toBe("revoked");
  });
  it("tells an unused key from one in use", () => {
    expect(keyState({ revoked_at: null, last_used_at: null })).toBe("unused");
    expect(keyState({ revoked_at: null, last_used_at: "2026-01-01T00:00:00Z" })).toBe("in-use");
  });
});

describe("sortKeys", () => {
  it("puts live keys first, newest first, then revoked ones by revocation", () => {
    const keys = [
      { id: "old-live", created_at: "2026-01-01T00:00:00Z", revoked_at: null },
      { id: "revoked-early", created_at: "2026-01-05T00:00:00Z", revoked_at: "2026-01-06T00:00:00Z" },
      { id: "new-live", created_at: "2026-01-03T00:00:00Z", revoked_at: null },
      { id: "revoked-late", created_at: "2025-12-01T00:00:00Z", revoked_at: "2026-01-09T00:00:00Z" },
    ];
    expect(sortKeys(keys).map((key) => key.id)).toEqual(["new-live", "old-live", "revoked-late", "revoked-early"]);
    expect(keys[0]?.id, "the input is left alone").toBe("old-live");
  });
});

describe("rotatedKeyName", () => {
  it("marks the replacement once, within the API's 80 characters", () => {
    expect(rotatedKeyName("Fleet system")).toBe("Fleet system (rotated)");
    expect(rotatedKeyName("Fleet system (rotated)")).toBe("Fleet system (rotated)");
    expect(rotatedKeyName("x".repeat(80))).toHaveLength(80);
  });
});
