"""Authenticated encryption of personal data at rest, with a rotatable key ring.

FIELD_ENCRYPTION_KEYS = "k2:<base64 32 bytes>,k1:<base64 32 bytes>"
The first key encrypts; every key decrypts, so a new key can be put first and the old
rows re-encrypted in the background (`manage.py rotate_field_keys`). AES-256-GCM with a
random 96-bit nonce; the field's identity is bound in as associated data, so a ciphertext
copied into another column does not decrypt.

Stored form: "enc1:<key id>:<base64(nonce || ciphertext+tag)>".

Searchable fields keep a keyed hash beside them (blind index): HMAC-SHA256 under
FIELD_HASH_KEY of the normalised value, so equality lookups work without decrypting.
"""

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc1"


class DecryptionError(Exception):
    pass


@dataclass(frozen=True)
class KeyRing:
    primary_id: str
    keys: dict[str, bytes]


def _derive(label: str) -> bytes:
    return hashlib.sha256(f"insurehub:{label}:{settings.SECRET_KEY}".encode()).digest()


@lru_cache(maxsize=8)
def _parse_ring(spec: str) -> KeyRing:
    keys: dict[str, bytes] = {}
    order: list[str] = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        key_id, _, encoded = item.partition(":")
        try:
            key = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except ValueError as exc:
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS: key {key_id!r} is not base64") from exc
        if len(key) != 32 or not key_id or ":" in key_id:
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS: key {key_id!r} must be 'id:<base64 of 32 bytes>'")
        keys[key_id] = key
        order.append(key_id)
    if not order:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    return KeyRing(primary_id=order[0], keys=keys)


def key_ring() -> KeyRing:
    spec = settings.FIELD_ENCRYPTION_KEYS
    if spec:
        return _parse_ring(spec)
    if settings.DJANGO_ENV == "production" and not settings.DEBUG:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS must be set in production")
    return KeyRing(primary_id="dev", keys={"dev": _derive("field-encryption")})


def generate_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")


def encrypt(plaintext: str, *, context: str) -> str:
    ring = key_ring()
    nonce = os.urandom(12)
    sealed = AESGCM(ring.keys[ring.primary_id]).encrypt(nonce, plaintext.encode(), context.encode())
    return f"{PREFIX}:{ring.primary_id}:{base64.b64encode(nonce + sealed).decode()}"


def is_ciphertext(value: str) -> bool:
    return isinstance(value, str) and value.startswith(f"{PREFIX}:")


def key_id_of(value: str) -> str | None:
    return value.split(":", 2)[1] if is_ciphertext(value) else None


def decrypt(stored: str, *, context: str) -> str:
    try:
        _, key_id, payload = stored.split(":", 2)
        raw = base64.b64decode(payload)
    except ValueError as exc:
        raise DecryptionError("malformed ciphertext") from exc
    key = key_ring().keys.get(key_id)
    if key is None:
        raise DecryptionError(f"no key {key_id!r} in FIELD_ENCRYPTION_KEYS")
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], context.encode()).decode()
    except Exception as exc:  # InvalidTag: wrong key, wrong column, or tampered
        raise DecryptionError("ciphertext does not authenticate") from exc


def blind_index(value: str | None, *, purpose: str) -> str:
    """Keyed hash for equality search ("" for empty values)."""
    if not value:
        return ""
    key = settings.FIELD_HASH_KEY.encode() if settings.FIELD_HASH_KEY else _derive("field-hash")
    normalised = "".join(value.split()).lower()
    return hmac.new(key, f"{purpose}:{normalised}".encode(), hashlib.sha256).hexdigest()
