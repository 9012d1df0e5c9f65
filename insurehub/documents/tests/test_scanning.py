import io

import pytest

from insurehub.documents import scanning
from insurehub.documents.tests.samples import EICAR, docx, text_pdf, zip_with


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
