/**
 * The typed API client. Paths, parameters, bodies and answers are checked against the types
 * generated from the API's OpenAPI schema (schema.d.ts, `npm run gen:api-types`).
 *
 *   const claim = await unwrap(api.GET("/api/claims/{id}/", { params: { path: { id } } }));
 *
 * Every call carries the session's access token. A 401 triggers one refresh from the cookie and
 * one retry; if that fails the session ends (the router then sends the user to /login?next=...).
 * Any answer that is not 2xx rejects with an ApiError (the problem+json shape, typed), so
 * TanStack Query sees failures as errors and forms can show field errors.
 */
import createClient from "openapi-fetch";

import { session } from "@/lib/auth/session";

import { ApiError } from "./errors";
import type { paths } from "./schema";

function withToken(request: Request, token: string | null): Request {
  if (token) request.headers.set("Authorization", `Bearer ${token}`);
  return request;
}

async function send(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    throw ApiError.network(error);
  }
}

/** fetch() with the session's token, one refresh-and-retry on 401, and ApiError for failures. */
export async function sessionFetch(request: Request): Promise<Response> {
  const token = session.accessToken();
  const retry = token ? request.clone() : null;
  let response = await send(withToken(request, token));
  if (response.status === 401 && retry) {
    if (await session.refresh()) {
      response = await send(withToken(retry, session.accessToken()));
      if (response.status === 401) session.expire();
    }
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response;
}

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? "",
  fetch: sessionFetch,
});

/**
 * The data of a successful call. (Failed calls already rejected with an ApiError; this only
 * narrows openapi-fetch's `{data} | {error}` union.)
 */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, response } = await pending;
  if (!response.ok) throw await ApiError.fromResponse(response);
  return data as T;
}
