"""A document uploaded to a claim fulfils what staff asked the customer for (claims' DocumentRequest,
fulfilled through claims.services.document_request_fulfil: documents sits above claims)."""

import pytest

from insurehub.claims.models import DocumentKindAsked, DocumentRequest
from insurehub.claims.services import document_request_create
from insurehub.core.testing import assert_problem, client_for
from insurehub.documents.models import Document, DocumentKind, ScanStatus
from insurehub.documents.tests import samples
from insurehub.documents.tests.factories import make_claim
from insurehub.documents.tests.test_api import upload

pytestmark = pytest.mark.django_db


def test_every_kind_claims_may_ask_for_is_a_document_kind():
    assert set(DocumentKindAsked.values) <= set(DocumentKind.values)


@pytest.fixture
def claim(actors):
    return make_claim(customer=actors["owner"], agent=actors["agent"])


def test_the_customers_upload_of_the_kind_fulfils_the_oldest_open_request(actors, claim):
    first = document_request_create(claim=claim, kind="police_report", note="OB abstract", requested_by=actors["agent"])
    second = document_request_create(claim=claim, kind="police_report", requested_by=actors["agent"])
    owner = client_for(actors["owner"])

    other_kind = upload(
        owner, samples.text_pdf(["Licence"]), "licence.pdf", claim=str(claim.pk), kind="driving_licence"
    )
    assert other_kind.status_code == 201, other_kind.content
    assert DocumentRequest.objects.get(pk=first.pk).state == "open"

    response = upload(
        owner, samples.text_pdf(["OB 12/3/2026"]), "abstract.pdf", claim=str(claim.pk), kind="police_report"
    )
    assert response.status_code == 201, response.content
    first.refresh_from_db()
    assert (first.state, str(first.fulfilled_by_document)) == ("fulfilled", response.json()["id"])
    assert DocumentRequest.objects.get(pk=second.pk).state == "open"
    timeline = owner.get(f"/api/claims/{claim.pk}/timeline/").json()["results"]
    assert "document_request_fulfilled" in [item["type"] for item in timeline]


def test_filing_a_document_under_the_kind_later_fulfils_too(actors, claim):
    asked = document_request_create(claim=claim, kind="repair_invoice", requested_by=actors["agent"])
    owner = client_for(actors["owner"])
    document_id = upload(owner, samples.text_pdf(["Invoice"]), "invoice.pdf", claim=str(claim.pk)).json()["id"]
    asked.refresh_from_db()
    assert asked.state == "open"  # filed as "other": not yet
    response = owner.patch(f"/api/documents/{document_id}/", {"kind": "repair_invoice"}, format="json")
    assert response.status_code == 200, response.content
    asked.refresh_from_db()
    assert (asked.state, str(asked.fulfilled_by_document)) == ("fulfilled", document_id)


def test_an_infected_file_fulfils_nothing(actors, claim, clamscan):
    asked = document_request_create(claim=claim, kind="police_report", requested_by=actors["agent"])
    assert_problem(
        upload(client_for(actors["owner"]), samples.EICAR, "ob.pdf", claim=str(claim.pk), kind="police_report"), 422
    )
    assert Document.objects.get(claim=claim).scan_status == ScanStatus.INFECTED
    asked.refresh_from_db()
    assert asked.state == "open"
