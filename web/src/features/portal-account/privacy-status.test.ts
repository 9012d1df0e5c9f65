import type { PrivacyRequest } from "./api/account";
import { erasureOpen, erasureState, exportState, holdReason, holdReasons, latestRequest } from "./privacy-status";

function request(overrides: Partial<PrivacyRequest>): PrivacyRequest {
  return {
    id: "r1",
    kind: "export",
    status: "processing",
    subject: "u1",
    requested_by: "u1",
    decided_by: null,
    reason: "",
    hold_reasons: [],
    expires_at: null,
    archive_sha256: "",
    result: null,
    error: "",
    completed_at: null,
    created_at: "2026-11-01T10:00:00Z",
    download_url: null,
    ...overrides,
  };
}

const now = new Date("2026-11-02T10:00:00Z");

describe("export state", () => {
  it("is none, processing, ready until its link expires, then expired", () => {
    expect(exportState(undefined, now)).toBe("none");
    expect(exportState(request({ status: "processing" }), now)).toBe("processing");
    const done = { status: "completed", download_url: "/api/privacy/requests/r1/download/" } as const;
    expect(exportState(request({ ...done, expires_at: "2026-11-02T12:00:00Z" }), now)).toBe("ready");
    expect(exportState(request({ ...done, expires_at: "2026-11-02T09:59:59Z" }), now)).toBe("expired");
    expect(exportState(request({ status: "completed", download_url: null, expires_at: "2026-11-03T00:00:00Z" }), now)).toBe(
      "expired",
    );
    expect(exportState(request({ status: "failed" }), now)).toBe("failed");
  });

  it("reads the newest request of the kind asked for", () => {
    const older = request({ id: "old", created_at: "2026-10-01T00:00:00Z" });
    const newer = request({ id: "new", created_at: "2026-11-01T00:00:00Z" });
    const erasure = request({ id: "erase", kind: "erasure", created_at: "2026-12-01T00:00:00Z" });
    expect(latestRequest([older, erasure, newer], "export")?.id).toBe("new");
    expect(latestRequest([older, newer], "erasure")).toBeUndefined();
  });
});

describe("erasure state", () => {
  it("is open while requested, held or processing (a second request would be refused)", () => {
    expect(erasureState(undefined)).toBe("none");
    for (const status of ["requested", "held", "processing"] as const) {
      expect(erasureOpen(erasureState(request({ kind: "erasure", status })))).toBe(true);
    }
    for (const status of ["completed", "rejected", "failed"] as const) {
      expect(erasureOpen(erasureState(request({ kind: "erasure", status })))).toBe(false);
    }
    expect(erasureOpen("none")).toBe(false);
  });

  it("turns the server's hold reasons into our sentences, keeping unknown ones as written", () => {
    expect(holdReason("open claim(s) CLM-2026-000001, CLM-2026-000002 must be closed first")).toEqual({
      key: "account.erasure.hold.claims",
      vars: { claims: "CLM-2026-000001, CLM-2026-000002" },
      text: "open claim(s) CLM-2026-000001, CLM-2026-000002 must be closed first",
    });
    expect(holdReason("a payment or payout is still pending").key).toBe("account.erasure.hold.payment");
    expect(holdReason("an export of this person's data is still being built").key).toBe("account.erasure.hold.export");
    expect(holdReason("a court order").key).toBeNull();
    expect(holdReasons(request({ hold_reasons: ["a court order", 3] }))).toHaveLength(1);
    expect(holdReasons(request({ hold_reasons: null }))).toEqual([]);
  });
});
