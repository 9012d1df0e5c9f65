/**
 * A policy's instalments as the customer reads them: what is paid, what is overdue, what is due
 * next and what comes later. The API's instalment `status` is `due`, `paid` or `waived`; "overdue"
 * is a due instalment whose due date has passed (the server lapses the policy after its grace days,
 * POLICY_GRACE_DAYS). Days are compared as the API's dates (YYYY-MM-DD, the server's UTC day).
 */
import { sumMoney } from "./money-math";

export interface InstalmentLike {
  id: string;
  sequence: number;
  due_date: string;
  amount: string;
  status: string;
  paid_at: string | null;
}

export type InstalmentState = "paid" | "waived" | "overdue" | "due_next" | "upcoming";

export interface InstalmentRow extends InstalmentLike {
  state: InstalmentState;
}

export interface ScheduleView {
  rows: InstalmentRow[];
  /** The instalment a payment goes to now (the server takes the earliest due one). */
  next: InstalmentRow | null;
  paidTotal: string;
  outstandingTotal: string;
  overdueCount: number;
  allPaid: boolean;
}

/** Today's date as the API's dates are written (the server's day is UTC). */
export function apiToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function scheduleView(instalments: readonly InstalmentLike[], today: string): ScheduleView {
  const sorted = [...instalments].sort((a, b) => a.sequence - b.sequence);
  const nextId = sorted.find((item) => item.status === "due")?.id ?? null;
  // "due next": the first due instalment whose date has not passed (overdue ones say so themselves)
  const dueNextId = sorted.find((item) => item.status === "due" && item.due_date >= today)?.id ?? null;
  const rows: InstalmentRow[] = sorted.map((item) => {
    let state: InstalmentState;
    if (item.status === "paid") state = "paid";
    else if (item.status === "waived") state = "waived";
    else if (item.due_date < today) state = "overdue";
    else if (item.id === dueNextId) state = "due_next";
    else state = "upcoming";
    return { ...item, state };
  });
  const due = rows.filter((row) => row.status === "due");
  return {
    rows,
    next: rows.find((row) => row.id === nextId) ?? null,
    paidTotal: sumMoney(rows.filter((row) => row.state === "paid").map((row) => row.amount)),
    outstandingTotal: sumMoney(due.map((row) => row.amount)),
    overdueCount: rows.filter((row) => row.state === "overdue").length,
    allPaid: due.length === 0,
  };
}
