"""The claims map's endpoint: the claims of an area as points, or as grid clusters when many."""

from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from insurehub.claims import geo, permissions, selectors
from insurehub.claims.api.views import ClaimFilter, ClaimListCreateApi
from insurehub.claims.models import ClaimStatus, Priority
from insurehub.core.filters import BlindIndexSearchFilter


class GeoPointSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    claim_number = serializers.CharField()
    status = serializers.ChoiceField(choices=ClaimStatus.choices)
    priority = serializers.ChoiceField(choices=Priority.choices)
    lat = serializers.FloatField()
    lon = serializers.FloatField()


class GeoClusterSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Claims in the cell.")
    lat = serializers.FloatField(help_text="Their mean latitude.")
    lon = serializers.FloatField(help_text="Their mean longitude.")
    open = serializers.IntegerField(help_text="Of them, the open ones (not settled, closed, rejected or withdrawn).")
    by_status = serializers.DictField(child=serializers.IntegerField(), help_text="Counts by status (non-zero only).")
    cell = serializers.ListField(
        child=serializers.FloatField(),
        min_length=4,
        max_length=4,
        help_text="The cell: min_lon,min_lat,max_lon,max_lat.",
    )


class ClaimsGeoSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(choices=["points", "clusters"])
    total = serializers.IntegerField(help_text="Claims in the area that match the filters.")
    bbox = serializers.ListField(
        child=serializers.FloatField(), min_length=4, max_length=4, help_text="The area's box, GeoJSON's order."
    )
    cell_size = serializers.FloatField(allow_null=True, help_text="The grid's cell in degrees (clusters only).")
    points_up_to = serializers.IntegerField(help_text="Up to this many claims the answer is points.")
    points = GeoPointSerializer(many=True)
    clusters = GeoClusterSerializer(many=True)


class ClaimsGeoApi(generics.GenericAPIView):
    permission_classes = [permissions.FilesClaims]
    serializer_class = ClaimsGeoSerializer
    filterset_class = ClaimFilter
    filter_backends = [DjangoFilterBackend, BlindIndexSearchFilter]
    search_fields = ClaimListCreateApi.search_fields
    # The list's search: a whole (sealed) registration matches its blind index.
    blind_index_search = ClaimListCreateApi.blind_index_search
    blind_index_term = ClaimListCreateApi.blind_index_term
    pagination_class = None

    def get_queryset(self):
        return selectors.claim_list(self.request.user)

    # The list's filters, though this answer is not a list. The answer is claims_map()'s dict as it
    # is (plain ints, floats and strings, in ClaimsGeoSerializer's shape, which documents it):
    # passing up to 4,096 clusters through the serializer cost more than both queries together.
    @extend_schema(tags=["claims"], filters=True, responses=ClaimsGeoSerializer)
    def get(self, request):
        """Show claims on a map: points when few, grid clusters when many.

        The area is a box (`bbox=min_lon,min_lat,max_lon,max_lat`, GeoJSON's order, not across the
        antimeridian), a centre and radius (`lat`, `lon`, `radius_km` up to 1000) or a lasso
        (`polygon=lon,lat,...`). The claims list's filters and `search` apply as on
        `GET /api/claims/`. With at most `points_up_to` (500) matching claims the answer is
        `mode: points`, each claim with its number, status, priority and incident position; else
        `mode: clusters`: a grid over the area's box with square cells of `cell_size` degrees (a
        power of two, at most 64 cells on the box's longer side), each non-empty cell with its
        count, mean position, open count and counts by status. Claims without a recorded position
        are never on the map. Two queries at most, whatever the number of claims.

        Access: as the claims list: customers their own claims; agents their department's claims
        and those assigned to them; assessors the claims assigned to them; supervisors their
        department's; admins all.

        Errors: 400 `validation_error` with the parameter at fault and its code: `required` (no
        area), `conflicting_areas` (more than one), `invalid` (not numbers), `out_of_range`,
        `inverted` (min above max), `crosses_antimeridian`, `wider_than_world`, `not_positive` or
        `too_large` (the radius), `too_few_vertices`, `too_many_vertices`, `self_intersecting`,
        `degenerate` (the polygon); a malformed filter value as on the list.
        """
        queryset = self.get_queryset()
        filterset = DjangoFilterBackend().get_filterset(request, queryset, self)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        area = filterset.area
        if area is None:
            raise ValidationError(
                {
                    "bbox": [
                        serializers.ErrorDetail("Give a bbox, a centre (lat, lon, radius_km) or a polygon.", "required")
                    ]
                }
            )
        queryset = BlindIndexSearchFilter().filter_queryset(request, filterset.qs, self)
        return Response(geo.claims_map(queryset, box=area.bounds()))
