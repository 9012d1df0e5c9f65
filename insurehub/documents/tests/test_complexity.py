"""Decompression bombs judged from their headers (documents/complexity.py), one limit at a time:
real bombs made by the tests (a 389 KB PNG of 400 million pixels, a DOCX of 64 MiB of zeros)."""

import gzip
import io
import random
import zipfile

from PIL import Image

from insurehub.core.errors import ApplicationError
from insurehub.documents.complexity import Limits, check_cost
from insurehub.documents.tests import samples


def limits(**overrides) -> Limits:
    values = {
        "max_image_pixels": 40_000_000,
        "max_uncompressed_bytes": 256 * 1024 * 1024,
        "max_ratio": 100,
        "max_entries": 2000,
        "max_depth": 2,
    }
    return Limits(**(values | overrides))


def refused_code(content: bytes, **overrides) -> str | None:
    try:
        check_cost(io.BytesIO(content), size=len(content), limits=limits(**overrides))
    except ApplicationError as error:
        assert error.status == 422
        return error.code
    return None


def test_image_pixels(png_bomb):
    assert refused_code(png_bomb) == "image_too_large"
    assert refused_code(samples.png_bomb()) == "image_too_large"  # a header past Pillow's own guard
    assert refused_code(samples.photo_jpeg(size=(800, 600)), max_image_pixels=800 * 600) is None
    assert refused_code(samples.photo_jpeg(size=(800, 601)), max_image_pixels=800 * 600) == "image_too_large"


def test_images_of_types_we_do_not_accept_are_judged_too():
    buffer = io.BytesIO()
    Image.new("L", (300, 300)).save(buffer, "GIF")
    assert refused_code(buffer.getvalue(), max_image_pixels=300 * 299) == "image_too_large"


def test_archive_ratio_size_entries_and_depth(docx_bomb):
    assert refused_code(docx_bomb) == "file_too_complex"  # 64 MiB of zeros: about 1000:1
    noise = random.Random(0).randbytes(2 * 1024 * 1024)
    incompressible = samples.docx(["Quote"], extra={"word/media/noise.bin": noise})
    assert refused_code(incompressible) is None
    assert refused_code(incompressible, max_uncompressed_bytes=1024 * 1024) == "file_too_complex"
    many = samples.docx(["Quote"], extra={f"word/media/{n}.txt": b"x" for n in range(20)})
    assert refused_code(many, max_entries=22) is None
    assert refused_code(many, max_entries=21) == "file_too_complex"
    assert refused_code(samples.nested_zip(2)) is None  # a DOCX may embed a workbook
    assert refused_code(samples.nested_zip(3)) == "file_too_complex"
    assert refused_code(samples.nested_zip(3), max_depth=3) is None


def test_a_nested_zip_bomb_counts_against_the_same_budget():
    inner = samples.zip_bomb(entries=1, entry_bytes=32 * 1024 * 1024, docx_parts=False)
    outer = samples.zip_with("word/embeddings/sheet.xlsx", inner)
    assert refused_code(outer) == "file_too_complex"


def test_an_archive_that_cannot_be_judged_cheaply_inside_a_zip_is_refused():
    content = samples.docx(["Quote"], extra={"word/media/data.gz": gzip.compress(b"hello")})
    assert refused_code(content) == "file_too_complex"


def test_headers_that_cannot_be_read_are_left_to_the_scan_and_the_type_check():
    assert refused_code(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40) is None
    assert refused_code(b"PK\x03\x04 not really a zip") is None
    assert refused_code(samples.text_pdf(["Hello"])) is None
    assert refused_code(samples.EICAR) is None


def test_the_zip_bomb_sample_is_what_it_claims(docx_bomb):
    with zipfile.ZipFile(io.BytesIO(docx_bomb)) as archive:
        assert sum(m.file_size for m in archive.infolist()) > 64 * 1024 * 1024
        assert "word/document.xml" in archive.namelist()
