import { Menu, ShieldCheck, X } from "lucide-react";
import { Suspense, useState } from "react";
import { NavLink, Outlet } from "react-router";

import { ConnectionBanner, ConnectionIndicator } from "@/components/connection-indicator";
import { Button } from "@/components/ui/button";
import { PageSpinner } from "@/components/page-spinner";
import { UserMenu } from "@/features/auth/components/user-menu";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { useUser } from "@/lib/auth";
import { cn } from "@/lib/cn";

import { STAFF_NAV } from "../nav";

/**
 * The staff application's frame: sidebar navigation, header (live state, bell, account), page. On a
 * phone the navigation folds behind a Menu button (a disclosure) and opens as a two-column list, so
 * every page is one tap away and none is cut off at the screen's edge.
 */
export function AppShell() {
  const user = useUser();
  const items = STAFF_NAV.filter((item) => !item.roles || item.roles.includes(user.role));
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="flex min-h-svh flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <aside className="flex shrink-0 flex-col border-b bg-sidebar text-sidebar-foreground md:min-h-svh md:w-60 md:border-r md:border-b-0">
        <div className="flex h-14 items-center gap-2 px-4 font-semibold">
          <ShieldCheck className="size-5 text-primary" aria-hidden="true" />
          InsureHub
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto md:hidden"
            aria-expanded={menuOpen}
            aria-controls="staff-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <X aria-hidden="true" /> : <Menu aria-hidden="true" />}
            Menu
          </Button>
        </div>
        <nav id="staff-nav" aria-label="Main" className={cn("px-2 pb-2 md:block md:pb-0", menuOpen ? "block" : "hidden")}>
          <ul className="grid grid-cols-2 gap-1 md:flex md:flex-col">
            {items.map(({ label, to, icon: Icon }) => (
              <li key={to}>
                <NavLink
                  to={to}
                  end={to === "/"}
                  onClick={() => setMenuOpen(false)}
                  className={({ isActive }) =>
                    cn(
                      "flex items-center gap-2 rounded-md px-3 py-2 text-sm whitespace-nowrap transition-colors hover:bg-sidebar-accent",
                      isActive && "bg-sidebar-accent font-medium",
                    )
                  }
                >
                  <Icon className="size-4" aria-hidden="true" />
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-3 border-b px-4">
          <div className="ml-auto flex items-center gap-3">
            <ConnectionIndicator />
            <NotificationBell />
            <UserMenu />
          </div>
        </header>
        <ConnectionBanner />
        <main id="main" tabIndex={-1} className="flex-1 p-4 outline-none md:p-6">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
