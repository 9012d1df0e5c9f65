import { isRouteErrorResponse, useRouteError } from "react-router";

import { NotFound } from "@/components/not-found";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api";

/** What a route shows when it fails: 403/404 look like "not found"; anything else offers a reload. */
export function RouteError() {
  const error = useRouteError();
  if ((isApiError(error) && error.isHidden) || (isRouteErrorResponse(error) && error.status === 404)) {
    return <NotFound />;
  }
  const staleBuild = error instanceof Error && /dynamically imported module|Importing a module script failed/.test(error.message);
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">
        {staleBuild ? "A new version of InsureHub is available" : "Something went wrong"}
      </h1>
      <p className="text-muted-foreground">
        {staleBuild
          ? "Reload the page to continue with it."
          : isApiError(error)
            ? error.message
            : "The page could not be shown. Reload to try again."}
      </p>
      <Button onClick={() => window.location.reload()}>Reload</Button>
    </div>
  );
}
