"""JWT authentication that also refuses tokens issued before a password change and access
tokens revoked early (sign-out, password change, a refresh token reused: token_revocation)."""

from datetime import UTC, datetime

from rest_framework_simplejwt.authentication import JWTAuthentication as BaseJWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed

from insurehub.users import token_revocation


class JWTAuthentication(BaseJWTAuthentication):
    def get_user(self, validated_token):
        # Checked here rather than in get_validated_token: the WebSocket's authentication
        # (realtime/auth.py) calls get_user on its own validated token too.
        if token_revocation.is_denied(validated_token):
            raise AuthenticationFailed("Token was revoked.", code="token_revoked")
        user = super().get_user(validated_token)
        if user.tokens_valid_after is not None:
            issued_at = datetime.fromtimestamp(int(validated_token.get("iat", 0)), tz=UTC)
            if issued_at < user.tokens_valid_after.replace(microsecond=0):
                raise AuthenticationFailed("Token was revoked.", code="token_revoked")
        return user
