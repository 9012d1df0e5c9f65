"""Stand-ins for the outside providers: small stdlib HTTP servers on 127.0.0.1 that answer as
each provider's public documentation shows, including its error answers. Faults can be
scripted for the next requests: an HTTP status with body and headers (429 + Retry-After, 503),
a slow answer (past the client's read timeout), a dropped connection, a body that is not JSON.

    with DvlaStandIn() as dvla:
        settings.DVLA_VES_BASE_URL = dvla.url
        dvla.fail_next(("status", 503, {...}, {}), ("drop",))
"""

import json
import threading
import time
from collections import deque
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class StandIn:
    def __init__(self):
        self.requests: list[dict] = []
        self.faults: deque = deque()
        self._lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # one answer, one round trip on kept-alive connections

            def _handle(self, method: str):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length", 0) or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode("utf8", "replace")
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with stand_in._lock:
                    stand_in.requests.append(
                        {
                            "method": method,
                            "path": parts.path,
                            "query": query,
                            "body": body,
                            "headers": dict(self.headers),
                        }
                    )
                    fault = stand_in.faults.popleft() if stand_in.faults else None
                if fault:
                    kind = fault[0]
                    if kind == "drop":
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
                    if kind == "slow":
                        time.sleep(fault[1])
                    if kind == "garbage":
                        return self._send(200, "<html>Service temporarily down for maintenance</html>", {}, "text/html")
                    if kind == "status":
                        _, status, payload, headers = fault
                        return self._send(status, payload, headers)
                status, payload, headers = stand_in.route(method, parts.path, query, body, dict(self.headers))
                self._send(status, payload, headers)

            def _send(self, status, payload, headers, content_type=None):
                data = payload if isinstance(payload, str) else json.dumps(payload)
                encoded = data.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type or "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(encoded)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(encoded)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def fail_next(self, *faults) -> None:
        self.faults.extend(faults)

    def route(self, method, path, query, body, headers):  # pragma: no cover - overridden
        return 404, {"error": "not found"}, {}

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


# --- DVLA Vehicle Enquiry Service ---------------------------------------------------------
def dvla_error(status: int, title: str, detail: str) -> dict:
    return {"errors": [{"status": str(status), "code": str(status), "title": title, "detail": detail}]}


DVLA_VEHICLES = {
    # Shaped as DVLA's published test responses (developer portal, "mock responses").
    "AA19AAA": {
        "registrationNumber": "AA19AAA",
        "artEndDate": "2025-03-30",
        "co2Emissions": 300,
        "engineCapacity": 2000,
        "euroStatus": "EURO1",
        "markedForExport": False,
        "fuelType": "PETROL",
        "motStatus": "No details held by DVLA",
        "revenueWeight": 0,
        "colour": "RED",
        "make": "FORD",
        "typeApproval": "M1",
        "yearOfManufacture": 2019,
        "taxDueDate": "2027-03-01",
        "taxStatus": "Taxed",
        "dateOfLastV5CIssued": "2019-05-20",
        "wheelplan": "2 AXLE RIGID BODY",
        "monthOfFirstDvlaRegistration": "2019-03",
        "monthOfFirstRegistration": "2019-03",
        "realDrivingEmissions": "1",
    },
    "AA19MOT": {
        "registrationNumber": "AA19MOT",
        "co2Emissions": 120,
        "engineCapacity": 1600,
        "markedForExport": True,
        "fuelType": "DIESEL",
        "motStatus": "Not valid",
        "motExpiryDate": "2024-01-15",
        "colour": "BLUE",
        "make": "VOLKSWAGEN",
        "yearOfManufacture": 2015,
        "taxStatus": "SORN",
        "dateOfLastV5CIssued": "2021-05-20",
        "monthOfFirstRegistration": "2015-03",
    },
}


class DvlaStandIn(StandIn):
    """POST /vehicle-enquiry/v1/vehicles; test VRNs ER19BAD/NFD/THR/ERR/MNT give the documented errors."""

    api_key = "dvla-test-key"

    def route(self, method, path, query, body, headers):
        if path != "/vehicle-enquiry/v1/vehicles" or method != "POST":
            return 404, dvla_error(404, "Not Found", "Resource not found"), {}
        if headers.get("x-api-key") != self.api_key:
            return 403, {"message": "Forbidden"}, {}
        registration = (body or {}).get("registrationNumber") if isinstance(body, dict) else None
        if not registration or " " in registration or registration == "ER19BAD":
            return 400, dvla_error(400, "Bad Request", "Invalid format for field - vehicle registration number"), {}
        if registration == "ER19THR":
            return 429, dvla_error(429, "Too Many Requests", "Too many requests"), {"Retry-After": "30"}
        if registration == "ER19ERR":
            return 500, dvla_error(500, "Internal Server Error", "System error occurred"), {}
        if registration == "ER19MNT":
            return 503, dvla_error(503, "Service Unavailable", "Service unavailable - maintenance"), {}
        if registration in DVLA_VEHICLES:
            return 200, DVLA_VEHICLES[registration], {}
        return 404, dvla_error(404, "Vehicle Not Found", "Record for vehicle not found"), {}


