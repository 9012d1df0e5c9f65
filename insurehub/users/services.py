"""Every write to users, sessions and preferences, and the account's own recovery and
verification (reset links, e-mail and phone verification, change of e-mail).
Keyword-only, one transaction, audited."""

import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken, TokenError

from insurehub.audit.services import audit_record
from insurehub.core import request_context
from insurehub.core.errors import ApplicationError
from insurehub.core.i18n import language_of
from insurehub.core.metrics import LOGIN_FAILURES
from insurehub.core.roles import Role
from insurehub.core.services import model_update
from insurehub.users import (
    account_messages,
    account_texts,
    account_tokens,
    login_guard,
    message_limits,
    permissions,
    selectors,
    token_revocation,
)
from insurehub.users.account_messages import AccountMessage
from insurehub.users.authentication import JWTAuthentication
from insurehub.users.models import (
    DEFAULT_PREFERENCES,
    AccountToken,
    AccountTokenPurpose,
    Language,
    NotificationPreference,
    User,
)

# What each caller may change on a user (the whitelist of model_update).
SELF_EDITABLE_FIELDS = ["name", "phone", "language"]
ADMIN_EDITABLE_FIELDS = [
    "name",
    "phone",
    "language",
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
    language: str = Language.ENGLISH,
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
        language=language,
    )
    audit_record(
        actor=created_by or user,
        action="user.created",
        target=user,
        changes={
            "role": role,
            "department": department,
            "certification_level": certification_level,
            "language": language,
        },
    )
    return user


def user_register(
    *, email: str, password: str, name: str = "", phone: str = "", language: str = Language.ENGLISH
) -> User | None:
    """Self-service sign-up that never tells whether the address already has an account: a new
    address gets a customer account and its first verification link; an address with an account
    gets an e-mail saying someone tried to register with it, with a password-reset link. The caller
    sees the same either way: the same password checks first (they depend on what was typed only),
    the same per-address limit, and no answer sooner than REGISTER_MIN_RESPONSE_SECONDS.
    Returns the new user, or None when the address was taken (for the caller's own use, never to
    show)."""
    started = time.monotonic()
    email = email.strip().lower()
    try:
        _validate_password(password, User(email=email, name=name, phone=phone, role=Role.CUSTOMER))
        # Per address (the mails one address can be sent); a client's rate is THROTTLE_AUTH's.
        message_limits.check(purpose="register", address=email)
        existing = User.objects.filter(email__iexact=email).first()
        if existing is not None:
            _registration_attempt_notice(existing)
            return None
        try:
            with transaction.atomic():
                user = user_create(
                    email=email,
                    password=password,
                    role=Role.CUSTOMER,
                    name=name,
                    phone=phone,
                    language=language,
                    validate_password=False,  # validated above, before anything else
                )
                _email_verification_issue(user)
        except IntegrityError:  # the same address registered a moment ago by another request
            _registration_attempt_notice(User.objects.get(email__iexact=email))
            return None
        return user
    finally:
        _answer_no_sooner_than(started, settings.REGISTER_MIN_RESPONSE_SECONDS)


@transaction.atomic
def _registration_attempt_notice(user: User) -> None:
    """Tell an account holder that someone tried to register with their address, with a link to
    reset the password (in case it was them and they forgot they had an account)."""
    if not permissions.can_reset_password(user):
        audit_record(actor=None, action="auth.registration_attempt", target=user, changes={"notified": False})
        return
    link, minutes = _password_reset_link(user)
    _email(user, "auth.registration_attempt", valid_for=minutes, email=user.email, link=link)
    audit_record(actor=None, action="auth.registration_attempt", target=user, changes={"notified": True})


