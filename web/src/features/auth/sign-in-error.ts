import { isApiError } from "@/lib/api";

/** The sentence shown above the form for an error that is not about one field. */
export function signInErrorMessage(error: unknown): string {
  if (!isApiError(error)) return "Something went wrong. Try again.";
  if (error.status === 0) return error.message;
  if (error.code === "throttled") {
    const seconds = Number(/(\d+) seconds?/.exec(error.problem.detail)?.[1]);
    return Number.isFinite(seconds) && seconds > 0
      ? `Too many sign-in attempts from this network. Try again in ${seconds} seconds.`
      : "Too many sign-in attempts from this network. Try again in a minute.";
  }
  if (error.status === 400 && error.problem.errors.some((e) => e.field)) return "Check the fields below.";
  return error.problem.detail || "Sign-in failed. Try again.";
}
