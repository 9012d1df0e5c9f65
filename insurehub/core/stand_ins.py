"""Stand-in providers, and the rule that production does not run on them.

Development and tests run on stand-ins: the card sandbox, Safaricom's Daraja sandbox or a local
Daraja stand-in on 127.0.0.1, SMS and e-mail written to the console, placeholder bank details.
A production process configured with any of them would take money it never receives (a customer
settles their own sandbox card payment), send nothing, or tell customers to pay into an account
that does not exist. So with DJANGO_ENV=production every process (web, workers, commands) stops
at start-up with one line naming each variable to set, as it does for SECRET_KEY and
FIELD_ENCRYPTION_KEYS. ALLOW_SANDBOX_PROVIDERS=1 lets a staging deployment start anyway; it logs
what is standing in, and `manage.py check --deploy` reports it wherever it runs.
"""

import ipaddress
import logging
from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning
from django.core.exceptions import ImproperlyConfigured

__all__ = ["StandIn", "check_stand_in_providers", "refuse_stand_ins_in_production", "stand_ins"]

logger = logging.getLogger(__name__)

# Safaricom's public Daraja test credentials (the Lipa na M-Pesa Online sandbox shortcode and passkey).
DARAJA_SANDBOX_HOSTS = frozenset({"sandbox.safaricom.co.ke"})
DARAJA_SANDBOX_SHORTCODE = "174379"
DARAJA_SANDBOX_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"
# Security review: the development value, which production refuses.
DEVELOPMENT_CALLBACK_SECRET = "dev-callback-secret"  # noqa: S105  # nosec B105
AFRICASTALKING_SANDBOX_USERNAME = "sandbox"
STAND_IN_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "the console",
    "django.core.mail.backends.locmem.EmailBackend": "memory",
    "django.core.mail.backends.dummy.EmailBackend": "nowhere",
    "django.core.mail.backends.filebased.EmailBackend": "files",
}
# Domains reserved for examples and tests (RFC 2606, RFC 6761): nothing is delivered there.
RESERVED_DOMAIN_SUFFIXES = (".test", ".example", ".invalid", ".localhost")


@dataclass(frozen=True)
class StandIn:
    variables: tuple[str, ...]
    problem: str

    def __str__(self) -> str:
        return f"{', '.join(self.variables)} {self.problem}"


def _is_local_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _url_problem(url: str) -> str | None:
    """Why a provider's base URL cannot be production's: None when it can."""
    parts = urlsplit(url or "")
    host = parts.hostname or ""
    if not host:
        return "is not a URL"
    if _is_local_host(host):
        return f"points at a local stand-in ({host})"
    if host.endswith(RESERVED_DOMAIN_SUFFIXES):
        return f"is a placeholder ({host} is a reserved example domain)"
    if parts.scheme != "https":
        return "is not HTTPS"
    return None


def _missing(config, *names: str) -> tuple[str, ...]:
    return tuple(name for name in names if not str(getattr(config, name, "") or "").strip())


def _card_stand_ins(config) -> list[StandIn]:
    provider = config.CARD_PROVIDER
    if provider != "stripe":
        return [StandIn(("CARD_PROVIDER",), f"is {provider!r}, which takes no money (use stripe)")]
    found = []
    missing = _missing(config, "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")
    if missing:
        found.append(StandIn(missing, "not set (Stripe's API key and the webhook signing secret)"))
    if config.STRIPE_SECRET_KEY.startswith(("sk_test_", "rk_test_")):
        found.append(StandIn(("STRIPE_SECRET_KEY",), "is a test-mode key: Stripe's sandbox takes no money"))
    problem = _url_problem(config.STRIPE_BASE_URL)
    if problem:
        found.append(StandIn(("STRIPE_BASE_URL",), problem))
    return found


def _mpesa_stand_ins(config) -> list[StandIn]:
    found = []
    host = (urlsplit(config.MPESA_BASE_URL or "").hostname or "").lower()
    if host in DARAJA_SANDBOX_HOSTS:
        found.append(StandIn(("MPESA_BASE_URL",), "is Safaricom's sandbox (production: https://api.safaricom.co.ke)"))
    elif problem := _url_problem(config.MPESA_BASE_URL):
        found.append(StandIn(("MPESA_BASE_URL",), problem))
    missing = _missing(
        config,
        "MPESA_CONSUMER_KEY",
        "MPESA_CONSUMER_SECRET",
        "MPESA_SHORTCODE",
        "MPESA_PASSKEY",
        "MPESA_CALLBACK_SECRET",
    )
    if missing:
        found.append(
            StandIn(missing, "not set (Daraja's app keys, the paybill or till, its passkey, the callback secret)")
        )
    if config.MPESA_SHORTCODE == DARAJA_SANDBOX_SHORTCODE:
        found.append(StandIn(("MPESA_SHORTCODE",), "is Daraja's public test shortcode"))
    if config.MPESA_PASSKEY == DARAJA_SANDBOX_PASSKEY:
        found.append(StandIn(("MPESA_PASSKEY",), "is Daraja's public test passkey"))
    if config.MPESA_CALLBACK_SECRET == DEVELOPMENT_CALLBACK_SECRET:
        found.append(StandIn(("MPESA_CALLBACK_SECRET",), "is the development value, which anyone can read"))
    if problem := _url_problem(config.MPESA_CALLBACK_BASE_URL):
        found.append(StandIn(("MPESA_CALLBACK_BASE_URL",), f"{problem}: Daraja must reach it over HTTPS"))
    return found


