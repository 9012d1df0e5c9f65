"""Pure parts: section schemas, estimate arithmetic and comparison (photo processing: documents/tests/test_media.py)."""

from dataclasses import dataclass, field
from decimal import Decimal

from insurehub.assessments import estimating, sections
from insurehub.assessments.models import SectionKind


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
