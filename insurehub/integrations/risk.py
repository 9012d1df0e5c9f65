"""Risk flags of a claim's enrichment: pure functions of what the claim says and what the
providers found. A flag is a short code; `ALERTS` names the ones that contradict the claim and
become dashboard alerts."""

import re

# Words in the claim's description that make a weather claim.
_CLAIMS_HAIL = re.compile(r"\bhail", re.IGNORECASE)
_CLAIMS_FLOOD = re.compile(r"\b(flood|flooded|flooding|heavy rain|torrential|downpour)", re.IGNORECASE)
_CLAIMS_STORM = re.compile(r"\b(storm|gale|high wind|strong wind|fallen tree|tree fell)", re.IGNORECASE)
_CLAIMS_SNOW_ICE = re.compile(r"\b(snow|ice|icy|black ice|skidded on ice)", re.IGNORECASE)

# flag -> (severity, title) for the ones raised as alerts on the claim.
ALERTS = {
    "vehicle_stolen": ("critical", "Vehicle history: reported stolen"),
    "vehicle_written_off": ("high", "Vehicle history: recorded as written off"),
    "vin_mismatch": ("high", "VIN does not match the registration's record"),
    "registration_not_found": ("high", "Registration unknown to the vehicle registry"),
    "vehicle_make_mismatch": ("medium", "Vehicle make differs from the registry's record"),
    "hail_claimed_no_hail": ("medium", "Claim mentions hail; no hail recorded there and then"),
    "flood_claimed_dry": ("medium", "Claim mentions flooding or heavy rain; it was dry"),
    "storm_claimed_calm": ("medium", "Claim mentions a storm; winds were light"),
    "snow_ice_claimed_mild": ("medium", "Claim mentions snow or ice; temperatures were well above freezing"),
}

STORM_GUSTS_KMH = 50.0
DRY_PRECIPITATION_MM = 1.0
ICE_TEMPERATURE_C = 1.0
MILD_TEMPERATURE_C = 5.0


def weather_flags(description: str, weather: dict) -> list[str]:
    if not weather:
        return []
    flags = []
    precipitation = weather.get("precipitation_6h_mm") or 0.0
    gusts = weather.get("max_gusts_6h_kmh")
    coldest = weather.get("min_temperature_6h_c")
    snowy = (weather.get("snowfall_6h_cm") or 0) > 0 or (weather.get("snow_depth_m") or 0) > 0
    if coldest is not None and coldest <= ICE_TEMPERATURE_C and (precipitation > 0 or snowy):
        flags.append("ice_risk")
    if _CLAIMS_HAIL.search(description or "") and not weather.get("hail_6h"):
        flags.append("hail_claimed_no_hail")
    if _CLAIMS_FLOOD.search(description or "") and precipitation < DRY_PRECIPITATION_MM:
        flags.append("flood_claimed_dry")
    if _CLAIMS_STORM.search(description or "") and gusts is not None and gusts < STORM_GUSTS_KMH:
        flags.append("storm_claimed_calm")
    if (
        _CLAIMS_SNOW_ICE.search(description or "")
        and coldest is not None
        and coldest > MILD_TEMPERATURE_C
        and not snowy
    ):
        flags.append("snow_ice_claimed_mild")
    return flags


# VehicleCheck findings -> enrichment flags.
_VEHICLE_FLAGS = {
    "stolen": "vehicle_stolen",
    "written_off": "vehicle_written_off",
    "vin_mismatch": "vin_mismatch",
    "registration_not_found": "registration_not_found",
    "make_mismatch": "vehicle_make_mismatch",
    "vin_make_mismatch": "vehicle_make_mismatch",
    "finance_outstanding": "finance_outstanding",
    "plate_changed": "plate_changed",
    "mileage_anomaly": "mileage_anomaly",
    "marked_for_export": "vehicle_marked_for_export",
}


def vehicle_flags(findings: list[str]) -> list[str]:
    return [_VEHICLE_FLAGS[f] for f in findings if f in _VEHICLE_FLAGS]