def _email(user: User, template: str, *, to: str = "", valid_for: int | None = None, **values) -> None:
    """An account e-mail to `user` (at `to`, else their address), in their language: `valid_for`
    minutes become the message's `within` ("within 30 minutes")."""
    language = language_of(user)
    if valid_for is not None:
        values["within"] = account_texts.duration(valid_for, language)
    account_messages.send(
        AccountMessage(
            channel="email",
            to=to or user.email,
            template=template,
            subject=account_texts.subject(template, language),
            body=account_texts.body(template, language, **values),
            recipient=user,
        )
    )


def _password_reset_link(user: User) -> tuple[str, int]:
    """A new password-reset link for `user` (the earlier ones stop working), and its lifetime in minutes."""
    secret = account_tokens.new_link_secret()
    minutes = settings.PASSWORD_RESET_TOKEN_MINUTES
    _token_issue(
        user=user,
        purpose=AccountTokenPurpose.RESET_PASSWORD,
        token_hash=account_tokens.link_hash(secret),
        minutes=minutes,
    )
    return account_messages.web_link("/reset-password", token=secret), minutes


@transaction.atomic
def user_update(*, user: User, data: dict, updated_by: User) -> User:
    fields = ADMIN_EDITABLE_FIELDS if updated_by.role == Role.ADMIN else SELF_EDITABLE_FIELDS
    locked = User.objects.select_for_update().get(pk=user.pk)
    if "role" in data and data["role"] != Role.ADMIN and locked.role == Role.ADMIN and locked.pk == updated_by.pk:
        raise ApplicationError("cannot_demote_self", "An admin cannot remove their own admin role.", status=409)
    if "role" in data:
        data = {**data, "is_staff": data["role"] == Role.ADMIN, "is_superuser": data["role"] == Role.ADMIN}
        fields = [*fields, "is_staff", "is_superuser"]
    if "phone" in data and data["phone"] != locked.phone and "phone_verified" not in data:
        # A new number is not verified until a code sent to it comes back.
        data = {**data, "phone_verified": False}
        fields = [*fields, "phone_verified"]
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


def _live_refresh_tokens(user: User):
    return OutstandingToken.objects.filter(user=user, expires_at__gt=timezone.now()).exclude(
        blacklistedtoken__isnull=False
    )


def _token_family(encoded: str) -> str | None:
    """The family claim of a refresh token we issued (read from OutstandingToken, so already trusted)."""
    try:
        return RefreshToken(encoded, verify=False).get(token_revocation.FAMILY_CLAIM)
    except TokenError:
        return None


def _revoke_sessions(user: User) -> int:
    """Blacklist every refresh token of the user and refuse access tokens issued so far: by
    time (tokens_valid_after, to the second) and by family (also those minted this second)."""
    user.tokens_valid_after = timezone.now()
    user.save(update_fields=["tokens_valid_after", "updated_at"])
    outstanding = list(_live_refresh_tokens(user))
    revoked = [BlacklistedToken(token=token) for token in outstanding]
    BlacklistedToken.objects.bulk_create(revoked, ignore_conflicts=True)
    for token in outstanding:
        token_revocation.deny_family(_token_family(token.token))
    return len(revoked)


def refresh_token_for(user: User) -> RefreshToken:
    """A new sign-in's refresh token: a family of its own, which its rotations keep."""
    refresh = RefreshToken.for_user(user)
    refresh[token_revocation.FAMILY_CLAIM] = uuid.uuid4().hex
    OutstandingToken.objects.filter(jti=refresh["jti"]).update(token=str(refresh))
    return refresh


class _RotatingRefreshToken(RefreshToken):
    """Verified like any refresh token (signature, expiry, type) except for the blacklist,
    which auth_refresh reads itself under a row lock."""

    def check_blacklist(self) -> None:
        return None


def _token_not_valid(message: str) -> ApplicationError:
    return ApplicationError("token_not_valid", message, status=401)


