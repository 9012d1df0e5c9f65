"""Signed outbound webhooks fed by the outbox.

Each delivery is a POST of the event envelope (JSON) with headers

    X-InsureHub-Event: claim.status_changed
    X-InsureHub-Delivery: <delivery id>
    X-InsureHub-Timestamp: <unix seconds>
    X-InsureHub-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>

A receiver recomputes the HMAC over the timestamp and the raw body and refuses timestamps
older than a few minutes (replay protection). Deliveries for the same claim go out in event
order: a failing one holds back the later ones until it succeeds or is given up on; failures
are retried with exponential backoff up to WEBHOOK_MAX_ATTEMPTS.
"""

import hashlib
import hmac
import json
import logging
import time
from datetime import timedelta

import httpx
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from insurehub.realtime.models import OutboxEvent, WebhookDelivery, WebhookSubscription

logger = logging.getLogger(__name__)


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"v1={digest}"


def verify(*, secret: str, timestamp: str, body: bytes, signature: str, tolerance: int = 300) -> bool:
    """What a receiver does (our tests use it as the receiver)."""
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs(time.time() - ts) > tolerance:
        return False
    return hmac.compare_digest(sign(secret=secret, timestamp=ts, body=body), signature)


def ordering_key(event: OutboxEvent) -> str:
    data = event.data or {}
    return str(data.get("claim_id") or data.get("claim") or "")[:64]


def deliveries_create(*, event: OutboxEvent) -> list[WebhookDelivery]:
    """Queue a delivery per interested subscription (in the publishing transaction)."""
    now = timezone.now()
    wanted = [s for s in WebhookSubscription.objects.filter(active=True) if s.wants(event.type)]
    deliveries = [
        WebhookDelivery(subscription=s, event=event, ordering_key=ordering_key(event), next_attempt_at=now)
        for s in wanted
    ]
    return WebhookDelivery.objects.bulk_create(deliveries)


def _backoff(attempts: int) -> timedelta:
    base = settings.WEBHOOK_RETRY_BASE_SECONDS
    return timedelta(seconds=min(base * (2 ** (attempts - 1)), settings.WEBHOOK_RETRY_MAX_SECONDS))


def _attempt(delivery: WebhookDelivery, client: httpx.Client) -> None:
    subscription = delivery.subscription
    body = json.dumps(delivery.event.envelope(), separators=(",", ":")).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "InsureHub-Webhooks/1",
        "X-InsureHub-Event": delivery.event.type,
        "X-InsureHub-Delivery": str(delivery.id),
        "X-InsureHub-Timestamp": str(timestamp),
        "X-InsureHub-Signature": sign(secret=subscription.secret, timestamp=timestamp, body=body),
    }
    delivery.attempts += 1
    try:
        response = client.post(subscription.url, content=body, headers=headers)
        delivery.last_status_code = response.status_code
        ok = 200 <= response.status_code < 300
        delivery.last_error = "" if ok else f"HTTP {response.status_code}"
    except httpx.HTTPError as exc:
        ok = False
        delivery.last_status_code = None
        delivery.last_error = f"{exc.__class__.__name__}: {exc}"[:500]
    now = timezone.now()
    if ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = now
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
    else:
        delivery.next_attempt_at = now + _backoff(delivery.attempts)
    delivery.save(
        update_fields=["attempts", "last_status_code", "last_error", "status", "delivered_at", "next_attempt_at"]
    )


def deliver_pending(*, subscription_id, limit: int = 200) -> dict:
    """Send what is due for one subscription, in event order, holding back later events of
    a claim whose earlier delivery is still failing. One runner per subscription at a time."""
    lock = f"webhook-runner:{subscription_id}"
    if not cache.add(lock, "1", timeout=settings.WEBHOOK_TIMEOUT_SECONDS * limit + 60):
        return {"skipped": "another runner holds this subscription"}
    counts = {"delivered": 0, "retrying": 0, "failed": 0, "held_back": 0}
    try:
        now = timezone.now()
        pending = (
            WebhookDelivery.objects.filter(subscription_id=subscription_id, status=WebhookDelivery.Status.PENDING)
            .select_related("event", "subscription")
            .order_by("event_id", "id")[:limit]
        )
        blocked: set[str] = set()
        timeout = httpx.Timeout(settings.WEBHOOK_TIMEOUT_SECONDS, connect=min(3.0, settings.WEBHOOK_TIMEOUT_SECONDS))
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            for delivery in pending:
                key = delivery.ordering_key
                if key and key in blocked:
                    counts["held_back"] += 1
                    continue
                if not delivery.subscription.active:
                    break
                if delivery.next_attempt_at > now:
                    if key:
                        blocked.add(key)
                    counts["held_back"] += 1
                    continue
                with transaction.atomic():
                    _attempt(delivery, client)
                if delivery.status == WebhookDelivery.Status.DELIVERED:
                    counts["delivered"] += 1
                elif delivery.status == WebhookDelivery.Status.FAILED:
                    counts["failed"] += 1
                else:
                    counts["retrying"] += 1
                    if key:
                        blocked.add(key)
    finally:
        cache.delete(lock)
    return counts
