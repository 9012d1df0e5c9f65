import { checkPassword, tooSimilar } from "./password-rules";

describe("checkPassword", () => {
  it("waits for a password before judging the rules that need one", () => {
    expect(checkPassword("")).toEqual({ length: "unmet", numeric: "unknown", similar: "unknown" });
  });

  it("counts at least ten characters", () => {
    expect(checkPassword("short-pw1").length).toBe("unmet");
    expect(checkPassword("plum-orbit-917").length).toBe("met");
  });

  it("refuses digits only", () => {
    expect(checkPassword("0712345678901").numeric).toBe("unmet");
    expect(checkPassword("0712345678a").numeric).toBe("met");
  });

  it("refuses a password built on the e-mail address or the name", () => {
    expect(checkPassword("amani.wanjiru", { email: "amani.wanjiru@example.test" }).similar).toBe("unmet");
    expect(checkPassword("wanjiru2026", { name: "Amani Wanjiru" }).similar).toBe("unmet");
    expect(checkPassword("plum-orbit-cascade-917", { email: "amani@example.test", name: "Amani W" }).similar).toBe(
      "met",
    );
  });

  it("does not call a long password similar for a short name inside it", () => {
    expect(tooSimilar("correct-horse-battery-ann", "x@example.test", "Ann")).toBe(false);
  });
});
