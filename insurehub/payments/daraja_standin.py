"""A local stand-in for Safaricom Daraja (M-Pesa Express), answering as its public documentation says.

Used by the tests (pointed at by the MPESA_* settings) and, in development only, by the server itself:
`make run` (DJANGO_ENV=development, MPESA_BASE_URL unset) serves it on 127.0.0.1:MPESA_STANDIN_PORT and
points MPESA_BASE_URL there, so a customer can pay by M-Pesa in the demo. Production never uses it: its
MPESA_BASE_URL is a 127.0.0.1 address, which a production process refuses.

What it speaks (developer.safaricom.co.ke, M-Pesa Express):
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

The customer's phone: in the tests nobody answers until the test calls `callback()`. With
`answer_after` set (development), the phone answers by itself that many seconds after the push and the
stand-in POSTs the callback; what the customer does depends on the last four digits of the number:
  1032 -> cancels (ResultCode 1032)            0001 -> insufficient balance (ResultCode 1)
  1037 -> cannot be reached (ResultCode 1037)  9999 -> pays, but the callback never arrives: the
  anything else -> pays (ResultCode 0)                 status query (mpesa_query_stale) settles it
"""

import base64
import json
import logging
import threading
import time
import uuid
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import httpx

logger = logging.getLogger(__name__)

TEST_KEY = "test-consumer-key"
TEST_SECRET = "test-consumer-secret"  # noqa: S105  # nosec B105
TEST_SHORTCODE = "174379"  # Daraja's public sandbox shortcode
TEST_PASSKEY = "test-passkey"

CALLBACK_LOST = "callback_lost"
# Last four digits of the customer's number -> what the customer does on the phone.
OUTCOME_BY_PHONE_SUFFIX: dict[str, int | str] = {"1032": 1032, "0001": 1, "1037": 1037, "9999": CALLBACK_LOST}


def outcome_for_phone(phone: str) -> int | str:
    """What the (simulated) customer with this number does: a ResultCode, or CALLBACK_LOST."""
    return OUTCOME_BY_PHONE_SUFFIX.get(str(phone)[-4:], 0)


class StandInHandler(BaseHTTPRequestHandler):
    server: "StandInServer"

    def log_message(self, *args):  # keep test and server output quiet
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


class StandInServer(ThreadingHTTPServer):
    daemon_threads = True
    app: "object"


def start_server(app, *, port: int = 0) -> StandInServer:
    """Serve `app` (an object with get(handler) and post(handler, body)) on 127.0.0.1:`port` (0: any
    free port) in a daemon thread; sets app.base_url. Stop it with server.shutdown(); server_close()."""
    server = StandInServer(("127.0.0.1", port), StandInHandler)
    server.app = app
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="provider-standin", daemon=True
    )
    thread.start()
    app.base_url = f"http://127.0.0.1:{server.server_port}"
    return server


@contextmanager
def serving(app, *, port: int = 0):
    server = start_server(app, port=port)
    try:
        yield app
    finally:
        server.shutdown()
        server.server_close()


def _is_loopback_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "http" and parts.hostname in {"127.0.0.1", "localhost", "::1"}


