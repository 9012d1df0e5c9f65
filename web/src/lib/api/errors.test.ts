import { describe, expect, it } from "vitest";

import { ApiError } from "./errors";

function problemResponse(status: number, body: unknown, contentType = "application/problem+json") {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contentType } });
}

describe("ApiError.fromResponse", () => {
  it("reads the problem+json shape: code, detail and field errors by field", async () => {
    const error = await ApiError.fromResponse(
      problemResponse(400, {
        type: "/problems/validation_error",
        title: "Bad Request",
        status: 400,
        detail: "The request was invalid; see errors for each field.",
        errors: [
          { field: "email", message: "Enter a valid email address.", code: "invalid" },
          { field: "lines.0.amount", message: "Must be positive.", code: "min_value" },
          { field: "lines.0.amount", message: "Two decimal places at most.", code: "max_decimal_places" },
          { field: null, message: "Dates overlap.", code: "invalid" },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_error");
    expect(error.message).toBe("The request was invalid; see errors for each field.");
    expect(error.fieldError("email")).toBe("Enter a valid email address.");
    expect(error.fieldErrors("lines.0.amount")).toEqual(["Must be positive.", "Two decimal places at most."]);
    expect(error.fieldError("password")).toBeUndefined();
    expect(error.formErrors).toEqual(["Dates overlap."]);
  });

  it("keeps the extra facts a problem carries", async () => {
    const error = await ApiError.fromResponse(
      problemResponse(429, {
        type: "/problems/login_throttled",
        title: "Too Many Requests",
        status: 429,
        detail: "Too many failed sign-in attempts. Try again in 8 seconds.",
        errors: [],
        retry_after: 8,
      }),
    );
    expect(error.code).toBe("login_throttled");
    expect(error.problem.retry_after).toBe(8);
  });

  it("turns a body that is not a problem into a sentence", async () => {
    const error = await ApiError.fromResponse(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.code).toBe("http_502");
    expect(error.message).toBe("The server failed to answer. Try again in a moment.");
    expect(error.problem.errors).toEqual([]);
  });

  it("makes 403 and 404 look the same to pages", async () => {
    const forbidden = await ApiError.fromResponse(
      problemResponse(403, { type: "/problems/permission_denied", title: "Forbidden", status: 403, detail: "No." }),
    );
    expect(forbidden.isHidden).toBe(true);
    expect(forbidden.problem.errors).toEqual([]);
  });
});
