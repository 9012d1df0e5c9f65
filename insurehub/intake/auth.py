"""`Authorization: Api-Key <key>`: a partner's key, accepted by the intake endpoints only (they list
this class next to the JWT one; every other endpoint ignores the header and answers 401)."""

import hashlib
import hmac
import secrets

from django.utils import timezone
from rest_framework import authentication, exceptions

from insurehub.intake.models import PartnerApiKey
from insurehub.intake.permissions import PartnerPrincipal

KEYWORD = "Api-Key"
KEY_PREFIX = "ihk_"
# last_used_at is written at most this often per key (a busy key would otherwise write on every call).
LAST_USED_RESOLUTION_SECONDS = 60


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    """A fresh key and its public prefix: `ihk_<8 hex>_<43 url-safe chars>` (the secret part is 32 bytes)."""
    prefix = secrets.token_hex(4)
    return f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}", prefix


def _parse(raw: str) -> str | None:
    if not raw.startswith(KEY_PREFIX):
        return None
    parts = raw[len(KEY_PREFIX) :].split("_", 1)
    return parts[0] if len(parts) == 2 and len(parts[0]) == 8 else None


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        keyword, _, raw = header.partition(" ")
        if keyword.lower() != KEYWORD.lower():
            return None
        raw = raw.strip()
        prefix = _parse(raw)
        api_key = PartnerApiKey.objects.select_related("partner").filter(prefix=prefix).first() if prefix else None
        if api_key is None or not hmac.compare_digest(api_key.key_hash, key_hash(raw)):
            raise exceptions.AuthenticationFailed("Invalid API key.", code="invalid_api_key")
        if api_key.revoked_at is not None:
            raise exceptions.AuthenticationFailed("This API key has been revoked.", code="api_key_revoked")
        if not api_key.partner.active:
            raise exceptions.AuthenticationFailed("This partner is not active.", code="partner_inactive")
        now = timezone.now()
        if api_key.last_used_at is None or (now - api_key.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
            PartnerApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
            api_key.last_used_at = now
        return PartnerPrincipal(api_key), api_key

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api", Api-Key'
