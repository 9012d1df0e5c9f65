"""The import's report file: one line per row of the file, the claim it became or why it was refused.
Text a spreadsheet could run as a formula is neutralised (a leading apostrophe), as OWASP advises."""

import csv
import io

from insurehub.intake.rows import FORMULA_STARTS

REPORT_COLUMNS = ["line", "status", "claim_number", "external_reference", "policy_number", "reasons"]


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def report_lines(rows):
    """The report as CSV text, line by line (streamed by the view)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writerow(REPORT_COLUMNS)
    yield "\ufeff" + flush()  # a BOM so that Excel reads the file as UTF-8
    for row in rows:
        reasons = "; ".join(f"{e.get('code')}: {e.get('message')}" for e in row.errors or [])
        writer.writerow(
            [
                row.number,
                row.status,
                row.claim_number,
                neutralise(row.external_reference),
                neutralise(str((row.values or {}).get("policy_number", ""))),
                neutralise(reasons),
            ]
        )
        yield flush()
