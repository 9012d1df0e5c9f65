"""Policies, vehicles and payments: M-Pesa (Daraja), cards (sandbox or Stripe), bank transfer."""

from .api import SPECTACULAR_SETTINGS
from .base import DJANGO_ENV
from .reader import env
from .tasks import CELERY_BEAT_SCHEDULE

POLICY_GRACE_DAYS = env.int("POLICY_GRACE_DAYS", 15)
# M-Pesa (Daraja). Sandbox base: https://sandbox.safaricom.co.ke; production: https://api.safaricom.co.ke
# In development with MPESA_BASE_URL unset, the server serves a Daraja stand-in
# (insurehub/payments/daraja_standin.py) on 127.0.0.1:MPESA_STANDIN_PORT and talks to it with these
# stand-in credentials; it answers each push by itself MPESA_STANDIN_ANSWER_SECONDS later.
# Never in production: a 127.0.0.1 MPESA_BASE_URL is a stand-in there, and refused.
MPESA_STANDIN = DJANGO_ENV == "development" and env.str("MPESA_BASE_URL", None) is None
MPESA_STANDIN_PORT = env.int("MPESA_STANDIN_PORT", env.int("PORT", 8000) + 100)
MPESA_STANDIN_ANSWER_SECONDS = env.float("MPESA_STANDIN_ANSWER_SECONDS", 3.0)
MPESA_BASE_URL = env.str(
    "MPESA_BASE_URL", f"http://127.0.0.1:{MPESA_STANDIN_PORT}" if MPESA_STANDIN else "https://sandbox.safaricom.co.ke"
)
MPESA_CONSUMER_KEY = env.str("MPESA_CONSUMER_KEY", "standin-consumer-key" if MPESA_STANDIN else "")
MPESA_CONSUMER_SECRET = env.str("MPESA_CONSUMER_SECRET", "standin-consumer-secret" if MPESA_STANDIN else "")
MPESA_SHORTCODE = env.str("MPESA_SHORTCODE", "174379" if MPESA_STANDIN else "")
MPESA_PASSKEY = env.str("MPESA_PASSKEY", "standin-passkey" if MPESA_STANDIN else "")
# Where Daraja POSTs its callbacks; in development the server itself on PORT.
MPESA_CALLBACK_BASE_URL = env.str(
    "MPESA_CALLBACK_BASE_URL",
    f"http://127.0.0.1:{env.int('PORT', 8000)}" if DJANGO_ENV == "development" else "https://insurehub.example",
)
# Part of the callback URL Daraja calls (?token=...): a callback without it is refused.
MPESA_CALLBACK_SECRET = env.str("MPESA_CALLBACK_SECRET", "" if DJANGO_ENV == "production" else "dev-callback-secret")
MPESA_TIMEOUT_SECONDS = env.float("MPESA_TIMEOUT_SECONDS", 15.0)
# A push with no callback after this long is asked about (payments-mpesa-query-stale, every
# MPESA_QUERY_EVERY_SECONDS).
MPESA_QUERY_AFTER_MINUTES = env.int("MPESA_QUERY_AFTER_MINUTES", 1 if DJANGO_ENV == "development" else 3)
# Cards: "sandbox" (embedded default) or "stripe".
CARD_PROVIDER = env.str("CARD_PROVIDER", "sandbox")
STRIPE_BASE_URL = env.str("STRIPE_BASE_URL", "https://api.stripe.com")
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", "")
# Public by design: the browser's card form (Stripe.js) needs it; the CSP then allows Stripe's origins.
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", "")
STRIPE_WEBHOOK_TOLERANCE_SECONDS = env.int("STRIPE_WEBHOOK_TOLERANCE_SECONDS", 300)
BANK_NAME = env.str("BANK_NAME", "Example Bank Kenya")
BANK_ACCOUNT_NAME = env.str("BANK_ACCOUNT_NAME", "InsureHub Premium Collections")
BANK_ACCOUNT_NUMBER = env.str("BANK_ACCOUNT_NUMBER", "0000000000")
BANK_BRANCH = env.str("BANK_BRANCH", "Nairobi")
BANK_SWIFT = env.str("BANK_SWIFT", "EXAMKENA")
CELERY_BEAT_SCHEDULE["policies-apply-time"] = {"task": "insurehub.policies.tasks.apply_time", "schedule": 3600.0}
CELERY_BEAT_SCHEDULE["payments-mpesa-query-stale"] = {
    "task": "insurehub.payments.tasks.mpesa_query_stale",
    "schedule": env.float("MPESA_QUERY_EVERY_SECONDS", 120.0),
}
# A card refund approved without a recorded answer from the provider (timeout, stopped process) is
# asked about again after this long, with the same idempotency key (payments-card-refunds-reconcile).
CARD_REFUND_RECONCILE_AFTER_MINUTES = env.int("CARD_REFUND_RECONCILE_AFTER_MINUTES", 5)
CELERY_BEAT_SCHEDULE["payments-card-refunds-reconcile"] = {
    "task": "insurehub.payments.tasks.card_refunds_reconcile",
    "schedule": env.float("CARD_REFUND_RECONCILE_EVERY_SECONDS", 300.0),
}
# M-Pesa B2C (payouts): the initiator (an API operator of the B2C shortcode), its password, encrypted for
# each request with M-Pesa's public certificate (MPESA_B2C_CERTIFICATE: a PEM or its path; in
# development the stand-in's own), and the CommandID (BusinessPayment, SalaryPayment, PromotionPayment).
MPESA_B2C_SHORTCODE = env.str("MPESA_B2C_SHORTCODE", "600000" if MPESA_STANDIN else "")
MPESA_B2C_INITIATOR_NAME = env.str("MPESA_B2C_INITIATOR_NAME", "standin-initiator" if MPESA_STANDIN else "")
MPESA_B2C_INITIATOR_PASSWORD = env.str(
    "MPESA_B2C_INITIATOR_PASSWORD", "standin-initiator-password" if MPESA_STANDIN else ""
)
MPESA_B2C_CERTIFICATE = env.str("MPESA_B2C_CERTIFICATE", "")
MPESA_B2C_COMMAND_ID = env.str("MPESA_B2C_COMMAND_ID", "BusinessPayment")
# A sent B2C payout with no result after this long (or one whose request timed out in Daraja's queue) is
# asked about with the transaction status query (payments-payouts-sweep, every PAYOUTS_SWEEP_EVERY_SECONDS),
# which also sends payouts whose send was lost (a stopped process).
MPESA_B2C_QUERY_AFTER_MINUTES = env.int("MPESA_B2C_QUERY_AFTER_MINUTES", 1 if DJANGO_ENV == "development" else 10)
# Payouts above the payer's authority wait for a supervisor or admin (other than the payer) to release them.
PAYOUT_AUTHORITY_LIMITS = {
    "agent": env.str("PAYOUT_AUTHORITY_AGENT", "200000"),
    "supervisor": env.str("PAYOUT_AUTHORITY_SUPERVISOR", "2000000"),
    "admin": env.str("PAYOUT_AUTHORITY_ADMIN", "100000000"),
}
CELERY_BEAT_SCHEDULE["payments-payouts-sweep"] = {
    "task": "insurehub.payments.tasks.payouts_sweep",
    "schedule": env.float("PAYOUTS_SWEEP_EVERY_SECONDS", 120.0),
}

# Transactions and payouts (the payouts desk) share these enums: named once, as they were.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "TransactionOutputMethodEnum": "insurehub.payments.models.Method.choices",
        "TransactionOutputDirectionEnum": "insurehub.payments.models.Direction.choices",
        "TransactionOutputStatusEnum": "insurehub.payments.models.TransactionStatus.choices",
    }
)
