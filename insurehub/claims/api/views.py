import django_filters
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, pagination, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.claims import selectors, services
from insurehub.claims.api import serializers as s
from insurehub.claims.models import Claim, ClaimSettlement
from insurehub.claims.report import claim_report_pdf
from insurehub.core.errors import ApplicationError
from insurehub.core.permissions import HasRole
from insurehub.core.roles import Role
from insurehub.payments.api.views import IDEMPOTENCY_HEADER
from insurehub.payments.idempotency import idempotent
from insurehub.policies.selectors import policies_visible_to
from insurehub.users.models import User
from insurehub.vehicles.selectors import vehicles_visible_to

StaffWhoManage = HasRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)


class ClaimCursorPagination(pagination.CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = ("-created_at", "-id")


class ClaimFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Claim._meta.get_field("status").choices)
    priority = django_filters.MultipleChoiceFilter(choices=Claim._meta.get_field("priority").choices)
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt")
    incident_after = django_filters.IsoDateTimeFilter(field_name="incident_date", lookup_expr="gte")
    incident_before = django_filters.IsoDateTimeFilter(field_name="incident_date", lookup_expr="lt")
    has_open_alerts = django_filters.BooleanFilter(field_name="has_open_alerts")
    sla_breached = django_filters.BooleanFilter(method="filter_sla_breached")

    class Meta:
        model = Claim
        fields = ["department", "assigned_agent", "assigned_assessor", "customer", "policy"]

    def filter_sla_breached(self, queryset, name, value):
        from django.utils import timezone

        breached = {"sla_due_at__lt": timezone.now()}
        return queryset.filter(**breached) if value else queryset.exclude(**breached)


def _claim(request, claim_id) -> Claim:
    return get_object_or_404(
        selectors.claims_visible_to(request.user).select_related("policy", "customer"), pk=claim_id
    )


class ClaimListCreateApi(generics.ListAPIView):
    serializer_class = s.ClaimListSerializer
    filterset_class = ClaimFilter
    pagination_class = ClaimCursorPagination
    search_fields = ["claim_number", "vehicle__registration", "customer__name"]
    ordering_fields = ["created_at", "sla_due_at", "priority", "status", "incident_date"]

    def get_queryset(self):
        return selectors.claim_list(self.request.user)

    @extend_schema(request=s.ClaimCreateSerializer, responses={201: s.ClaimDetailSerializer}, tags=["claims"])
    def post(self, request):
        if request.user.role == Role.ASSESSOR:
            raise ApplicationError("permission_denied", "Assessors do not file claims.", status=403)
        data = s.ClaimCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        policy = get_object_or_404(policies_visible_to(request.user), pk=values.pop("policy"))
        vehicle_id = values.pop("vehicle", None)
        vehicle = get_object_or_404(vehicles_visible_to(request.user), pk=vehicle_id) if vehicle_id else None
        claim = services.claim_create(policy=policy, vehicle=vehicle, filed_by=request.user, **values)
        return Response(
            s.ClaimDetailSerializer(
                selectors.claim_list(request.user).get(pk=claim.pk), context={"request": request}
            ).data,
            status=status.HTTP_201_CREATED,
        )


