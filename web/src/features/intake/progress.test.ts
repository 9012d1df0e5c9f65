import { describe, expect, it } from "vitest";

import { percentDone, readProgress } from "./progress";

describe("intake progress events", () => {
  it("reads the counts of a progress event", () => {
    const progress = readProgress({ import_id: "a", status: "running", total: 400, processed: 200, created: 190 });
    expect(progress).toEqual({
      import_id: "a",
      status: "running",
      total: 400,
      processed: 200,
      created: 190,
      refused: 0,
      replayed: 0,
    });
    expect(percentDone(progress!)).toBe(50);
  });

  it("refuses what is not one", () => {
    expect(readProgress(null)).toBeNull();
    expect(readProgress({ total: 3 })).toBeNull();
  });
});
