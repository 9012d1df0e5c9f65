"""Resumable uploads (documents/resumable.py): chunks, resuming, checksums, the intake at the end,
who may use an upload, expiry. Real ClamAV (clamd started by the tests, or clamscan) and real files."""

import base64
import hashlib
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from insurehub.audit.models import AuditEvent
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.documents import partial_files
from insurehub.documents.models import Document, ResumableUpload
from insurehub.documents.tasks import document_uploads_expire_task
from insurehub.documents.tests import samples
from insurehub.documents.tests.factories import make_claim
from insurehub.documents.tests.test_api import committed, stored_keys

pytestmark = pytest.mark.django_db

UPLOADS = "/api/documents/uploads/"
OCTETS = "application/offset+octet-stream"


@pytest.fixture(autouse=True)
def _partial_dir(settings, tmp_path):
    settings.DOCUMENTS_UPLOADS_PARTIAL_DIR = tmp_path / "partial-uploads"


@pytest.fixture
def claim(actors):
    return make_claim(customer=actors["owner"], assessor=actors["assessor"])


@pytest.fixture
def invoice() -> bytes:
    return samples.text_pdf(["Repair invoice", "Total: KES 12,000.00"] + [f"Line {n}: brake pads" for n in range(40)])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def chunk_checksum(data: bytes) -> str:
    return "sha256 " + base64.b64encode(hashlib.sha256(data).digest()).decode()


def create(client, content: bytes, claim, **fields):
    body = {
        "claim": str(claim.pk),
        "document_type": "repair_invoice",
        "filename": "invoice.pdf",
        "size": len(content),
        "sha256": sha256(content),
        "content_type": "application/pdf",
        **fields,
    }
    return committed(lambda: client.post(UPLOADS, body, format="json"))


def send(client, upload_id, offset: int, data: bytes, *, checksum: str | None = "auto", **headers):
    if checksum == "auto":
        checksum = chunk_checksum(data)
    if checksum:
        headers["HTTP_UPLOAD_CHECKSUM"] = checksum
    return committed(
        lambda: client.patch(
            f"{UPLOADS}{upload_id}/", data=data, content_type=OCTETS, HTTP_UPLOAD_OFFSET=str(offset), **headers
        )
    )


def send_all(client, upload_id, content: bytes, *, start: int = 0, chunk: int = 700):
    response = None
    for offset in range(start, len(content), chunk):
        response = send(client, upload_id, offset, content[offset : offset + chunk])
        if offset + chunk < len(content):
            assert response.status_code == 200, response.content
            assert response.json()["offset"] == offset + chunk
    return response


# --- the happy path and resuming ---------------------------------------------------------


def test_chunks_in_order_make_a_scanned_processed_document_on_the_claim(clamd, actors, claim, invoice):
    client = client_for(actors["owner"])
    response = create(client, invoice, claim)
    assert response.status_code == 201, response.content
    upload = response.json()
    assert upload["offset"] == 0 and upload["status"] == "open" and upload["document"] is None
    assert upload["size"] == len(invoice) and upload["claim"] == str(claim.pk)
    assert upload["chunk_size"] == settings.DOCUMENTS_UPLOAD_CHUNK_BYTES
    assert upload["expires_at"]

    last = send_all(client, upload["id"], invoice)
    assert last.status_code == 200, last.content
    body = last.json()
    assert (body["status"], body["offset"]) == ("complete", len(invoice))
    assert last["Upload-Offset"] == str(len(invoice))
    document = Document.objects.get(pk=body["document"]["id"])
    assert body["document"]["scan_status"] == "clean"
    assert (document.claim, document.owner, document.kind) == (claim, actors["owner"], "repair_invoice")
    assert document.sha256 == sha256(invoice) and document.file_type == "application/pdf"
    assert document.processing_status == "done"  # the same intake: processing queued after commit (eager)
    # The partial bytes are gone; only the documents storage holds the file, under a random key.
    assert not partial_files.path_for(upload["id"]).exists()
    assert stored_keys() == [document.storage_key]
    actions = set(AuditEvent.objects.filter(object_id=upload["id"]).values_list("action", flat=True))
    assert {"document_upload.started", "document_upload.completed"} <= actions
    assert AuditEvent.objects.filter(action="document.uploaded", object_id=str(document.pk)).exists()
    # GET shows the same, with the document and its scan state.
    shown = client.get(f"{UPLOADS}{upload['id']}/").json()
    assert shown["status"] == "complete" and shown["document"]["scan_status"] == "clean"


