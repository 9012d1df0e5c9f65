import { centsToDecimal, lineAmounts, parseScaled, provisionalTotals, type DraftLine } from "./estimate-math";

function line(overrides: Partial<DraftLine>): DraftLine {
  return { kind: "part", quantity: "1", unit_price: "0", hours: "", rate: "", tax_rate: "0", ...overrides };
}

describe("parseScaled", () => {
  it("reads decimal strings as integer cents, without floats", () => {
    expect(parseScaled("12500.5")).toBe(1_250_050n);
    expect(parseScaled("0.1")).toBe(10n);
    expect(parseScaled(".25")).toBe(25n);
    expect(parseScaled("7.")).toBe(700n);
    expect(parseScaled(" 42 ")).toBe(4200n);
    expect(parseScaled("123456789012.34")).toBe(12_345_678_901_234n);
  });

  it("refuses what the API refuses: more than two places, signs, words, nothing", () => {
    expect(parseScaled("1.005")).toBeNull();
    expect(parseScaled("-1")).toBeNull();
    expect(parseScaled("1e3")).toBeNull();
    expect(parseScaled("")).toBeNull();
    expect(parseScaled(".")).toBeNull();
    expect(parseScaled("12,50")).toBeNull();
  });
});

describe("centsToDecimal", () => {
  it("writes two places for formatMoney", () => {
    expect(centsToDecimal(0n)).toBe("0.00");
    expect(centsToDecimal(5n)).toBe("0.05");
    expect(centsToDecimal(123_456n)).toBe("1234.56");
    expect(centsToDecimal(-150n)).toBe("-1.50");
  });
});

describe("lineAmounts", () => {
  it("is quantity x unit price, then tax on the net, each rounded half up to the cent", () => {
    // 3 x 0.35 = 1.05; 16% of 1.05 = 0.168 -> 0.17
    expect(lineAmounts(line({ quantity: "3", unit_price: "0.35", tax_rate: "16" }))).toEqual({
      net: 105n,
      tax: 17n,
      total: 122n,
    });
    // 0.5 x 0.05 = 0.025 -> 0.03 (half up, where a float gives 0.024999...)
    expect(lineAmounts(line({ quantity: "0.5", unit_price: "0.05" }))?.net).toBe(3n);
    // 16% of 0.10 = 0.016 -> 0.02; 16% of 0.03 = 0.0048 -> 0.00
    expect(lineAmounts(line({ unit_price: "0.10", tax_rate: "16" }))?.tax).toBe(2n);
    expect(lineAmounts(line({ unit_price: "0.03", tax_rate: "16" }))?.tax).toBe(0n);
  });

  it("prices labour by hours x rate, whatever the quantity says", () => {
    expect(lineAmounts(line({ kind: "labour", hours: "3.5", rate: "1500", quantity: "9", unit_price: "9" }))).toEqual({
      net: 525_000n,
      tax: 0n,
      total: 525_000n,
    });
    expect(lineAmounts(line({ kind: "labour", hours: "2", rate: "" }))).toBeNull();
  });

  it("takes an empty quantity as one and an empty tax rate as none, like the API", () => {
    expect(lineAmounts(line({ quantity: "", unit_price: "250", tax_rate: "" }))).toEqual({
      net: 25_000n,
      tax: 0n,
      total: 25_000n,
    });
  });

  it("has no amount while a number is invalid or the tax rate is over 100%", () => {
    expect(lineAmounts(line({ unit_price: "12.345" }))).toBeNull();
    expect(lineAmounts(line({ unit_price: "abc" }))).toBeNull();
    expect(lineAmounts(line({ unit_price: "10", tax_rate: "100.01" }))).toBeNull();
  });
});

describe("provisionalTotals", () => {
  it("sums the lines' rounded amounts, as the server does (the demo assessor's estimate)", () => {
    const totals = provisionalTotals([
      line({ kind: "part", unit_price: "28000", tax_rate: "16" }),
      line({ kind: "labour", hours: "2", rate: "1500" }),
      line({ kind: "paint", unit_price: "9000", tax_rate: "16" }),
    ]);
    expect(centsToDecimal(totals.subtotal)).toBe("40000.00");
    expect(centsToDecimal(totals.tax)).toBe("5920.00");
    expect(centsToDecimal(totals.total)).toBe("45920.00");
    expect(totals.incomplete).toBe(0);
  });

  it("rounds tax per line, not on the sum", () => {
    // 50% of 0.01 = 0.005 -> 0.01 on each line: 0.03 in all, where rounding the sum (0.015) gives 0.02
    const totals = provisionalTotals([
      line({ unit_price: "0.01", tax_rate: "50" }),
      line({ unit_price: "0.01", tax_rate: "50" }),
      line({ unit_price: "0.01", tax_rate: "50" }),
    ]);
    expect(totals.tax).toBe(3n);
    expect(totals.total).toBe(6n);
  });

  it("keeps every digit of large amounts and counts the lines it could not price", () => {
    const totals = provisionalTotals([
      line({ quantity: "1000", unit_price: "99999999999.99" }),
      line({ unit_price: "0.1" }),
      line({ unit_price: "" }),
    ]);
    expect(centsToDecimal(totals.total)).toBe("99999999999990.10");
    expect(totals.incomplete).toBe(1);
    expect(totals.lines[2]).toBeNull();
  });
});
