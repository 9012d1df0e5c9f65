"""Auth and user endpoints: parse, call one service or selector, serialize."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import RefreshToken

from insurehub.audit.read_audit import record_read
from insurehub.audit.services import audit_record
from insurehub.core.filters import TimestampFilter
from insurehub.core.throttling import ScopedRateThrottle
from insurehub.users import permissions, services
from insurehub.users.api import serializers as s
from insurehub.users.models import User
from insurehub.users.selectors import users_visible_to

REGISTERED = "Check your e-mail: we have sent a message to this address. Then sign in."


class AuthThrottleMixin:
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    def get_authenticate_header(self, request):
        # Keeps token failures on these public endpoints a 401 (DRF makes them 403 otherwise).
        return 'Bearer realm="api"'


def _token_pair(user: User, refresh: RefreshToken) -> dict:
    return {"access": str(refresh.access_token), "refresh": str(refresh), "user": s.UserOutputSerializer(user).data}


class RegisterApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=s.RegisterInputSerializer, responses={202: s.RegisteredOutputSerializer}, tags=["auth"])
    def post(self, request):
        """Create a customer account.

        Self-service sign-up with `email`, `password` (checked against the password rules) and
        optionally `name`, `phone` and `language` (`en` or `sw`); the account is always a customer's.
        The answer is the same 202, with the same body and no sooner than a fixed minimum time, whether
        or not the address already has an account, so it cannot be used to find out who has one: a new
        address gets its account and an e-mail verification link; an address with an account gets an
        e-mail saying someone tried to register with it, with a password-reset link. The new customer
        then signs in (`POST /api/auth/login/` or `/api/auth/session/`). Limited with the other sign-in
        endpoints (`THROTTLE_AUTH`, 30 a minute by default) and per address.

        Access: anyone, without signing in.

        Errors: 400 `validation_error` (a malformed e-mail or phone, a password the rules refuse); 429
        `too_many_requests` (with `retry_after`), `throttled`.
        """
        data = s.RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_register(**data.validated_data)
        email = data.validated_data["email"].strip().lower()
        return Response({"detail": REGISTERED, "email": email}, status=status.HTTP_202_ACCEPTED)


class LoginApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=s.LoginInputSerializer, responses={200: s.TokenPairOutputSerializer}, tags=["auth"])
    def post(self, request):
        """Sign in with e-mail and password.

        Answers `access` (15 minutes), `refresh` (7 days) and the `user`. After a few failures an
        address (or an IP address) must wait a growing delay between attempts, and is then locked for a
        while. For browsers, `POST /api/auth/session/` keeps the refresh token in an httpOnly cookie
        instead. Limited with the other sign-in endpoints (`THROTTLE_AUTH`, 30 a minute by default).

        Access: anyone, without signing in.

        Errors: 400 `validation_error`; 401 `invalid_credentials` (the same for an unknown address, a
        wrong password and an inactive account); 429 `login_throttled` (with `Retry-After`),
        `throttled`.
        """
        data = s.LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user, refresh = services.auth_login(**data.validated_data)
        return Response(_token_pair(user, refresh))


class RefreshApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=s.RefreshInputSerializer, responses={200: s.RefreshOutputSerializer}, tags=["auth"])
    def post(self, request):
        """Get a new token pair from a refresh token.

        The refresh token is rotated: the answer carries a new `access` and a new `refresh`, and the one
        sent stops working: of parallel refreshes with one token, one wins and the others are refused,
        and a token used again later (a copy in someone else's hands) ends that whole sign-in. Limited
        with the other sign-in endpoints (`THROTTLE_AUTH`, 30 a minute by default).

        Access: anyone holding a refresh token; no access token needed.

        Errors: 400 `validation_error`; 401 `token_not_valid` (expired, malformed, already used or
        revoked, or its account is inactive); 429 `throttled`.
        """
        data = s.RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _user, refresh = services.auth_refresh(refresh=data.validated_data["refresh"])
        return Response({"access": str(refresh.access_token), "refresh": str(refresh)})


class LogoutApi(APIView):
    @extend_schema(request=s.RefreshInputSerializer, responses={204: None}, tags=["auth"])
    def post(self, request):
        """Sign out a refresh token.

        Blacklists the `refresh` token given, which must be the caller's; the access token of this
        request and every access token minted from that sign-in are refused from now on.

        Access: any signed-in user, for their own refresh token.

        Errors: 400 `validation_error`; 401 `token_not_valid` (not a valid refresh token, or someone
        else's).
        """
        data = s.RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.auth_logout(user=request.user, refresh=data.validated_data["refresh"], access=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=s.PasswordChangeInputSerializer, responses={200: s.PasswordChangeOutputSerializer}, tags=["auth"]
    )
    def post(self, request):
        """Change your password.

        Needs the `old_password` and a `new_password` the password rules accept. Every session ends: all
        refresh tokens are blacklisted and access tokens issued before now are refused, so sign in
        again. Answers how many sessions were revoked. Limited with the other sign-in endpoints
        (`THROTTLE_AUTH`, 30 a minute by default).

        Access: any signed-in user.

        Errors: 400 `validation_error` (a new password the rules refuse), `wrong_password`; 429
        `throttled`.
        """
        data = s.PasswordChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        revoked = services.auth_password_change(user=request.user, access=request.auth, **data.validated_data)
        return Response(
            {"detail": "Password changed; sign in again on your other devices.", "sessions_revoked": revoked}
        )


class MeApi(APIView):
    @extend_schema(responses={200: s.UserOutputSerializer}, tags=["auth"])
    def get(self, request):
        """Show your account.

        Access: any signed-in user.

        Errors: none of its own.
        """
        return Response(s.UserOutputSerializer(request.user).data)

    @extend_schema(request=s.MeUpdateInputSerializer, responses={200: s.UserOutputSerializer}, tags=["auth"])
    def patch(self, request):
        """Edit your name, phone number or language.

        Only `name`, `phone` and `language` (`en` or `sw`, the web application's language) may change
        here; every other field is refused as read-only. A new phone number is no longer verified
        until a code sent to it comes back. To change the e-mail address use
        `POST /api/auth/email/change/`.

        Access: any signed-in user.

        Errors: 400 `validation_error` (a malformed phone number, a language other than `en` or `sw`,
        a read-only or unknown field).
        """
        data = s.MeUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user = services.user_update(user=request.user, data=data.validated_data, updated_by=request.user)
        return Response(s.UserOutputSerializer(user).data)


class NotificationPreferencesApi(APIView):
    @extend_schema(responses={200: s.NotificationPreferencesOutputSerializer}, tags=["auth"])
    def get(self, request):
        """Show your notification preferences.

        For every channel (`in_app`, `email`, `sms`) and topic (claim updates, assessment updates,
        payments, policy renewals, ...), whether you receive it; the defaults apply until you choose.

        Access: any signed-in user.

        Errors: none of its own.
        """
        return Response({"preferences": services.notification_preferences_matrix(user=request.user)})

    @extend_schema(
        request=s.NotificationPreferencesInputSerializer,
        responses={200: s.NotificationPreferencesOutputSerializer},
        tags=["auth"],
    )
    def put(self, request):
        """Choose your notification preferences.

        Each entry sets `enabled` for one `channel` and `topic`; entries not sent keep their value.
        Answers the whole matrix.

        Access: any signed-in user.

        Errors: 400 `validation_error` (an unknown channel or topic, an empty list),
        `duplicate_preference`.
        """
        data = s.NotificationPreferencesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        matrix = services.notification_preferences_set(
            user=request.user, preferences=data.validated_data["preferences"]
        )
        return Response({"preferences": matrix})


class UserFilter(django_filters.FilterSet):
    created_after = TimestampFilter(field_name="created_at", lookup_expr="gte")
    created_before = TimestampFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = User
        fields = ["role", "department", "is_active", "certification_level"]


class UserListCreateApi(generics.ListAPIView):
    """Admins list and create users of any role; supervisors list their department's staff."""

    serializer_class = s.UserOutputSerializer
    filterset_class = UserFilter
    search_fields = ["email", "name"]
    ordering_fields = ["email", "name", "created_at", "role"]
    ordering = ["email"]

    def get_queryset(self):
        return users_visible_to(self.request.user)

    @extend_schema(tags=["users"])
    def get(self, request, *args, **kwargs):
        """List user accounts.

        Paged by number, by e-mail. Filters: `role`, `department`, `is_active`, `certification_level`,
        `created_after`, `created_before`; `search` in e-mail and name; `ordering` by `email`, `name`,
        `created_at` or `role`.

        Access: admins see everyone; supervisors the agents, assessors and supervisors of their
        department (and themselves); anyone else only themselves.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)

    def get_permissions(self):
        if self.request.method == "POST":
            return [permissions.ManagesUsers()]
        return super().get_permissions()

    @extend_schema(request=s.UserCreateInputSerializer, responses={201: s.UserOutputSerializer}, tags=["users"])
    def post(self, request):
        """Create a user account of any role.

        Staff accounts (`agent`, `assessor`, `supervisor` with a `department`; assessors with a
        `certification_level`), admins and customers, with a password the rules accept.

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 409 `email_taken`.
        """
        data = s.UserCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_create(**data.validated_data, created_by=request.user)
        return Response(s.UserOutputSerializer(user).data, status=status.HTTP_201_CREATED)


class UserDetailApi(APIView):
    def _get(self, request, user_id):
        return get_object_or_404(users_visible_to(request.user), pk=user_id)

    def _require_admin(self, request):
        permission = permissions.ManagesUsers()
        if not permission.has_permission(request, self):
            self.permission_denied(request, message=permission.message)

    @extend_schema(responses={200: s.UserOutputSerializer}, tags=["users"])
    def get(self, request, user_id):
        """Show a user account.

        Viewing someone else's account is recorded in the audit log.

        Access: admins (anyone), supervisors (their department's staff), anyone (themselves).

        Errors: 404 `not_found`.
        """
        user = self._get(request, user_id)
        if user.pk != request.user.pk:
            audit_record(actor=request.user, action="user.viewed", target=user)
            record_read(request.user, user.pk, "users.user", user.pk, list(s.UserOutputSerializer.Meta.fields), request)
        return Response(s.UserOutputSerializer(user).data)

    @extend_schema(request=s.UserUpdateInputSerializer, responses={200: s.UserOutputSerializer}, tags=["users"])
    def patch(self, request, user_id):
        """Edit a user account.

        Name, phone, role, department, certification level, verification flags and `is_active`.
        Deactivating an account ends its sessions. Admins cannot remove their own admin role.

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`; 409
        `cannot_demote_self`.
        """
        user = self._get(request, user_id)
        self._require_admin(request)
        data = s.UserUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_update(user=user, data=data.validated_data, updated_by=request.user)
        return Response(s.UserOutputSerializer(user).data)

    @extend_schema(responses={204: None}, tags=["users"])
    def delete(self, request, user_id):
        """Deactivate a user account.

        The account is deactivated and its sessions end; it is never deleted, because records that must
        be kept refer to it (personal data is removed through a privacy erasure).

        Access: admins.

        Errors: 403 `permission_denied`; 404 `not_found`; 409 `cannot_deactivate_self`.
        """
        user = self._get(request, user_id)
        self._require_admin(request)
        services.user_deactivate(user=user, deactivated_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
