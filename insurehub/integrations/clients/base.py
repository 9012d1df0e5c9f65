"""The one way InsureHub calls an outside HTTP API.

    result = SomeClient().lookup(...)   # always a ProviderResult, never an exception

Per call: configured? -> cached answer? -> breaker closed? -> rate-limit slot -> request with
connect/read timeouts, retried with exponential backoff (and jitter) on network errors,
timeouts, 5xx and 429 (honouring Retry-After up to INTEGRATIONS_RETRY_MAX_WAIT_SECONDS)
-> `parse()` maps the provider's answer to our vocabulary -> breaker and cache updated.
Other 4xx answers are final: retrying a 404 or a 400 never helps.
"""

import email.utils
import hashlib
import json
import logging
import os
import random
import threading
import time
from typing import Any

import httpx
from django.conf import settings
from django.core.cache import cache
from prometheus_client import Counter, Histogram

from insurehub.integrations.resilience import CircuitBreaker, RateLimiter
from insurehub.integrations.results import CACHEABLE, ProviderResult, ResultStatus

logger = logging.getLogger("insurehub.integrations")

PROVIDER_CALLS = Counter(
    "insurehub_integration_calls_total", "Outside provider calls by outcome", ["provider", "status"]
)
PROVIDER_LATENCY = Histogram(
    "insurehub_integration_call_seconds",
    "Outside provider call latency, retries included",
    ["provider"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


_clients: dict[tuple[int, str], httpx.Client] = {}
_clients_lock = threading.Lock()


def _http_client(provider: str) -> httpx.Client:
    """One pooled httpx client per provider and process (keeps connections and TLS sessions
    alive between calls; keyed by pid so that a forked worker never shares a parent's sockets)."""
    key = (os.getpid(), provider)
    client = _clients.get(key)
    if client is None:
        with _clients_lock:
            client = _clients.get(key)
            if client is None:
                limits = httpx.Limits(max_connections=20, max_keepalive_connections=5, keepalive_expiry=30)
                client = _clients[key] = httpx.Client(follow_redirects=False, limits=limits)
    return client


class BadResponseError(Exception):
    """The provider answered something we cannot read (not JSON, fields missing)."""


def json_body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadResponseError(
            f"answer is not JSON ({response.headers.get('content-type', 'no content type')})"
        ) from exc


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Retry-After as seconds (it may be a number or an HTTP date)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class ProviderClient:
    provider: str = ""
    base_url_setting: str = ""
    api_key_setting: str | None = None  # when set, an empty key means "not configured"
    rate_setting: str = ""
    cache_seconds: int = 24 * 3600

    # --- configuration -------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return (getattr(settings, self.base_url_setting, "") or "").rstrip("/")

    @property
    def api_key(self) -> str:
        return getattr(settings, self.api_key_setting, "") if self.api_key_setting else ""

    def is_configured(self) -> bool:
        return bool(self.base_url) and (self.api_key_setting is None or bool(self.api_key))

    def headers(self) -> dict[str, str]:
        return {"Accept": "application/json", "User-Agent": "InsureHub/1.0"}

    @property
    def breaker(self) -> CircuitBreaker:
        return CircuitBreaker(self.provider)

    @property
    def limiter(self) -> RateLimiter:
        return RateLimiter.from_setting(self.provider, getattr(settings, self.rate_setting, ""))

    # --- provider specifics ----------------------------------------------------------------
    def parse(self, response: httpx.Response) -> ProviderResult:  # pragma: no cover - abstract
        raise NotImplementedError

    # --- the call ---------------------------------------------------------------------------
    def _result(self, status: str, **kwargs) -> ProviderResult:
        return ProviderResult(provider=self.provider, status=status, **kwargs)

    def _cache_key(self, method: str, path: str, params: dict | None, body: dict | None) -> str:
        material = json.dumps([method, self.base_url, path, params or {}, body or {}], sort_keys=True, default=str)
        return f"integrations:result:{self.provider}:{hashlib.sha256(material.encode()).hexdigest()}"

    def request(
        self, method: str, path: str, *, params: dict | None = None, json_body: dict | None = None
    ) -> ProviderResult:
        started = time.perf_counter()
        result = self._request(method, path, params=params, body=json_body)
        result.elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
        PROVIDER_CALLS.labels(provider=self.provider, status=str(result.status)).inc()
        if not result.from_cache:
            PROVIDER_LATENCY.labels(provider=self.provider).observe(result.elapsed_ms / 1000)
        if result.status not in CACHEABLE and result.status != ResultStatus.NOT_CONFIGURED:
            logger.warning(
                "provider call did not succeed",
                extra={
                    "provider": self.provider,
                    "status": str(result.status),
                    "error_code": result.error_code,
                    "attempts": result.attempts,
                    "elapsed_ms": result.elapsed_ms,
                },
            )
        return result

    def _request(self, method: str, path: str, *, params: dict | None, body: dict | None) -> ProviderResult:
        if not self.is_configured():
            missing = self.api_key_setting if self.base_url else self.base_url_setting
            return self._result(
                ResultStatus.NOT_CONFIGURED,
                error_code="not_configured",
                error=f"{self.provider} is not configured (set {missing}).",
            )
        key = self._cache_key(method, path, params, body)
        cached = cache.get(key)
        if cached is not None:
            return ProviderResult(**{**cached, "from_cache": True, "attempts": 0})

        breaker = self.breaker
        if not breaker.allow():
            return self._result(
                ResultStatus.UNAVAILABLE,
                error_code="circuit_open",
                error=f"{self.provider} is failing; calls paused.",
                retry_after=round(breaker.retry_in(), 1),
            )

        result = self._send_with_retries(method, path, params=params, body=body)
        if (
            result.status in (ResultStatus.FAILED, ResultStatus.RATE_LIMITED) and result.error_code in _TRANSIENT
        ) or result.error_code == "bad_response":
            breaker.record_failure()
        elif result.error_code != "rate_limited_locally":
            breaker.record_success()
        if result.status in CACHEABLE:
            cache.set(key, {**result.as_dict(), "elapsed_ms": 0.0}, timeout=self.cache_seconds)
        return result

    def _send_with_retries(self, method: str, path: str, *, params: dict | None, body: dict | None) -> ProviderResult:
        attempts_allowed = 1 + max(0, settings.INTEGRATIONS_RETRIES)
        backoff = settings.INTEGRATIONS_RETRY_BACKOFF_SECONDS
        max_wait = settings.INTEGRATIONS_RETRY_MAX_WAIT_SECONDS
        timeout = httpx.Timeout(
            settings.INTEGRATIONS_READ_TIMEOUT,
            connect=settings.INTEGRATIONS_CONNECT_TIMEOUT,
            pool=settings.INTEGRATIONS_CONNECT_TIMEOUT,
        )
        limiter = self.limiter
        outcome: ProviderResult | None = None
        client = _http_client(self.provider)
        headers = self.headers()
        for attempt in range(1, attempts_allowed + 1):
            if not limiter.acquire(settings.INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS):
                return self._result(
                    ResultStatus.RATE_LIMITED,
                    error_code="rate_limited_locally",
                    error=f"our limit of {limiter.limit} calls per {limiter.window_seconds}s is used up",
                    attempts=attempt - 1,
                    retry_after=float(limiter.window_seconds),
                )
            wait = backoff * (2 ** (attempt - 1)) * (0.5 + random.random() / 2)  # noqa: S311  # nosec B311 - jitter
            try:
                response = client.request(
                    method, f"{self.base_url}{path}", params=params, json=body, headers=headers, timeout=timeout
                )
            except httpx.TimeoutException as exc:
                outcome = self._result(
                    ResultStatus.FAILED, error_code="timeout", error=f"{exc.__class__.__name__}", attempts=attempt
                )
            except httpx.TransportError as exc:
                outcome = self._result(
                    ResultStatus.FAILED, error_code="network", error=f"{exc.__class__.__name__}", attempts=attempt
                )
            else:
                if response.status_code == 429:
                    retry_after = retry_after_seconds(response)
                    outcome = self._result(
                        ResultStatus.RATE_LIMITED,
                        error_code="rate_limited",
                        error=f"{self.provider} asks us to slow down",
                        http_status=429,
                        attempts=attempt,
                        retry_after=retry_after,
                        raw=_safe_text(response),
                    )
                    if retry_after is not None:
                        if retry_after > max_wait:
                            return outcome
                        wait = retry_after
                elif response.status_code >= 500:
                    outcome = self._result(
                        ResultStatus.FAILED,
                        error_code="provider_error",
                        error=f"{self.provider} answered {response.status_code}",
                        http_status=response.status_code,
                        attempts=attempt,
                        raw=_safe_text(response),
                    )
                else:
                    try:
                        outcome = self.parse(response)
                    except (BadResponseError, KeyError, IndexError, TypeError, ValueError) as exc:
                        outcome = self._result(
                            ResultStatus.FAILED,
                            error_code="bad_response",
                            error=str(exc) if isinstance(exc, BadResponseError) else f"unexpected answer ({exc!r})",
                            raw=_safe_text(response),
                        )
                    outcome.http_status = response.status_code
                    outcome.attempts = attempt
                    return outcome
            if attempt < attempts_allowed:
                time.sleep(wait)
        assert outcome is not None  # nosec B101 - the loop runs at least once
        return outcome


_TRANSIENT = frozenset({"timeout", "network", "provider_error", "rate_limited"})


def _safe_text(response: httpx.Response) -> Any:
    """The answer for the record: JSON when it is JSON, else the first 2 kB of text."""
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError):
        return response.text[:2000]
