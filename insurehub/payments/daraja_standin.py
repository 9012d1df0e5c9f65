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
- POST /mpesa/b2c/v3/paymentrequest (money out) -> 200 {"ConversationID", "OriginatorConversationID",
       "ResponseCode": "0", "ResponseDescription"}; a malformed field -> 400 as above. The
       SecurityCredential is decrypted with the stand-in's private key (its certificate is what the app
       encrypts with): a wrong initiator or password is answered, as Daraja does, by a result with
       ResultCode 2001 "The initiator information is invalid.". A repeated OriginatorConversationID is
       answered with the first acceptance and pays nothing again.
       The result POSTed to ResultURL: {"Result": {"ResultType": 0, "ResultCode", "ResultDesc",
       "OriginatorConversationID", "ConversationID", "TransactionID", "ResultParameters":
       {"ResultParameter": [{"Key": "TransactionAmount"}, {"Key": "TransactionReceipt"}, ...]},
       "ReferenceData": {"ReferenceItem": {"Key": "QueueTimeoutURL", "Value"}}}}; a request that times
       out in the queue is POSTed (same shape, ResultType 1) to QueueTimeOutURL and never paid.
- POST /mpesa/transactionstatus/v1/query -> 200 accepted; the answer POSTed to its ResultURL: ResultCode 0
       with ResultParameters ReceiptNo, Amount, TransactionStatus ("Completed" for a paid payout,
       "Failed" for one that failed) and ReferenceData {"Occasion": the query's Occasion}; a payment the
       stand-in never paid (unknown, or timed out in the queue) -> ResultCode 2032 "The transaction does not exist."

B2C in the tests: `b2c_mode` says what happens to every payout ("pay", "insufficient_funds", "queue_timeout",
"lost": paid but no result ever comes, "duplicate": the result comes twice); the test delivers results
with `b2c_result()` / `b2c_timeout()` / `status_result()`. With `answer_after` set (development) the stand-in
POSTs them itself, the mode chosen by the last four digits of PartyB (B2C_MODE_BY_PHONE_SUFFIX).

The customer's phone: in the tests nobody answers until the test calls `callback()`. With
`answer_after` set (development), the phone answers by itself that many seconds after the push and the
stand-in POSTs the callback; what the customer does depends on the last four digits of the number:
  1032 -> cancels (ResultCode 1032)            0001 -> insufficient balance (ResultCode 1)
  1037 -> cannot be reached (ResultCode 1037)  9999 -> pays, but the callback never arrives: the
  anything else -> pays (ResultCode 0)                 status query (mpesa_query_stale) settles it
"""

import base64
import datetime
import json
import logging
import threading
import time
import uuid
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

logger = logging.getLogger(__name__)
_development_lock = threading.RLock()

TEST_KEY = "test-consumer-key"
TEST_SECRET = "test-consumer-secret"  # noqa: S105  # nosec B105
TEST_SHORTCODE = "174379"  # Daraja's public sandbox shortcode
TEST_PASSKEY = "test-passkey"

TEST_B2C_SHORTCODE = "600000"
TEST_INITIATOR = "testapi"
TEST_INITIATOR_PASSWORD = "Safaricom999!*!"  # noqa: S105  # nosec B105  # the sandbox's published one

CALLBACK_LOST = "callback_lost"
B2C_MODES = ("pay", "insufficient_funds", "queue_timeout", "lost", "duplicate")
# Development: the last four digits of PartyB -> what happens to a payout to that number.
B2C_MODE_BY_PHONE_SUFFIX = {"1001": "insufficient_funds", "1037": "queue_timeout", "9999": "lost", "2222": "duplicate"}
# Last four digits of the customer's number -> what the customer does on the phone.
OUTCOME_BY_PHONE_SUFFIX: dict[str, int | str] = {"1032": 1032, "0001": 1, "1037": 1037, "9999": CALLBACK_LOST}


def outcome_for_phone(phone: str) -> int | str:
    """What the (simulated) customer with this number does: a ResultCode, or CALLBACK_LOST."""
    return OUTCOME_BY_PHONE_SUFFIX.get(str(phone)[-4:], 0)


def new_key_pair() -> tuple[rsa.RSAPrivateKey, bytes]:
    """An RSA key and a self-signed certificate of its public key (PEM): M-Pesa's certificate stand-in."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Daraja stand-in")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    return key, certificate.public_bytes(serialization.Encoding.PEM)


_development_keys: tuple[rsa.RSAPrivateKey, bytes] | None = None


def development_keys() -> tuple[rsa.RSAPrivateKey, bytes]:
    """The development stand-in's key pair, made once per process (the app encrypts with its certificate)."""
    global _development_keys
    with _development_lock:
        if _development_keys is None:
            _development_keys = new_key_pair()
        return _development_keys


def development_certificate_pem() -> bytes:
    return development_keys()[1]


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
        b2c_shortcode: str = TEST_B2C_SHORTCODE,
        initiator_name: str = TEST_INITIATOR,
        initiator_password: str = TEST_INITIATOR_PASSWORD,
        keys: tuple[rsa.RSAPrivateKey, bytes] | None = None,
        b2c_mode: str = "pay",
    ):
        self.consumer_key, self.consumer_secret = consumer_key, consumer_secret
        self.b2c_shortcode, self.initiator_name, self.initiator_password = (
            b2c_shortcode,
            initiator_name,
            initiator_password,
        )
        self.private_key, self.certificate_pem = keys or new_key_pair()
        if b2c_mode not in B2C_MODES:
            raise ValueError(f"b2c_mode is one of {B2C_MODES}")
        self.b2c_mode = b2c_mode
        # OriginatorConversationID -> the request, with "ConversationID", "mode", and what became of it:
        # "outcome" None (not processed yet), "paid", "failed" or "timed_out"; "receipt" when paid.
        self.payouts: dict[str, dict] = {}
        self.b2c_results_sent: list[tuple[str, int]] = []  # (OriginatorConversationID, HTTP status we got)
        self.status_queries: list[dict] = []
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
        if path == "/mpesa/b2c/v3/paymentrequest":
            return self._b2c(h, body)
        if path == "/mpesa/transactionstatus/v1/query":
            return self._status_query(h, body)
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

    # -- B2C ------------------------------------------------------------------------------
    def _credential_ok(self, name: str, credential: str) -> bool:
        try:
            password = self.private_key.decrypt(base64.b64decode(credential), padding.PKCS1v15()).decode()
        except (ValueError, TypeError):
            return False
        return name == self.initiator_name and password == self.initiator_password

    def _b2c(self, h: StandInHandler, body: dict) -> None:
        if self.push_status != 200:
            return h._send(self.push_status, {"errorCode": "500.003.02", "errorMessage": "System is busy"})
        originator = str(body.get("OriginatorConversationID") or "")
        with self._lock:
            earlier = self.payouts.get(originator)
        if earlier is not None:  # the same request again: the first acceptance, nothing paid twice
            return h._send(200, self._b2c_accepted(earlier))
        if not originator:
            return self._bad(h, "Invalid OriginatorConversationID")
        if body.get("CommandID") not in ("BusinessPayment", "SalaryPayment", "PromotionPayment"):
            return self._bad(h, "Invalid CommandID")
        if not isinstance(body.get("Amount"), int) or body["Amount"] < 1:
            return self._bad(h, "Invalid Amount")
        if str(body.get("PartyA")) != self.b2c_shortcode:
            return self._bad(h, "Invalid PartyA")
        phone = str(body.get("PartyB", ""))
        if not (phone.startswith("254") and len(phone) == 12 and phone.isdigit()):
            return self._bad(h, "Invalid PartyB")
        if not all(self._callback_url_ok(str(body.get(url, ""))) for url in ("ResultURL", "QueueTimeOutURL")):
            return self._bad(h, "Invalid ResultURL")
        mode = self.b2c_mode
        if self.answer_after is not None:
            mode = B2C_MODE_BY_PHONE_SUFFIX.get(phone[-4:], "pay")
        payout = {
            **body,
            "ConversationID": f"AG_{time.strftime('%Y%m%d')}_{uuid.uuid4().hex[:20]}",
            "mode": mode,
            "credential_ok": self._credential_ok(
                str(body.get("InitiatorName", "")), str(body.get("SecurityCredential", ""))
            ),
            "outcome": None,
            "receipt": "",
        }
        with self._lock:
            self.payouts[originator] = payout
        h._send(200, self._b2c_accepted(payout))
        if self.answer_after is not None:
            timer = threading.Timer(self.answer_after, self._b2c_answers, args=(originator,))
            timer.daemon = True
            timer.start()

    @staticmethod
    def _b2c_accepted(payout: dict) -> dict:
        return {
            "ConversationID": payout["ConversationID"],
            "OriginatorConversationID": payout["OriginatorConversationID"],
            "ResponseCode": "0",
            "ResponseDescription": "Accept the service request successfully.",
        }

    @property
    def last_payout_id(self) -> str:
        return list(self.payouts)[-1]

    def b2c_result(self, originator: str) -> tuple[str, dict]:
        """M-Pesa processes the payout (as its mode says, once: a second call repeats the first result)
        and reports to ResultURL: returns (our ResultURL's path with its query, the JSON body)."""
        payout = self.payouts[originator]
        with self._lock:
            if payout["outcome"] is None:
                if not payout["credential_ok"]:
                    payout["outcome"], payout["code"] = "failed", 2001
                elif payout["mode"] == "insufficient_funds":
                    payout["outcome"], payout["code"] = "failed", 1
                else:
                    payout["outcome"], payout["code"] = "paid", 0
                    payout["receipt"] = f"UB{uuid.uuid4().hex[:8].upper()}"
        code = payout["code"]
        result: dict = {
            "ResultType": 0,
            "ResultCode": code,
            "ResultDesc": {
                0: "The service request is processed successfully.",
                1: "The balance is insufficient for the transaction.",
                2001: "The initiator information is invalid.",
            }[code],
            "OriginatorConversationID": originator,
            "ConversationID": payout["ConversationID"],
            "TransactionID": payout["receipt"] or f"UB{uuid.uuid4().hex[:8].upper()}",
            "ReferenceData": {"ReferenceItem": {"Key": "QueueTimeoutURL", "Value": payout["QueueTimeOutURL"]}},
        }
        if code == 0:
            result["ResultParameters"] = {
                "ResultParameter": [
                    {"Key": "TransactionAmount", "Value": payout["Amount"]},
                    {"Key": "TransactionReceipt", "Value": payout["receipt"]},
                    {"Key": "B2CRecipientIsRegisteredCustomer", "Value": "Y"},
                    {"Key": "B2CChargesPaidAccountAvailableFunds", "Value": 0.0},
                    {"Key": "ReceiverPartyPublicName", "Value": f"{payout['PartyB']} - Stand-in Customer"},
                    {"Key": "TransactionCompletedDateTime", "Value": time.strftime("%d.%m.%Y %H:%M:%S")},
                    {"Key": "B2CUtilityAccountAvailableFunds", "Value": 100000.0},
                    {"Key": "B2CWorkingAccountAvailableFunds", "Value": 900000.0},
                ]
            }
        url = urlsplit(payout["ResultURL"])
        return f"{url.path}?{url.query}", {"Result": result}

    def b2c_timeout(self, originator: str) -> tuple[str, dict]:
        """The request timed out in M-Pesa's queue (never paid): the notice POSTed to QueueTimeOutURL."""
        payout = self.payouts[originator]
        payout["outcome"] = "timed_out"
        url = urlsplit(payout["QueueTimeOutURL"])
        body = {
            "Result": {
                "ResultType": 1,
                "ResultCode": "SVC0403",
                "ResultDesc": "The request timed out in the queue.",
                "OriginatorConversationID": originator,
                "ConversationID": payout["ConversationID"],
                "TransactionID": "",
            }
        }
        return f"{url.path}?{url.query}", body

    def _status_query(self, h: StandInHandler, body: dict) -> None:
        if not self._credential_ok(str(body.get("Initiator", "")), str(body.get("SecurityCredential", ""))):
            return self._bad(h, "Invalid SecurityCredential")
        if body.get("CommandID") != "TransactionStatusQuery" or not self._callback_url_ok(
            str(body.get("ResultURL", ""))
        ):
            return self._bad(h, "Invalid ResultURL")
        with self._lock:
            self.status_queries.append(body)
        h._send(
            200,
            {
                "OriginatorConversationID": uuid.uuid4().hex[:20],
                "ConversationID": f"AG_{time.strftime('%Y%m%d')}_{uuid.uuid4().hex[:20]}",
                "ResponseCode": "0",
                "ResponseDescription": "Accept the service request successfully.",
            },
        )
        if self.answer_after is not None:
            timer = threading.Timer(self.answer_after, self._post_status_result, args=(body,))
            timer.daemon = True
            timer.start()

    def status_result(self, query: dict | None = None) -> tuple[str, dict]:
        """The answer to a status query (the last one by default), as POSTed to its ResultURL. A payout
        in mode "lost" was paid: asking about it is how it is learnt."""
        query = query or self.status_queries[-1]
        payout = self.payouts.get(str(query.get("OriginatorConversationID", "")))
        if payout is not None and payout["outcome"] is None and payout["mode"] == "lost":
            self.b2c_result(payout["OriginatorConversationID"])
        result: dict = {
            "ResultType": 0,
            "OriginatorConversationID": uuid.uuid4().hex[:20],
            "ConversationID": f"AG_{time.strftime('%Y%m%d')}_{uuid.uuid4().hex[:20]}",
            "TransactionID": "",
            "ReferenceData": {"ReferenceItem": {"Key": "Occasion", "Value": query.get("Occasion", "")}},
        }
        if payout is None or payout["outcome"] in (None, "timed_out"):
            result.update(ResultCode=2032, ResultDesc="The transaction does not exist.")
        else:
            result.update(ResultCode=0, ResultDesc="The service request is processed successfully.")
            result["ResultParameters"] = {
                "ResultParameter": [
                    {"Key": "ReceiptNo", "Value": payout["receipt"]},
                    {"Key": "Amount", "Value": payout["Amount"]},
                    {"Key": "TransactionStatus", "Value": "Completed" if payout["outcome"] == "paid" else "Failed"},
                    {"Key": "ReasonType", "Value": "Business Payment to Customer via API"},
                    {"Key": "CreditPartyName", "Value": f"{payout['PartyB']} - Stand-in Customer"},
                ]
            }
        url = urlsplit(str(query["ResultURL"]))
        return f"{url.path}?{url.query}", {"Result": result}

    def _deliver(self, url: str, body: dict) -> int:
        status = 0
        for attempt in range(4):
            try:
                status = httpx.post(url, json=body, timeout=10).status_code
            except httpx.HTTPError as exc:
                logger.warning("Daraja stand-in: callback not delivered (%s)", exc.__class__.__name__)
                status = 0
            if status and status != 404 and status < 500:
                break
            time.sleep(0.5 * 2**attempt)
        return status

    def _b2c_answers(self, originator: str) -> None:
        """Development: M-Pesa processes the payout as its mode says and POSTs the outcome."""
        payout = self.payouts[originator]
        if payout["mode"] == "lost":
            self.b2c_result(originator)  # paid; only the status query will tell
            return
        if payout["mode"] == "queue_timeout":
            _, body = self.b2c_timeout(originator)
            self.b2c_results_sent.append((originator, self._deliver(payout["QueueTimeOutURL"], body)))
            return
        _, body = self.b2c_result(originator)
        for _ in range(2 if payout["mode"] == "duplicate" else 1):
            self.b2c_results_sent.append((originator, self._deliver(payout["ResultURL"], body)))

    def _post_status_result(self, query: dict) -> None:
        _, body = self.status_result(query)
        self._deliver(str(query["ResultURL"]), body)

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
        settings.MPESA_B2C_SHORTCODE = standin.b2c_shortcode
        settings.MPESA_B2C_INITIATOR_NAME = standin.initiator_name
        settings.MPESA_B2C_INITIATOR_PASSWORD = standin.initiator_password
        settings.MPESA_B2C_CERTIFICATE = standin.certificate_pem.decode()
        yield standin


_development_server: StandInServer | None = None


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
            b2c_shortcode=settings.MPESA_B2C_SHORTCODE,
            initiator_name=settings.MPESA_B2C_INITIATOR_NAME,
            initiator_password=settings.MPESA_B2C_INITIATOR_PASSWORD,
            keys=development_keys(),
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
            "1037 and 9999 cancel, lack funds, are unreachable, or lose the callback; B2C payouts to numbers "
            "ending 1001, 1037, 9999 and 2222 lack funds, time out in the queue, lose the result, or get it twice)",
            standin.base_url,
        )
        return standin
