"""The signed-in user of a request without a database query (issue #16 item 4).

Authenticating a request with an access token needs the user's account state: id, role,
department, active, `tokens_valid_after`. Each web process keeps that state in memory for
AUTH_USER_CACHE_SECONDS, keyed by (user id, version). The version is a random string kept in the
shared cache (Redis in production, so every process sees it) and read in the same round trip as
the token denylist (token_revocation); any save of the user (role, department, deactivation,
password change, sign-out of every session, e-mail...) writes a new version, so every process
reloads the user on its next request: a change counts from the very next request.

The version is replaced twice: at once (this process, and tests that never commit) and again
after the transaction commits, so that a request that read the row before the commit and cached it
under the first new version cannot outlive it. A missing version (evicted, expired, a fresh
Redis) is a new random one: a miss, never a stale hit.

Only the plain account columns are kept: personal fields (encrypted: phone, national id, date of
birth, address) and the password hash are neither read nor decrypted to authenticate; a view that
needs one gets it from the database when it reads it (a deferred field).
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from insurehub.core.fields import EncryptedTextField

VERSION_TIMEOUT_SECONDS = 24 * 3600
MAX_ENTRIES = 10_000

# (user id as str, version) -> (expires at on the monotonic clock, column values in FIELDS order)
_entries: dict[tuple[str, str], tuple[float, tuple]] = {}
_fields: list[str] | None = None


def version_key(user_id) -> str:
    return f"auth-user:v:{user_id}"


def _local_seconds() -> float:
    return float(getattr(settings, "AUTH_USER_CACHE_SECONDS", 30))


def fields(user_model) -> list[str]:
    """The columns kept: every concrete column but the password hash and the encrypted ones."""
    global _fields
    if _fields is None:
        _fields = [
            field.attname
            for field in user_model._meta.concrete_fields
            if field.attname != "password" and not isinstance(field, EncryptedTextField)
        ]
    return _fields


def user_changed(user_id) -> None:
    """Every process reloads this user on its next request (called by User.save())."""
    if user_id is None:
        return
    key = version_key(user_id)
    cache.set(key, uuid.uuid4().hex, timeout=VERSION_TIMEOUT_SECONDS)
    transaction.on_commit(lambda: cache.set(key, uuid.uuid4().hex, timeout=VERSION_TIMEOUT_SECONDS))


def _version(user_id, known: str | None) -> str:
    if known is not None:
        return known
    key = version_key(user_id)
    fresh = uuid.uuid4().hex
    if cache.add(key, fresh, timeout=VERSION_TIMEOUT_SECONDS):
        return fresh
    return cache.get(key) or fresh


def get_user(user_model, user_id, version: str | None):
    """The user with this id as of `version` (read with the denylist), or None if there is none."""
    user_id = str(user_id)
    version = _version(user_id, version)
    names = fields(user_model)
    now = time.monotonic()
    entry = _entries.get((user_id, version))
    if entry is None or entry[0] < now:
        row = user_model._default_manager.filter(pk=user_id).values_list(*names).first()
        if row is None:
            return None
        if len(_entries) >= MAX_ENTRIES:
            _entries.clear()
        entry = (now + _local_seconds(), row)
        _entries[(user_id, version)] = entry
    # A fresh instance per request (views may change it); the columns not kept are deferred.
    return user_model.from_db("default", names, entry[1])


def clear() -> None:
    _entries.clear()