def _revoke_family(*, user_id, family: str) -> int:
    """A refresh token was used again after it was rotated: someone else holds a copy. End that
    sign-in (its live refresh token and every access token minted from it)."""
    live = [
        token
        for token in OutstandingToken.objects.filter(user_id=user_id, expires_at__gt=timezone.now()).exclude(
            blacklistedtoken__isnull=False
        )
        if _token_family(token.token) == family
    ]
    BlacklistedToken.objects.bulk_create([BlacklistedToken(token=token) for token in live], ignore_conflicts=True)
    token_revocation.deny_family(family)
    return len(live)


def auth_refresh(*, refresh: str) -> tuple[User, RefreshToken]:
    """Rotate a refresh token: exactly once, whatever runs at the same time. The token's
    OutstandingToken row is locked and blacklisted in one transaction, so of parallel refreshes
    one wins and the rest are refused. A token used again later than
    JWT_REFRESH_REUSE_GRACE_SECONDS after its rotation (a stolen copy, or the thief's victim)
    ends its whole family; a second use within the grace (a client's own race) is only refused."""
    try:
        token = _RotatingRefreshToken(refresh)
        user = JWTAuthentication().get_user(token)
    except (TokenError, InvalidToken, AuthenticationFailed) as exc:
        detail = exc.args[0] if exc.args else "Token is invalid or expired"
        if isinstance(detail, dict):
            detail = detail.get("detail", "Token is invalid or expired")
        raise _token_not_valid(str(detail)) from exc
    family = token.get(token_revocation.FAMILY_CLAIM) or token["jti"]
    reused = False
    with transaction.atomic():
        outstanding = OutstandingToken.objects.select_for_update(of=("self",)).filter(jti=token["jti"]).first()
        if outstanding is None:
            raise _token_not_valid("Token is invalid or expired")
        used = BlacklistedToken.objects.filter(token=outstanding).first()
        if used is None:
            BlacklistedToken.objects.create(token=outstanding)
            token[token_revocation.FAMILY_CLAIM] = family
            token.set_jti()
            token.set_exp()
            token.set_iat()
            token.outstand()
            return user, token
        grace = timedelta(seconds=settings.JWT_REFRESH_REUSE_GRACE_SECONDS)
        if used.blacklisted_at < timezone.now() - grace:
            revoked = _revoke_family(user_id=outstanding.user_id, family=family)
            audit_record(actor=user, action="auth.refresh_reused", target=user, changes={"sessions_revoked": revoked})
            reused = True
    if reused:
        raise _token_not_valid("This refresh token was already used; the session has ended. Sign in again.")
    raise _token_not_valid("Token is blacklisted")


def _client_ip() -> str | None:
    ctx = request_context.current()
    return ctx.ip if ctx else None


def auth_login(*, email: str, password: str) -> tuple[User, RefreshToken]:
    """Check the credentials (behind the login guard); return the user and a fresh refresh token."""
    email = email.strip().lower()
    ip = _client_ip()
    attempt = login_guard.begin(email=email, ip=ip)  # counted before the password is checked
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
        account_locked = login_guard.failed(attempt)
        with transaction.atomic():
            audit_record(
                actor=user,
                action="auth.login_failed",
                object_type="users.user",
                object_id=str(user.pk) if user else "",
                changes={"reason": reason, **({"account_locked": True} if account_locked else {})},
            )
            if account_locked and user is not None and user.is_active:
                _account_unlock_issue(user)
        LOGIN_FAILURES.labels(reason).inc()
        raise ApplicationError("invalid_credentials", "Email or password is incorrect.", status=401)
    login_guard.succeeded(attempt)
    with transaction.atomic():
        user.last_login = timezone.now()
        user.save(update_fields=["last_login", "updated_at"])
        refresh = refresh_token_for(user)
        audit_record(actor=user, action="auth.login", target=user)
    return user, refresh


