from celery import shared_task

from insurehub.privacy import services


@shared_task(name="insurehub.privacy.tasks.build_export", autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def build_export(request_id: str) -> str:
    return services.export_build(request_id=request_id).status


@shared_task(name="insurehub.privacy.tasks.apply_retention")
def apply_retention() -> dict:
    return services.retention_apply()
