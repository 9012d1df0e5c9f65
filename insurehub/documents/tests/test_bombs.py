"""Through the upload: decompression bombs are refused from their headers before the virus scan
(the scanner never asked), and the scanner's own limits turn a file it gives up on into a refusal,
never "clean". Real bombs, a real ClamAV (skipped where it is absent)."""

import io
import socket
from pathlib import Path

import pytest
from django.test import TestCase

from insurehub.core.testing import assert_problem, client_for
from insurehub.documents import scanning, services
from insurehub.documents.models import Document
from insurehub.documents.tests import samples
from insurehub.documents.tests.test_api import stored_keys, upload

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def scanner_that_records(settings):
    """The scanner's endpoint is a socket that only listens: any scan would connect to it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    settings.CLAMD_SOCKET = ""
    settings.CLAMD_HOST, settings.CLAMD_PORT = listener.getsockname()
    settings.CLAMD_TIMEOUT_SECONDS = 1

    def connections() -> int:
        listener.setblocking(False)
        count = 0
        while True:
            try:
                conn, _ = listener.accept()
            except BlockingIOError:
                return count
            conn.close()
            count += 1

    yield connections
    listener.close()


# --- through the API: refused, nothing stored, the scanner never asked ----------------------


def test_png_decompression_bomb_is_refused_without_reaching_the_scanner(actors, png_bomb, scanner_that_records):
    assert len(png_bomb) < 400 * 1024  # 389 KB that decodes to 400 million pixels
    body = assert_problem(upload(client_for(actors["owner"]), png_bomb, "photo.png"), 422)
    assert body["type"] == "/problems/image_too_large"
    assert "beyond what Pillow opens" in body["detail"]  # 400 MP: past Pillow's own guard too
    assert scanner_that_records() == 0
    assert not Document.objects.exists() and stored_keys() == []


def test_docx_zip_bomb_is_refused_without_reaching_the_scanner(actors, docx_bomb, scanner_that_records):
    assert len(docx_bomb) < 200 * 1024  # expands to 64 MiB
    body = assert_problem(upload(client_for(actors["owner"]), docx_bomb, "quote.docx"), 422)
    assert body["type"] == "/problems/file_too_complex"
    assert body["errors"] == [{"field": "file", "code": "file_too_complex", "message": "Too complex to open safely."}]
    assert scanner_that_records() == 0
    assert not Document.objects.exists() and stored_keys() == []


def test_a_bomb_disguised_by_its_name_is_judged_by_its_content(actors, docx_bomb, scanner_that_records):
    body = assert_problem(upload(client_for(actors["owner"]), docx_bomb, "invoice.pdf"), 422)
    assert body["type"] == "/problems/file_too_complex"
    assert scanner_that_records() == 0


def test_the_limits_come_from_settings(settings, actors, scanner_that_records):
    settings.DOCUMENTS_MAX_IMAGE_PIXELS = 100 * 100
    image = samples.photo_jpeg(size=(200, 100))
    body = assert_problem(upload(client_for(actors["owner"]), image, "small.jpg"), 422)
    assert body["type"] == "/problems/image_too_large"
    settings.DOCUMENTS_ARCHIVE_MAX_ENTRIES = 3
    content = samples.docx(["Quote"], extra={f"word/media/{n}.txt": b"x" for n in range(5)})
    assert_problem(upload(client_for(actors["owner"]), content, "quote.docx"), 422)
    assert scanner_that_records() == 0


def test_ordinary_files_pass_and_are_scanned(clamscan, actors):
    client = client_for(actors["owner"])
    for content, name in [
        (samples.photo_jpeg(), "photo.jpg"),
        (samples.docx(["Quote"]), "quote.docx"),
        (samples.docx(["Quote"], extra={"word/embeddings/sheet.xlsx": samples.zip_with("x.xml", b"<x/>")}), "e.docx"),
        (samples.text_pdf(["An ordinary letter"]), "letter.pdf"),
    ]:
        response = upload(client, content, name)
        assert response.status_code == 201, response.content
        assert response.json()["scan_status"] == "clean"


# --- the scanner's own limits ---------------------------------------------------------------


def test_clamscan_gets_the_limits_as_flags(clamscan):
    engine = scanning.scanner()
    assert "--alert-exceeds-max=yes" in engine.limits.clamscan_flags()
    assert "--max-scantime=30000" in engine.limits.clamscan_flags()
    assert engine.scan(io.BytesIO(samples.EICAR)).status == "infected"  # the flags change no detection


def test_a_file_over_clamscans_limits_is_too_complex_never_clean(clamscan, settings):
    settings.CLAMAV_MAX_FILE_SIZE = "1K"
    result = scanning.scanner().scan(io.BytesIO(samples.text_pdf(["x" * 50] * 40) + b"%" + b"0" * 4096))
    assert result.status == scanning.TOO_COMPLEX, result
    assert result.signature == "Heuristics.Limits.Exceeded.MaxFileSize"


def test_an_upload_the_scanner_gives_up_on_is_refused_and_not_stored(clamscan, settings, actors):
    settings.CLAMAV_MAX_FILE_SIZE = "1K"
    content = samples.text_pdf(["An ordinary letter"]) + b"%" + b"0" * 4096
    body = assert_problem(upload(client_for(actors["owner"]), content, "letter.pdf"), 422)
    assert body["type"] == "/problems/file_too_complex"
    assert "MaxFileSize" in body["detail"]
    assert not Document.objects.exists() and stored_keys() == []


def test_a_stored_file_the_scanner_gives_up_on_is_quarantined_on_rescan(clamscan, settings, actors):
    settings.CLAMSCAN_PATH = "/nonexistent/clamscan"
    content = samples.text_pdf(["Scanned later"]) + b"%" + b"0" * 4096
    body = upload(client_for(actors["owner"]), content, "late.pdf").json()
    assert body["scan_status"] == "unscanned"
    settings.CLAMSCAN_PATH, settings.CLAMAV_MAX_FILE_SIZE = "clamscan", "1K"
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = services.document_rescan(document=Document.objects.get(pk=body["id"]))
    assert document.scan_status == "infected"  # never served, never processed, never rescanned
    assert document.scan_signature == "Heuristics.Limits.Exceeded.MaxFileSize"
    assert document.storage_key.startswith("quarantine/")


def test_clamscan_that_overruns_our_timeout_is_killed_and_an_error(settings, tmp_path):
    """A scanner that hangs (a stand-in executable that never answers) is killed at our timeout.

    The real clamscan cannot be made to overrun reliably: on a loaded machine it may finish before
    the parent even starts waiting, however short the timeout.
    """
    hanging = tmp_path / "clamscan"
    hanging.write_text("#!/bin/sh\ncat >/dev/null\nexec sleep 30\n")
    hanging.chmod(0o755)
    settings.CLAMD_SOCKET, settings.CLAMD_HOST = "", ""
    settings.CLAMSCAN_PATH, settings.CLAMSCAN_TIMEOUT_SECONDS = str(hanging), 0.5
    result = scanning.scanner().scan(io.BytesIO(b"hello"))
    assert result.status == "error"
    assert "did not finish" in result.detail


def test_clamd_runs_with_the_limits_and_alerts_past_them(clamd):
    """The tests' clamd reads deploy/clamd-limits.conf; archives nested past MaxRecursion (10) alert."""
    result = scanning.scanner().scan(io.BytesIO(samples.nested_zip(14)))
    assert result.status == scanning.TOO_COMPLEX, result
    assert result.signature.startswith("Heuristics.Limits.Exceeded.")
    assert scanning.scanner().scan(io.BytesIO(samples.nested_zip(3))).status == "clean"


def test_clamd_limits_file_matches_the_clamscan_settings():
    """deploy/clamd-limits.conf (clamd) and the CLAMAV_* defaults (clamscan flags) say the same."""
    directives = {}
    for line in (ROOT / "deploy" / "clamd-limits.conf").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split(None, 1)
            directives[key] = value.strip()
    assert directives == scanning.ScanLimits.from_settings().clamd_conf()