def test_a_lost_chunk_is_resumed_from_the_offset_get_answers(clamscan, actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim).json()["id"]
    assert send(client, upload_id, 0, invoice[:1000]).json()["offset"] == 1000
    # The next chunk never arrives (the connection dropped): the phone asks where to go on from.
    offset = client.get(f"{UPLOADS}{upload_id}/").json()["offset"]
    assert offset == 1000
    # A chunk that did arrive but whose answer was lost: sending it again says where the server is.
    assert send(client, upload_id, 1000, invoice[1000:1500]).json()["offset"] == 1500
    again = assert_problem(send(client, upload_id, 1000, invoice[1000:1500]), 409)
    assert (again["type"], again["offset"]) == ("/problems/offset_mismatch", 1500)
    last = send_all(client, upload_id, invoice, start=again["offset"])
    assert last.json()["status"] == "complete", last.content
    assert Document.objects.get(pk=last.json()["document"]["id"]).sha256 == sha256(invoice)
    # The last chunk sent again after completion (its answer lost): an empty chunk at the end answers the result.
    repeat = send(client, upload_id, len(invoice), b"", checksum=None)
    assert repeat.status_code == 200 and repeat.json()["status"] == "complete"
    assert Document.objects.count() == 1


def test_offset_mismatch_answers_the_server_offset_and_keeps_nothing(actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim).json()["id"]
    send(client, upload_id, 0, invoice[:500])
    for wrong in (0, 400, 900):
        body = assert_problem(send(client, upload_id, wrong, invoice[wrong : wrong + 100]), 409)
        assert (body["type"], body["offset"]) == ("/problems/offset_mismatch", 500)
    assert partial_files.length(upload_id) == 500
    assert ResumableUpload.objects.get(pk=upload_id).offset == 500


def test_a_damaged_chunk_is_not_kept(actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim).json()["id"]
    damaged = bytearray(invoice[:800])
    damaged[100] ^= 0xFF
    response = send(client, upload_id, 0, bytes(damaged), checksum=chunk_checksum(invoice[:800]))
    body = assert_problem(response, 422)
    assert (body["type"], body["offset"]) == ("/problems/chunk_checksum_mismatch", 0)
    assert partial_files.length(upload_id) == 0
    assert send(client, upload_id, 0, invoice[:800]).json()["offset"] == 800
    assert_problem(send(client, upload_id, 800, b"x", checksum="md5 AAAA"), 400)
    assert assert_problem(send(client, upload_id, 800, b"x", checksum="sha256 !!"), 400)["type"] == (
        "/problems/invalid_checksum"
    )


def test_a_whole_file_checksum_mismatch_resets_the_upload_to_zero(clamscan, actors, claim, invoice):
    client = client_for(actors["owner"])
    other = samples.text_pdf(["Another file"])
    upload_id = create(client, invoice, claim, sha256=sha256(other)).json()["id"]
    last = send_all(client, upload_id, invoice)
    body = assert_problem(last, 422)
    assert (body["type"], body["offset"]) == ("/problems/checksum_mismatch", 0)
    assert "reset" in body["detail"]
    shown = client.get(f"{UPLOADS}{upload_id}/").json()
    assert (shown["status"], shown["offset"], shown["document"]) == ("open", 0, None)
    assert not partial_files.path_for(upload_id).exists()
    assert Document.objects.count() == 0
    assert AuditEvent.objects.filter(action="document_upload.checksum_failed", object_id=upload_id).exists()


# --- the intake's refusals ---------------------------------------------------------------


def test_eicar_is_refused_quarantined_and_never_a_document_of_the_upload(clamd, actors, claim):
    client = client_for(actors["owner"])
    content = b"%PDF-1.4\n" + b"x" * 3000 + samples.EICAR + b"\n%%EOF"  # EICAR in the last chunk
    upload_id = create(client, content, claim, filename="eicar.pdf").json()["id"]
    body = assert_problem(send_all(client, upload_id, content, chunk=1024), 422)
    assert body["type"] == "/problems/infected"
    quarantined = Document.objects.get(pk=body["document"])  # as the single upload: recorded, never served
    assert quarantined.scan_status == "infected" and quarantined.storage_key.startswith("quarantine/")
    assert "EICAR" in quarantined.scan_signature
    shown = client.get(f"{UPLOADS}{upload_id}/").json()
    assert (shown["status"], shown["error"], shown["document"]) == ("refused", "infected", None)
    assert not Document.objects.exclude(scan_status="infected").exists()
    assert not partial_files.path_for(upload_id).exists()
    assert_problem(client.get(f"/api/documents/{quarantined.pk}/download/"), 409)
    again = assert_problem(send(client, upload_id, 0, content[:10]), 409)
    assert (again["type"], again["upload_status"]) == ("/problems/upload_not_open", "refused")