@transaction.atomic
def auth_logout(*, user: User, refresh: str, access=None) -> None:
    """End one sign-in: its refresh token is blacklisted, and its access tokens (the `access`
    token used for this request, and every one minted from the refresh token's family) are
    refused from now on."""
    try:
        token = RefreshToken(refresh)
    except TokenError as exc:
        raise ApplicationError("token_not_valid", str(exc), status=401) from exc
    if str(token.get(jwt_settings.USER_ID_CLAIM)) != str(user.pk):
        raise ApplicationError("token_not_valid", "The refresh token does not belong to you.", status=401)
    token.blacklist()
    token_revocation.deny_family(token.get(token_revocation.FAMILY_CLAIM))
    if access is not None:
        token_revocation.deny_access_token(access)
    audit_record(actor=user, action="auth.logout", target=user)


@transaction.atomic
def auth_password_change(*, user: User, old_password: str, new_password: str, access=None) -> int:
    """Change the password; every session of the user ends, the `access` token of this request
    included. Returns how many were revoked."""
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
    if access is not None:
        token_revocation.deny_access_token(access)
    _tokens_void(user=user, purposes=[AccountTokenPurpose.RESET_PASSWORD])
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


# --- recovery and verification ----------------------------------------------------------
# One problem for every token that does not work (unknown, forged, expired, used, voided,
# or its account inactive): the answer never says which, nor whether an account exists.

INVALID_LINK_MESSAGE = "This link is invalid or has expired. Ask for a new one."


def _invalid_token() -> ApplicationError:
    return ApplicationError(
        "invalid_token",
        INVALID_LINK_MESSAGE,
        status=400,
        errors=[{"field": "token", "message": INVALID_LINK_MESSAGE, "code": "invalid"}],
    )


def _token_failure_reason(record: AccountToken | None) -> str:
    if record is None:
        return "unknown_token"
    if record.used_at is not None:
        return "used"
    if record.expires_at <= timezone.now():
        return "expired"
    return "inactive_account" if not record.user.is_active else ""


def _audit_refused(*, action: str, user_id, reason: str, actor: User | None = None) -> None:
    """Record a refused attempt in its own transaction (the request's error rolls back the rest)."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=action,
            object_type="users.user",
            object_id=str(user_id or ""),
            changes={"reason": reason},
        )


def _tokens_void(*, user: User, purposes: list[str]) -> int:
    """Void the user's open tokens of these purposes (a newer one, or the change they were for, replaced them)."""
    now = timezone.now()
    return AccountToken.objects.filter(user=user, purpose__in=purposes, used_at__isnull=True).update(
        used_at=now, updated_at=now
    )


def _token_issue(*, user: User, purpose: str, token_hash: str, minutes: int, target: str = "") -> AccountToken:
    """A new token for `purpose`; the user's earlier open ones of that purpose stop working."""
    _tokens_void(user=user, purposes=[purpose])
    token = AccountToken(
        user=user,
        purpose=purpose,
        token_hash=token_hash,
        target=target,
        expires_at=timezone.now() + timedelta(minutes=minutes),
    )
    token.full_clean()
    token.save()
    return token


def _token_use(token: AccountToken, *, max_attempts: int | None = None) -> bool:
    """Mark the token used if it is still open; exactly one caller can win (a conditional UPDATE)."""
    now = timezone.now()
    open_tokens = AccountToken.objects.filter(pk=token.pk, used_at__isnull=True, expires_at__gt=now)
    if max_attempts is not None:
        open_tokens = open_tokens.filter(attempts__lt=max_attempts)
    return open_tokens.update(used_at=now, updated_at=now) == 1


def _answer_no_sooner_than(started: float, seconds: float) -> None:
    remaining = seconds - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)


