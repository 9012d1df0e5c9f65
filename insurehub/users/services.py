"""Every write to users, sessions and preferences. Keyword-only, one transaction, audited."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken, TokenError

from insurehub.audit.services import audit_record
from insurehub.core import request_context
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.core.services import model_update
from insurehub.users import login_guard
from insurehub.users.models import (
    DEFAULT_PREFERENCES,
    NotificationPreference,
    User,
)

# What each caller may change on a user (the whitelist of model_update).
SELF_EDITABLE_FIELDS = ["name", "phone"]
ADMIN_EDITABLE_FIELDS = [
    "name",
    "phone",
    "role",
    "department",
    "certification_level",
    "email_verified",
    "phone_verified",
    "is_active",
]


def _validate_password(password: str, user: User | None = None, *, field: str = "password") -> None:
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str,
    role: str = Role.CUSTOMER,
    name: str = "",
    phone: str = "",
    department: str = "",
    certification_level: int = 0,
    created_by: User | None = None,
    validate_password: bool = True,
) -> User:
    """Create a user of any role. `validate_password=False` is for the published demo
    credential only; every API and the operators' command validate."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ApplicationError(
            "email_taken",
            "A user with this email already exists.",
            status=409,
            errors=[{"field": "email", "message": "A user with this email already exists.", "code": "unique"}],
        )
    candidate = User(email=email, name=name, phone=phone, role=role, department=department)
    if validate_password:
        _validate_password(password, candidate)
    user = User.objects.create_user(
        email=email,
        password=password,
        role=role,
        name=name,
        phone=phone,
        department=department,
        certification_level=certification_level,
    )
    audit_record(
        actor=created_by or user,
        action="user.created",
        target=user,
        changes={"role": role, "department": department, "certification_level": certification_level},
    )
    return user


def user_register(*, email: str, password: str, name: str = "", phone: str = "") -> User:
    """Self-service sign-up: always a customer."""
    return user_create(email=email, password=password, role=Role.CUSTOMER, name=name, phone=phone)


@transaction.atomic
def user_update(*, user: User, data: dict, updated_by: User) -> User:
    fields = ADMIN_EDITABLE_FIELDS if updated_by.role == Role.ADMIN else SELF_EDITABLE_FIELDS
    locked = User.objects.select_for_update().get(pk=user.pk)
    if "role" in data and data["role"] != Role.ADMIN and locked.role == Role.ADMIN and locked.pk == updated_by.pk:
        raise ApplicationError("cannot_demote_self", "An admin cannot remove their own admin role.", status=409)
    if "role" in data:
        data = {**data, "is_staff": data["role"] == Role.ADMIN, "is_superuser": data["role"] == Role.ADMIN}
        fields = [*fields, "is_staff", "is_superuser"]
    changes = model_update(instance=locked, fields=fields, data=data)
    if changes:
        if changes.get("is_active") == [True, False]:
            _revoke_sessions(locked)
        audit_record(actor=updated_by, action="user.updated", target=locked, changes=changes)
    return locked


@transaction.atomic
def user_deactivate(*, user: User, deactivated_by: User) -> User:
    if user.pk == deactivated_by.pk:
        raise ApplicationError("cannot_deactivate_self", "You cannot deactivate your own account.", status=409)
    return user_update(user=user, data={"is_active": False}, updated_by=deactivated_by)


def _revoke_sessions(user: User) -> int:
    """Blacklist every refresh token of the user and refuse access tokens issued so far."""
    user.tokens_valid_after = timezone.now()
    user.save(update_fields=["tokens_valid_after", "updated_at"])
    outstanding = OutstandingToken.objects.filter(user=user).exclude(blacklistedtoken__isnull=False)
    revoked = [BlacklistedToken(token=token) for token in outstanding]
    BlacklistedToken.objects.bulk_create(revoked, ignore_conflicts=True)
    return len(revoked)


def _client_ip() -> str | None:
    ctx = request_context.current()
    return ctx.ip if ctx else None


