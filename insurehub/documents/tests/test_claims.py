"""Documents on claims: who sees them, validation against the claim, alerts."""

from decimal import Decimal

import pytest

from insurehub.alerts.models import Alert
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.documents.models import Document
from insurehub.documents.tests import samples
from insurehub.documents.tests.factories import DocumentFactory, make_claim
from insurehub.documents.tests.test_api import committed, upload
from insurehub.vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(actors):
    owner = actors["owner"]
    owner.name = "Jane Wanjiru"
    owner.save(update_fields=["name"])
    vehicle = VehicleFactory(owner=owner, vin="WVWZZZ1JZXW000001", registration="KDA123A")
    return make_claim(customer=owner, vehicle=vehicle, assessor=actors["assessor"], estimated_cost=Decimal("80000.00"))


def test_access_matrix_for_a_claim_document(actors, claim):
    document = DocumentFactory(owner=actors["owner"], claim=claim)
    visible = {"owner", "agent", "supervisor", "assessor", "admin"}
    matrix = AccessMatrix(actors)
    matrix.assert_read(
        visible=visible, object_id=document.pk, detail_url=f"/api/documents/{document.pk}/", list_url="/api/documents/"
    )
    for name, user in actors.items():  # the nested list: 404 for a claim the caller may not see
        response = client_for(user).get(f"/api/claims/{claim.pk}/documents/")
        if name in visible:
            assert [d["id"] for d in response.json()["results"]] == [str(document.pk)], name
        else:
            assert_problem(response, 404)
    matrix.assert_read(visible=visible, object_id=document.pk, detail_url=f"/api/documents/{document.pk}/download/")


def test_a_staff_upload_on_the_claim_is_staff_only(actors, claim):
    document = DocumentFactory(owner=actors["assessor"], claim=claim)
    AccessMatrix(actors).assert_read(
        visible={"agent", "supervisor", "assessor", "admin"},
        object_id=document.pk,
        detail_url=f"/api/documents/{document.pk}/",
    )


def test_claim_documents_list_costs_constant_queries(actors, claim):
    DocumentFactory(owner=actors["owner"], claim=claim)
    assert_constant_queries(
        client_for(actors["agent"]),
        f"/api/claims/{claim.pk}/documents/",
        grow=lambda: DocumentFactory.create_batch(3, owner=actors["owner"], claim=claim),
        max_queries=6,
    )


def test_upload_to_a_claim_you_may_not_see_is_refused_alike(clamscan, actors, claim):
    for claim_id in (claim.pk, "00000000-0000-0000-0000-000000000000"):
        body = assert_problem(
            upload(client_for(actors["other_customer"]), samples.text_pdf(["x"]), claim=str(claim_id)), 400
        )
        assert body["errors"] == [{"field": "claim", "code": "does_not_exist", "message": "No such claim."}]
    assert not Document.objects.exists()


def test_done_means_scan_ocr_extract_validate_a_v5c(clamscan, tesseract, actors, claim):
    content = samples.scanned_pdf(samples.V5C_LINES)
    response = upload(client_for(actors["owner"]), content, "v5c-scan.pdf", claim=str(claim.pk))
    assert response.status_code == 201, response.content
    document = Document.objects.get(pk=response.json()["id"])
    assert (document.scan_status, document.processing_status) == ("clean", "done"), document.processing_error
    fields = document.processed_data["fields"]
    assert fields["vin"][0]["value"] == "WVWZZZ1JZXW000001"
    assert fields["registration"][0]["value"] == "KDA123A"
    codes = {f["code"]: f["severity"] for f in document.validation_findings}
    assert codes.get("vin_match") == "info" or codes.get("vin_low_confidence") == "warning"
    assert codes["registration_match"] == "info"
    assert document.validation_status in ("valid", "needs_review")
    assert not any(f["severity"] == "error" for f in document.validation_findings)


def test_text_v5c_matching_the_vehicle_is_valid(clamscan, actors, claim):
    response = upload(client_for(actors["owner"]), samples.text_pdf(samples.V5C_LINES), claim=str(claim.pk))
    document = Document.objects.get(pk=response.json()["id"])
    assert document.validation_status == "valid", document.validation_findings
    assert {"vin_match", "registration_match", "name_match"} <= {f["code"] for f in document.validation_findings}


