"""Documents on local disk are sealed (core.encrypted_storage): the upload, its re-encoded copy and
thumbnail hold no plaintext on disk, while scanning (real ClamAV), OCR (real Tesseract), thumbnailing
and downloads work on the plaintext; a tampered file answers the one error shape."""

import hashlib
import io
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from insurehub.core.encrypted_storage import MAGIC
from insurehub.core.models import FileKey
from insurehub.core.testing import assert_problem, client_for
from insurehub.documents.models import Document
from insurehub.documents.storage import documents_storage
from insurehub.documents.tests import samples
from insurehub.documents.tests.test_api import upload

pytestmark = pytest.mark.django_db

IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"RIFF", b"WEBP", b"%PDF", b"Exif")


def _raw(key: str) -> bytes:
    return (Path(settings.MEDIA_ROOT) / key).read_bytes()


def test_an_uploaded_scan_is_sealed_on_disk_and_still_scanned_read_and_served(clamscan, tesseract, actors):
    content = samples.scan_image(samples.V5C_LINES)
    body = upload(client_for(actors["owner"]), content, "v5c.png").json()
    document = Document.objects.get(pk=body["id"])
    assert document.scan_status == "clean" and document.processing_status == "done"
    assert "WVWZZZ1JZXW000001" in document.processed_data["fields"]["vin"][0]["value"]  # OCR read the plaintext
    keys = [document.storage_key, document.served_key, document.thumbnail_key]
    assert all(keys)
    for key in keys:
        raw = _raw(key)
        assert raw.startswith(MAGIC)
        assert not any(magic in raw for magic in IMAGE_MAGICS), key
        assert FileKey.objects.filter(scope="media", name=key).exists()

    client = client_for(actors["owner"])
    original = client.get(f"/api/documents/{document.pk}/download/", {"variant": "original"})
    assert original.status_code == 200
    served = b"".join(original.streaming_content)
    assert served == content and hashlib.sha256(served).hexdigest() == document.sha256
    assert int(original["Content-Length"]) == len(content)
    thumbnail = client.get(f"/api/documents/{document.pk}/download/", {"variant": "thumbnail"})
    with Image.open(io.BytesIO(b"".join(thumbnail.streaming_content))) as picture:
        assert picture.format == "WEBP"


def test_a_pdf_upload_leaves_no_pdf_on_disk(clamscan, actors):
    content = samples.text_pdf(["Jane Customer", "Policy MTR-2026-000123"])
    body = upload(client_for(actors["owner"]), content, "letter.pdf").json()
    raw = _raw(Document.objects.get(pk=body["id"]).storage_key)
    assert b"%PDF" not in raw and b"Jane Customer" not in raw


def test_a_tampered_document_answers_a_problem_not_a_page(clamscan, actors):
    body = upload(client_for(actors["owner"]), samples.text_pdf(["Tamper me"]), "t.pdf").json()
    path = Path(settings.MEDIA_ROOT) / Document.objects.get(pk=body["id"]).storage_key
    raw = bytearray(path.read_bytes())
    raw[-20] ^= 0x01
    path.write_bytes(bytes(raw))
    response = client_for(actors["owner"]).get(f"/api/documents/{body['id']}/download/")
    problem = assert_problem(response, 500)
    assert problem["type"] == "/problems/file_unreadable", problem


def test_a_legacy_plaintext_document_is_still_served(clamscan, actors):
    body = upload(client_for(actors["owner"]), samples.text_pdf(["Old"]), "old.pdf").json()
    document = Document.objects.get(pk=body["id"])
    with documents_storage().open(document.storage_key, "rb") as handle:
        plain = handle.read()
    (Path(settings.MEDIA_ROOT) / document.storage_key).write_bytes(plain)  # as written before encryption
    FileKey.objects.filter(name=document.storage_key).delete()
    response = client_for(actors["owner"]).get(f"/api/documents/{document.pk}/download/")
    assert b"".join(response.streaming_content) == plain


# --- resumable uploads' partial bytes ------------------------------------------------------------------


def test_partial_upload_bytes_are_sealed_and_rewritable_at_any_offset():
    import uuid

    from insurehub.documents import partial_files

    upload_id = uuid.uuid4()
    content = samples.text_pdf(["Jane Customer"] * 400) + bytes(range(256)) * 700  # > 3 records
    partial_files.write_at(upload_id, 0, content[:100_000])
    partial_files.write_at(upload_id, 100_000, content[100_000:150_000])
    assert partial_files.length(upload_id) == 150_000
    partial_files.write_at(upload_id, 70_000, content[70_000:170_000])  # inside a record: it is rewritten
    partial_files.write_at(upload_id, 170_000, content[170_000:])
    raw = partial_files.path_for(upload_id).read_bytes()
    assert raw.startswith(partial_files.MAGIC) and b"%PDF" not in raw and b"Jane Customer" not in raw
    assert partial_files.length(upload_id) == len(content)
    assert partial_files.sha256_of(upload_id) == hashlib.sha256(content).hexdigest()
    with partial_files.open_for_read(upload_id) as handle:
        handle.seek(-10, 2)
        assert handle.read() == content[-10:]
        handle.seek(65_530)
        assert handle.read(20) == content[65_530:65_550]
    partial_files.path_for(upload_id).write_bytes(raw[:-5])  # a crash tore the last record: not counted
    assert partial_files.length(upload_id) < len(content)
    partial_files.write_at(upload_id, 0, b"again")  # a restart from 0 makes a new file
    assert partial_files.length(upload_id) == 5


def test_a_partial_upload_begun_before_encryption_carries_on_in_plaintext():
    import uuid

    from insurehub.documents import partial_files

    upload_id = uuid.uuid4()
    partial_files.path_for(upload_id).write_bytes(b"%PDF-old part")
    partial_files.write_at(upload_id, 13, b" and the rest")
    assert partial_files.length(upload_id) == 26
    with partial_files.open_for_read(upload_id) as handle:
        assert handle.read() == b"%PDF-old part and the rest"