class ClaimDetailApi(APIView):
    @extend_schema(responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def get(self, request, claim_id):
        return Response(
            s.ClaimDetailSerializer(
                get_object_or_404(selectors.claim_list(request.user), pk=claim_id), context={"request": request}
            ).data
        )

    @extend_schema(request=s.ClaimUpdateSerializer, responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def patch(self, request, claim_id):
        claim = _claim(request, claim_id)
        if request.user.role == Role.ASSESSOR:
            raise ApplicationError(
                "permission_denied", "Assessors record their findings in the assessment.", status=403
            )
        data = s.ClaimUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if request.user.role == Role.CUSTOMER and {"priority", "estimated_cost"} & set(data.validated_data):
            raise ApplicationError("read_only", "Customers do not set the priority or the estimate.")
        services.claim_update(claim=claim, data=data.validated_data, updated_by=request.user)
        return Response(
            s.ClaimDetailSerializer(
                selectors.claim_list(request.user).get(pk=claim.pk), context={"request": request}
            ).data
        )


class ClaimTransitionApi(APIView):
    @extend_schema(request=s.TransitionSerializer, responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        claim = _claim(request, claim_id)
        data = s.TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.claim_transition(
            claim=claim,
            to_status=data.validated_data["to"],
            actor=request.user,
            reason=data.validated_data["reason"],
            approved_amount=data.validated_data.get("approved_amount"),
        )
        return Response(
            s.ClaimDetailSerializer(
                selectors.claim_list(request.user).get(pk=claim.pk), context={"request": request}
            ).data
        )


class ClaimAssignApi(APIView):
    permission_classes = [StaffWhoManage]

    @extend_schema(request=s.AssignSerializer, responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        claim = _claim(request, claim_id)
        data = s.AssignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        kwargs = {"auto_assessor": values["auto_assessor"], "reason": values["reason"]}
        for role in ("agent", "assessor"):
            if role in values:
                kwargs[role] = get_object_or_404(User, pk=values[role]) if values[role] else None
        services.claim_assign(claim=claim, assigned_by=request.user, **kwargs)
        return Response(
            s.ClaimDetailSerializer(
                selectors.claim_list(request.user).get(pk=claim.pk), context={"request": request}
            ).data
        )


class ClaimAssigneesApi(APIView):
    @extend_schema(
        responses={200: s.AssigneesSerializer},
        tags=["claims"],
        operation_id="claims_assignees_of_claim",
        summary="List the staff this claim can be assigned to",
        description=(
            "Active agents and supervisors, and assessors, of the claim's department with their open-claim load, "
            "least loaded first. Assessors below the certification the claim needs are listed as ineligible, with "
            "the reason. For agents, supervisors and admins who can see the claim (404 otherwise)."
        ),
    )
    def get(self, request, claim_id):
        claim = _claim(request, claim_id)
        return Response(selectors.assignees(fetched_by=request.user, department=claim.department, claim=claim))


class StaffAssigneesApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("department", str, description="Defaults to the caller's department.")],
        responses={200: s.AssigneesSerializer},
        tags=["claims"],
        operation_id="claims_assignees_of_department",
        summary="List the staff of a department that claims can be assigned to",
        description=(
            "For bulk assignment: the department's active agents, supervisors and assessors with their load. "
            "Agents and supervisors may list their own department only; admins any (403 otherwise)."
        ),
    )
    def get(self, request):
        department = request.query_params.get("department") or request.user.department or ""
        return Response(selectors.assignees(fetched_by=request.user, department=department))


class ClaimsBulkTransitionApi(APIView):
    @extend_schema(
        request=s.BulkTransitionSerializer,
        responses={200: s.BulkResponseSerializer},
        tags=["claims"],
        summary="Move many claims to one status",
        description=(
            "Each claim is moved in its own transaction, under its own row lock, guard, status history and audit "
            "entry, as `POST /api/claims/{id}/transition/` would; a refusal for one claim leaves the others done. "
            "The answer lists, per claim, what happened (claims the caller cannot see answer `not_found`). "
            "Agents, supervisors and admins; at most 200 claims."
        ),
    )
    def post(self, request):
        data = s.BulkTransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        results = services.claims_bulk_transition(
            claim_ids=values["claims"], to_status=values["to"], actor=request.user, reason=values["reason"]
        )
        return Response(_bulk_answer(results))


class ClaimsBulkAssignApi(APIView):
    @extend_schema(
        request=s.BulkAssignSerializer,
        responses={200: s.BulkResponseSerializer},
        tags=["claims"],
        summary="Assign an agent and/or an assessor to many claims",
        description=(
            "Each claim is assigned in its own transaction with its own checks (department, certification) and audit "
            "entry; `auto_assessor` picks the least-loaded qualified assessor per claim. The answer lists, per claim, "
            "what happened. Agents, supervisors and admins; at most 200 claims."
        ),
    )
    def post(self, request):
        data = s.BulkAssignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        kwargs = {"auto_assessor": values["auto_assessor"], "reason": values["reason"]}
        for role in ("agent", "assessor"):
            if role in values:
                kwargs[role] = get_object_or_404(User, pk=values[role]) if values[role] else None
        results = services.claims_bulk_assign(claim_ids=values["claims"], assigned_by=request.user, **kwargs)
        return Response(_bulk_answer(results))


def _bulk_answer(results: list[dict]) -> dict:
    succeeded = sum(1 for result in results if result["ok"])
    return {"succeeded": succeeded, "failed": len(results) - succeeded, "results": results}


class ClaimExportApi(ClaimListCreateApi):
    """The claims list's filters, search and ordering, as a CSV streamed row by row."""

    http_method_names = ["get", "head", "options"]
    pagination_class = None

    @extend_schema(
        responses={(200, "text/csv"): OpenApiTypes.STR},
        tags=["claims"],
        summary="Export the claims of the current filter as CSV",
        description=(
            "Takes the same filters, `search` and `ordering` as `GET /api/claims/` and streams every matching claim "
            "the caller may see (no pagination) as CSV, one row per claim. Agents, supervisors and admins; the "
            "export is audited with its filters."
        ),
    )
    def get(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        rows = services.claims_export(queryset=queryset, exported_by=request.user, filters=request.query_params)
        response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="claims-{stamp}.csv"'
        return response


class ClaimTimelineApi(generics.GenericAPIView):
    serializer_class = s.TimelineItemSerializer
    queryset = Claim.objects.none()  # the timeline is assembled by the selector

    @extend_schema(responses={200: s.TimelineItemSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        claim = _claim(request, claim_id)
        items = selectors.claim_timeline(claim, for_customer=request.user.role == Role.CUSTOMER)
        page = self.paginate_queryset(items)
        return self.get_paginated_response(page)


class ClaimCommunicationsApi(generics.GenericAPIView):
    serializer_class = s.CommunicationSerializer
    queryset = Claim.objects.none()  # entries come from the selector

    def get(self, request, claim_id):
        claim = _claim(request, claim_id)
        page = self.paginate_queryset(selectors.communications_visible_to(request.user, claim))
        return self.get_paginated_response(s.CommunicationSerializer(page, many=True).data)

    @extend_schema(request=s.CommunicationCreateSerializer, responses={201: s.CommunicationSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        claim = _claim(request, claim_id)
        data = s.CommunicationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.communication_add(claim=claim, author=request.user, **data.validated_data)
        return Response(s.CommunicationSerializer(entry).data, status=status.HTTP_201_CREATED)


class ClaimReservesApi(APIView):
    @extend_schema(responses={200: s.ReserveSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        claim = _claim(request, claim_id)
        if request.user.role == Role.CUSTOMER:
            raise ApplicationError("permission_denied", "Reserves are internal.", status=403)
        return Response(s.ReserveSerializer(claim.reserves.all(), many=True).data)

    @extend_schema(request=s.ReserveSetSerializer, responses={200: s.ReserveSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        claim = _claim(request, claim_id)
        if request.user.role == Role.CUSTOMER:
            raise ApplicationError("permission_denied", "Reserves are internal.", status=403)
        data = s.ReserveSetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reserve = services.reserve_set(claim=claim, actor=request.user, **data.validated_data)
        return Response(s.ReserveSerializer(reserve).data)


class ClaimSettlementApi(APIView):
    @extend_schema(responses={200: s.SettlementSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        claim = _claim(request, claim_id)
        return Response(s.SettlementSerializer(claim.settlements.all(), many=True).data)

    @extend_schema(request=s.SettlementProposeSerializer, responses={201: s.SettlementSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        claim = _claim(request, claim_id)
        if request.user.role not in (Role.AGENT, Role.SUPERVISOR, Role.ADMIN):
            raise ApplicationError(
                "permission_denied", "Only agents, supervisors and admins settle claims.", status=403
            )
        data = s.SettlementProposeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        settlement = services.settlement_propose(claim=claim, proposed_by=request.user, **data.validated_data)
        return Response(s.SettlementSerializer(settlement).data, status=status.HTTP_201_CREATED)


class ClaimSettlementActionApi(APIView):
    permission_classes = [StaffWhoManage]

    @extend_schema(
        request=s.SettlementActionSerializer,
        responses={200: s.SettlementSerializer},
        tags=["claims"],
        operation_id="claims_settlement_action",
        parameters=[IDEMPOTENCY_HEADER],
    )
    def post(self, request, claim_id, settlement_id):
        claim = _claim(request, claim_id)
        settlement = get_object_or_404(ClaimSettlement, pk=settlement_id, claim=claim)
        data = s.SettlementActionSerializer(data=request.data)
        data.is_valid(raise_exception=True)

        def handle():
            action = data.validated_data["action"]
            if action == "approve":
                done = services.settlement_approve(settlement=settlement, approved_by=request.user)
            elif action == "reject":
                done = services.settlement_reject(
                    settlement=settlement, rejected_by=request.user, reason=data.validated_data["reason"]
                )
            else:
                done = services.settlement_pay(settlement=settlement, paid_by=request.user)
            return Response(s.SettlementSerializer(done).data)

        # Paying moves money: a retried request with the same key gets the first answer back.
        return idempotent(request, endpoint=f"claim.settlement.{settlement.pk}", handler=handle)


class ClaimReportApi(APIView):
    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, tags=["claims"])
    def get(self, request, claim_id):
        claim = _claim(request, claim_id)
        pdf = claim_report_pdf(claim, for_customer=request.user.role == Role.CUSTOMER)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{claim.claim_number}.pdf"'
        return response
