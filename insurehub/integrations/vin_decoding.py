"""VIN decoding: offline first (vehicles.vin: ISO 3779 structure, check digit, WMI manufacturer
and model year), then NHTSA vPIC for detail when it answers. The offline part always comes back,
with or without the network. The VIN rules themselves live in vehicles.vin only.
"""

from dataclasses import dataclass

from insurehub.integrations.clients.vpic import VpicClient
from insurehub.vehicles import vin as vin_rules
from insurehub.vehicles.vin import InvalidVinError  # what decode_vin raises for a malformed VIN

__all__ = ["InvalidVinError", "VinDecoding", "decode_vin"]


@dataclass
class VinDecoding:
    vin: str
    offline: dict
    online: dict

    def as_dict(self) -> dict:
        return {"vin": self.vin, "offline": self.offline, "online": self.online}


def decode_vin(value: str, *, online: bool = True) -> VinDecoding:
    """Raises InvalidVinError for a malformed VIN; otherwise always answers (online part may have failed)."""
    offline = vin_rules.decode_offline(value)
    vin = vin_rules.normalise(value)
    if not online:
        return VinDecoding(vin=vin, offline=offline, online={"status": "skipped"})
    years = offline["model_years"]
    result = VpicClient().decode(vin, model_year=max(years) if len(years) == 1 else None)
    return VinDecoding(vin=vin, offline=offline, online=result.summary())
