import { ApiError } from "@/lib/api";
import { en } from "@/lib/i18n/en";

import { accountErrorKey, ERROR_MESSAGES, fieldErrorKeys } from "./account-errors";

function problem(code: string, status: number, errors: ApiError["problem"]["errors"] = []): ApiError {
  return new ApiError({ type: `/problems/${code}`, title: code, status, detail: code, errors });
}

describe("account error sentences", () => {
  it("has a sentence for every code the account and privacy endpoints document", () => {
    const documented = [
      "wrong_password",
      "same_email",
      "email_taken",
      "too_many_requests",
      "throttled",
      "erasure_pending",
      "export_not_ready",
      "export_expired",
      "not_found",
      "duplicate_preference",
      "phone_missing",
      "phone_already_verified",
      "invalid_code",
      "validation_error",
    ];
    for (const code of documented) {
      const key = ERROR_MESSAGES[code];
      expect(key, code).toBeDefined();
      expect(en[key!], code).toBeTruthy();
      expect(accountErrorKey(problem(code, 400))).toBe(key);
    }
  });

  it("falls back by status: offline, throttled, signed out, fields, anything else", () => {
    expect(accountErrorKey(ApiError.network())).toBe("common.offline");
    expect(accountErrorKey(problem("something_new", 429))).toBe("account.error.throttled");
    expect(accountErrorKey(problem("token_not_valid", 401))).toBe("account.error.sessionEnded");
    expect(accountErrorKey(problem("odd", 400, [{ field: "x", message: "bad", code: "invalid" }]))).toBe("common.checkFields");
    expect(accountErrorKey(problem("http_500", 500))).toBe("common.error");
    expect(accountErrorKey(new Error("boom"))).toBe("common.error");
  });

  it("puts the password rules and malformed fields in the reader's words, and keeps other sentences", () => {
    const error = problem("validation_error", 400, [
      { field: "new_password", message: "This password is too short. It must contain at least 10 characters.", code: "password_too_short" },
      { field: "new_password", message: "This password is too common.", code: "password_too_common" },
      { field: "new_email", message: "Enter a valid email address.", code: "invalid" },
      { field: "old_password", message: "This field may not be blank.", code: "blank" },
    ]);
    expect(fieldErrorKeys(error, "new_password").map((item) => item.key)).toEqual([
      "register.error.password.short",
      "register.error.password.common",
    ]);
    expect(fieldErrorKeys(error, "new_email")[0]?.key).toBe("register.error.email");
    expect(fieldErrorKeys(error, "old_password")).toEqual([{ key: null, text: "This field may not be blank." }]);
    expect(fieldErrorKeys(error, "phone")).toEqual([]);
    expect(fieldErrorKeys(null, "phone")).toEqual([]);
  });
});
