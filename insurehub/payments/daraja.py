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
- The callback we receive: {"Body": {"stkCallback": {"MerchantRequestID", "CheckoutRequestID",
  "ResultCode", "ResultDesc", "CallbackMetadata": {"Item": [{"Name": "Amount", "Value": ...},
  {"Name": "MpesaReceiptNumber", ...}, {"Name": "TransactionDate", ...}, {"Name": "PhoneNumber", ...}]}}}}.
"""

import base64
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from zoneinfo import ZoneInfo

import httpx
from django.conf import settings
from django.core.cache import cache

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
