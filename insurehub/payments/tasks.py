from celery import shared_task

from insurehub.payments import services
from insurehub.payments.payouts import flow
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


@shared_task(name="insurehub.payments.tasks.payout_send", calls_providers=True)
def payout_send(payout_id: str) -> str:
    """After the commit that made a payout ready: hand it to its provider (never twice)."""
    return flow.payout_send(payout_id=payout_id)


@shared_task(name="insurehub.payments.tasks.payouts_sweep", calls_providers=True)
def payouts_sweep() -> dict:
    """Beat: send M-Pesa payouts left unsent; ask M-Pesa about sent ones whose result never came."""
    return flow.payouts_sweep()
