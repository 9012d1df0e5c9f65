"""Virus-scan time per file: clamscan with the local signature database (what `make run` uses where
freshclam's database is missing) next to clamd's INSTREAM with the same database (a clamd this
script starts on a free port), and a baseline in the same run: SHA-256 of the same bytes.
Not a test: `make bench` or `python bench/bench_scan.py [REPEATS]`.

With freshclam's full database clamscan loads every signature for every file (seconds each), which
is why production and hosts with real signatures use clamd; this measures the development setup.
"""

import hashlib
import io
import os
import shutil
import socket
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

from insurehub.documents.scanning import ClamdScanner, ClamscanScanner  # noqa: E402
from insurehub.documents.tests.samples import EICAR, LOCAL_HDB, LOCAL_NDB  # noqa: E402

SIZES = {"100 KB": 100 * 1024, "1 MB": 1024 * 1024, "10 MB": 10 * 1024 * 1024}


def measure(scan, payload: bytes, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        scan(io.BytesIO(payload))
        times.append(time.perf_counter() - started)
    return times


def line(name: str, values: list[float]) -> str:
    return f"  {name:<34} p50={statistics.median(values) * 1000:8.1f} ms  max={max(values) * 1000:8.1f} ms"


def start_clamd(database: Path, work: Path) -> tuple[subprocess.Popen, ClamdScanner] | None:
    binary = shutil.which("clamd") or ("/usr/sbin/clamd" if os.path.exists("/usr/sbin/clamd") else None)
    if not binary:
        return None
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = work / "clamd.conf"
    config.write_text(
        f"DatabaseDirectory {database}\nTCPSocket {port}\nTCPAddr 127.0.0.1\nForeground yes\n"
        f"StreamMaxLength 25M\nTemporaryDirectory {work}\n"
    )
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        [binary, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    scanner = ClamdScanner(host="127.0.0.1", port=port, timeout=30)
    deadline = time.monotonic() + 60
    while not scanner.ping():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            return None
        time.sleep(0.05)
    return process, scanner


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    clamscan = shutil.which("clamscan")
    if not clamscan:
        print("clamscan is not installed (scripts/system-deps.sh): nothing to measure")
        return
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as directory:
        work = Path(directory)
        database = work / "clamav-db"
        database.mkdir()
        (database / "local.hdb").write_text(LOCAL_HDB)
        (database / "local.ndb").write_text(LOCAL_NDB)
        engines = {"clamscan (local EICAR database)": ClamscanScanner(path=clamscan, database=str(database)).scan}
        clamd = start_clamd(database, work)
        if clamd:
            engines["clamd INSTREAM (same database)"] = clamd[1].scan
        try:
            assert engines["clamscan (local EICAR database)"](io.BytesIO(EICAR)).status == "infected"
            for label, size in SIZES.items():
                payload = os.urandom(size)
                print(f"{label} file, {repeats} scans each:")
                print(
                    line("baseline: sha256 of the bytes", measure(lambda s: hashlib.sha256(s.read()), payload, repeats))
                )
                for name, scan in engines.items():
                    print(line(name, measure(scan, payload, repeats)))
        finally:
            if clamd:
                clamd[0].terminate()
                clamd[0].wait(timeout=10)


if __name__ == "__main__":
    main()
