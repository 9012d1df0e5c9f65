import { compileSchema, humanize, prune, schemaErrorsByPath, validate, type FieldSpec } from "./json-schema";
import { SECTION_SCHEMA } from "./section-schema.fixture";

function fieldsOf(spec: FieldSpec) {
  if (spec.type !== "object") throw new Error("not an object");
  return Object.fromEntries(spec.fields.map((field) => [field.name, field]));
}

describe("compileSchema", () => {
  const spec = compileSchema(SECTION_SCHEMA);
  const fields = fieldsOf(spec);

  it("turns each schema type into its kind of field, with labels and help text", () => {
    expect(spec.type).toBe("object");
    expect(fields.odometer_km!.spec).toEqual({
      type: "integer",
      label: "Odometer (km)",
      help: "As the dashboard shows it.",
      minimum: 0,
      maximum: 3000000,
    });
    expect(fields.engine_starts!.spec).toMatchObject({ type: "boolean", label: "Engine starts" });
    expect(fields.warning_lights!.spec).toMatchObject({ type: "list", item: { type: "string", maxLength: 5 } });
    expect(fields.tread_depth_mm!.spec).toMatchObject({
      type: "map",
      label: "Tread depth (mm)",
      value: { type: "number", minimum: 0, maximum: 20 },
    });
  });

  it("reads lists of objects with their required fields, enums and arrays of enums", () => {
    const items = fields.items!.spec;
    expect(items).toMatchObject({ type: "list", maxItems: 2, label: "Items" });
    if (items.type !== "list") throw new Error("not a list");
    const item = fieldsOf(items.item);
    expect(item.component).toMatchObject({ required: true, spec: { type: "enum", options: ["engine", "gearbox"] } });
    expect(item.condition!.required).toBe(true);
    expect(item.damage).toMatchObject({ required: false, spec: { type: "multi-enum", options: ["dent", "leak"] } });
    expect(item.comment!.spec).toMatchObject({ type: "string", maxLength: 10 });
  });

  it("does not fail on what it cannot render", () => {
    expect(compileSchema({ type: "null" }, "x").type).toBe("unsupported");
    expect(compileSchema(null).type).toBe("unsupported");
  });
});

describe("validate", () => {
  const spec = compileSchema(SECTION_SCHEMA);

  it("accepts a complete value and empty optional fields", () => {
    expect(validate(spec, {})).toEqual({});
    expect(
      validate(spec, {
        items: [{ component: "engine", condition: "damaged", damage: ["leak"], comment: "oil" }],
        odometer_km: 120000,
        engine_starts: false,
        warning_lights: ["ABS"],
        tread_depth_mm: { front_left: 4.5 },
      }),
    ).toEqual({});
  });

  it("names each problem at its path, in words", () => {
    const errors = validate(spec, {
      items: [{ component: "engine" }, { component: "wheel", condition: "ok", comment: "far too long" }, {}],
      odometer_km: 12.5,
      warning_lights: ["overlong"],
      tread_depth_mm: { front_left: 25, rear: null },
    });
    expect(errors).toEqual({
      items: "At most 2 entries.",
      "items/0/condition": "Required.",
      "items/1/component": "Choose one of the options.",
      "items/1/comment": "At most 10 characters (12 now).",
      "items/2/component": "Required.",
      "items/2/condition": "Required.",
      odometer_km: "Enter a whole number.",
      "warning_lights/0": "At most 5 characters (8 now).",
      "tread_depth_mm/front_left": "Must be at most 20.",
      "tread_depth_mm/rear": "Enter a value.",
    });
  });

  it("checks minimums and types", () => {
    expect(validate(spec, { odometer_km: -1 })).toEqual({ odometer_km: "Must be at least 0." });
    expect(validate(spec, { engine_starts: "yes" })).toEqual({ engine_starts: "Choose yes or no." });
    expect(validate(spec, { items: [{ component: "engine", condition: "ok", damage: ["dent", "dent"] }] })).toEqual({
      "items/0/damage": "Each option once.",
    });
  });
});

describe("schemaErrorsByPath", () => {
  it("puts the API's schema messages at their paths", () => {
    expect(
      schemaErrorsByPath([
        "items/0/condition: 'broken' is not one of ['ok', 'damaged']",
        "odometer_km: -5 is less than the minimum of 0",
        "findings: Additional properties are not allowed ('colour' was unexpected)",
      ]),
    ).toEqual({
      "items/0/condition": "'broken' is not one of ['ok', 'damaged']",
      odometer_km: "-5 is less than the minimum of 0",
      "": "Additional properties are not allowed ('colour' was unexpected)",
    });
  });
});

describe("prune and humanize", () => {
  it("leaves blank optional fields out of what is sent", () => {
    expect(prune({ items: [], comment: "", odometer_km: 0, engine_starts: false, lights: ["", "ABS"] })).toEqual({
      odometer_km: 0,
      engine_starts: false,
      lights: ["ABS"],
    });
  });

  it("makes names readable", () => {
    expect(humanize("rear_left_quarter")).toBe("Rear left quarter");
    expect(humanize("tyres_and_wheels")).toBe("Tyres and wheels");
    expect(humanize("odometer_km")).toBe("Odometer (km)");
  });
});