def test_a_photo_that_is_not_an_image_is_refused_and_leaves_nothing(clamscan, actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim, document_type="photo", filename="crash.jpg").json()["id"]
    body = assert_problem(send_all(client, upload_id, invoice), 415)
    assert body["type"] == "/problems/not_an_image"
    assert Document.objects.count() == 0 and stored_keys() == []
    assert not partial_files.path_for(upload_id).exists()
    upload = ResumableUpload.objects.get(pk=upload_id)
    assert (upload.status, upload.error) == ("refused", "not_an_image")
    # A real photo goes through.
    photo = samples.photo_jpeg()
    photo_id = create(client, photo, claim, document_type="photo", filename="crash.jpg").json()["id"]
    done = send_all(client, photo_id, photo, chunk=16 * 1024)
    assert done.status_code == 200, done.content
    assert done.json()["document"]["file_type"] == "image/jpeg"


def test_an_executable_is_refused_with_the_single_uploads_code(clamscan, actors, claim):
    client = client_for(actors["owner"])
    content = samples.elf_executable()
    upload_id = create(client, content, claim, document_type="other", filename="report.pdf").json()["id"]
    assert assert_problem(send_all(client, upload_id, content), 415)["type"] == "/problems/unsupported_type"
    assert Document.objects.count() == 0


def test_size_limits(settings, actors, claim, invoice):
    client = client_for(actors["owner"])
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 1000
    body = assert_problem(create(client, invoice, claim), 413)
    assert body["type"] == "/problems/file_too_large" and body["errors"][0]["field"] == "size"
    assert_problem(create(client, b"", claim), 400)
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 25 * 1024 * 1024
    upload_id = create(client, invoice, claim).json()["id"]
    past = assert_problem(send(client, upload_id, 0, invoice + b"extra"), 413)
    assert past["type"] == "/problems/chunk_past_end"
    settings.DOCUMENTS_UPLOAD_MAX_CHUNK_BYTES = 256
    assert assert_problem(send(client, upload_id, 0, invoice[:300]), 413)["type"] == "/problems/chunk_too_large"
    assert partial_files.length(upload_id) == 0
    wrong_type = client.patch(
        f"{UPLOADS}{upload_id}/", data=b"x", content_type="application/octet-stream", HTTP_UPLOAD_OFFSET="0"
    )
    assert assert_problem(wrong_type, 415)["type"] == "/problems/unsupported_media_type"
    for offset in ({}, {"HTTP_UPLOAD_OFFSET": "-1"}, {"HTTP_UPLOAD_OFFSET": "\u00b2"}):
        no_offset = client.patch(f"{UPLOADS}{upload_id}/", data=b"x", content_type=OCTETS, **offset)
        assert assert_problem(no_offset, 400)["type"] == "/problems/invalid_upload_offset"


# --- access ------------------------------------------------------------------------------


def test_access_matrix(actors, claim, invoice):
    upload_id = create(client_for(actors["owner"]), invoice, claim).json()["id"]
    url = f"{UPLOADS}{upload_id}/"
    matrix = AccessMatrix(actors)
    matrix.assert_read(visible={"owner"}, object_id=upload_id, detail_url=url)
    matrix.assert_write(
        lambda client: client.patch(url, data=invoice[:10], content_type=OCTETS, HTTP_UPLOAD_OFFSET="0"),
        expected={"owner": 200},
    )
    assert partial_files.length(upload_id) == 10  # only the owner's chunk was kept
    matrix.assert_write(lambda client: committed(lambda: client.delete(url)), expected={"owner": 204})
    assert ResumableUpload.objects.get(pk=upload_id).status == "cancelled"
    assert not partial_files.path_for(upload_id).exists()


