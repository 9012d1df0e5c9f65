/**
 * The server's password rules (AUTH_PASSWORD_VALIDATORS in insurehub/config/settings/base.py),
 * explained before the form is sent and checked as the customer types where the browser can:
 * at least 10 characters, not digits only, not too like the e-mail address or name. Whether it
 * is a common password only the server knows (its list has 20,000 entries): that rule is shown,
 * and the server's answer is put next to the field.
 */
export const MIN_PASSWORD_LENGTH = 10;

export type RuleState = "met" | "unmet" | "unknown";

export interface PasswordChecks {
  length: RuleState;
  numeric: RuleState;
  similar: RuleState;
}

/** Parts of the e-mail address and name a password should not be built on (3 letters or more). */
function personalParts(email: string, name: string): string[] {
  const local = email.toLowerCase().split("@")[0] ?? "";
  const domain = (email.toLowerCase().split("@")[1] ?? "").split(".")[0] ?? "";
  return [local, domain, ...local.split(/[^a-z0-9]+/), ...name.toLowerCase().split(/\s+/)].filter(
    (part) => part.length >= 3,
  );
}

/**
 * Close to the server's similarity check (Django's, at 0.7): a password that contains a part
 * of the e-mail address or name making up most of it, or is contained in one, is too similar.
 */
export function tooSimilar(password: string, email: string, name: string): boolean {
  const lowered = password.toLowerCase();
  return personalParts(email, name).some(
    (part) => (lowered.includes(part) && part.length / lowered.length >= 0.5) || part.includes(lowered),
  );
}

export function checkPassword(password: string, { email = "", name = "" } = {}): PasswordChecks {
  if (!password) return { length: "unmet", numeric: "unknown", similar: "unknown" };
  return {
    length: password.length >= MIN_PASSWORD_LENGTH ? "met" : "unmet",
    numeric: /^\d+$/.test(password) ? "unmet" : "met",
    similar: tooSimilar(password, email, name) ? "unmet" : "met",
  };
}
