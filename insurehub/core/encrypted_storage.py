"""Files on local disk, encrypted (envelope encryption): `EncryptedFileSystemStorage`.

Each file gets a random 256-bit data key. The content is sealed with AES-256-GCM in chunks of
CHUNK_SIZE plaintext bytes, streamed (constant memory whatever the file's size). The data key is
sealed by the field key ring (core.encryption, the context binding the storage's key scope and the
file's name) and kept in the `core.FileKey` table, never beside the file: rotating the field keys
re-seals those rows and never rewrites a file (`rewrap_file_keys`, run by `rotate_field_keys`).

On disk:

    header   MAGIC (6 bytes) | version (1) | chunk size (4, big-endian) | file id (16 random bytes)
    chunks   AES-GCM(chunk i) = ciphertext || 16-byte tag, every chunk CHUNK_SIZE plaintext bytes but
             the last (1..CHUNK_SIZE bytes; 0 only for an empty file, which has one empty chunk)

Chunk i's nonce is its index (8 bytes) and a final flag (4 bytes); its associated data is the
header. So a chunk moved to another position or another file, a file cut at a chunk boundary (the
new last chunk was not sealed as final), bytes appended, or any bit flipped fails to authenticate:
`FileIntegrityError`, the one error shape (500 `file_unreadable`), logged. Random access: `open()`
answers a seekable file object that decrypts only the chunks it reads (Range reads, FileResponse,
scanning, OCR and thumbnails read plaintext through it; nothing writes plaintext to disk).

A file written before encryption (no header and no key row) still reads as it is, until
`encrypt_media_files` seals it in place. A file with a key row but no header (or the reverse) is
refused: plaintext cannot be slipped in where a sealed file was.

`path()` names the sealed file (reading it gives ciphertext): a caller that needs a plaintext path
copies `open()` into a temporary file (`plaintext_copy`) and deletes it afterwards.
"""

import base64
import io
import logging
import os
import secrets
import struct
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.apps import apps
from django.core.files import File, locks
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils import timezone
from django.utils._os import safe_join

from insurehub.core import encryption
from insurehub.core.errors import ApplicationError


def _file_keys():
    """core.FileKey's rows, through the app registry: the storages are built from settings, and this
    module may load before the models are (an import of core.models here would be circular)."""
    return apps.get_model("core", "FileKey").objects


logger = logging.getLogger("insurehub.files")

MAGIC = b"IHFENC"
VERSION = 1
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
_HEADER = struct.Struct(">6sBI16s")
HEADER_SIZE = _HEADER.size


class FileIntegrityError(ApplicationError):
    """A sealed file that does not decrypt: tampered, truncated, or its key is missing."""

    def __init__(self, name: str, reason: str):
        logger.error("encrypted file %s does not decrypt: %s", name, reason)
        super().__init__(
            "file_unreadable",
            "The stored file failed its integrity check and cannot be served; it has been logged.",
            status=500,
        )
        self.reason = reason


def _context(scope: str, name: str) -> str:
    return f"file:{scope}:{name}"


def _nonce(index: int, final: bool) -> bytes:
    return struct.pack(">QI", index, 1 if final else 0)


def wrap_key(data_key: bytes, *, scope: str, name: str) -> str:
    return encryption.encrypt(base64.b64encode(data_key).decode(), context=_context(scope, name))


def unwrap_key(wrapped: str, *, scope: str, name: str) -> bytes:
    return base64.b64decode(encryption.decrypt(wrapped, context=_context(scope, name)))


