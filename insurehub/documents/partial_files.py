"""The bytes of resumable uploads received so far: one file per upload, `<upload id hex>.part`, in
DOCUMENTS_UPLOADS_PARTIAL_DIR.

That directory is not the documents storage and nothing serves it: a partial file is neither
scanned nor a document. It becomes one only through the intake (resumable.py), after which it is
removed. Several web replicas must share the directory (a volume), or route an upload's requests
to one replica; a replica that finds fewer bytes than the upload's offset says so
(`length` < offset) and the upload restarts from 0.
"""

import hashlib
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

SUFFIX = ".part"
READ_BLOCK = 64 * 1024


def partial_dir() -> Path:
    directory = Path(settings.DOCUMENTS_UPLOADS_PARTIAL_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def path_for(upload_id) -> Path:
    return partial_dir() / f"{uuid.UUID(str(upload_id)).hex}{SUFFIX}"


def length(upload_id) -> int:
    """How many bytes are on disk for the upload (0 when none)."""
    try:
        return path_for(upload_id).stat().st_size
    except FileNotFoundError:
        return 0


def write_at(upload_id, offset: int, data: bytes) -> None:
    """Write `data` at `offset` and cut what followed (a chunk whose answer was lost and is sent
    again, or a rolled-back attempt, leaves nothing behind it). Flushed to disk before returning."""
    path = path_for(upload_id)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def open_for_read(upload_id) -> BinaryIO:
    return path_for(upload_id).open("rb")


def sha256_of(upload_id) -> str:
    digest = hashlib.sha256()
    with open_for_read(upload_id) as handle:
        while block := handle.read(READ_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def remove(upload_id) -> None:
    path_for(upload_id).unlink(missing_ok=True)


def stored_ids(*, older_than_seconds: float = 0) -> Iterator[uuid.UUID]:
    """The uploads that have bytes on disk, optionally only those untouched for a while."""
    cutoff = time.time() - older_than_seconds
    for path in partial_dir().glob(f"*{SUFFIX}"):
        try:
            upload_id = uuid.UUID(path.name.removesuffix(SUFFIX))
            if path.stat().st_mtime <= cutoff:
                yield upload_id
        except (ValueError, FileNotFoundError):
            continue
