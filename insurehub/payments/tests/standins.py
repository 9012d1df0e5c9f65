"""Local stand-ins for the payment providers, answering as their public documentation says.

Each runs a stdlib HTTP server on 127.0.0.1 in a thread; the tests point our settings at it,
so our real httpx clients are exercised end to end (nothing of ours is patched).

Daraja's stand-in lives in insurehub/payments/daraja_standin.py (development serves it too);
it is re-exported here for the tests.

Stripe (docs.stripe.com/api): form-encoded POST /v1/payment_intents, /v1/payment_intents/{id}/cancel and
/v1/refunds, GET /v1/payment_intents/{id}, with `Authorization: Bearer sk_...`; errors are
{"error": {"type", "code", "message"}} with 4xx.
Webhooks are signed `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(whsec, "<t>.<body>")>`.
"""

import hashlib
import hmac
import time
import uuid
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

from insurehub.payments.daraja_standin import DarajaStandIn, StandInHandler, daraja_standin, serving

__all__ = ["DarajaStandIn", "StripeStandIn", "daraja_standin", "stripe_signature", "stripe_standin"]

STRIPE_SECRET = "sk_test_standin"
STRIPE_WEBHOOK_SECRET = "whsec_standin"


class StripeStandIn:
    def __init__(self):
        self.base_url = ""
        self.intents: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.idempotency: dict[str, dict] = {}
        self.retrieved: list[str] = []
        self.cancelled: list[str] = []

    def get(self, h: StandInHandler) -> None:
        if h.headers.get("Authorization") != f"Bearer {STRIPE_SECRET}":
            return h._send(
                401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: sk_***"}}
            )
        path = urlsplit(h.path).path
        intent_id = path.removeprefix("/v1/payment_intents/")
        if path.startswith("/v1/payment_intents/") and intent_id in self.intents:
            self.retrieved.append(intent_id)
            return h._send(200, self.intents[intent_id])
        h._send(404, {"error": {"type": "invalid_request_error", "message": "Unrecognized request URL"}})

    def post(self, h: StandInHandler, raw: bytes) -> None:
        if h.headers.get("Authorization") != f"Bearer {STRIPE_SECRET}":
            return h._send(
                401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: sk_***"}}
            )
        form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        key = h.headers.get("Idempotency-Key")
        if key and key in self.idempotency:
            return h._send(200, self.idempotency[key])
        path = urlsplit(h.path).path
        if path == "/v1/payment_intents":
            status, body = self._intent(form)
        elif path.startswith("/v1/payment_intents/") and path.endswith("/cancel"):
            status, body = self._cancel(path.split("/")[3])
        elif path == "/v1/refunds":
            status, body = self._refund(form)
        else:
            status, body = 404, {"error": {"type": "invalid_request_error", "message": "Unrecognized request URL"}}
        if key and status == 200:
            self.idempotency[key] = body
        h._send(status, body)

    def _intent(self, form: dict) -> tuple[int, dict]:
        try:
            amount = int(form["amount"])
        except (KeyError, ValueError):
            return 400, {"error": {"type": "invalid_request_error", "code": "parameter_missing", "message": "amount"}}
        if amount < 1:
            return 400, {"error": {"type": "invalid_request_error", "code": "amount_too_small", "message": "amount"}}
        intent_id = f"pi_{uuid.uuid4().hex[:24]}"
        intent = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": amount,
            "amount_received": 0,
            "currency": form.get("currency"),
            "client_secret": f"{intent_id}_secret_{uuid.uuid4().hex[:24]}",
            "status": "requires_payment_method",
            "metadata": {"reference": form.get("metadata[reference]", "")},
            "latest_charge": None,
        }
        self.intents[intent_id] = intent
        return 200, intent

    def _cancel(self, intent_id: str) -> tuple[int, dict]:
        intent = self.intents.get(intent_id)
        if intent is None:
            return 404, {"error": {"type": "invalid_request_error", "code": "resource_missing", "message": "no"}}
        if intent["status"] in ("succeeded", "canceled"):
            return 400, {
                "error": {
                    "type": "invalid_request_error",
                    "code": "payment_intent_unexpected_state",
                    "message": f"You cannot cancel this PaymentIntent because it has a status of {intent['status']}.",
                }
            }
        intent["status"] = "canceled"
        self.cancelled.append(intent_id)
        return 200, intent

    def _refund(self, form: dict) -> tuple[int, dict]:
        intent = self.intents.get(form.get("payment_intent", ""))
        if intent is None or intent["status"] != "succeeded":
            return 400, {"error": {"type": "invalid_request_error", "code": "charge_not_refundable", "message": "no"}}
        amount = int(form.get("amount", intent["amount"]))
        already = sum(r["amount"] for r in self.refunds.values() if r["payment_intent"] == intent["id"])
        if amount + already > intent["amount_received"]:
            return 400, {
                "error": {
                    "type": "invalid_request_error",
                    "code": "amount_too_large",
                    "message": "Refund amount is greater than unrefunded amount on charge",
                }
            }
        refund_id = f"re_{uuid.uuid4().hex[:24]}"
        refund = {"id": refund_id, "object": "refund", "amount": amount, "payment_intent": intent["id"]}
        refund["status"] = "succeeded"
        self.refunds[refund_id] = refund
        return 200, refund

    # -- what the cardholder's bank does --------------------------------------------------
    def event(self, intent_id: str, *, succeed: bool = True, amount_received: int | None = None) -> dict:
        intent = self.intents[intent_id]
        if succeed:
            intent["status"] = "succeeded"
            intent["amount_received"] = intent["amount"] if amount_received is None else amount_received
            intent["latest_charge"] = f"ch_{uuid.uuid4().hex[:24]}"
            kind = "payment_intent.succeeded"
        else:
            intent["status"] = "requires_payment_method"
            intent["last_payment_error"] = {"code": "card_declined", "message": "Your card was declined."}
            kind = "payment_intent.payment_failed"
        return {
            "id": f"evt_{uuid.uuid4().hex[:24]}",
            "object": "event",
            "type": kind,
            "created": int(time.time()),
            "data": {"object": dict(intent)},
        }


def stripe_signature(payload: bytes, *, secret: str = STRIPE_WEBHOOK_SECRET, at: int | None = None) -> str:
    timestamp = int(time.time()) if at is None else at
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


@contextmanager
def stripe_standin(settings):
    standin = StripeStandIn()
    with serving(standin):
        settings.CARD_PROVIDER = "stripe"
        settings.STRIPE_BASE_URL = standin.base_url
        settings.STRIPE_SECRET_KEY = STRIPE_SECRET
        settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
        yield standin
