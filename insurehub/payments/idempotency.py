"""`Idempotency-Key` on writes that move money: a replay returns the first answer.

The first request with a key stores its answer; a repeat with the same key and the same body
gets that answer again (and the `Idempotent-Replayed: true` header) without doing anything; the
same key with a different body is refused (422); a repeat while the first is still running gets 409.
"""

import hashlib
import json

from django.db import IntegrityError, transaction
from rest_framework.response import Response

from insurehub.core.errors import ApplicationError
from insurehub.payments.models import IdempotencyRecord

HEADER = "HTTP_IDEMPOTENCY_KEY"


def _fingerprint(request) -> str:
    body = request.data if isinstance(request.data, dict) else {}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def idempotent(request, *, endpoint: str, handler) -> Response:
    key = request.META.get(HEADER, "").strip()
    if not key:
        return handler()
    if len(key) > 128:
        raise ApplicationError("bad_idempotency_key", "Idempotency-Key may be at most 128 characters.")
    fingerprint = _fingerprint(request)
    try:
        with transaction.atomic():
            record = IdempotencyRecord.objects.create(
                user=request.user, key=key, endpoint=endpoint, request_hash=fingerprint
            )
    except IntegrityError:
        record = IdempotencyRecord.objects.get(user=request.user, key=key)
        if record.endpoint != endpoint or record.request_hash != fingerprint:
            raise ApplicationError(
                "idempotency_key_reused", "This Idempotency-Key was used for a different request.", status=422
            ) from None
        if record.response_status is None:
            raise ApplicationError(
                "request_in_progress", "A request with this Idempotency-Key is running.", status=409
            ) from None
        response = Response(record.response_body, status=record.response_status)
        response["Idempotent-Replayed"] = "true"
        return response
    try:
        response = handler()
    except Exception:
        record.delete()  # a failed attempt may be retried with the same key
        raise
    IdempotencyRecord.objects.filter(pk=record.pk).update(
        response_status=response.status_code, response_body=json.loads(json.dumps(response.data, default=str))
    )
    return response
