import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { readFilters } from "../range";
import { DashboardFilters } from "./dashboard-filters";

const TODAY = "2026-11-29";

function setup(query = "", canPickDepartment = false, serverError = null as { field: "from" | "to"; message: string } | null) {
  const onChange = vi.fn();
  const filters = readFilters(new URLSearchParams(query), TODAY, canPickDepartment);
  render(<DashboardFilters filters={filters} onChange={onChange} canPickDepartment={canPickDepartment} serverError={serverError} />);
  return { onChange, user: userEvent.setup() };
}

describe("DashboardFilters", () => {
  it("marks the preset in use and switches to another", async () => {
    const { onChange, user } = setup("range=7d");
    expect(screen.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "false");
    await user.click(screen.getByRole("button", { name: "12 months" }));
    expect(onChange).toHaveBeenCalledWith({ preset: "12m" });
  });

  it("sends a usable pair of dates and keeps an unusable one here, with the reason next to it", async () => {
    const { onChange, user } = setup("from=2026-01-01&to=2026-01-31");
    const from = screen.getByLabelText("From");
    expect(from).toHaveValue("2026-01-01");
    await user.clear(from);
    await user.type(from, "2026-02-15");
    expect(screen.getByRole("alert")).toHaveTextContent("The start date must not be after the end date.");
    expect(from).toHaveAttribute("aria-invalid", "true");
    expect(from).toHaveAccessibleDescription("The start date must not be after the end date.");
    expect(onChange).not.toHaveBeenCalledWith({ from: "2026-02-15", to: "2026-01-31" });
    const to = screen.getByLabelText("To");
    await user.clear(to);
    await user.type(to, "2026-02-28");
    expect(onChange).toHaveBeenLastCalledWith({ from: "2026-02-15", to: "2026-02-28" });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the API's objection next to its field", () => {
    setup("", false, { field: "to", message: "A range may span at most 366 days." });
    expect(screen.getByLabelText("To")).toHaveAccessibleDescription("A range may span at most 366 days.");
  });

  it("offers departments to admins only", async () => {
    setup();
    expect(screen.queryByLabelText("Department")).toBeNull();
    const { onChange, user } = setup("department=health", true);
    const select = screen.getByLabelText("Department");
    expect(select).toHaveValue("health");
    await user.selectOptions(select, "All departments");
    expect(onChange).toHaveBeenCalledWith({ department: null });
    await user.selectOptions(select, "Marine");
    expect(onChange).toHaveBeenLastCalledWith({ department: "marine" });
  });
});
