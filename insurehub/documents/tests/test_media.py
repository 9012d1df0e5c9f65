"""The one image pipeline (documents/media.py), pure: served copy, thumbnail, hash, metadata."""

import io

import pytest
from PIL import Image

from insurehub.documents import media
from insurehub.documents.tests.samples import picture

PREPARE = {"max_pixels": 40_000_000, "served_max_side": 2048, "jpeg_quality": 82, "thumbnail_side": 320}


def test_an_image_is_oriented_stripped_compressed_and_thumbnailed():
    raw = picture(seed=3, size=(400, 200), orientation=6, exif=True)
    prepared = media.prepare(io.BytesIO(raw), **PREPARE)
    served = Image.open(io.BytesIO(prepared.served))
    assert served.format == "JPEG"
    assert served.size == (200, 400)  # orientation 6: rotated a quarter turn
    assert (prepared.width, prepared.height) == (prepared.served_width, prepared.served_height) == (200, 400)
    assert not served.getexif()  # no EXIF at all: no GPS, no device
    assert b"PhoneMaker" not in prepared.served and b"Exif" not in prepared.served
    thumbnail = Image.open(io.BytesIO(prepared.thumbnail))
    assert thumbnail.format == "WEBP" and max(thumbnail.size) <= 320
    assert prepared.metadata["Make"] == "PhoneMaker"
    assert prepared.metadata["GPS"]["GPSLatitudeRef"] == "S"
    assert prepared.metadata["GPSPosition"] == {"latitude": -1.291667, "longitude": 36.82}
    assert prepared.taken_at.isoformat() == "2026-01-15T10:30:00+00:00"
    assert len(prepared.perceptual_hash) == 16


def test_big_images_are_scaled_down_for_serving_and_the_original_size_kept():
    raw = picture(seed=4, size=(3000, 1000))
    prepared = media.prepare(io.BytesIO(raw), **{**PREPARE, "served_max_side": 1024})
    assert (prepared.served_width, prepared.served_height) == (1024, 341)
    assert (prepared.width, prepared.height) == (3000, 1000)


def test_transparency_is_flattened_onto_white():
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    prepared = media.prepare(io.BytesIO(buffer.getvalue()), **PREPARE)
    served = Image.open(io.BytesIO(prepared.served))
    assert served.format == "JPEG" and served.getpixel((20, 20)) == (255, 255, 255)


def test_near_identical_images_have_close_hashes_and_different_ones_do_not():
    original = picture(seed=5, size=(300, 200))
    image = Image.open(io.BytesIO(original)).resize((240, 160))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    a = media.prepare(io.BytesIO(original), **PREPARE).perceptual_hash
    b = media.prepare(io.BytesIO(buffer.getvalue()), **PREPARE).perceptual_hash
    c = media.prepare(io.BytesIO(picture(seed=6, size=(300, 200))), **PREPARE).perceptual_hash
    assert media.hash_distance(a, b) <= 6
    assert media.hash_distance(a, c) > 7


def test_hash_bands_find_every_hash_within_seven_bits():
    a = "f0e1d2c3b4a59687"
    flipped = int(a, 16) ^ 0b1000000110000001100000011  # 7 bits in 4 different bytes
    b = f"{flipped:016x}"
    assert media.hash_distance(a, b) == 7
    assert any(x == y for x, y in zip(media.hash_bands(a), media.hash_bands(b), strict=True))


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (picture(seed=7)[:200], "corrupt_image"),  # truncated
        (b"GIF89a" + b"\0" * 50, "corrupt_image"),
    ],
    ids=["truncated", "gif-header"],
)
def test_undecodable_images_are_refused(payload, code):
    with pytest.raises(media.MediaError) as caught:
        media.prepare(io.BytesIO(payload), **PREPARE)
    assert caught.value.code in (code, "unsupported_type")


def test_decompression_bombs_are_refused_before_decoding():
    raw = picture(seed=8, size=(300, 300), fmt="PNG")
    with pytest.raises(media.MediaError) as caught:
        media.prepare(io.BytesIO(raw), **{**PREPARE, "max_pixels": 10_000})
    assert caught.value.code == "image_too_large"


def test_content_types_follow_the_key():
    assert media.content_type_of("thumbnails/ab/x.webp") == "image/webp"
    assert media.content_type_of("served/ab/x.jpg") == "image/jpeg"
    assert media.content_type_of("served/ab/x.png") == "image/png"  # copies made before this pipeline
