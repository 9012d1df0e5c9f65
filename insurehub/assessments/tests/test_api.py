"""The API: access matrix for every endpoint, bad input (clear 4xx, nothing stored), fixed
query counts for the lists, and the assessor's whole path through the API alone."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from insurehub.assessments import services
from insurehub.assessments.models import Assessment, Estimate, Photo
from insurehub.assessments.tests.factories import claim_for_assessment, lines, photo_bytes
from insurehub.claims.models import ClaimStatus
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for

pytestmark = pytest.mark.django_db

VISIBLE = {"owner", "agent", "assessor", "supervisor", "admin"}
STAFF_VISIBLE = VISIBLE - {"owner"}


@pytest.fixture
def claim(actors):
    return claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])


@pytest.fixture
def assessment(claim, actors):
    return services.assessment_create(claim=claim, created_by=actors["agent"])


@pytest.fixture
def photo(assessment, actors, clean_scans):
    raw = photo_bytes(seed=101, size=(160, 80), orientation=6, gps=True)
    [photo] = services.photo_upload(
        assessment=assessment,
        uploads=[services.PhotoUpload(file=io.BytesIO(raw), filename="rear.jpg", size=len(raw))],
        uploaded_by=actors["assessor"],
        caption="Rear bumper",
    )
    return photo


@pytest.fixture
def estimate(assessment, actors):
    return services.estimate_create(
        assessment=assessment,
        source="assessor",
        lines=lines(("part", "Rear bumper", "1", "25000")),
        created_by=actors["assessor"],
    )


def _url(assessment, tail=""):
    return f"/api/assessments/{assessment.pk}/{tail}"


def _files(*payloads):
    return [SimpleUploadedFile(f"f{i}.jpg", data, content_type="image/jpeg") for i, data in enumerate(payloads)]


# --- access ------------------------------------------------------------------------------


def test_assessment_read_matrix(assessment, actors):
    matrix = AccessMatrix(actors)
    matrix.assert_read(
        visible=VISIBLE, object_id=assessment.pk, detail_url=_url(assessment), list_url="/api/assessments/"
    )
    matrix.assert_read(
        visible=VISIBLE, object_id=assessment.pk, detail_url=f"/api/claims/{assessment.claim_id}/assessment/"
    )
    matrix.assert_read(visible=VISIBLE, object_id=assessment.pk, detail_url=_url(assessment, "sections/"))
    matrix.assert_read(visible=VISIBLE, object_id=assessment.pk, detail_url=_url(assessment, "sections/glass/"))


def test_customers_see_the_summary_only(assessment, actors):
    services.assessment_update(
        assessment=assessment, data={"notes": "suspicious repairs", "summary": "Bumper to replace"},
        updated_by=actors["assessor"],
    )  # fmt: skip
    body = client_for(actors["owner"]).get(_url(assessment)).json()
    assert body["summary"] == "Bumper to replace"
    assert "notes" not in body and "total_loss_reasoning" not in body
    staff = client_for(actors["agent"]).get(_url(assessment)).json()
    assert staff["notes"] == "suspicious repairs"
    sections = client_for(actors["owner"]).get(_url(assessment, "sections/")).json()
    assert "findings" not in sections[0] and "notes" not in sections[0]


def test_photo_matrix_and_original_metadata_only_for_staff(photo, assessment, actors):
    matrix = AccessMatrix(actors)
    matrix.assert_read(visible=VISIBLE, object_id=photo.pk, detail_url=_url(assessment, "photos/"))
    matrix.assert_read(visible=VISIBLE, object_id=photo.pk, detail_url=_url(assessment, f"photos/{photo.pk}/"))
    for variant in ("full", "thumbnail"):
        matrix.assert_read(
            visible=VISIBLE, object_id=photo.pk, detail_url=_url(assessment, f"photos/{photo.pk}/{variant}/")
        )
    customer = client_for(actors["owner"]).get(_url(assessment, "photos/")).json()[0]
    assert "original_metadata" not in customer and "perceptual_hash" not in customer
    staff = client_for(actors["assessor"]).get(_url(assessment, "photos/")).json()[0]
    assert staff["original_metadata"]["GPSPosition"] == {"latitude": -1.291667, "longitude": 36.82}
    assert staff["original_metadata"]["Model"] == "Phone 12"


def test_served_photo_is_oriented_and_stripped(photo, assessment, actors):
    client = client_for(actors["owner"])
    full = client.get(_url(assessment, f"photos/{photo.pk}/full/"))
    assert full["Content-Type"] == "image/jpeg"
    data = b"".join(full.streaming_content)
    image = Image.open(io.BytesIO(data))
    assert image.size == (80, 160)  # EXIF orientation 6 applied
    assert not image.getexif() and b"PhoneMaker" not in data
    thumb = client.get(_url(assessment, f"photos/{photo.pk}/thumbnail/"))
    assert thumb["Content-Type"] == "image/webp"
    assert Image.open(io.BytesIO(b"".join(thumb.streaming_content))).format == "WEBP"
    assert_problem(client.get(_url(assessment, f"photos/{photo.pk}/original/")), 404)


def test_estimates_and_report_are_staff_only(estimate, assessment, actors):
    others = {k: v for k, v in actors.items() if k != "owner"}
    matrix = AccessMatrix(others)
    for tail in ("estimates/", f"estimates/{estimate.pk}/", "estimates/?compare=0", "report.pdf"):
        matrix.assert_read(visible=STAFF_VISIBLE, object_id=estimate.pk, detail_url=_url(assessment, tail))
    owner = client_for(actors["owner"])
    for tail in ("estimates/", f"estimates/{estimate.pk}/", "report.pdf"):
        assert_problem(owner.get(_url(assessment, tail)), 403)


def test_section_write_matrix(assessment, actors):
    url = _url(assessment, "sections/exterior/")
    AccessMatrix(actors).assert_write(
        lambda client: client.patch(url, {"notes": "scratches"}, format="json"),
        expected={"assessor": 200, "supervisor": 200, "admin": 200, "agent": 403, "owner": 403},
    )


def test_assessment_create_matrix(claim, actors):
    def create(client):
        Assessment.objects.filter(claim=claim).delete()
        return client.post("/api/assessments/", {"claim": str(claim.pk)}, format="json")

    AccessMatrix(actors).assert_write(
        create, expected={"agent": 201, "assessor": 201, "supervisor": 201, "admin": 201, "owner": 403}
    )


def test_estimate_write_matrix(assessment, actors):
    url = _url(assessment, "estimates/")
    body = {"source": "garage_quote", "lines": [{"kind": "part", "description": "Lamp", "unit_price": "100"}]}
    AccessMatrix(actors).assert_write(
        lambda client: client.post(url, body, format="json"),
        expected={"assessor": 201, "supervisor": 201, "admin": 201, "agent": 403, "owner": 403},
    )


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.usefixtures("clean_scans")
@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        (b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", 415, "unsupported_type"),
        (b"MZ\x90\x00" + b"\x00" * 100, 415, "unsupported_type"),
        (photo_bytes(seed=201, size=(200, 200))[:300], 422, "corrupt_image"),
        (b"", 400, "empty_file"),
    ],
)
def test_bad_photos_are_refused_and_nothing_is_stored(assessment, actors, payload, status, code):
    from insurehub.documents.models import Document

    response = client_for(actors["assessor"]).post(
        _url(assessment, "photos/"), {"files": _files(photo_bytes(seed=202), payload)}, format="multipart"
    )
    body = assert_problem(response, status)
    assert body.get("code", code) == code or code in str(body)
    assert not Photo.objects.exists() and not Document.objects.exists()


@pytest.mark.usefixtures("clean_scans")
def test_decompression_bombs_and_oversized_files_are_refused(assessment, actors, settings):
    client = client_for(actors["assessor"])
    settings.DOCUMENTS_MAX_IMAGE_PIXELS = 10_000  # the documents app's image pipeline decides
    assert_problem(
        client.post(
            _url(assessment, "photos/"), {"files": _files(photo_bytes(seed=203, size=(200, 200)))}, format="multipart"
        ),
        422,
    )
    settings.DOCUMENTS_MAX_IMAGE_PIXELS = 40_000_000
    settings.ASSESSMENTS_PHOTO_MAX_BYTES = 500
    assert_problem(
        client.post(
            _url(assessment, "photos/"), {"files": _files(photo_bytes(seed=204, size=(300, 300)))}, format="multipart"
        ),
        413,
    )
    assert not Photo.objects.exists()


@pytest.mark.usefixtures("clean_scans")
def test_an_infected_file_is_quarantined_and_refused(assessment, actors):
    from insurehub.documents.models import Document
    from insurehub.documents.tests.samples import EICAR

    jpeg_eicar = b"\xff\xd8\xff\xe0" + EICAR
    response = client_for(actors["assessor"]).post(
        _url(assessment, "photos/"), {"files": _files(jpeg_eicar)}, format="multipart"
    )
    assert_problem(response, 422)
    assert not Photo.objects.exists()
    assert Document.objects.get().scan_status == "infected"  # kept in quarantine by the documents app


@pytest.mark.parametrize(
    "line",
    [
        {"kind": "part", "description": "Lamp", "quantity": "-1", "unit_price": "100"},
        {"kind": "part", "description": "Lamp", "unit_price": "-100"},
        {"kind": "part", "description": "Lamp", "unit_price": "100", "tax_rate": "100.01"},
        {"kind": "labour", "description": "Fit", "hours": "2"},
        {"kind": "part", "description": "Lamp", "unit_price": "1", "colour": "red"},
        {"kind": "magic", "description": "Lamp", "unit_price": "1"},
    ],
)
def test_bad_estimate_lines_are_refused(assessment, actors, line):
    response = client_for(actors["assessor"]).post(
        _url(assessment, "estimates/"), {"source": "assessor", "lines": [line]}, format="json"
    )
    assert_problem(response, 400)
    assert not Estimate.objects.exists()


def test_bad_findings_and_closed_assessments(assessment, actors):
    client = client_for(actors["assessor"])
    response = client.patch(
        _url(assessment, "sections/exterior/"), {"findings": {"items": [{"component": "x"}]}}, format="json"
    )
    assert_problem(response, 400)
    assert_problem(client.post(_url(assessment, "complete/")), 409)  # open sections
    services.assessment_cancel(assessment=assessment, reason="duplicate", cancelled_by=actors["supervisor"])
    assert_problem(client.patch(_url(assessment, "sections/exterior/"), {"notes": "x"}, format="json"), 409)
    assert_problem(client_for(actors["agent"]).get(f"/api/claims/{assessment.claim_id}/assessment/"), 404)


# --- what blocks completion, before the click --------------------------------------------


def test_blockers_name_what_stands_between_the_assessment_and_its_completion(assessment, estimate, actors):
    """The detail names every blocker `complete/` would refuse with, and the service agrees."""
    assessor = client_for(actors["assessor"])
    body = assessor.get(_url(assessment)).json()
    assert [b["code"] for b in body["blockers"]] == ["sections_open", "no_accepted_estimate"]
    assert body["blockers"][0]["sections"] == [s.kind for s in assessment.sections.order_by("position")]
    assert "tyres and wheels" in body["blockers"][0]["message"]
    refused = assert_problem(assessor.post(_url(assessment, "complete/")), 409)
    assert refused["detail"] == body["blockers"][0]["message"]

    for section in assessment.sections.exclude(kind="glass"):
        services.section_update(section=section, data={"severity": 2, "completed": True}, updated_by=actors["assessor"])
    body = assessor.get(_url(assessment)).json()
    assert body["blockers"][0] == {
        "code": "sections_open",
        "message": "Complete every section first (glass still open).",
        "sections": ["glass"],
    }
    services.section_update(
        section=assessment.sections.get(kind="glass"), data={"severity": 1, "completed": True},
        updated_by=actors["assessor"],
    )  # fmt: skip
    body = assessor.get(_url(assessment)).json()
    assert body["blockers"] == [
        {"code": "no_accepted_estimate", "message": "Accept an estimate before completing.", "sections": []}
    ]
    assert_problem(assessor.post(_url(assessment, "complete/")), 409)

    services.estimate_accept(estimate=estimate, accepted_by=actors["assessor"])
    assert assessor.get(_url(assessment)).json()["blockers"] == []
    assert assessor.get("/api/assessments/").json()["results"][0]["blockers"] == []
    done = assessor.post(_url(assessment, "complete/"))
    assert done.status_code == 200, done.content
    assert [b["code"] for b in done.json()["blockers"]] == ["assessment_closed"]


def test_can_edit_says_who_may_change_the_assessment(assessment, actors):
    expected = {"assessor": True, "supervisor": True, "admin": True, "agent": False}
    for role, allowed in expected.items():
        client = client_for(actors[role])
        assert client.get(_url(assessment)).json()["can_edit"] is allowed, role
        listed = client.get("/api/assessments/").json()["results"]
        assert [a["can_edit"] for a in listed if a["id"] == str(assessment.pk)] == [allowed], role
    assert "can_edit" not in client_for(actors["owner"]).get(_url(assessment)).json()


# --- query counts ------------------------------------------------------------------------


def test_lists_cost_a_fixed_number_of_queries(assessment, actors, clean_scans):
    supervisor = client_for(actors["supervisor"])

    def more_assessments():
        for _ in range(3):
            claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
            services.assessment_create(claim=claim, created_by=actors["agent"])

    assert_constant_queries(supervisor, "/api/assessments/", grow=more_assessments, max_queries=8)

    def upload(seed):
        raw = photo_bytes(seed=seed)
        services.photo_upload(
            assessment=assessment,
            uploads=[services.PhotoUpload(file=io.BytesIO(raw), filename="p.jpg", size=len(raw))],
            uploaded_by=actors["assessor"],
        )

    upload(301)
    assert_constant_queries(
        supervisor, _url(assessment, "photos/"), grow=lambda: [upload(s) for s in (302, 303, 304)], max_queries=8
    )

    def estimate(n):
        services.estimate_create(
            assessment=assessment, source="garage_quote",
            lines=lines(*[("part", f"Part {i}", "1", "10") for i in range(n)]), created_by=actors["assessor"],
        )  # fmt: skip

    estimate(2)
    estimate(3)
    for tail in ("estimates/", "estimates/?compare=1"):
        assert_constant_queries(
            supervisor, _url(assessment, tail), grow=lambda: [estimate(4), estimate(5)], max_queries=8
        )


# --- the assessor's path through the API alone -------------------------------------------


@pytest.mark.usefixtures("clean_scans")
def test_assessor_fills_uploads_compares_and_completes_through_the_api(claim, actors):
    assessor = client_for(actors["assessor"])
    created = assessor.post("/api/assessments/", {"claim": str(claim.pk)}, format="json")
    assert created.status_code == 201, created.content
    url = f"/api/assessments/{created.json()['id']}/"
    assert assessor.get(f"/api/claims/{claim.pk}/assessment/").json()["id"] == created.json()["id"]

    sections = assessor.get(url + "sections/").json()
    for number, section in enumerate(sections, start=1):
        response = assessor.patch(
            url + f"sections/{section['kind']}/",
            {"findings": {"items": []}, "severity": 2, "notes": "ok", "completed": True},
            format="json",
        )
        assert response.status_code == 200, response.content
        assert assessor.get(url).json()["completion_percentage"] == (100 * number) // 8

    uploaded = assessor.post(
        url + "photos/",
        {"files": _files(photo_bytes(seed=401, orientation=3, gps=True), photo_bytes(seed=402)), "section": "exterior",
         "caption": "Rear"},
        format="multipart",
    )  # fmt: skip
    assert uploaded.status_code == 201, uploaded.content
    assert [p["section"] for p in uploaded.json()] == ["exterior", "exterior"]
    assert all(p["thumbnail_url"].endswith("/thumbnail/") for p in uploaded.json())

    mine = assessor.post(
        url + "estimates/",
        {"source": "assessor", "lines": [
            {"kind": "part", "description": "Rear bumper", "unit_price": "20000.00", "tax_rate": "16"},
            {"kind": "labour", "description": "Fit bumper", "hours": "2", "rate": "1500"},
        ]},
        format="json",
    ).json()  # fmt: skip
    assert mine["total"] == "26200.00"
    garage = assessor.post(
        url + "estimates/",
        {"source": "garage_quote", "supplier": "Westlands Motors", "lines": [
            {"kind": "part", "description": "rear bumper", "unit_price": "21000.00", "tax_rate": "16"},
            {"kind": "labour", "description": "Fit bumper", "hours": "4", "rate": "1500"},
        ]},
        format="json",
    ).json()  # fmt: skip
    comparison = assessor.get(url + "estimates/", {"compare": "1"}).json()
    assert comparison["baseline"] == mine["id"]
    flags = {row["description"]: row["cells"][1]["flag"] for row in comparison["lines"]}
    assert flags == {"Rear bumper": None, "Fit bumper": "variance"}
    assert comparison["estimates"][1]["difference"] == "4160.00"

    assert assessor.post(url + f"estimates/{garage['id']}/accept/").status_code == 200
    done = assessor.post(url + "complete/")
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "completed"
    assert done.json()["accepted_estimate"]["total"] == "30360.00"

    claim.refresh_from_db()
    assert claim.estimated_cost == Decimal("30360.00") and claim.assessment_completed_at
    approved = client_for(actors["supervisor"]).post(
        f"/api/claims/{claim.pk}/transition/", {"to": "approved", "approved_amount": "30360.00"}, format="json"
    )
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == ClaimStatus.APPROVED

    report = assessor.get(url + "report.pdf")
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    assert_problem(assessor.patch(url, {"notes": "late"}, format="json"), 409)
