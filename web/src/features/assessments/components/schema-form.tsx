import { Plus, Trash2 } from "lucide-react";
import { createContext, useContext, useId } from "react";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";

import { childPath, humanize, type Errors, type FieldSpec, type JsonObject, type JsonValue } from "../json-schema";

/**
 * A form generated from a JSON schema (json-schema.ts): inputs for strings and numbers, a
 * yes/no/not-recorded choice for booleans, selects for enums, checkboxes for arrays of enums,
 * fieldsets for nested objects and repeatable rows for lists. Each control has a label, its help
 * text and its error (client-side or from the API) tied to it with aria-describedby.
 */
export interface SchemaFormProps {
  spec: FieldSpec;
  value: JsonValue | undefined;
  onChange: (value: JsonValue | undefined) => void;
  errors: Errors;
  disabled?: boolean;
  /** Shown as the outer fieldset's legend; without it the root renders its fields only. */
  legend?: string;
  /** For reading only: the controls are disabled and the add and remove buttons left out. */
  readOnly?: boolean;
}

const ReadOnly = createContext(false);

export function SchemaForm({ spec, value, onChange, errors, disabled = false, legend, readOnly = false }: SchemaFormProps) {
  const prefix = useId();
  return (
    <ReadOnly.Provider value={readOnly}>
      <Field
        spec={legend ? { ...spec, label: legend } : spec}
        path=""
        required={false}
        value={value}
        onChange={onChange}
        errors={errors}
        disabled={disabled}
        prefix={prefix}
        root={!legend}
      />
    </ReadOnly.Provider>
  );
}

interface FieldProps {
  spec: FieldSpec;
  path: string;
  required: boolean;
  value: JsonValue | undefined;
  onChange: (value: JsonValue | undefined) => void;
  errors: Errors;
  disabled: boolean;
  prefix: string;
  root?: boolean;
}

function idFor(prefix: string, path: string): string {
  return `${prefix}f-${path.replace(/[^A-Za-z0-9_-]/g, "-") || "root"}`;
}

function RequiredMark() {
  return (
    <>
      <span aria-hidden="true" className="text-destructive">
        *
      </span>
      <span className="sr-only">(required)</span>
    </>
  );
}

function Help({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="text-xs text-muted-foreground">
      {text}
    </p>
  );
}

function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {text}
    </p>
  );
}

function describedBy(id: string, help: string | undefined, error: string | undefined): string | undefined {
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Field(props: FieldProps) {
  const { spec } = props;
  switch (spec.type) {
    case "object":
      return <ObjectField {...props} spec={spec} />;
    case "list":
      return <ListField {...props} spec={spec} />;
    case "map":
      return <MapField {...props} spec={spec} />;
    case "multi-enum":
      return <MultiEnumField {...props} spec={spec} />;
    case "unsupported":
      return null;
    default:
      return <ScalarField {...props} />;
  }
}

/** A single control: text, number, yes/no, or one of a list. */
function ScalarField({ spec, path, required, value, onChange, errors, disabled, prefix }: FieldProps) {
  const id = idFor(prefix, path);
  const error = errors[path];
  const common = {
    id,
    disabled,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, spec.help, error),
  } as const;
  let control: React.ReactNode;
  switch (spec.type) {
    case "string":
      control =
        spec.maxLength !== undefined && spec.maxLength > 120 ? (
          <Textarea
            {...common}
            rows={2}
            maxLength={spec.maxLength}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
          />
        ) : (
          <Input
            {...common}
            maxLength={spec.maxLength}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
          />
        );
      break;
    case "number":
    case "integer":
      control = (
        <Input
          {...common}
          type="number"
          inputMode={spec.type === "integer" ? "numeric" : "decimal"}
          step={spec.type === "integer" ? 1 : "any"}
          min={spec.minimum}
          max={spec.maximum}
          value={typeof value === "number" ? value : ""}
          onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.valueAsNumber)}
        />
      );
      break;
    case "boolean":
      control = (
        <NativeSelect
          {...common}
          value={value === true ? "yes" : value === false ? "no" : ""}
          onChange={(event) =>
            onChange(event.target.value === "yes" ? true : event.target.value === "no" ? false : undefined)
          }
        >
          <option value="">Not recorded</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </NativeSelect>
      );
      break;
    case "enum":
      control = (
        <NativeSelect
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        >
          <option value="">{required ? "Choose…" : "—"}</option>
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {humanize(option)}
            </option>
          ))}
        </NativeSelect>
      );
      break;
    default:
      return null;
  }
  const range =
    (spec.type === "number" || spec.type === "integer") && (spec.minimum !== undefined || spec.maximum !== undefined)
      ? [spec.minimum !== undefined ? `from ${spec.minimum}` : "", spec.maximum !== undefined ? `to ${spec.maximum}` : ""]
          .filter(Boolean)
          .join(" ")
      : null;
  const help = [spec.help, range ? `${range.charAt(0).toUpperCase()}${range.slice(1)}.` : null].filter(Boolean).join(" ");
  return (
    <div className="grid content-start gap-1.5" data-field={path}>
      <label htmlFor={id} className="flex items-center gap-1 text-sm font-medium">
        {spec.label}
        {required && <RequiredMark />}
      </label>
      {control}
      <Help id={`${id}-help`} text={help || undefined} />
      <ErrorText id={`${id}-error`} text={error} />
    </div>
  );
}

