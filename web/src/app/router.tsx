import { createBrowserRouter, type RouteObject } from "react-router";

import { PageSpinner } from "@/components/page-spinner";

import { RequireSession, StaffArea } from "./guards";
import { RouteError } from "./route-error";

/**
 * The routes of the staff application (DESIGN.md section 10). Each page is its own chunk
 * (`lazy`), so the first load ships only the shell and the page asked for.
 *
 * To add a page: write `src/app/routes/<page>.tsx` exporting `Component` (it composes the
 * features it needs), add a line below, and add it to `nav.ts` if it belongs in the sidebar.
 * The stable paths: `/` dashboard, `/claims`, `/claims/:id`, `/assessments`,
 * `/assessments/:id`, `/alerts`, `/notifications` (e-mails and notifications link to them).
 * Anything else, and any object the API answers 403/404 for, shows the not-found page.
 */
export const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteError,
    HydrateFallback: () => <PageSpinner />,
    children: [
      { path: "/login", lazy: () => import("./routes/login") },
      {
        element: <RequireSession />,
        children: [
          {
            element: <StaffArea />,
            children: [
              // Staff pages go here, e.g. { path: "/claims", lazy: () => import("./routes/claims") },
              { index: true, lazy: () => import("./routes/dashboard") },
              { path: "/assessments", lazy: () => import("./routes/assessments") },
              { path: "/assessments/:id", lazy: () => import("./routes/assessment") },
              { path: "/claims/:id", lazy: () => import("./routes/claim") },
              { path: "/claims", lazy: () => import("./routes/claims") },
              { path: "/alerts", lazy: () => import("./routes/alerts") },
              { path: "/notifications", lazy: () => import("./routes/notifications") },
              { path: "*", lazy: () => import("./routes/not-found") },
            ],
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
