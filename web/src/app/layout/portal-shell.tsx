import { useQueryClient } from "@tanstack/react-query";
import { LogIn, LogOut, ShieldCheck } from "lucide-react";
import { Suspense } from "react";
import { Link, NavLink, Outlet } from "react-router";

import { LanguageChoice } from "@/components/language-choice";
import { PageSpinner } from "@/components/page-spinner";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { useDocumentLanguage } from "@/hooks/use-document-language";
import { isStaff, session, useSession } from "@/lib/auth";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";

import { PORTAL_NAV } from "../portal-nav";

/**
 * The customer area's frame, made for a phone first: a header with the language choice and
 * sign-out, the navigation at the bottom of the screen on phones and under the header on wider
 * screens, and the page. Visitors who are not signed in (browsing products) get the header with
 * sign-in instead; staff who open a public page get a way back to their application.
 */
export function PortalShell() {
  useDocumentLanguage();
  const { t } = useT();
  const state = useSession();
  const queryClient = useQueryClient();
  const user = state.status === "signed-in" ? state.user : null;
  const customer = user !== null && !isStaff(user);

  async function signOut() {
    // The customer's router is replaced by the signed-out one when the session ends, at the URL
    // of that moment: make it /login (once the server has ended the session).
    await session.signOut({ beforeSignedOut: () => window.history.replaceState(null, "", "/login") });
    queryClient.clear();
  }

  return (
    <div className="flex min-h-svh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:shadow"
      >
        {t("common.skipToContent")}
      </a>
      <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background px-3 md:px-6">
        <Link to={customer ? "/" : "/products"} className="flex items-center gap-2 font-semibold">
          <ShieldCheck className="size-5 text-primary" aria-hidden="true" />
          {t("app.name")}
        </Link>
        <div className="ml-auto flex items-center gap-2">
          <LanguageChoice />
          {customer && (
            <Button variant="ghost" size="sm" onClick={() => void signOut()}>
              <LogOut aria-hidden="true" />
              <span className="sr-only sm:not-sr-only">{t("shell.signOut")}</span>
            </Button>
          )}
          {!user && (
            <>
              <Link to="/register" className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "hidden sm:inline-flex")}>
                {t("shell.register")}
              </Link>
              <Link to="/login" className={buttonVariants({ size: "sm" })}>
                <LogIn aria-hidden="true" />
                {t("shell.signIn")}
              </Link>
            </>
          )}
          {user && !customer && (
            <Link to="/" className={buttonVariants({ variant: "outline", size: "sm" })}>
              {t("shell.staffApp")}
            </Link>
          )}
        </div>
      </header>
      {customer && (
        <nav
          aria-label={t("shell.nav")}
          className="fixed inset-x-0 bottom-0 z-30 border-t bg-background pb-[env(safe-area-inset-bottom)] md:static md:border-t-0 md:border-b"
        >
          <ul className="mx-auto grid max-w-5xl grid-cols-5 md:flex md:gap-1 md:px-4">
            {PORTAL_NAV.map(({ label, to, icon: Icon }) => (
              <li key={to}>
                <NavLink
                  to={to}
                  className={({ isActive }) =>
                    cn(
                      "flex h-16 flex-col items-center justify-center gap-1 px-1 text-center text-[0.7rem] leading-tight text-muted-foreground transition-colors hover:text-foreground",
                      "md:h-11 md:flex-row md:gap-2 md:rounded-md md:px-3 md:text-sm",
                      isActive && "font-semibold text-primary md:bg-accent md:text-foreground",
                    )
                  }
                >
                  <Icon className="size-5 md:size-4" aria-hidden="true" />
                  {t(label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main
        id="main"
        tabIndex={-1}
        className={cn("mx-auto w-full max-w-5xl flex-1 p-4 outline-none md:p-6", customer && "pb-24 md:pb-6")}
      >
        <Suspense fallback={<PageSpinner label={t("common.loading")} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
