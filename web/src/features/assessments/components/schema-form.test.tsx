import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";

import { compileSchema, validate, type JsonValue } from "../json-schema";
import { SECTION_SCHEMA } from "../section-schema.fixture";
import { SchemaForm } from "./schema-form";

const spec = compileSchema(SECTION_SCHEMA);

/** The form as the section editor drives it: its value in state, checked on every change. */
function Harness({ initial, onValue }: { initial: JsonValue; onValue?: (value: JsonValue | undefined) => void }) {
  const [value, setValue] = useState<JsonValue | undefined>(initial);
  return (
    <SchemaForm
      spec={spec}
      value={value}
      errors={validate(spec, value)}
      onChange={(next) => {
        setValue(next);
        onValue?.(next);
      }}
    />
  );
}

describe("SchemaForm", () => {
  it("renders a labelled control for each type, with help text and the range", () => {
    render(<Harness initial={{}} />);
    const odometer = screen.getByLabelText("Odometer (km)");
    expect(odometer).toHaveAttribute("type", "number");
    expect(odometer).toHaveAttribute("min", "0");
    expect(odometer).toHaveAccessibleDescription("As the dashboard shows it. From 0 to 3000000.");
    const starts = screen.getByLabelText("Engine starts");
    expect(within(starts).getAllByRole("option").map((o) => o.textContent)).toEqual(["Not recorded", "Yes", "No"]);
    expect(screen.getByRole("group", { name: /Items/ })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: /Tread depth \(mm\)/ })).toBeInTheDocument();
    expect(screen.getAllByText("None recorded.")).toHaveLength(3); // items, warning lights, tread depths
  });

  it("adds an entry with its required fields marked, and writes what is chosen", async () => {
    const user = userEvent.setup();
    const values: (JsonValue | undefined)[] = [];
    render(<Harness initial={{}} onValue={(v) => values.push(v)} />);
    await user.click(screen.getByRole("button", { name: "Add item" }));
    const component = screen.getByLabelText(/^Component/);
    expect(component).toBeRequired();
    expect(component).toHaveAccessibleDescription("Required.");
    expect(component).toHaveAttribute("aria-invalid", "true");
    await user.selectOptions(component, "gearbox");
    await user.selectOptions(screen.getByLabelText(/^Condition/), "damaged");
    await user.click(screen.getByRole("checkbox", { name: "Leak" }));
    await user.selectOptions(screen.getByLabelText("Engine starts"), "no");
    expect(values.at(-1)).toEqual({
      items: [{ component: "gearbox", condition: "damaged", damage: ["leak"] }],
      engine_starts: false,
    });
    expect(screen.getByText("Item 1: Gearbox")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Component/)).not.toHaveAttribute("aria-invalid");
  });

  it("shows validation messages next to their fields", async () => {
    const user = userEvent.setup();
    render(<Harness initial={{ items: [{ component: "engine", condition: "ok" }] }} />);
    const odometer = screen.getByLabelText("Odometer (km)");
    await user.type(odometer, "12.5");
    expect(odometer).toHaveAccessibleDescription(/Enter a whole number\./);
    await user.clear(odometer);
    await user.type(odometer, "-3");
    expect(odometer).toHaveAccessibleDescription(/Must be at least 0\./);
    await user.type(screen.getByLabelText("Comment"), "far too long");
    // maxLength on the input stops typing at the limit: the value stays valid.
    expect(screen.getByLabelText("Comment")).toHaveValue("far too lo");
  });

  it("shows an error from the API at its path, and disables everything while saving", () => {
    const { rerender } = render(
      <SchemaForm
        spec={spec}
        value={{ items: [{ component: "engine", condition: "ok" }] }}
        errors={{ "items/0/condition": "'ok' is not one of ['damaged']", "": "Additional properties are not allowed" }}
        onChange={() => {}}
      />,
    );
    expect(screen.getByLabelText(/^Condition/)).toHaveAccessibleDescription("'ok' is not one of ['damaged']");
    expect(screen.getByText("Additional properties are not allowed")).toBeInTheDocument();
    rerender(<SchemaForm spec={spec} value={{}} errors={{}} onChange={() => {}} disabled />);
    expect(screen.getByLabelText("Odometer (km)")).toBeDisabled();
    expect(screen.getByRole("button", { name: "Add item" })).toBeDisabled();
  });

  it("stops adding at maxItems and removes entries", async () => {
    const user = userEvent.setup();
    render(<Harness initial={{ items: [{ component: "engine", condition: "ok" }, { component: "gearbox", condition: "ok" }] }} />);
    expect(screen.getByRole("button", { name: "Add item" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Remove item 1: engine" }));
    expect(screen.getByText("Item 1: Gearbox")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add item" })).toBeEnabled();
  });
});
