from celery import shared_task

from insurehub.policies.services import policies_apply_time


@shared_task(name="insurehub.policies.tasks.apply_time")
def apply_time() -> dict:
    return policies_apply_time()