def plaintext_size(raw_size: int, chunk_size: int = CHUNK_SIZE) -> int | None:
    """The plaintext length of a sealed file of `raw_size` bytes (None: no valid layout has that size)."""
    body = raw_size - HEADER_SIZE
    if body < TAG_SIZE:
        return None
    chunks = -(-body // (chunk_size + TAG_SIZE))
    last = body - (chunks - 1) * (chunk_size + TAG_SIZE)
    if last < TAG_SIZE or (last == TAG_SIZE and chunks > 1):
        return None
    return body - chunks * TAG_SIZE


def seal_stream(chunks: Iterator[bytes], out: BinaryIO, data_key: bytes) -> int:
    """Write the header and the sealed chunks of `chunks` (any sizes) to `out`; returns the plaintext size."""
    header = _HEADER.pack(MAGIC, VERSION, CHUNK_SIZE, secrets.token_bytes(16))
    out.write(header)
    aead = AESGCM(data_key)
    buffer = bytearray()
    index = 0
    total = 0
    for piece in chunks:
        if isinstance(piece, str):
            piece = piece.encode()
        buffer += piece
        total += len(piece)
        while len(buffer) > CHUNK_SIZE:  # strictly more: the last chunk is always sealed as final
            out.write(aead.encrypt(_nonce(index, False), bytes(buffer[:CHUNK_SIZE]), header))
            del buffer[:CHUNK_SIZE]
            index += 1
    out.write(aead.encrypt(_nonce(index, True), bytes(buffer), header))
    return total


def is_sealed(handle: BinaryIO) -> bool:
    position = handle.tell()
    start = handle.read(len(MAGIC))
    handle.seek(position)
    return start == MAGIC


class DecryptingReader(io.RawIOBase):
    """A read-only, seekable view of the plaintext of a sealed file (decrypts chunk by chunk)."""

    def __init__(self, raw: BinaryIO, data_key: bytes, *, label: str):
        super().__init__()
        self._raw, self._label = raw, label
        self._header = raw.read(HEADER_SIZE)
        try:
            magic, version, chunk_size, _file_id = _HEADER.unpack(self._header)
        except struct.error:
            raw.close()
            raise FileIntegrityError(label, "header cut short") from None
        if magic != MAGIC or version != VERSION or chunk_size < 1:
            raw.close()
            raise FileIntegrityError(label, "unknown header")
        raw.seek(0, os.SEEK_END)
        size = plaintext_size(raw.tell(), chunk_size)
        if size is None:
            raw.close()
            raise FileIntegrityError(label, "length is not a sealed file's (truncated or extended)")
        self.size = size
        self._chunk_size = chunk_size
        self._chunks = max(1, -(-size // chunk_size))
        self._aead = AESGCM(data_key)
        self._position = 0
        self._cached: tuple[int, bytes] | None = None
        self._chunk(self._chunks - 1)  # the final chunk authenticates now: a cut file fails at open

    def _chunk(self, index: int) -> bytes:
        if self._cached and self._cached[0] == index:
            return self._cached[1]
        self._raw.seek(HEADER_SIZE + index * (self._chunk_size + TAG_SIZE))
        sealed = self._raw.read(self._chunk_size + TAG_SIZE)
        final = index == self._chunks - 1
        try:
            plain = self._aead.decrypt(_nonce(index, final), sealed, self._header)
        except InvalidTag:
            raise FileIntegrityError(self._label, f"chunk {index} does not authenticate") from None
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self.size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._position = base + offset
        return self._position

    def readinto(self, buffer) -> int:
        if self._position >= self.size:
            return 0
        index, within = divmod(self._position, self._chunk_size)
        plain = self._chunk(index)
        count = min(len(buffer), len(plain) - within)
        buffer[:count] = memoryview(plain)[within : within + count]
        self._position += count
        return count

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class PlaintextReader(io.BufferedReader):
    """Buffered plaintext with its `size` (Django's File reads it: the path's size is the sealed one).
    No `fileno()`: a server's sendfile must not send the sealed bytes from the descriptor."""

    @property
    def size(self) -> int:
        return self.raw.size  # type: ignore[attr-defined]


class EncryptedFileSystemStorage(FileSystemStorage):
    """FileSystemStorage whose files are sealed on disk (module docstring). OPTIONS: `key_scope`
    (the storages sharing one folder share one scope, default "media") and FileSystemStorage's own."""

    def __init__(self, *args, key_scope: str = "media", **kwargs):
        super().__init__(*args, **kwargs)
        self.key_scope = key_scope

    # -- keys ---------------------------------------------------------------------------------------

    def _key_row(self, name: str):
        return _file_keys().filter(scope=self.key_scope, name=name).first()

    def _store_key(self, name: str, data_key: bytes, *, pending: bool = False) -> None:
        wrapped = wrap_key(data_key, scope=self.key_scope, name=name)
        _file_keys().update_or_create(
            scope=self.key_scope,
            name=name,
            defaults={"wrapped_key": wrapped, "key_id": encryption.key_id_of(wrapped) or "", "pending": pending},
        )

    # -- reading ------------------------------------------------------------------------------------

    def _open(self, name, mode="rb"):
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("encrypted storage files are written with save(), not open() for writing")
        raw = open(self.path(name), "rb")  # noqa: SIM115 - owned by the returned file object
        try:
            row = self._key_row(name)
            sealed = is_sealed(raw)
        except BaseException:
            raw.close()
            raise
        if not sealed and (row is None or row.pending):
            return File(raw if "b" in mode else io.TextIOWrapper(raw), name)  # legacy plaintext
        if row is None or not sealed:
            raw.close()
            raise FileIntegrityError(name, "key row without a sealed file" if row else "sealed file without its key")
        try:
            data_key = unwrap_key(row.wrapped_key, scope=self.key_scope, name=name)
        except encryption.DecryptionError as exc:
            raw.close()
            raise FileIntegrityError(name, f"data key does not unwrap: {exc}") from None
        reader = PlaintextReader(DecryptingReader(raw, data_key, label=name), buffer_size=CHUNK_SIZE)
        return File(reader if "b" in mode else io.TextIOWrapper(reader), name)

    def size(self, name):
        with self.open(name, "rb") as handle:
            return handle.size

    # -- writing ------------------------------------------------------------------------------------

    def _save(self, name, content):
        """FileSystemStorage._save, writing sealed chunks instead of the bytes (never moving an
        upload's plaintext temporary file into place), then the key row."""
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            os.makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        data_key = AESGCM.generate_key(bit_length=256)
        while True:
            try:
                descriptor = os.open(full_path, self.OS_OPEN_FLAGS, 0o666)
            except FileExistsError:
                name = self.get_available_name(name)
                full_path = self.path(name)
                continue
            try:
                locks.lock(descriptor, locks.LOCK_EX)
                with os.fdopen(descriptor, "wb", closefd=False) as out:
                    seal_stream(content.chunks(), out, data_key)
            except BaseException:
                os.close(descriptor)
                os.unlink(full_path)
                raise
            locks.unlock(descriptor)
            os.close(descriptor)
            break
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        name = str(name).replace("\\", "/")
        try:
            self._store_key(name, data_key)
        except BaseException:
            os.unlink(full_path)
            raise
        return name

    def delete(self, name):
        super().delete(name)
        _file_keys().filter(scope=self.key_scope, name=name).delete()

    # -- migration of plaintext files ---------------------------------------------------------------

    def seal_in_place(self, name: str) -> bool:
        """Encrypt a plaintext (legacy) file in place; False when it was sealed already.

        The key row is stored first, marked pending (the file may be either form: both read); the
        sealed copy is written to a temporary file in the same folder, flushed to disk and renamed
        over the original (atomic); then the row stops being pending. Stopped at any point and run
        again, it finishes the file: nothing is lost and no reader sees an unreadable file."""
        full_path = Path(self.path(name))
        row = self._key_row(name)
        with full_path.open("rb") as source:
            sealed = is_sealed(source)
            if sealed and row is not None:
                if row.pending:
                    with self.open(name, "rb"):  # authenticates the final chunk: the rename was whole
                        pass
                    _file_keys().filter(pk=row.pk).update(pending=False, updated_at=timezone.now())
                    return True
                return False
            if sealed:
                raise FileIntegrityError(name, "sealed file without its key")
            data_key = AESGCM.generate_key(bit_length=256)
            self._store_key(name, data_key, pending=True)
            descriptor, temporary = tempfile.mkstemp(dir=full_path.parent, prefix=".sealing-", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as out:
                    seal_stream(iter(lambda: source.read(CHUNK_SIZE), b""), out, data_key)
                    out.flush()
                    os.fsync(out.fileno())
                os.chmod(temporary, full_path.stat().st_mode & 0o777)
                os.replace(temporary, full_path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        _fsync_directory(full_path.parent)
        _file_keys().filter(scope=self.key_scope, name=name).update(pending=False, updated_at=timezone.now())
        return True


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def plaintext_copy(storage, name: str, *, suffix: str = "") -> Iterator[Path]:
    """A temporary plaintext copy of a stored file for a tool that needs a path; deleted on exit."""
    descriptor, temporary = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(descriptor, "wb") as out, storage.open(name, "rb") as source:
            for block in iter(lambda: source.read(CHUNK_SIZE), b""):
                out.write(block)
        yield Path(temporary)
    finally:
        Path(temporary).unlink(missing_ok=True)


def rewrap_file_keys(*, batch_size: int = 500, stdout=None) -> int:
    """Re-seal every file data key not under the primary key of FIELD_ENCRYPTION_KEYS; file bytes
    are not touched. Batches by primary key, each its own transaction: stopped and started again,
    it carries on with the rows still under an old key. Returns the number of rows re-sealed."""
    primary = encryption.key_ring().primary_id
    done = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            rows = list(
                _file_keys()
                .select_for_update()
                .filter(pk__gt=last_pk)
                .exclude(key_id=primary)
                .order_by("pk")[:batch_size]
            )
            if not rows:
                return done
            for row in rows:
                data_key = unwrap_key(row.wrapped_key, scope=row.scope, name=row.name)
                row.wrapped_key = wrap_key(data_key, scope=row.scope, name=row.name)
                row.key_id = primary
                row.updated_at = timezone.now()
            _file_keys().bulk_update(rows, ["wrapped_key", "key_id", "updated_at"])
        done += len(rows)
        last_pk = rows[-1].pk
        if stdout is not None:
            stdout.write(f"  file keys: {done} re-sealed")


def stored_names(storage: FileSystemStorage, directory: str = "") -> Iterator[str]:
    """Every file name under `directory` of a local storage (walks the folder)."""
    root = Path(safe_join(storage.location, directory)) if directory else Path(storage.location)
    if not root.exists():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith(".sealing-"):
            yield path.relative_to(storage.location).as_posix()
