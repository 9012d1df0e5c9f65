import { useSyncExternalStore } from "react";

import { session, type SessionState, type User } from "./session";

/** The session's state; re-renders on sign-in, refresh, sign-out and expiry. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in user. Only for components rendered behind the session guard. */
export function useUser(): User {
  const state = useSession();
  if (state.status !== "signed-in") throw new Error("useUser() needs a signed-in session (render it behind the guard)");
  return state.user;
}

export const STAFF_ROLES: readonly User["role"][] = ["agent", "assessor", "supervisor", "admin"];

export function isStaff(user: User): boolean {
  return STAFF_ROLES.includes(user.role);
}