def password_reset_request(*, email: str) -> None:
    """Send a reset link if an active account has this address; otherwise do nothing, visibly
    the same: same answer, no sooner than PASSWORD_RESET_MIN_RESPONSE_SECONDS either way, and
    the same per-address and per-IP limits (counted for unknown addresses too)."""
    started = time.monotonic()
    email = email.strip().lower()
    try:
        message_limits.check(purpose="password_reset", address=email, ip=_client_ip())
        user = User.objects.filter(email__iexact=email).first()
        with transaction.atomic():
            if user is None or not permissions.can_reset_password(user):
                audit_record(
                    actor=None,
                    action="auth.password_reset_requested",
                    object_type="users.user",
                    object_id=str(user.pk) if user else "",
                    changes={"sent": False, "reason": "inactive_account" if user else "unknown_email"},
                )
                return
            link, minutes = _password_reset_link(user)
            _email(user, "auth.password_reset", valid_for=minutes, email=user.email, link=link)
            audit_record(actor=None, action="auth.password_reset_requested", target=user, changes={"sent": True})
    finally:
        _answer_no_sooner_than(started, settings.PASSWORD_RESET_MIN_RESPONSE_SECONDS)


def password_reset_confirm(*, token: str, password: str) -> int:
    """Set a new password with a reset link's token. The token works once; every session of
    the user ends. A weak password is refused before the token is spent. Returns how many
    refresh tokens were revoked."""
    record = selectors.account_token_for_secret(secret=token, purposes=[AccountTokenPurpose.RESET_PASSWORD])
    reason = _token_failure_reason(record)
    if not reason and not permissions.can_reset_password(record.user):
        reason = "inactive_account"
    if reason:
        _audit_refused(action="auth.password_reset_refused", user_id=record and record.user_id, reason=reason)
        raise _invalid_token()
    _validate_password(password, record.user)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=record.user_id)
        if not _token_use(record):
            raise _invalid_token()  # another request used it a moment ago
        user.set_password(password)
        user.save(update_fields=["password", "updated_at"])
        _tokens_void(user=user, purposes=[AccountTokenPurpose.RESET_PASSWORD])
        revoked = _revoke_sessions(user)
        audit_record(actor=user, action="auth.password_reset", target=user, changes={"sessions_revoked": revoked})
        _email(user, "auth.password_reset_done")
    login_guard.unlock(email=user.email)  # a lockout from the forgotten password ends here
    return revoked


