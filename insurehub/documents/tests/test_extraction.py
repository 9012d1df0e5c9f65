"""Field extraction and validation as pure functions, and the PDF builder."""

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from insurehub.core.pdf import ReportBuilder
from insurehub.documents.extraction import extract_fields, guess_kind
from insurehub.documents.intake import clean_filename
from insurehub.documents.text_extraction import Line
from insurehub.documents.validation import ClaimFacts, validate


def fields_of(*texts, confidence=1.0, method="text_layer"):
    return extract_fields([Line(1, n, t, method, confidence) for n, t in enumerate(texts, start=1)])


@pytest.mark.parametrize(
    "text,plate",
    [
        ("Registration: AB12 CDE", "AB12CDE"),
        ("Reg mark ab12cde", "AB12CDE"),
        ("Plate KCA 456B", "KCA456B"),
        ("Registration number KDA 123", "KDA123"),
    ],
)
def test_plates_uk_and_kenya(text, plate):
    assert fields_of(text)["registration"][0]["value"] == plate


def test_vin_repairs_ocr_letters_with_lower_confidence():
    clean = fields_of("VIN: WVWZZZ1JZXW000001")["vin"][0]
    repaired = fields_of("VIN: WVWZZZ1JZXWOO0001", confidence=0.9, method="ocr")["vin"][0]
    assert clean["value"] == repaired["value"] == "WVWZZZ1JZXW000001"
    assert repaired["repaired"] and repaired["confidence"] < clean["confidence"]


def test_a_north_american_vin_with_a_wrong_check_digit_is_ignored():
    assert fields_of("VIN 1M8GDM9AXKP042788")["vin"][0]["value"] == "1M8GDM9AXKP042788"
    assert fields_of("VIN 1M8GDM9A1KP042788")["vin"] == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("2026-01-15", "2026-01-15"),
        ("15/01/2026", "2026-01-15"),
        ("15 January 2026", "2026-01-15"),
        ("3rd Mar 2025", "2025-03-03"),
    ],
)
def test_dates(text, value):
    found = fields_of(f"Date of incident: {text}")["date"][0]
    assert found["value"] == value and found["label"] == "incident"


def test_amounts_with_currency_and_labels():
    amounts = fields_of("Subtotal: KES 1,000.00", "VAT: KSh 160.00", "Total £ 1,160.00")["amount"]
    by_label = {a["label"]: (a["value"], a["currency"]) for a in amounts}
    assert by_label == {"subtotal": ("1000.00", "KES"), "tax": ("160.00", "KES"), "total": ("1160.00", "GBP")}


def test_numbers_and_names():
    fields = fields_of("Policy POL-2026-000045, claim CLM 2026-000123", "Policyholder: Jane Wanjiru")
    assert fields["policy_number"][0]["value"] == "POL-2026-000045"
    assert fields["claim_number"][0]["value"] == "CLM-2026-000123"
    assert fields["name"][0]["value"] == "Jane Wanjiru"


def test_kind_guess():
    assert guess_kind("TAX INVOICE ... total", is_image=False)[0] == "repair_invoice"
    assert guess_kind("", is_image=True)[0] == "photo"
    assert guess_kind("hello", is_image=False)[0] == "other"


FACTS = ClaimFacts(
    claim_number="CLM-2026-000123",
    vin="WVWZZZ1JZXW000001",
    registration="KDA123A",
    policy_number="POL-2026-000045",
    policy_start=date(2026, 1, 1),
    policy_end=date(2026, 12, 31),
    incident_date=date(2026, 3, 2),
    policyholder_names=("Jane Wanjiru",),
    estimated_cost=Decimal("50000.00"),
    sum_insured=Decimal("1500000.00"),
    currency="KES",
)


def test_validation_statuses():
    ok = fields_of("VIN WVWZZZ1JZXW000001", "Registration KDA 123A", "Registered keeper: Jane Wanjiru")
    assert validate(ok, FACTS, kind="vehicle_registration")[0] == "valid"
    wrong_name = fields_of("VIN WVWZZZ1JZXW000001", "Registration KDA 123A", "Registered keeper: John Smith")
    assert validate(wrong_name, FACTS, kind="vehicle_registration")[0] == "needs_review"
    blurry = fields_of("VIN WVWZZZ1JZXW000002", confidence=0.4, method="ocr")
    status, findings = validate(blurry, FACTS, kind="other")
    assert status == "needs_review" and findings[0]["code"] == "vin_mismatch"
    assert validate(fields_of("nothing here"), FACTS, kind="other")[0] == "needs_review"


def test_amount_plausibility():
    status, findings = validate(fields_of("Total: KES 90,000.00"), FACTS, kind="estimate")
    assert status == "needs_review" and findings[0]["code"] == "amount_implausible"
    status, findings = validate(fields_of("Total: KES 2,000,000.00"), FACTS, kind="estimate")
    assert status == "invalid" and findings[0]["code"] == "amount_above_sum_insured"


def test_incident_date_different_from_the_claims():
    status, findings = validate(fields_of("Date of accident: 05/03/2026"), FACTS, kind="police_report")
    assert status == "needs_review" and findings[0]["code"] == "incident_date_differs"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("../../etc/passwd", "passwd"),
        ("a\x00b\x1fc.pdf", "abc.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
        ("", "document"),
    ],
)
def test_clean_filename(name, expected):
    assert clean_filename(name) == expected


def test_report_builder_escapes_text_and_numbers_pages():
    pdf = ReportBuilder(title="Claim <CLM-1>", subtitle="s")
    pdf.heading("Vehicle").key_values([("VIN", "<b>WVW</b>")]).table(["Item", "Amount"], [["Bumper", "KES 1.00"]] * 80)
    pdf.paragraph("line one\nline two")
    reader = PdfReader(io.BytesIO(pdf.build()))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Claim <CLM-1>" in text and "<b>WVW</b>" in text
    assert len(reader.pages) >= 2 and "Page 2" in text
    assert reader.metadata.title == "Claim <CLM-1>"
