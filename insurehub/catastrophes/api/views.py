import django_filters
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.catastrophes import permissions, selectors, services
from insurehub.catastrophes.api import serializers as s
from insurehub.catastrophes.models import CatastropheEvent, EventStatus, Peril
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Department
from insurehub.users.models import User


class CatastropheFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)
    peril = django_filters.ChoiceFilter(choices=Peril.choices)
    department = django_filters.ChoiceFilter(choices=Department.choices)

    class Meta:
        model = CatastropheEvent
        fields = ["status", "peril", "department"]


def _desk(ids) -> list[User] | None:
    if ids is None:
        return None
    wanted = set(ids)
    found = list(User.objects.filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise ApplicationError(
            "invalid_desk_member",
            "Every desk member must be an existing staff member.",
            errors=[{"field": "desk", "message": "Unknown user.", "code": "invalid"}],
        )
    return found


def event_of(request, event_id) -> CatastropheEvent:
    """The event if the caller may see it, else 404."""
    return get_object_or_404(selectors.catastrophes_visible_to(request.user), pk=event_id)


class CatastropheListCreateApi(generics.ListAPIView):
    permission_classes = [permissions.ListsCatastrophes, permissions.DeclaresCatastrophes]
    serializer_class = s.CatastropheEventSerializer
    filterset_class = CatastropheFilter
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        return selectors.catastrophes_visible_to(self.request.user)

    @extend_schema(tags=["catastrophes"])
    def get(self, request, *args, **kwargs):
        """List catastrophe events.

        Latest started first, paged by number. Filters: `status` (`open`, `closed`), `peril`, `department`.

        Access: staff (agents, assessors, supervisors, admins) read every event.

        Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied` (customers).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=s.CatastropheDeclareSerializer, responses={201: s.CatastropheEventSerializer}, tags=["catastrophes"]
    )
    def post(self, request):
        """Declare a catastrophe event.

        A `name`, a `peril`, the area as a circle (`centre_latitude`, `centre_longitude`, `radius_km`
        above 0 and at most 500) or as a `polygon` (a closed ring of [longitude, latitude] points that
        does not cross itself nor the antimeridian), never both; the window `starts_at` .. `ends_at`
        (null: still going on); and the event's rules: `sla_hours`, `fast_track_limit` (claims estimated
        below go straight to a desk assessor) and the `desk` (agents, assessors and supervisors of the
        department who take its claims). Numbered `CAT-<year>-<n>`. The claims already filed inside the
        area and window are tagged by a background job after the answer; claims filed later are tagged
        when filed. Answers the event (201).

        Access: supervisors for their own department (the default `department`); admins for any.

        Errors: 400 `validation_error` (both or neither area forms, a radius of 0, a self-intersecting
        polygon, an end before the start, ...), `invalid_desk_member`; 403 `permission_denied`
        (customers, agents, assessors, another department).
        """
        data = s.CatastropheDeclareSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        desk = _desk(values.pop("desk", None)) or []
        department = values.pop("department", None) or request.user.department
        if not department:
            raise ApplicationError(
                "validation_error",
                "Say which department the event belongs to.",
                errors=[{"field": "department", "message": "Required.", "code": "required"}],
            )
        event = services.catastrophe_declare(declared_by=request.user, department=department, desk=desk, **values)
        return Response(
            s.CatastropheEventSerializer(selectors.catastrophes_visible_to(request.user).get(pk=event.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class CatastropheDetailApi(APIView):
    permission_classes = [permissions.ManagesCatastrophe]  # its object check is asked of PATCH only

    @extend_schema(responses={200: s.CatastropheEventSerializer}, tags=["catastrophes"])
    def get(self, request, event_id):
        """Show a catastrophe event.

        Its area, window, status, rules and desk.

        Access: staff.

        Errors: 404 `not_found` (customers; an unknown event).
        """
        return Response(s.CatastropheEventSerializer(event_of(request, event_id)).data)

    @extend_schema(
        request=s.CatastropheWriteSerializer(partial=True),
        responses={200: s.CatastropheEventSerializer},
        tags=["catastrophes"],
    )
    def patch(self, request, event_id):
        """Edit an open catastrophe event.

        Any of the declared fields but the department; giving the area in one form replaces the other
        (a polygon replaces a circle, and back); `desk` replaces the desk. A changed area or window tags
        the claims it now covers (a background job); claims already tagged stay tagged.

        Access: supervisors of the event's department; admins.

        Errors: 400 `validation_error`, `invalid_desk_member`; 403 `permission_denied` (other staff); 404
        `not_found` (customers); 409 `event_closed`.
        """
        event = event_of(request, event_id)
        self.check_object_permissions(request, event)
        data = s.CatastropheWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        desk = _desk(values.pop("desk", None))
        services.catastrophe_update(event=event, data=values, updated_by=request.user, desk=desk)
        return Response(s.CatastropheEventSerializer(event_of(request, event_id)).data)


class CatastropheCloseApi(APIView):
    permission_classes = [permissions.ManagesCatastrophe]

    @extend_schema(
        request=s.CatastropheCloseSerializer, responses={200: s.CatastropheEventSerializer}, tags=["catastrophes"]
    )
    def post(self, request, event_id):
        """Close a catastrophe event.

        No claim is tagged with it any more; the claims tagged keep their tag and rules. An event still
        going on (`ends_at` null) ends now.

        Access: supervisors of the event's department; admins.

        Errors: 400 `validation_error`; 403 `permission_denied` (other staff); 404 `not_found`
        (customers); 409 `event_closed` (already closed).
        """
        event = event_of(request, event_id)
        self.check_object_permissions(request, event)
        data = s.CatastropheCloseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.catastrophe_close(event=event, closed_by=request.user, reason=data.validated_data.get("reason", ""))
        return Response(s.CatastropheEventSerializer(event_of(request, event_id)).data)