def test_a_v5c_of_another_vehicle_is_invalid_and_raises_an_alert(clamscan, actors, claim):
    lines = [line.replace("WVWZZZ1JZXW000001", "1M8GDM9AXKP042788") for line in samples.V5C_LINES]
    response = upload(client_for(actors["owner"]), samples.text_pdf(lines), claim=str(claim.pk))
    document = Document.objects.get(pk=response.json()["id"])
    assert document.validation_status == "invalid"
    mismatch = next(f for f in document.validation_findings if f["code"] == "vin_mismatch")
    assert mismatch["found"] == "1M8GDM9AXKP042788" and mismatch["expected"] == "WVWZZZ1JZXW000001"
    alert = Alert.objects.get(kind="document_mismatch", claim=claim)
    assert alert.severity == "high"


def test_invoice_totals_that_do_not_add_up_are_invalid(clamscan, actors, claim):
    lines = [
        "TAX INVOICE",
        "Claim: " + claim.claim_number,
        "Bumper: KES 40,000.00",
        "Subtotal: KES 40,000.00",
        "VAT 16%: KES 6,400.00",
        "Total: KES 50,000.00",
    ]
    response = upload(client_for(actors["owner"]), samples.text_pdf(lines), claim=str(claim.pk))
    document = Document.objects.get(pk=response.json()["id"])
    assert document.kind == "repair_invoice"
    codes = {f["code"] for f in document.validation_findings}
    assert {"totals_do_not_add_up", "claim_number_match"} <= codes
    assert document.validation_status == "invalid"


def test_incident_date_outside_the_policy_is_invalid(clamscan, actors, claim):
    lines = ["POLICE ABSTRACT", "Date of incident: 01/01/2001", f"Policy: {claim.policy.policy_number}"]
    response = upload(client_for(actors["owner"]), samples.text_pdf(lines), claim=str(claim.pk))
    document = Document.objects.get(pk=response.json()["id"])
    assert "date_outside_policy" in {f["code"] for f in document.validation_findings}
    assert "policy_number_match" in {f["code"] for f in document.validation_findings}


def test_validate_endpoint(clamscan, actors, claim):
    unattached = upload(client_for(actors["owner"]), samples.text_pdf(samples.V5C_LINES)).json()
    client = client_for(actors["owner"])
    assert_problem(client.post("/api/documents/validate/", {"document": unattached["id"]}), 409)
    response = client.patch(f"/api/documents/{unattached['id']}/", {"claim": str(claim.pk)})
    assert response.status_code == 200 and response.json()["validation_status"] == "not_validated"
    response = client.post("/api/documents/validate/", {"document": unattached["id"]})
    assert response.status_code == 200
    assert response.json()["validation_status"] == "valid"
    AccessMatrix(actors).assert_write(
        lambda c: c.post("/api/documents/validate/", {"document": unattached["id"]}),
        expected={"owner": 200, "agent": 200, "supervisor": 200, "assessor": 200, "admin": 200},
    )


def test_infected_upload_on_a_claim_raises_an_alert_on_it(clamscan, actors, claim):
    body = assert_problem(upload(client_for(actors["owner"]), samples.EICAR, claim=str(claim.pk)), 422)
    alert = Alert.objects.get(kind="document_infected")
    assert alert.claim_id == claim.pk and alert.data["document"] == body["document"]


def test_the_same_photo_on_another_claim_raises_an_alert(clamscan, tesseract, actors, claim):
    photo = samples.photo_jpeg(seed=3)
    other = make_claim(customer=actors["other_customer"])
    upload(client_for(actors["owner"]), photo, "front.jpg", kind="photo", claim=str(claim.pk))
    assert not Alert.objects.filter(kind="photo_reused").exists()
    upload(client_for(actors["other_customer"]), photo, "mine.jpg", kind="photo", claim=str(other.pk))
    alert = Alert.objects.get(kind="photo_reused")
    assert alert.claim_id == other.pk


def test_staff_may_attach_their_upload_to_a_claim_they_see(clamscan, actors, claim):
    response = upload(client_for(actors["assessor"]), samples.text_pdf(["Assessor notes"]), claim=str(claim.pk))
    assert response.status_code == 201
    assert_problem(
        upload(client_for(actors["agent_other_dept"]), samples.text_pdf(["Other"]), claim=str(claim.pk)), 400
    )
    response = committed(lambda: client_for(actors["agent"]).get("/api/documents/", {"claim": str(claim.pk)}))
    assert response.json()["count"] == 1
