"""The shared PDF builder (reportlab): claim, assessment and policy documents.

    pdf = ReportBuilder(title="Claim CLM-2026-000123", subtitle="Generated 2026-05-09")
    pdf.heading("Vehicle")
    pdf.key_values([("Registration", "KAA 123A"), ("VIN", "...")])
    pdf.table(["Item", "Amount"], [["Bumper", "KES 12,000.00"]])
    pdf.paragraph("Free text, escaped for you.")
    data: bytes = pdf.build()

Text is always escaped (reportlab's Paragraph reads markup), pages are numbered, and the
document carries title and author metadata.
"""

import io
from collections.abc import Iterable, Sequence
from html import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_STYLES = getSampleStyleSheet()


class ReportBuilder:
    def __init__(self, *, title: str, subtitle: str = "", author: str = "InsureHub"):
        self.title, self.author = title, author
        self.story: list = [Paragraph(escape(title), _STYLES["Title"])]
        if subtitle:
            self.story.append(Paragraph(escape(subtitle), _STYLES["Italic"]))
        self.story.append(Spacer(1, 4 * mm))

    def heading(self, text: str) -> "ReportBuilder":
        self.story.append(Paragraph(escape(text), _STYLES["Heading2"]))
        return self

    def paragraph(self, text: str) -> "ReportBuilder":
        self.story.append(Paragraph(escape(text).replace("\n", "<br/>"), _STYLES["BodyText"]))
        return self

    def key_values(self, rows: Iterable[tuple[str, object]]) -> "ReportBuilder":
        data = [[Paragraph(f"<b>{escape(str(k))}</b>", _STYLES["BodyText"]), _cell(v)] for k, v in rows]
        if data:
            table = Table(data, colWidths=[55 * mm, 115 * mm], hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            self.story.append(table)
        return self

    def table(self, header: Sequence[str], rows: Iterable[Sequence[object]]) -> "ReportBuilder":
        data = [[Paragraph(f"<b>{escape(str(h))}</b>", _STYLES["BodyText"]) for h in header]]
        data += [[_cell(v) for v in row] for row in rows]
        table = Table(data, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.story.append(table)
        return self

    def image(self, data: bytes, *, width_mm: float = 80) -> "ReportBuilder":
        from PIL import Image as PILImage

        with PILImage.open(io.BytesIO(data)) as probe:
            ratio = probe.height / probe.width
        self.story.append(Image(io.BytesIO(data), width=width_mm * mm, height=width_mm * mm * ratio))
        return self

    def spacer(self, height_mm: float = 4) -> "ReportBuilder":
        self.story.append(Spacer(1, height_mm * mm))
        return self

    def build(self) -> bytes:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer, pagesize=A4, title=self.title, author=self.author, leftMargin=20 * mm, rightMargin=20 * mm
        )
        doc.build(self.story, onFirstPage=_page_number, onLaterPages=_page_number)
        return buffer.getvalue()


def _cell(value: object) -> Paragraph:
    return Paragraph(escape("" if value is None else str(value)), _STYLES["BodyText"])


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()
