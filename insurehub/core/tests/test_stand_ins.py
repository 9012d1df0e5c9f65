"""Production refuses stand-in providers: the rule (stand_ins), the start-up refusal in a real
process, ALLOW_SANDBOX_PROVIDERS for staging, the `check --deploy` report, and the card sandbox's
settle route, which production does not have."""

import os
import secrets
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from insurehub.core.stand_ins import check_stand_in_providers, stand_ins

REPO = Path(__file__).resolve().parents[3]

# A production configuration with every provider set for real (the values are fakes of the right shape).
PRODUCTION = {
    "CARD_PROVIDER": "stripe",
    "STRIPE_BASE_URL": "https://api.stripe.com",
    "STRIPE_SECRET_KEY": "sk_live_0123456789abcdef",
    "STRIPE_WEBHOOK_SECRET": "whsec_0123456789abcdef",
    "MPESA_BASE_URL": "https://api.safaricom.co.ke",
    "MPESA_CONSUMER_KEY": "consumer-key",
    "MPESA_CONSUMER_SECRET": "consumer-secret",
    "MPESA_SHORTCODE": "4012345",
    "MPESA_PASSKEY": "a-real-passkey",
    "MPESA_CALLBACK_BASE_URL": "https://api.insurehub.co.ke",
    "MPESA_CALLBACK_SECRET": "a-long-random-callback-secret",
    "SMS_PROVIDER": "africastalking",
    "AFRICASTALKING_BASE_URL": "https://api.africastalking.com",
    "AFRICASTALKING_USERNAME": "insurehub",
    "AFRICASTALKING_API_KEY": "atsk_0123456789",
    "EMAIL_HOST": "smtp.insurehub.co.ke",
    "DEFAULT_FROM_EMAIL": "InsureHub <no-reply@insurehub.co.ke>",
    "BANK_NAME": "Kenya Commercial Bank",
    "BANK_ACCOUNT_NUMBER": "1234567890",
    "PUBLIC_BASE_URL": "https://app.insurehub.co.ke",
}


def _config(**changes) -> SimpleNamespace:
    values = {**PRODUCTION, **changes}
    email_host = values.pop("EMAIL_HOST")
    values["EMAIL_BACKEND"] = values.pop(
        "EMAIL_BACKEND",
        "django.core.mail.backends.smtp.EmailBackend"
        if email_host
        else "django.core.mail.backends.console.EmailBackend",
    )
    return SimpleNamespace(**values)


def _named(found) -> set[str]:
    return {name for item in found for name in item.variables}


def test_a_fully_configured_production_has_no_stand_ins():
    assert stand_ins(_config()) == []


