"""Documents pipeline benchmark: uploads N generated files (photos and one-page scanned PDFs)
through the upload service with the real scanner, then processes them, and prints per-stage
times (upload+scan, text/OCR, extraction) with p50/p95, next to bare `tesseract` on the same
page in the same run. Not a test: `make bench` or `python bench/bench_documents.py [N]`.

Uses a throwaway SQLite database and media folder; ClamAV via clamd when CLAMD_HOST/CLAMD_SOCKET
is set, else clamscan with the local EICAR database (scripts/system-deps.sh), else unscanned.
"""

import io
import os
import shutil
import statistics
import subprocess  # nosec B404
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-documents-"))
os.environ.setdefault("DJANGO_ENV", "test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:<28} (none)"
    return (
        f"{name:<28} n={len(values):<3} p50={pct(values, 0.5) * 1000:8.1f} ms"
        f"  p95={pct(values, 0.95) * 1000:8.1f} ms  mean={statistics.mean(values) * 1000:8.1f} ms"
    )


def main(n: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.conf import settings
    from django.db import transaction

    from insurehub.documents import extraction, scanning, services
    from insurehub.documents.models import Document
    from insurehub.documents.storage import documents_storage
    from insurehub.documents.tests import samples
    from insurehub.documents.text_extraction import extract_text
    from insurehub.users.models import User

    local_db = ROOT / "var" / "clamav-db"
    if not settings.CLAMAV_DB_DIR and local_db.is_dir():
        settings.CLAMAV_DB_DIR = str(local_db)
    scanner = scanning.scanner()
    owner = User.objects.create_user(email="bench@example.test", password=None, name="Bench Owner")
    page_lines = samples.V5C_LINES
    files = []
    for i in range(n):
        if i % 2:
            files.append((f"photo-{i}.jpg", samples.photo_jpeg(seed=i), "photo"))
        else:
            lines = [*page_lines, f"Reference: {i:06d}"]
            files.append((f"scan-{i}.pdf", samples.scanned_pdf(lines), "vehicle_registration"))

    upload_times, process_times, text_times, extract_times, scan_only = [], [], [], [], []
    ids = []
    for name, content, kind in files:
        started = time.perf_counter()
        scanner.scan(io.BytesIO(content))
        scan_only.append(time.perf_counter() - started)
        with transaction.atomic():
            started = time.perf_counter()
            document = services.document_upload(
                owner=owner, file=io.BytesIO(content), filename=name, size=len(content), kind=kind
            )
            upload_times.append(time.perf_counter() - started)
            started = time.perf_counter()
        # leaving the block commits; the processing job (eager, no broker) runs on commit
        process_times.append(time.perf_counter() - started)
        ids.append(document.pk)

    storage = documents_storage()
    for document in Document.objects.filter(pk__in=ids, file_type="application/pdf"):
        with storage.open(document.storage_key, "rb") as handle:
            started = time.perf_counter()
            text = extract_text(handle, file_type=document.file_type)
            text_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        extraction.extract_fields(text.lines)
        extract_times.append(time.perf_counter() - started)

    bare = []
    tesseract = shutil.which("tesseract")
    if tesseract:
        page = WORK / "page.png"
        page.write_bytes(samples.scan_image([*page_lines, "Reference: 000000"]))
        for _ in range(max(3, n // 4)):
            started = time.perf_counter()
            subprocess.run([tesseract, str(page), "stdout"], capture_output=True, check=True)  # noqa: S603  # nosec B603
            bare.append(time.perf_counter() - started)

    print(f"documents benchmark: {n} files ({(n + 1) // 2} one-page scanned PDFs, {n // 2} photos)")
    print(f"scanner: {scanner.engine}")
    print(line("scan only", scan_only))
    print(line("upload+scan (service)", upload_times))
    print(line("text: OCR of a scanned page", text_times))
    print(line("extraction (fields)", extract_times))
    print(line("process job, whole (on commit)", process_times))
    print(line("bare tesseract, same page", bare))
    if bare and text_times:
        print(f"OCR in the pipeline / bare tesseract (p50): {pct(text_times, 0.5) / pct(bare, 0.5):.2f}")
    done = Document.objects.filter(pk__in=ids, processing_status="done").count()
    print(f"processed: {done}/{n}")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
