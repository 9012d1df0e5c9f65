"""The bytes of resumable uploads received so far: one file per upload, `<upload id hex>.part`, in
DOCUMENTS_UPLOADS_PARTIAL_DIR.

That directory is not the documents storage and nothing serves it: a partial file is neither
scanned nor a document. It becomes one only through the intake (resumable.py), after which it is
removed. Several web replicas must share the directory (a volume), or route an upload's requests
to one replica; a replica that finds fewer bytes than the upload's offset says so
(`length` < offset) and the upload restarts from 0.

The bytes are sealed like every local file (core.encrypted_storage): a random data key per upload,
sealed by FIELD_ENCRYPTION_KEYS and kept in the file's header (the file lives at most the upload's
TTL, so an old key must stay in the ring that long after a rotation); then records of at most
RECORD_BYTES plaintext bytes, each AES-256-GCM with a random nonce, bound to the upload and to its
offset in the file. A write at an offset inside a record rewrites that record (new nonce). A torn
last record (a crash mid-write) does not count: `length` stops before it. Integrity of the whole is
checked by the upload's SHA-256 at the end. A partial file from before encryption (no header) is
still read and appended to as plaintext.
"""

import base64
import bisect
import hashlib
import io
import os
import struct
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

from insurehub.core import encryption

SUFFIX = ".part"
READ_BLOCK = 64 * 1024
MAGIC = b"IHPART"
RECORD_BYTES = 64 * 1024
_RECORD = struct.Struct(">I12s")  # plaintext length, nonce; then ciphertext and its 16-byte tag
_TAG = 16


