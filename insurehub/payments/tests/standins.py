"""Local stand-ins for the payment providers, answering as their public documentation says.

Each runs a stdlib HTTP server on 127.0.0.1 in a thread; the tests point our settings at it,
so our real httpx clients are exercised end to end (nothing of ours is patched).

Safaricom Daraja (developer.safaricom.co.ke, M-Pesa Express):
- GET  /oauth/v1/generate?grant_type=client_credentials (HTTP Basic key:secret)
       -> 200 {"access_token", "expires_in": "3599"}; wrong credentials -> 400 with errorCode/errorMessage.
- POST /mpesa/stkpush/v1/processrequest (Bearer) -> 200 {"MerchantRequestID", "CheckoutRequestID",
       "ResponseCode": "0", "ResponseDescription", "CustomerMessage"}; an invalid field -> 400
       {"requestId", "errorCode": "400.002.02", "errorMessage": "Bad Request - Invalid ..."}.
- POST /mpesa/stkpushquery/v1/query -> while the customer has not answered: 500 {"errorCode":
       "500.001.1001", "errorMessage": "The transaction is being processed"}; afterwards 200
       {"ResponseCode": "0", "ResultCode": "0" | "1032" | ..., "ResultDesc", "CheckoutRequestID", ...}.
- The callback Daraja POSTs to CallBackURL: {"Body": {"stkCallback": {"MerchantRequestID",
       "CheckoutRequestID", "ResultCode", "ResultDesc", "CallbackMetadata": {"Item": [...]}}}}.

Stripe (docs.stripe.com/api): form-encoded POST /v1/payment_intents and /v1/refunds with
`Authorization: Bearer sk_...`; errors are {"error": {"type", "code", "message"}} with 4xx.
Webhooks are signed `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(whsec, "<t>.<body>")>`.
"""

import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DARAJA_KEY = "test-consumer-key"
DARAJA_SECRET = "test-consumer-secret"
DARAJA_SHORTCODE = "174379"
DARAJA_PASSKEY = "test-passkey"
STRIPE_SECRET = "sk_test_standin"
STRIPE_WEBHOOK_SECRET = "whsec_standin"


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: dict) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self):
        self.server.app.get(self)

    def do_POST(self):
        self.server.app.post(self, self._body())


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    app: "object"


@contextmanager
def _serving(app):
    server = _Server(("127.0.0.1", 0), _Handler)
    server.app = app
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    app.base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        yield app
    finally:
        server.shutdown()
        server.server_close()