class DarajaStandIn:
    """Remembers every push; `outcome[checkout_id]` is what the customer did on their phone
    (None until they answer): 0 paid, 1032 cancelled, 1 insufficient funds, ...

    `answer_after`: None (the tests answer with `callback()`), or seconds after which the phone
    answers by itself as `outcome_for_phone` says and the callback is POSTed to the CallBackURL.
    `allow_loopback_http_callbacks`: Daraja takes https callback URLs only; in development the app
    listens on http://127.0.0.1, which this flag lets through (nothing else)."""

    RESULT_TEXT = {
        0: "The service request is processed successfully.",
        1: "The balance is insufficient for the transaction.",
        1032: "Request cancelled by user",
        1037: "DS timeout user cannot be reached",
    }

    def __init__(
        self,
        *,
        consumer_key: str = TEST_KEY,
        consumer_secret: str = TEST_SECRET,
        shortcode: str = TEST_SHORTCODE,
        passkey: str = TEST_PASSKEY,
        answer_after: float | None = None,
        allow_loopback_http_callbacks: bool = False,
    ):
        self.consumer_key, self.consumer_secret = consumer_key, consumer_secret
        self.shortcode, self.passkey = shortcode, passkey
        self.answer_after = answer_after
        self.allow_loopback_http_callbacks = allow_loopback_http_callbacks
        self.base_url = ""
        self.tokens_issued = 0
        self.pushes: dict[str, dict] = {}
        self.outcome: dict[str, int | None] = {}
        self.callbacks_sent: dict[str, int] = {}  # checkout id -> HTTP status our callback got
        self.queries = 0
        self.push_status: int = 200  # set to 500/503 to simulate an outage
        self._lock = threading.Lock()

    # -- requests ---------------------------------------------------------------------
    def get(self, h: StandInHandler) -> None:
        url = urlsplit(h.path)
        if url.path != "/oauth/v1/generate" or parse_qs(url.query).get("grant_type") != ["client_credentials"]:
            return h._send(404, {"errorMessage": "Resource not found"})
        expected = "Basic " + base64.b64encode(f"{self.consumer_key}:{self.consumer_secret}".encode()).decode()
        if h.headers.get("Authorization") != expected:
            return h._send(400, {"errorCode": "400.008.01", "errorMessage": "Invalid Authentication passed"})
        with self._lock:
            self.tokens_issued += 1
            token = f"tok{self.tokens_issued}"
        h._send(200, {"access_token": token, "expires_in": "3599"})

    def post(self, h: StandInHandler, raw: bytes) -> None:
        if not (h.headers.get("Authorization") or "").startswith("Bearer tok"):
            return h._send(401, {"errorCode": "404.001.03", "errorMessage": "Invalid Access Token"})
        try:
            body = json.loads(raw)
        except ValueError:
            return self._bad(h, "Invalid JSON")
        path = urlsplit(h.path).path
        if path == "/mpesa/stkpush/v1/processrequest":
            return self._push(h, body)
        if path == "/mpesa/stkpushquery/v1/query":
            return self._query(h, body)
        h._send(404, {"errorMessage": "Resource not found"})

    def _bad(self, h: StandInHandler, what: str) -> None:
        h._send(
            400, {"requestId": uuid.uuid4().hex, "errorCode": "400.002.02", "errorMessage": f"Bad Request - {what}"}
        )

    def _check_password(self, body: dict) -> bool:
        expected = base64.b64encode(f"{self.shortcode}{self.passkey}{body.get('Timestamp')}".encode()).decode()
        return body.get("Password") == expected and len(str(body.get("Timestamp", ""))) == 14

    def _callback_url_ok(self, url: str) -> bool:
        return url.startswith("https://") or (self.allow_loopback_http_callbacks and _is_loopback_http(url))

    def _push(self, h: StandInHandler, body: dict) -> None:
        if self.push_status != 200:
            return h._send(self.push_status, {"errorCode": "500.003.02", "errorMessage": "System is busy"})
        if not self._check_password(body):
            return self._bad(h, "Invalid Password")
        if not isinstance(body.get("Amount"), int) or body["Amount"] < 1:
            return self._bad(h, "Invalid Amount")
        phone = str(body.get("PhoneNumber", ""))
        if not (phone.startswith("254") and len(phone) == 12 and phone.isdigit()):
            return self._bad(h, "Invalid PhoneNumber")
        if body.get("TransactionType") != "CustomerPayBillOnline" or not self._callback_url_ok(
            str(body.get("CallBackURL", ""))
        ):
            return self._bad(h, "Invalid CallBackURL")
        if len(body.get("AccountReference", "")) > 12 or len(body.get("TransactionDesc", "")) > 13:
            return self._bad(h, "Invalid AccountReference")
        checkout_id = f"ws_CO_{time.strftime('%d%m%Y%H%M%S')}{uuid.uuid4().hex[:10]}"
        merchant_id = f"{uuid.uuid4().int % 100000}-{uuid.uuid4().int % 10**8}-1"
        with self._lock:
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
        if self.answer_after is not None:
            timer = threading.Timer(self.answer_after, self._phone_answers, args=(checkout_id,))
            timer.daemon = True
            timer.start()

    def _query(self, h: StandInHandler, body: dict) -> None:
        with self._lock:
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

    def _phone_answers(self, checkout_id: str) -> None:
        """The simulated customer answers; the callback is POSTed as Daraja posts it (retried a few
        times while the app is unreachable or does not know the push yet)."""
        push = self.pushes[checkout_id]
        outcome = outcome_for_phone(push["PhoneNumber"])
        if outcome == CALLBACK_LOST:
            self.outcome[checkout_id] = 0  # paid; only the status query will tell
            return
        _, body = self.callback(checkout_id, result_code=int(outcome))
        status = 0
        for attempt in range(4):
            try:
                status = httpx.post(push["CallBackURL"], json=body, timeout=10).status_code
            except httpx.HTTPError as exc:
                logger.warning("Daraja stand-in: callback not delivered (%s)", exc.__class__.__name__)
                status = 0
            if status and status != 404 and status < 500:
                break
            time.sleep(0.5 * 2**attempt)
        self.callbacks_sent[checkout_id] = status