function asObject(value: JsonValue | undefined): JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}

function asList(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** A nested object: a fieldset of its fields (the root: its fields only). */
function ObjectField(props: FieldProps & { spec: Extract<FieldSpec, { type: "object" }> }) {
  const { spec, path, value, onChange, errors, disabled, prefix, root } = props;
  const object = asObject(value);
  const set = (name: string, child: JsonValue | undefined) => {
    const next = { ...object };
    if (child === undefined) delete next[name];
    else next[name] = child;
    onChange(next);
  };
  const scalars = spec.fields.filter((f) => !["object", "list", "map", "multi-enum"].includes(f.spec.type));
  const groups = spec.fields.filter((f) => ["object", "list", "map", "multi-enum"].includes(f.spec.type));
  const id = idFor(prefix, path);
  const body = (
    <>
      <ErrorText id={`${id}-error`} text={errors[path]} />
      {scalars.length > 0 && (
        <div className="grid grid-cols-1 gap-3 @md:grid-cols-2 @3xl:grid-cols-3">
          {scalars.map((field) => (
            <Field
              key={field.name}
              spec={field.spec}
              path={childPath(path, field.name)}
              required={field.required}
              value={object[field.name]}
              onChange={(child) => set(field.name, child)}
              errors={errors}
              disabled={disabled}
              prefix={prefix}
            />
          ))}
        </div>
      )}
      {groups.map((field) => (
        <Field
          key={field.name}
          spec={field.spec}
          path={childPath(path, field.name)}
          required={field.required}
          value={object[field.name]}
          onChange={(child) => set(field.name, child)}
          errors={errors}
          disabled={disabled}
          prefix={prefix}
        />
      ))}
    </>
  );
  if (root) return <div className="grid gap-4">{body}</div>;
  return (
    <fieldset className="grid gap-3 rounded-md border p-3" data-field={path}>
      <legend className="px-1 text-sm font-medium">
        {spec.label}
        {props.required && <RequiredMark />}
      </legend>
      <Help id={`${id}-help`} text={spec.help} />
      {body}
    </fieldset>
  );
}

/** What an entry of a list is about: its first chosen option (a component's name), if any. */
function entryTitle(spec: FieldSpec, value: JsonValue | undefined): string | null {
  if (spec.type !== "object") return null;
  const object = asObject(value);
  const first = spec.fields.find((field) => field.spec.type === "enum" && typeof object[field.name] === "string");
  return first ? humanize(object[first.name] as string) : null;
}

function emptyOf(spec: FieldSpec): JsonValue {
  return spec.type === "object" || spec.type === "map" ? {} : spec.type === "multi-enum" || spec.type === "list" ? [] : "";
}

/** A list: one row (or fieldset) per entry, with add and remove. */
function ListField({ spec, path, value, onChange, errors, disabled, prefix, required }: FieldProps & { spec: Extract<FieldSpec, { type: "list" }> }) {
  const list = asList(value);
  const readOnly = useContext(ReadOnly);
  const id = idFor(prefix, path);
  const full = spec.maxItems !== undefined && list.length >= spec.maxItems;
  const itemName = humanize(spec.item.label || "entry").toLowerCase();
  const setAt = (index: number, child: JsonValue | undefined) => {
    const next = [...list];
    next[index] = child ?? emptyOf(spec.item);
    onChange(next);
  };
  return (
    <fieldset className="grid gap-3" data-field={path} aria-describedby={describedBy(id, spec.help, errors[path])}>
      <legend className="mb-1 flex items-center gap-1 text-sm font-medium">
        {spec.label}
        {required && <RequiredMark />}
        <span className="font-normal text-muted-foreground">({list.length})</span>
      </legend>
      <Help id={`${id}-help`} text={spec.help} />
      <ErrorText id={`${id}-error`} text={errors[path]} />
      {list.length === 0 && <p className="text-sm text-muted-foreground">None recorded.</p>}
      <ol className="grid gap-3">
        {list.map((entry, index) => {
          const title = entryTitle(spec.item, entry);
          const name = `${humanize(spec.item.label || "entry")} ${index + 1}${title ? `: ${title}` : ""}`;
          const remove = readOnly ? null : (
            <Button
              variant="ghost"
              size="sm"
              disabled={disabled}
              onClick={() => onChange(list.filter((_, i) => i !== index))}
              aria-label={`Remove ${name.toLowerCase()}`}
            >
              <Trash2 aria-hidden="true" />
              <span className="hidden sm:inline">Remove</span>
            </Button>
          );
          return (
            <li key={index} className={cn(spec.item.type === "object" && "rounded-md border bg-muted/30 p-3")}>
              {spec.item.type === "object" ? (
                <div className="grid gap-2">
                  <div className="flex items-center justify-between gap-2">
                    <span className="text-sm font-medium">{name}</span>
                    {remove}
                  </div>
                  <Field
                    spec={spec.item}
                    path={childPath(path, index)}
                    required={false}
                    value={entry}
                    onChange={(child) => setAt(index, child)}
                    errors={errors}
                    disabled={disabled}
                    prefix={prefix}
                    root
                  />
                </div>
              ) : (
                <div className="flex items-end gap-2">
                  <div className="flex-1">
                    <Field
                      spec={{ ...spec.item, label: name }}
                      path={childPath(path, index)}
                      required
                      value={entry}
                      onChange={(child) => setAt(index, child)}
                      errors={errors}
                      disabled={disabled}
                      prefix={prefix}
                    />
                  </div>
                  {remove}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div>
          <Button variant="outline" size="sm" disabled={disabled || full} onClick={() => onChange([...list, emptyOf(spec.item)])}>
            <Plus aria-hidden="true" />
            Add {itemName}
          </Button>
          {full && <span className="ml-2 text-xs text-muted-foreground">At most {spec.maxItems}.</span>}
        </div>
      )}
    </fieldset>
  );
}

/** Named values (an object with additionalProperties): name and value per row. */
function MapField({ spec, path, value, onChange, errors, disabled, prefix, required }: FieldProps & { spec: Extract<FieldSpec, { type: "map" }> }) {
  const entries = Object.entries(asObject(value));
  const readOnly = useContext(ReadOnly);
  const id = idFor(prefix, path);
  const rebuild = (rows: [string, JsonValue][]) => onChange(Object.fromEntries(rows));
  return (
    <fieldset className="grid gap-2" data-field={path} aria-describedby={describedBy(id, spec.help, errors[path])}>
      <legend className="mb-1 flex items-center gap-1 text-sm font-medium">
        {spec.label}
        {required && <RequiredMark />}
      </legend>
      <Help id={`${id}-help`} text={spec.help} />
      <ErrorText id={`${id}-error`} text={errors[path]} />
      {entries.length === 0 && <p className="text-sm text-muted-foreground">None recorded.</p>}
      {entries.map(([key, entry], index) => {
        const rowId = `${id}-${index}`;
        const childError = errors[childPath(path, key)];
        return (
          <div key={index} className="grid grid-cols-[1fr_8rem_auto] items-end gap-2">
            <div className="grid gap-1">
              <label htmlFor={`${rowId}-name`} className="text-xs font-medium">
                Name {index + 1}
              </label>
              <Input
                id={`${rowId}-name`}
                value={key}
                disabled={disabled}
                onChange={(event) =>
                  rebuild(entries.map(([k, v], i) => (i === index ? [event.target.value, v] : [k, v])))
                }
              />
            </div>
            <div className="grid gap-1">
              <label htmlFor={`${rowId}-value`} className="text-xs font-medium">
                {spec.value.label === "Value" ? `Value ${index + 1}` : spec.value.label}
              </label>
              <Input
                id={`${rowId}-value`}
                type="number"
                step="any"
                disabled={disabled}
                aria-invalid={childError ? true : undefined}
                aria-describedby={childError ? `${rowId}-error` : undefined}
                min={spec.value.type === "number" || spec.value.type === "integer" ? spec.value.minimum : undefined}
                max={spec.value.type === "number" || spec.value.type === "integer" ? spec.value.maximum : undefined}
                value={typeof entry === "number" ? entry : ""}
                onChange={(event) =>
                  rebuild(
                    entries.map(([k, v], i) =>
                      i === index ? [k, event.target.value === "" ? null : event.target.valueAsNumber] : [k, v],
                    ),
                  )
                }
              />
            </div>
            <Button
              variant="ghost"
              size="icon"
              disabled={disabled}
              hidden={readOnly}
              aria-label={`Remove ${key || `entry ${index + 1}`}`}
              onClick={() => rebuild(entries.filter((_, i) => i !== index))}
            >
              <Trash2 aria-hidden="true" />
            </Button>
            <div className="col-span-3">
              <ErrorText id={`${rowId}-error`} text={childError} />
            </div>
          </div>
        );
      })}
      <div hidden={readOnly}>
        <Button
          variant="outline"
          size="sm"
          disabled={disabled || entries.some(([key]) => key === "")}
          onClick={() => rebuild([...entries, ["", null]])}
        >
          <Plus aria-hidden="true" />
          Add a value
        </Button>
      </div>
    </fieldset>
  );
}

/** An array of enums: one checkbox per option. */
function MultiEnumField({ spec, path, value, onChange, errors, disabled, prefix, required }: FieldProps & { spec: Extract<FieldSpec, { type: "multi-enum" }> }) {
  const chosen = asList(value).filter((v): v is string => typeof v === "string");
  const id = idFor(prefix, path);
  const toggle = (option: string, on: boolean) => {
    const next = on ? [...chosen, option] : chosen.filter((v) => v !== option);
    onChange(next.length ? spec.options.filter((o) => next.includes(o)) : undefined);
  };
  return (
    <fieldset data-field={path} aria-describedby={describedBy(id, spec.help, errors[path])}>
      <legend className="mb-1.5 flex items-center gap-1 text-sm font-medium">
        {spec.label}
        {required && <RequiredMark />}
      </legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1.5">
        {spec.options.map((option) => (
          <label key={option} className="inline-flex items-center gap-1.5 text-sm">
            <Checkbox
              disabled={disabled}
              checked={chosen.includes(option)}
              onChange={(event) => toggle(option, event.target.checked)}
            />
            {humanize(option)}
          </label>
        ))}
      </div>
      <Help id={`${id}-help`} text={spec.help} />
      <ErrorText id={`${id}-error`} text={errors[path]} />
    </fieldset>
  );
}