class DarajaStandIn:
    """Remembers every push; `outcome[checkout_id]` is what the customer did on their phone
    (None until they answer): 0 paid, 1032 cancelled, 1 insufficient funds, ..."""

    RESULT_TEXT = {
        0: "The service request is processed successfully.",
        1: "The balance is insufficient for the transaction.",
        1032: "Request cancelled by user",
        1037: "DS timeout user cannot be reached",
    }

    def __init__(self):
        self.base_url = ""
        self.tokens_issued = 0
        self.pushes: dict[str, dict] = {}
        self.outcome: dict[str, int | None] = {}
        self.queries = 0
        self.push_status: int = 200  # set to 500/503 to simulate an outage

    # -- requests ---------------------------------------------------------------------
    def get(self, h: _Handler) -> None:
        url = urlsplit(h.path)
        if url.path != "/oauth/v1/generate" or parse_qs(url.query).get("grant_type") != ["client_credentials"]:
            return h._send(404, {"errorMessage": "Resource not found"})
        expected = "Basic " + base64.b64encode(f"{DARAJA_KEY}:{DARAJA_SECRET}".encode()).decode()
        if h.headers.get("Authorization") != expected:
            return h._send(400, {"errorCode": "400.008.01", "errorMessage": "Invalid Authentication passed"})
        self.tokens_issued += 1
        h._send(200, {"access_token": f"tok{self.tokens_issued}", "expires_in": "3599"})

    def post(self, h: _Handler, raw: bytes) -> None:
        if not (h.headers.get("Authorization") or "").startswith("Bearer tok"):
            return h._send(401, {"errorCode": "404.001.03", "errorMessage": "Invalid Access Token"})
        body = json.loads(raw)
        path = urlsplit(h.path).path
        if path == "/mpesa/stkpush/v1/processrequest":
            return self._push(h, body)
        if path == "/mpesa/stkpushquery/v1/query":
            return self._query(h, body)
        h._send(404, {"errorMessage": "Resource not found"})

    def _bad(self, h: _Handler, what: str) -> None:
        h._send(
            400, {"requestId": uuid.uuid4().hex, "errorCode": "400.002.02", "errorMessage": f"Bad Request - {what}"}
        )

    def _check_password(self, body: dict) -> bool:
        expected = base64.b64encode(f"{DARAJA_SHORTCODE}{DARAJA_PASSKEY}{body.get('Timestamp')}".encode()).decode()
        return body.get("Password") == expected and len(str(body.get("Timestamp", ""))) == 14

    def _push(self, h: _Handler, body: dict) -> None:
        if self.push_status != 200:
            return h._send(self.push_status, {"errorCode": "500.003.02", "errorMessage": "System is busy"})
        if not self._check_password(body):
            return self._bad(h, "Invalid Password")
        if not isinstance(body.get("Amount"), int) or body["Amount"] < 1:
            return self._bad(h, "Invalid Amount")
        phone = str(body.get("PhoneNumber", ""))
        if not (phone.startswith("254") and len(phone) == 12 and phone.isdigit()):
            return self._bad(h, "Invalid PhoneNumber")
        if body.get("TransactionType") != "CustomerPayBillOnline" or not str(body.get("CallBackURL", "")).startswith(
            "https://"
        ):
            return self._bad(h, "Invalid CallBackURL")
        if len(body.get("AccountReference", "")) > 12 or len(body.get("TransactionDesc", "")) > 13:
            return self._bad(h, "Invalid AccountReference")
        checkout_id = f"ws_CO_{time.strftime('%d%m%Y%H%M%S')}{uuid.uuid4().hex[:10]}"
        merchant_id = f"{uuid.uuid4().int % 100000}-{uuid.uuid4().int % 10**8}-1"
        self.pushes[checkout_id] = {**body, "MerchantRequestID": merchant_id}
        self.outcome[checkout_id] = None
        h._send(
            200,
            {
                "MerchantRequestID": merchant_id,
                "CheckoutRequestID": checkout_id,
                "ResponseCode": "0",
                "ResponseDescription": "Success. Request accepted for processing",
                "CustomerMessage": "Success. Request accepted for processing",
            },
        )

    def _query(self, h: _Handler, body: dict) -> None:
        self.queries += 1
        if not self._check_password(body):
            return self._bad(h, "Invalid Password")
        checkout_id = body.get("CheckoutRequestID")
        if checkout_id not in self.pushes:
            return self._bad(h, "Invalid CheckoutRequestID")
        code = self.outcome[checkout_id]
        if code is None:
            return h._send(500, {"errorCode": "500.001.1001", "errorMessage": "The transaction is being processed"})
        h._send(
            200,
            {
                "ResponseCode": "0",
                "ResponseDescription": "The service request has been accepted successsfully",
                "MerchantRequestID": self.pushes[checkout_id]["MerchantRequestID"],
                "CheckoutRequestID": checkout_id,
                "ResultCode": str(code),
                "ResultDesc": self.RESULT_TEXT.get(code, "Failed"),
            },
        )

    # -- what the phone does ------------------------------------------------------------
    @property
    def last_checkout_id(self) -> str:
        return list(self.pushes)[-1]

    def callback(self, checkout_id: str, *, result_code: int = 0, amount: int | None = None) -> tuple[str, dict]:
        """The customer answers on the phone: returns (our callback path with its query, JSON body)
        exactly as Daraja posts it to the CallBackURL it was given."""
        push = self.pushes[checkout_id]
        self.outcome[checkout_id] = result_code
        callback = {
            "MerchantRequestID": push["MerchantRequestID"],
            "CheckoutRequestID": checkout_id,
            "ResultCode": result_code,
            "ResultDesc": self.RESULT_TEXT.get(result_code, "Failed"),
        }
        if result_code == 0:
            callback["CallbackMetadata"] = {
                "Item": [
                    {"Name": "Amount", "Value": push["Amount"] if amount is None else amount},
                    {"Name": "MpesaReceiptNumber", "Value": f"NLJ{uuid.uuid4().hex[:7].upper()}"},
                    {"Name": "Balance"},
                    {"Name": "TransactionDate", "Value": int(time.strftime("%Y%m%d%H%M%S"))},
                    {"Name": "PhoneNumber", "Value": int(push["PhoneNumber"])},
                ]
            }
        url = urlsplit(push["CallBackURL"])
        return f"{url.path}?{url.query}", {"Body": {"stkCallback": callback}}


@contextmanager
def daraja_standin(settings):
    standin = DarajaStandIn()
    with _serving(standin):
        settings.MPESA_BASE_URL = standin.base_url
        settings.MPESA_CONSUMER_KEY = DARAJA_KEY
        settings.MPESA_CONSUMER_SECRET = DARAJA_SECRET
        settings.MPESA_SHORTCODE = DARAJA_SHORTCODE
        settings.MPESA_PASSKEY = DARAJA_PASSKEY
        settings.MPESA_CALLBACK_BASE_URL = "https://insurehub.example"
        settings.MPESA_CALLBACK_SECRET = "callback-secret-for-tests"
        yield standin


class StripeStandIn:
    def __init__(self):
        self.base_url = ""
        self.intents: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.idempotency: dict[str, dict] = {}

    def get(self, h: _Handler) -> None:
        h._send(404, {"error": {"type": "invalid_request_error", "message": "Unrecognized request URL"}})

    def post(self, h: _Handler, raw: bytes) -> None:
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
    with _serving(standin):
        settings.CARD_PROVIDER = "stripe"
        settings.STRIPE_BASE_URL = standin.base_url
        settings.STRIPE_SECRET_KEY = STRIPE_SECRET
        settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
        yield standin
