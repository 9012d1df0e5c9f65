"""The assessment report PDF (reportlab, A4): the assessment, its sections, the photos as
thumbnails and the accepted estimate with its lines."""

import io
import logging

# Security review: escape() writes XML entities into reportlab paragraphs; nothing is parsed.
from xml.sax.saxutils import escape  # nosec B406

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from insurehub.assessments.models import Assessment
from insurehub.documents.storage import documents_storage

logger = logging.getLogger(__name__)
THUMB = 40 * mm
GRID = TableStyle(
    [
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dddddd")),
    ]
)
HEADER = TableStyle(
    [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]
)


def _table(rows, widths, *, header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    table.setStyle(GRID)
    if header:
        table.setStyle(HEADER)
    return table


def _findings_text(findings: dict) -> str:
    parts = []
    for item in findings.get("items", []):
        text = f"{item['component'].replace('_', ' ')}: {item['condition']}"
        if item.get("damage"):
            text += f" ({', '.join(item['damage'])})"
        if item.get("action"):
            text += f", {item['action']}"
        parts.append(text)
    extras = [f"{k.replace('_', ' ')}: {v}" for k, v in findings.items() if k != "items"]
    return "; ".join(parts + extras) or "-"


def _thumbnail(storage, key: str):
    try:
        with storage.open(key, "rb") as handle:
            data = handle.read()
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # a missing copy must not stop the report
        logger.warning("photo thumbnail %s unavailable for the report", key)
        return Paragraph("(unavailable)", getSampleStyleSheet()["BodyText"])
    scale = min(THUMB / width, THUMB / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


def assessment_report_pdf(*, assessment: Assessment, sections, photos, estimate) -> bytes:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    body.fontSize = 8.5
    body.leading = 10.5
    claim = assessment.claim
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=f"Assessment of claim {claim.claim_number}", author="InsureHub")
    total_loss = {True: "Yes", False: "No", None: "-"}[assessment.total_loss]
    story = [
        Paragraph(f"Assessment report: claim {claim.claim_number}", styles["Title"]),
        _table(
            [
                ["Status", assessment.get_status_display()],
                ["Assessor", assessment.assessor.name if assessment.assessor else "-"],
                ["Scheduled", f"{assessment.scheduled_at:%Y-%m-%d %H:%M} UTC" if assessment.scheduled_at else "-"],
                ["Completed", f"{assessment.completed_at:%Y-%m-%d %H:%M} UTC" if assessment.completed_at else "-"],
                ["Completion", f"{assessment.completion_percentage}%"],
                ["Overall severity", f"{assessment.overall_severity}/5" if assessment.overall_severity else "-"],
                ["Total loss", total_loss],
                ["Reasoning", Paragraph(escape(assessment.total_loss_reasoning or "-"), body)],
                [
                    "Override",
                    Paragraph(
                        f"{'total loss' if assessment.total_loss_override else 'repair'}: "
                        f"{escape(assessment.total_loss_override_reason)}"
                        if assessment.total_loss_override is not None
                        else "-",
                        body,
                    ),
                ],
                ["Summary", Paragraph(escape(assessment.summary or "-"), body)],
                ["Notes", Paragraph(escape(assessment.notes or "-"), body)],
            ],
            [40 * mm, 130 * mm],
        ),
        Spacer(1, 5 * mm),
        Paragraph("Sections", styles["Heading2"]),
        _table(
            [["Section", "Severity", "Done", "Findings and notes"]]
            + [
                [
                    s.get_kind_display(),
                    str(s.severity or "-"),
                    "yes" if s.completed else "no",
                    Paragraph(
                        escape(_findings_text(s.findings or {}))
                        + (f"<br/><i>{escape(s.notes)}</i>" if s.notes else ""),
                        body,
                    ),
                ]
                for s in sections
            ],
            [32 * mm, 16 * mm, 12 * mm, 110 * mm],
            header=True,
        ),
    ]
    story += [Spacer(1, 5 * mm), Paragraph(f"Photos ({len(photos)})", styles["Heading2"])]
    if photos:
        storage = documents_storage()
        cells = [
            [_thumbnail(storage, p.document.thumbnail_key), Paragraph(escape(p.caption or p.filename), body)]
            for p in photos
        ]
        rows = []
        for i in range(0, len(cells), 3):
            chunk = cells[i : i + 3]
            rows.append([c[0] for c in chunk] + [""] * (3 - len(chunk)))
            rows.append([c[1] for c in chunk] + [""] * (3 - len(chunk)))
        story.append(_table(rows, [56 * mm] * 3))
    else:
        story.append(Paragraph("No photos.", body))
    story += [Spacer(1, 5 * mm), Paragraph("Accepted estimate", styles["Heading2"])]
    if estimate is None:
        story.append(Paragraph("No estimate accepted yet.", body))
    else:
        story.append(
            Paragraph(escape(f"{estimate.get_source_display()} {estimate.supplier} {estimate.reference}".strip()), body)
        )
        rows = [["Kind", "Description", "Qty / hours", "Unit / rate", "Tax %", "Total"]]
        for line in estimate.lines.all():
            labour = line.kind == "labour"
            rows.append(
                [
                    line.get_kind_display(),
                    Paragraph(escape(line.description + (f" ({line.part_number})" if line.part_number else "")), body),
                    str(line.hours if labour else line.quantity),
                    str(line.rate if labour else line.unit_price),
                    str(line.tax_rate),
                    str(line.total),
                ]
            )
        rows += [
            ["", "Subtotal", "", "", "", str(estimate.subtotal)],
            ["", "Tax", "", "", "", str(estimate.tax_total)],
            ["", f"Total ({estimate.currency})", "", "", "", str(estimate.total)],
        ]
        story.append(_table(rows, [18 * mm, 72 * mm, 20 * mm, 24 * mm, 14 * mm, 22 * mm], header=True))
    doc.build(story)
    return buffer.getvalue()
