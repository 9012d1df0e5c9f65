"""Document jobs: thin, idempotent, retried on passing failures."""

from celery import shared_task

from insurehub.documents import resumable, selectors, services


@shared_task(
    autoretry_for=(OSError, ConnectionError),
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=4,
    acks_late=True,
)
def document_process_task(document_id: str) -> str:
    document = services.document_process(document_id=document_id)
    return document.processing_status if document else "skipped"


@shared_task
def documents_rescan_unfinished() -> int:
    """Periodic: scan again what a scanner outage left as pending, error or unscanned."""
    count = 0
    for document in selectors.documents_needing_scan()[:200]:
        services.document_rescan(document=document)
        count += 1
    return count


@shared_task
def document_uploads_expire_task() -> int:
    """Periodic: expire resumable uploads idle past their TTL and remove their partial bytes."""
    return resumable.uploads_expire()
