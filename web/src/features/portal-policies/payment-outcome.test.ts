import { describe, expect, it } from "vitest";

import { paymentOutcome, resultCodeOf } from "./payment-outcome";

describe("paymentOutcome", () => {
  it("waits while pending and is paid once succeeded (refunds later do not change that)", () => {
    expect(paymentOutcome({ status: "pending", failure_reason: "" })).toMatchObject({ kind: "waiting", final: false });
    for (const status of ["succeeded", "refunded", "partially_refunded"]) {
      expect(paymentOutcome({ status })).toMatchObject({ kind: "paid", final: true, canRetry: false });
    }
  });

  it.each([
    ["cancelled", "1032: Request cancelled by user", "cancelled", 1032],
    ["failed", "1: The balance is insufficient for the transaction.", "insufficient_funds", 1],
    ["failed", "1037: DS timeout user cannot be reached", "unreachable", 1037],
    ["failed", "1019: Transaction has expired", "expired", 1019],
    ["failed", "2001: The initiator information is invalid.", "wrong_pin", 2001],
    ["failed", "1001: Unable to lock subscriber", "busy", 1001],
    ["failed", "9999: Error while sending push", "not_sent", 9999],
    ["failed", "17: System internal error", "failed", 17],
  ])("%s with %j is %s", (status, failure_reason, kind, resultCode) => {
    expect(paymentOutcome({ status, failure_reason })).toEqual({ kind, final: true, canRetry: true, resultCode });
  });

  it("reads the server's own reasons", () => {
    expect(paymentOutcome({ status: "failed", failure_reason: "amount paid 10 is less than 12500.00" }).kind).toBe(
      "amount_short",
    );
    expect(paymentOutcome({ status: "failed", failure_reason: "STK push refused: Bad Request" }).kind).toBe("not_sent");
    expect(paymentOutcome({ status: "failed", failure_reason: "Your card was declined. (sandbox)" }).kind).toBe("failed");
    expect(paymentOutcome({ status: "cancelled", failure_reason: "instalment paid another way" }).kind).toBe(
      "cancelled",
    );
  });

  it("takes the result code only from the start of the reason", () => {
    expect(resultCodeOf("1032: Request cancelled by user")).toBe(1032);
    expect(resultCodeOf("amount paid 10 is less than 12")).toBeNull();
    expect(resultCodeOf(null)).toBeNull();
  });
});
