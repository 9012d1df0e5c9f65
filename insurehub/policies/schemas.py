"""JSON schemas for a product's coverage details and pricing rules: a malformed product is
refused with field errors instead of breaking quotes later."""

import jsonschema
from django.core.exceptions import ValidationError

_MONEY = {"type": "string", "pattern": r"^\d{1,12}(\.\d{1,2})?$"}
_RATE = {"type": "string", "pattern": r"^\d(\.\d{1,6})?$"}

COVERAGE_SCHEMA = {
    "type": "object",
    "required": ["covers", "limits", "excess", "exclusions"],
    "additionalProperties": False,
    "properties": {
        "covers": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1, "maxLength": 200}},
        "limits": {"type": "object", "additionalProperties": _MONEY},
        "excess": {
            "type": "object",
            "required": ["amount"],
            "additionalProperties": False,
            "properties": {"amount": _MONEY, "percent": _RATE},
        },
        "exclusions": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 300}},
        "addons": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "name", "price"],
                "additionalProperties": False,
                "properties": {
                    "code": {"type": "string", "pattern": "^[a-z0-9_]{1,32}$"},
                    "name": {"type": "string", "minLength": 1, "maxLength": 120},
                    "price": _MONEY,
                },
            },
        },
    },
}

PRICING_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        # premium = max(min_premium, base_premium + rate_of_value * sum_insured) * age factor + add-ons
        "rate_of_value": _RATE,
        "min_premium": _MONEY,
        "age_loadings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["max_age", "factor"],
                "additionalProperties": False,
                "properties": {"max_age": {"type": "integer", "minimum": 0, "maximum": 100}, "factor": _RATE},
            },
        },
        "max_vehicle_age": {"type": "integer", "minimum": 0, "maximum": 100},
        "max_sum_insured": _MONEY,
    },
}


def validate_against(schema: dict, value, *, field: str) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    if errors:
        messages = [f"{'.'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors[:10]]
        raise ValidationError({field: messages})
