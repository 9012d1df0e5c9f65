"""Authenticating a WebSocket by its access token, with the same rules as the HTTP API: the API's own
authentication class (REST_FRAMEWORK's DEFAULT_AUTHENTICATION_CLASSES: the users app's JWT one, which
also refuses revoked tokens) reads the user of the token."""

from rest_framework.exceptions import AuthenticationFailed
from rest_framework.settings import api_settings
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import AccessToken


def _jwt_authentication():
    for authentication_class in api_settings.DEFAULT_AUTHENTICATION_CLASSES:
        if hasattr(authentication_class, "get_validated_token"):
            return authentication_class()
    raise RuntimeError("No JWT authentication class in REST_FRAMEWORK['DEFAULT_AUTHENTICATION_CLASSES'].")


def authenticate_token(raw: str | None):
    """The active user the access token belongs to, or None (missing, expired, tampered, revoked)."""
    if not raw:
        return None
    try:
        token = AccessToken(raw)
        return _jwt_authentication().get_user(token)
    except (TokenError, InvalidToken, AuthenticationFailed):
        return None
