import { describe, expect, it } from "vitest";

import { fileState } from "./files";

describe("a file's scan state in the customer's words", () => {
  it("is clean only when the scan said so, refused when infected, else still being checked", () => {
    expect(fileState("clean")).toBe("clean");
    expect(fileState("infected")).toBe("refused");
    for (const status of ["pending", "unscanned", "error", undefined, null]) expect(fileState(status)).toBe("checking");
  });
});
