"""Serving copies of photos: orientation fixed, metadata stripped, resized; a thumbnail; a
perceptual hash to spot the same photo reused elsewhere. The original is kept untouched."""

import io
from dataclasses import dataclass
from typing import BinaryIO

import imagehash
from PIL import ExifTags, Image, ImageOps

THUMBNAIL_SIDE = 320


@dataclass
class PreparedImage:
    served: bytes  # JPEG (or PNG when the image has transparency), no metadata
    served_type: str
    thumbnail: bytes
    width: int
    height: int
    perceptual_hash: str
    private_metadata: dict


def _exif_metadata(image: Image.Image) -> dict:
    """Camera, time and GPS tags (JSON-ready) kept, encrypted, for fraud checks."""
    exif = image.getexif()
    if not exif:
        return {}
    out: dict = {}
    for tag, value in exif.items():
        name = ExifTags.TAGS.get(tag, str(tag))
        if name in ("Make", "Model", "DateTime", "Software", "Orientation"):
            out[name] = str(value)
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if gps:
        out["GPS"] = {ExifTags.GPSTAGS.get(k, str(k)): str(v) for k, v in gps.items()}
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    if sub.get(ExifTags.Base.DateTimeOriginal):
        out["DateTimeOriginal"] = str(sub[ExifTags.Base.DateTimeOriginal])
    return out


def _encode(image: Image.Image, *, transparent: bool) -> tuple[bytes, str]:
    buffer = io.BytesIO()
    if transparent:
        image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue(), "image/png"
    image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue(), "image/jpeg"


def prepare(stream: BinaryIO, *, max_side: int) -> PreparedImage:
    with Image.open(stream) as original:
        metadata = _exif_metadata(original)
        image = ImageOps.exif_transpose(original)
        image.load()
    transparent = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    if not transparent and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    served = image.copy()
    served.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # A fresh image carries no EXIF, XMP or ICC text: nothing personal leaks into the copy.
    clean = Image.new(served.mode, served.size)
    clean.paste(served)
    served_bytes, served_type = _encode(clean, transparent=transparent)
    thumb = clean.copy()
    thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    thumb_bytes, _ = _encode(thumb, transparent=False)
    return PreparedImage(
        served=served_bytes,
        served_type=served_type,
        thumbnail=thumb_bytes,
        width=image.width,
        height=image.height,
        perceptual_hash=str(imagehash.phash(image)),
        private_metadata=metadata,
    )
