/**
 * The API's one error shape (application/problem+json, DESIGN.md section 4) as a typed error:
 *
 *   {"type": "/problems/<code>", "title", "status", "detail", "errors": [{"field", "message", "code"}]}
 *
 * Every failed API call rejects with an ApiError, so pages show `detail` as a sentence and
 * `fieldError("email")` next to the field it belongs to.
 */

export interface ProblemFieldError {
  /** Dotted path of the field (`lines.0.amount`), or null for an error about the whole request. */
  field: string | null;
  message: string;
  code: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: ProblemFieldError[];
  request_id?: string;
  /** Extra facts some errors carry (e.g. `retry_after`, `allowed`). */
  [extra: string]: unknown;
}

const NETWORK_DETAIL = "The server could not be reached. Check your connection and try again.";

export class ApiError extends Error {
  readonly status: number;
  /** The stable code from the problem's type (`/problems/login_throttled` -> `login_throttled`). */
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.type.replace(/^\/problems\//, "") || "error";
  }

  /** The messages for one field (dotted path), empty when it has none. */
  fieldErrors(field: string): string[] {
    return this.problem.errors.filter((error) => error.field === field).map((error) => error.message);
  }

  /** The first message for one field, for showing next to it. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors(field)[0];
  }

  /** Messages not tied to a field: show them above the form. */
  get formErrors(): string[] {
    return this.problem.errors.filter((error) => !error.field).map((error) => error.message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** 403 and 404 look the same to the user: a page that reveals nothing. */
  get isHidden(): boolean {
    return this.status === 403 || this.status === 404;
  }

  static network(cause?: unknown): ApiError {
    const error = new ApiError({
      type: "/problems/network_error",
      title: "Network error",
      status: 0,
      detail: NETWORK_DETAIL,
      errors: [],
    });
    if (cause !== undefined) error.cause = cause;
    return error;
  }

  /** Builds the error from a failed response; a body that is not problem+json still gives a sentence. */
  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await response.clone().json();
    } catch {
      body = undefined;
    }
    if (isProblem(body)) {
      return new ApiError({ ...body, errors: Array.isArray(body.errors) ? body.errors : [] });
    }
    return new ApiError({
      type: `/problems/http_${response.status}`,
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: response.status >= 500 ? "The server failed to answer. Try again in a moment." : "The request failed.",
      errors: [],
    });
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.type === "string" && typeof candidate.status === "number" && typeof candidate.detail === "string";
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
