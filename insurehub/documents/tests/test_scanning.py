import io
import os
import subprocess  # nosec B404

import pytest
from django.conf import settings as django_settings

from insurehub.core.testing import assert_problem, client_for
from insurehub.documents import scanning
from insurehub.documents.models import Document
from insurehub.documents.tests.samples import EICAR, docx, text_pdf, zip_with
from insurehub.documents.tests.test_api import upload


@pytest.mark.parametrize(
    "payload,expected",
    [
        (text_pdf(["An ordinary letter"]), "clean"),
        (EICAR, "infected"),
        (b"%PDF-1.4\n" + EICAR + b"\n%%EOF", "infected"),  # inside a larger file
        (zip_with("readme.com", EICAR), "infected"),
        (docx(["Quote"], extra={"word/media/payload.bin": EICAR}), "infected"),
    ],
    ids=["clean-pdf", "eicar", "eicar-in-pdf", "eicar-in-zip", "eicar-in-docx"],
)
def test_clamscan_finds_eicar_wherever_it_hides(clamscan, payload, expected):
    result = scanning.scanner().scan(io.BytesIO(payload))
    assert isinstance(scanning.scanner(), scanning.ClamscanScanner)
    assert result.status == expected, result
    if expected == "infected":
        assert "EICAR" in result.signature


@pytest.mark.parametrize(
    "payload,expected",
    [
        (text_pdf(["An ordinary letter"]), "clean"),
        (EICAR, "infected"),
        (zip_with("readme.com", EICAR), "infected"),
        (docx(["Quote"], extra={"word/media/payload.bin": EICAR}), "infected"),
        (b"x" * (300 * 1024) + EICAR, "infected"),  # spans many INSTREAM chunks
    ],
)
def test_clamd_instream_over_tcp(clamd, payload, expected):
    scanner = scanning.scanner()
    assert isinstance(scanner, scanning.ClamdScanner)
    result = scanner.scan(io.BytesIO(payload))
    assert result.status == expected, result


def test_clamd_over_local_socket(settings, clamd_server):
    settings.CLAMD_SOCKET = clamd_server["socket"]
    scanner = scanning.scanner()
    assert scanner.ping()
    assert scanner.scan(io.BytesIO(EICAR)).status == "infected"


def test_a_running_clamd_is_reported_live_with_its_version(clamd):
    capability = scanning.capability()
    assert (capability.status, capability.engine) == ("live", "clamd")
    assert capability.detail.startswith("ClamAV ") and f"127.0.0.1:{clamd['port']}" in capability.detail


def test_clamd_down_is_an_error_never_clean(settings):
    settings.CLAMD_HOST = "127.0.0.1"
    settings.CLAMD_PORT = 9  # discard: nothing listens
    settings.CLAMD_TIMEOUT_SECONDS = 1
    result = scanning.scanner().scan(io.BytesIO(b"hello"))
    assert result.status == "error"


def test_clamscan_without_a_database_is_an_error(clamscan, settings, tmp_path):
    settings.CLAMAV_DB_DIR = str(tmp_path)  # empty: clamscan refuses to run
    assert scanning.scanner().scan(io.BytesIO(b"hello")).status == "error"


def test_no_scanner_means_unscanned(no_scanner):
    assert scanning.scanner().scan(io.BytesIO(b"hello")).status == "unscanned"


def _system_deps_database(tmp_path, *, freshclam_files=()):
    """Run scripts/system-deps.sh (database part) as `make run` does, into a directory of the test's."""
    freshclam = tmp_path / "freshclam"
    freshclam.mkdir()
    for name in freshclam_files:
        (freshclam / name).write_bytes(b"")
    database = tmp_path / "clamav-db"
    subprocess.run(  # nosec B603
        ["bash", "scripts/system-deps.sh", "--database-only"],  # noqa: S607
        cwd=django_settings.BASE_DIR,
        env={**os.environ, "CLAMAV_DB_DIR": str(database), "FRESHCLAM_DB_DIR": str(freshclam)},
        check=True,
        capture_output=True,
        timeout=30,
    )
    return database


@pytest.mark.django_db
def test_with_the_database_make_run_builds_a_fresh_upload_is_clean_and_eicar_is_caught(
    clamscan, settings, tmp_path, actors
):
    settings.CLAMAV_DB_DIR = str(_system_deps_database(tmp_path))
    client = client_for(actors["owner"])
    body = upload(client, text_pdf(["Police abstract OB 12/03/2026"]), "abstract.pdf").json()
    assert body["scan_status"] == "clean"
    assert Document.objects.get(pk=body["id"]).scan_engine == "clamscan"
    assert_problem(upload(client, EICAR, "eicar.pdf"), 422)
    assert Document.objects.get(filename="eicar.pdf").scan_signature.startswith("Local.EICAR")
    inside = scanning.scanner().scan(io.BytesIO(b"%PDF-1.4\n" + EICAR + b"\n%%EOF"))
    assert (inside.status, inside.signature) == ("infected", "Local.EICAR.Body.UNOFFICIAL")


def test_system_deps_builds_no_local_database_where_freshclams_is_installed(tmp_path):
    assert not _system_deps_database(tmp_path, freshclam_files=["main.cvd", "daily.cld"]).exists()
