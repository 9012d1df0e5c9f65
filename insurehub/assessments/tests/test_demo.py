import shutil

import pytest
from django.core.management import call_command
from django.test import TestCase

from insurehub.assessments.models import Photo, PhotoStatus
from insurehub.documents.models import Document

pytestmark = pytest.mark.django_db


def _seed():
    with TestCase.captureOnCommitCallbacks(execute=True):  # the jobs after commit, as without a broker
        call_command("seed_demo")


def test_a_first_run_without_a_scanner_is_finished_by_the_next_seed(settings, clean_scans):
    """`make run` before ClamAV was there left the demo photos and documents waiting; the next
    `make run` (seed_demo again, with a scanner) scans them and makes the photos' copies."""
    settings.CLAMSCAN_PATH = "/nonexistent/clamscan"
    _seed()
    photos = Photo.objects.all()
    assert photos.count() >= 2
    assert set(photos.values_list("status", flat=True)) == {PhotoStatus.AWAITING_SCAN}
    assert set(Document.objects.values_list("scan_status", flat=True)) == {"unscanned"}

    settings.CLAMSCAN_PATH = "clamscan"
    _seed()
    for photo in Photo.objects.all():
        assert photo.status == PhotoStatus.READY
        assert photo.document.thumbnail_key and photo.document.served_key and photo.document.perceptual_hash
    assert set(Document.objects.values_list("scan_status", flat=True)) == {"clean"}
    if shutil.which("tesseract"):
        scan = Document.objects.get(filename="v5c-scan.pdf")
        assert scan.processing_status == "done", scan.processing_error
        assert scan.processed_data["methods"] == ["ocr"]


def test_with_a_scanner_the_first_seed_makes_ready_photos(clean_scans):
    _seed()
    assert set(Photo.objects.values_list("status", flat=True)) == {PhotoStatus.READY}
