"""Pure parts: section schemas, estimate arithmetic and comparison, photo processing."""

import io
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from PIL import Image

from insurehub.assessments import estimating, images, sections
from insurehub.assessments.models import SectionKind
from insurehub.assessments.tests.factories import photo_bytes

PREPARE = {"max_pixels": 40_000_000, "served_max_side": 2048, "jpeg_quality": 82, "thumbnail_side": 320}


def test_every_section_of_the_template_has_a_schema():
    assert list(SectionKind.values) == sections.TEMPLATE
    assert len(sections.TEMPLATE) == 8
    for kind in sections.TEMPLATE:
        assert sections.findings_errors(kind, {}) == []
        assert sections.findings_errors(kind, {"items": []}) == []


def test_findings_are_validated_against_the_section_schema():
    good = {
        "items": [{"component": "rear_bumper", "condition": "damaged", "damage": ["dent"], "action": "replace"}],
        "paint_mismatch": False,
    }
    assert sections.findings_errors("exterior", good) == []
    assert sections.findings_errors("exterior", {"items": [{"component": "windscreen", "condition": "ok"}]})
    assert sections.findings_errors("exterior", {"colour": "red"})  # unknown key
    assert sections.findings_errors("mechanical", {"odometer_km": -5})
    assert sections.findings_errors("glass", [1, 2])
    assert sections.findings_errors("nope", {}) == ["Unknown section 'nope'."]


def test_completion_percentage():
    assert sections.completion_percentage(0, 8) == 0
    assert sections.completion_percentage(3, 8) == 37
    assert sections.completion_percentage(8, 8) == 100


def test_line_amounts_are_decimal_and_rounded_half_up_per_line():
    part = estimating.line_amounts(
        kind="part", quantity=Decimal("3"), unit_price=Decimal("33.335"), hours=None, rate=None, tax_rate="16"
    )
    assert part.net == Decimal("100.01")  # 100.005 half up
    assert part.tax == Decimal("16.00")
    assert part.total == Decimal("116.01")
    labour = estimating.line_amounts(
        kind="labour", quantity=Decimal("99"), unit_price=Decimal("99"), hours=Decimal("2.5"),
        rate=Decimal("1500"), tax_rate=Decimal("0"),
    )  # fmt: skip
    assert (labour.net, labour.tax, labour.total) == (Decimal("3750.00"), Decimal("0.00"), Decimal("3750.00"))


@dataclass
class _Line:
    kind: str
    description: str
    total: Decimal
    part_number: str = ""


@dataclass
class _Lines:
    items: list

    def all(self):
        return self.items


@dataclass
class _Estimate:
    pk: str
    source: str
    items: list = field(default_factory=list)
    supplier: str = ""
    status: str = "draft"
    currency: str = "KES"

    def __post_init__(self):
        self.lines = _Lines(self.items)
        self.subtotal = self.tax_total = self.total = sum((i.total for i in self.items), Decimal("0"))


def test_comparison_matches_lines_and_flags_variance_and_missing_items():
    mine = _Estimate(
        "a",
        "assessor",
        [
            _Line("part", "Rear bumper", Decimal("20000")),
            _Line("labour", "Fit bumper", Decimal("3000")),
            _Line("paint", "Paint bumper", Decimal("5000")),
        ],
    )
    garage = _Estimate(
        "b",
        "garage_quote",
        [
            _Line("part", "REAR  bumper.", Decimal("21000")),  # +5%: within 15%
            _Line("labour", "fit bumper", Decimal("4500")),  # +50%: flagged
            _Line("other", "Courtesy car", Decimal("2000")),  # not in the baseline
        ],
    )
    result = estimating.compare([mine, garage], baseline=mine, threshold_percent=Decimal("15"))
    rows = {row["key"]: row for row in result["lines"]}
    assert rows["part:rear bumper"]["cells"][1]["difference"] == Decimal("1000")
    assert rows["part:rear bumper"]["cells"][1]["variance_percent"] == Decimal("5.00")
    assert not rows["part:rear bumper"]["flagged"]
    assert rows["labour:fit bumper"]["cells"][1]["flag"] == "variance"
    assert rows["paint:paint bumper"]["cells"][1]["flag"] == "missing"
    assert rows["other:courtesy car"]["cells"][1]["flag"] == "not_in_baseline"
    assert result["flagged_lines"] == 3
    totals = {e["estimate"]: e for e in result["estimates"]}
    assert totals["b"]["difference"] == Decimal("-500")
    assert totals["b"]["flagged"] is False  # -1.79% overall