def _account_unlock_issue(user: User) -> None:
    """The account was locked by failures from many addresses: send its owner a link that
    unlocks it (single-use, short-lived; only the owner's mailbox can open it)."""
    secret = account_tokens.new_link_secret()
    minutes = settings.LOGIN_UNLOCK_TOKEN_MINUTES
    _token_issue(
        user=user,
        purpose=AccountTokenPurpose.UNLOCK,
        token_hash=account_tokens.link_hash(secret),
        minutes=minutes,
        target=user.email,
    )
    link = account_messages.web_link("/unlock-account", token=secret)
    paused = account_texts.duration(settings.LOGIN_LOCKOUT_SECONDS // 60, language_of(user))
    _email(user, "auth.account_locked", valid_for=minutes, paused=paused, link=link)
    audit_record(actor=None, action="auth.account_locked", target=user, changes={"unlock_link_sent": True})


def account_unlock_confirm(*, token: str) -> User:
    """End a lockout of the account with the link we e-mailed its owner; the link works once."""
    record = selectors.account_token_for_secret(secret=token, purposes=[AccountTokenPurpose.UNLOCK])
    reason = _token_failure_reason(record)
    if not reason and record.target != record.user.email:
        reason = "address_changed"
    if reason:
        _audit_refused(action="auth.account_unlock_refused", user_id=record and record.user_id, reason=reason)
        raise _invalid_token()
    with transaction.atomic():
        if not _token_use(record):
            raise _invalid_token()
        audit_record(actor=record.user, action="auth.account_unlocked", target=record.user)
    login_guard.unlock(email=record.user.email)
    return record.user


def _email_verification_issue(user: User) -> None:
    secret = account_tokens.new_link_secret()
    minutes = settings.EMAIL_TOKEN_MINUTES
    _token_issue(
        user=user,
        purpose=AccountTokenPurpose.VERIFY_EMAIL,
        token_hash=account_tokens.link_hash(secret),
        minutes=minutes,
        target=user.email,
    )
    link = account_messages.web_link("/verify-email", token=secret)
    _email(user, "auth.verify_email", valid_for=minutes, email=user.email, link=link)
    audit_record(actor=user, action="auth.email_verification_sent", target=user)


@transaction.atomic
def email_verification_send(*, user: User) -> None:
    """Send the signed-in user a new verification link (the earlier ones stop working)."""
    permissions.ensure_can_verify_email(user)
    message_limits.check(purpose="verify_email", user_id=str(user.pk), ip=_client_ip())
    _email_verification_issue(user)


def email_verification_confirm(*, token: str) -> User:
    """Confirm an address with a link's token: verification of the current address, or the
    new address of a change of e-mail (which takes effect only now)."""
    record = selectors.account_token_for_secret(
        secret=token, purposes=[AccountTokenPurpose.VERIFY_EMAIL, AccountTokenPurpose.CHANGE_EMAIL]
    )
    reason = _token_failure_reason(record)
    if not reason and record.purpose == AccountTokenPurpose.VERIFY_EMAIL and record.target != record.user.email:
        reason = "address_changed"
    if reason:
        _audit_refused(action="auth.email_verification_refused", user_id=record and record.user_id, reason=reason)
        raise _invalid_token()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=record.user_id)
        if record.purpose == AccountTokenPurpose.CHANGE_EMAIL:
            new_email = record.target
            if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
                # Whoever reads this mailbox may learn that it has an account (a reset link would tell them too).
                raise ApplicationError(
                    "email_taken", "Another account uses this address now; it cannot be yours as well.", status=409
                )
        if not _token_use(record):
            raise _invalid_token()
        if record.purpose == AccountTokenPurpose.VERIFY_EMAIL:
            changes = model_update(instance=user, fields=["email_verified"], data={"email_verified": True})
            audit_record(actor=user, action="auth.email_verified", target=user, changes=changes)
            return user
        old_email = user.email
        changes = model_update(
            instance=user, fields=["email", "email_verified"], data={"email": new_email, "email_verified": True}
        )
        _tokens_void(user=user, purposes=[AccountTokenPurpose.CHANGE_EMAIL, AccountTokenPurpose.VERIFY_EMAIL])
        audit_record(actor=user, action="auth.email_changed", target=user, changes=changes)
        _email(user, "auth.email_changed", to=old_email, new_email=new_email, old_email=old_email)
    login_guard.unlock(email=old_email)
    return user


@transaction.atomic
def phone_verification_send(*, user: User) -> None:
    """Text a 6-digit code to the user's number (the earlier codes stop working)."""
    permissions.ensure_can_verify_phone(user)
    message_limits.check(purpose="verify_phone", address=user.phone, user_id=str(user.pk), ip=_client_ip())
    code = account_tokens.new_code()
    minutes = settings.PHONE_CODE_MINUTES
    _token_issue(
        user=user,
        purpose=AccountTokenPurpose.VERIFY_PHONE,
        token_hash=account_tokens.code_hash(user.pk, code),
        minutes=minutes,
        target=user.phone,
    )
    account_messages.send(
        AccountMessage(
            channel="sms",
            to=user.phone,
            template="auth.verify_phone",
            subject="",
            body=account_texts.body("auth.verify_phone", language_of(user), code=code, minutes=minutes),
            recipient=user,
        )
    )
    audit_record(actor=user, action="auth.phone_code_sent", target=user)


def _invalid_code(message: str, **extra) -> ApplicationError:
    return ApplicationError(
        "invalid_code",
        message,
        status=400,
        errors=[{"field": "code", "message": message, "code": "invalid"}],
        extra=extra,
    )


