from celery import shared_task

from insurehub.claims.services import claims_flag_periodic


@shared_task(name="insurehub.claims.tasks.flag_sla_and_stalled")
def flag_sla_and_stalled() -> dict:
    return claims_flag_periodic()
