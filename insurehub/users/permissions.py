"""Who may recover, verify and change what on an account. Every rule here is about the
caller's own account: nobody (an admin included) verifies or resets for someone else
through these paths; admins set the flags through the users API, audited."""

from insurehub.core.errors import ApplicationError
from insurehub.core.permissions import allows, is_admin
from insurehub.users.models import User


def can_reset_password(user: User) -> bool:
    """An inactive (deactivated or erased) account gets no reset link and no reset."""
    return user.is_active and user.has_usable_password()


def can_verify_email(user: User) -> bool:
    return user.is_active and not user.email_verified


def can_verify_phone(user: User) -> bool:
    return user.is_active and bool(user.phone) and not user.phone_verified


def ensure_can_verify_email(user: User) -> None:
    if not can_verify_email(user):
        raise ApplicationError("email_already_verified", "Your e-mail address is already verified.", status=409)


def ensure_can_verify_phone(user: User) -> None:
    if not user.phone:
        message = "Add a phone number to your profile first."
        raise ApplicationError(
            "phone_missing", message, status=400, errors=[{"field": "phone", "message": message, "code": "required"}]
        )
    if not can_verify_phone(user):
        raise ApplicationError("phone_already_verified", "Your phone number is already verified.", status=409)


def can_manage_users(user, obj=None) -> bool:
    """Create accounts of any role, change anyone's role, department and flags: admins (audited)."""
    return is_admin(user)


ManagesUsers = allows(can_manage_users)
