"""What an upload must pass before it is stored: size, type by content, a safe display name.

`HashingUploadHandler` replaces Django's upload handlers on the upload view: it spools the
file to a temporary file (never all in memory), computes SHA-256 as the bytes arrive and
stops reading as soon as the size limit is passed.
"""

import hashlib
import re
import unicodedata
import zipfile
from typing import BinaryIO

from django.core.files.uploadhandler import SkipFile, TemporaryFileUploadHandler
from PIL import Image

from insurehub.core.errors import ApplicationError
from insurehub.documents.models import FileType

HEAD_BYTES = 64


class HashingUploadHandler(TemporaryFileUploadHandler):
    def __init__(self, *args, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes
        self.too_large = False
        self.sha256 = hashlib.sha256()
        self.received = 0

    def new_file(self, field_name, *args, **kwargs):
        if field_name == "file":
            self.sha256 = hashlib.sha256()
            self.received = 0
        return super().new_file(field_name, *args, **kwargs)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.too_large = True
            self.file.close()
            raise SkipFile()
        self.sha256.update(raw_data)
        return super().receive_data_chunk(raw_data, start)


def clean_filename(name: str) -> str:
    """The last path component, without control or format characters, at most 200 characters.
    Display only: the stored key is always random."""
    name = (name or "").replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip().lstrip(".")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 200 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:200]
    return name or "document"


_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


def _is_docx(stream: BinaryIO) -> bool:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and "word/document.xml" in names


def detect_type(stream: BinaryIO) -> str | None:
    """The allowed type the content's magic bytes name, or None (executables, archives, text...)."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = FileType.PDF
    elif head.startswith(b"\xff\xd8\xff"):
        kind = FileType.JPEG
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = FileType.PNG
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = FileType.WEBP
    elif head[:4] in (b"II*\x00", b"MM\x00*"):
        kind = FileType.TIFF
    elif head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        kind = FileType.HEIC
    elif head.startswith(b"PK\x03\x04"):
        kind = FileType.DOCX if _is_docx(stream) else None
        stream.seek(0)
    return kind


def image_size(stream: BinaryIO) -> tuple[int, int] | None:
    """Width and height read from the header only (decoding nothing), None if unreadable.
    A decompression bomb reports an impossible size so that it is refused as too large."""
    stream.seek(0)
    try:
        with Image.open(stream) as image:
            return image.size
    except Image.DecompressionBombError:
        return (2**31, 2**31)
    except (OSError, ValueError, SyntaxError):
        return None
    finally:
        stream.seek(0)


def check_upload(stream: BinaryIO, *, size: int, max_image_pixels: int) -> str:
    """The file's type, or an ApplicationError saying why it is refused."""
    if size == 0:
        raise ApplicationError("empty_file", "The file is empty.", errors=[_err("file", "empty_file", "Empty.")])
    file_type = detect_type(stream)
    if file_type is None:
        raise ApplicationError(
            "unsupported_type",
            "The file's content is not an allowed type (PDF, JPEG, PNG, WebP, HEIC, TIFF, DOCX), whatever its name.",
            status=415,
            errors=[_err("file", "unsupported_type", "Type not allowed.")],
        )
    if file_type in (FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.TIFF):
        dimensions = image_size(stream)
        if dimensions is None:
            raise ApplicationError(
                "corrupt_file",
                "The image could not be read.",
                status=422,
                errors=[_err("file", "corrupt_file", "Unreadable image.")],
            )
        if dimensions[0] * dimensions[1] > max_image_pixels:
            raise ApplicationError(
                "image_too_large",
                f"The image is {dimensions[0]}x{dimensions[1]} pixels; at most {max_image_pixels} pixels are accepted.",
                status=422,
                errors=[_err("file", "image_too_large", "Too many pixels.")],
            )
    return file_type


def sha256_of(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    while chunk := stream.read(64 * 1024):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def _err(field: str, code: str, message: str) -> dict:
    return {"field": field, "code": code, "message": message}
