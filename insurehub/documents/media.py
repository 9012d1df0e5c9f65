"""The one image pipeline, for every image a user uploads (a claim's documents, assessment photos):
the served copy (orientation applied, every metadata block dropped, re-compressed as JPEG), a
WebP thumbnail, a 64-bit perceptual hash (pHash) to find the same picture reused on another
claim, and the original's metadata (device, times, GPS) for fraud checks. The original itself is
kept untouched elsewhere.

Pure functions over bytes: no storage, no database (services.py stores and records).
"""

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import BinaryIO

import imagehash
from PIL import ExifTags, Image, ImageOps

# What the original's EXIF says about the device and the moment, kept (encrypted) for fraud checks.
DEVICE_TAGS = ("Make", "Model", "Software", "DateTime", "Orientation", "HostComputer", "Artist")
EXIF_SUB_TAGS = (
    "DateTimeOriginal",
    "DateTimeDigitized",
    "OffsetTimeOriginal",
    "LensMake",
    "LensModel",
    "BodySerialNumber",
    "CameraOwnerName",
    "ImageUniqueID",
)
# Formats Pillow decodes here, by what the decoder found (the upload's type was already judged
# by its magic bytes; HEIC is accepted and OCR'd where a decoder exists, never re-encoded here).
DECODABLE_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "MPO": "image/jpeg",
}
SERVED_TYPE = "image/jpeg"
THUMBNAIL_TYPE = "image/webp"


