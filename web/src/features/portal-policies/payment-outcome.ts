/**
 * A payment's outcome in plain words, from the transaction the API answers (`status` and
 * `failure_reason`). The server records M-Pesa failures as "<Daraja ResultCode>: <ResultDesc>"
 * (insurehub/payments/services.py), an amount below what is due as "amount paid ... is less than
 * ...", and a push Daraja refused as "STK push refused: ...". The kind names a catalogue message
 * (`portalPay.outcome.<kind>`), so the page says it in the customer's language.
 *
 * Daraja's result codes (M-Pesa Express): 0 paid; 1 insufficient balance; 1032 cancelled by the
 * customer; 1037 the phone could not be reached; 1019 the prompt expired; 2001 wrong PIN;
 * 1001 another M-Pesa transaction is in progress on the phone; 1025 and 9999 the prompt could not
 * be sent.
 */
export type OutcomeKind =
  | "waiting"
  | "paid"
  | "cancelled"
  | "insufficient_funds"
  | "unreachable"
  | "expired"
  | "wrong_pin"
  | "busy"
  | "not_sent"
  | "amount_short"
  | "failed";

export interface PaymentOutcome {
  kind: OutcomeKind;
  /** The payment is over (paid or not): stop waiting. */
  final: boolean;
  /** Trying again (a new prompt, another method) makes sense. */
  canRetry: boolean;
  /** Daraja's result code when the reason carried one. */
  resultCode: number | null;
}

interface TransactionLike {
  status: string;
  failure_reason?: string | null;
}

const BY_RESULT_CODE: Record<number, OutcomeKind> = {
  1: "insufficient_funds",
  1032: "cancelled",
  1037: "unreachable",
  1019: "expired",
  2001: "wrong_pin",
  1001: "busy",
  1025: "not_sent",
  9999: "not_sent",
};

export function resultCodeOf(reason: string | null | undefined): number | null {
  const match = /^\s*(\d{1,5})\s*:/.exec(reason ?? "");
  return match ? Number(match[1]) : null;
}

export function paymentOutcome(txn: TransactionLike): PaymentOutcome {
  const code = resultCodeOf(txn.failure_reason);
  switch (txn.status) {
    case "pending":
      return { kind: "waiting", final: false, canRetry: false, resultCode: null };
    case "succeeded":
    case "refunded":
    case "partially_refunded":
      return { kind: "paid", final: true, canRetry: false, resultCode: null };
    case "cancelled":
      // 1032 is the customer's own cancel; a cancelled card payment (paid another way) has no code
      return { kind: code === null || code === 1032 ? "cancelled" : (BY_RESULT_CODE[code] ?? "failed"), final: true, canRetry: true, resultCode: code };
    default: {
      const reason = (txn.failure_reason ?? "").trim();
      let kind: OutcomeKind = "failed";
      if (code !== null) kind = BY_RESULT_CODE[code] ?? "failed";
      else if (/^amount paid/i.test(reason)) kind = "amount_short";
      else if (/^STK push refused/i.test(reason)) kind = "not_sent";
      return { kind, final: true, canRetry: true, resultCode: code };
    }
  }
}
