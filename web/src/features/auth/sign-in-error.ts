import { isApiError, type ApiError } from "@/lib/api";
import type { Translator } from "@/lib/i18n";

type T = Translator["t"];

/** The sentence shown above the form for an error that is not about one field. */
export function signInErrorMessage(error: unknown, t: T): string {
  if (!isApiError(error)) return t("common.error");
  if (error.status === 0) return t("common.offline");
  if (error.code === "invalid_credentials") return t("signIn.error.invalid");
  if (error.code === "login_throttled") {
    const seconds = Number(error.problem.retry_after ?? /(\d+) seconds?/.exec(error.problem.detail)?.[1]);
    return Number.isFinite(seconds) && seconds > 0 ? t("signIn.error.wait", { seconds }) : t("signIn.error.throttled");
  }
  if (error.code === "throttled") {
    const seconds = Number(/(\d+) seconds?/.exec(error.problem.detail)?.[1]);
    return Number.isFinite(seconds) && seconds > 0
      ? t("signIn.error.throttledSeconds", { seconds })
      : t("signIn.error.throttled");
  }
  if (error.status === 400 && error.problem.errors.some((e) => e.field)) return t("common.checkFields");
  return error.problem.detail || t("signIn.error.failed");
}

const PASSWORD_MESSAGES: [RegExp, Parameters<T>[0]][] = [
  [/too short/i, "register.error.password.short"],
  [/too common/i, "register.error.password.common"],
  [/entirely numeric/i, "register.error.password.numeric"],
  [/too similar/i, "register.error.password.similar"],
];

/**
 * The messages for one field of a refused form, in the reader's language where the API's
 * sentence is one we know (the API answers in English); otherwise the API's own sentence.
 */
export function fieldMessages(error: ApiError | null, field: string, t: T, vars: { min?: number } = {}): string[] {
  if (!error) return [];
  return error.problem.errors
    .filter((item) => item.field === field)
    .map((item) => {
      if (field === "email" && item.code === "unique") return t("register.error.emailTaken");
      if (field === "email" && item.code === "invalid") return t("register.error.email");
      if (field === "phone") return t("register.error.phone");
      if (field === "password" || field === "new_password") {
        const known = PASSWORD_MESSAGES.find(([pattern]) => pattern.test(item.message));
        if (known) return t(known[1], { min: vars.min ?? 10 });
      }
      return item.message;
    });
}
