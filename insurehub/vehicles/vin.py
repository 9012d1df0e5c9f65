"""VINs to ISO 3779, the one place their rules live: 17 characters, no I, O or Q; the check
digit (position 9) where the region uses one (North America: WMI starting 1-5; also China, L);
and what the VIN itself says offline (manufacturer and country from its WMI, possible model
years, with `vininfo`). Vehicles validate with it, document extraction picks VINs out of text
with it, integrations decode with it before asking a provider for detail.
"""

import re
from dataclasses import dataclass

from vininfo import Vin
from vininfo.exceptions import VininfoException

_VIN_RE = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
_TRANSLITERATION = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


@dataclass(frozen=True)
class VinProblem:
    code: str  # vin_length, vin_characters, vin_check_digit
    message: str


class InvalidVinError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def normalise(vin: str) -> str:
    """Upper case, without the spaces and dashes people type or print inside a VIN."""
    return re.sub(r"[\s-]", "", vin or "").upper()


def check_digit(vin: str) -> str:
    """The check digit (position 9) a VIN of allowed characters should carry."""
    remainder = sum(_TRANSLITERATION[c] * w for c, w in zip(vin, _WEIGHTS, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


def uses_check_digit(vin: str) -> bool:
    """North America (WMI 1-5) and China (L) make position 9 a check digit; Europe does not."""
    return vin[0] in "12345L"


def problem(vin: str) -> VinProblem | None:
    """What is wrong with a (normalised) VIN, None when nothing is."""
    if len(vin) != 17:
        return VinProblem("vin_length", f"A VIN has exactly 17 characters; this one has {len(vin)}.")
    if not _VIN_RE.match(vin):
        return VinProblem("vin_characters", "A VIN uses only digits and capital letters other than I, O and Q.")
    if uses_check_digit(vin) and vin[8] != check_digit(vin):
        return VinProblem(
            "vin_check_digit", f"The check digit (9th character) is {vin[8]}; it should be {check_digit(vin)}."
        )
    return None


def validation_error(vin: str) -> str | None:
    """None when valid, else why not (for a model's clean())."""
    found = problem(vin)
    return found.message if found else None


def validate(value: str) -> str:
    """The normalised VIN, or InvalidVinError saying what is wrong with it."""
    vin = normalise(value)
    found = problem(vin)
    if found:
        raise InvalidVinError(found.code, found.message)
    return vin


def decode_offline(value: str) -> dict:
    """What the VIN itself says: its sections, manufacturer and country (WMI), possible model
    years. Raises InvalidVinError for a malformed VIN; needs no network."""
    vin = validate(value)
    try:
        info = Vin(vin)
        manufacturer, country, region, years = info.manufacturer, info.country, info.region, list(info.years)
    except VininfoException:
        manufacturer, country, region, years = "", "", "", []
    return {
        "wmi": vin[:3],
        "vds": vin[3:9],
        "vis": vin[9:],
        "manufacturer": manufacturer or "",
        "country": country or "",
        "region": region or "",
        "model_years": years,
        "check_digit_used": uses_check_digit(vin),
        "check_digit_valid": True if uses_check_digit(vin) else None,
        "serial": vin[11:],
    }
