import io
import threading

import pytest
from django.db import connection
from PIL import Image

from insurehub.core.testing import client_for
from insurehub.documents import services
from insurehub.documents.models import Document
from insurehub.documents.storage import documents_storage
from insurehub.documents.tests import samples
from insurehub.documents.tests.test_api import committed, upload
from insurehub.realtime.models import OutboxEvent

pytestmark = pytest.mark.django_db


def first(document: Document, field: str):
    candidates = document.processed_data["fields"][field]
    return candidates[0] if candidates else None


def test_text_layer_pdf_needs_no_ocr(clamscan, actors):
    body = upload(client_for(actors["owner"]), samples.text_pdf(samples.V5C_LINES), "v5c.pdf").json()
    document = Document.objects.get(pk=body["id"])
    assert document.processing_status == "done", document.processing_error
    assert document.processed_data["methods"] == ["text_layer"]
    assert first(document, "vin")["value"] == "WVWZZZ1JZXW000001"
    assert first(document, "vin")["confidence"] >= 0.9
    assert first(document, "registration")["value"] == "KDA123A"
    assert document.kind == "vehicle_registration" and document.kind_guessed
    assert {"value": "2019-03-12"}.items() <= first(document, "date").items()
    assert first(document, "name")["value"] == "Jane Wanjiru"
    progress = [e.data["processing_progress"] for e in OutboxEvent.objects.filter(type="document.processed")]
    assert progress[-1] == 100 and progress == sorted(progress)


def test_scanned_pdf_is_ocrd_and_the_vin_repaired(clamscan, tesseract, actors):
    body = upload(client_for(actors["owner"]), samples.scanned_pdf(samples.V5C_LINES), "scan.pdf").json()
    document = Document.objects.get(pk=body["id"])
    assert document.processing_status == "done", document.processing_error
    assert document.processed_data["methods"] == ["ocr"]
    assert "VEHICLE REGISTRATION" in document.extracted_text.upper()
    vin = first(document, "vin")
    assert vin["value"] == "WVWZZZ1JZXW000001" and vin["method"] == "ocr" and vin["page"] == 1
    assert 0.5 < vin["confidence"] <= 1
    assert first(document, "registration")["value"] == "KDA123A"


def test_photo_gets_a_clean_served_copy_thumbnail_and_perceptual_hash(clamscan, tesseract, actors):
    content = samples.photo_jpeg(gps=True, orientation=6)
    body = upload(client_for(actors["owner"]), content, "IMG_0001.jpg", kind="photo").json()
    document = Document.objects.get(pk=body["id"])
    assert document.processing_status == "done", document.processing_error
    assert document.private_metadata["GPS"]["GPSLatitudeRef"] == "S"
    assert (document.image_width, document.image_height) == (600, 800)  # orientation 6 applied
    assert len(document.perceptual_hash) == 16
    client = client_for(actors["owner"])
    served = client.get(f"/api/documents/{document.pk}/download/")
    assert served["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as image:
        assert not image.getexif()  # no GPS, no camera
        assert image.size == (600, 800)
    original = client.get(f"/api/documents/{document.pk}/download/", {"variant": "original"})
    assert b"".join(original.streaming_content) == content  # the original is kept untouched
    thumbnail = client.get(f"/api/documents/{document.pk}/download/", {"variant": "thumbnail"})
    with Image.open(io.BytesIO(b"".join(thumbnail.streaming_content))) as image:
        assert max(image.size) <= 320


def test_docx_text_is_read(clamscan, actors):
    content = samples.docx(["Repair estimate", "Policy: POL-2026-000045", "Claim: CLM-2026-000123"])
    body = upload(client_for(actors["owner"]), content, "estimate.docx").json()
    document = Document.objects.get(pk=body["id"])
    assert first(document, "policy_number")["value"] == "POL-2026-000045"
    assert first(document, "claim_number")["value"] == "CLM-2026-000123"
    assert document.kind == "estimate"


@pytest.mark.parametrize(
    "content,code",
    [(samples.encrypted_pdf(["secret"]), "encrypted_pdf"), (samples.corrupt_pdf(), "corrupt_pdf")],
    ids=["encrypted", "corrupt"],
)
def test_unreadable_pdfs_fail_processing_with_a_clear_reason(clamscan, actors, content, code):
    body = upload(client_for(actors["owner"]), content, "file.pdf").json()
    document = Document.objects.get(pk=body["id"])
    assert document.scan_status == "clean"
    assert document.processing_status == "failed"
    assert document.processing_error.startswith(code)
    assert document.extracted_text == "" and document.processed_data == {}


def test_processing_is_idempotent(clamscan, actors):
    body = upload(client_for(actors["owner"]), samples.text_pdf(["Total: KES 10.00"]), "a.pdf").json()
    assert services.document_process(document_id=body["id"]) is None  # already done: nothing to do
    client = client_for(actors["owner"])
    response = committed(lambda: client.post("/api/documents/process/", {"document": body["id"]}))
    assert response.status_code == 202
    document = Document.objects.get(pk=body["id"])
    assert document.processing_status == "done" and document.processing_attempts == 2


def test_processing_while_running_is_409(clamscan, actors):
    body = upload(client_for(actors["owner"]), samples.text_pdf(["x" * 30]), "a.pdf").json()
    Document.objects.filter(pk=body["id"]).update(
        processing_status="processing", processing_started_at="2999-01-01T00:00Z"
    )
    response = client_for(actors["owner"]).post("/api/documents/process/", {"document": body["id"]})
    assert response.status_code == 409


def test_unclean_documents_are_never_processed(no_scanner, actors):
    body = upload(client_for(actors["owner"]), samples.text_pdf(["x" * 30]), "a.pdf").json()
    response = client_for(actors["owner"]).post("/api/documents/process/", {"document": body["id"]})
    assert response.status_code == 409
    assert services.document_process(document_id=body["id"]) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row-level concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_process_once(clamscan, actors):
    from insurehub.documents.tests.factories import DocumentFactory

    document = DocumentFactory(owner=actors["owner"])
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(services.document_process(document_id=document.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r is not None for r in results) == 1
    assert Document.objects.get(pk=document.pk).processing_attempts == 1


def test_rescan_after_a_scanner_outage(settings, clamscan, actors):
    settings.CLAMSCAN_PATH = "/nonexistent/clamscan"
    body = upload(client_for(actors["owner"]), samples.EICAR + b" " * 10, "late.pdf")
    assert body.status_code == 415  # unscanned, then refused by type: nothing stored
    content = samples.text_pdf(["Late scan"])
    body = upload(client_for(actors["owner"]), content, "late.pdf").json()
    assert body["scan_status"] == "unscanned"
    settings.CLAMSCAN_PATH = "clamscan"
    document = committed(lambda: services.document_rescan(document=Document.objects.get(pk=body["id"])))
    assert document.scan_status == "clean"
    document.refresh_from_db()
    assert document.processing_status == "done"
    assert documents_storage().exists(document.storage_key)