# Each stand-in, and the variables the refusal must name.
STAND_INS = [
    ({"CARD_PROVIDER": "sandbox"}, {"CARD_PROVIDER"}),
    ({"CARD_PROVIDER": "paypal"}, {"CARD_PROVIDER"}),
    ({"STRIPE_SECRET_KEY": ""}, {"STRIPE_SECRET_KEY"}),
    ({"STRIPE_WEBHOOK_SECRET": ""}, {"STRIPE_WEBHOOK_SECRET"}),
    ({"STRIPE_SECRET_KEY": "sk_test_0123"}, {"STRIPE_SECRET_KEY"}),
    ({"STRIPE_BASE_URL": "http://127.0.0.1:8111"}, {"STRIPE_BASE_URL"}),
    ({"MPESA_BASE_URL": "https://sandbox.safaricom.co.ke"}, {"MPESA_BASE_URL"}),
    ({"MPESA_BASE_URL": "http://127.0.0.1:8765"}, {"MPESA_BASE_URL"}),
    ({"MPESA_BASE_URL": "http://localhost:8765"}, {"MPESA_BASE_URL"}),
    ({"MPESA_BASE_URL": "http://[::1]:8765"}, {"MPESA_BASE_URL"}),
    ({"MPESA_BASE_URL": "http://api.safaricom.co.ke"}, {"MPESA_BASE_URL"}),
    ({"MPESA_CONSUMER_KEY": "", "MPESA_CONSUMER_SECRET": ""}, {"MPESA_CONSUMER_KEY", "MPESA_CONSUMER_SECRET"}),
    ({"MPESA_SHORTCODE": ""}, {"MPESA_SHORTCODE"}),
    ({"MPESA_SHORTCODE": "174379"}, {"MPESA_SHORTCODE"}),
    ({"MPESA_PASSKEY": ""}, {"MPESA_PASSKEY"}),
    (
        {"MPESA_PASSKEY": "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"},
        {"MPESA_PASSKEY"},
    ),
    ({"MPESA_CALLBACK_SECRET": ""}, {"MPESA_CALLBACK_SECRET"}),
    ({"MPESA_CALLBACK_SECRET": "dev-callback-secret"}, {"MPESA_CALLBACK_SECRET"}),
    ({"MPESA_CALLBACK_BASE_URL": "https://insurehub.example"}, {"MPESA_CALLBACK_BASE_URL"}),
    ({"MPESA_CALLBACK_BASE_URL": "http://127.0.0.1:8000"}, {"MPESA_CALLBACK_BASE_URL"}),
    ({"SMS_PROVIDER": "console"}, {"SMS_PROVIDER"}),
    ({"AFRICASTALKING_API_KEY": ""}, {"AFRICASTALKING_API_KEY"}),
    ({"AFRICASTALKING_USERNAME": "sandbox"}, {"AFRICASTALKING_USERNAME"}),
    ({"AFRICASTALKING_BASE_URL": "https://api.sandbox.africastalking.com"}, {"AFRICASTALKING_BASE_URL"}),
    ({"AFRICASTALKING_BASE_URL": "http://127.0.0.1:9100"}, {"AFRICASTALKING_BASE_URL"}),
    ({"EMAIL_HOST": ""}, {"EMAIL_HOST"}),
    ({"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}, {"EMAIL_HOST"}),
    ({"DEFAULT_FROM_EMAIL": "InsureHub <no-reply@insurehub.test>"}, {"DEFAULT_FROM_EMAIL"}),
    ({"BANK_ACCOUNT_NUMBER": "0000000000", "BANK_NAME": "Example Bank Kenya"}, {"BANK_ACCOUNT_NUMBER", "BANK_NAME"}),
    ({"PUBLIC_BASE_URL": "http://127.0.0.1:8000"}, {"PUBLIC_BASE_URL"}),
    ({"PUBLIC_BASE_URL": "http://app.insurehub.co.ke"}, {"PUBLIC_BASE_URL"}),
]


@pytest.mark.parametrize(("changes", "variables"), STAND_INS, ids=lambda v: ",".join(v) if isinstance(v, dict) else "")
def test_each_stand_in_is_found_and_named(changes, variables):
    assert _named(stand_ins(_config(**changes))) == variables


def test_a_local_smtp_relay_is_production_mail():
    # A relay on the host (postfix on localhost) is a real way to send mail, not a stand-in.
    assert stand_ins(_config(EMAIL_HOST="localhost")) == []


def test_check_deploy_reports_stand_ins(settings):
    settings.CARD_PROVIDER, settings.SMS_PROVIDER = "sandbox", "console"
    messages = [warning.msg for warning in check_stand_in_providers()]
    assert any(message.startswith("Stand-in provider: CARD_PROVIDER is 'sandbox'") for message in messages)
    assert any("SMS_PROVIDER" in message for message in messages)
    assert {warning.id for warning in check_stand_in_providers()} == {"insurehub.W001"}
    for name, value in PRODUCTION.items():
        setattr(settings, name, value)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert check_stand_in_providers() == []


# --- real processes --------------------------------------------------------------------------

PROCESS_BASE = {
    "DJANGO_ENV": "production",
    "DJANGO_SETTINGS_MODULE": "insurehub.config.settings",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "FIELD_ENCRYPTION_KEYS": "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "FIELD_HASH_KEY": secrets.token_urlsafe(32),
    "BACKUP_SIGNING_KEY": secrets.token_urlsafe(32),
    "AUDIT_CHAIN_KEY": secrets.token_urlsafe(32),
    "DATABASE_URL": "sqlite:///:memory:",
    "DEBUG": "0",
    "LOG_LEVEL": "ERROR",
}
# Variables the development defaults or this machine's shell could bring in; each run sets its own.
PROVIDER_VARIABLES = (*PRODUCTION, "EMAIL_BACKEND", "ALLOW_SANDBOX_PROVIDERS", "BANK_SWIFT", "BANK_BRANCH")


def _run(args: list[str], **variables: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in PROVIDER_VARIABLES}
    env.pop("PYTEST_XDIST_WORKER", None)
    env.update(PROCESS_BASE)
    env.update(variables)
    return subprocess.run(  # noqa: S603  # nosec B603: our own interpreter and manage.py
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, cwd=REPO
    )


SETUP = ["-c", "import django; django.setup()"]
# The route must not resolve and cannot be reversed: printed for the parent test to read.
ROUTES = [
    "-c",
    "import django; django.setup()\n"
    "from django.urls import NoReverseMatch, resolve, reverse\n"
    "match = resolve('/api/payments/card/sandbox/00000000-0000-0000-0000-000000000001/settle/')\n"
    "try:\n    reverse('card-sandbox-settle', args=['00000000-0000-0000-0000-000000000001'])\n"
    "except NoReverseMatch:\n    reversible = False\nelse:\n    reversible = True\n"
    "print(match.url_name, reversible)",
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("changes", "variable"),
    [
        ({"CARD_PROVIDER": "sandbox"}, "CARD_PROVIDER"),
        ({"STRIPE_SECRET_KEY": ""}, "STRIPE_SECRET_KEY"),
        ({"MPESA_BASE_URL": "https://sandbox.safaricom.co.ke"}, "MPESA_BASE_URL"),
        ({"MPESA_BASE_URL": "http://127.0.0.1:8765"}, "MPESA_BASE_URL"),
        ({"MPESA_PASSKEY": ""}, "MPESA_PASSKEY"),
        ({"MPESA_CALLBACK_SECRET": ""}, "MPESA_CALLBACK_SECRET"),
        ({"SMS_PROVIDER": "console"}, "SMS_PROVIDER"),
        ({"AFRICASTALKING_API_KEY": ""}, "AFRICASTALKING_API_KEY"),
        ({"EMAIL_HOST": ""}, "EMAIL_HOST"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_production_process_with_a_stand_in_refuses_to_start(changes, variable):
    result = _run(SETUP, **{**PRODUCTION, **changes})
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: Production refuses stand-in providers")
    assert variable in last_line


@pytest.mark.slow
def test_a_production_process_on_the_defaults_names_every_variable_to_set():
    result = _run(["manage.py", "check", "--deploy"])
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    for variable in ("CARD_PROVIDER", "MPESA_BASE_URL", "MPESA_CONSUMER_KEY", "MPESA_PASSKEY", "SMS_PROVIDER"):
        assert variable in last_line
    assert "EMAIL_HOST" in last_line


@pytest.mark.slow
def test_a_fully_configured_production_process_starts_and_check_deploy_is_clean():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "insurehub.W001" not in result.stderr + result.stdout


@pytest.mark.slow
def test_a_production_process_without_the_audit_chain_key_refuses_to_start():
    result = _run(SETUP, **PRODUCTION, AUDIT_CHAIN_KEY="")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].endswith("AUDIT_CHAIN_KEY must be set in production")


@pytest.mark.slow
def test_production_has_no_card_sandbox_route():
    result = _run(ROUTES, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["api-not-found", "False"]


@pytest.mark.slow
def test_staging_may_start_with_stand_ins_but_not_with_the_settle_route():
    staging = {**PRODUCTION, "CARD_PROVIDER": "sandbox", "SMS_PROVIDER": "console", "ALLOW_SANDBOX_PROVIDERS": "1"}
    routes = _run(ROUTES, **staging)
    assert routes.returncode == 0, routes.stderr
    assert routes.stdout.split() == ["api-not-found", "False"]
    check = _run(["manage.py", "check", "--deploy"], **staging)
    assert check.returncode == 0, check.stderr
    assert "(insurehub.W001) Stand-in provider: CARD_PROVIDER is 'sandbox'" in check.stderr
    assert "SMS_PROVIDER" in check.stderr


@pytest.mark.slow
def test_development_runs_on_stand_ins_with_the_settle_route():
    development = {"DJANGO_ENV": "development", "MPESA_BASE_URL": "http://127.0.0.1:8765"}
    result = _run(ROUTES, **development)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["card-sandbox-settle", "True"]