# --- Vehicle history (our documented format) ----------------------------------------------
def history_report(registration: str, vin: str, **overrides) -> dict:
    report = {
        "registration": registration,
        "vin": vin,
        "checked_at": "2026-11-01T10:00:00Z",
        "vin_matches_registration": True,
        "finance": {"outstanding": False, "agreements": []},
        "stolen": {"reported": False, "reported_on": None, "police_force": None},
        "write_off": {"recorded": False, "category": None, "date": None},
        "mileage": {"readings": [{"date": "2025-03-01", "miles": 41250, "source": "MOT"}], "anomaly": False},
        "plate_changes": [],
    }
    report.update(overrides)
    return report


class VehicleHistoryStandIn(StandIn):
    api_key = "history-test-key"

    def __init__(self):
        super().__init__()
        self.reports: dict[str, dict] = {}

    def route(self, method, path, query, body, headers):
        if path != "/v1/vehicle-history" or method != "POST":
            return 404, {"error": {"code": "not_found", "message": "no such endpoint"}}, {}
        if headers.get("Authorization") != f"Bearer {self.api_key}":
            return 401, {"error": {"code": "unauthorised", "message": "bad API key"}}, {}
        registration = (body or {}).get("registration", "") if isinstance(body, dict) else ""
        if not registration:
            return 400, {"error": {"code": "invalid_request", "message": "registration is required"}}, {}
        if registration in self.reports:
            return 200, self.reports[registration], {}
        return 404, {"error": {"code": "not_found", "message": "no history held for this vehicle"}}, {}


# --- NHTSA vPIC ---------------------------------------------------------------------------
VPIC_DECODED = {
    "1M8GDM9AXKP042788": {
        "Make": "MERCURY",
        "Model": "",
        "ModelYear": "1989",
        "Manufacturer": "MOTOR COACH INDUSTRIES",
        "BodyClass": "Bus",
        "VehicleType": "BUS",
        "FuelTypePrimary": "Diesel",
        "DisplacementL": "",
        "PlantCountry": "UNITED STATES (USA)",
        "Trim": "",
        "ErrorCode": "0",
        "ErrorText": "0 - VIN decoded clean. Check Digit (9th position) is correct",
    },
}


class VpicStandIn(StandIn):
    def route(self, method, path, query, body, headers):
        prefix = "/vehicles/DecodeVinValues/"
        if not path.startswith(prefix) or query.get("format") != "json":
            return 404, "<html>Not found</html>", {}
        vin = path[len(prefix) :]
        row = VPIC_DECODED.get(
            vin,
            {
                "Make": "",
                "Model": "",
                "ModelYear": "",
                "ErrorCode": "8",
                "ErrorText": "8 - No detailed data available currently",
            },
        )
        return (
            200,
            {
                "Count": 1,
                "Message": "Results returned successfully. NOTE: Any missing decoded values should be interpreted as "
                "NHTSA does not have data on the specific variable.",
                "SearchCriteria": f"VIN(s): {vin}",
                "Results": [{**row, "VIN": vin}],
            },
            {},
        )


