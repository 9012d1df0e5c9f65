import { describe, expect, it } from "vitest";

import { fromCents, sumMoney, toCents } from "./money-math";
import { apiToday, scheduleView, type InstalmentLike } from "./schedule";

const instalment = (sequence: number, due_date: string, status: string, amount = "3125.50"): InstalmentLike => ({
  id: `i${sequence}`,
  sequence,
  due_date,
  amount,
  status,
  paid_at: status === "paid" ? `${due_date}T09:00:00Z` : null,
});

describe("scheduleView", () => {
  const quarterly = [
    instalment(3, "2026-12-01", "due"),
    instalment(1, "2026-06-01", "paid"),
    instalment(2, "2026-09-01", "due"),
    instalment(4, "2027-03-01", "due", "3125.49"),
  ];

  it("orders by sequence and names paid, overdue, due next and upcoming", () => {
    const view = scheduleView(quarterly, "2026-11-29");
    expect(view.rows.map((row) => [row.sequence, row.state])).toEqual([
      [1, "paid"],
      [2, "overdue"],
      [3, "due_next"],
      [4, "upcoming"],
    ]);
    // the next payment goes to the earliest due instalment, overdue or not (as the server does)
    expect(view.next?.sequence).toBe(2);
    expect(view.overdueCount).toBe(1);
    expect(view.paidTotal).toBe("3125.50");
    expect(view.outstandingTotal).toBe("9376.49");
    expect(view.allPaid).toBe(false);
  });

  it("an instalment due today is not overdue", () => {
    const view = scheduleView([instalment(1, "2026-11-29", "due")], "2026-11-29");
    expect(view.rows[0]?.state).toBe("due_next");
    expect(view.overdueCount).toBe(0);
  });

  it("waived instalments are neither paid nor owed", () => {
    const view = scheduleView([instalment(1, "2026-01-01", "paid"), instalment(2, "2026-02-01", "waived")], "2026-11-29");
    expect(view.rows.map((row) => row.state)).toEqual(["paid", "waived"]);
    expect(view.allPaid).toBe(true);
    expect(view.next).toBeNull();
    expect(view.outstandingTotal).toBe("0.00");
  });

  it("apiToday is the UTC day", () => {
    expect(apiToday(new Date("2026-11-29T23:30:00-03:00"))).toBe("2026-11-30");
  });
});

describe("money in cents", () => {
  it("adds decimal strings exactly", () => {
    expect(sumMoney(["0.10", "0.20"])).toBe("0.30");
    expect(sumMoney(["12345678901234.56", "0.44"])).toBe("12345678901235.00");
    expect(sumMoney([])).toBe("0.00");
    expect(fromCents(toCents("-5.5"))).toBe("-5.50");
    expect(() => toCents("1e3")).toThrow();
  });
});
