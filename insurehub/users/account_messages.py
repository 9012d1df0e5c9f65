"""Messages about the account itself (a reset link, a verification code, a notice that the
address changed), sent to one address whatever the user's notification preferences.

users sits below notifications in the layers, so it cannot call notifications; instead the
notifications app registers its delivery here at start-up (its AppConfig.ready), and the
services below hand each message over inside their transaction. The delivery logs it and
sends it after commit, so a rolled-back request sends nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from insurehub.users.models import User


@dataclass(frozen=True)
class AccountMessage:
    channel: str  # "email" or "sms"
    to: str
    template: str  # e.g. "auth.password_reset"
    subject: str
    body: str
    recipient: User | None = None


_delivery: Callable[[AccountMessage], None] | None = None


def register_delivery(delivery: Callable[[AccountMessage], None]) -> None:
    global _delivery
    _delivery = delivery


def send(message: AccountMessage) -> None:
    if _delivery is None:
        raise ImproperlyConfigured("No delivery for account messages is registered (is notifications installed?).")
    _delivery(message)


def web_link(route: str, **query: str) -> str:
    """An absolute link to a page of the web application (DESIGN.md section 10)."""
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{route}" + (f"?{urlencode(query)}" if query else "")
