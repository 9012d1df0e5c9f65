/**
 * An API error as a sentence in the customer's language: the codes these pages meet have their
 * own message; any other falls back to the server's sentence (English), which still says what to do.
 */
import { isApiError } from "@/lib/api";
import type { MessageKey } from "@/lib/i18n";

const KNOWN: Record<string, MessageKey> = {
  network_error: "common.offline",
  invalid_phone: "pay.error.invalidPhone",
  nothing_due: "pay.error.nothingDue",
  instalment_paid: "pay.error.nothingDue",
  policy_not_payable: "pay.error.notPayable",
  mpesa_unavailable: "pay.error.mpesaUnavailable",
  mpesa_not_configured: "pay.error.mpesaNotConfigured",
  currency_unsupported: "pay.error.currencyUnsupported",
  card_provider_unavailable: "pay.error.cardUnavailable",
  payment_in_progress: "pay.error.inProgress",
  request_in_progress: "pay.error.inProgress",
  quote_expired: "quote.error.expired",
  overlapping_policy: "quote.error.overlapping",
  product_unavailable: "quote.error.productUnavailable",
  vehicle_too_old: "quote.error.vehicleTooOld",
  sum_insured_too_high: "quote.error.sumInsuredTooHigh",
  start_in_past: "quote.error.startInPast",
  vin_taken: "quote.error.vinTaken",
  registration_taken: "quote.error.registrationTaken",
  too_early_to_renew: "policies.error.tooEarlyToRenew",
  already_renewed: "policies.error.alreadyRenewed",
  illegal_transition: "policies.error.illegalTransition",
  refund_too_large: "policies.error.refundTooLarge",
  not_refundable: "policies.error.notRefundable",
};

export function errorText(t: (key: MessageKey) => string, error: unknown): string {
  if (isApiError(error)) {
    const key = KNOWN[error.code];
    return key ? t(key) : error.message;
  }
  return t("common.error");
}
