"""Access tokens that must stop working before they expire (sign-out, password change, a
refresh token used twice). Access tokens are not stored anywhere, so the refused ones are
listed in the cache (Redis in production, shared by every web worker) for as long as they
could still be valid: by `jti` (one token) or by `family` (every access token minted from one
sign-in's chain of refresh tokens; the claim is copied from refresh to access tokens).
"""

import time

from django.conf import settings
from django.core.cache import cache

FAMILY_CLAIM = "family"


def _jti_key(jti: str) -> str:
    return f"jwt-denied:jti:{jti}"


def _family_key(family: str) -> str:
    return f"jwt-denied:family:{family}"


def _access_lifetime() -> int:
    return int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds())


def deny_access_token(payload) -> None:
    """Refuse this one access token for the rest of its life."""
    jti = payload.get("jti")
    if not jti:
        return
    remaining = int(payload.get("exp", 0) - time.time()) + 1
    if remaining > 0:
        cache.set(_jti_key(jti), 1, timeout=remaining)


def deny_family(family: str | None) -> None:
    """Refuse every access token minted so far from this sign-in (they live at most one access lifetime)."""
    if family:
        cache.set(_family_key(family), 1, timeout=_access_lifetime() + 1)


def denial_keys(payload) -> list[str]:
    """The cache keys whose presence refuses this token (read with others in one round trip)."""
    keys = [_jti_key(payload.get("jti", ""))]
    if payload.get(FAMILY_CLAIM):
        keys.append(_family_key(payload[FAMILY_CLAIM]))
    return keys


def is_denied(payload) -> bool:
    return bool(cache.get_many(denial_keys(payload)))