def test_who_may_open_an_upload_on_a_claim(actors, claim, invoice):
    """Whoever may attach documents to the claim (sees it); the others are told it does not exist."""
    opens = {"owner", "agent", "supervisor", "assessor", "admin"}
    for name, user in actors.items():
        response = create(client_for(user), invoice, claim)
        if name in opens:
            assert response.status_code == 201, (name, response.content)
        else:
            body = assert_problem(response, 400)
            assert body["errors"][0]["field"] == "claim", name
    assert_problem(create(client_for(None), invoice, claim), 401)
    # Each opened their own: nobody sees another's, not even the owner of the claim.
    staff_upload = ResumableUpload.objects.get(owner=actors["agent"])
    assert_problem(client_for(actors["owner"]).get(f"{UPLOADS}{staff_upload.pk}/"), 404)


def test_a_staff_upload_to_the_claim_is_a_staff_document(clamscan, actors, claim, invoice):
    client = client_for(actors["assessor"])
    upload_id = create(client, invoice, claim).json()["id"]
    document_id = send_all(client, upload_id, invoice).json()["document"]["id"]
    assert_problem(client_for(actors["owner"]).get(f"/api/documents/{document_id}/"), 404)
    assert client_for(actors["agent"]).get(f"/api/documents/{document_id}/").status_code == 200


def test_get_costs_the_same_queries_open_and_complete(clamscan, actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim).json()["id"]
    url = f"{UPLOADS}{upload_id}/"
    client.get(url)
    with CaptureQueriesContext(connection) as open_queries:
        assert client.get(url).status_code == 200
    send_all(client, upload_id, invoice)
    client.get(url)
    with CaptureQueriesContext(connection) as complete_queries:
        assert client.get(url).json()["status"] == "complete"
    assert len(open_queries) == len(complete_queries) <= 2, [q["sql"] for q in complete_queries.captured_queries]


# --- idempotent create, cancel, expiry ---------------------------------------------------


def test_the_same_file_opened_again_answers_the_open_upload(actors, claim, invoice):
    client = client_for(actors["owner"])
    first = create(client, invoice, claim)
    assert first.status_code == 201
    send(client, first.json()["id"], 0, invoice[:600])
    again = create(client, invoice, claim, filename="IMG_0001 (1).pdf")
    assert again.status_code == 200
    assert (again.json()["id"], again.json()["offset"]) == (first.json()["id"], 600)
    other_claim = make_claim(customer=actors["owner"])
    assert create(client, invoice, other_claim).status_code == 201  # another claim: another upload
    assert create(client_for(actors["agent"]), invoice, claim).status_code == 201  # another person: another
    committed(lambda: client.delete(f"{UPLOADS}{first.json()['id']}/"))
    renewed = create(client, invoice, claim)
    assert renewed.status_code == 201 and renewed.json()["id"] != first.json()["id"]
    assert ResumableUpload.objects.filter(owner=actors["owner"], claim=claim, status="open").count() == 1


def test_cancel_removes_the_bytes_and_a_complete_upload_cannot_be_cancelled(clamscan, actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim).json()["id"]
    send(client, upload_id, 0, invoice[:900])
    assert partial_files.length(upload_id) == 900
    assert committed(lambda: client.delete(f"{UPLOADS}{upload_id}/")).status_code == 204
    assert not partial_files.path_for(upload_id).exists()
    assert AuditEvent.objects.filter(action="document_upload.cancelled", object_id=upload_id).exists()
    assert assert_problem(send(client, upload_id, 900, invoice[900:1000]), 409)["upload_status"] == "cancelled"
    assert committed(lambda: client.delete(f"{UPLOADS}{upload_id}/")).status_code == 204  # again: nothing to do
    done_id = create(client, invoice, claim).json()["id"]
    send_all(client, done_id, invoice)
    assert assert_problem(client.delete(f"{UPLOADS}{done_id}/"), 409)["type"] == "/problems/upload_complete"


