import { formatDate, formatMoney, formatRelative } from ".";

describe("formatMoney", () => {
  it("groups thousands and keeps two places, from the string", () => {
    expect(formatMoney("12500.5", "KES")).toBe("KES 12,500.50");
    expect(formatMoney("1234567890123456.78", "KES")).toBe("KES 1,234,567,890,123,456.78");
    expect(formatMoney("0.00")).toBe("KES 0.00");
    expect(formatMoney("-45.10", "USD")).toBe("−USD 45.10");
    expect(formatMoney("900", "KES")).toBe("KES 900.00");
  });

  it("shows a dash for no amount and the raw text for something unexpected", () => {
    expect(formatMoney(null)).toBe("—");
    expect(formatMoney("")).toBe("—");
    expect(formatMoney("abc", "KES")).toBe("KES abc");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  it("says how far from now, both ways", () => {
    expect(formatRelative("2026-11-29T15:00:00Z", now)).toBe("in 3 hours");
    expect(formatRelative("2026-11-27T12:00:00Z", now)).toBe("2 days ago");
    expect(formatRelative("2026-11-29T11:59:40Z", now)).toBe("just now");
    expect(formatRelative("2026-11-29T12:10:00Z", now)).toBe("in 10 minutes");
  });
  it("shows a dash for nothing or nonsense", () => {
    expect(formatRelative(null, now)).toBe("—");
    expect(formatRelative("not a date", now)).toBe("—");
    expect(formatDate(undefined)).toBe("—");
  });
});
