/**
 * A small JSON Schema reader for the section forms: what `GET /api/assessments/section-schemas/`
 * sends (draft 2020-12, the subset the sections use) becomes a tree of form fields, and a value
 * is checked against it with messages a person can read, keyed by the same paths the API uses in
 * its errors (`items/0/condition`).
 *
 * Supported: string (maxLength, minLength), number and integer (minimum, maximum), boolean, enum,
 * arrays of enums (checkboxes), arrays of strings or objects (repeatable rows, maxItems), objects
 * with properties (fieldsets, required), objects with only additionalProperties (name -> value
 * rows). `title` and `description` give the label and the help text.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

interface Common {
  label: string;
  help?: string;
}

export type FieldSpec = Common &
  (
    | { type: "string"; minLength?: number; maxLength?: number }
    | { type: "number" | "integer"; minimum?: number; maximum?: number }
    | { type: "boolean" }
    | { type: "enum"; options: string[] }
    | { type: "multi-enum"; options: string[] }
    | { type: "list"; item: FieldSpec; maxItems?: number }
    | { type: "object"; fields: ObjectField[] }
    | { type: "map"; value: FieldSpec }
    | { type: "unsupported"; reason: string }
  );

export interface ObjectField {
  name: string;
  required: boolean;
  spec: FieldSpec;
}

type Schema = Record<string, unknown>;

const UNITS: Record<string, string> = { km: "km", mm: "mm", kg: "kg", cm: "cm", pct: "%" };

/** `front_left_wing` -> "Front left wing"; `odometer_km` -> "Odometer (km)". */
export function humanize(name: string): string {
  const words = name.split(/[_\s]+/).filter(Boolean);
  const last = words.at(-1);
  const unit = last && words.length > 1 ? UNITS[last] : undefined;
  const text = (unit ? words.slice(0, -1) : words).join(" ");
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return unit ? `${sentence} (${unit})` : sentence;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function numberOf(schema: Schema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === "number" ? value : undefined;
}

function enumOf(schema: Schema): string[] | null {
  const values = schema.enum;
  return Array.isArray(values) && values.every((v) => typeof v === "string") ? (values) : null;
}

/** The form field for a schema; `name` gives the label when the schema has no `title`. */
export function compileSchema(schema: unknown, name = ""): FieldSpec {
  if (!isSchema(schema)) return { type: "unsupported", label: humanize(name), reason: "not a schema" };
  const common: Common = {
    label: typeof schema.title === "string" && name ? schema.title : humanize(name),
    ...(typeof schema.description === "string" ? { help: schema.description } : {}),
  };
  const options = enumOf(schema);
  if (options) return { ...common, type: "enum", options };
  switch (schema.type) {
    case "string":
      return { ...common, type: "string", minLength: numberOf(schema, "minLength"), maxLength: numberOf(schema, "maxLength") };
    case "number":
    case "integer":
      return { ...common, type: schema.type, minimum: numberOf(schema, "minimum"), maximum: numberOf(schema, "maximum") };
    case "boolean":
      return { ...common, type: "boolean" };
    case "array": {
      const items = isSchema(schema.items) ? schema.items : {};
      const itemOptions = enumOf(items);
      if (itemOptions) return { ...common, type: "multi-enum", options: itemOptions };
      return { ...common, type: "list", item: compileSchema(items, singular(name)), maxItems: numberOf(schema, "maxItems") };
    }
    case "object": {
      const properties = isSchema(schema.properties) ? schema.properties : null;
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      if (properties) {
        const fields = Object.entries(properties).map(([key, sub]) => ({
          name: key,
          required: required.includes(key),
          spec: compileSchema(sub, key),
        }));
        return { ...common, type: "object", fields };
      }
      if (isSchema(schema.additionalProperties)) {
        return { ...common, type: "map", value: compileSchema(schema.additionalProperties, "value") };
      }
      return { ...common, type: "object", fields: [] };
    }
    default:
      return { ...common, type: "unsupported", reason: `type ${String(schema.type)}` };
  }
}

function singular(name: string): string {
  return name.endsWith("s") ? name.slice(0, -1) : name || "item";
}

/** Path of a child: `items` + 0 -> `items/0` (the API's notation in its schema errors). */
export function childPath(path: string, key: string | number): string {
  return path ? `${path}/${key}` : String(key);
}

export type Errors = Record<string, string>;

function isEmpty(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/**
 * Checks `value` against `spec`; the messages are keyed by path (`""` for the value itself).
 * Empty optional fields are fine: they are left out of what is sent.
 */
export function validate(spec: FieldSpec, value: JsonValue | undefined, path = "", errors: Errors = {}): Errors {
  if (value === undefined || value === null) return errors;
  switch (spec.type) {
    case "string":
      if (typeof value !== "string") errors[path] = "Enter text.";
      else if (spec.maxLength !== undefined && value.length > spec.maxLength)
        errors[path] = `At most ${plural(spec.maxLength, "character")} (${value.length} now).`;
      else if (spec.minLength !== undefined && value.length < spec.minLength)
        errors[path] = `At least ${plural(spec.minLength, "character")}.`;
      break;
    case "number":
    case "integer":
      if (typeof value !== "number" || Number.isNaN(value)) errors[path] = "Enter a number.";
      else if (spec.type === "integer" && !Number.isInteger(value)) errors[path] = "Enter a whole number.";
      else if (spec.minimum !== undefined && value < spec.minimum) errors[path] = `Must be at least ${spec.minimum}.`;
      else if (spec.maximum !== undefined && value > spec.maximum) errors[path] = `Must be at most ${spec.maximum}.`;
      break;
    case "boolean":
      if (typeof value !== "boolean") errors[path] = "Choose yes or no.";
      break;
    case "enum":
      if (typeof value !== "string" || !spec.options.includes(value)) errors[path] = "Choose one of the options.";
      break;
    case "multi-enum":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !spec.options.includes(v)))
        errors[path] = "Choose from the options.";
      else if (new Set(value).size !== value.length) errors[path] = "Each option once.";
      break;
    case "list":
      if (!Array.isArray(value)) errors[path] = "Expected a list.";
      else {
        if (spec.maxItems !== undefined && value.length > spec.maxItems)
          errors[path] = `At most ${plural(spec.maxItems, "entry", "entries")}.`;
        value.forEach((item, index) => validate(spec.item, item, childPath(path, index), errors));
      }
      break;
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) {
        errors[path] = "Expected a group of fields.";
        break;
      }
      for (const field of spec.fields) {
        const child = value[field.name];
        const where = childPath(path, field.name);
        if (field.required && isEmpty(child)) errors[where] = "Required.";
        else validate(field.spec, child, where, errors);
      }
      break;
    }
    case "map":
      if (typeof value !== "object" || Array.isArray(value)) errors[path] = "Expected named values.";
      else {
        for (const [key, child] of Object.entries(value)) {
          if (!key.trim()) errors[childPath(path, key)] = "Give each value a name.";
          else if (child === null) errors[childPath(path, key)] = "Enter a value.";
          else validate(spec.value, child, childPath(path, key), errors);
        }
      }
      break;
    case "unsupported":
      break;
  }
  return errors;
}

/**
 * The API's schema errors for a section (`{"field": "findings", "message": "items/0/condition:
 * 'x' is not one of [...]"}`) keyed by path, so each shows next to its field; a message without a
 * path (`findings: ...`) is keyed `""`.
 */
export function schemaErrorsByPath(messages: readonly string[]): Errors {
  const errors: Errors = {};
  for (const message of messages) {
    const match = /^([^:\s]+): (.*)$/s.exec(message);
    const path = match && match[1] !== "findings" ? match[1]! : "";
    const text = match ? match[2]! : message;
    errors[path] = errors[path] ? `${errors[path]} ${text}` : text;
  }
  return errors;
}

/** Drops empty strings, empty lists and unset values, so optional fields left blank are not sent. */
export function prune(value: JsonValue | undefined): JsonValue | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) {
    return value.map(prune).filter((item): item is JsonValue => item !== undefined);
  }
  if (typeof value === "object") {
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const kept = prune(child);
      if (kept !== undefined && !(Array.isArray(kept) && kept.length === 0)) out[key] = kept;
    }
    return out;
  }
  return value;
}