def partial_dir() -> Path:
    directory = Path(settings.DOCUMENTS_UPLOADS_PARTIAL_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def path_for(upload_id) -> Path:
    return partial_dir() / f"{uuid.UUID(str(upload_id)).hex}{SUFFIX}"


class _Sealed:
    """A sealed partial file's header and record index: (plaintext start, raw start, plaintext length)."""

    def __init__(self, handle: BinaryIO, upload_id):
        self.upload = uuid.UUID(str(upload_id))
        handle.seek(0)
        _magic, wrapped_length = struct.unpack(">6sH", handle.read(8))
        wrapped = handle.read(wrapped_length).decode()
        self.key = _unwrap(wrapped, self.upload)
        self.records: list[tuple[int, int, int]] = []
        raw_size = handle.seek(0, os.SEEK_END)
        raw = self.body_start = 8 + wrapped_length
        plain = 0
        while raw + _RECORD.size <= raw_size:
            handle.seek(raw)
            length, _nonce = _RECORD.unpack(handle.read(_RECORD.size))
            end = raw + _RECORD.size + length + _TAG
            if end > raw_size:
                break  # torn by a crash mid-write: not counted
            self.records.append((plain, raw, length))
            plain += length
            raw = end
        self.length, self.raw_end = plain, raw

    def aad(self, plain_start: int) -> bytes:
        return self.upload.bytes + struct.pack(">Q", plain_start)

    def decrypt(self, handle: BinaryIO, index: int) -> bytes:
        plain_start, raw_start, length = self.records[index]
        handle.seek(raw_start)
        _length, nonce = _RECORD.unpack(handle.read(_RECORD.size))
        try:
            return AESGCM(self.key).decrypt(nonce, handle.read(length + _TAG), self.aad(plain_start))
        except InvalidTag:
            raise encryption.DecryptionError(f"partial upload {self.upload} does not authenticate") from None


def _context(upload: uuid.UUID) -> str:
    return f"partial-upload:{upload.hex}"


def _unwrap(wrapped: str, upload: uuid.UUID) -> bytes:
    return base64.b64decode(encryption.decrypt(wrapped, context=_context(upload)))


def _is_sealed(handle: BinaryIO) -> bool:
    handle.seek(0)
    sealed = handle.read(len(MAGIC)) == MAGIC
    handle.seek(0)
    return sealed


def _append(handle: BinaryIO, sealed: _Sealed, plain_start: int, data: bytes) -> None:
    aead = AESGCM(sealed.key)
    view = memoryview(data)
    for start in range(0, len(data), RECORD_BYTES):
        piece = bytes(view[start : start + RECORD_BYTES])
        nonce = os.urandom(12)
        handle.write(_RECORD.pack(len(piece), nonce))
        handle.write(aead.encrypt(nonce, piece, sealed.aad(plain_start + start)))


def _new_file(handle: BinaryIO, upload_id) -> _Sealed:
    upload = uuid.UUID(str(upload_id))
    wrapped = encryption.encrypt(
        base64.b64encode(AESGCM.generate_key(bit_length=256)).decode(), context=_context(upload)
    ).encode()
    handle.seek(0)
    handle.truncate()
    handle.write(struct.pack(">6sH", MAGIC, len(wrapped)) + wrapped)
    return _Sealed(handle, upload)


def length(upload_id) -> int:
    """How many bytes are on disk for the upload (0 when none)."""
    try:
        with path_for(upload_id).open("rb") as handle:
            if not _is_sealed(handle):
                return handle.seek(0, os.SEEK_END)
            return _Sealed(handle, upload_id).length
    except FileNotFoundError:
        return 0
    except (encryption.DecryptionError, struct.error, ValueError):
        return 0  # unreadable (a key dropped from the ring, a damaged header): the upload starts again


def write_at(upload_id, offset: int, data: bytes) -> None:
    """Write `data` at `offset` and cut what followed (a chunk whose answer was lost and is sent
    again, or a rolled-back attempt, leaves nothing behind it). Flushed to disk before returning."""
    path = path_for(upload_id)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "r+b") as handle:
        legacy = not _is_sealed(handle) and handle.seek(0, os.SEEK_END) > 0 and offset > 0
        if legacy:  # begun before encryption: carries on as it started
            handle.seek(offset)
            handle.write(data)
        else:
            try:
                sealed = _new_file(handle, upload_id) if offset == 0 else _Sealed(handle, upload_id)
            except (encryption.DecryptionError, struct.error, ValueError):
                raise ValueError(f"partial upload {upload_id} is unreadable; restart it from 0") from None
            if offset > sealed.length:
                raise ValueError(f"offset {offset} is past the {sealed.length} bytes on disk")
            starts = [record[0] for record in sealed.records]
            index = bisect.bisect_right(starts, offset) - 1
            if index >= 0 and offset < sealed.records[index][0] + sealed.records[index][2]:
                prefix = sealed.decrypt(handle, index)[: offset - sealed.records[index][0]]
                cut, plain_start = sealed.records[index][1], sealed.records[index][0]
            else:
                prefix, cut, plain_start = b"", sealed.raw_end, offset
            handle.seek(cut)
            handle.truncate()
            _append(handle, sealed, plain_start, prefix + data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


class _PlaintextReader(io.RawIOBase):
    """A seekable, read-only view of a sealed partial file's plaintext."""

    def __init__(self, handle: BinaryIO, upload_id):
        super().__init__()
        self._handle = handle
        self._sealed = _Sealed(handle, upload_id)
        self._starts = [record[0] for record in self._sealed.records]
        self._position = 0
        self._cached: tuple[int, bytes] | None = None
        self.size = self._sealed.length

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self.size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer) -> int:
        if self._position >= self.size:
            return 0
        index = bisect.bisect_right(self._starts, self._position) - 1
        if not self._cached or self._cached[0] != index:
            self._cached = (index, self._sealed.decrypt(self._handle, index))
        plain = self._cached[1]
        within = self._position - self._starts[index]
        count = min(len(buffer), len(plain) - within)
        buffer[:count] = memoryview(plain)[within : within + count]
        self._position += count
        return count

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
        super().close()


def open_for_read(upload_id) -> BinaryIO:
    handle = path_for(upload_id).open("rb")
    if not _is_sealed(handle):
        return handle
    try:
        return io.BufferedReader(_PlaintextReader(handle, upload_id), buffer_size=RECORD_BYTES)
    except BaseException:
        handle.close()
        raise


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
