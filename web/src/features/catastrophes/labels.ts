import type { Peril } from "./api/catastrophes";

export const PERIL_LABELS: Record<Peril, string> = {
  flood: "Flood",
  storm: "Storm",
  hail: "Hail",
  fire: "Fire",
  riot: "Riot",
  pile_up: "Pile-up",
  other: "Other",
};
export const PERILS = Object.keys(PERIL_LABELS) as Peril[];

/** Who may declare, edit and close events: supervisors (their department's) and admins. */
export function canManageEvents(role: string): boolean {
  return role === "supervisor" || role === "admin";
}
