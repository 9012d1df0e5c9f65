/**
 * Where to go after signing in: `?next=` when it is a path of this app, else the home page.
 * Anything else (another origin, `//host`, a scheme, the sign-in page itself) is ignored, so
 * a crafted link cannot send a user elsewhere after they sign in.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next === "/login" || next.startsWith("/login?") || next.startsWith("/login/")) return "/";
  return next;
}

/** The sign-in URL that leads back to `path` (the page that was asked for). */
export function loginPathFor(path: string): string {
  return path === "/" || path === "" ? "/login" : `/login?next=${encodeURIComponent(path)}`;
}
