/**
 * Every error the account endpoints answer, as a sentence the customer can act on. The codes are
 * those of the views' docstrings (insurehub/users/api/views.py, account.py,
 * insurehub/privacy/api/views.py); anything else falls back by status.
 */
import { isApiError } from "@/lib/api";
import type { MessageKey } from "@/lib/i18n";

/** Codes with a meaning of their own, whichever form sent them. */
export const ERROR_MESSAGES: Readonly<Record<string, MessageKey>> = {
  wrong_password: "account.error.wrongPassword",
  same_email: "account.error.sameEmail",
  email_taken: "account.error.emailTaken",
  too_many_requests: "account.error.tooMany",
  throttled: "account.error.throttled",
  login_throttled: "account.error.throttled",
  erasure_pending: "account.error.erasurePending",
  export_not_ready: "account.error.exportNotReady",
  export_expired: "account.error.exportExpired",
  not_found: "account.error.notFound",
  duplicate_preference: "account.error.duplicatePreference",
  phone_missing: "account.error.phoneMissing",
  phone_already_verified: "account.error.phoneVerified",
  invalid_code: "account.error.invalidCode",
  validation_error: "common.checkFields",
};

/** The sentence for a failed request (above the form; field errors go next to their fields). */
export function accountErrorKey(error: unknown): MessageKey {
  if (!isApiError(error)) return "common.error";
  if (error.status === 0) return "common.offline";
  const known = ERROR_MESSAGES[error.code];
  if (known) return known;
  if (error.status === 429) return "account.error.throttled";
  if (error.status === 401) return "account.error.sessionEnded";
  if (error.status === 400 && error.problem.errors.some((item) => item.field)) return "common.checkFields";
  return "common.error";
}

const PASSWORD_RULES: [RegExp, MessageKey][] = [
  [/too short/i, "register.error.password.short"],
  [/too common/i, "register.error.password.common"],
  [/entirely numeric/i, "register.error.password.numeric"],
  [/too similar/i, "register.error.password.similar"],
];

/**
 * The messages for one field of a refused form in the reader's language: the password rules and
 * a malformed e-mail address or phone number are known; anything else is the server's sentence.
 */
export function fieldErrorKeys(error: unknown, field: string): { key: MessageKey | null; text: string }[] {
  if (!isApiError(error)) return [];
  return error.problem.errors
    .filter((item) => item.field === field)
    .map((item) => {
      if (field === "new_password" || field === "password") {
        const rule = PASSWORD_RULES.find(([pattern]) => pattern.test(item.message));
        if (rule) return { key: rule[1], text: item.message };
      }
      if (field === "new_email" || field === "email") return { key: "register.error.email", text: item.message };
      if (field === "phone") return { key: "register.error.phone", text: item.message };
      if (field === "name" && item.code === "max_length") return { key: "account.error.nameLong", text: item.message };
      return { key: null, text: item.message };
    });
}