def test_the_periodic_sweep_expires_idle_uploads_and_removes_their_bytes(actors, claim, invoice):
    assert settings.CELERY_BEAT_SCHEDULE["documents-uploads-expire"]["task"] == (
        "insurehub.documents.tasks.document_uploads_expire_task"
    )
    assert settings.DOCUMENTS_UPLOAD_TTL_SECONDS == 24 * 3600
    client = client_for(actors["owner"])
    idle_id = create(client, invoice, claim).json()["id"]
    send(client, idle_id, 0, invoice[:700])
    living_id = create(client, samples.text_pdf(["Police report"]), claim).json()["id"]
    send(client, living_id, 0, b"%PDF")
    created = ResumableUpload.objects.get(pk=idle_id).expires_at
    assert timedelta(hours=23) < created - timezone.now() <= timedelta(hours=24)
    ResumableUpload.objects.filter(pk=idle_id).update(expires_at=timezone.now() - timedelta(seconds=1))
    # Bytes on disk that belong to no open upload (a crash between commit and removal) go too.
    stray = partial_files.path_for("00000000-0000-0000-0000-000000000001")
    stray.write_bytes(b"left over")
    old = timezone.now().timestamp() - 2 * 3600
    import os

    os.utime(stray, (old, old))

    assert committed(lambda: document_uploads_expire_task.delay().get()) == 1
    assert ResumableUpload.objects.get(pk=idle_id).status == "expired"
    assert not partial_files.path_for(idle_id).exists() and not stray.exists()
    assert partial_files.length(living_id) == 4 and ResumableUpload.objects.get(pk=living_id).status == "open"
    assert AuditEvent.objects.filter(action="document_upload.expired", object_id=idle_id).exists()
    assert assert_problem(send(client, idle_id, 700, invoice[700:800]), 410)["type"] == "/problems/upload_expired"
    assert create(client, invoice, claim).status_code == 201  # the same file again: a new upload
    assert committed(lambda: document_uploads_expire_task.delay().get()) == 0  # idempotent


def test_an_upload_not_yet_swept_expires_when_used(actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim).json()["id"]
    ResumableUpload.objects.filter(pk=upload_id).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_problem(send(client, upload_id, 0, invoice[:10]), 410)
    assert ResumableUpload.objects.get(pk=upload_id).status == "expired"


def test_partial_bytes_live_outside_the_documents_storage(settings, actors, claim, invoice):
    client = client_for(actors["owner"])
    upload_id = create(client, invoice, claim).json()["id"]
    send(client, upload_id, 0, invoice[:100])
    path = partial_files.path_for(upload_id)
    assert path.is_relative_to(settings.DOCUMENTS_UPLOADS_PARTIAL_DIR)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert stored_keys() == []


def test_the_schema_describes_the_raw_chunk_and_its_headers():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    patch = schema["paths"]["/api/documents/uploads/{upload_id}/"]["patch"]
    assert patch["requestBody"]["content"] == {OCTETS: {"schema": {"type": "string", "format": "binary"}}}
    headers = {p["name"]: p for p in patch["parameters"] if p["in"] == "header"}
    assert headers["Upload-Offset"]["required"] is True and "Upload-Checksum" in headers
    post = schema["paths"]["/api/documents/uploads/"]["post"]
    assert set(post["responses"]) >= {"200", "201"}


# --- races (PostgreSQL row locks) --------------------------------------------------------


def _race(count: int, work) -> list[str]:
    """Run `work()` in `count` threads released at once; each result, or the error's code."""
    import threading

    results, barrier = [], threading.Barrier(count)

    def run():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            results.append(work())
        except Exception as exc:
            results.append(getattr(exc, "code", type(exc).__name__))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_same_last_chunk_sent_four_times_at_once_makes_one_document(no_scanner, actors, invoice):
    from insurehub.documents import resumable

    claim = make_claim(customer=actors["owner"])
    upload, _ = resumable.upload_create(
        owner=actors["owner"], claim=claim, kind="other", filename="a.pdf", size=len(invoice), sha256=sha256(invoice)
    )
    resumable.upload_append(upload=upload, offset=0, data=invoice[:1000], checksum=None, actor=actors["owner"])
    last = invoice[1000:]

    def send_last():
        return resumable.upload_append(
            upload=upload, offset=1000, data=last, checksum=None, actor=actors["owner"]
        ).status

    results = _race(4, send_last)
    # One keeps the chunk and finishes; the others find the server's offset moved on (or the upload complete).
    assert results.count("complete") == 1, results
    assert set(results) - {"complete"} <= {"offset_mismatch", "upload_not_open"}, results
    assert Document.objects.filter(owner=actors["owner"]).count() == 1
    assert ResumableUpload.objects.get(pk=upload.pk).status == "complete"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_same_file_opened_four_times_at_once_is_one_upload(actors, invoice):
    from insurehub.documents import resumable

    claim = make_claim(customer=actors["owner"])

    def open_it():
        upload, _ = resumable.upload_create(
            owner=actors["owner"],
            claim=claim,
            kind="other",
            filename="a.pdf",
            size=len(invoice),
            sha256=sha256(invoice),
        )
        return str(upload.pk)

    results = _race(4, open_it)
    assert len(set(results)) == 1, results
    assert ResumableUpload.objects.filter(owner=actors["owner"]).count() == 1
