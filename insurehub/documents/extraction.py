"""Fields found in a document's text, each with a value, a confidence (0..1) and where it was found.

    {"vin": [{"value": "WVWZZZ1JZXW000001", "confidence": 0.93, "page": 1, "line": 4,
              "method": "ocr", "context": "VIN: WVWZZZ1JZXWOO0001"}], ...}

Candidates of a field are sorted best first. A confidence is the pattern's own certainty
(a label such as "VIN" next to it raises it, a repaired OCR misreading lowers it) times the
OCR confidence of the line it came from.
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from insurehub.documents.models import DocumentKind
from insurehub.documents.text_extraction import Line
from insurehub.vehicles import vin as vin_rules

FIELDS = ("vin", "registration", "policy_number", "claim_number", "date", "amount", "name")

_VIN_CANDIDATE = re.compile(r"(?<![A-Z0-9])[A-Z0-9]{17}(?![A-Z0-9])")
_VIN_OCR_FIXES = str.maketrans({"O": "0", "I": "1", "Q": "0"})
_VIN_LABEL = re.compile(r"\b(VIN|V\.I\.N|CHASSIS|FRAME|VEHICLE IDENTIFICATION)", re.I)

# UK current (AB12 CDE), UK prefix (A123 BCD), Kenyan (KAA 123A), Kenyan government/diplomatic kept out.
_PLATES = [
    ("uk", re.compile(r"(?<![A-Z0-9])([A-Z]{2}[0-9]{2}) ?([A-Z]{3})(?![A-Z0-9])"), 0.75),
    ("ke", re.compile(r"(?<![A-Z0-9])(K[A-Z]{2}) ?([0-9]{3}[A-Z]?)(?![A-Z0-9])"), 0.75),
    ("uk_prefix", re.compile(r"(?<![A-Z0-9])([A-HJ-NPR-Y][0-9]{1,3}) ?([A-Z]{3})(?![A-Z0-9])"), 0.45),
]
_PLATE_LABEL = re.compile(r"\b(REG(ISTRATION)?(\s+(NO|NUMBER|MARK))?|PLATE|NUMBER PLATE)\b", re.I)

_POLICY = re.compile(r"\bPOL-?\s?(\d{4})-?\s?(\d{6})\b", re.I)
_CLAIM = re.compile(r"\bCLM-?\s?(\d{4})-?\s?(\d{6})\b", re.I)

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_DMY = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DATE_WORDS = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_DATE_LABELS = {
    "incident": re.compile(r"\b(incident|accident|loss|occurr?ed)\b", re.I),
    "first_registration": re.compile(r"\bfirst registration\b", re.I),
    "issue": re.compile(r"\b(issued?|invoice date|date of issue)\b", re.I),
    "start": re.compile(r"\b(start|from|effective|commence)", re.I),
    "end": re.compile(r"\b(end|expir|until|to)\b", re.I),
    "birth": re.compile(r"\b(birth|dob)\b", re.I),
}

_CURRENCY = {"KES": "KES", "KSH": "KES", "KSHS": "KES", "GBP": "GBP", "£": "GBP", "USD": "USD", "$": "USD"}
_CURRENCY.update({"EUR": "EUR", "€": "EUR"})
_AMOUNT = re.compile(
    r"(?P<cur>KES|KSHS?|GBP|USD|EUR|£|\$|€)\.?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d+(?:\.\d{2})?)", re.I
)
_AMOUNT_LABELS = {
    "total": re.compile(r"\b(grand\s+)?total\b(?!\s*(ex|before))", re.I),
    "subtotal": re.compile(r"\bsub[\s-]?total\b|\btotal\s+(ex|before)", re.I),
    "tax": re.compile(r"\b(VAT|tax)\b", re.I),
}

_NAME = re.compile(
    r"\b(?P<label>(?i:full name|name|policy ?holder|insured|registered keeper|owner|claimant|driver))\s*[:\-]\s*"
    r"(?P<name>[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){1,3})"
)

_KIND_KEYWORDS = [
    (DocumentKind.VEHICLE_REGISTRATION, re.compile(r"\b(V5C|registration certificate|log ?book)\b", re.I)),
    (DocumentKind.REPAIR_INVOICE, re.compile(r"\b(invoice|tax invoice)\b", re.I)),
    (DocumentKind.ESTIMATE, re.compile(r"\b(estimate|quotation|quote for repair)\b", re.I)),
    (DocumentKind.POLICE_REPORT, re.compile(r"\b(police (abstract|report)|OB number|occurrence book)\b", re.I)),
    (DocumentKind.DRIVING_LICENCE, re.compile(r"\bdriving licen[cs]e\b", re.I)),
    (DocumentKind.POLICY_DOCUMENT, re.compile(r"\b(policy schedule|certificate of (motor )?insurance)\b", re.I)),
    (DocumentKind.MEDICAL_REPORT, re.compile(r"\b(medical (report|certificate)|diagnosis|hospital)\b", re.I)),
    (DocumentKind.ID, re.compile(r"\b(national identity|identity card|passport)\b", re.I)),
]


def _candidate(value, base: float, line: Line, **extra) -> dict:
    return {
        "value": value,
        "confidence": round(min(base, 1.0) * line.confidence, 3),
        "page": line.page,
        "line": line.number,
        "method": line.method,
        "context": line.text[:160],
        **extra,
    }


def _vins(line: Line) -> list[dict]:
    found = []
    upper = line.text.upper()
    labelled = bool(_VIN_LABEL.search(upper))
    # OCR may split a VIN: try the line as written and with spaces removed after a label.
    texts = [upper]
    if labelled:
        texts.append(re.sub(r"(?<=[A-Z0-9]) (?=[A-Z0-9])", "", upper))
    seen = set()
    for text in texts:
        for match in _VIN_CANDIDATE.finditer(text):
            raw = match.group(0)
            if not (any(c.isdigit() for c in raw) and any(c.isalpha() for c in raw)):
                continue
            vin = raw.translate(_VIN_OCR_FIXES)
            if vin in seen or vin_rules.validation_error(vin):
                continue
            seen.add(vin)
            base = 0.7 + (0.25 if labelled else 0) + (0.05 if vin_rules.uses_check_digit(vin) else 0)
            if vin != raw:
                base -= 0.1  # repaired O/I/Q: probably right (a VIN never holds them), still a guess
            found.append(_candidate(vin, base, line, repaired=vin != raw))
    return found


def _plates(line: Line) -> list[dict]:
    upper = line.text.upper()
    labelled = bool(_PLATE_LABEL.search(upper))
    found = []
    for fmt, pattern, base in _PLATES:
        for match in pattern.finditer(upper):
            value = match.group(1) + match.group(2)
            if any(c["value"] == value for c in found):
                continue
            found.append(_candidate(value, base + (0.2 if labelled else 0), line, format=fmt))
    return found


def _numbers(line: Line, pattern: re.Pattern, prefix: str) -> list[dict]:
    return [_candidate(f"{prefix}-{m.group(1)}-{m.group(2)}", 0.97, line) for m in pattern.finditer(line.text)]


def _label(text: str, labels: dict[str, re.Pattern]) -> str:
    for name, pattern in labels.items():
        if pattern.search(text):
            return name
    return ""


def _dates(line: Line) -> list[dict]:
    found = []
    label = _label(line.text, _DATE_LABELS)
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_DMY, "dmy"), (_DATE_WORDS, "dwy")):
        for match in pattern.finditer(line.text):
            a, b, c = match.groups()
            try:
                if order == "ymd":
                    value = date(int(a), int(b), int(c))
                elif order == "dmy":
                    value = date(int(c), int(b), int(a))  # day first: UK and Kenya
                else:
                    month = _MONTHS.get(b.lower())
                    if month is None:
                        continue
                    value = date(int(c), month, int(a))
            except ValueError:
                continue
            if not 1900 <= value.year <= 2100 or any(d["value"] == value.isoformat() for d in found):
                continue
            found.append(_candidate(value.isoformat(), 0.85 if label else 0.7, line, label=label))
    return found


def _amounts(line: Line) -> list[dict]:
    found = []
    label = _label(line.text, _AMOUNT_LABELS)
    for match in _AMOUNT.finditer(line.text):
        try:
            value = Decimal(match.group("num").replace(",", "")).quantize(Decimal("0.01"))
        except InvalidOperation:
            continue
        currency = _CURRENCY[match.group("cur").upper().rstrip(".")]
        found.append(_candidate(str(value), 0.9, line, currency=currency, label=label))
    return found


def _names(line: Line) -> list[dict]:
    found = []
    for match in _NAME.finditer(line.text):
        label = match.group("label").lower()
        found.append(_candidate(match.group("name").strip(), 0.75, line, label=label))
    return found


def guess_kind(text: str, *, is_image: bool) -> tuple[str, float]:
    scores = {kind: len(pattern.findall(text)) for kind, pattern in _KIND_KEYWORDS}
    best = max(scores, key=scores.get)
    if scores[best]:
        return best, round(min(0.5 + 0.15 * scores[best], 0.95), 2)
    if is_image and len(text.strip()) < 20:
        return DocumentKind.PHOTO, 0.6
    return DocumentKind.OTHER, 0.3


def extract_fields(lines: list[Line]) -> dict[str, list[dict]]:
    fields: dict[str, list[dict]] = {name: [] for name in FIELDS}
    for line in lines:
        fields["vin"] += _vins(line)
        fields["registration"] += _plates(line)
        fields["policy_number"] += _numbers(line, _POLICY, "POL")
        fields["claim_number"] += _numbers(line, _CLAIM, "CLM")
        fields["date"] += _dates(line)
        fields["amount"] += _amounts(line)
        fields["name"] += _names(line)
    # A VIN is never also a plate; drop plate matches found inside a VIN.
    vins = {c["value"] for c in fields["vin"]}
    fields["registration"] = [c for c in fields["registration"] if not any(c["value"] in v for v in vins)]
    for name in FIELDS:
        best: dict[str, dict] = {}
        for candidate in fields[name]:
            key = f"{candidate['value']}|{candidate.get('currency', '')}|{candidate.get('label', '')}"
            if key not in best or candidate["confidence"] > best[key]["confidence"]:
                best[key] = candidate
        fields[name] = sorted(best.values(), key=lambda c: (-c["confidence"], c["page"], c["line"]))
    return fields
