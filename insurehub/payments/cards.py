"""Card payments: one interface, Stripe's PaymentIntents as the real provider, and a sandbox.

Stripe (public API): POST {base}/v1/payment_intents (form-encoded amount in minor units,
currency lowercase, metadata[...]; Bearer secret key) -> {"id": "pi_...", "client_secret",
"status": "requires_payment_method", ...}; GET {base}/v1/payment_intents/{id} (the intent, with its
client_secret when asked with the secret key); POST {base}/v1/payment_intents/{id}/cancel;
POST {base}/v1/refunds (payment_intent, amount).
Webhooks carry `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` and
events `payment_intent.succeeded` / `payment_intent.payment_failed` with the intent in data.object.
"""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from decimal import Decimal

import httpx
from django.conf import settings

ZERO_DECIMAL_CURRENCIES = {"UGX"}  # Stripe takes these in whole units
# An intent in one of these may still be paid by the customer (Stripe's PaymentIntent statuses).
OPEN_INTENT_STATUSES = {"requires_payment_method", "requires_confirmation", "requires_action"}


class CardProviderError(Exception):
    pass


class CardProviderUnreachable(CardProviderError):  # noqa: N818 (a kind of CardProviderError)
    """No answer (network error, timeout, 5xx): the provider may or may not have acted. A call
    with an idempotency key may be made again to learn the outcome."""


@dataclass(frozen=True)
class Intent:
    id: str
    client_secret: str
    status: str
    raw: dict


def minor_units(amount: Decimal, currency: str) -> int:
    return int(amount) if currency.upper() in ZERO_DECIMAL_CURRENCIES else int((amount * 100).to_integral_value())


class CardProvider:
    name = "base"

    def create_intent(self, *, amount: Decimal, currency: str, reference: str) -> Intent:  # pragma: no cover
        raise NotImplementedError

    def retrieve_intent(self, *, intent_id: str) -> Intent:  # pragma: no cover
        raise NotImplementedError

    def cancel_intent(self, *, intent_id: str) -> None:  # pragma: no cover
        raise NotImplementedError

    def refund(self, *, intent_id: str, amount: Decimal, currency: str, reference: str = "") -> str:  # pragma: no cover
        """Refund `amount` of the intent; `reference` (our payout's) makes asking again safe."""
        raise NotImplementedError

    def verify_webhook(self, *, payload: bytes, signature_header: str) -> bool:  # pragma: no cover
        raise NotImplementedError


class StripeProvider(CardProvider):
    name = "stripe"

    def __init__(self):
        self.base_url = settings.STRIPE_BASE_URL.rstrip("/")
        self.secret_key = settings.STRIPE_SECRET_KEY
        self.webhook_secret = settings.STRIPE_WEBHOOK_SECRET
        self.timeout = httpx.Timeout(10.0, connect=5.0)

    def _post(self, path: str, form: dict, idempotency_key: str) -> dict:
        return self._call("POST", path, form=form, idempotency_key=idempotency_key)

    def _call(self, method: str, path: str, *, form: dict | None = None, idempotency_key: str = "") -> dict:
        headers = {"Authorization": f"Bearer {self.secret_key}"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        try:
            response = httpx.request(method, f"{self.base_url}{path}", data=form, headers=headers, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise CardProviderUnreachable(f"the card provider is unreachable ({exc.__class__.__name__})") from exc
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 500:
            raise CardProviderUnreachable(f"the card provider failed (HTTP {response.status_code})")
        if response.status_code >= 400:
            raise CardProviderError((body.get("error") or {}).get("message", f"HTTP {response.status_code}"))
        if not body.get("id"):
            raise CardProviderError(f"the card provider answered HTTP {response.status_code} without an object")
        return body

    def create_intent(self, *, amount: Decimal, currency: str, reference: str) -> Intent:
        body = self._post(
            "/v1/payment_intents",
            {
                "amount": minor_units(amount, currency),
                "currency": currency.lower(),
                "metadata[reference]": reference,
                "automatic_payment_methods[enabled]": "true",
            },
            idempotency_key=f"intent-{reference}",
        )
        return Intent(id=body["id"], client_secret=body["client_secret"], status=body["status"], raw=body)

    def retrieve_intent(self, *, intent_id: str) -> Intent:
        body = self._call("GET", f"/v1/payment_intents/{intent_id}")
        return Intent(id=body["id"], client_secret=body.get("client_secret") or "", status=body["status"], raw=body)

    def cancel_intent(self, *, intent_id: str) -> None:
        self._post(f"/v1/payment_intents/{intent_id}/cancel", {}, idempotency_key=f"cancel-{intent_id}")

    def refund(self, *, intent_id: str, amount: Decimal, currency: str, reference: str = "") -> str:
        body = self._post(
            "/v1/refunds",
            {"payment_intent": intent_id, "amount": minor_units(amount, currency)},
            # One key per payout: asking again after a lost answer returns the same refund.
            idempotency_key=f"refund-{reference}" if reference else f"refund-{intent_id}-{secrets.token_hex(8)}",
        )
        return body["id"]

    def verify_webhook(self, *, payload: bytes, signature_header: str) -> bool:
        if not self.webhook_secret:
            return False  # an empty secret would let anyone sign
        parts = dict(item.split("=", 1) for item in signature_header.split(",") if "=" in item)
        try:
            timestamp = int(parts.get("t", ""))
        except ValueError:
            return False
        if abs(time.time() - timestamp) > settings.STRIPE_WEBHOOK_TOLERANCE_SECONDS:
            return False
        expected = hmac.new(
            self.webhook_secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256
        ).hexdigest()
        candidates = [
            value
            for key, value in (item.split("=", 1) for item in signature_header.split(",") if "=" in item)
            if key == "v1"
        ]
        return any(hmac.compare_digest(expected, candidate) for candidate in candidates)


class SandboxProvider(CardProvider):
    """The embedded default: intents that the sandbox confirm endpoint settles, no network."""

    name = "sandbox"

    def create_intent(self, *, amount: Decimal, currency: str, reference: str) -> Intent:
        intent_id = f"pi_sandbox_{secrets.token_hex(8)}"
        return Intent(
            id=intent_id,
            client_secret=self._client_secret(intent_id),
            status="requires_payment_method",
            raw={"id": intent_id, "amount": minor_units(amount, currency), "currency": currency.lower()},
        )

    @staticmethod
    def _client_secret(intent_id: str) -> str:
        # Derived from the id, so retrieving the intent later gives the same secret (no state kept).
        digest = hmac.new(settings.SECRET_KEY.encode(), intent_id.encode(), hashlib.sha256).hexdigest()
        return f"{intent_id}_secret_{digest[:16]}"

    def retrieve_intent(self, *, intent_id: str) -> Intent:
        # The sandbox keeps no state: our transaction says whether the intent is still open.
        return Intent(
            id=intent_id, client_secret=self._client_secret(intent_id), status="requires_payment_method", raw={}
        )

    def cancel_intent(self, *, intent_id: str) -> None:
        return None

    def refund(self, *, intent_id: str, amount: Decimal, currency: str, reference: str = "") -> str:
        return f"re_sandbox_{secrets.token_hex(8)}"

    def verify_webhook(self, *, payload: bytes, signature_header: str) -> bool:
        return False  # the sandbox settles through its own endpoint, never through webhooks


def get_card_provider() -> CardProvider:
    return StripeProvider() if settings.CARD_PROVIDER == "stripe" else SandboxProvider()
