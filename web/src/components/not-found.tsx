import { Link } from "react-router";

import { buttonVariants } from "@/components/ui/button-variants";

/**
 * The one answer for a page that does not exist AND for one the user may not see (403 and 404
 * look the same), so it reveals nothing about what is there.
 */
export function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-24 text-center">
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">This page does not exist, or it is not available to you.</p>
      <Link to="/" className={buttonVariants({ variant: "outline" })}>
        Go to the start page
      </Link>
    </div>
  );
}
