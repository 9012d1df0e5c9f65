"""What a file would cost to open, judged from its headers before anything decodes it.

Runs before the virus scan: ClamAV decodes images whole to fingerprint them (a 389 KB PNG of
20000x20000 pixels held it 13-37 s and 2 GB) and expands archives, so a decompression bomb is
refused here, in milliseconds, and the scanner never sees it. Nothing is decompressed beyond the
first bytes of an archive member (to spot a nested archive) and the members of a nested ZIP,
each bounded by the same limits.

- Images (any format Pillow recognises by its magic bytes, allowed or not): width x height from
  the header, at most `max_image_pixels`.
- ZIP containers (DOCX, XLSX, any ZIP, wherever its central directory is found): declared expanded
  size in all, entry count, expansion ratio of large entries and of the whole, nesting depth;
  a member that is a compressed archive of another kind (gzip, 7z, RAR...) cannot be judged
  cheaply and is refused.

Declared sizes bind: Python's zipfile (and so our processing) never inflates a member past its
declared size, and the scanner's own limits (scanning.py) cover what it expands itself.
"""

import struct
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image

from insurehub.core.errors import ApplicationError

# Formats whose magic bytes are unambiguous: opening reads the header only (no pixel is decoded).
IMAGE_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP", "ICO", "PPM", "PSD")
# A member above this size must not expand more than the ratio limit (small XML parts compress well).
RATIO_GRACE_BYTES = 1024 * 1024
# Compressed containers other than ZIP: their expanded size is known only by expanding them.
OPAQUE_ARCHIVE_MAGIC = {
    b"\x1f\x8b\x08": "gzip",
    **{b"BZh" + str(level).encode(): "bzip2" for level in range(1, 10)},
    b"\xfd7zXZ\x00": "xz",
    b"\x28\xb5\x2f\xfd": "zstd",
    b"7z\xbc\xaf\x27\x1c": "7-Zip",
    b"Rar!\x1a\x07": "RAR",
    b"MSCF": "CAB",
}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# What image_dimensions answers for a header past Pillow's own guard (twice Image.MAX_IMAGE_PIXELS).
BEYOND_PILLOW = (2**31, 2**31)
SPOOL_IN_MEMORY_BYTES = 8 * 1024 * 1024  # a nested ZIP larger than this is read from a temporary file
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    max_image_pixels: int
    max_uncompressed_bytes: int
    max_ratio: int
    max_entries: int
    max_depth: int

    @classmethod
    def from_settings(cls) -> "Limits":
        from django.conf import settings

        return cls(
            max_image_pixels=settings.DOCUMENTS_MAX_IMAGE_PIXELS,
            max_uncompressed_bytes=settings.DOCUMENTS_ARCHIVE_MAX_UNCOMPRESSED_BYTES,
            max_ratio=settings.DOCUMENTS_ARCHIVE_MAX_RATIO,
            max_entries=settings.DOCUMENTS_ARCHIVE_MAX_ENTRIES,
            max_depth=settings.DOCUMENTS_ARCHIVE_MAX_DEPTH,
        )


def check_cost(stream: BinaryIO, *, size: int, limits: Limits) -> None:
    """Refuse (ApplicationError, 422) a file whose headers promise more work than the limits allow.

    A file whose headers cannot be read is let through: the scan and the type check that follow
    judge it (an unreadable image is `corrupt_file`, an infected one is quarantined).
    """
    try:
        dimensions = image_dimensions(stream)
        if dimensions and dimensions[0] * dimensions[1] > limits.max_image_pixels:
            width, height = dimensions
            size_text = "beyond what Pillow opens" if dimensions == BEYOND_PILLOW else f"{width}x{height} pixels"
            raise ApplicationError(
                "image_too_large",
                f"The image is {size_text}; at most {limits.max_image_pixels} pixels are accepted.",
                status=422,
                errors=[_err("image_too_large", "Too many pixels.")],
            )
        if _looks_like_zip(stream):
            _Budget(limits).check_zip(stream, size=size, depth=1)
    finally:
        stream.seek(0)


def image_dimensions(stream: BinaryIO) -> tuple[int, int] | None:
    """Width and height read from the header only, None when it is not an image Pillow knows.
    A header past Pillow's own bomb guard reports an impossible size so that it is refused."""
    stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(stream, formats=IMAGE_FORMATS) as image:
                return image.size
    except Image.DecompressionBombError:
        return BEYOND_PILLOW
    except (OSError, ValueError, SyntaxError, EOFError, struct.error):
        return None
    finally:
        stream.seek(0)


def _looks_like_zip(stream: BinaryIO) -> bool:
    stream.seek(0)
    head = stream.read(4)
    stream.seek(0)
    return head in ZIP_MAGIC or zipfile.is_zipfile(stream)


class _Budget:
    """The expanded bytes and entries counted so far, across nested archives."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.expanded = 0
        self.entries = 0

    def check_zip(self, stream: BinaryIO, *, size: int, depth: int) -> None:
        limits = self.limits
        try:
            stream.seek(0)
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            return  # not a ZIP Python can read: the scan and the type check judge it
        with archive:
            members = archive.infolist()
            self.entries += len(members)
            if self.entries > limits.max_entries:
                _too_complex(f"The archive holds more than {limits.max_entries} entries.")
            declared = sum(member.file_size for member in members)
            self.expanded += declared
            if self.expanded > limits.max_uncompressed_bytes:
                _too_complex(
                    f"The archive expands to more than {limits.max_uncompressed_bytes} bytes "
                    f"({declared} declared from {size})."
                )
            if declared > RATIO_GRACE_BYTES and declared > limits.max_ratio * max(size, 1):
                _too_complex(f"The archive expands more than {limits.max_ratio} times its size.")
            for member in members:
                if member.file_size > RATIO_GRACE_BYTES and member.file_size > limits.max_ratio * max(
                    member.compress_size, 1
                ):
                    _too_complex(f"An entry expands more than {limits.max_ratio} times its compressed size.")
            for member in members:
                self._check_member(archive, member, depth=depth)

    def _check_member(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, depth: int) -> None:
        if member.is_dir() or member.file_size == 0 or member.flag_bits & 0x1:
            return  # nothing inside, or encrypted (unreadable to us and to the scanner alike)
        try:
            with archive.open(member) as handle:
                head = handle.read(8)
                kind = _opaque_archive(head)
                if kind:
                    _too_complex(f"The archive holds a {kind} archive, whose content cannot be checked.")
                if head[:4] not in ZIP_MAGIC:
                    return
                if depth + 1 > self.limits.max_depth:
                    _too_complex(f"Archives are nested more than {self.limits.max_depth} deep.")
                # Bounded: zipfile never inflates past the declared size, already counted above.
                with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY_BYTES) as inner:
                    inner.write(head)
                    while chunk := handle.read(CHUNK):
                        inner.write(chunk)
                    self.check_zip(inner, size=member.file_size, depth=depth + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
            return  # a broken or unsupported member: the scan and the processing judge it


def _opaque_archive(head: bytes) -> str | None:
    for magic, kind in OPAQUE_ARCHIVE_MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def _too_complex(message: str) -> None:
    raise ApplicationError(
        "file_too_complex",
        f"{message} The file is refused before it is scanned or stored.",
        status=422,
        errors=[_err("file_too_complex", "Too complex to open safely.")],
    )


def _err(code: str, message: str) -> dict:
    return {"field": "file", "code": code, "message": message}
