"""Safaricom Daraja (M-Pesa Express / STK push) client.

- OAuth: GET {base}/oauth/v1/generate?grant_type=client_credentials, HTTP Basic with the
  consumer key and secret -> {"access_token", "expires_in"} (cached until shortly before expiry).
- STK push: POST {base}/mpesa/stkpush/v1/processrequest with BusinessShortCode, Password
  (base64 of shortcode + passkey + timestamp), Timestamp (YYYYMMDDHHmmss), TransactionType
  "CustomerPayBillOnline", Amount (whole shillings), PartyA/PhoneNumber (2547XXXXXXXX), PartyB,
  CallBackURL, AccountReference (max 12), TransactionDesc (max 13)
  -> {"MerchantRequestID", "CheckoutRequestID", "ResponseCode": "0", "ResponseDescription", "CustomerMessage"}.
- Query: POST {base}/mpesa/stkpushquery/v1/query with BusinessShortCode, Password, Timestamp,
  CheckoutRequestID -> {"ResponseCode", "ResultCode", "ResultDesc", ...}.
- B2C (money out): POST {base}/mpesa/b2c/v3/paymentrequest with OriginatorConversationID (ours: the
  payout's reference), InitiatorName, SecurityCredential (the initiator's password encrypted with the
  M-Pesa public certificate, RSA PKCS#1 v1.5, base64), CommandID (BusinessPayment, SalaryPayment or
  PromotionPayment), Amount (whole shillings), PartyA (our B2C shortcode), PartyB (2547XXXXXXXX),
  Remarks, QueueTimeOutURL, ResultURL, Occasion -> {"ConversationID", "OriginatorConversationID",
  "ResponseCode": "0", "ResponseDescription"}. The outcome is POSTed to ResultURL later:
  {"Result": {"ResultType", "ResultCode", "ResultDesc", "OriginatorConversationID", "ConversationID",
  "TransactionID", "ResultParameters": {"ResultParameter": [{"Key": "TransactionReceipt", "Value"}, ...]}}};
  ResultCode 0 is paid, anything else failed (ResultDesc says why). A request stuck in Daraja's queue is
  reported to QueueTimeOutURL (same shape): its outcome is unknown, not failed.
- Transaction status: POST {base}/mpesa/transactionstatus/v1/query with Initiator, SecurityCredential,
  CommandID "TransactionStatusQuery", OriginatorConversationID (of the payment asked about),
  TransactionID (its receipt, when known), PartyA, IdentifierType "4", ResultURL, QueueTimeOutURL,
  Remarks, Occasion -> accepted like B2C; the answer is POSTed to that ResultURL with ResultParameters
  (ReceiptNo, Amount, TransactionStatus "Completed" | ...) and ReferenceData echoing the Occasion.
- The callback we receive: {"Body": {"stkCallback": {"MerchantRequestID", "CheckoutRequestID",
  "ResultCode", "ResultDesc", "CallbackMetadata": {"Item": [{"Name": "Amount", "Value": ...},
  {"Name": "MpesaReceiptNumber", ...}, {"Name": "TransactionDate", ...}, {"Name": "PhoneNumber", ...}]}}}}.
"""

import base64
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from insurehub.payments import daraja_standin

NAIROBI = ZoneInfo("Africa/Nairobi")


class DarajaError(Exception):
    def __init__(self, message: str, *, retryable: bool = False):
        super().__init__(message)
        self.retryable = retryable


def normalise_phone(raw: str) -> str:
    """07XXXXXXXX, +2547XXXXXXXX, 2547XXXXXXXX, 7XXXXXXXX (and 01... numbers) -> 2547XXXXXXXX."""
    digits = re.sub(r"[\s+()-]", "", raw or "")
    if re.fullmatch(r"0[17]\d{8}", digits):
        digits = "254" + digits[1:]
    elif re.fullmatch(r"[17]\d{8}", digits):
        digits = "254" + digits
    if not re.fullmatch(r"254[17]\d{8}", digits):
        raise ValueError("Enter a Kenyan mobile number such as 0712345678 or +254712345678.")
    return digits


def whole_shillings(amount: Decimal) -> int:
    """Daraja takes whole shillings; a fractional amount is rounded up (never under-collect)."""
    return int(amount.to_integral_value(rounding=ROUND_CEILING))


def payable_by_b2c(amount: Decimal) -> bool:
    """B2C sends whole shillings only. A payout with cents is not rounded either way (up would pay
    more than was approved, down less than owed): it is refused before it is sent."""
    return amount == amount.to_integral_value() and amount >= 1


B2C_COMMANDS = ("BusinessPayment", "SalaryPayment", "PromotionPayment")


