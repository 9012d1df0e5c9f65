"""Reading users."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.users import account_tokens
from insurehub.users.models import AccountToken, AccountTokenPurpose, User


def users_visible_to(user: User) -> QuerySet[User]:
    """Admins see everyone; supervisors the staff of their department; others themselves."""
    if not user.is_authenticated or not user.is_active:
        return User.objects.none()
    if user.role == Role.ADMIN:
        return User.objects.all()
    if user.role == Role.SUPERVISOR and user.department:
        return User.objects.filter(
            Q(pk=user.pk) | Q(department=user.department, role__in=[Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR])
        )
    return User.objects.filter(pk=user.pk)


def customer_acted_for(*, user: User, customer_id, missing_code: str, missing_message: str) -> User:
    """Whose record (a quote, a vehicle) a caller makes: a customer their own (naming anyone else is a
    404, as for a record they may not see); staff must name an active customer (else 400 `missing_code`)."""
    if user.role == Role.CUSTOMER:
        if customer_id is not None and customer_id != user.pk:
            raise Http404
        return user
    if customer_id is None:
        raise ApplicationError(missing_code, missing_message)
    return get_object_or_404(User.objects.filter(role=Role.CUSTOMER, is_active=True), pk=customer_id)


def account_token_for_secret(*, secret: str, purposes: list[str]) -> AccountToken | None:
    """The token a link's secret names (used, expired or not: the caller decides), or None."""
    if not secret or len(secret) > 128:
        return None
    return (
        AccountToken.objects.select_related("user")
        .filter(token_hash=account_tokens.link_hash(secret), purpose__in=purposes)
        .first()
    )


def phone_code_open(*, user: User) -> AccountToken | None:
    """The user's latest phone code that is neither used, voided nor expired."""
    return (
        AccountToken.objects.filter(
            user=user,
            purpose=AccountTokenPurpose.VERIFY_PHONE,
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-created_at")
        .first()
    )
