"""Helpers that every app's services use."""

from typing import Any

from django.db import models

from insurehub.core.fields import EncryptedTextField


def _comparable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    return value


# What model_update records for a sealed field that changed: that it changed, never its values.
REDACTED = "(redacted)"


def _is_personal(instance: models.Model, field: str) -> bool:
    try:
        return isinstance(instance._meta.get_field(field), EncryptedTextField)
    except Exception:  # not a model field (e.g. a property)
        return False


def model_update(*, instance: models.Model, fields: list[str], data: dict[str, Any]) -> dict[str, list]:
    """Set only the named fields that `data` carries, validate, save with update_fields.

    Returns the changes as {field: [old, new]} (empty when nothing changed), ready for
    the audit entry. A key in `data` that is not in `fields` is ignored by design: the
    service decides what may change, never the request.
    """
    changes: dict[str, list] = {}
    for field in fields:
        if field not in data:
            continue
        old = getattr(instance, field)
        new = data[field]
        if _comparable(old) != _comparable(new):
            if _is_personal(instance, field):
                # Personal data never lands in the audit log in clear: record that it changed.
                changes[field] = [REDACTED, REDACTED]
            else:
                changes[field] = [_comparable(old), _comparable(new)]
            setattr(instance, field, new)
    if changes:
        instance.full_clean()
        update_fields = list(changes)
        if any(f.name == "updated_at" for f in instance._meta.get_fields()):
            update_fields.append("updated_at")
        instance.save(update_fields=update_fields)
    return changes