@contextmanager
def daraja_standin(settings, **options):
    """A stand-in on a free port with `settings` (pytest-django's fixture, or django.conf.settings)
    pointing the MPESA_* values at it."""
    standin = DarajaStandIn(**options)
    with serving(standin):
        settings.MPESA_BASE_URL = standin.base_url
        settings.MPESA_CONSUMER_KEY = standin.consumer_key
        settings.MPESA_CONSUMER_SECRET = standin.consumer_secret
        settings.MPESA_SHORTCODE = standin.shortcode
        settings.MPESA_PASSKEY = standin.passkey
        settings.MPESA_CALLBACK_BASE_URL = "https://insurehub.example"
        settings.MPESA_CALLBACK_SECRET = "callback-secret-for-tests"  # noqa: S105  # nosec B105
        yield standin


_development_server: StandInServer | None = None
_development_lock = threading.Lock()


def start_for_development(settings) -> DarajaStandIn | None:
    """Serve the stand-in on the port MPESA_BASE_URL names (development: http://127.0.0.1:PORT),
    with the credentials the settings hold, answering pushes after MPESA_STANDIN_ANSWER_SECONDS.
    Once per process; returns None (and logs why) when the port is taken."""
    global _development_server
    with _development_lock:
        if _development_server is not None:
            return _development_server.app  # type: ignore[return-value]  # the DarajaStandIn served below
        url = urlsplit(settings.MPESA_BASE_URL)
        if not _is_loopback_http(settings.MPESA_BASE_URL) or not url.port:
            raise ValueError(f"The Daraja stand-in serves http://127.0.0.1:<port> only, not {settings.MPESA_BASE_URL}")
        standin = DarajaStandIn(
            consumer_key=settings.MPESA_CONSUMER_KEY,
            consumer_secret=settings.MPESA_CONSUMER_SECRET,
            shortcode=settings.MPESA_SHORTCODE,
            passkey=settings.MPESA_PASSKEY,
            answer_after=settings.MPESA_STANDIN_ANSWER_SECONDS,
            allow_loopback_http_callbacks=True,
        )
        try:
            _development_server = start_server(standin, port=url.port)
        except OSError as exc:
            logger.error(
                "Daraja stand-in not started: 127.0.0.1:%s is taken (%s); set MPESA_STANDIN_PORT", url.port, exc
            )
            return None
        logger.warning(
            "M-Pesa goes to the Daraja stand-in at %s (development only; phone numbers ending 1032, 0001, "
            "1037 and 9999 cancel, lack funds, are unreachable, or lose the callback)",
            standin.base_url,
        )
        return standin
