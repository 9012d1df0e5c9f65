import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from insurehub.audit.models import AuditEvent
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.documents.models import Document
from insurehub.documents.storage import documents_storage
from insurehub.documents.tests import samples
from insurehub.documents.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

UPLOAD = "/api/documents/upload/"


def committed(call):
    """Run a request and then its after-commit work (eager Celery tasks), as in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call()


def upload(client, content: bytes, name: str = "file.pdf", **fields):
    return committed(
        lambda: client.post(UPLOAD, {"file": SimpleUploadedFile(name, content), **fields}, format="multipart")
    )


def stored_keys() -> list[str]:
    storage = documents_storage()
    keys = []

    def walk(prefix):
        dirs, files = storage.listdir(prefix)
        keys.extend(f"{prefix}/{f}".lstrip("/") for f in files)
        for d in dirs:
            walk(f"{prefix}/{d}".lstrip("/"))

    try:
        walk("")
    except FileNotFoundError:
        return []
    return keys


# --- upload ------------------------------------------------------------------------------


def test_upload_pdf_is_scanned_clean_stored_under_a_random_key_and_processed(clamscan, actors):
    content = samples.text_pdf(["Repair invoice", "Total: KES 12,000.00"])
    response = upload(client_for(actors["owner"]), content, "my invoice.pdf", kind="repair_invoice")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["scan_status"] == "clean"
    assert body["file_type"] == "application/pdf"
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert body["filename"] == "my invoice.pdf"
    document = Document.objects.get(pk=body["id"])
    assert "invoice" not in document.storage_key and document.storage_key.startswith("documents/")
    assert document.processing_status == "done"  # eager Celery after commit
    assert document.processed_data["fields"]["amount"][0]["value"] == "12000.00"
    actions = set(AuditEvent.objects.filter(object_id=str(document.pk)).values_list("action", flat=True))
    assert {"document.uploaded", "document.processed"} <= actions


def test_upload_eicar_is_refused_and_quarantined_never_served(clamscan, actors):
    client = client_for(actors["owner"])
    body = assert_problem(upload(client, samples.EICAR, "eicar.pdf"), 422)
    assert body["type"] == "/problems/infected"
    document = Document.objects.get(pk=body["document"])
    assert document.scan_status == "infected"
    assert document.storage_key.startswith("quarantine/")
    assert document.processing_status == "pending"  # never processed
    assert "EICAR" in document.scan_signature
    assert AuditEvent.objects.filter(action="document.quarantined", object_id=str(document.pk)).exists()
    for user in ("owner", "admin"):
        assert_problem(client_for(actors[user]).get(f"/api/documents/{document.pk}/download/"), 409)


def test_eicar_inside_docx_is_quarantined(clamscan, actors):
    content = samples.docx(["Quotation"], extra={"word/media/image1.bin": samples.EICAR})
    body = assert_problem(upload(client_for(actors["owner"]), content, "quote.docx"), 422)
    assert Document.objects.get(pk=body["document"]).file_type.endswith("wordprocessingml.document")


def test_eicar_inside_a_zip_is_quarantined_and_a_clean_zip_refused_by_type(clamscan, actors):
    client = client_for(actors["owner"])
    body = assert_problem(upload(client, samples.zip_with("x.com", samples.EICAR), "x.pdf"), 422)
    assert Document.objects.get(pk=body["document"]).file_type == "application/octet-stream"
    assert_problem(upload(client, samples.zip_with("notes.txt", b"hello"), "notes.pdf"), 415)
    assert Document.objects.count() == 1


def test_upload_over_clamd(clamd, actors):
    response = upload(client_for(actors["owner"]), samples.text_pdf(["Hello"]))
    assert response.status_code == 201
    assert Document.objects.get().scan_engine == "clamd"
    assert_problem(upload(client_for(actors["owner"]), samples.EICAR), 422)


def test_without_a_scanner_files_are_unscanned_and_served_only_to_admins(no_scanner, actors):
    response = upload(client_for(actors["owner"]), samples.text_pdf(["Hello"]))
    assert response.status_code == 201
    document = Document.objects.get()
    assert document.scan_status == "unscanned"
    assert document.processing_status == "pending"
    url = f"/api/documents/{document.pk}/download/"
    assert_problem(client_for(actors["owner"]).get(url), 409)
    response = client_for(actors["admin"]).get(url)
    assert response.status_code == 200
    assert response["X-Scan-Warning"].startswith("unscanned")


@pytest.mark.parametrize(
    "content,name,status,code",
    [
        (samples.elf_executable(), "invoice.pdf", 415, "unsupported_type"),
        (b"", "empty.pdf", 400, "empty_file"),
        (b"just some text, not a document", "notes.txt", 415, "unsupported_type"),
        (samples.png_bomb(), "bomb.png", 422, "image_too_large"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken.png", 422, "corrupt_file"),
    ],
    ids=["renamed-executable", "empty", "text", "image-bomb", "broken-png"],
)
def test_bad_files_are_refused_and_nothing_is_stored(clamscan, actors, content, name, status, code):
    body = assert_problem(upload(client_for(actors["owner"]), content, name), status)
    assert body["type"] == f"/problems/{code}"
    assert not Document.objects.exists()
    assert stored_keys() == []


def test_file_over_the_limit_is_refused_while_streaming(clamscan, settings, actors):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 10_000
    content = samples.text_pdf(["x"]) + b"%" + b"0" * 20_000
    body = assert_problem(upload(client_for(actors["owner"]), content), 413)
    assert body["type"] == "/problems/file_too_large"
    assert not Document.objects.exists()
    assert stored_keys() == []


def test_file_over_the_limit_is_refused_from_its_content_length(settings, actors):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 1000
    assert_problem(upload(client_for(actors["owner"]), b"%PDF-" + b"0" * 200_000), 413)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
        ("\x1b[31minvoice\x07\t.pdf", "[31minvoice.pdf"),
        ("\u202ereversed.pdf", "reversed.pdf"),
        ("....", "document"),
    ],
)
def test_file_names_are_cleaned_and_never_used_as_keys(clamscan, actors, name, expected):
    response = upload(client_for(actors["owner"]), samples.text_pdf([name]), name)
    assert response.status_code == 201, response.content
    document = Document.objects.get()
    assert document.filename == expected
    assert ".." not in document.storage_key
    download = client_for(actors["owner"]).get(f"/api/documents/{document.pk}/download/")
    assert "\n" not in download["Content-Disposition"] and "/" not in download["Content-Disposition"]


def test_a_duplicate_is_reported_with_the_first_document(clamscan, actors):
    client = client_for(actors["owner"])
    content = samples.text_pdf(["Same"])
    first = upload(client, content).json()
    body = assert_problem(upload(client, content, "again.pdf"), 409)
    assert body["type"] == "/problems/duplicate_document"
    assert body["document"] == first["id"]
    assert upload(client, content, "again.pdf", allow_duplicate="true").status_code == 201
    # another customer's identical file is theirs: no duplicate, and nothing about the first leaks
    assert upload(client_for(actors["other_customer"]), content).status_code == 201


def test_upload_rejects_unknown_fields(actors):
    response = upload(client_for(actors["owner"]), samples.text_pdf(["x"]), owner=str(actors["admin"].pk))
    assert_problem(response, 400)


def test_anonymous_may_not_upload():
    assert_problem(upload(client_for(None), samples.text_pdf(["x"])), 401)


# --- download ----------------------------------------------------------------------------


def test_download_streams_the_original_with_a_safe_disposition(actors):
    document = DocumentFactory(owner=actors["owner"], filename='quote "final"; v2.pdf')
    response = client_for(actors["owner"]).get(f"/api/documents/{document.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == document.sha256


def test_signed_url_is_refused_on_local_storage(actors):
    document = DocumentFactory(owner=actors["owner"])
    response = client_for(actors["owner"]).get(f"/api/documents/{document.pk}/download/", {"signed": "1"})
    assert_problem(response, 400)


# --- access ------------------------------------------------------------------------------


def test_access_matrix_read(actors):
    document = DocumentFactory(owner=actors["owner"])
    AccessMatrix(actors).assert_read(
        visible={"owner", "admin"},
        object_id=document.pk,
        detail_url=f"/api/documents/{document.pk}/",
        list_url="/api/documents/",
    )
    AccessMatrix(actors).assert_read(
        visible={"owner", "admin"}, object_id=document.pk, detail_url=f"/api/documents/{document.pk}/download/"
    )


def test_staff_see_what_they_uploaded(actors):
    document = DocumentFactory(owner=actors["assessor"])
    AccessMatrix(actors).assert_read(
        visible={"assessor", "admin"}, object_id=document.pk, detail_url=f"/api/documents/{document.pk}/"
    )


def test_access_matrix_write(actors):
    document = DocumentFactory(owner=actors["owner"])
    url = f"/api/documents/{document.pk}/"
    AccessMatrix(actors).assert_write(
        lambda client: client.patch(url, {"kind": "estimate"}), expected={"owner": 200, "admin": 200}
    )
    AccessMatrix(actors).assert_write(
        lambda client: client.post("/api/documents/process/", {"document": str(document.pk)}),
        expected={"owner": 202, "admin": 202},
    )


def test_delete_by_owner_removes_the_files(actors):
    document = DocumentFactory(owner=actors["owner"])
    key = document.storage_key
    url = f"/api/documents/{document.pk}/"
    assert_problem(client_for(actors["other_customer"]).delete(url), 404)
    with pytest.raises(Exception):  # noqa: B017 - just proving nothing changed
        assert_problem(client_for(actors["owner"]).patch(url, {"sha256": "0" * 64}), 200)
    assert committed(lambda: client_for(actors["owner"]).delete(url)).status_code == 204
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not documents_storage().exists(key)


def test_list_costs_a_constant_number_of_queries(actors):
    DocumentFactory(owner=actors["owner"])
    assert_constant_queries(
        client_for(actors["owner"]),
        "/api/documents/",
        grow=lambda: DocumentFactory.create_batch(3, owner=actors["owner"]),
        max_queries=4,
    )


def test_unknown_id_is_404(actors):
    assert_problem(client_for(actors["admin"]).get("/api/documents/00000000-0000-0000-0000-000000000000/"), 404)
