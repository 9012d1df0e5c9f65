"""VIN validation to ISO 3779: 17 characters, no I, O or Q; the check digit (position 9)
where the region uses one (North America: WMI starting 1-5; also China, L)."""

import re

_VIN_RE = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
_TRANSLITERATION = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def normalise(vin: str) -> str:
    return re.sub(r"[\s-]", "", vin or "").upper()


def check_digit(vin: str) -> str:
    total = sum(_TRANSLITERATION[c] * w for c, w in zip(vin, _WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def uses_check_digit(vin: str) -> bool:
    return vin[0] in "12345L"


def validation_error(vin: str) -> str | None:
    """None when valid, else why not."""
    if len(vin) != 17:
        return "A VIN has exactly 17 characters."
    if not _VIN_RE.match(vin):
        return "A VIN uses only digits and capital letters other than I, O and Q."
    if uses_check_digit(vin) and vin[8] != check_digit(vin):
        return f"The check digit (9th character) should be {check_digit(vin)}."
    return None
