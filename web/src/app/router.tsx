import { createBrowserRouter, type RouteObject } from "react-router";

import { PageSpinner } from "@/components/page-spinner";

import { CustomerArea, GuestOnly, PublicArea, RequireSession, StaffArea } from "./guards";
import { RouteError } from "./route-error";

/**
 * The routes (DESIGN.md section 10). Staff and customers share some stable paths (`/`, `/claims`,
 * `/claims/:id`, `/notifications`: e-mails and notifications link to them), so there are two
 * route tables, and the app runs the one for whoever is signed in (`createRouter(area)`, chosen
 * in app.tsx): a customer's router has no staff page at all, whatever URL they open, and a staff
 * member's has no customer page. Signed out, the staff table answers: its protected paths send
 * to /login?next=..., and the public pages are in both.
 *
 * Each page is its own chunk (`lazy`): `src/app/routes/<page>.tsx` exporting `Component`.
 *
 * To add a CUSTOMER page: write the route file (strings through `useT()`), then add its line
 * to `customerRoutes` below, e.g.
 *   { path: "/quote", lazy: () => import("./routes/portal-quote") },
 * The customer frame (header, language choice, navigation) comes from CustomerArea; the
 * navigation items are in `portal-nav.ts`.
 * To add a STAFF page: a line in `staffRoutes`, and `nav.ts` if it belongs in the sidebar.
 * Anything else, and any object the API answers 403/404 for, shows the not-found page.
 */

export const customerRoutes: RouteObject[] = [
  { index: true, lazy: () => import("./routes/customer-home") },
  { path: "/products", lazy: () => import("./routes/products") },
  { path: "/products/:id", lazy: () => import("./routes/product") },
  { path: "/quote", lazy: () => import("./routes/portal-quote") },
  { path: "/policies", lazy: () => import("./routes/portal-policies") },
  { path: "/policies/:id", lazy: () => import("./routes/portal-policy") },
  { path: "/policies/:id/pay", lazy: () => import("./routes/portal-pay") },
  { path: "/claims", lazy: () => import("./routes/portal-claims") },
  { path: "/claims/new", lazy: () => import("./routes/portal-claim-new") },
  { path: "/claims/:id", lazy: () => import("./routes/portal-claim") },
  { path: "/notifications", lazy: () => import("./routes/portal-notifications") },
  { path: "/profile", lazy: () => import("./routes/portal-profile") },
  { path: "*", lazy: () => import("./routes/customer-not-found") },
];

export const staffRoutes: RouteObject[] = [
  { index: true, lazy: () => import("./routes/dashboard") },
  { path: "/assessments", lazy: () => import("./routes/assessments") },
  { path: "/assessments/:id", lazy: () => import("./routes/assessment") },
  { path: "/claims/:id", lazy: () => import("./routes/claim") },
  { path: "/claims", lazy: () => import("./routes/claims") },
  { path: "/map", lazy: () => import("./routes/claims-map") },
  { path: "/alerts", lazy: () => import("./routes/alerts") },
  { path: "/events", lazy: () => import("./routes/events") },
  { path: "/events/:id", lazy: () => import("./routes/event") },
  { path: "/intake", lazy: () => import("./routes/intake") },
  { path: "/intake/partners", lazy: () => import("./routes/intake-partners") },
  { path: "/payouts", lazy: () => import("./routes/payouts") },
  { path: "/notifications", lazy: () => import("./routes/notifications") },
  { path: "*", lazy: () => import("./routes/not-found") },
];

/** Pages for anyone: signing in and up, account recovery (a signed-in visitor moves on). */
const accountRoutes: RouteObject[] = [
  { path: "/login", lazy: () => import("./routes/login") },
  {
    element: <GuestOnly />,
    children: [{ path: "/register", lazy: () => import("./routes/register") }],
  },
  { path: "/verify-email", lazy: () => import("./routes/verify-email") },
  { path: "/reset-password", lazy: () => import("./routes/reset-password") },
];

/** The catalogue, browsable signed out (the API allows it), in the customer frame. */
const publicCatalogueRoutes: RouteObject[] = [
  {
    element: <PublicArea />,
    children: [
      { path: "/products", lazy: () => import("./routes/products") },
      { path: "/products/:id", lazy: () => import("./routes/product") },
    ],
  },
];

export type Area = "staff" | "customer";

export function routesFor(area: Area): RouteObject[] {
  const signedIn: RouteObject =
    area === "customer"
      ? { element: <CustomerArea />, children: customerRoutes }
      : { element: <StaffArea />, children: staffRoutes };
  return [
    {
      ErrorBoundary: RouteError,
      HydrateFallback: () => <PageSpinner />,
      children: [
        ...accountRoutes,
        ...(area === "customer" ? [] : publicCatalogueRoutes),
        { element: <RequireSession />, children: [signedIn] },
      ],
    },
  ];
}

export function createRouter(area: Area) {
  return createBrowserRouter(routesFor(area));
}
