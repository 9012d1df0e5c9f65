"""VIN decoding: offline first (ISO 3779 structure, check digit, WMI manufacturer and model
year with `vininfo`), then NHTSA vPIC for detail when it answers. The offline part always
comes back, with or without the network.
"""

import re
from dataclasses import dataclass

from vininfo import Vin
from vininfo.exceptions import VininfoException

from insurehub.integrations.clients.vpic import VpicClient

_VIN_CHARS = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


class InvalidVinError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def normalise_vin(value: str) -> str:
    return re.sub(r"[\s\-]", "", value or "").upper()


def expected_check_digit(vin: str) -> str:
    remainder = sum(_VALUES[c] * w for c, w in zip(vin, _WEIGHTS, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


def uses_check_digit(vin: str) -> bool:
    """North America (WMI 1-5) and China (L) make position 9 a check digit; Europe does not."""
    return vin[0] in "12345L"


def validate_vin(value: str) -> str:
    """The normalised VIN, or InvalidVinError saying what is wrong with it."""
    vin = normalise_vin(value)
    if len(vin) != 17:
        raise InvalidVinError("vin_length", f"A VIN has 17 characters; this one has {len(vin)}.")
    if re.search(r"[IOQ]", vin):
        raise InvalidVinError("vin_characters", "A VIN never contains I, O or Q.")
    if not _VIN_CHARS.match(vin):
        raise InvalidVinError("vin_characters", "A VIN holds only capital letters and digits.")
    if uses_check_digit(vin) and vin[8] != expected_check_digit(vin):
        raise InvalidVinError(
            "vin_check_digit", f"The check digit (9th character) is {vin[8]}, expected {expected_check_digit(vin)}."
        )
    return vin


@dataclass
class VinDecoding:
    vin: str
    offline: dict
    online: dict

    def as_dict(self) -> dict:
        return {"vin": self.vin, "offline": self.offline, "online": self.online}


def decode_offline(vin: str) -> dict:
    vin = validate_vin(vin)
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


def decode_vin(value: str, *, online: bool = True) -> VinDecoding:
    """Raises InvalidVinError for a malformed VIN; otherwise always answers (online part may have failed)."""
    offline = decode_offline(value)
    vin = normalise_vin(value)
    if not online:
        return VinDecoding(vin=vin, offline=offline, online={"status": "skipped"})
    years = offline["model_years"]
    result = VpicClient().decode(vin, model_year=max(years) if len(years) == 1 else None)
    return VinDecoding(vin=vin, offline=offline, online=result.summary())
