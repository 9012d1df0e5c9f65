"""Auth and user endpoints: parse, call one service or selector, serialize."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.tokens import RefreshToken

from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.permissions import IsAdmin
from insurehub.users import services
from insurehub.users.api import serializers as s
from insurehub.users.models import User
from insurehub.users.selectors import users_visible_to


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

    @extend_schema(request=s.RegisterInputSerializer, responses={201: s.TokenPairOutputSerializer}, tags=["auth"])
    def post(self, request):
        data = s.RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_register(**data.validated_data)
        return Response(_token_pair(user, RefreshToken.for_user(user)), status=status.HTTP_201_CREATED)


class LoginApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=s.LoginInputSerializer, responses={200: s.TokenPairOutputSerializer}, tags=["auth"])
    def post(self, request):
        data = s.LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user, refresh = services.auth_login(**data.validated_data)
        return Response(_token_pair(user, refresh))


class RefreshApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=s.RefreshInputSerializer, responses={200: s.RefreshOutputSerializer}, tags=["auth"])
    def post(self, request):
        s.RefreshInputSerializer(data=request.data).is_valid(raise_exception=True)
        rotation = TokenRefreshSerializer(data=request.data)
        try:
            rotation.is_valid(raise_exception=True)
        except TokenError as exc:
            raise ApplicationError("token_not_valid", str(exc.args[0]), status=401) from exc
        return Response(rotation.validated_data)


class LogoutApi(APIView):
    @extend_schema(request=s.RefreshInputSerializer, responses={204: None}, tags=["auth"])
    def post(self, request):
        data = s.RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.auth_logout(user=request.user, refresh=data.validated_data["refresh"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=s.PasswordChangeInputSerializer, responses={200: s.PasswordChangeOutputSerializer}, tags=["auth"]
    )
    def post(self, request):
        data = s.PasswordChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        revoked = services.auth_password_change(user=request.user, **data.validated_data)
        return Response(
            {"detail": "Password changed; sign in again on your other devices.", "sessions_revoked": revoked}
        )


class MeApi(APIView):
    @extend_schema(responses={200: s.UserOutputSerializer}, tags=["auth"])
    def get(self, request):
        return Response(s.UserOutputSerializer(request.user).data)

    @extend_schema(request=s.MeUpdateInputSerializer, responses={200: s.UserOutputSerializer}, tags=["auth"])
    def patch(self, request):
        data = s.MeUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user = services.user_update(user=request.user, data=data.validated_data, updated_by=request.user)
        return Response(s.UserOutputSerializer(user).data)


class NotificationPreferencesApi(APIView):
    @extend_schema(responses={200: s.NotificationPreferencesOutputSerializer}, tags=["auth"])
    def get(self, request):
        return Response({"preferences": services.notification_preferences_matrix(user=request.user)})

    @extend_schema(
        request=s.NotificationPreferencesInputSerializer,
        responses={200: s.NotificationPreferencesOutputSerializer},
        tags=["auth"],
    )
    def put(self, request):
        data = s.NotificationPreferencesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        matrix = services.notification_preferences_set(
            user=request.user, preferences=data.validated_data["preferences"]
        )
        return Response({"preferences": matrix})


class UserFilter(django_filters.FilterSet):
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt")

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

    def get_permissions(self):
        if self.request.method == "POST":
            return [IsAdmin()]
        return super().get_permissions()

    @extend_schema(request=s.UserCreateInputSerializer, responses={201: s.UserOutputSerializer}, tags=["users"])
    def post(self, request):
        data = s.UserCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_create(**data.validated_data, created_by=request.user)
        return Response(s.UserOutputSerializer(user).data, status=status.HTTP_201_CREATED)


class UserDetailApi(APIView):
    def _get(self, request, user_id):
        return get_object_or_404(users_visible_to(request.user), pk=user_id)

    def _require_admin(self, request):
        permission = IsAdmin()
        if not permission.has_permission(request, self):
            self.permission_denied(request, message=permission.message)

    @extend_schema(responses={200: s.UserOutputSerializer}, tags=["users"])
    def get(self, request, user_id):
        user = self._get(request, user_id)
        if user.pk != request.user.pk:
            audit_record(actor=request.user, action="user.viewed", target=user)
        return Response(s.UserOutputSerializer(user).data)

    @extend_schema(request=s.UserUpdateInputSerializer, responses={200: s.UserOutputSerializer}, tags=["users"])
    def patch(self, request, user_id):
        user = self._get(request, user_id)
        self._require_admin(request)
        data = s.UserUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_update(user=user, data=data.validated_data, updated_by=request.user)
        return Response(s.UserOutputSerializer(user).data)

    @extend_schema(responses={204: None}, tags=["users"])
    def delete(self, request, user_id):
        """Deactivates the user (records that must be kept refer to them); never a hard delete."""
        user = self._get(request, user_id)
        self._require_admin(request)
        services.user_deactivate(user=user, deactivated_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
