export { api, sessionFetch, unwrap } from "./client";
export { ApiError, isApiError, type Problem, type ProblemFieldError } from "./errors";
export type { components, operations, paths } from "./schema";
