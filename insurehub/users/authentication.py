"""JWT authentication that also refuses tokens issued before a password change and access
tokens revoked early (sign-out, password change, a refresh token reused: token_revocation).

The user comes from the process's short-lived cache (auth_cache), keyed by the user's version in
the shared cache, which is read together with the token's denylist entries in one round trip: no
database query and no decryption of personal fields for a signed-in request."""

from datetime import UTC, datetime

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.authentication import JWTAuthentication as BaseJWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings

from insurehub.users import auth_cache, token_revocation


class JWTAuthentication(BaseJWTAuthentication):
    def get_user(self, validated_token):
        # Checked here rather than in get_validated_token: the WebSocket's authentication
        # (realtime/auth.py) calls get_user on its own validated token too.
        try:
            user_id = validated_token[api_settings.USER_ID_CLAIM]
        except KeyError as error:
            raise InvalidToken(_("Token contained no recognizable user identification")) from error
        denial_keys = token_revocation.denial_keys(validated_token)
        version_key = auth_cache.version_key(user_id)
        found = cache.get_many([*denial_keys, version_key])
        if any(key in found for key in denial_keys):
            raise AuthenticationFailed("Token was revoked.", code="token_revoked")
        user = auth_cache.get_user(self.user_model, user_id, found.get(version_key))
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if api_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if user.tokens_valid_after is not None:
            issued_at = datetime.fromtimestamp(int(validated_token.get("iat", 0)), tz=UTC)
            if issued_at < user.tokens_valid_after.replace(microsecond=0):
                raise AuthenticationFailed("Token was revoked.", code="token_revoked")
        return user
