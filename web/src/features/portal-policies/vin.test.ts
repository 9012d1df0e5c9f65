import { describe, expect, it } from "vitest";

import {
  checkDigit,
  normaliseVin,
  possibleModelYears,
  readDecodedVin,
  vinProblem,
  vinProblemWhileTyping,
  withCheckDigit,
} from "./vin";

// 1M8GDM9AXKP042788: the textbook North American VIN (check digit X).
const NORTH_AMERICAN = "1M8GDM9AXKP042788";

describe("VIN checks (insurehub/vehicles/vin.py)", () => {
  it("normalises spaces, dashes and case", () => {
    expect(normaliseVin(" 1m8gdm9a-xkp 042788 ")).toBe(NORTH_AMERICAN);
  });

  it("computes the check digit, X for 10", () => {
    expect(checkDigit(NORTH_AMERICAN)).toBe("X");
    expect(checkDigit("11111111111111111")).toBe("1");
    // the same as the server's vin.check_digit for these
    expect(checkDigit("LSGJA52U0BS000001")).toBe("8");
    expect(checkDigit("JH4KA7561PC008269")).toBe("1");
  });

  it("accepts a correct VIN and a European one (no check digit)", () => {
    expect(vinProblem(NORTH_AMERICAN)).toBeNull();
    expect(vinProblem("WVWZZZ1JZXW000001")).toBeNull();
  });

  it("names a wrong check digit and the right one", () => {
    expect(vinProblem("1M8GDM9A1KP042788")).toEqual({ code: "vin_check_digit", found: "1", expected: "X" });
    // China (L) carries a check digit too
    const chinese = withCheckDigit("LSGJA52U0BS000001");
    expect(vinProblem(chinese)).toBeNull();
    expect(vinProblem(`${chinese.slice(0, 8)}${chinese[8] === "0" ? "1" : "0"}${chinese.slice(9)}`)?.code).toBe(
      "vin_check_digit",
    );
  });

  it("refuses the wrong length and I, O, Q", () => {
    expect(vinProblem("1M8GDM9AXKP04278")).toEqual({ code: "vin_length", length: 16 });
    expect(vinProblem("WVWZZZ1JZXW00000O")).toEqual({ code: "vin_characters" });
  });

  it("while typing, reports forbidden characters at once and the rest at 17 characters", () => {
    expect(vinProblemWhileTyping("1M8G")).toBeNull();
    expect(vinProblemWhileTyping("1M8GQ")).toEqual({ code: "vin_characters" });
    expect(vinProblemWhileTyping("1M8GDM9A1KP042788")?.code).toBe("vin_check_digit");
  });

  it("reads the model years from the 10th character", () => {
    // K: 1989 or 2019 (as the server's vininfo says)
    expect(possibleModelYears(NORTH_AMERICAN, 2027)).toEqual([2019, 1989]);
    // Europe: X means 1999 or 2029 (not yet), so 1999
    expect(possibleModelYears("WVWZZZ1JZXW000001", 2027)).toEqual([1999]);
    // Europe: P means 1993 or 2023
    expect(possibleModelYears("WVWZZZ1JZPW000001", 2027)).toEqual([2023, 1993]);
    expect(possibleModelYears("WVWZZZ1JZ", 2027)).toEqual([]);
  });
});

describe("the server's VIN decoding, read for the quote page", () => {
  it("takes the manufacturer, country and model years, newest year first", () => {
    const offline = { wmi: "1M8", manufacturer: "Mercury", country: "United States", model_years: [1989, 2019] };
    expect(readDecodedVin(offline)).toEqual({ manufacturer: "Mercury", country: "United States", modelYears: [2019, 1989] });
  });

  it("leaves out what is missing or malformed rather than showing it", () => {
    expect(readDecodedVin(null)).toEqual({ manufacturer: null, country: null, modelYears: [] });
    expect(readDecodedVin({ manufacturer: "", country: 7, model_years: ["1999", 1999.5, 2001] })).toEqual({
      manufacturer: null,
      country: null,
      modelYears: [2001],
    });
  });
});
