"""The claim report PDF: a real PDF, text a person typed printed as typed (reportlab reads
markup), the assessment summary, and a customer's copy without internal entries."""

import io

import pytest
from pypdf import PdfReader

from insurehub.assessments.models import Assessment
from insurehub.claims.models import Claim
from insurehub.claims.tests.test_access import Claims
from insurehub.core.testing import client_for

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_report_prints_markup_as_text_and_hides_internal_entries_from_the_customer(actors):
    claims = Claims(actors)
    claim = claims.approved()
    Claim.objects.filter(pk=claim.pk).update(description="Bumper <b>cracked & bent; cost < 5000 <unclosed")
    Assessment.objects.create(
        claim=claim,
        assessor=actors["assessor"],
        status="completed",
        completion_percentage=100,
        overall_severity=3,
        notes="Internal: garage known for padding quotes.",
        summary="Rear bumper and boot lid to replace.",
    )
    agent = client_for(actors["agent"])
    url = f"/api/claims/{claim.pk}/"
    agent.post(
        url + "communications/",
        {"channel": "note", "direction": "internal", "party": "customer", "body": "Suspect staged accident."},
        format="json",
    )
    agent.post(url + "reserves/", {"cost_type": "own_damage", "amount": "40000.00", "reason": "quote"}, format="json")

    staff_copy = _text(agent.get(url + "report.pdf"))
    assert claim.claim_number in staff_copy
    assert "<b>cracked & bent; cost < 5000 <unclosed" in staff_copy
    assert "Rear bumper and boot lid to replace." in staff_copy
    assert "Suspect staged accident." in staff_copy and "reserve changed" in staff_copy
    assert "padding" not in staff_copy  # the assessor's internal notes are not part of the report

    customer_copy = _text(client_for(actors["owner"]).get(url + "report.pdf"))
    assert claim.claim_number in customer_copy and "Rear bumper and boot lid to replace." in customer_copy
    assert "Suspect staged accident." not in customer_copy and "reserve changed" not in customer_copy
