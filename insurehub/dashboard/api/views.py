import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.alerts.models import Alert
from insurehub.alerts.services import alert_acknowledge
from insurehub.claims.selectors import display_name
from insurehub.core.roles import Department
from insurehub.core.serializers import StrictSerializer
from insurehub.dashboard import permissions, selectors
from insurehub.dashboard.api import serializers as out

RANGE_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day (default: 29 days before `to`)"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (default: today)"),
    OpenApiParameter("department", str, enum=Department.values, description="Admins only: one department"),
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
    permission_classes = [permissions.ViewsDashboard]

    @extend_schema(parameters=RANGE_PARAMETERS, responses={200: out.KpiSerializer}, tags=["dashboard"])
    def get(self, request):
        """Show the desk's key figures.

        Open claims by status and priority, open SLA breaches, estimated exposure, and for the range
        (`from`, `to`; the last 30 days by default) new and settled claims, settled amounts, cycle times
        and approval and rejection rates, against the previous period of the same length; plus
        in-progress assessments. Read from rollups kept current by the services, cached for
        `DASHBOARD_CACHE_SECONDS` (15 s). An assessor receives their own claims' figures (no `range`,
        `new_claims`, `open_reserves`, `period` or `previous_period`; `assigned_in_period` instead).

        Access: staff. Agents and supervisors see their department (asking for another answers 403),
        assessors the claims assigned to them, admins every department or the one named in `department`.

        Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
        or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
        """
        return Response(selectors.kpis(_scope(request)))


class ClaimsOverviewApi(APIView):
    permission_classes = [permissions.ViewsDashboard]

    @extend_schema(parameters=RANGE_PARAMETERS, responses={200: out.ClaimsOverviewSerializer}, tags=["dashboard"])
    def get(self, request):
        """Show the claims overview: status by priority, ageing and work queues.

        `status_priority_matrix` counts claims per status and priority, `aging` open claims by days since
        they were filed, `my_queue` the caller's 20 open assigned claims (earliest SLA first) and
        `recently_changed` the 20 claims changed last in scope, as claim list items.

        Access: staff. Agents and supervisors see their department (asking for another answers 403),
        assessors the claims assigned to them, admins every department or the one named in `department`.

        Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
        or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
        """
        return Response(selectors.claims_overview(_scope(request), request.user))


class AssessmentsOverviewApi(APIView):
    permission_classes = [permissions.ViewsDashboard]

    @extend_schema(parameters=RANGE_PARAMETERS, responses={200: out.AssessmentsOverviewSerializer}, tags=["dashboard"])
    def get(self, request):
        """Show the assessments overview: by status, overdue, completion and assessor load.

        Assessments in scope by status, scheduled ones past their time (`overdue`), in-progress ones by
        completion (`0-25` ... `76-100` percent) and the open assessments per assessor.

        Access: staff. Agents and supervisors see their department (asking for another answers 403),
        assessors the claims assigned to them, admins every department or the one named in `department`.

        Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
        or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
        """
        return Response(selectors.assessments_overview(_scope(request)))


class TrendApi(APIView):
    permission_classes = [permissions.ViewsDashboard]

    @extend_schema(
        parameters=RANGE_PARAMETERS,
        responses={200: out.TrendSerializer},
        tags=["dashboard"],
    )
    def get(self, request):
        """Show claims filed and settled per day.

        One entry per day of the range, zeros included (so a chart's axis is the range itself): claims
        filed, claims settled and the amount settled. Read from the daily rollups; an assessor's from
        their own claims.

        Access: staff. Agents and supervisors see their department (asking for another answers 403),
        assessors the claims assigned to them, admins every department or the one named in `department`.

        Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
        or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
        """
        return Response(selectors.daily_trend(_scope(request)))


class AlertSerializer(serializers.ModelSerializer):
    claim_number = serializers.CharField(source="claim.claim_number", read_only=True, default=None, allow_null=True)
    acknowledged_by_name = serializers.SerializerMethodField(help_text="Who acknowledged it (name, else e-mail).")

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
            "acknowledged_by_name",
            "acknowledged_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_acknowledged_by_name(self, obj) -> str | None:
        return display_name(obj.acknowledged_by)


class AlertFilter(django_filters.FilterSet):
    class Meta:
        model = Alert
        fields = ["status", "severity", "kind", "claim", "department"]


SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


class AlertListApi(generics.ListAPIView):
    permission_classes = [permissions.HandlesAlerts]
    serializer_class = AlertSerializer
    filterset_class = AlertFilter
    ordering_fields = ["created_at", "severity"]

    @extend_schema(tags=["dashboard"])
    def get(self, request, *args, **kwargs):
        """List the alerts the caller may see.

        Open alerts by default (filter `status` for the others), most severe first, then newest. Filters:
        `status`, `severity`, `kind`, `claim`, `department`; `ordering` by `created_at` or `severity`.
        Alerts flag what needs a person: possible duplicate claims, early claims, high values, SLA
        breaches, stalled claims, infected or mismatching documents, reused photos, risk flags.

        Access: staff: the alerts of the claims they may see, and (agents and supervisors) their
        department's alerts not tied to a claim; admins all. Customers never see alerts.

        Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied` (customers).
        """
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        from django.db.models import Case, IntegerField, Value, When

        rank = Case(*(When(severity=k, then=Value(v)) for k, v in SEVERITY_ORDER.items()), output_field=IntegerField())
        queryset = selectors.alerts_visible_to(self.request.user).annotate(severity_rank=rank)
        if "status" not in self.request.query_params:
            queryset = queryset.filter(status=Alert.Status.OPEN)
        return queryset.order_by("severity_rank", "-created_at")


class AlertSummaryQuerySerializer(StrictSerializer):
    department = serializers.ChoiceField(choices=Department.choices, required=False)


class AlertSummaryApi(APIView):
    permission_classes = [permissions.HandlesAlerts]

    @extend_schema(
        parameters=[
            OpenApiParameter("department", str, enum=Department.values, description="Only this department's alerts")
        ],
        responses={200: out.AlertSummarySerializer},
        tags=["dashboard"],
    )
    def get(self, request):
        """Count the open alerts by severity.

        The open alerts the caller may see (the same ones `GET /api/dashboard/alerts/` lists), counted per
        severity with every severity named, for the dashboard's summary; `department` narrows them to one
        department's. Not cached: an acknowledgement shows at once.

        Access: staff, over the alerts they may see (as the alert list).

        Errors: 400 `validation_error` (an unknown department or parameter); 403 `permission_denied` (customers).
        """
        query = AlertSummaryQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        return Response(
            selectors.open_alerts_by_severity(request.user, department=query.validated_data.get("department"))
        )


class AlertAcknowledgeApi(APIView):
    permission_classes = [permissions.HandlesAlerts]

    @extend_schema(request=None, responses={200: AlertSerializer}, tags=["dashboard"])
    def post(self, request, alert_id):
        """Acknowledge an alert.

        Marks an open alert as acknowledged by the caller (recorded with the time) and tells the other
        staff who see it (`alert.acknowledged`).

        Access: staff who may see the alert.

        Errors: 403 `permission_denied` (customers); 404 `not_found`; 409 `alert_not_open`.
        """
        alert = get_object_or_404(selectors.alerts_visible_to(request.user), pk=alert_id)
        return Response(AlertSerializer(alert_acknowledge(alert=alert, user=request.user)).data)
