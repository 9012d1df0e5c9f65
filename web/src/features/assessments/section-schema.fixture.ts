// For the unit tests only.
/** The shape the API sends for a section (insurehub/assessments/sections.py), trimmed. */
export const SECTION_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "mechanical findings",
  type: "object",
  additionalProperties: false,
  properties: {
    items: {
      type: "array",
      maxItems: 2,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["component", "condition"],
        properties: {
          component: { enum: ["engine", "gearbox"] },
          condition: { enum: ["ok", "damaged"] },
          damage: { type: "array", items: { enum: ["dent", "leak"] }, uniqueItems: true },
          comment: { type: "string", maxLength: 10 },
        },
      },
    },
    odometer_km: { type: "integer", minimum: 0, maximum: 3000000, description: "As the dashboard shows it." },
    engine_starts: { type: "boolean" },
    warning_lights: { type: "array", items: { type: "string", maxLength: 5 } },
    tread_depth_mm: { type: "object", additionalProperties: { type: "number", minimum: 0, maximum: 20 } },
  },
};
