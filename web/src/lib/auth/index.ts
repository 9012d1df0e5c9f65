export { isStaff, STAFF_ROLES, useSession, useUser } from "./hooks";
export { loginPathFor, safeNextPath } from "./next-path";
export { secondsUntilExpiry, session, Session, type Role, type SessionState, type User } from "./session";
