"""Integrations endpoints: staff lookups (VIN, weather, geocoding) and vehicle checks."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.claims.selectors import claims_visible_to
from insurehub.core.errors import ApplicationError
from insurehub.core.throttling import ScopedRateThrottle, UserRateThrottle
from insurehub.integrations import permissions, services
from insurehub.integrations.api import serializers as s
from insurehub.integrations.clients.nominatim import NominatimClient
from insurehub.integrations.clients.open_meteo import weather_at
from insurehub.integrations.results import ProviderResult, ResultStatus
from insurehub.integrations.selectors import claim_enrichment_for, vehicle_checks_visible_to
from insurehub.integrations.vin_decoding import InvalidVinError, decode_vin
from insurehub.vehicles.selectors import vehicles_visible_to


def _answer(result: ProviderResult) -> Response:
    """A provider that refused our input is the caller's 400; every other outcome is a 200
    whose `status` tells what happened (a failing provider never fails the request)."""
    if result.status == ResultStatus.INVALID:
        raise ApplicationError(result.error_code or "invalid", result.error or "The provider refused this input.")
    return Response(s.LookupResultSerializer(result.summary()).data)


class VinDecodeApi(APIView):
    permission_classes = [permissions.DecodesVins]
    # Per caller, on top of the general limit: a page decodes a VIN once it is complete and valid.
    throttle_classes = [UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "vin_decode"

    @extend_schema(responses={200: s.VinDecodingSerializer}, tags=["integrations"])
    def get(self, request, vin: str):
        """Decode a VIN.

        `offline`: what the VIN itself says (ISO 3779 structure, manufacturer from its WMI, country,
        possible model years), always there; `online`: NHTSA vPIC's detail when that provider is
        reachable (a lookup result: see its `status`). North American VINs must carry a correct check
        digit; European VINs carry none. Limited per caller (`THROTTLE_VIN_DECODE`, 30 a minute by
        default).

        Access: staff; customers (the quote page, as they type their car's VIN) get the `offline` part
        only (`online` is null).

        Errors: 400 `vin_length` (not 17 characters), `vin_characters` (I, O, Q or anything but capital
        letters and digits), `vin_check_digit`; 403 `permission_denied` (neither staff nor a customer);
        429 `throttled`.
        """
        online = permissions.decodes_vin_online(request.user)
        try:
            decoding = decode_vin(vin, online=online)
        except InvalidVinError as exc:
            raise ApplicationError(
                exc.code, exc.message, errors=[{"field": "vin", "message": exc.message, "code": exc.code}]
            ) from exc
        answer = decoding.as_dict() if online else {**decoding.as_dict(), "online": None}
        return Response(s.VinDecodingSerializer(answer).data)


class WeatherApi(APIView):
    permission_classes = [permissions.UsesLookups]

    @extend_schema(
        parameters=[s.WeatherQuerySerializer], responses={200: s.LookupResultSerializer}, tags=["integrations"]
    )
    def get(self, request):
        """Look up the weather at a place and time.

        Open-Meteo's hourly conditions at `lat`, `lon` at the hour of `at` (ISO 8601, default now): its
        archive for older dates, its forecast API for the recent past.

        A provider's failure never fails the request: the answer's `status` says what happened (`ok`,
        `not_found`, `not_configured`, `unavailable` while its circuit breaker is open, `rate_limited`
        with `retry_after`, `failed`) and `data` is there when it is `ok`. Answers are cached
        (`from_cache`).

        Access: staff.

        Errors: 400 `validation_error` (missing or out-of-range `lat` or `lon`, a malformed `at`),
        `future_time`, or the provider's code when it refuses the input; 403 `permission_denied` (customers).
        """
        query = s.WeatherQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        result = weather_at(latitude=values["lat"], longitude=values["lon"], at=values.get("at") or timezone.now())
        return _answer(result)


class GeocodeApi(APIView):
    permission_classes = [permissions.Geocodes]

    @extend_schema(
        parameters=[s.GeocodeQuerySerializer], responses={200: s.LookupResultSerializer}, tags=["integrations"]
    )
    def get(self, request):
        """Find places matching an address or place name.

        Nominatim (OpenStreetMap) results for `q`, optionally limited to `countrycodes` (comma-separated
        ISO 3166-1 alpha-2 codes, e.g. `ke,ug`): name, latitude, longitude and address parts.

        A provider's failure never fails the request: the answer's `status` says what happened (`ok`,
        `not_found`, `not_configured`, `unavailable` while its circuit breaker is open, `rate_limited`
        with `retry_after`, `failed`) and `data` is there when it is `ok`. Answers are cached
        (`from_cache`).

        Access: staff, and customers (to say where an incident happened when they report a claim).

        Errors: 400 `validation_error` (no `q`, malformed `countrycodes`), or the provider's code when it
        refuses the input.
        """
        query = s.GeocodeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        return _answer(NominatimClient().search(values["q"], country_codes=values.get("countrycodes", "").lower()))


class ReverseGeocodeApi(APIView):
    permission_classes = [permissions.Geocodes]

    @extend_schema(
        parameters=[s.ReverseGeocodeQuerySerializer], responses={200: s.LookupResultSerializer}, tags=["integrations"]
    )
    def get(self, request):
        """Find the address at a point.

        Nominatim (OpenStreetMap) reverse geocoding of `lat`, `lon`.

        A provider's failure never fails the request: the answer's `status` says what happened (`ok`,
        `not_found`, `not_configured`, `unavailable` while its circuit breaker is open, `rate_limited`
        with `retry_after`, `failed`) and `data` is there when it is `ok`. Answers are cached
        (`from_cache`).

        Access: staff, and customers (their location, when they report a claim).

        Errors: 400 `validation_error` (missing or out-of-range `lat` or `lon`), or the provider's code
        when it refuses the input.
        """
        query = s.ReverseGeocodeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        return _answer(NominatimClient().reverse(latitude=values["lat"], longitude=values["lon"]))


class VehicleCheckListCreateApi(generics.ListAPIView):
    """GET: the vehicle's checks (whoever may see the vehicle). POST: staff request a check,
    run in the background; the answer shows its state (pending until a worker has run it)."""

    permission_classes = [permissions.RequestsVehicleChecks]  # asked of POST only
    serializer_class = s.VehicleCheckOutputSerializer
    filterset_fields = ["kind", "status"]
    ordering_fields = ["created_at"]

    def _vehicle(self):
        return get_object_or_404(vehicles_visible_to(self.request.user), pk=self.kwargs["vehicle_id"])

    @extend_schema(tags=["vehicles"])
    def get(self, request, *args, **kwargs):
        """List a vehicle's checks.

        Registry (`dvla`), history (`hpi`) and VIN (`vin`) checks with their state, the provider's
        result and its findings: contradictions with our record of the vehicle (e.g. `stolen`,
        `written_off`, `make_mismatch`). Filters: `kind`, `status`; `ordering` by `created_at`.

        Access: whoever may see the vehicle (its owner, staff, admins).

        Errors: 400 `validation_error` (a malformed filter value); 404 `not_found` (a vehicle the caller
        may not see).
        """
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return vehicle_checks_visible_to(None)
        self._vehicle()
        return vehicle_checks_visible_to(self.request.user, vehicle_id=self.kwargs["vehicle_id"])

    @extend_schema(
        request=s.VehicleCheckInputSerializer, responses={201: s.VehicleCheckOutputSerializer}, tags=["vehicles"]
    )
    def post(self, request, vehicle_id):
        """Request a check of a vehicle.

        Records a `pending` check of `kind` (`dvla`, `hpi` or `vin`) and runs it in the background; the
        answer (201) shows its state, `pending` until a worker has run it: read it again with
        `GET /api/vehicles/{vehicle_id}/checks/{check_id}/`. Checks a provider failed are tried again
        later.

        Access: staff who may see the vehicle.

        Errors: 400 `validation_error` (an unknown `kind`); 403 `permission_denied` (customers); 404
        `not_found`.
        """
        vehicle = self._vehicle()
        self.check_object_permissions(request, vehicle)
        data = s.VehicleCheckInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        check = services.vehicle_check_request(vehicle=vehicle, kind=data.validated_data["kind"], actor=request.user)
        check = vehicle_checks_visible_to(request.user).get(pk=check.pk)
        return Response(s.VehicleCheckOutputSerializer(check).data, status=status.HTTP_201_CREATED)


class VehicleCheckDetailApi(APIView):
    @extend_schema(responses={200: s.VehicleCheckOutputSerializer}, tags=["vehicles"])
    def get(self, request, vehicle_id, check_id):
        """Show one vehicle check.

        Access: whoever may see the vehicle.

        Errors: 404 `not_found`.
        """
        check = get_object_or_404(vehicle_checks_visible_to(request.user, vehicle_id=vehicle_id), pk=check_id)
        return Response(s.VehicleCheckOutputSerializer(check).data)


class ClaimEnrichmentApi(APIView):
    """Staff only (risk flags are internal): a claim's enrichment, and a way to run it again."""

    permission_classes = [permissions.ReadsEnrichment]

    @extend_schema(responses={200: s.ClaimEnrichmentOutputSerializer}, tags=["claims"])
    def get(self, request, claim_id):
        """Show what outside sources said about a claim.

        The incident's place (geocoded), the policyholder's home, the distance between them, the weather
        at the incident's place and time, the vehicle checks' state, and the risk flags drawn from them
        (`status`: `pending`, `partial` with parts to retry, `complete`). Risk flags are internal.

        Access: staff who may see the claim.

        Errors: 403 `permission_denied` (customers); 404 `not_found` (a claim the caller may not see, or
        one not enriched yet).
        """
        return Response(s.ClaimEnrichmentOutputSerializer(claim_enrichment_for(request.user, claim_id=claim_id)).data)

    @extend_schema(
        request=s.ClaimEnrichmentRefreshSerializer, responses={202: s.ClaimEnrichmentOutputSerializer}, tags=["claims"]
    )
    def post(self, request, claim_id):
        """Enrich a claim again.

        Runs the enrichment in the background (202): parts already answered are not fetched again, unless
        `refresh` is true (the incident's place or time changed), which forgets the place, the weather and
        the flags and fetches them anew. Asking twice is harmless.

        Access: staff who may see the claim.

        Errors: 400 `validation_error`; 403 `permission_denied` (customers); 404 `not_found`; 409
        `enrichment_disabled` (`INTEGRATIONS_ENRICH_CLAIMS` is off).
        """
        claim = get_object_or_404(claims_visible_to(request.user), pk=claim_id)
        data = s.ClaimEnrichmentRefreshSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if services.claim_enrich_later(claim.pk, refresh=data.validated_data["refresh"], actor=request.user) is None:
            raise ApplicationError("enrichment_disabled", "Claim enrichment is switched off.", status=409)
        enrichment = claim_enrichment_for(request.user, claim_id=claim.pk)
        return Response(s.ClaimEnrichmentOutputSerializer(enrichment).data, status=status.HTTP_202_ACCEPTED)
