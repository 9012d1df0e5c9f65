import { Navigate, Outlet, useLocation } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { isStaff, loginPathFor, useSession } from "@/lib/auth";

import { AppShell } from "./layout/app-shell";
import { CustomerPortalComing } from "./routes/customer-portal";

/** Pages behind sign-in. Without a session: /login?next=<this page>, and back here after. */
export function RequireSession() {
  const state = useSession();
  const location = useLocation();
  if (state.status === "restoring") return <PageSpinner label="Restoring your session…" />;
  if (state.status === "signed-out") {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}

/**
 * The staff application. A customer who signs in here gets no staff page or figure, whatever
 * URL they open: the customer portal is a separate application (not built yet).
 */
export function StaffArea() {
  const state = useSession();
  if (state.status !== "signed-in") return null;
  if (!isStaff(state.user)) return <CustomerPortalComing />;
  return <AppShell />;
}
