"""The claim report PDF (reportlab): the claim, its policy and vehicle, timeline, assessment
summary and settlement, on A4. A customer's copy leaves out what is internal (notes, reserve
changes, assignments, the assessor's internal notes, the SLA, settlements never offered to them).
Every text a person typed is escaped: reportlab's Paragraph reads markup, and a description like
"a < b & c" must print, not fail."""

import io

# Security review: escape() only writes XML entities for reportlab's Paragraph; nothing is parsed.
from xml.sax.saxutils import escape  # nosec B406

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from insurehub.claims.models import Claim
from insurehub.claims.selectors import claim_timeline, settlement_offers


def _table(rows: list[list[str]], widths=(45 * mm, 125 * mm)) -> Table:
    table = Table(rows, colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor("#444444")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dddddd")),
            ]
        )
    )
    return table


def _text(value) -> str:
    return escape(str(value or ""))


def _assessment_rows(claim: Claim) -> list[list]:
    """The claim's current assessment (the assessments app's table, read through the reverse
    relation so this module does not import that app)."""
    assessments = getattr(claim, "assessments", None)
    assessment = assessments.exclude(status="cancelled").order_by("-created_at").first() if assessments else None
    if assessment is None:
        return []
    accepted = assessment.estimates.filter(status="accepted").order_by("-created_at").first()
    total_loss = assessment.total_loss
    return [
        ["Status", f"{assessment.get_status_display()} ({assessment.completion_percentage}% complete)"],
        ["Overall severity", f"{assessment.overall_severity}/5" if assessment.overall_severity else "-"],
        ["Accepted estimate", f"{accepted.total} {accepted.currency}" if accepted else "-"],
        ["Total loss", "-" if total_loss is None else ("yes" if total_loss else "no")],
        ["Summary", assessment.summary or "-"],
    ]


def claim_report_pdf(claim: Claim, *, for_customer: bool = False) -> bytes:
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=f"Claim {claim.claim_number}", author="InsureHub")
    policy, vehicle = claim.policy, claim.vehicle
    story = [
        Paragraph(f"Claim report {claim.claim_number}", styles["Title"]),
        _table(
            [
                ["Status", claim.get_status_display()],
                ["Priority", claim.get_priority_display()],
                ["Department", claim.get_department_display()],
                ["Incident", f"{claim.incident_date:%Y-%m-%d %H:%M} UTC, {claim.incident_address or 'no address'}"],
                ["Description", Paragraph(_text(claim.description), styles["BodyText"])],
                ["Estimated cost", f"{claim.estimated_cost or '-'} {claim.currency}"],
                ["Approved amount", f"{claim.approved_amount or '-'} {claim.currency}"],
                *(
                    []
                    if for_customer  # the desk's own deadline
                    else [["SLA due", f"{claim.sla_due_at:%Y-%m-%d %H:%M} UTC" if claim.sla_due_at else "-"]]
                ),
            ]
        ),
        Spacer(1, 6 * mm),
        Paragraph("Policy and vehicle", styles["Heading2"]),
        _table(
            [
                ["Policy", f"{policy.policy_number} ({policy.status}), {policy.start_date} to {policy.end_date}"],
                ["Sum insured", f"{policy.sum_insured} {policy.currency}"],
                [
                    "Vehicle",
                    f"{vehicle.registration} {vehicle.make} {vehicle.model} {vehicle.year}" if vehicle else "-",
                ],
                ["VIN", vehicle.vin if vehicle else "-"],
            ]
        ),
        Spacer(1, 6 * mm),
        Paragraph("Assessment", styles["Heading2"]),
        Paragraph(
            f"Completed {claim.assessment_completed_at:%Y-%m-%d}"
            if claim.assessment_completed_at
            else "Not completed yet.",
            styles["BodyText"],
        ),
    ]
    assessment = _assessment_rows(claim)
    if assessment:
        story.append(_table([[label, Paragraph(_text(value), styles["BodyText"])] for label, value in assessment]))
    story += [
        Spacer(1, 6 * mm),
        Paragraph("Settlement", styles["Heading2"]),
    ]
    # The customer's copy shows the offers made to them and their answers (never a proposal not yet
    # approved, one turned down before it reached them, or the desk's notes).
    offered = settlement_offers(claim) if for_customer else claim.settlements.all()
    settlements = [
        [
            s.status,
            Paragraph(
                _text(
                    f"{s.amount} {s.currency} to {s.payee} by {s.get_method_display()}"
                    + (f"; {s.customer_decision} by the customer" if s.customer_decision else "")
                ),
                styles["BodyText"],
            ),
        ]
        for s in offered
    ]
    story.append(_table(settlements) if settlements else Paragraph("None yet.", styles["BodyText"]))
    story += [Spacer(1, 6 * mm), Paragraph("Timeline", styles["Heading2"])]
    rows = [
        [
            f"{item['at']:%Y-%m-%d %H:%M}",
            Paragraph(
                _text(f"{item['type'].replace('_', ' ')}: {item.get('to', '')} {item.get('detail', '')}"),
                styles["BodyText"],
            ),
        ]
        for item in claim_timeline(claim, for_customer=for_customer)
    ]
    story.append(_table(rows, widths=(35 * mm, 135 * mm)) if rows else Paragraph("Nothing yet.", styles["BodyText"]))
    doc.build(story)
    return buffer.getvalue()
