from celery import shared_task

from insurehub.payments.services import mpesa_query_stale as query_stale


@shared_task(name="insurehub.payments.tasks.mpesa_query_stale")
def mpesa_query_stale() -> dict:
    return query_stale()
