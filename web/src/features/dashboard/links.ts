/**
 * Links from a figure to the claims list showing what it counts. The claims list reads its
 * filters from the URL with the API's parameter names (`status`, `priority`, `department`,
 * `sla_breached`, ...), so a link is the list's own query: `/claims?status=submitted&priority=urgent`.
 * `department` narrows the list to the dashboard's scope when that is one department (an agent's
 * list also holds the claims assigned to them elsewhere, which the dashboard does not count).
 */
export function claimsListLink(filters: Record<string, string>, department: string | null): string {
  const params = new URLSearchParams(filters);
  if (department) params.set("department", department);
  return `/claims?${params.toString()}`;
}
