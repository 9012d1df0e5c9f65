"""SMS providers: one interface, a real HTTP client (Africa's Talking) and a console provider.

Africa's Talking: POST {base}/version1/messaging, form fields username, to, message[, from],
headers `apiKey` and `Accept: application/json`. The answer lists each recipient with a
statusCode (100 Processed, 101 Sent, 102 Queued are successes; 401-409 are permanent refusals
such as 403 InvalidPhoneNumber or 405 InsufficientBalance; 500-502 are gateway faults worth a retry).
"""

import logging
from dataclasses import dataclass

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SMSResult:
    ok: bool
    provider_id: str = ""
    cost: str = ""
    error: str = ""
    retryable: bool = False


class SMSProvider:
    name = "base"

    def send(self, *, to: str, message: str) -> SMSResult:  # pragma: no cover - interface
        raise NotImplementedError


class ConsoleSMSProvider(SMSProvider):
    """The embedded default: writes the message to the log instead of a phone."""

    name = "console"

    def send(self, *, to: str, message: str) -> SMSResult:
        logger.info("sms (console provider)", extra={"to": to, "sms_body": message})
        return SMSResult(ok=True, provider_id="console")


_SUCCESS_CODES = {100, 101, 102}
_RETRYABLE_CODES = {500, 501, 502}


class AfricasTalkingProvider(SMSProvider):
    name = "africastalking"

    def __init__(self, *, base_url: str, username: str, api_key: str, sender_id: str = "", timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.username = username
        self.api_key = api_key
        self.sender_id = sender_id
        self.timeout = timeout

    def send(self, *, to: str, message: str) -> SMSResult:
        form = {"username": self.username, "to": to, "message": message}
        if self.sender_id:
            form["from"] = self.sender_id
        headers = {"apiKey": self.api_key, "Accept": "application/json"}
        try:
            response = httpx.post(
                f"{self.base_url}/version1/messaging",
                data=form,
                headers=headers,
                timeout=httpx.Timeout(self.timeout, connect=3.0),
            )
        except httpx.HTTPError as exc:
            return SMSResult(ok=False, error=f"{exc.__class__.__name__}: {exc}"[:500], retryable=True)
        if response.status_code >= 500 or response.status_code == 429:
            return SMSResult(ok=False, error=f"HTTP {response.status_code}", retryable=True)
        if response.status_code >= 400:
            return SMSResult(ok=False, error=f"HTTP {response.status_code}: {response.text[:200]}")
        try:
            recipients = response.json()["SMSMessageData"]["Recipients"]
        except (ValueError, KeyError, TypeError):
            return SMSResult(ok=False, error="unreadable answer from the provider", retryable=True)
        if not recipients:
            return SMSResult(ok=False, error=response.json()["SMSMessageData"].get("Message", "no recipient"))
        first = recipients[0]
        code = int(first.get("statusCode", 0))
        if code in _SUCCESS_CODES:
            return SMSResult(ok=True, provider_id=first.get("messageId", ""), cost=first.get("cost", ""))
        return SMSResult(
            ok=False, error=f"{code} {first.get('status', '')}".strip(), retryable=code in _RETRYABLE_CODES
        )


def get_provider() -> SMSProvider:
    if settings.SMS_PROVIDER == "africastalking":
        return AfricasTalkingProvider(
            base_url=settings.AFRICASTALKING_BASE_URL,
            username=settings.AFRICASTALKING_USERNAME,
            api_key=settings.AFRICASTALKING_API_KEY,
            sender_id=settings.AFRICASTALKING_SENDER_ID,
        )
    return ConsoleSMSProvider()
