import { queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

export type Me = components["schemas"]["UserOutput"];

export const accountKeys = {
  me: ["auth", "me"] as const,
};

/** The signed-in user as the server has them now (verification flags change after sign-in). */
export function meQuery() {
  return queryOptions({
    queryKey: accountKeys.me,
    queryFn: ({ signal }) => unwrap(api.GET("/api/auth/me/", { signal })),
  });
}

export type RegisterInput = components["schemas"]["RegisterInputRequest"];

/** Creates a customer account (the first e-mail verification link goes out). */
export function register(body: RegisterInput) {
  return unwrap(api.POST("/api/auth/register/", { body }));
}

export function confirmEmail(token: string) {
  return unwrap(api.POST("/api/auth/verify-email/confirm/", { body: { token } }));
}

export function resendEmailLink() {
  return unwrap(api.POST("/api/auth/verify-email/"));
}

export function sendPhoneCode() {
  return unwrap(api.POST("/api/auth/verify-phone/"));
}

export function confirmPhoneCode(code: string) {
  return unwrap(api.POST("/api/auth/verify-phone/confirm/", { body: { code } }));
}

export function requestPasswordReset(email: string) {
  return unwrap(api.POST("/api/auth/password-reset/", { body: { email } }));
}

export function confirmPasswordReset(token: string, password: string) {
  return unwrap(api.POST("/api/auth/password-reset/confirm/", { body: { token, password } }));
}
