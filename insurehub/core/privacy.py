"""Idempotency records are kept answers (a claim, a payment) for retries: erasure deletes a person's."""

from insurehub.core.models import IdempotencyRecord


def erase(user) -> dict:
    deleted, _ = IdempotencyRecord.objects.filter(user=user).delete()
    return {"idempotency_records_deleted": deleted}