class MediaError(Exception):
    """An image the pipeline refuses: `unsupported_type`, `image_too_large` or `corrupt_image`."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class PreparedImage:
    served: bytes  # JPEG, no metadata
    thumbnail: bytes  # WebP, no metadata
    width: int  # of the original, orientation applied
    height: int
    served_width: int
    served_height: int
    perceptual_hash: str  # 16 hex digits (64-bit pHash)
    metadata: dict  # the original's EXIF (device, times, GPS): JSON-ready
    taken_at: datetime | None
    source_type: str


def _jsonable(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").strip("\x00")[:200]
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, int | str | bool) or value is None:
        return value
    try:
        return float(value)  # IFDRational
    except (TypeError, ValueError, ZeroDivisionError):
        return str(value)[:200]


def original_metadata(image: Image.Image) -> dict:
    exif = image.getexif()
    if not exif:
        return {}
    out: dict = {}
    for tag, value in exif.items():
        name = ExifTags.TAGS.get(tag)
        if name in DEVICE_TAGS:
            out[name] = _jsonable(value)
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    for tag, value in sub.items():
        name = ExifTags.TAGS.get(tag)
        if name in EXIF_SUB_TAGS:
            out[name] = _jsonable(value)
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if gps:
        out["GPS"] = {ExifTags.GPSTAGS.get(k, str(k)): _jsonable(v) for k, v in gps.items()}
        position = gps_position(gps)
        if position:
            out["GPSPosition"] = {"latitude": position[0], "longitude": position[1]}
    return out


def gps_position(gps: dict) -> tuple[float, float] | None:
    """Decimal degrees from EXIF GPS degrees/minutes/seconds (None when incomplete)."""
    try:
        lat, lat_ref = gps[ExifTags.GPS.GPSLatitude], gps.get(ExifTags.GPS.GPSLatitudeRef, "N")
        lon, lon_ref = gps[ExifTags.GPS.GPSLongitude], gps.get(ExifTags.GPS.GPSLongitudeRef, "E")
        latitude = float(lat[0]) + float(lat[1]) / 60 + float(lat[2]) / 3600
        longitude = float(lon[0]) + float(lon[1]) / 60 + float(lon[2]) / 3600
    except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
        return None
    return (
        round(-latitude if str(lat_ref).upper().startswith("S") else latitude, 6),
        round(-longitude if str(lon_ref).upper().startswith("W") else longitude, 6),
    )


def taken_at(metadata: dict | None) -> datetime | None:
    """When the camera says the photo was taken (EXIF local time, with its offset when given, else UTC)."""
    metadata = metadata or {}
    raw = metadata.get("DateTimeOriginal") or metadata.get("DateTime")
    if not isinstance(raw, str):
        return None
    try:
        moment = datetime.strptime(raw.strip(), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = metadata.get("OffsetTimeOriginal")
    tz = UTC
    if isinstance(offset, str) and len(offset) == 6 and offset[0] in "+-":
        try:
            hours, minutes = int(offset[1:3]), int(offset[4:6])
            sign = 1 if offset[0] == "+" else -1
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
        except ValueError:
            tz = UTC
    return moment.replace(tzinfo=tz).astimezone(UTC)


def prepare(
    stream: BinaryIO, *, max_pixels: int, served_max_side: int, jpeg_quality: int, thumbnail_side: int
) -> PreparedImage:
    """Decode the whole image (a truncated file or a decompression bomb is refused), then make
    the served copy and the thumbnail from a fresh image that carries no metadata at all."""
    stream.seek(0)
    try:
        with Image.open(stream) as original:
            source_type = DECODABLE_FORMATS.get(original.format or "")
            if source_type is None:
                raise MediaError("unsupported_type", "Images must be JPEG, PNG, WebP or TIFF.")
            if original.width * original.height > max_pixels:
                raise MediaError(
                    "image_too_large",
                    f"The image is {original.width}x{original.height} pixels; at most {max_pixels} are accepted.",
                )
            metadata = original_metadata(original)
            original.load()
            image = ImageOps.exif_transpose(original)
    except MediaError:
        raise
    except Image.DecompressionBombError as exc:
        raise MediaError("image_too_large", "The image is too large to decode safely.") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise MediaError("corrupt_image", f"The image could not be decoded ({type(exc).__name__}).") from exc
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        # Served as JPEG: transparency is flattened onto white.
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    width, height = image.size
    served = image.copy()
    # reducing_gap: a fast integer reduce() first, then LANCZOS (same quality, a fraction of the time).
    served.thumbnail((served_max_side, served_max_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    phash = str(imagehash.phash(served))  # pHash works on a 32x32 reduction: the served copy suffices
    clean = Image.new("RGB", served.size)  # a fresh image: no EXIF, XMP, ICC or comments
    clean.paste(served)
    buffer = io.BytesIO()
    clean.save(buffer, "JPEG", quality=jpeg_quality, optimize=True, progressive=True)
    thumb = clean.copy()
    thumb.thumbnail((thumbnail_side, thumbnail_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    thumb_buffer = io.BytesIO()
    thumb.save(thumb_buffer, "WEBP", quality=75, method=4)
    return PreparedImage(
        served=buffer.getvalue(),
        thumbnail=thumb_buffer.getvalue(),
        width=width,
        height=height,
        served_width=clean.width,
        served_height=clean.height,
        perceptual_hash=phash,
        metadata=metadata,
        taken_at=taken_at(metadata),
        source_type=source_type,
    )


# --- the reuse index ---------------------------------------------------------------------
# Two hashes within 7 bits of each other share at least one of their 8 bytes (pigeonhole), so
# near-duplicates are found by an indexed lookup on (band, value) instead of comparing against
# every image (models.ImageHashBand).

MAX_INDEXED_DISTANCE = 7


def hash_bands(perceptual_hash: str) -> list[int]:
    """The 8 bytes of a 64-bit hash given as 16 hex digits."""
    return list(bytes.fromhex(perceptual_hash.rjust(16, "0")))


def hash_distance(a: str, b: str) -> int:
    """Hamming distance: how many of the 64 bits differ."""
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def content_type_of(key: str) -> str:
    """The content type of a served copy or thumbnail, by the extension its key was given."""
    extension = key.rsplit(".", 1)[-1].lower() if "." in key else ""
    return {"png": "image/png", "webp": "image/webp"}.get(extension, "image/jpeg")
