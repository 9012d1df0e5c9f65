"""Personal values in audit entries are sealed like the columns they come from.

An entry's `changes` may name a value that its own table keeps sealed (a settlement's payee, a
vehicle's registration, a claim's incident address): stored as it came, the audit log would be
the one place in the database where it is readable without the keys. So `audit_record` seals the
value of every key that names a sealed field of any model, and readers (the audit API, the admin)
unseal it for display:

    {"payee": "Njeri Wambui"}  ->  {"payee": {"sealed": "enc1:<key id>:<base64>"}}

The chain hashes what is stored, the sealed form, so verifying the chain needs no keys. Entries are
append-only, so `rotate_field_keys` cannot re-seal them: a key stays in FIELD_ENCRYPTION_KEYS for as
long as the entries it sealed must be read, and retiring it leaves those values unreadable (their
hash and the rest of the entry stay). Which keys are sealed is derived from the models, so a field
sealed later is sealed here too.
"""

import json
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder

from insurehub.core import encryption
from insurehub.core.fields import encrypted_fields
from insurehub.core.services import REDACTED

SEALED = "sealed"
# Named in entries with another name than their column, or kept only as a blind index.
EXTRA_KEYS = frozenset({"registration", "phone", "national_id"})


@lru_cache(maxsize=1)
def sealed_keys() -> frozenset[str]:
    names = {field.name for model in apps.get_models() for field in encrypted_fields(model)}
    return frozenset(names | EXTRA_KEYS)


def _context(key: str) -> str:
    return f"audit.changes.{key}"


def _nothing_to_seal(value: Any) -> bool:
    """Empty, or model_update's record that a sealed field changed without its values."""
    if value in (None, "", [], {}, REDACTED):
        return True
    return isinstance(value, list | tuple) and all(item == REDACTED for item in value)


def seal_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """The entry's changes with each personal value sealed (empty or redacted values stay as they are)."""
    keys = sealed_keys()
    sealed = {}
    for key, value in changes.items():
        if key in keys and not _nothing_to_seal(value):
            plaintext = json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True)
            sealed[key] = {SEALED: encryption.encrypt(plaintext, context=_context(key))}
        else:
            sealed[key] = value
    return sealed


def _is_sealed(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {SEALED} and encryption.is_ciphertext(value[SEALED])


def unseal_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """The changes as recorded, for those allowed to read the audit log. A value whose key has
    been retired reads as a notice instead of failing the whole page."""
    if not isinstance(changes, dict):
        return changes
    shown = {}
    for key, value in changes.items():
        if _is_sealed(value):
            try:
                shown[key] = json.loads(encryption.decrypt(value[SEALED], context=_context(key)))
            except encryption.DecryptionError:
                shown[key] = f"[sealed under key {encryption.key_id_of(value[SEALED])!r}, which is not available]"
        else:
            shown[key] = value
    return shown
