"""Browser sessions for the web application: the refresh token lives in an httpOnly cookie.

The web app keeps its access token in memory only (never in localStorage, where any script
could read it). The refresh token goes into a cookie that scripts cannot read:

    POST /api/auth/session/          sign in (the login service: throttling, lockout, audit)
                                     -> {access, user}; sets the refresh cookie
    POST /api/auth/session/refresh/  the cookie's refresh token is rotated -> {access, user}
    POST /api/auth/session/logout/   the cookie's refresh token is blacklisted and the cookie cleared
    GET  /api/auth/session/csrf/     -> {csrf_token}; sets Django's csrftoken cookie

The cookie is HttpOnly, SameSite=Strict, Path=/api/auth/ and Secure outside development and
tests (AUTH_REFRESH_COOKIE_SECURE). Beside it goes `insurehub_signed_in=1`, readable by scripts and
holding no secret: it only tells the app, on load, whether there is a session to restore (so a
signed-out visitor's page does not start with a refresh that must fail).

Because the browser sends the refresh cookie by itself, every POST here also needs Django's CSRF
token: the `X-CSRFToken` header must match the `csrftoken` cookie (double submit, checked by
Django's CsrfViewMiddleware logic, Origin and Referer included). A page of another site can read
neither the cookie nor the token, so it cannot mint tokens in the user's name even where SameSite
is not honoured.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from insurehub.core.errors import ApplicationError, problem
from insurehub.users import services
from insurehub.users.api import serializers as s
from insurehub.users.api.views import AuthThrottleMixin
from insurehub.users.authentication import JWTAuthentication
from insurehub.users.models import User

REFRESH_COOKIE = "insurehub_refresh"
REFRESH_COOKIE_PATH = "/api/auth/"
SIGNED_IN_COOKIE = "insurehub_signed_in"


class SessionOutputSerializer(serializers.Serializer):
    access = serializers.CharField()
    user = s.UserOutputSerializer()


class CsrfOutputSerializer(serializers.Serializer):
    csrf_token = serializers.CharField()


class _CsrfCheck(CsrfViewMiddleware):
    def _reject(self, request, reason):
        return reason


def _require_csrf(request) -> None:
    """Django's CSRF check on a DRF view (DRF exempts its views; we need it because of the cookie)."""
    check = _CsrfCheck(lambda _request: None)
    check.process_request(request)
    reason = check.process_view(request, None, (), {})
    if reason:
        raise ApplicationError(
            "csrf_failed",
            "The CSRF token is missing or does not match: send the csrftoken cookie's value in the X-CSRFToken header.",
            status=403,
        )


def _set_refresh_cookie(response: Response, refresh: str) -> None:
    lifetime = int(settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"].total_seconds())
    secure = settings.AUTH_REFRESH_COOKIE_SECURE
    response.set_cookie(
        REFRESH_COOKIE,
        refresh,
        max_age=lifetime,
        path=REFRESH_COOKIE_PATH,
        secure=secure,
        httponly=True,
        samesite="Strict",
    )
    response.set_cookie(SIGNED_IN_COOKIE, "1", max_age=lifetime, path="/", secure=secure, samesite="Strict")


def _clear_refresh_cookie(response: Response) -> None:
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_COOKIE_PATH, samesite="Strict")
    response.delete_cookie(SIGNED_IN_COOKIE, path="/", samesite="Strict")


def _no_session(message: str) -> JsonResponse:
    """401 that also drops a cookie which can no longer be used."""
    response = problem(401, code="no_session", detail=message)
    _clear_refresh_cookie(response)
    return response


_SESSION_OVER = (TokenError, AuthenticationFailed, ObjectDoesNotExist)


def _token_user(token) -> User:
    """The token's user by the API's own rule: active, and the token not revoked by a password change."""
    return JWTAuthentication().get_user(token)


_SESSION_RESPONSES = {200: SessionOutputSerializer}


class SessionCsrfApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(responses={200: CsrfOutputSerializer}, tags=["auth"])
    def get(self, request):
        """Get a CSRF token for the session endpoints.

        Answers `csrf_token` and sets the `csrftoken` cookie it pairs with; send the token in the
        `X-CSRFToken` header of the session POSTs.

        Access: anyone, without signing in.

        Errors: none of its own.
        """
        return Response({"csrf_token": get_token(request)})


class SessionLoginApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=s.LoginInputSerializer,
        responses={**_SESSION_RESPONSES, 403: OpenApiResponse(description="CSRF token missing or wrong")},
        tags=["auth"],
    )
    def post(self, request):
        """Sign in from the browser.

        The same sign-in as `POST /api/auth/login/` (throttling, lockout, audit), but the answer carries
        only the `access` token and the `user`: the refresh token is set as an httpOnly, SameSite=Strict
        cookie on `/api/auth/` that scripts cannot read (Secure outside development). Keep the access
        token in memory only. Every POST here needs Django's CSRF token: the `X-CSRFToken` header must
        match the `csrftoken` cookie (`GET /api/auth/session/csrf/` sets it).

        Access: anyone, without signing in.

        Errors: 400 `validation_error`; 401 `invalid_credentials`; 403 `csrf_failed`; 429
        `login_throttled`, `throttled`.
        """
        _require_csrf(request)
        data = s.LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user, refresh = services.auth_login(**data.validated_data)
        response = Response({"access": str(refresh.access_token), "user": s.UserOutputSerializer(user).data})
        _set_refresh_cookie(response, str(refresh))
        return response


class SessionRefreshApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=None,
        responses={**_SESSION_RESPONSES, 401: OpenApiResponse(description="No usable session cookie")},
        tags=["auth"],
    )
    def post(self, request):
        """Get a new access token from the session cookie.

        The cookie's refresh token is rotated (a new cookie is set; the old token stops working: of
        parallel refreshes one wins, and a token used again later ends the whole sign-in) and the answer
        carries a new `access` and the `user`. Every POST here needs Django's CSRF token: the
        `X-CSRFToken` header must match the `csrftoken` cookie (`GET /api/auth/session/csrf/` sets it).

        Access: a browser holding the session cookie.

        Errors: 401 `no_session` (no cookie, or a session that has ended: expired, signed out, revoked
        by a password change, or an inactive account; the cookie is cleared); 403 `csrf_failed`; 429
        `throttled`.
        """
        _require_csrf(request)
        cookie = request.COOKIES.get(REFRESH_COOKIE)
        if not cookie:
            return _no_session("Not signed in.")
        try:
            user, refresh = services.auth_refresh(refresh=cookie)
        except ApplicationError:
            return _no_session("The session has ended; sign in again.")
        response = Response({"access": str(refresh.access_token), "user": s.UserOutputSerializer(user).data})
        _set_refresh_cookie(response, str(refresh))
        return response


class SessionLogoutApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=None, responses={204: None}, tags=["auth"])
    def post(self, request):
        """Sign out the browser session.

        The cookie's refresh token is blacklisted and the cookie cleared; 204 even without a cookie or
        with one that no longer works. Every POST here needs Django's CSRF token: the `X-CSRFToken`
        header must match the `csrftoken` cookie (`GET /api/auth/session/csrf/` sets it).

        Access: a browser (with or without a session cookie).

        Errors: 403 `csrf_failed`.
        """
        _require_csrf(request)
        cookie = request.COOKIES.get(REFRESH_COOKIE)
        if cookie:
            try:
                user = _token_user(RefreshToken(cookie))
            except _SESSION_OVER:
                user = None  # already dead: nothing to revoke
            if user is not None:
                services.auth_logout(user=user, refresh=cookie)
        response = Response(status=status.HTTP_204_NO_CONTENT)
        _clear_refresh_cookie(response)
        return response
