"""Assessment photos go through the documents app's one image pipeline: each photo is processed
once (one served copy, one thumbnail), and its perceptual hash shares one reuse index with the
claims' documents, so a picture reused between a claim document and another claim's assessment
photo is flagged either way (Hamming distance, not only equal hashes)."""

import io

import pytest
from django.test import TestCase
from PIL import Image

from insurehub.alerts.models import Alert
from insurehub.assessments import services
from insurehub.assessments.models import Photo, PhotoStatus
from insurehub.assessments.tasks import photos_process_scanned
from insurehub.assessments.tests.factories import claim_for_assessment, photo_bytes
from insurehub.audit.models import AuditEvent
from insurehub.core.testing import client_for
from insurehub.documents import media
from insurehub.documents import services as document_services
from insurehub.documents.models import Document, ImageHashBand

pytestmark = pytest.mark.django_db


def _files(settings) -> set[str]:
    root = settings.MEDIA_ROOT
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _near_copy(raw: bytes) -> bytes:
    """The same picture cropped by a few pixels and recompressed: a few bits of its hash change."""
    buffer = io.BytesIO()
    image = Image.open(io.BytesIO(raw))
    image.crop((6, 4, image.width - 6, image.height - 4)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def committed(call):
    """Run a write and then its after-commit work (eager tasks: the processing job), as in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call()


def _photo(assessment, user, raw: bytes, name: str = "damage.jpg") -> Photo:
    [photo] = committed(
        lambda: services.photo_upload(
            assessment=assessment,
            uploads=[services.PhotoUpload(file=io.BytesIO(raw), filename=name, size=len(raw))],
            uploaded_by=user,
        )
    )
    return Photo.objects.select_related("document").get(pk=photo.pk)


def _claim_document(owner, raw: bytes, claim, name: str) -> Document:
    document = committed(
        lambda: document_services.document_upload(
            owner=owner, file=io.BytesIO(raw), filename=name, size=len(raw), kind="photo", claim=claim
        )
    )
    document.refresh_from_db()
    return document


def _prepared_runs(document: Document) -> int:
    return AuditEvent.objects.filter(action="document.image_prepared", object_id=str(document.pk)).count()


@pytest.fixture
def claim(actors):
    return claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])


@pytest.fixture
def assessment(claim, actors):
    return services.assessment_create(claim=claim, created_by=actors["agent"])


@pytest.fixture
def other_claim(actors):
    return claim_for_assessment(customer=actors["other_customer"], agent=actors["agent"], assessor=actors["assessor"])


@pytest.mark.usefixtures("clean_scans")
def test_a_photo_is_processed_once_into_one_served_copy_and_one_thumbnail(assessment, actors, settings):
    before = _files(settings)
    photo = _photo(assessment, actors["assessor"], photo_bytes(seed=61, size=(200, 120), gps=True))
    document = photo.document
    assert photo.status == PhotoStatus.READY
    # One run of the image pipeline, and one processing job (text), which left the image alone.
    assert _prepared_runs(document) == 1
    assert document.processing_attempts == 1 and document.processing_status in ("done", "failed")
    # On disk: the original, one served copy, one thumbnail; nothing else.
    assert _files(settings) - before == {document.storage_key, document.served_key, document.thumbnail_key}
    assert document.thumbnail_key.endswith(".webp") and document.served_key.endswith(".jpg")
    # Nothing left to do for anyone: the job, the waiting-photos task, a second preparation.
    assert document_services.document_process(document_id=document.pk) is None
    assert photos_process_scanned() == 0
    document_services.document_prepare_image(document=document)
    assert _prepared_runs(document) == 1 and _files(settings) - before == {
        document.storage_key,
        document.served_key,
        document.thumbnail_key,
    }
    # The gallery serves the documents app's copies.
    client = client_for(actors["assessor"])
    url = f"/api/assessments/{assessment.pk}/photos/{photo.pk}/"
    body = client.get(url).json()
    assert (body["width"], body["height"], body["served_size"]) == (200, 120, document.served_size)
    assert body["perceptual_hash"] == document.perceptual_hash and body["document"] == str(document.pk)
    assert body["original_metadata"]["Model"] == "Phone 12"
    thumbnail = client.get(url + "thumbnail/")
    assert thumbnail["Content-Type"] == "image/webp"
    with document_services.documents_storage().open(document.thumbnail_key, "rb") as handle:
        assert b"".join(thumbnail.streaming_content) == handle.read()


def test_a_photo_that_waited_for_its_scan_is_processed_once_too(no_scanner, assessment, actors, settings):
    photo = _photo(assessment, actors["assessor"], photo_bytes(seed=62, size=(120, 90)))
    document = photo.document
    assert photo.status == PhotoStatus.AWAITING_SCAN and _prepared_runs(document) == 0
    Document.objects.filter(pk=document.pk).update(scan_status="clean")  # as a later scan would say
    document_services.document_process(document_id=document.pk)  # the job the clean scan queues
    assert committed(photos_process_scanned) == 1
    photo.refresh_from_db()
    assert photo.status == PhotoStatus.READY
    assert _prepared_runs(document) == 1
    assert ImageHashBand.objects.filter(document=document, claim=assessment.claim).count() == 8


@pytest.mark.usefixtures("clean_scans")
def test_a_claim_document_reused_as_another_claims_assessment_photo_is_flagged(claim, other_claim, actors):
    original = photo_bytes(seed=33, size=(300, 200))
    document = _claim_document(actors["owner"], original, claim, "front.jpg")
    assert document.perceptual_hash and not Alert.objects.exists()
    other = services.assessment_create(claim=other_claim, created_by=actors["agent"])
    photo = _photo(other, actors["assessor"], _near_copy(original))
    distance = media.hash_distance(document.perceptual_hash, photo.document.perceptual_hash)
    assert 1 <= distance <= 6  # not the same hash: found by Hamming distance
    flagged = Alert.objects.get(kind="photo_duplicate", claim=other_claim)
    [match] = flagged.data["matches"]
    assert match == {
        "photo": None,
        "document": str(document.pk),
        "claim": str(claim.pk),
        "claim_number": claim.claim_number,
        "distance": distance,
    }
    # The claim whose document was reused hears of it too.
    assert Alert.objects.get(kind="photo_duplicate", claim=claim).data["photo"] is None


@pytest.mark.usefixtures("clean_scans")
def test_an_assessment_photo_reused_as_another_claims_document_is_flagged(assessment, other_claim, actors):
    original = photo_bytes(seed=33, size=(300, 200))
    photo = _photo(assessment, actors["assessor"], original)
    copy = _near_copy(original)
    document = _claim_document(actors["other_customer"], copy, other_claim, "mine.jpg")
    distance = media.hash_distance(document.perceptual_hash, photo.document.perceptual_hash)
    assert 1 <= distance <= 6
    alert = Alert.objects.get(kind="photo_reused", claim=other_claim)
    assert alert.data["document"] == str(document.pk)
    assert alert.data["matches"] == [
        {
            "document": str(photo.document_id),
            "claim": str(assessment.claim_id),
            "claim_number": assessment.claim.claim_number,
            "distance": distance,
        }
    ]


@pytest.mark.usefixtures("clean_scans")
def test_a_photos_document_is_deleted_with_the_photo_only(assessment, actors, settings):
    photo = _photo(assessment, actors["assessor"], photo_bytes(seed=63))
    document = photo.document
    response = client_for(actors["assessor"]).delete(f"/api/documents/{document.pk}/")
    assert response.status_code == 409 and response.json()["type"] == "/problems/document_in_use"
    assert Photo.objects.filter(pk=photo.pk).exists()
    committed(lambda: services.photo_delete(photo=photo, deleted_by=actors["assessor"]))
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not ImageHashBand.objects.filter(document_id=document.pk).exists()
    assert _files(settings) == set()  # original, served copy and thumbnail gone