def b2c_certificate_pem() -> bytes:
    """The M-Pesa public certificate that encrypts the initiator's password: MPESA_B2C_CERTIFICATE (a
    PEM, or the path of one); in development with the stand-in, the stand-in's own certificate."""
    configured = settings.MPESA_B2C_CERTIFICATE.strip()
    if configured.startswith("-----BEGIN"):
        return configured.encode()
    if configured:
        return Path(configured).read_bytes()
    if settings.MPESA_STANDIN:
        return daraja_standin.development_certificate_pem()
    raise ImproperlyConfigured("MPESA_B2C_CERTIFICATE is not set: B2C cannot encrypt its security credential.")


def security_credential(password: str, certificate_pem: bytes) -> str:
    """Daraja's SecurityCredential: the initiator password encrypted with the public key of M-Pesa's
    certificate (RSA, PKCS#1 v1.5 padding), base64."""
    public_key = x509.load_pem_x509_certificate(certificate_pem).public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise ImproperlyConfigured("The M-Pesa certificate does not hold an RSA key.")
    return base64.b64encode(public_key.encrypt(password.encode(), padding.PKCS1v15())).decode()


def result_parameters(result: dict) -> dict:
    """{"Key": ..., "Value": ...} items of a B2C or status result as a dict."""
    items = (result.get("ResultParameters") or {}).get("ResultParameter") or []
    if isinstance(items, dict):
        items = [items]
    return {item.get("Key"): item.get("Value") for item in items if isinstance(item, dict)}


def reference_data(result: dict) -> dict:
    items = (result.get("ReferenceData") or {}).get("ReferenceItem") or []
    if isinstance(items, dict):
        items = [items]
    return {item.get("Key"): item.get("Value") for item in items if isinstance(item, dict)}


@dataclass(frozen=True)
class B2CAccepted:
    conversation_id: str
    originator_conversation_id: str
    raw: dict


@dataclass(frozen=True)
class StkPushResult:
    merchant_request_id: str
    checkout_request_id: str
    customer_message: str
    raw: dict


