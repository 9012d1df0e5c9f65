"""Services: one active assessment per claim, sections and completion, estimates, total loss,
completing (claim moves on), photos with duplicate alerts across claims."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from insurehub.alerts.models import Alert
from insurehub.assessments import services
from insurehub.assessments.models import Assessment, AssessmentStatus, Photo, PhotoStatus
from insurehub.assessments.tests.factories import claim_for_assessment, lines, photo_bytes
from insurehub.audit.models import AuditEvent
from insurehub.claims.models import ClaimStatus
from insurehub.claims.services import claim_transition
from insurehub.core.errors import ApplicationError
from insurehub.realtime.models import OutboxEvent

pytestmark = pytest.mark.django_db

FINDINGS = {"items": [{"component": "rear_bumper", "condition": "damaged", "damage": ["dent"], "action": "replace"}]}


@pytest.fixture
def claim(actors):
    return claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])


@pytest.fixture
def assessment(claim, actors):
    return services.assessment_create(claim=claim, created_by=actors["agent"])


def _finish_sections(assessment, user):
    for section in assessment.sections.all():
        services.section_update(
            section=section, data={"findings": {}, "severity": 2, "completed": True}, updated_by=user
        )


def _upload(assessment, user, *seeds, **kwargs):
    uploads = []
    for seed in seeds:
        raw = photo_bytes(seed=seed, size=(120, 90))
        uploads.append(services.PhotoUpload(file=io.BytesIO(raw), filename=f"p{seed}.jpg", size=len(raw)))
    return services.photo_upload(assessment=assessment, uploads=uploads, uploaded_by=user, **kwargs)


def test_create_builds_the_template_and_only_one_active_assessment_per_claim(claim, actors):
    assessment = services.assessment_create(claim=claim, created_by=actors["agent"])
    assert assessment.assessor == actors["assessor"]  # the claim's assessor
    assert [s.kind for s in assessment.sections.all()] == [
        "exterior", "interior", "mechanical", "electrical", "structural", "glass", "tyres_and_wheels", "safety_systems",
    ]  # fmt: skip
    with pytest.raises(ApplicationError) as caught:
        services.assessment_create(claim=claim, created_by=actors["agent"])
    assert caught.value.status == 409
    services.assessment_cancel(assessment=assessment, reason="wrong garage", cancelled_by=actors["supervisor"])
    second = services.assessment_create(claim=claim, created_by=actors["agent"])
    assert Assessment.objects.filter(claim=claim).exclude(status="cancelled").get() == second


def test_customers_and_other_assessors_may_not_schedule(claim, actors):
    for who in ("owner", "assessor_other"):
        with pytest.raises(ApplicationError) as caught:
            services.assessment_create(claim=claim, created_by=actors[who])
        assert caught.value.status == 403


def test_sections_drive_the_completion_percentage_and_start_the_assessment(assessment, actors):
    exterior = assessment.sections.get(kind="exterior")
    services.section_update(
        section=exterior, data={"findings": FINDINGS, "severity": 3, "completed": True}, updated_by=actors["assessor"]
    )
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS and assessment.started_at
    assert assessment.completion_percentage == 12
    with pytest.raises(ApplicationError) as caught:
        services.section_update(
            section=assessment.sections.get(kind="glass"),
            data={"findings": {"items": [{"component": "engine", "condition": "ok"}]}},
            updated_by=actors["assessor"],
        )
    assert caught.value.code == "invalid_findings"
    with pytest.raises(Exception, match="severity"):
        services.section_update(
            section=assessment.sections.get(kind="glass"), data={"completed": True}, updated_by=actors["assessor"]
        )


def test_only_the_assigned_assessor_or_a_supervisor_edits(assessment, actors):
    section = assessment.sections.get(kind="glass")
    for who in ("assessor_other", "agent", "owner"):
        with pytest.raises(ApplicationError) as caught:
            services.section_update(section=section, data={"notes": "x"}, updated_by=actors[who])
        assert caught.value.status == 403
    services.section_update(section=section, data={"notes": "chip"}, updated_by=actors["supervisor"])


def test_estimates_are_computed_on_the_server(assessment, actors):
    estimate = services.estimate_create(
        assessment=assessment,
        source="garage_quote",
        supplier="Westlands Motors",
        lines=[
            *lines(("part", "Rear bumper", "1", "25000.00"), ("labour", "Fit and align", "2.5", "1800")),
            {"kind": "paint", "description": "Paint", "quantity": Decimal("1"), "unit_price": Decimal("6000"),
             "tax_rate": Decimal("16")},
        ],
        created_by=actors["assessor"],
    )  # fmt: skip
    assert estimate.subtotal == Decimal("35500.00")
    assert estimate.tax_total == Decimal("960.00")
    assert estimate.total == Decimal("36460.00")
    assert [line.total for line in estimate.lines.all()] == [
        Decimal("25000.00"),
        Decimal("4500.00"),
        Decimal("6960.00"),
    ]


def test_total_loss_is_recommended_at_the_configured_share_and_can_be_overridden(actors, settings):
    settings.ASSESSMENTS_TOTAL_LOSS_SHARE = "0.70"
    claim = claim_for_assessment(
        customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"], vehicle_value="1000000"
    )
    assessment = services.assessment_create(claim=claim, created_by=actors["agent"])
    cheap = services.estimate_create(
        assessment=assessment, source="assessor", lines=lines(("part", "Door", "1", "699999.99")),
        created_by=actors["assessor"],
    )  # fmt: skip
    services.estimate_accept(estimate=cheap, accepted_by=actors["assessor"])
    assessment.refresh_from_db()
    assert assessment.total_loss_recommendation is False
    dear = services.estimate_create(
        assessment=assessment, source="garage_quote", lines=lines(("part", "Shell", "1", "700000")),
        created_by=actors["assessor"],
    )  # fmt: skip
    services.estimate_accept(estimate=dear, accepted_by=actors["assessor"])
    assessment.refresh_from_db()
    cheap.refresh_from_db()
    assert cheap.status == "draft"  # one accepted estimate at a time
    assert assessment.total_loss_recommendation is True
    assert "70.00% of the vehicle's value" in assessment.total_loss_reasoning
    with pytest.raises(ApplicationError) as caught:
        services.total_loss_override(
            assessment=assessment, total_loss=False, reason=" ", overridden_by=actors["assessor"]
        )
    assert caught.value.code == "reason_required"
    services.total_loss_override(
        assessment=assessment,
        total_loss=False,
        reason="Rare classic: parts available",
        overridden_by=actors["assessor"],
    )
    assessment.refresh_from_db()
    assert assessment.total_loss is False and assessment.total_loss_recommendation is True


def test_completing_requires_closed_sections_and_an_accepted_estimate_then_moves_the_claim_on(assessment, actors):
    assessor = actors["assessor"]
    with pytest.raises(ApplicationError) as caught:
        services.assessment_complete(assessment=assessment, completed_by=assessor)
    assert caught.value.code == "sections_open" and len(caught.value.extra["open_sections"]) == 8
    _finish_sections(assessment, assessor)
    with pytest.raises(ApplicationError) as caught:
        services.assessment_complete(assessment=assessment, completed_by=assessor)
    assert caught.value.code == "no_accepted_estimate"
    # Before completion the claim may not be approved.
    with pytest.raises(ApplicationError):
        claim_transition(
            claim=assessment.claim, to_status=ClaimStatus.APPROVED, actor=actors["supervisor"], approved_amount="1000"
        )
    estimate = services.estimate_create(
        assessment=assessment, source="assessor", lines=lines(("part", "Bumper", "1", "42000")), created_by=assessor
    )
    services.estimate_accept(estimate=estimate, accepted_by=assessor)
    done = services.assessment_complete(assessment=assessment, completed_by=assessor)
    assert done.status == AssessmentStatus.COMPLETED and done.completion_percentage == 100
    assert done.overall_severity == 2
    claim = assessment.claim
    claim.refresh_from_db()
    assert claim.estimated_cost == Decimal("42000.00")
    assert claim.assessment_completed_at is not None
    assert AuditEvent.objects.filter(action="assessment.completed").count() == 1
    # The completion event carries the accepted estimate's total: staff only, never the customer nor
    # the claim's group (which the customer may join).
    completed = OutboxEvent.objects.filter(type="assessment.updated", data__change="completed").get()
    assert completed.data["total"] == "42000.00"
    assert f"user.{claim.customer_id}" not in completed.audience
    assert f"claim.{claim.pk}" not in completed.audience
    claim_transition(claim=claim, to_status=ClaimStatus.APPROVED, actor=actors["supervisor"], approved_amount="42000")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    # A completed assessment is closed for edits.
    with pytest.raises(ApplicationError) as caught:
        services.section_update(section=assessment.sections.first(), data={"notes": "late"}, updated_by=assessor)
    assert caught.value.status == 409


@pytest.mark.usefixtures("clean_scans")
def test_photos_are_stored_through_the_documents_pipeline(assessment, actors):
    photos = _upload(assessment, actors["assessor"], 11, 12, caption="rear")
    assert [p.status for p in photos] == [PhotoStatus.READY, PhotoStatus.READY]
    photo = Photo.objects.get(pk=photos[0].pk)
    assert photo.document.scan_status == "clean" and photo.document.kind == "photo"
    assert photo.document.served_key and photo.document.thumbnail_key.endswith(".webp")
    assert photo.position == 1 and photos[1].position == 2


@pytest.mark.usefixtures("clean_scans")
def test_the_same_photo_on_another_claim_alerts_both_claims(assessment, actors):
    other_claim = claim_for_assessment(
        customer=actors["other_customer"], agent=actors["agent"], assessor=actors["assessor"]
    )
    other = services.assessment_create(claim=other_claim, created_by=actors["agent"])
    _upload(assessment, actors["assessor"], 21)
    assert not Alert.objects.filter(kind="photo_duplicate").exists()
    _upload(other, actors["assessor"], 21)  # the same picture on another claim
    alerts = Alert.objects.filter(kind="photo_duplicate")
    assert {a.claim_id for a in alerts} == {assessment.claim_id, other_claim.pk}


@pytest.mark.usefixtures("clean_scans")
def test_a_recompressed_copy_is_a_near_duplicate(assessment, actors):
    from PIL import Image

    other_claim = claim_for_assessment(
        customer=actors["other_customer"], agent=actors["agent"], assessor=actors["assessor"]
    )
    other = services.assessment_create(claim=other_claim, created_by=actors["agent"])
    original = photo_bytes(seed=31, size=(300, 200))
    services.photo_upload(
        assessment=assessment,
        uploads=[services.PhotoUpload(file=io.BytesIO(original), filename="a.jpg", size=len(original))],
        uploaded_by=actors["assessor"],
    )
    buffer = io.BytesIO()
    Image.open(io.BytesIO(original)).resize((250, 166)).save(buffer, "JPEG", quality=55)
    copy = buffer.getvalue()
    [photo] = services.photo_upload(
        assessment=other,
        uploads=[services.PhotoUpload(file=io.BytesIO(copy), filename="b.jpg", size=len(copy))],
        uploaded_by=actors["assessor"],
    )
    alert = Alert.objects.get(kind="photo_duplicate", claim=other_claim)
    assert alert.data["photo"] == str(photo.pk) and alert.data["matches"][0]["distance"] <= 6


@pytest.mark.usefixtures("clean_scans")
def test_a_bad_file_in_a_batch_stores_nothing(assessment, actors):
    from insurehub.documents.models import Document

    good = photo_bytes(seed=41)
    truncated = photo_bytes(seed=42, size=(200, 200))[:400]
    with pytest.raises(ApplicationError) as caught:
        services.photo_upload(
            assessment=assessment,
            uploads=[
                services.PhotoUpload(file=io.BytesIO(good), filename="good.jpg", size=len(good)),
                services.PhotoUpload(file=io.BytesIO(truncated), filename="cut.jpg", size=len(truncated)),
            ],
            uploaded_by=actors["assessor"],
        )
    assert caught.value.status == 422
    assert not Photo.objects.exists() and not Document.objects.exists()


def test_without_a_scanner_photos_wait_and_are_never_served(no_scanner, assessment, actors):
    [photo] = _upload(assessment, actors["assessor"], 51)
    assert photo.status == PhotoStatus.AWAITING_SCAN and not photo.document.served_key
    assert services.photo_process(photo=photo).status == PhotoStatus.AWAITING_SCAN


def test_a_photo_waiting_for_its_scan_is_processed_once_clean(no_scanner, assessment, actors):
    from insurehub.assessments.tasks import photos_process_scanned

    [photo] = _upload(assessment, actors["assessor"], 52)
    photo.document.scan_status = "clean"
    photo.document.save(update_fields=["scan_status"])
    assert photos_process_scanned() == 1
    photo.refresh_from_db()
    assert photo.status == PhotoStatus.READY and photo.document.thumbnail_key
    # Open galleries hear that it can be shown now.
    events = OutboxEvent.objects.filter(type="assessment.updated", data__change="photos").order_by("id")
    assert [e.data["photos"] for e in events] == [[str(photo.pk)], [str(photo.pk)]]  # uploaded, then ready


def test_uploaded_file_objects_work_too(no_scanner, assessment, actors):
    raw = photo_bytes(seed=53)
    upload = SimpleUploadedFile("x.jpg", raw, content_type="image/jpeg")
    [photo] = services.photo_upload(
        assessment=assessment,
        uploads=[services.PhotoUpload(file=upload, filename=upload.name, size=upload.size)],
        uploaded_by=actors["assessor"],
    )
    assert photo.sha256
