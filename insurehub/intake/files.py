"""Reading an uploaded incidents file: CSV or XLSX decided by the content (never the name), the
text's encoding, the header against the layout, each line as a dict of raw text cells.

Layout (docs/intake.md): a header line naming the columns (any order, case and surrounding spaces
ignored), then one incident per line. Required: policy_number, registration, incident_date,
description. Optional: incident_address, latitude, longitude, estimated_amount, external_reference,
injury, third_party_involved, police_report_number. Any other column is refused (a typo would
otherwise drop data silently)."""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings

from insurehub.core.errors import ApplicationError

REQUIRED_COLUMNS = ("policy_number", "registration", "incident_date", "description")
OPTIONAL_COLUMNS = (
    "incident_address",
    "latitude",
    "longitude",
    "estimated_amount",
    "external_reference",
    "injury",
    "third_party_involved",
    "police_report_number",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

UTF8_BOM = b"\xef\xbb\xbf"
# A well-formed multi-byte UTF-8 sequence: seen next to bytes UTF-8 refuses, the file mixes encodings.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


@dataclass
class ParsedFile:
    file_format: str
    rows: list[tuple[int, dict[str, str]]]  # (line number in the file, raw cells by column)
    encoding: str = ""


def _columns_problem(detail: str) -> ApplicationError:
    return ApplicationError(
        "wrong_columns",
        f"{detail} Expected a header with {', '.join(REQUIRED_COLUMNS)} and optionally {', '.join(OPTIONAL_COLUMNS)}.",
        errors=[{"field": "file", "message": detail, "code": "wrong_columns"}],
        extra={"required_columns": list(REQUIRED_COLUMNS), "optional_columns": list(OPTIONAL_COLUMNS)},
    )


def _header(cells: list) -> list[str]:
    names = [str(cell or "").strip().lower().lstrip("\ufeff") for cell in cells]
    while names and not names[-1]:
        names.pop()
    unknown = [name or "(blank)" for name in names if name not in COLUMNS]
    if unknown:
        raise _columns_problem(f"Unknown columns: {', '.join(unknown)}.")
    doubled = sorted({name for name in names if names.count(name) > 1})
    if doubled:
        raise _columns_problem(f"Columns named twice: {', '.join(doubled)}.")
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise _columns_problem(f"Missing columns: {', '.join(missing)}.")
    return names


def _too_many_rows() -> ApplicationError:
    limit = settings.INTAKE_MAX_ROWS
    return ApplicationError(
        "too_many_rows",
        f"The file has more than {limit} incident lines; split it.",
        status=413,
        errors=[{"field": "file", "message": f"More than {limit} lines.", "code": "too_many_rows"}],
    )


def _is_xlsx(content: bytes) -> bool:
    if not content.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return all(part in names for part in XLSX_PARTS)


def _decode(content: bytes) -> tuple[str, str]:
    """UTF-8 (with or without its BOM); else Windows-1252 when the whole file decodes so and holds no
    UTF-8 sequence at all (a file that has both was saved from two sources: refused, naming the line)."""
    if content.startswith(UTF8_BOM):
        content = content[len(UTF8_BOM) :]
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_line = content.count(b"\n", 0, exc.start) + 1
        if UTF8_SEQUENCE.search(content):
            raise ApplicationError(
                "mixed_encoding",
                f"The file mixes text encodings: line {bad_line} is not UTF-8 while other lines are. "
                "Save the whole file as UTF-8.",
                errors=[{"field": "file", "message": f"Line {bad_line} is not UTF-8.", "code": "mixed_encoding"}],
            ) from None
    try:
        return content.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise ApplicationError(
            "undecodable",
            "The file is neither UTF-8 nor Windows-1252 text. Save it as UTF-8 CSV.",
            errors=[{"field": "file", "message": "Not UTF-8 or Windows-1252.", "code": "undecodable"}],
        ) from None


def _read_csv(content: bytes) -> ParsedFile:
    if b"\x00" in content:
        raise _unsupported()
    text, encoding = _decode(content)
    first_line = text.split("\n", 1)[0]
    # The delimiter that finds the most known columns in the header (Excel writes ';' in some locales).
    delimiter = max(",;\t", key=lambda d: sum(c.strip().lower() in COLUMNS for c in first_line.split(d)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header_cells = next(reader, None)
        if header_cells is None:
            raise _columns_problem("The file is empty.")
        names = _header(header_cells)
        rows: list[tuple[int, dict[str, str]]] = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= settings.INTAKE_MAX_ROWS:
                raise _too_many_rows()
            line = reader.line_num
            row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(names)}
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names) :]):
                row["__extra__"] = "1"
            rows.append((line, row))
    except csv.Error as exc:
        raise ApplicationError(
            "malformed_csv",
            f"The CSV is malformed near line {reader.line_num}: {exc}.",
            errors=[{"field": "file", "message": str(exc), "code": "malformed_csv"}],
        ) from None
    return ParsedFile(file_format="csv", rows=rows, encoding=encoding)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(content: bytes) -> ParsedFile:
    from openpyxl import load_workbook  # imported here: a CSV upload never pays for it

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        expanded = sum(info.file_size for info in archive.infolist())
    if expanded > settings.INTAKE_MAX_XLSX_EXPANDED_BYTES:
        raise ApplicationError(
            "file_too_complex",
            "The workbook expands to more than the import allows; save the incidents as CSV.",
            status=413,
        )
    try:
        # data_only=False: a formula cell reads as its formula ("=..."), which the row check refuses.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        raise ApplicationError("corrupt_file", "The workbook cannot be read.", status=422) from None
    try:
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header_cells = next(lines, None)
        if header_cells is None:
            raise _columns_problem("The first sheet is empty.")
        names = _header(list(header_cells))
        rows: list[tuple[int, dict[str, str]]] = []
        for index, cells in enumerate(lines, start=2):
            texts = [_cell_text(cell) for cell in cells]
            if not any(t.strip() for t in texts):
                continue
            if len(rows) >= settings.INTAKE_MAX_ROWS:
                raise _too_many_rows()
            row = {name: (texts[i] if i < len(texts) else "") for i, name in enumerate(names)}
            if len(texts) > len(names) and any(t.strip() for t in texts[len(names) :]):
                row["__extra__"] = "1"
            rows.append((index, row))
    finally:
        workbook.close()
    return ParsedFile(file_format="xlsx", rows=rows)


def _unsupported() -> ApplicationError:
    return ApplicationError(
        "unsupported_type",
        "The file is neither CSV text nor an XLSX workbook.",
        status=415,
        errors=[{"field": "file", "message": "Not CSV or XLSX.", "code": "unsupported_type"}],
    )


def read_incidents_file(content: bytes) -> ParsedFile:
    """The file's lines, or a 4xx ApplicationError that says what is wrong with the file as a whole."""
    if not content.strip():
        raise ApplicationError("empty_file", "The file is empty.", errors=[{"field": "file", "message": "Empty."}])
    if _is_xlsx(content):
        return _read_xlsx(content)
    if (
        content.startswith(b"PK\x03\x04")
        or content[:5] == b"%PDF-"
        or content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    ):
        raise _unsupported()
    return _read_csv(content)
