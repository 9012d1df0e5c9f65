"""Thin Celery tasks over the assessments services."""

from celery import shared_task

from insurehub.assessments.models import Photo, PhotoStatus
from insurehub.assessments.services import photo_process
from insurehub.documents.models import ScanStatus


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def photos_process_scanned(limit: int = 200) -> int:
    """Make the served copies of photos that waited for a virus scan and are now clean."""
    waiting = Photo.objects.filter(status=PhotoStatus.AWAITING_SCAN, document__scan_status=ScanStatus.CLEAN)
    done = 0
    for photo in waiting.order_by("created_at")[:limit]:
        photo_process(photo=photo)
        done += 1
    return done
