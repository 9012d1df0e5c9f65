import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.core.permissions import IsStaffRole
from insurehub.core.roles import Department
from insurehub.core.serializers import StrictSerializer
from insurehub.dashboard import selectors
from insurehub.dashboard.api import serializers as out
from insurehub.dashboard.models import Alert
from insurehub.dashboard.services import alert_acknowledge

RANGE_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day (default: 29 days before `to`)"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (default: today)"),
    OpenApiParameter("department", str, description="Admins only: one department"),
]


class RangeSerializer(StrictSerializer):
    locals()["from"] = serializers.DateField(required=False)
    to = serializers.DateField(required=False)
    department = serializers.ChoiceField(choices=Department.choices, required=False)


def _scope(request):
    query = RangeSerializer(data=request.query_params.dict())
    query.is_valid(raise_exception=True)
    values = query.validated_data
    return selectors.scope_for(
        request.user, department=values.get("department"), start=values.get("from"), end=values.get("to")
    )


class KpiApi(APIView):
    permission_classes = [IsStaffRole]

    @extend_schema(parameters=RANGE_PARAMETERS, responses={200: out.KpiSerializer}, tags=["dashboard"])
    def get(self, request):
        return Response(selectors.kpis(_scope(request)))


class ClaimsOverviewApi(APIView):
    permission_classes = [IsStaffRole]

    @extend_schema(parameters=RANGE_PARAMETERS, responses={200: out.ClaimsOverviewSerializer}, tags=["dashboard"])
    def get(self, request):
        return Response(selectors.claims_overview(_scope(request), request.user))


class AssessmentsOverviewApi(APIView):
    permission_classes = [IsStaffRole]

    @extend_schema(parameters=RANGE_PARAMETERS, responses={200: out.AssessmentsOverviewSerializer}, tags=["dashboard"])
    def get(self, request):
        return Response(selectors.assessments_overview(_scope(request)))


class TrendApi(APIView):
    permission_classes = [IsStaffRole]

    @extend_schema(
        parameters=RANGE_PARAMETERS,
        responses={200: out.TrendSerializer},
        tags=["dashboard"],
        summary="Claims filed and settled per day",
        description=(
            "One entry per day of the range (zeros included): claims filed, claims settled and the amount settled, "
            "in the caller's scope (a department for agents and supervisors, any for admins, an assessor's own "
            "claims). Staff only."
        ),
    )
    def get(self, request):
        return Response(selectors.daily_trend(_scope(request)))


class AlertSerializer(serializers.ModelSerializer):
    claim_number = serializers.CharField(source="claim.claim_number", read_only=True, default=None)

    class Meta:
        model = Alert
        fields = [
            "id",
            "kind",
            "severity",
            "title",
            "message",
            "data",
            "claim",
            "claim_number",
            "department",
            "status",
            "acknowledged_by",
            "acknowledged_at",
            "created_at",
        ]
        read_only_fields = fields


class AlertFilter(django_filters.FilterSet):
    class Meta:
        model = Alert
        fields = ["status", "severity", "kind", "claim", "department"]


SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


class AlertListApi(generics.ListAPIView):
    permission_classes = [IsStaffRole]
    serializer_class = AlertSerializer
    filterset_class = AlertFilter
    ordering_fields = ["created_at", "severity"]

    def get_queryset(self):
        from django.db.models import Case, IntegerField, Value, When

        rank = Case(*(When(severity=k, then=Value(v)) for k, v in SEVERITY_ORDER.items()), output_field=IntegerField())
        queryset = selectors.alerts_visible_to(self.request.user).annotate(severity_rank=rank)
        if "status" not in self.request.query_params:
            queryset = queryset.filter(status=Alert.Status.OPEN)
        return queryset.order_by("severity_rank", "-created_at")


class AlertAcknowledgeApi(APIView):
    permission_classes = [IsStaffRole]

    @extend_schema(request=None, responses={200: AlertSerializer}, tags=["dashboard"])
    def post(self, request, alert_id):
        alert = get_object_or_404(selectors.alerts_visible_to(request.user), pk=alert_id)
        return Response(AlertSerializer(alert_acknowledge(alert=alert, user=request.user)).data)
