import { formatAmount, formatDate, formatDateTime, formatNumber } from "./format";
import { initialLanguage, isLanguage } from "./language";

// Intl writes a no-break space in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatAmount", () => {
  it("shows whole shillings without false decimals, in both languages", () => {
    expect(plain(formatAmount("37500.00", "KES", "en"))).toBe("Ksh 37,500");
    expect(plain(formatAmount("37500.00", "KES", "sw"))).toBe("Ksh 37,500");
    expect(plain(formatAmount("900", "KES", "en"))).toBe("Ksh 900");
  });

  it("keeps real cents, with two places", () => {
    expect(plain(formatAmount("37500.5", "KES", "en"))).toBe("Ksh 37,500.50");
    expect(plain(formatAmount("12.05", "KES", "sw"))).toBe("Ksh 12.05");
  });

  it("never goes through a float: every digit of a large amount stays", () => {
    expect(plain(formatAmount("1234567890123456.78", "KES", "en"))).toBe("Ksh 1,234,567,890,123,456.78");
    expect(plain(formatAmount("9007199254740993.00", "KES", "en"))).toBe("Ksh 9,007,199,254,740,993");
  });

  it("rounds cents up to whole shillings for providers that take no cents", () => {
    expect(plain(formatAmount("37500.01", "KES", "en", { whole: true }))).toBe("Ksh 37,501");
    expect(plain(formatAmount("37500.00", "KES", "en", { whole: true }))).toBe("Ksh 37,500");
    expect(plain(formatAmount("9007199254740992.50", "KES", "en", { whole: true }))).toBe("Ksh 9,007,199,254,740,993");
  });

  it("formats other currencies and negative amounts", () => {
    expect(plain(formatAmount("-45.10", "KES", "en"))).toBe("-Ksh 45.10");
    expect(plain(formatAmount("5", "USD", "en"))).toMatch(/^US\$ ?5$/);
  });

  it("shows a dash for nothing and the raw text for something unexpected", () => {
    expect(formatAmount(null, "KES", "en")).toBe("—");
    expect(formatAmount(" ", "KES", "en")).toBe("—");
    expect(formatAmount("abc", "KES", "en")).toBe("KES abc");
  });
});

describe("formatDate", () => {
  it("writes the month in the reader's language", () => {
    expect(formatDate("2026-11-29", "en")).toBe("29 November 2026");
    expect(formatDate("2026-11-29", "sw")).toBe("29 Novemba 2026");
  });

  it("keeps a date-only value on its calendar day in any time zone", () => {
    expect(formatDate("2026-01-01", "en")).toBe("1 January 2026");
  });

  it("formats instants and refuses nonsense", () => {
    expect(formatDateTime("2026-11-29T12:00:00Z", "sw")).toMatch(/29 Novemba 2026/);
    expect(formatDate("not a date", "en")).toBe("—");
    expect(formatDateTime(null, "sw")).toBe("—");
  });
});

describe("formatNumber", () => {
  it("groups thousands", () => {
    expect(formatNumber(12345, "sw")).toBe("12,345");
  });
});

describe("the starting language", () => {
  it("is this device's earlier choice, else the browser's language, else English", () => {
    expect(initialLanguage("sw", ["en-GB"])).toBe("sw");
    expect(initialLanguage(null, ["sw-KE", "en"])).toBe("sw");
    expect(initialLanguage(null, ["en-KE"])).toBe("en");
    expect(initialLanguage("fr", [])).toBe("en");
    expect(isLanguage("sw") && !isLanguage("SW")).toBe(true);
  });
});