def _sms_stand_ins(config) -> list[StandIn]:
    provider = config.SMS_PROVIDER
    if provider != "africastalking":
        return [StandIn(("SMS_PROVIDER",), f"is {provider!r}, which sends nothing (use africastalking)")]
    found = []
    if _missing(config, "AFRICASTALKING_API_KEY"):
        found.append(StandIn(("AFRICASTALKING_API_KEY",), "not set"))
    if config.AFRICASTALKING_USERNAME in ("", AFRICASTALKING_SANDBOX_USERNAME):
        found.append(StandIn(("AFRICASTALKING_USERNAME",), "is Africa's Talking's sandbox app (nothing is sent)"))
    host = (urlsplit(config.AFRICASTALKING_BASE_URL or "").hostname or "").lower()
    if "sandbox" in host.split("."):
        found.append(StandIn(("AFRICASTALKING_BASE_URL",), "is Africa's Talking's sandbox"))
    elif problem := _url_problem(config.AFRICASTALKING_BASE_URL):
        found.append(StandIn(("AFRICASTALKING_BASE_URL",), problem))
    return found


def _email_stand_ins(config) -> list[StandIn]:
    found = []
    destination = STAND_IN_EMAIL_BACKENDS.get(config.EMAIL_BACKEND)
    if destination:
        found.append(StandIn(("EMAIL_HOST",), f"not set, so e-mail goes to {destination} ({config.EMAIL_BACKEND})"))
    sender_domain = parseaddr(config.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2].lower()
    if not sender_domain or sender_domain.endswith(RESERVED_DOMAIN_SUFFIXES):
        found.append(StandIn(("DEFAULT_FROM_EMAIL",), f"sends from a reserved example domain ({sender_domain!r})"))
    return found


def _bank_stand_ins(config) -> list[StandIn]:
    placeholders = []
    if not config.BANK_ACCOUNT_NUMBER.strip("0 "):
        placeholders.append("BANK_ACCOUNT_NUMBER")
    if config.BANK_NAME.startswith("Example"):
        placeholders.append("BANK_NAME")
    if not placeholders:
        return []
    return [
        StandIn(
            tuple(placeholders), "are placeholders (customers would be told to pay into an account that is not ours)"
        )
    ]


def _link_stand_ins(config) -> list[StandIn]:
    problem = _url_problem(config.PUBLIC_BASE_URL)
    if problem:
        return [StandIn(("PUBLIC_BASE_URL",), f"{problem}: the links in e-mails and SMS would not open")]
    return []


def stand_ins(config=settings) -> list[StandIn]:
    """Every provider setting that production cannot run on, each with the variables to set."""
    return [
        *_card_stand_ins(config),
        *_mpesa_stand_ins(config),
        *_sms_stand_ins(config),
        *_email_stand_ins(config),
        *_bank_stand_ins(config),
        *_link_stand_ins(config),
    ]


def refuse_stand_ins_in_production() -> None:
    """Called at start-up (CoreConfig.ready): outside production it does nothing."""
    if settings.DJANGO_ENV != "production":
        return
    found = stand_ins()
    if not found:
        return
    summary = "; ".join(str(item) for item in found)
    if settings.ALLOW_SANDBOX_PROVIDERS:
        logger.warning("ALLOW_SANDBOX_PROVIDERS=1: running with stand-in providers: %s", summary)
        return
    raise ImproperlyConfigured(
        f"Production refuses stand-in providers (ALLOW_SANDBOX_PROVIDERS=1 allows them on staging only): {summary}."
    )


@register(Tags.security, deploy=True)
def check_stand_in_providers(app_configs=None, **kwargs) -> list[CheckWarning]:
    """`manage.py check --deploy`: what would stop (or, with ALLOW_SANDBOX_PROVIDERS, does not stop)
    a production process."""
    return [
        CheckWarning(
            f"Stand-in provider: {item}.",
            hint="Production refuses to start with it; set the variable (README: Production).",
            id="insurehub.W001",
        )
        for item in stand_ins()
    ]
