import {
  Banknote,
  Bell,
  ClipboardCheck,
  CloudLightning,
  FileText,
  FileUp,
  LayoutDashboard,
  MapPinned,
  TriangleAlert,
  type LucideIcon,
} from "lucide-react";

import type { Role } from "@/lib/auth";

export interface NavItem {
  label: string;
  to: string;
  icon: LucideIcon;
  /** Staff roles that see the item; all staff when left out. */
  roles?: readonly Role[];
}

/**
 * The staff sidebar. The paths are stable (DESIGN.md section 10; e-mails and notifications
 * link to them); each one's page is registered in router.tsx.
 */
export const STAFF_NAV: readonly NavItem[] = [
  { label: "Dashboard", to: "/", icon: LayoutDashboard },
  { label: "Claims", to: "/claims", icon: FileText },
  { label: "Map", to: "/map", icon: MapPinned },
  { label: "Assessments", to: "/assessments", icon: ClipboardCheck },
  { label: "Alerts", to: "/alerts", icon: TriangleAlert },
  { label: "Events", to: "/events", icon: CloudLightning },
  { label: "Bulk intake", to: "/intake", icon: FileUp, roles: ["supervisor", "admin"] },
  { label: "Payouts", to: "/payouts", icon: Banknote, roles: ["supervisor", "admin"] },
  { label: "Notifications", to: "/notifications", icon: Bell },
];