def phone_verification_confirm(*, user: User, code: str) -> User:
    """Verify the user's number with the code we texted. A wrong code counts; after
    PHONE_CODE_MAX_ATTEMPTS wrong ones the code is void and a new one must be asked for."""
    max_attempts = settings.PHONE_CODE_MAX_ATTEMPTS
    record = selectors.phone_code_open(user=user)
    if record is None or record.attempts >= max_attempts or record.target != user.phone:
        _audit_refused(action="auth.phone_verification_refused", user_id=user.pk, reason="no_open_code", actor=user)
        raise _invalid_code("There is no valid code: ask for a new one.")
    if not account_tokens.code_matches(record.token_hash, user.pk, code):
        with transaction.atomic():
            counted = AccountToken.objects.filter(pk=record.pk, used_at__isnull=True, attempts__lt=max_attempts).update(
                attempts=F("attempts") + 1, updated_at=timezone.now()
            )
            attempts = AccountToken.objects.values_list("attempts", flat=True).get(pk=record.pk)
            if attempts >= max_attempts:
                _tokens_void(user=user, purposes=[AccountTokenPurpose.VERIFY_PHONE])
            audit_record(
                actor=user,
                action="auth.phone_verification_refused",
                target=user,
                changes={"reason": "wrong_code", "attempts": attempts},
            )
        left = max(0, max_attempts - attempts) if counted else 0
        if left == 0:
            raise _invalid_code("Too many wrong codes: this one no longer works. Ask for a new one.", attempts_left=0)
        raise _invalid_code(f"The code is wrong; {left} tries left.", attempts_left=left)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if not _token_use(record, max_attempts=max_attempts) or locked.phone != record.target:
            raise _invalid_code("There is no valid code: ask for a new one.")
        changes = model_update(instance=locked, fields=["phone_verified"], data={"phone_verified": True})
        audit_record(actor=user, action="auth.phone_verified", target=locked, changes=changes)
    return locked


def email_change_request(*, user: User, new_email: str, password: str) -> None:
    """Start a change of e-mail: a link to the new address (the change happens when it is
    opened) and a notice to the current one. An address that another account uses gets a
    notice instead of a link, and the caller sees the same answer either way."""
    new_email = new_email.strip().lower()
    ip = _client_ip()
    attempt = login_guard.begin(email=user.email, ip=ip)
    if not user.check_password(password):
        login_guard.failed(attempt)
        _audit_refused(action="auth.email_change_refused", user_id=user.pk, reason="wrong_password", actor=user)
        raise ApplicationError(
            "wrong_password",
            "The password is incorrect.",
            status=400,
            errors=[{"field": "password", "message": "The password is incorrect.", "code": "invalid"}],
        )
    if new_email == user.email:
        message = "This is already your address."
        raise ApplicationError(
            "same_email", message, status=400, errors=[{"field": "new_email", "message": message, "code": "invalid"}]
        )
    message_limits.check(purpose="change_email", address=new_email, user_id=str(user.pk), ip=ip)
    with transaction.atomic():
        holder = User.objects.filter(email__iexact=new_email).only("language").first()
        if holder is not None:
            _tokens_void(user=user, purposes=[AccountTokenPurpose.CHANGE_EMAIL])
            account_messages.send(
                AccountMessage(
                    channel="email",
                    to=new_email,
                    template="auth.email_change_address_in_use",
                    # In the language of the account that holds the address: its owner reads it.
                    subject=account_texts.subject("auth.email_change_address_in_use", language_of(holder)),
                    body=account_texts.body("auth.email_change_address_in_use", language_of(holder)),
                )
            )
        else:
            secret = account_tokens.new_link_secret()
            minutes = settings.EMAIL_TOKEN_MINUTES
            _token_issue(
                user=user,
                purpose=AccountTokenPurpose.CHANGE_EMAIL,
                token_hash=account_tokens.link_hash(secret),
                minutes=minutes,
                target=new_email,
            )
            link = account_messages.web_link("/verify-email", token=secret)
            _email(user, "auth.email_change", to=new_email, valid_for=minutes, new_email=new_email, link=link)
        _email(user, "auth.email_change_requested", new_email=new_email)
        audit_record(
            actor=user,
            action="auth.email_change_requested",
            target=user,
            changes={"new_email": new_email, "link_sent": holder is None},
        )
