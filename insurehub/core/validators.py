"""Validators shared by several apps."""

import re

from django.core.exceptions import ValidationError

_PHONE_RE = re.compile(r"^\+?[0-9]{7,15}$")


def validate_phone(value: str) -> None:
    """International phone numbers: optional '+', 7 to 15 digits (spaces and dashes allowed)."""
    if value and not _PHONE_RE.match(re.sub(r"[\s-]", "", value)):
        raise ValidationError(
            "Enter a phone number of 7 to 15 digits, optionally starting with +.", code="invalid_phone"
        )
