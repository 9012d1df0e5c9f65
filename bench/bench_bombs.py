"""Time to turn away a decompression bomb: the header checks that now run before the virus scan
(documents/complexity.py) next to what the scan alone cost before (clamscan on the same bytes, with
ClamAV's default limits and with ours), and a baseline in the same run: SHA-256 of the same bytes.
Not a test: `make bench` or `python bench/bench_bombs.py [REPEATS]`.

The bombs: a 389 KB PNG of 20000x20000 grey pixels (400 MB decoded) and a DOCX holding 64 MiB of
zeros in 64 KB. ClamAV decodes images whole to fingerprint them, whatever its size limits say.
"""

import hashlib
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
os.environ.setdefault("DJANGO_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")

import django  # noqa: E402

django.setup()

from insurehub.core.errors import ApplicationError  # noqa: E402
from insurehub.documents.complexity import Limits, check_cost  # noqa: E402
from insurehub.documents.scanning import ScanLimits  # noqa: E402
from insurehub.documents.tests.samples import LOCAL_HDB, LOCAL_NDB, real_png_bomb, zip_bomb  # noqa: E402


def refuse(payload: bytes) -> str:
    try:
        check_cost(io.BytesIO(payload), size=len(payload), limits=Limits.from_settings())
    except ApplicationError as error:
        return error.code
    return "accepted"


def timed(call, payload: bytes, repeats: int) -> tuple[list[float], object]:
    times, answer = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        answer = call(payload)
        times.append(time.perf_counter() - started)
    return times, answer


def clamscan_once(command: list[str], payload: bytes) -> tuple[float, int, str]:
    """Wall time, peak memory (MB) and the verdict of one clamscan run on the payload."""
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    process.stdin.write(payload)
    process.stdin.close()
    out = process.stdout.read()
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped by wait4
    elapsed = time.perf_counter() - started
    verdict = out.decode().strip().split(":", 1)[-1].strip() or "?"
    return elapsed, usage.ru_maxrss // 1024, verdict


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    bombs = {"PNG bomb": real_png_bomb(), "DOCX zip bomb": zip_bomb(entries=1, entry_bytes=64 * 1024 * 1024)}
    clamscan = shutil.which("clamscan")
    with tempfile.TemporaryDirectory(prefix="bench-bombs-") as directory:
        database = Path(directory)
        (database / "local.hdb").write_text(LOCAL_HDB)
        (database / "local.ndb").write_text(LOCAL_NDB)
        base = [clamscan, "--no-summary", "--stdout", f"--database={database}", "-"] if clamscan else []
        for name, payload in bombs.items():
            print(f"{name} ({len(payload) / 1000:.0f} kB):")
            sha, _ = timed(lambda p: hashlib.sha256(p).hexdigest(), payload, repeats)
            print(f"  {'baseline: sha256 of the bytes':<44} p50={statistics.median(sha) * 1000:9.1f} ms")
            refused, code = timed(refuse, payload, repeats)
            print(
                f"  {'after: header checks before the scan':<44} p50={statistics.median(refused) * 1000:9.1f} ms"
                f"  -> {code}, never scanned"
            )
            if not clamscan:
                print("  before: clamscan is not installed (scripts/system-deps.sh): not measured")
                continue
            ours = base[:-1] + ScanLimits.from_settings().clamscan_flags() + ["-"]
            for label, command in [
                ("before: clamscan, ClamAV's default limits", base),
                ("clamscan with our limits (CLAMAV_MAX_*)", ours),
            ]:
                elapsed, peak_mb, verdict = clamscan_once(command, payload)
                print(f"  {label:<44} {elapsed * 1000:14.1f} ms  peak {peak_mb} MB  -> {verdict}")


if __name__ == "__main__":
    main()
