/**
 * What the customer's account pages read and write (`/profile`, `/notifications`), on the typed
 * client. The account itself is `["auth", "me"]`, the key the sign-up and verification pages use,
 * so a change here shows there too; the rest lives under `["account", ...]`.
 */
import { queryOptions } from "@tanstack/react-query";

import { api, sessionFetch, unwrap, type components } from "@/lib/api";

type Schemas = components["schemas"];
export type Me = Schemas["UserOutput"];
export type Preference = Schemas["NotificationPreference"];
export type Channel = Preference["channel"];
export type Topic = Preference["topic"];
export type Consent = Schemas["Consent"];
export type Purpose = Consent["purpose"];
export type PrivacyRequest = Schemas["PrivacyRequestOutput"];
export type RequestStatus = PrivacyRequest["status"];

export const accountKeys = {
  me: ["auth", "me"] as const,
  all: ["account"] as const,
  preferences: ["account", "preferences"] as const,
  consents: ["account", "consents"] as const,
  privacyRequests: ["account", "privacy-requests"] as const,
};

export function meQuery() {
  return queryOptions({
    queryKey: accountKeys.me,
    queryFn: ({ signal }) => unwrap(api.GET("/api/auth/me/", { signal })),
  });
}

/** Name and phone (a new number is unverified until a texted code comes back). */
export function updateMe(body: { name?: string; phone?: string }) {
  return unwrap(api.PATCH("/api/auth/me/", { body }));
}

export function preferencesQuery() {
  return queryOptions({
    queryKey: accountKeys.preferences,
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET("/api/auth/me/notification-preferences/", { signal }))).preferences,
  });
}

/** Sends only the entries that changed; the answer is the whole matrix. */
export async function savePreferences(preferences: Preference[]): Promise<Preference[]> {
  return (await unwrap(api.PUT("/api/auth/me/notification-preferences/", { body: { preferences } }))).preferences;
}

export function consentsQuery() {
  return queryOptions({
    queryKey: accountKeys.consents,
    queryFn: async ({ signal }) => (await unwrap(api.GET("/api/privacy/consents/", { signal }))).consents,
  });
}

export async function setConsent(purpose: Purpose, granted: boolean): Promise<Consent[]> {
  return (await unwrap(api.PUT("/api/privacy/consents/", { body: { consents: [{ purpose, granted }] } }))).consents;
}

/** The customer's exports and erasures, newest first (a person has a handful). */
export function privacyRequestsQuery() {
  return queryOptions({
    queryKey: accountKeys.privacyRequests,
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET("/api/privacy/requests/", { params: { query: { ordering: "-created_at", page_size: 50 } }, signal }),
        )
      ).results,
  });
}

export function requestExport() {
  return unwrap(api.POST("/api/privacy/export/", { body: {} }));
}

export function requestErasure(reason: string) {
  return unwrap(api.POST("/api/privacy/erasure/", { body: { reason } }));
}

/** The export's zip, fetched with the session's token and handed to the browser as a file. */
export async function downloadExport(request: PrivacyRequest): Promise<void> {
  const response = await sessionFetch(new Request(new URL(`/api/privacy/requests/${request.id}/download/`, globalThis.location.origin)));
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = `insurehub-export-${request.id}.zip`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function changePassword(body: { old_password: string; new_password: string }) {
  return unwrap(api.POST("/api/auth/password/change/", { body }));
}

export function changeEmail(body: { new_email: string; password: string }) {
  return unwrap(api.POST("/api/auth/email/change/", { body }));
}
