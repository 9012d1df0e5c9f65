"""Encrypted local files (core.encrypted_storage): save and read of a 25 MB file through
EncryptedFileSystemStorage next to a baseline in the same run, Django's plain FileSystemStorage
saving and reading the same bytes in the same folder; plus the peak Python memory of each (the
sealed path streams in 64 KiB chunks: constant memory) and a 1 MiB ranged read from the middle.
Not a test: `make bench` or `python bench/bench_file_encryption.py [REPEATS]`.

The key row (core.FileKey: one INSERT on save, one SELECT on open) is kept in a dict here so that
the bench needs no database; its database cost is that of one small indexed row.
"""

import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import File  # noqa: E402
from django.core.files.storage import FileSystemStorage  # noqa: E402

from insurehub.core import encrypted_storage as es  # noqa: E402

SIZE = 25 * 1024 * 1024
READ_BLOCK = 64 * 1024


class _Row:
    def __init__(self, wrapped: str):
        self.wrapped_key, self.pending = wrapped, False


class BenchEncryptedStorage(es.EncryptedFileSystemStorage):
    """The real storage with its key rows in memory (no database)."""

    rows: dict[str, _Row] = {}

    def _store_key(self, name, data_key, *, pending=False):
        self.rows[name] = _Row(es.wrap_key(data_key, scope=self.key_scope, name=name))

    def _key_row(self, name):
        return self.rows.get(name)

    def delete(self, name):
        FileSystemStorage.delete(self, name)
        self.rows.pop(name, None)


def _save(storage, source: Path) -> str:
    with source.open("rb") as handle:
        return storage.save("bench/file.bin", File(handle, name="file.bin"))


def _read(storage, name: str) -> int:
    total = 0
    with storage.open(name, "rb") as handle:
        while block := handle.read(READ_BLOCK):
            total += len(block)
    return total


def _range(storage, name: str) -> int:
    with storage.open(name, "rb") as handle:
        handle.seek(SIZE // 2 + 12345)
        return len(handle.read(1024 * 1024))


def measure(storage, source: Path, repeats: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"save": [], "read": [], "range": [], "save_peak": [], "read_peak": []}
    for _ in range(repeats):
        tracemalloc.start()
        started = time.perf_counter()
        name = _save(storage, source)
        figures["save"].append(time.perf_counter() - started)
        figures["save_peak"].append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        tracemalloc.start()
        started = time.perf_counter()
        assert _read(storage, name) == SIZE
        figures["read"].append(time.perf_counter() - started)
        figures["read_peak"].append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        started = time.perf_counter()
        assert _range(storage, name) == 1024 * 1024
        figures["range"].append(time.perf_counter() - started)
        storage.delete(name)
    return figures


def row(label: str, figures: dict[str, list[float]]) -> str:
    save, read, ranged = (statistics.median(figures[k]) for k in ("save", "read", "range"))
    save_peak, read_peak = (max(figures[k]) / 1024 for k in ("save_peak", "read_peak"))
    mb = SIZE / 1024 / 1024
    return (
        f"  {label:<26} save {save * 1000:7.1f} ms ({mb / save:6.0f} MB/s, peak {save_peak:6.0f} KiB)"
        f"   read {read * 1000:7.1f} ms ({mb / read:6.0f} MB/s, peak {read_peak:6.0f} KiB)"
        f"   1 MiB range {ranged * 1000:5.1f} ms"
    )


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bench-fileenc-") as work:
        source = Path(work) / "source.bin"
        source.write_bytes(os.urandom(SIZE))  # incompressible, like a photo or a scanned PDF
        plain = FileSystemStorage(location=Path(work) / "plain")
        sealed = BenchEncryptedStorage(location=Path(work) / "sealed", key_scope="bench")
        measure(plain, source, 1)  # warm the page cache and the code paths
        measure(sealed, source, 1)
        baseline = measure(plain, source, repeats)
        encrypted = measure(sealed, source, repeats)
    print(f"Local file encryption, a 25 MB file, median of {repeats} (same folder, same run):")
    print(row("FileSystemStorage (base)", baseline))
    print(row("EncryptedFileSystemStorage", encrypted))
    ratio_save = statistics.median(encrypted["save"]) / statistics.median(baseline["save"])
    ratio_read = statistics.median(encrypted["read"]) / statistics.median(baseline["read"])
    print(f"  encrypted / base: save x{ratio_save:.1f}, read x{ratio_read:.1f}")


if __name__ == "__main__":
    main()
