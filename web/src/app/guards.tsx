import { Navigate, Outlet, useLocation } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { isStaff, loginPathFor, useSession } from "@/lib/auth";
import { useT } from "@/lib/i18n";

import { AppShell } from "./layout/app-shell";
import { PortalShell } from "./layout/portal-shell";

/** Pages behind sign-in. Without a session: /login?next=<this page>, and back here after. */
export function RequireSession() {
  const state = useSession();
  const location = useLocation();
  const { t } = useT();
  if (state.status === "restoring") return <PageSpinner label={t("common.loading")} />;
  if (state.status === "signed-out") {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}

/**
 * The staff application. Only the staff router has it (router.tsx); a customer's router has no
 * staff page, so a customer never gets here. Should one anyway (say a role changed while the
 * page was open), they get nothing of it.
 */
export function StaffArea() {
  const state = useSession();
  if (state.status !== "signed-in" || !isStaff(state.user)) return null;
  return <AppShell />;
}

/** The customer area: the phone-first frame with the customer navigation. Customers only. */
export function CustomerArea() {
  const state = useSession();
  if (state.status !== "signed-in" || isStaff(state.user)) return null;
  return <PortalShell />;
}

/** Public customer pages (the catalogue) for visitors who are not signed in as a customer. */
export function PublicArea() {
  return <PortalShell />;
}

/** Pages for signing up: someone already signed in goes to their start page. */
export function GuestOnly() {
  const state = useSession();
  const { t } = useT();
  if (state.status === "restoring") return <PageSpinner label={t("common.loading")} />;
  if (state.status === "signed-in") return <Navigate to="/" replace />;
  return <Outlet />;
}
