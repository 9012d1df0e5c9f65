"""Demo assessments on the demo motor claims: one in progress with sections, photos and two
estimates to compare (assessor vs garage quote), one scheduled. Idempotent."""

import io
import logging
from decimal import Decimal

from insurehub.assessments import services as assessment_services
from insurehub.assessments.models import Photo, PhotoStatus
from insurehub.documents.services import document_rescan

logger = logging.getLogger(__name__)

FINDINGS = {
    "exterior": {
        "items": [
            {"component": "rear_bumper", "condition": "damaged", "damage": ["crack"], "action": "replace"},
            {"component": "boot_lid", "condition": "damaged", "damage": ["dent"], "action": "repair"},
        ],
        "paint_mismatch": False,
    },
    "tyres_and_wheels": {"items": [{"component": "rear_left_wheel", "condition": "ok"}]},
}
ASSESSOR_LINES = [
    {"kind": "part", "description": "Rear bumper cover", "part_number": "52159-0K380", "unit_price": "28000",
     "tax_rate": "16"},
    {"kind": "labour", "description": "Remove and refit bumper", "hours": "2", "rate": "1500"},
    {"kind": "paint", "description": "Paint bumper and boot lid", "unit_price": "9000", "tax_rate": "16"},
]  # fmt: skip
GARAGE_LINES = [
    {"kind": "part", "description": "Rear bumper (OEM)", "part_number": "521590K380", "unit_price": "31500",
     "tax_rate": "16"},
    {"kind": "labour", "description": "Remove and refit bumper", "hours": "3.5", "rate": "1500"},
    {"kind": "paint", "description": "Paint bumper and boot lid", "unit_price": "9500", "tax_rate": "16"},
    {"kind": "other", "description": "Courtesy car, 3 days", "unit_price": "7500"},
]  # fmt: skip


def _lines(rows):
    return [
        {k: (Decimal(v) if k in ("unit_price", "hours", "rate", "tax_rate") else v) for k, v in r.items()} for r in rows
    ]


def _picture(seed: int) -> bytes:
    """A stand-in damage photo (coloured panels), with camera and GPS EXIF like a phone's."""
    import random

    from PIL import Image, ImageDraw

    # Security review: a demo picture, not a secret.
    rng = random.Random(seed)  # noqa: S311  # nosec B311
    image = Image.new("RGB", (640, 480), (200, 200, 205))
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(600), rng.randrange(440)
        draw.rectangle(
            [x, y, x + rng.randrange(40, 300), y + rng.randrange(40, 200)],
            fill=tuple(rng.randrange(256) for _ in range(3)),
        )
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "DemoPhone", "Camera 2"
    exif[0x8825] = {1: "S", 2: (1.0, 17.0, 30.0), 3: "E", 4: (36.0, 49.0, 12.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def _finish_waiting_photos(assessment) -> None:
    """Photos an earlier seed stored while no scanner could vouch for them (a first `make run`
    before ClamAV was installed) are scanned again and, once clean, get their copies."""
    waiting = Photo.objects.filter(assessment=assessment, status=PhotoStatus.AWAITING_SCAN).select_related("document")
    for photo in waiting:
        if photo.document is not None:
            document_rescan(document=photo.document)
        assessment_services.photo_process(photo=photo)


def seed(context: dict) -> None:
    from insurehub.assessments import services
    from insurehub.assessments.models import Assessment
    from insurehub.claims.models import ClaimStatus

    users = context["users"]
    claims = [c for c in context.get("claims", []) if c.department == "motor"]
    made = []
    for claim in claims:
        claim.refresh_from_db()
        if claim.status not in (ClaimStatus.ASSESSMENT, ClaimStatus.UNDER_REVIEW):
            continue
        existing = Assessment.objects.filter(claim=claim).exclude(status="cancelled").first()
        if existing is not None:
            made.append(existing)
            _finish_waiting_photos(existing)
            continue
        assessment = services.assessment_create(
            claim=claim, created_by=users["supervisor"], assessor=users["assessor"], notes="Demo inspection."
        )
        made.append(assessment)
        if claim.status != ClaimStatus.ASSESSMENT:
            continue
        assessor = users["assessor"]
        for section in assessment.sections.all():
            if section.kind in FINDINGS:
                services.section_update(
                    section=section,
                    data={"findings": FINDINGS[section.kind], "severity": 3, "completed": True},
                    updated_by=assessor,
                )
        uploads = []
        for seed_value in (7001, 7002):
            raw = _picture(seed_value + int(claim.claim_number[-6:]))
            uploads.append(
                services.PhotoUpload(file=io.BytesIO(raw), filename=f"damage-{seed_value}.jpg", size=len(raw))
            )
        try:
            services.photo_upload(assessment=assessment, uploads=uploads, uploaded_by=assessor, caption="Rear damage")
        except Exception as exc:  # the demo goes on without photos (e.g. a scanner that refuses)
            logger.warning("demo photos not stored: %s", exc)
        services.estimate_create(
            assessment=assessment, source="assessor", lines=_lines(ASSESSOR_LINES), created_by=assessor
        )
        services.estimate_create(
            assessment=assessment,
            source="garage_quote",
            supplier="Westlands Motors Ltd",
            reference="Q-2291",
            lines=_lines(GARAGE_LINES),
            created_by=assessor,
        )
    context["assessments"] = made
