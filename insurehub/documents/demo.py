"""Demo documents: an OCR-able scan of the customer's vehicle registration certificate (an
image-only PDF, so it goes through Tesseract) and a repair invoice with a text layer, both
uploaded through the real service (scanned, stored, processed, validated when on a claim)."""

import io

from django.db import transaction

from insurehub.documents.models import Document
from insurehub.documents.services import document_rescan, document_upload


def _v5c_lines(vehicle, customer) -> list[str]:
    registration = vehicle.registration if vehicle else "KDA123A"
    vin = vehicle.vin if vehicle else "WVWZZZ1JZXW000001"
    return [
        "VEHICLE REGISTRATION CERTIFICATE (V5C)",
        f"Registration number: {registration[:3]} {registration[3:]}",
        f"VIN: {vin}",
        "Date of first registration: 12/03/2019",
        f"Registered keeper: {customer.name}",
    ]


def _upload(*, owner, filename: str, content: bytes, kind: str, claim) -> Document:
    existing = Document.objects.filter(owner=owner, filename=filename).first()
    if existing is not None:
        # Stored by an earlier seed that no scanner could vouch for: scan again (processed once clean).
        with transaction.atomic():
            return document_rescan(document=existing)
    with transaction.atomic():  # the processing job runs after this commits (eager without a broker)
        return document_upload(
            owner=owner,
            file=io.BytesIO(content),
            filename=filename,
            size=len(content),
            kind=kind,
            claim=claim,
            allow_duplicate=True,
        )


def seed(context: dict) -> None:
    from insurehub.claims.models import Claim
    from insurehub.documents.tests import samples

    customer = context["users"]["customer"]
    vehicle = context.get("vehicles", {}).get("customer")
    claim = Claim.objects.filter(customer=customer).order_by("created_at").first()
    scan = _upload(
        owner=customer,
        filename="v5c-scan.pdf",
        content=samples.scanned_pdf(_v5c_lines(vehicle, customer)),
        kind="vehicle_registration",
        claim=claim,
    )
    number = claim.claim_number if claim else "CLM-2026-000001"
    invoice = _upload(
        owner=customer,
        filename="repair-invoice.pdf",
        content=samples.text_pdf(
            [
                "TAX INVOICE - Westlands Body Works",
                f"Claim: {number}",
                "Rear bumper and tailgate: KES 38,000.00",
                "Subtotal: KES 38,000.00",
                "VAT 16%: KES 6,080.00",
                "Total: KES 44,080.00",
            ]
        ),
        kind="repair_invoice",
        claim=claim,
    )
    context["documents"] = {"v5c_scan": scan, "repair_invoice": invoice}
