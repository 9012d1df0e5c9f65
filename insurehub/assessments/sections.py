"""The standard assessment template: eight sections, each with a JSON schema for its findings.

Findings are `{"items": [...], ...section extras}`: one item per component inspected, with its
condition, the damage seen and the action proposed. Unknown keys are refused so that findings
stay comparable across assessments and reports.
"""

from jsonschema import Draft202012Validator

from insurehub.assessments.models import SectionKind

CONDITIONS = ["ok", "damaged", "missing", "not_inspected"]
ACTIONS = ["none", "repair", "replace", "refinish", "check"]
DAMAGE = ["scratch", "dent", "crack", "broken", "deformed", "corroded", "burnt", "flooded", "leak", "fault", "wear"]

COMPONENTS: dict[str, list[str]] = {
    SectionKind.EXTERIOR: [
        "front_bumper", "rear_bumper", "bonnet", "boot_lid", "roof", "front_left_wing", "front_right_wing",
        "rear_left_quarter", "rear_right_quarter", "left_front_door", "right_front_door", "left_rear_door",
        "right_rear_door", "left_mirror", "right_mirror", "grille", "headlamps", "tail_lamps", "sills",
    ],
    SectionKind.INTERIOR: [
        "dashboard", "seats", "carpets", "headlining", "door_trims", "steering_wheel", "instrument_cluster",
        "infotainment", "controls",
    ],
    SectionKind.MECHANICAL: [
        "engine", "gearbox", "clutch", "suspension", "steering", "brakes", "exhaust", "cooling_system",
        "fuel_system", "drive_shafts",
    ],
    SectionKind.ELECTRICAL: ["battery", "alternator", "starter", "wiring_loom", "ecu", "lighting", "sensors"],
    SectionKind.STRUCTURAL: [
        "chassis", "front_crossmember", "rear_crossmember", "a_pillars", "b_pillars", "c_pillars", "floor_pan",
        "inner_wings", "crumple_zones",
    ],
    SectionKind.GLASS: ["windscreen", "rear_screen", "side_windows", "sunroof"],
    SectionKind.TYRES_AND_WHEELS: [
        "front_left_tyre", "front_right_tyre", "rear_left_tyre", "rear_right_tyre", "spare_tyre",
        "front_left_wheel", "front_right_wheel", "rear_left_wheel", "rear_right_wheel",
    ],
    SectionKind.SAFETY_SYSTEMS: [
        "driver_airbag", "passenger_airbag", "side_airbags", "curtain_airbags", "seatbelts", "pretensioners",
        "abs", "esc", "parking_sensors", "cameras",
    ],
}  # fmt: skip

# Section-specific facts besides the component list.
EXTRAS: dict[str, dict] = {
    SectionKind.EXTERIOR: {"paint_mismatch": {"type": "boolean"}, "pre_existing_damage": {"type": "boolean"}},
    SectionKind.INTERIOR: {"water_ingress": {"type": "boolean"}, "odour": {"type": "string", "maxLength": 200}},
    SectionKind.MECHANICAL: {
        "odometer_km": {"type": "integer", "minimum": 0, "maximum": 3_000_000},
        "engine_starts": {"type": "boolean"},
        "fluid_leaks": {"type": "boolean"},
    },
    SectionKind.ELECTRICAL: {"warning_lights": {"type": "array", "items": {"type": "string", "maxLength": 60}}},
    SectionKind.STRUCTURAL: {
        "alignment_out_of_tolerance": {"type": "boolean"},
        "jig_check_required": {"type": "boolean"},
    },
    SectionKind.GLASS: {"chip_repairable": {"type": "boolean"}},
    SectionKind.TYRES_AND_WHEELS: {
        "tread_depth_mm": {
            "type": "object",
            "additionalProperties": {"type": "number", "minimum": 0, "maximum": 20},
        }
    },
    SectionKind.SAFETY_SYSTEMS: {"airbags_deployed": {"type": "boolean"}, "srs_light_on": {"type": "boolean"}},
}


def schema_for(kind: str) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{kind} findings",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "items": {
                "type": "array",
                "maxItems": 100,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["component", "condition"],
                    "properties": {
                        "component": {"enum": COMPONENTS[kind]},
                        "condition": {"enum": CONDITIONS},
                        "damage": {"type": "array", "items": {"enum": DAMAGE}, "uniqueItems": True},
                        "action": {"enum": ACTIONS},
                        "comment": {"type": "string", "maxLength": 500},
                    },
                },
            },
            **EXTRAS[kind],
        },
    }


SCHEMAS: dict[str, dict] = {kind: schema_for(kind) for kind in SectionKind.values}
_VALIDATORS = {kind: Draft202012Validator(schema) for kind, schema in SCHEMAS.items()}
TEMPLATE: list[str] = list(SectionKind.values)  # in order: the position of each section


def findings_errors(kind: str, findings) -> list[str]:
    """Messages naming where the findings break the section's schema (empty when valid)."""
    validator = _VALIDATORS.get(kind)
    if validator is None:
        return [f"Unknown section {kind!r}."]
    errors = []
    for error in sorted(validator.iter_errors(findings), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "findings"
        errors.append(f"{where}: {error.message}"[:300])
    return errors[:20]


def completion_percentage(completed: int, total: int) -> int:
    return 0 if total == 0 else (100 * completed) // total
