import { describe, expect, it } from "vitest";

import { displayMsisdn, normaliseKenyanPhone, prefillPhone } from "./phone";

describe("normaliseKenyanPhone (the server's daraja.normalise_phone rules)", () => {
  it.each([
    ["0712345678", "254712345678"],
    ["0112345678", "254112345678"],
    ["+254712345678", "254712345678"],
    ["254712345678", "254712345678"],
    ["712345678", "254712345678"],
    ["112345678", "254112345678"],
    ["+254 (712) 345-678", "254712345678"],
    [" 0712 345 678 ", "254712345678"],
  ])("%s -> %s", (raw, msisdn) => {
    expect(normaliseKenyanPhone(raw)).toEqual({ ok: true, msisdn });
  });

  it.each([
    "0812345678", // not a mobile prefix
    "071234567", // one digit short
    "07123456789", // one digit long
    "255712345678", // Tanzania
    "2540712345678",
    "0712.345.678", // dots are not ignored by the server either
    "07123456ab",
    "612345678",
  ])("refuses %s", (raw) => {
    expect(normaliseKenyanPhone(raw)).toEqual({ ok: false, reason: "invalid" });
  });

  it("says when nothing was typed", () => {
    expect(normaliseKenyanPhone("  ")).toEqual({ ok: false, reason: "empty" });
    expect(normaliseKenyanPhone(null)).toEqual({ ok: false, reason: "empty" });
  });
});

describe("displayMsisdn and prefillPhone", () => {
  it("groups the digits", () => {
    expect(displayMsisdn("254712345678")).toBe("+254 712 345 678");
    expect(displayMsisdn("12")).toBe("12");
  });

  it("prefills the profile's number normalised, or as stored when it is not a Kenyan mobile", () => {
    expect(prefillPhone("+254700000001")).toBe("254700000001");
    expect(prefillPhone("+44 20 7946 0000")).toBe("+44 20 7946 0000");
    expect(prefillPhone("")).toBe("");
  });
});
