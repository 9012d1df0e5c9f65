"""Authenticating a WebSocket by its access token, with the same rules as the HTTP API."""

from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import AccessToken

from insurehub.users.authentication import JWTAuthentication


def authenticate_token(raw: str | None):
    """The active user the access token belongs to, or None (missing, expired, tampered, revoked)."""
    if not raw:
        return None
    try:
        token = AccessToken(raw)
        return JWTAuthentication().get_user(token)
    except (TokenError, InvalidToken, AuthenticationFailed):
        return None
