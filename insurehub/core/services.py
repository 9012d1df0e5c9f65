"""Helpers that every app's services use."""

from typing import Any

from django.db import models


def _comparable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    return value


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
            changes[field] = [_comparable(old), _comparable(new)]
            setattr(instance, field, new)
    if changes:
        instance.full_clean()
        update_fields = list(changes)
        if any(f.name == "updated_at" for f in instance._meta.get_fields()):
            update_fields.append("updated_at")
        instance.save(update_fields=update_fields)
    return changes
