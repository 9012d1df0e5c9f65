from celery import shared_task

from insurehub.payments import services
from insurehub.payments.services import mpesa_query_stale as query_stale


@shared_task(name="insurehub.payments.tasks.mpesa_query_stale")
def mpesa_query_stale() -> dict:
    return query_stale()


@shared_task(name="insurehub.payments.tasks.card_refunds_reconcile")
def card_refunds_reconcile() -> dict:
    """Beat: card refunds whose provider answer was lost are asked about again (same idempotency key)."""
    return services.card_refunds_reconcile()


@shared_task(name="insurehub.payments.tasks.card_intents_cancel")
def card_intents_cancel(intent_ids: list[str]) -> int:
    return services.card_intents_cancel(intent_ids=intent_ids)