def auth_login(*, email: str, password: str) -> tuple[User, RefreshToken]:
    """Check the credentials (behind the login guard); return the user and a fresh refresh token."""
    email = email.strip().lower()
    ip = _client_ip()
    login_guard.check(email=email, ip=ip)
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        User().set_password(password)  # same hashing cost as a real check: no timing oracle
        ok, reason = False, "unknown_email"
    elif not user.check_password(password):
        ok, reason = False, "wrong_password"
    elif not user.is_active:
        ok, reason = False, "inactive"
    else:
        ok, reason = True, ""
    if not ok:
        login_guard.record_failure(email=email, ip=ip)
        with transaction.atomic():
            audit_record(
                actor=user,
                action="auth.login_failed",
                object_type="users.user",
                object_id=str(user.pk) if user else "",
                changes={"reason": reason},
            )
        from insurehub.core.metrics import LOGIN_FAILURES

        LOGIN_FAILURES.labels(reason).inc()
        raise ApplicationError("invalid_credentials", "Email or password is incorrect.", status=401)
    login_guard.record_success(email=email)
    with transaction.atomic():
        user.last_login = timezone.now()
        user.save(update_fields=["last_login", "updated_at"])
        refresh = RefreshToken.for_user(user)
        audit_record(actor=user, action="auth.login", target=user)
    return user, refresh


@transaction.atomic
def auth_logout(*, user: User, refresh: str) -> None:
    try:
        token = RefreshToken(refresh)
    except TokenError as exc:
        raise ApplicationError("token_not_valid", str(exc), status=401) from exc
    if str(token.get("user_id")) != str(user.pk):
        raise ApplicationError("token_not_valid", "The refresh token does not belong to you.", status=401)
    token.blacklist()
    audit_record(actor=user, action="auth.logout", target=user)


@transaction.atomic
def auth_password_change(*, user: User, old_password: str, new_password: str) -> int:
    """Change the password; every session of the user ends. Returns how many were revoked."""
    if not user.check_password(old_password):
        raise ApplicationError(
            "wrong_password",
            "The current password is incorrect.",
            status=400,
            errors=[{"field": "old_password", "message": "The current password is incorrect.", "code": "invalid"}],
        )
    _validate_password(new_password, user, field="new_password")
    user.set_password(new_password)
    user.save(update_fields=["password", "updated_at"])
    revoked = _revoke_sessions(user)
    audit_record(actor=user, action="auth.password_changed", target=user, changes={"sessions_revoked": revoked})
    return revoked


def notification_preferences_matrix(*, user: User) -> list[dict]:
    stored = {(p.channel, p.topic): p.enabled for p in user.notification_preferences.all()}
    return [
        {"channel": channel, "topic": topic, "enabled": stored.get((channel, topic), default)}
        for (channel, topic), default in DEFAULT_PREFERENCES.items()
    ]


@transaction.atomic
def notification_preferences_set(*, user: User, preferences: list[dict]) -> list[dict]:
    """Store the given (channel, topic, enabled) entries; the others keep their value."""
    seen: set[tuple[str, str]] = set()
    for entry in preferences:
        key = (entry["channel"], entry["topic"])
        if key in seen:
            raise ApplicationError("duplicate_preference", f"{key[0]}/{key[1]} is given twice.", status=400)
        seen.add(key)
    existing = {(p.channel, p.topic): p for p in NotificationPreference.objects.select_for_update().filter(user=user)}
    changes = {}
    to_create, to_update = [], []
    for entry in preferences:
        key = (entry["channel"], entry["topic"])
        current = existing.get(key)
        if current is None:
            to_create.append(NotificationPreference(user=user, channel=key[0], topic=key[1], enabled=entry["enabled"]))
            changes[f"{key[0]}/{key[1]}"] = entry["enabled"]
        elif current.enabled != entry["enabled"]:
            current.enabled = entry["enabled"]
            current.updated_at = timezone.now()
            to_update.append(current)
            changes[f"{key[0]}/{key[1]}"] = entry["enabled"]
    NotificationPreference.objects.bulk_create(to_create)
    NotificationPreference.objects.bulk_update(to_update, ["enabled", "updated_at"])
    if changes:
        audit_record(actor=user, action="user.notification_preferences_changed", target=user, changes=changes)
    return notification_preferences_matrix(user=user)
