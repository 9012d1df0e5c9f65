"""Thin Celery tasks: they take ids, call a service, and retry while a provider is failing.

`calls_providers=True`: they call outside providers, and retry_unfinished (periodic) finishes what
they leave undone, so seed_demo may defer them (insurehub.core.tasks.providers_deferred)."""

from celery import shared_task

from insurehub.integrations import services

MAX_RETRIES = 6


def _countdown(retries: int) -> int:
    return min(3600, 60 * 2**retries)  # 1, 2, 4, ... minutes, at most an hour


@shared_task(
    bind=True, name="insurehub.integrations.tasks.run_vehicle_check", max_retries=MAX_RETRIES, calls_providers=True
)
def run_vehicle_check(self, check_id: str) -> str:
    check = services.vehicle_check_run(check_id=check_id)
    if not check.is_final and not self.request.is_eager:
        raise self.retry(countdown=_countdown(self.request.retries))
    return check.status


@shared_task(name="insurehub.integrations.tasks.retry_unfinished")
def retry_unfinished() -> int:
    """Beat: enqueue again what a failing provider left unfinished (the safety net when
    retries ran out, or when tasks run eagerly without a broker and cannot be retried)."""
    return services.unfinished_retry_enqueue()


@shared_task(bind=True, name="insurehub.integrations.tasks.enrich_claim", max_retries=MAX_RETRIES, calls_providers=True)
def enrich_claim(self, claim_id: str) -> str:
    enrichment = services.claim_enrich_run(claim_id=claim_id)
    if enrichment.status != "complete" and not self.request.is_eager:
        raise self.retry(countdown=_countdown(self.request.retries))
    return enrichment.status
