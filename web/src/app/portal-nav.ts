import { Bell, FileText, ShieldCheck, ShoppingBag, UserRound, type LucideIcon } from "lucide-react";

import type { MessageKey } from "@/lib/i18n";

export interface PortalNavItem {
  label: MessageKey;
  to: string;
  icon: LucideIcon;
}

/**
 * The customer navigation: at the bottom of a phone's screen, across the top on a desktop. The
 * paths are stable (DESIGN.md section 10); each one's page is registered in router.tsx.
 */
export const PORTAL_NAV: readonly PortalNavItem[] = [
  { label: "nav.products", to: "/products", icon: ShoppingBag },
  { label: "nav.policies", to: "/policies", icon: ShieldCheck },
  { label: "nav.claims", to: "/claims", icon: FileText },
  { label: "nav.notifications", to: "/notifications", icon: Bell },
  { label: "nav.profile", to: "/profile", icon: UserRound },
];