# --- Open-Meteo (archive and forecast on one stand-in) ------------------------------------
class OpenMeteoStandIn(StandIn):
    """/v1/archive and /v1/forecast. `weather` maps a date to hourly overrides, e.g.
    {date(2026, 1, 10): {"temperature_2m": -3.0, "weather_code": 96}} (applied to every hour)."""

    def __init__(self, today: date | None = None):
        super().__init__()
        self.today = today or datetime.now(UTC).date()
        self.weather: dict[date, dict] = {}

    def route(self, method, path, query, body, headers):
        if path not in ("/v1/archive", "/v1/forecast"):
            return 404, {"error": True, "reason": "Not Found"}, {}
        try:
            latitude, longitude = float(query["latitude"]), float(query["longitude"])
            start, end = date.fromisoformat(query["start_date"]), date.fromisoformat(query["end_date"])
        except (KeyError, ValueError):
            return (
                400,
                {"error": True, "reason": "Parameter 'latitude', 'longitude', 'start_date' or 'end_date' invalid"},
                {},
            )
        if not -90 <= latitude <= 90:
            return 400, {"error": True, "reason": f"Latitude must be in range of -90 to 90°. Given: {latitude}."}, {}
        if path == "/v1/archive" and end > self.today:
            return (
                400,
                {
                    "error": True,
                    "reason": f"Parameter 'end_date' is out of allowed range from 1940-01-01 to {self.today}",
                },
                {},
            )
        variables = [v for v in query.get("hourly", "").split(",") if v]
        if path == "/v1/archive" and "visibility" in variables:
            return 400, {"error": True, "reason": "Cannot initialize ... from invalid String value visibility"}, {}
        times, hourly = [], {name: [] for name in variables}
        day = start
        while day <= end:
            for hour in range(24):
                times.append(f"{day.isoformat()}T{hour:02d}:00")
                base = {
                    "temperature_2m": 14.0,
                    "precipitation": 0.0,
                    "rain": 0.0,
                    "snowfall": 0.0,
                    "snow_depth": 0.0,
                    "weather_code": 1,
                    "wind_speed_10m": 12.0,
                    "wind_gusts_10m": 25.0,
                    "visibility": 24000.0,
                    **self.weather.get(day, {}),
                }
                for name in variables:
                    hourly[name].append(base.get(name))
            day += timedelta(days=1)
        units = {"temperature_2m": "°C", "precipitation": "mm", "snowfall": "cm", "wind_gusts_10m": "km/h"}
        return (
            200,
            {
                "latitude": round(latitude, 2),
                "longitude": round(longitude, 2),
                "generationtime_ms": 0.5,
                "utc_offset_seconds": 0,
                "timezone": "GMT",
                "timezone_abbreviation": "GMT",
                "elevation": 1661.0,
                "hourly_units": {"time": "iso8601", **{k: units.get(k, "") for k in variables}},
                "hourly": {"time": times, **hourly},
            },
            {},
        )


# --- Nominatim -----------------------------------------------------------------------------
GAZETTEER = {
    "kenyatta avenue, nairobi": (-1.2841, 36.8219, "Kenyatta Avenue, Nairobi Central, Nairobi, Kenya", "ke"),
    "moi avenue, mombasa": (-4.0610, 39.6663, "Moi Avenue, Mombasa, Mombasa County, Kenya", "ke"),
    "westlands, nairobi": (-1.2676, 36.8108, "Westlands, Nairobi, Kenya", "ke"),
    "10 downing street, london": (
        51.5034,
        -0.1276,
        "10, Downing Street, Westminster, London, SW1A 2AA, United Kingdom",
        "gb",
    ),
}


def _place(lat, lon, name, country_code, place_id=1):
    return {
        "place_id": place_id,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": "way",
        "osm_id": 1000 + place_id,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "category": "highway",
        "type": "primary",
        "place_rank": 26,
        "importance": 0.4,
        "addresstype": "road",
        "name": name.split(",")[0],
        "display_name": name,
        "address": {"road": name.split(",")[0], "country": name.split(",")[-1].strip(), "country_code": country_code},
        "boundingbox": [f"{lat - 0.001:.7f}", f"{lat + 0.001:.7f}", f"{lon - 0.001:.7f}", f"{lon + 0.001:.7f}"],
    }


class NominatimStandIn(StandIn):
    def route(self, method, path, query, body, headers):
        if query.get("format") != "jsonv2":
            return 400, {"error": {"code": 400, "message": "Parameter 'format' must be jsonv2 in this stand-in"}}, {}
        if path == "/search":
            q = " ".join(query.get("q", "").lower().split())
            if not q:
                return 400, {"error": {"code": 400, "message": "Nothing to search for."}}, {}
            found = GAZETTEER.get(q)
            return 200, ([_place(*found)] if found else []), {}
        if path == "/reverse":
            try:
                lat, lon = float(query["lat"]), float(query["lon"])
            except (KeyError, ValueError):
                return 400, {"error": {"code": 400, "message": "Need coordinates or OSM object to lookup."}}, {}
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                return 400, {"error": {"code": 400, "message": "Invalid coordinates"}}, {}
            for index, (plat, plon, name, cc) in enumerate(GAZETTEER.values(), start=1):
                if abs(plat - lat) < 0.01 and abs(plon - lon) < 0.01:
                    return 200, _place(plat, plon, name, cc, index), {}
            return 200, {"error": "Unable to geocode"}, {}
        return 404, {"error": {"code": 404, "message": "Not found"}}, {}