class DarajaClient:
    def __init__(self):
        self.base_url = settings.MPESA_BASE_URL.rstrip("/")
        self.consumer_key = settings.MPESA_CONSUMER_KEY
        self.consumer_secret = settings.MPESA_CONSUMER_SECRET
        self.shortcode = settings.MPESA_SHORTCODE
        self.passkey = settings.MPESA_PASSKEY
        self.timeout = httpx.Timeout(settings.MPESA_TIMEOUT_SECONDS, connect=5.0)

    @property
    def configured(self) -> bool:
        return bool(self.consumer_key and self.consumer_secret and self.shortcode and self.passkey)

    @property
    def b2c_configured(self) -> bool:
        return bool(self.consumer_key and self.consumer_secret and settings.MPESA_B2C_INITIATOR_NAME)

    @property
    def b2c_shortcode(self) -> str:
        return settings.MPESA_B2C_SHORTCODE or self.shortcode

    def _credential(self) -> str:
        return security_credential(settings.MPESA_B2C_INITIATOR_PASSWORD, b2c_certificate_pem())

    def _password(self, timestamp: str) -> str:
        return base64.b64encode(f"{self.shortcode}{self.passkey}{timestamp}".encode()).decode()

    def _token(self) -> str:
        cache_key = f"daraja-token:{self.base_url}:{self.consumer_key}"
        token = cache.get(cache_key)
        if token:
            return token
        try:
            response = httpx.get(
                f"{self.base_url}/oauth/v1/generate",
                params={"grant_type": "client_credentials"},
                auth=(self.consumer_key, self.consumer_secret),
                timeout=self.timeout,
            )
        except httpx.HTTPError as exc:
            raise DarajaError(f"M-Pesa is unreachable ({exc.__class__.__name__})", retryable=True) from exc
        if response.status_code != 200:
            raise DarajaError(
                f"M-Pesa refused our credentials (HTTP {response.status_code})", retryable=response.status_code >= 500
            )
        try:
            body = response.json()
            token = body["access_token"]
            expires_in = int(body.get("expires_in", 3599))
        except (ValueError, KeyError, TypeError) as exc:
            raise DarajaError("M-Pesa answered the token request without a token", retryable=True) from exc
        cache.set(cache_key, token, timeout=max(60, expires_in - 60))
        return token

    def _post(self, path: str, payload: dict) -> dict:
        try:
            response = httpx.post(
                f"{self.base_url}{path}",
                json=payload,
                headers={"Authorization": f"Bearer {self._token()}"},
                timeout=self.timeout,
            )
        except httpx.HTTPError as exc:
            raise DarajaError(f"M-Pesa is unreachable ({exc.__class__.__name__})", retryable=True) from exc
        try:
            body = response.json()
        except ValueError as exc:
            raise DarajaError(f"M-Pesa answered HTTP {response.status_code} without JSON", retryable=True) from exc
        if response.status_code >= 500:
            raise DarajaError(body.get("errorMessage", f"HTTP {response.status_code}"), retryable=True)
        if response.status_code >= 400:
            raise DarajaError(body.get("errorMessage", f"HTTP {response.status_code}"))
        return body

    def stk_push(
        self, *, phone: str, amount: Decimal, reference: str, description: str, callback_url: str
    ) -> StkPushResult:
        timestamp = datetime.now(NAIROBI).strftime("%Y%m%d%H%M%S")
        body = self._post(
            "/mpesa/stkpush/v1/processrequest",
            {
                "BusinessShortCode": self.shortcode,
                "Password": self._password(timestamp),
                "Timestamp": timestamp,
                "TransactionType": "CustomerPayBillOnline",
                "Amount": whole_shillings(amount),
                "PartyA": phone,
                "PartyB": self.shortcode,
                "PhoneNumber": phone,
                "CallBackURL": callback_url,
                "AccountReference": reference[:12],
                "TransactionDesc": description[:13],
            },
        )
        if str(body.get("ResponseCode")) != "0":
            raise DarajaError(body.get("ResponseDescription", "STK push refused"))
        return StkPushResult(
            merchant_request_id=body["MerchantRequestID"],
            checkout_request_id=body["CheckoutRequestID"],
            customer_message=body.get("CustomerMessage", ""),
            raw=body,
        )

    def b2c_payment(
        self,
        *,
        reference: str,
        phone: str,
        amount: Decimal,
        remarks: str,
        occasion: str,
        result_url: str,
        timeout_url: str,
    ) -> B2CAccepted:
        """Ask M-Pesa to send `amount` (whole shillings, payable_by_b2c) to `phone`; `reference` is our
        OriginatorConversationID. Raises DarajaError when it is not accepted."""
        body = self._post(
            "/mpesa/b2c/v3/paymentrequest",
            {
                "OriginatorConversationID": reference,
                "InitiatorName": settings.MPESA_B2C_INITIATOR_NAME,
                "SecurityCredential": self._credential(),
                "CommandID": settings.MPESA_B2C_COMMAND_ID,
                "Amount": int(amount),
                "PartyA": self.b2c_shortcode,
                "PartyB": phone,
                "Remarks": remarks[:100] or "Payout",
                "QueueTimeOutURL": timeout_url,
                "ResultURL": result_url,
                "Occasion": occasion[:100],
            },
        )
        if str(body.get("ResponseCode")) != "0":
            raise DarajaError(body.get("ResponseDescription", "B2C request refused"))
        return B2CAccepted(
            conversation_id=str(body.get("ConversationID", "")),
            originator_conversation_id=str(body.get("OriginatorConversationID", reference)),
            raw=body,
        )

    def transaction_status(self, *, reference: str, receipt: str = "", result_url: str, timeout_url: str) -> dict:
        """Ask about the payment whose OriginatorConversationID is `reference` (and whose receipt is
        `receipt`, when known); the answer comes to `result_url` with `reference` as its Occasion."""
        payload = {
            "Initiator": settings.MPESA_B2C_INITIATOR_NAME,
            "SecurityCredential": self._credential(),
            "CommandID": "TransactionStatusQuery",
            "OriginatorConversationID": reference,
            "PartyA": self.b2c_shortcode,
            "IdentifierType": "4",
            "ResultURL": result_url,
            "QueueTimeOutURL": timeout_url,
            "Remarks": "Payout status",
            "Occasion": reference,
        }
        if receipt:
            payload["TransactionID"] = receipt
        body = self._post("/mpesa/transactionstatus/v1/query", payload)
        if str(body.get("ResponseCode")) != "0":
            raise DarajaError(body.get("ResponseDescription", "status query refused"))
        return body

    def stk_query(self, *, checkout_request_id: str) -> dict:
        timestamp = datetime.now(NAIROBI).strftime("%Y%m%d%H%M%S")
        return self._post(
            "/mpesa/stkpushquery/v1/query",
            {
                "BusinessShortCode": self.shortcode,
                "Password": self._password(timestamp),
                "Timestamp": timestamp,
                "CheckoutRequestID": checkout_request_id,
            },
        )


def callback_metadata(callback: dict) -> dict:
    items = callback.get("CallbackMetadata", {}).get("Item", [])
    return {item.get("Name"): item.get("Value") for item in items if isinstance(item, dict)}
