from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.users.selectors import customer_acted_for
from insurehub.vehicles import services
from insurehub.vehicles.api import serializers as s
from insurehub.vehicles.models import normalise_registration
from insurehub.vehicles.selectors import vehicles_visible_to


def _owner_for(request, owner_id):
    """Customers register their own vehicles (naming anyone else is a 404); staff name the customer."""
    return customer_acted_for(
        user=request.user,
        customer_id=owner_id,
        missing_code="owner_required",
        missing_message="Staff must name the customer who owns the vehicle.",
    )


class VehicleListCreateApi(generics.ListAPIView):
    serializer_class = s.VehicleOutputSerializer
    filterset_fields = ["owner", "make", "year"]
    search_fields = ["vin", "make", "model"]
    # The registration is sealed: a whole one (any case, spaces or dashes) matches its blind index.
    blind_index_search = {"registration_hash": "registration"}
    ordering_fields = ["created_at", "year"]

    def blind_index_term(self, purpose, term):
        return normalise_registration(term)

    def get_queryset(self):
        return vehicles_visible_to(self.request.user)

    @extend_schema(tags=["vehicles"])
    def get(self, request, *args, **kwargs):
        """List the vehicles the caller may see.

        Paged by number, oldest first. Filters: `owner`, `make`, `year`; `search` in VIN, make and model,
        or a whole registration (sealed at rest: matched exactly, any case, spaces and dashes ignored;
        a part of one finds nothing); `ordering` by `created_at` or `year`.

        Access: customers see their own vehicles; agents, supervisors and admins all; assessors those
        of the claims assigned to them.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.VehicleInputSerializer, responses={201: s.VehicleOutputSerializer}, tags=["vehicles"])
    def post(self, request):
        """Register a vehicle.

        The registration and VIN are normalised (upper case, no spaces) and the VIN checked (17
        characters, no I, O or Q, a correct check digit where the VIN carries one). The vehicle's
        `estimated_value` (in `currency`) is what total-loss recommendations compare repair costs with.
        If another customer's vehicle has the same VIN or registration, the answer is the same as for a
        fresh vehicle and staff are told (`vehicle.identity_shared`). Answers the vehicle (201).

        Access: customers, for themselves (`owner` left out, or their own id); staff and admins for a
        customer named in `owner`.

        Errors: 400 `validation_error` (including an invalid VIN), `owner_required` (staff did not name
        the owner); 404 `not_found` (a customer naming someone else, or an `owner` who is no active
        customer); 409 `vin_taken`, `registration_taken` (the same owner already registered it).
        """
        data = s.VehicleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        owner = _owner_for(request, values.pop("owner", None))
        vehicle = services.vehicle_create(owner=owner, created_by=request.user, **values)
        return Response(s.VehicleOutputSerializer(vehicle).data, status=status.HTTP_201_CREATED)


class VehicleDetailApi(APIView):
    def _get(self, request, vehicle_id):
        return get_object_or_404(vehicles_visible_to(request.user), pk=vehicle_id)

    @extend_schema(responses={200: s.VehicleOutputSerializer}, tags=["vehicles"])
    def get(self, request, vehicle_id):
        """Show a vehicle.

        Access: its owner, staff and admins.

        Errors: 404 `not_found`.
        """
        return Response(s.VehicleOutputSerializer(self._get(request, vehicle_id)).data)

    @extend_schema(request=s.VehicleUpdateSerializer, responses={200: s.VehicleOutputSerializer}, tags=["vehicles"])
    def patch(self, request, vehicle_id):
        """Edit a vehicle.

        Any of registration, VIN, make, model, year, colour and estimated value; the VIN and the
        registration of a vehicle on an active or pending policy cannot change.

        Access: its owner, staff and admins.

        Errors: 400 `validation_error` (including an invalid VIN); 404 `not_found`; 409
        `vehicle_insured`; 409 `vin_taken`, `registration_taken` (the owner has another vehicle with it).
        """
        vehicle = self._get(request, vehicle_id)
        data = s.VehicleUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        vehicle = services.vehicle_update(vehicle=vehicle, data=data.validated_data, updated_by=request.user)
        return Response(s.VehicleOutputSerializer(vehicle).data)

    @extend_schema(responses={204: None}, tags=["vehicles"])
    def delete(self, request, vehicle_id):
        """Delete a vehicle.

        Only a vehicle that was never on a policy may be deleted.

        Access: its owner, staff and admins.

        Errors: 404 `not_found`; 409 `vehicle_has_policies`.
        """
        services.vehicle_delete(vehicle=self._get(request, vehicle_id), deleted_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
