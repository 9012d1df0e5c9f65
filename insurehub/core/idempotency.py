"""`Idempotency-Key`: a request retried after a lost answer is answered, not done twice.

Every write that creates or moves money requires the header (400 `idempotency_key_required` without it);
filing a claim accepts it. The first request with a key stores its answer; a repeat with the same key and
the same body gets that answer again (same status and body, header `Idempotent-Replayed: true`) without
doing anything; the same key with another body, or on another operation, is refused (422
`idempotency_key_reused`); a repeat while the first is still running gets 409 `request_in_progress`.
A first attempt that was refused (an error) may be retried with its key. Keys are per user.
Stored answers are kept for RETENTION_IDEMPOTENCY_DAYS (7 days; the daily retention task removes older
ones with `purge_expired`): a key sent again later than that is a new request. That is also how a key
whose first attempt died mid-way without an answer (a killed process) stops answering 409.

Two ways to run the work:
- `atomic=True` (writes that stay in our database): the key, the work and its answer commit in one
  transaction, so either all of it happened (a retry replays the answer, even if something after the
  commit failed) or none of it (a retry does the work). A concurrent repeat waits for the first to commit
  and then replays it.
- `atomic=False` (writes that call a provider, which must happen outside our transactions): the key is
  claimed first, then the work runs; its answer is stored when it returns, and the claim is released when it
  raises.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response

from insurehub.core.errors import ApplicationError
from insurehub.core.models import IdempotencyRecord

__all__ = ["IDEMPOTENCY_KEY", "IDEMPOTENCY_KEY_OPTIONAL", "REPLAYED_HEADER", "idempotent", "purge_expired"]

HEADER = "HTTP_IDEMPOTENCY_KEY"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 128

_KEY_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH}

# The header as the OpenAPI schema documents it on each operation that takes it.
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    _KEY_SCHEMA,
    OpenApiParameter.HEADER,
    required=True,
    description="Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same "
    "action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice.",
)
IDEMPOTENCY_KEY_OPTIONAL = OpenApiParameter(
    "Idempotency-Key",
    _KEY_SCHEMA,
    OpenApiParameter.HEADER,
    required=False,
    description="One unique key (e.g. a UUID) per user action, sent again unchanged when the same action is "
    "retried: a repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice.",
)


def _key(request, *, required: bool) -> str | None:
    key = request.META.get(HEADER, "").strip()
    if not key:
        if required:
            raise ApplicationError(
                "idempotency_key_required",
                "This request moves money: send an Idempotency-Key header (a new UUID per action, the same one "
                "when retrying it).",
                errors=[{"field": "Idempotency-Key", "message": "This header is required.", "code": "required"}],
            )
        return None
    if len(key) > MAX_KEY_LENGTH:
        raise ApplicationError(
            "bad_idempotency_key",
            f"Idempotency-Key may be at most {MAX_KEY_LENGTH} characters.",
            errors=[{"field": "Idempotency-Key", "message": "Too long.", "code": "max_length"}],
        )
    return key


def _fingerprint(request) -> str:
    body = request.data if isinstance(request.data, dict) else {}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def _claim(request, *, key: str, endpoint: str, fingerprint: str) -> IdempotencyRecord | Response:
    """The new record claiming `key`, or the answer to a repeat (a replay, or an error raised)."""
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(
                user=request.user, key=key, endpoint=endpoint, request_hash=fingerprint
            )
    except IntegrityError:
        pass
    record = IdempotencyRecord.objects.get(user=request.user, key=key)
    if record.endpoint != endpoint or record.request_hash != fingerprint:
        raise ApplicationError(
            "idempotency_key_reused", "This Idempotency-Key was used for a different request.", status=422
        )
    if record.response_status is None:
        raise ApplicationError("request_in_progress", "A request with this Idempotency-Key is running.", status=409)
    response = Response(record.response_body, status=record.response_status)
    response[REPLAYED_HEADER] = "true"
    return response


def _store(record: IdempotencyRecord, response: Response) -> None:
    IdempotencyRecord.objects.filter(pk=record.pk).update(
        response_status=response.status_code, response_body=json.loads(json.dumps(response.data, default=str))
    )


def idempotent(
    request, *, endpoint: str, handler: Callable[[], Response], required: bool = True, atomic: bool = True
) -> Response:
    """Run `handler` once per Idempotency-Key of the caller (see the module's docstring).

    `endpoint` names the operation and its object (e.g. `refund.decide.<id>`): a key is good for one.
    `required=False` runs the handler as it is when no key is sent.
    """
    key = _key(request, required=required)
    if key is None:
        return handler()
    fingerprint = _fingerprint(request)
    if atomic:
        with transaction.atomic():
            claimed = _claim(request, key=key, endpoint=endpoint, fingerprint=fingerprint)
            if isinstance(claimed, Response):
                return claimed
            response = handler()
            _store(claimed, response)
        return response
    claimed = _claim(request, key=key, endpoint=endpoint, fingerprint=fingerprint)
    if isinstance(claimed, Response):
        return claimed
    try:
        response = handler()
    except BaseException:
        claimed.delete()  # a refused or failed attempt may be retried with the same key
        raise
    _store(claimed, response)
    return response


def purge_expired(*, now: datetime | None = None) -> int:
    """Remove the stored answers older than RETENTION_IDEMPOTENCY_DAYS; the number removed."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_IDEMPOTENCY_DAYS)
    return IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()[0]
