"""JWT authentication that also refuses tokens issued before a password change."""

from datetime import UTC, datetime

from rest_framework_simplejwt.authentication import JWTAuthentication as BaseJWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed


class JWTAuthentication(BaseJWTAuthentication):
    def get_user(self, validated_token):
        user = super().get_user(validated_token)
        if user.tokens_valid_after is not None:
            issued_at = datetime.fromtimestamp(int(validated_token.get("iat", 0)), tz=UTC)
            if issued_at < user.tokens_valid_after.replace(microsecond=0):
                raise AuthenticationFailed("Token was revoked.", code="token_revoked")
        return user
