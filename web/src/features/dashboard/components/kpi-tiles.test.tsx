import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";

import type { Kpi } from "../api/dashboard";
import { KpiTiles } from "./kpi-tiles";

const STAFF: Kpi = {
  as_of: "2026-11-29T15:00:00Z",
  currency: "KES",
  range: { from: "2026-10-31", to: "2026-11-29", departments: ["motor"] },
  open_claims: 1263,
  new_claims: { today: 9, "7_days": 17, "30_days": 35 },
  claims_by_status: { submitted: 8 },
  claims_by_priority: { urgent: 7, high: 3, normal: 50, low: 3 },
  sla_breaches_open: 52,
  estimated_exposure: "8100500.00",
  open_reserves: "2641000.00",
  settled_amount_this_month: "290000.00",
  period: {
    new_claims: 35,
    settled_claims: 11,
    settled_amount: "290000.00",
    mean_cycle_days: 15.54,
    median_cycle_days: 17,
    approval_rate: 0.8462,
    rejection_rate: 0.1538,
  },
  previous_period: {
    new_claims: 25,
    settled_claims: 13,
    settled_amount: "1523550.00",
    mean_cycle_days: null,
    median_cycle_days: null,
    approval_rate: 0.9565,
    rejection_rate: 0.0435,
  },
  assessments: { in_progress: 1, mean_completion: 25 },
};

const link = (filters: Record<string, string>) => `/claims?${new URLSearchParams(filters).toString()}`;

function tile(name: string) {
  return screen.getByRole("group", { name });
}

describe("KpiTiles", () => {
  it("shows each figure as the API gives it", () => {
    render(<KpiTiles kpi={STAFF} claimsLink={link} />, { wrapper: MemoryRouter });
    expect(within(tile("Open claims")).getByText("1,263")).toBeInTheDocument();
    expect(within(tile("Estimated exposure")).getByText("KES 8,100,500.00")).toBeInTheDocument();
    expect(within(tile("Open reserves")).getByText("KES 2,641,000.00")).toBeInTheDocument();
    expect(within(tile("Approval rate")).getByText("84.62%")).toBeInTheDocument();
    expect(within(tile("Cycle time")).getByText("15.54 days")).toBeInTheDocument();
    const fields = Array.from(document.querySelectorAll("[data-figure]"), (element) => element.getAttribute("data-figure"));
    expect(fields).toEqual(
      expect.arrayContaining(["open_claims", "new_claims.today", "new_claims.7_days", "new_claims.30_days", "period.approval_rate"]),
    );
  });

  it("compares with the previous period where the API has both figures, and nowhere else", () => {
    render(<KpiTiles kpi={STAFF} claimsLink={link} />, { wrapper: MemoryRouter });
    expect(within(tile("Claims filed")).getByText("Up 10 (40%) from 25 in the previous 30 days.")).toBeInTheDocument();
    expect(within(tile("Claims settled")).getByText("−2 (−15.4%)")).toHaveClass("text-destructive");
    expect(within(tile("Approval rate")).getByText("−11.03 pts")).toBeInTheDocument();
    // No previous cycle time: no change line, rather than a made-up one.
    expect(tile("Cycle time").querySelector("[data-change]")).toBeNull();
    for (const name of ["Open claims", "New claims", "SLA breaches", "Estimated exposure", "Open reserves", "Settled this month"]) {
      expect(tile(name).querySelector("[data-change]"), name).toBeNull();
    }
  });

  it("links the SLA breaches to the claims list filtered to them", () => {
    render(<KpiTiles kpi={STAFF} claimsLink={link} />, { wrapper: MemoryRouter });
    expect(within(tile("SLA breaches")).getByRole("link", { name: "Show these claims" })).toHaveAttribute("href", "/claims?sla_breached=true");
  });

  it("gives an assessor their own figures, with no comparison", () => {
    const assessor: Kpi = {
      as_of: STAFF.as_of,
      currency: "KES",
      open_claims: 2,
      claims_by_status: {},
      claims_by_priority: {},
      sla_breaches_open: 0,
      estimated_exposure: "45000.00",
      assigned_in_period: 3,
      assessments: { in_progress: 1, mean_completion: 25 },
    };
    render(<KpiTiles kpi={assessor} claimsLink={link} />, { wrapper: MemoryRouter });
    expect(screen.getByRole("heading", { name: "Your claims" })).toBeInTheDocument();
    expect(within(tile("Assigned in the range")).getByText("3")).toBeInTheDocument();
    expect(within(tile("SLA breaches")).queryByRole("link")).toBeNull();
    expect(document.querySelector("[data-change]")).toBeNull();
    expect(screen.queryByRole("group", { name: "Open reserves" })).toBeNull();
  });
});