def test_part_numbers_match_whatever_the_description():
    a = _Estimate("a", "assessor", [_Line("part", "Bumper", Decimal("100"), part_number="AB-123")])
    b = _Estimate("b", "garage_quote", [_Line("part", "Rear bumper OEM", Decimal("100"), part_number="ab123")])
    result = estimating.compare([a, b], baseline=a, threshold_percent=Decimal("15"))
    assert len(result["lines"]) == 1 and not result["lines"][0]["flagged"]


def test_photo_is_oriented_stripped_compressed_and_thumbnailed():
    raw = photo_bytes(seed=3, size=(400, 200), orientation=6, gps=True)
    prepared = images.prepare(io.BytesIO(raw), **PREPARE)
    served = Image.open(io.BytesIO(prepared.served))
    assert served.format == "JPEG"
    assert served.size == (200, 400)  # orientation 6: rotated a quarter turn
    assert not served.getexif()  # no EXIF at all: no GPS, no device
    assert b"PhoneMaker" not in prepared.served and b"Exif" not in prepared.served
    thumbnail = Image.open(io.BytesIO(prepared.thumbnail))
    assert thumbnail.format == "WEBP" and max(thumbnail.size) <= 320
    assert prepared.metadata["Make"] == "PhoneMaker"
    assert prepared.metadata["GPSPosition"] == {"latitude": -1.291667, "longitude": 36.82}
    assert prepared.taken_at.isoformat() == "2026-01-15T10:30:00+00:00"
    assert len(prepared.perceptual_hash) == 16


def test_big_photos_are_scaled_down_for_serving():
    raw = photo_bytes(seed=4, size=(3000, 1000))
    prepared = images.prepare(io.BytesIO(raw), **{**PREPARE, "served_max_side": 1024})
    assert (prepared.width, prepared.height) == (1024, 341)


def test_near_identical_photos_have_close_hashes_and_different_ones_do_not():
    original = photo_bytes(seed=5, size=(300, 200))
    image = Image.open(io.BytesIO(original)).resize((240, 160))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    a = images.prepare(io.BytesIO(original), **PREPARE).perceptual_hash
    b = images.prepare(io.BytesIO(buffer.getvalue()), **PREPARE).perceptual_hash
    c = images.prepare(io.BytesIO(photo_bytes(seed=6, size=(300, 200))), **PREPARE).perceptual_hash
    assert images.hash_distance(a, b) <= 6
    assert images.hash_distance(a, c) > 7


def test_hash_bands_find_every_hash_within_seven_bits():
    a = "f0e1d2c3b4a59687"
    flipped = int(a, 16) ^ 0b1000000110000001100000011  # 7 bits in 4 different bytes
    b = f"{flipped:016x}"
    assert images.hash_distance(a, b) == 7
    assert any(x == y for x, y in zip(images.hash_bands(a), images.hash_bands(b), strict=True))


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (photo_bytes(seed=7)[:200], "corrupt_image"),  # truncated
        (b"GIF89a" + b"\0" * 50, "corrupt_image"),
    ],
)
def test_undecodable_photos_are_refused(payload, code):
    with pytest.raises(images.PhotoError) as caught:
        images.prepare(io.BytesIO(payload), **PREPARE)
    assert caught.value.code in (code, "unsupported_type")


def test_decompression_bombs_are_refused_before_decoding():
    raw = photo_bytes(seed=8, size=(300, 300), fmt="PNG")
    with pytest.raises(images.PhotoError) as caught:
        images.prepare(io.BytesIO(raw), **{**PREPARE, "max_pixels": 10_000})
    assert caught.value.code == "image_too_large"
