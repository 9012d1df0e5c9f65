import django_filters
from django import forms
from django.db.models import Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.audit.read_audit import record_read
from insurehub.claims import geo, permissions, selectors, services
from insurehub.claims.api import serializers as s
from insurehub.claims.api.ordering import ClaimOrderingFilter
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimSettlement, DocumentRequest
from insurehub.claims.report import claim_report_pdf
from insurehub.core.filters import BlindIndexSearchFilter, TimestampFilter
from insurehub.core.idempotency import IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_OPTIONAL, idempotent
from insurehub.core.pagination import CursorPagination
from insurehub.policies.selectors import policies_visible_to
from insurehub.users.models import User
from insurehub.vehicles.models import normalise_registration
from insurehub.vehicles.selectors import vehicles_visible_to


class ClaimCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = ("-created_at", "-id")


class ClaimFilterForm(forms.Form):
    """Reads the one area of `bbox`, `lat`/`lon`/`radius_km` or `polygon` into `area` (claims.geo)."""

    area: "geo.Area | None" = None

    def clean(self):
        cleaned = super().clean()
        if any(name in self.errors for name in geo.AREA_PARAMS):
            return cleaned
        try:
            self.area = geo.area_from_params(cleaned)
        except geo.AreaError as error:
            self.add_error(error.field, forms.ValidationError(error.message, code=error.code))
        return cleaned


class ClaimFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Claim._meta.get_field("status").choices)
    priority = django_filters.MultipleChoiceFilter(choices=Claim._meta.get_field("priority").choices)
    created_after = TimestampFilter(field_name="created_at", lookup_expr="gte")
    created_before = TimestampFilter(field_name="created_at", lookup_expr="lt")
    incident_after = TimestampFilter(field_name="incident_date", lookup_expr="gte")
    incident_before = TimestampFilter(field_name="incident_date", lookup_expr="lt")
    has_open_alerts = django_filters.BooleanFilter(field_name="has_open_alerts")
    sla_breached = django_filters.BooleanFilter(method="filter_sla_breached")
    catastrophe = django_filters.UUIDFilter(field_name="catastrophe", help_text="Claims tagged with this event.")
    fast_track = django_filters.BooleanFilter(
        field_name="catastrophe_fast_track", help_text="Fast-tracked by their catastrophe event (the desk's queue)."
    )
    # Where the incident happened (one area at most; claims without a place are then left out).
    bbox = django_filters.CharFilter(
        method="area_part", help_text="min_lon,min_lat,max_lon,max_lat (WGS 84 degrees, GeoJSON's order)."
    )
    lat = django_filters.NumberFilter(method="area_part", help_text="The centre's latitude (with lon, radius_km).")
    lon = django_filters.NumberFilter(method="area_part", help_text="The centre's longitude (with lat, radius_km).")
    radius_km = django_filters.NumberFilter(method="area_part", help_text="Up to 1000 km from the centre.")
    polygon = django_filters.CharFilter(
        method="area_part",
        help_text=f"A lasso: lon,lat,lon,lat,... (3 to {geo.MAX_POLYGON_VERTICES} corners, not crossing itself).",
    )

    class Meta:
        model = Claim
        fields = ["department", "assigned_agent", "assigned_assessor", "customer", "policy"]
        form = ClaimFilterForm

    @property
    def area(self) -> "geo.Area | None":
        return self.form.area

    def area_part(self, queryset, name, value):
        return queryset  # the parts make one area, applied in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return geo.claims_in_area(queryset, self.area) if self.area is not None else queryset

    def filter_sla_breached(self, queryset, name, value):
        # As the dashboard counts breaches: open claims past their SLA (a closed claim no longer breaches).
        breached = Q(status__in=OPEN_STATUSES, sla_due_at__lt=timezone.now())
        return queryset.filter(breached) if value else queryset.exclude(breached)


def _claim(request, claim_id) -> Claim:
    return get_object_or_404(
        selectors.claims_visible_to(request.user).select_related("policy", "customer"), pk=claim_id
    )


class ClaimListCreateApi(generics.ListAPIView):
    permission_classes = [permissions.FilesClaims]
    serializer_class = s.ClaimListSerializer
    filterset_class = ClaimFilter
    pagination_class = ClaimCursorPagination
    filter_backends = [DjangoFilterBackend, BlindIndexSearchFilter, ClaimOrderingFilter]
    search_fields = ["claim_number", "customer__name"]
    # The registration is sealed: a whole one (any case, spaces or dashes) matches its blind index.
    blind_index_search = {"vehicle__registration_hash": "registration"}

    def blind_index_term(self, purpose, term):
        return normalise_registration(term)

    def get_queryset(self):
        return selectors.claim_rows(self.request.user)  # only the columns a list shows

    @extend_schema(tags=["claims"])
    def get(self, request, *args, **kwargs):
        """List the claims the caller may see.

        Newest first, with cursor pagination (`page_size` up to 200). Filters: `status` and `priority`
        (repeatable), `department`, `assigned_agent`, `assigned_assessor`, `customer`, `policy`,
        `created_after`/`created_before`, `incident_after`/`incident_before`, `has_open_alerts`,
        `sla_breached` (open and past the SLA); `search` in claim number and customer name, or a whole
        registration (sealed at rest: matched exactly by its blind index, never in part);
        `ordering` by `created_at`, `sla_due_at`, `priority` (by urgency), `status` (by workflow),
        `incident_date`, `estimated_cost` or `claim_number` (ties newest first). Customers always read
        `has_open_alerts` as false.

        Access: any signed-in user: customers their own claims; agents their department's claims and
        those assigned to them; assessors the claims assigned to them; supervisors their department's;
        admins all.

        Errors: 400 `validation_error` (a malformed filter value); 404 `not_found` (a malformed cursor).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=s.ClaimCreateSerializer,
        responses={201: s.ClaimDetailSerializer},
        parameters=[IDEMPOTENCY_KEY_OPTIONAL],
        tags=["claims"],
    )
    def post(self, request):
        """File a claim (first notice of loss).

        On an active `policy` of the customer, for an `incident_date` inside the policy period and not in
        the future, with a `description` and optionally the place (`incident_address`, and latitude and
        longitude together), injury, total-loss hint, police report number, third party and an estimated
        cost. The claim is `submitted` (or kept as a `draft` with `draft: true`), numbered
        `CLM-<year>-<n>`, given to the department of the product's category, prioritised (injury is
        urgent; a total-loss hint or a high estimate is high) with an SLA due time, and checked for
        possible duplicates, early claims and high values (alerts for staff). Outside checks (place,
        weather, vehicle) run after the answer. An agent who files it is assigned to it. Answers the
        claim (201).

        Send an `Idempotency-Key` header so that a retry after a lost answer never files a second claim:
        a repeat with the same key and body answers the first answer again (same status and body,
        `Idempotent-Replayed: true`); the same key with another body answers 422
        `idempotency_key_reused`, and 409 `request_in_progress` while the first runs.

        Access: customers, on their own policies; agents and supervisors of the department that handles
        the product's category, and admins, on the customer's behalf (staff may also set `priority`).
        Assessors do not file claims.

        Errors: 400 `validation_error` (including latitude without longitude), `incident_in_future`,
        `incident_outside_cover`, `vehicle_not_on_policy`, `read_only` (a customer setting `priority`);
        403 `permission_denied` (assessors), `other_department`; 404 `not_found` (a policy or vehicle
        the caller may not see); 409 `policy_not_active`, `request_in_progress`; 422
        `idempotency_key_reused`; 400 `bad_idempotency_key` (a key over 128 characters).
        """

        def handle():
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

        # The key, the claim and the answer commit together: a retry either replays it or files it.
        return idempotent(request, endpoint="claim.create", handler=handle, required=False)


class ClaimDetailApi(APIView):
    permission_classes = [permissions.EditsClaims]  # asked of PATCH only

    @extend_schema(responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def get(self, request, claim_id):
        """Show a claim.

        Everything about the claim, with `allowed_transitions`: the statuses the caller may move it to
        now (what a screen offers as buttons).

        Access: customers their own claims; agents their department's claims and those assigned to them;
        assessors the claims assigned to them; supervisors their department's; admins all.

        Errors: 404 `not_found`.
        """
        claim = get_object_or_404(selectors.claim_list(request.user), pk=claim_id)
        data = s.ClaimDetailSerializer(claim, context={"request": request}).data
        record_read(request.user, claim.customer_id, "claims.claim", claim.pk, list(data), request)
        return Response(data)

    @extend_schema(request=s.ClaimUpdateSerializer, responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def patch(self, request, claim_id):
        """Edit a claim's details.

        Description, incident place, injury, total-loss hint, police report number and third party;
        while the claim is a draft also the incident's date and time (inside the policy's cover, not in
        the future); staff also the estimated cost and the priority. The priority follows injury, total loss and
        estimate unless staff set it; the SLA due time follows the priority. A changed incident place
        runs the outside checks again.

        Access: the customer while the claim is a draft or submitted; agents, supervisors and admins who
        may see it. Assessors record their findings in the assessment instead.

        Errors: 400 `validation_error`, `read_only` (a customer setting `priority` or
        `estimated_cost`), `incident_in_future`, `incident_outside_cover`; 403 `permission_denied`
        (assessors); 404 `not_found`; 409 `claim_locked` (a customer once the claim is under review: send
        a message instead), `incident_date_locked` (the date of a claim that is no longer a draft).
        """
        claim = _claim(request, claim_id)
        self.check_object_permissions(request, claim)
        data = s.ClaimUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.claim_update(claim=claim, data=data.validated_data, updated_by=request.user)
        return Response(
            s.ClaimDetailSerializer(
                selectors.claim_list(request.user).get(pk=claim.pk), context={"request": request}
            ).data
        )


class ClaimTransitionApi(APIView):
    @extend_schema(request=s.TransitionSerializer, responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        """Move a claim to another status.

        The workflow: draft -> submitted -> under_review -> assessment -> approved or rejected;
        approved -> settlement -> settled -> closed; withdrawn from any state before approved; rejected
        or closed -> under_review (reopened). `to` is the new status, `reason` why (required to reject),
        `approved_amount` the amount approved (required to approve, within the caller's authority and the
        sum insured; the claim's assessment must be completed). Moving into `assessment` assigns the
        least-loaded qualified assessor if there is none. Every move is recorded in the status history,
        audited, published (`claim.status_changed`) and told to the customer. Concurrent moves queue: the
        second is refused if the first made it illegal. `settlement` and `settled` come from the
        settlement endpoints.

        Access: customers may submit a draft and withdraw their own claim; agents, supervisors and admins
        who may see the claim make every move.

        Errors: 400 `validation_error`, `reason_required`; 403 `permission_denied` (the caller's role may
        not make this move); 404 `not_found`; 409 `illegal_transition` (not allowed from the current
        status: `current_status` and `allowed` list the moves the caller may make); 409
        `transition_refused` (a guard said no: `reasons`, e.g. the assessment is not completed, the amount
        is above your authority or the sum insured). Sending a draft checks filing's rules again: 409
        `policy_not_active`, 400 `incident_outside_cover` (the draft stays a draft).
        """
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
    permission_classes = [permissions.ManagesClaims]

    @extend_schema(request=s.AssignSerializer, responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        """Assign a claim's agent and/or assessor.

        `agent`: an active agent or supervisor of the claim's department; `assessor`: an active assessor
        of the department certified for the claim (level 3 for urgent or high-value claims, 2 for high
        priority); `null` unassigns; a role left out is unchanged. `auto_assessor: true` picks the
        least-loaded qualified assessor. Each change is recorded with its `reason`, audited, published
        (`claim.assigned`) and the new assignee is notified.

        Access: agents, supervisors and admins who may see the claim.

        Errors: 400 `validation_error`, `invalid_assignee`, `insufficient_certification`; 403
        `permission_denied`; 404 `not_found` (the claim, or an unknown user); 409 `claim_not_open`
        (settled, closed, rejected or withdrawn); 409 `no_assessor` (no qualified assessor for
        `auto_assessor`).
        """
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
    )
    def get(self, request, claim_id):
        """List the staff this claim can be assigned to.

        Active agents and supervisors, and assessors, of the claim's department with their open-claim
        load, least loaded first. Assessors below the certification the claim needs are listed as
        ineligible, with the reason.

        Access: agents, supervisors and admins who may see the claim.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        claim = _claim(request, claim_id)
        return Response(selectors.assignees(fetched_by=request.user, department=claim.department, claim=claim))


class StaffAssigneesApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("department", str, description="Defaults to the caller's department.")],
        responses={200: s.AssigneesSerializer},
        tags=["claims"],
        operation_id="claims_assignees_of_department",
    )
    def get(self, request):
        """List the staff of a department that claims can be assigned to.

        For bulk assignment: the `department`'s (default: the caller's) active agents, supervisors and
        assessors with their open-claim load.

        Access: agents and supervisors for their own department; admins for any.

        Errors: 403 `permission_denied` (another department, customers, assessors).
        """
        department = request.query_params.get("department") or request.user.department or ""
        return Response(selectors.assignees(fetched_by=request.user, department=department))


class ClaimsBulkTransitionApi(APIView):
    @extend_schema(
        request=s.BulkTransitionSerializer,
        responses={200: s.BulkResponseSerializer},
        tags=["claims"],
    )
    def post(self, request):
        """Move many claims to one status.

        Each claim is moved in its own transaction, under its own row lock, guard, status history and
        audit entry, as `POST /api/claims/{id}/transition/` would; a refusal for one claim leaves the
        others done. The answer counts `succeeded` and `failed` and lists, per claim in the order asked,
        what happened: `ok`, the `status` and `code` that claim alone would have answered (claims the
        caller cannot see answer `not_found`).

        Access: agents, supervisors and admins.

        Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims); 403
        `permission_denied`.
        """
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
    )
    def post(self, request):
        """Assign an agent and/or an assessor to many claims.

        Each claim is assigned in its own transaction with its own checks (department, certification)
        and audit entry, as `POST /api/claims/{id}/assign/` would; `auto_assessor` picks the
        least-loaded qualified assessor per claim. The answer lists, per claim, what happened.

        Access: agents, supervisors and admins.

        Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims); 403
        `permission_denied`; 404 `not_found` (an unknown `agent` or `assessor`).
        """
        data = s.BulkAssignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        kwargs = {"auto_assessor": values["auto_assessor"], "reason": values["reason"]}
        for role in ("agent", "assessor"):
            if role in values:
                kwargs[role] = get_object_or_404(User, pk=values[role]) if values[role] else None
        results = services.claims_bulk_assign(claim_ids=values["claims"], assigned_by=request.user, **kwargs)
        return Response(_bulk_answer(results))


class ClaimsBulkReserveApi(APIView):
    @extend_schema(
        request=s.BulkReserveSerializer,
        responses={200: s.BulkReserveResponseSerializer},
        parameters=[IDEMPOTENCY_KEY_OPTIONAL],
        tags=["claims"],
    )
    def post(self, request):
        """Set one cost type's reserve on many claims by a rule.

        The claims are the selected `claims` (up to 200) or, with `catastrophe`, every open claim of
        that event the caller may see (up to 500). The `rule` gives the figure per claim: `basis`
        `fixed` sets `amount`; `basis` `estimate` sets `percent` of the claim's estimated cost, at
        least `floor` and at most `cap` (a claim without an estimate gets the `floor`, or is skipped
        `no_estimate`). With `only_raise` (default true) a reserve already above the figure is
        skipped (`would_lower`); the same figure is skipped (`unchanged`), and so is a claim no longer
        open (`claim_not_open`). Each claim is set in its own transaction under its own row lock as
        `POST /api/claims/{id}/reserves/` would, with the `reason` in its reserve history and audit
        entry; a figure above the caller's reserve authority is refused for that claim
        (`above_authority`: a supervisor sets it). The answer counts `succeeded`, `skipped` and
        `failed`, with a result per claim. An `Idempotency-Key` makes a retry answer the first answer.

        Access: agents, supervisors and admins, on the claims they may see (others answer
        `not_found` per claim).

        Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims),
        `too_many_claims` (an event with more than 500 open claims), `bad_idempotency_key`; 403
        `permission_denied`; 404 `not_found` (an unknown `catastrophe`); 409 `request_in_progress`; 422
        `idempotency_key_reused`.
        """
        data = s.BulkReserveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data

        def handle() -> Response:
            results = services.claims_bulk_reserve(
                actor=request.user,
                rule=services.ReserveRule(**values["rule"]),
                reason=values["reason"],
                claim_ids=values.get("claims"),
                catastrophe_id=values.get("catastrophe"),
            )
            return Response(_bulk_answer(results))

        return idempotent(request, endpoint="claims.bulk.reserve", handler=handle, required=False, atomic=False)


class ClaimsBulkMessageApi(APIView):
    @extend_schema(
        request=s.BulkMessageSerializer,
        responses={200: s.BulkMessageResponseSerializer},
        parameters=[IDEMPOTENCY_KEY_OPTIONAL],
        tags=["claims"],
    )
    def post(self, request):
        """Write to the customers of many claims.

        For each claim, in its own transaction: an outbound communication to the customer on the
        claim (its `channel`, `subject` and `body`, audited) and a notification to the customer by
        their own preferences for claim updates. Customers who chose Kiswahili get `subject_sw` and
        `body_sw` when given. A claim whose customer's account is closed is skipped
        (`customer_inactive`). The answer counts `succeeded`, `skipped` and `failed`, with a result per
        claim. An `Idempotency-Key` makes a retry answer the first answer and send nothing twice.

        Access: agents, supervisors and admins, on the claims they may see (others answer
        `not_found` per claim).

        Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims),
        `bad_idempotency_key`; 403 `permission_denied`; 409 `request_in_progress`; 422
        `idempotency_key_reused`.
        """
        data = s.BulkMessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        claim_ids = values.pop("claims")

        def handle() -> Response:
            results = services.claims_bulk_message(
                claim_ids=claim_ids, message=services.BulkMessage(**values), actor=request.user
            )
            return Response(_bulk_answer(results))

        return idempotent(request, endpoint="claims.bulk.message", handler=handle, required=False, atomic=False)


def _bulk_answer(results: list[dict]) -> dict:
    succeeded = sum(1 for result in results if result["ok"])
    skipped = sum(1 for result in results if result["outcome"] == "skipped")
    return {
        "succeeded": succeeded,
        "skipped": skipped,
        "failed": len(results) - succeeded - skipped,
        "results": results,
    }


class ClaimExportApi(ClaimListCreateApi):
    """The claims list's filters, search and ordering, as a CSV streamed row by row."""

    http_method_names = ["get", "head", "options"]
    pagination_class = None

    def get_queryset(self):
        return selectors.claim_list(self.request.user)  # whole claims: the export has more columns

    @extend_schema(
        responses={(200, "text/csv"): OpenApiTypes.STR},
        tags=["claims"],
    )
    def get(self, request):
        """Export the claims of a filter as CSV.

        Takes the same filters, `search` and `ordering` as `GET /api/claims/` and streams every matching
        claim the caller may see (no pagination) as CSV, one row per claim; cells that a spreadsheet
        would read as formulas are escaped. The export is audited with its filters.

        Access: agents, supervisors and admins.

        Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`.
        """
        queryset = self.filter_queryset(self.get_queryset())
        rows = services.claims_export(queryset=queryset, exported_by=request.user, filters=request.query_params)
        response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="claims-{stamp}.csv"'
        return response


class ClaimCustomerApi(APIView):
    @extend_schema(responses={200: s.CustomerContactSerializer}, tags=["claims"])
    def get(self, request, claim_id):
        """Show how to reach a claim's customer.

        The customer's name, e-mail and phone (with whether each is verified) and how many of their
        claims the caller can see are still open. Contact details are personal data: every read is
        recorded in the audit log (`claim.customer_contact_viewed`).

        Access: staff who may see the claim.

        Errors: 403 `permission_denied` (customers: their own details are in their account); 404
        `not_found`.
        """
        claim = _claim(request, claim_id)
        data = s.CustomerContactSerializer(services.claim_customer_contact(claim=claim, viewed_by=request.user)).data
        record_read(request.user, claim.customer_id, "claims.customer_contact", claim.pk, list(data), request)
        return Response(data)


class ClaimTimelineApi(generics.GenericAPIView):
    serializer_class = s.TimelineItemSerializer
    queryset = Claim.objects.none()  # the timeline is assembled by the selector

    @extend_schema(responses={200: s.TimelineItemSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        """Show a claim's timeline.

        Everything that happened to the claim in time order, each item typed: `status_changed`,
        `assigned`, `communication`, `reserve_changed`, `settlement_<status>`, `settlement_accepted`,
        `settlement_declined` (the customer's answer), `document_requested`, `document_request_fulfilled`,
        `document_request_cancelled` (with `kind`), `document`, `assessment_completed`, `catastrophe_tagged` and
        `catastrophe_untagged` (staff only: the event's code `from` and `to`, `automatic`), with its time,
        actor and detail; paged by number. Customers see what is meant for them: the messages to and from
        them (never internal notes), no reserve changes or assignments, only the settlements offered to
        them (`settlement_offered`, `settlement_paid`, their answer), the documents asked of them, and
        only the documents they uploaded.

        Access: whoever may see the claim.

        Errors: 404 `not_found`.
        """
        claim = get_object_or_404(
            selectors.claims_visible_to(request.user).select_related("assigned_assessor"), pk=claim_id
        )
        items = selectors.claim_timeline(claim, for_customer=not permissions.can_read_internal(request.user, claim))
        page = self.paginate_queryset(items)
        return self.get_paginated_response(page)


class ClaimCommunicationsApi(generics.GenericAPIView):
    serializer_class = s.CommunicationSerializer
    queryset = Claim.objects.none()  # entries come from the selector

    @extend_schema(responses={200: s.CommunicationSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        """List a claim's communications.

        Messages, calls, letters and internal notes about the claim, with their channel, direction and
        party; paged by number. Customers see only what was sent to them or came from them.

        Access: whoever may see the claim.

        Errors: 404 `not_found`.
        """
        claim = _claim(request, claim_id)
        page = self.paginate_queryset(selectors.communications_visible_to(request.user, claim))
        return self.get_paginated_response(s.CommunicationSerializer(page, many=True).data)

    @extend_schema(request=s.CommunicationCreateSerializer, responses={201: s.CommunicationSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        """Add a message or note to a claim.

        Staff record a `channel` (email, sms, phone, letter, note), `direction` (inbound, outbound,
        internal) and `party`; an outbound message to the customer notifies them. A customer's entry is
        always their own inbound note to the insurer, whatever they send. Internal entries reach staff
        only. Answers the entry (201).

        Access: whoever may see the claim.

        Errors: 400 `validation_error`; 404 `not_found`.
        """
        claim = _claim(request, claim_id)
        data = s.CommunicationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.communication_add(claim=claim, author=request.user, **data.validated_data)
        return Response(s.CommunicationSerializer(entry).data, status=status.HTTP_201_CREATED)


class ClaimReservesApi(APIView):
    permission_classes = [permissions.ReadsReserves]

    @extend_schema(responses={200: s.ReserveSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        """List a claim's reserves.

        One reserve per cost type (own damage, third party, injury, legal, expenses): the amount set
        aside, what was paid from it, what is still open, and its `history`: every change of the
        amount with who made it and why, oldest first.

        Access: staff who may see the claim; reserves are internal.

        Errors: 403 `permission_denied` (customers); 404 `not_found`.
        """
        claim = _claim(request, claim_id)
        self.check_object_permissions(request, claim)
        return Response(s.ReserveSerializer(selectors.claim_reserves(claim), many=True).data)

    @extend_schema(request=s.ReserveSetSerializer, responses={200: s.ReserveSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        """Set a claim's reserve for a cost type.

        Sets the `amount` set aside for `cost_type`, with a `reason`; the change is kept in the reserve's
        history. Payments never exceed the open reserve.

        Access: staff who may see the claim, up to their reserve authority (`CLAIM_RESERVE_LIMITS`;
        above it, a supervisor).

        Errors: 400 `validation_error`, `negative_reserve`; 403 `permission_denied` (customers),
        `above_authority`; 404 `not_found`; 409 `claim_not_open`; 409 `below_paid` (less than already
        paid from it).
        """
        claim = _claim(request, claim_id)
        self.check_object_permissions(request, claim)
        data = s.ReserveSetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reserve = services.reserve_set(claim=claim, actor=request.user, **data.validated_data)
        return Response(s.ReserveSerializer(selectors.claim_reserves(claim).get(pk=reserve.pk)).data)


class ClaimSettlementApi(APIView):
    def get_permissions(self):
        # Asked of the claim once found: reading the desk's settlements, or proposing one.
        if self.request.method == "GET":
            return [permissions.ReadsSettlementWork()]
        return [permissions.ProposesSettlements()]

    @extend_schema(responses={200: s.SettlementSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        """List a claim's settlements (the desk's view).

        Every settlement proposed, with its amount, payee, method, cost type, status (`proposed`,
        `approved`, `paid`, `rejected`), who proposed and approved it, the internal `note`, the
        customer's answer to the offer (`customer_decision`: `accepted`, `declined` or empty, with
        their reason, and whether staff recorded it for them with how: `customer_decision_note`) and
        the payment made.

        Access: staff who may see the claim. Customers read the offers made to them at
        `settlement/offers/`.

        Errors: 403 `permission_denied` (customers); 404 `not_found`.
        """
        claim = _claim(request, claim_id)
        self.check_object_permissions(request, claim)
        return Response(s.SettlementSerializer(selectors.claim_settlements(claim), many=True).data)

    @extend_schema(
        request=s.SettlementProposeSerializer,
        responses={201: s.SettlementSerializer},
        parameters=[IDEMPOTENCY_KEY],
        tags=["claims"],
    )
    def post(self, request, claim_id):
        """Propose a settlement of an approved claim.

        `amount` (at most the sum insured less the excess, and at most the approved amount), `payee`,
        `method` (bank transfer, M-Pesa, cheque), `cost_type` (default own damage) and a `note`. The first
        proposal moves the claim to `settlement`. One settlement at a time may await approval or payment.
        Answers the settlement (201).

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and proposes once.

        Access: agents, supervisors and admins who may see the claim.

        Errors: 400 `validation_error`, `above_policy_limit`, `idempotency_key_required`,
        `bad_idempotency_key`; 403 `permission_denied`; 404 `not_found`; 409 `not_approved` (the claim is
        not approved or in settlement), `settlement_open`, `request_in_progress`; 422
        `idempotency_key_reused`.
        """
        claim = _claim(request, claim_id)
        self.check_object_permissions(request, claim)

        def handle():
            data = s.SettlementProposeSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            settlement = services.settlement_propose(claim=claim, proposed_by=request.user, **data.validated_data)
            return Response(s.SettlementSerializer(settlement).data, status=status.HTTP_201_CREATED)

        return idempotent(request, endpoint=f"claim.settlement.propose.{claim.pk}", handler=handle)


class ClaimSettlementActionApi(APIView):
    permission_classes = [permissions.ManagesClaims]

    @extend_schema(
        request=s.SettlementActionSerializer,
        responses={200: s.SettlementSerializer},
        tags=["claims"],
        operation_id="claims_settlement_action",
        parameters=[IDEMPOTENCY_KEY],
    )
    def post(self, request, claim_id, settlement_id):
        """Approve, reject or pay a settlement.

        `action`:
        - `approve`: a proposed settlement, by someone other than its proposer (admins excepted), within
          the approver's authority (above it, a supervisor);
        - `reject`: a proposed or approved settlement is turned down with a `reason`, so another may be
          proposed;
        - `pay`: an approved settlement the customer accepted (`settlement/{id}/response/`, or staff
          recording it for them) is paid from the claim's open reserve of its cost type: an
          outgoing payout is recorded and sent by its provider (M-Pesa B2C; a bank payout file; a cheque
          by finance), the reserve drawn down; the claim moves to `settled` when the money has left
          (`payout.succeeded`); a failed payout closes the settlement and returns the claim to its agent.

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and pays once.

        Access: agents, supervisors and admins who may see the claim.

        Errors: 400 `validation_error`, `reason_required`, `idempotency_key_required`,
        `bad_idempotency_key`; 403 `permission_denied`, `above_authority`, `maker_checker`; 404
        `not_found`; 409 `not_proposed`, `not_approved`, `not_accepted` (the customer has not accepted
        the offer), `settlement_closed`, `above_reserve` (raise the reserve first), `payout_pending` (its
        payout is on its way), `request_in_progress`; 422 `idempotency_key_reused`.
        """
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
        """Download a claim report (PDF).

        The claim, its policy and vehicle, the assessment's summary, the settlement and the timeline as
        a PDF, shown inline. The customer's copy holds what is meant for them: no internal notes, reserve
        changes, assignments or SLA, and only the settlements offered to them.

        Access: whoever may see the claim.

        Errors: 404 `not_found`.
        """
        claim = _claim(request, claim_id)
        pdf = claim_report_pdf(claim, for_customer=not permissions.can_read_internal(request.user, claim))
        record_read(
            request.user, claim.customer_id, "claims.report_pdf", claim.pk, f"{claim.claim_number}.pdf", request
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{claim.claim_number}.pdf"'
        return response


class ClaimSettlementOffersApi(APIView):
    @extend_schema(responses={200: s.SettlementOfferSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        """List the settlement offers made to the claim's customer.

        Newest first: each settlement once approved (waiting for the customer's answer, accepted,
        paid) and the offers the customer declined, with the amount, what it covers (`cost_type`), the
        payee and method as recorded, the policy's `excess` it is net of, `offer_status` and the
        customer's answer. Never a settlement proposed and not yet approved, one turned down by the
        desk before it was offered, or the desk's notes.

        Access: whoever may see the claim (staff see what the customer sees).

        Errors: 404 `not_found`.
        """
        claim = get_object_or_404(
            selectors.claims_visible_to(request.user).select_related("policy__policy_type"), pk=claim_id
        )
        context = {"excess": selectors.policy_excess(claim)}
        offers = selectors.settlement_offers(claim)
        return Response(s.SettlementOfferSerializer(offers, many=True, context=context).data)


class ClaimSettlementResponseApi(APIView):
    permission_classes = [permissions.AnswersSettlementOffers]

    @extend_schema(
        request=s.SettlementResponseSerializer,
        responses={200: s.SettlementOfferSerializer},
        parameters=[IDEMPOTENCY_KEY],
        tags=["claims"],
    )
    def post(self, request, claim_id, settlement_id):
        """Accept or decline a settlement offer.

        `decision`: `accept` (the settlement may then be paid) or `decline` with a `reason` (the offer
        is closed and the claim goes back to its agent, who may propose another). The claim's agent
        (else the proposer) is notified either way; the claim's readers get `claim.updated`.

        Staff of the claims desk record the customer's answer on their behalf (e.g. given by phone)
        with a `note` saying how; it is audited as such (`claim.settlement_accepted_on_behalf`,
        `claim.settlement_declined_on_behalf`).

        Requires an `Idempotency-Key` header (the acceptance lets money move): a retried request with
        the same key and body answers the first answer again (`Idempotent-Replayed: true`).

        Access: the claim's customer; agents, supervisors and admins who may see the claim.

        Errors: 400 `validation_error`, `reason_required` (declining), `note_required` (staff),
        `idempotency_key_required`, `bad_idempotency_key`; 403 `permission_denied` (assessors); 404
        `not_found`; 409 `not_offered` (not an approved settlement), `already_answered`,
        `request_in_progress`; 422 `idempotency_key_reused`.
        """
        claim = get_object_or_404(
            selectors.claims_visible_to(request.user).select_related("policy__policy_type"), pk=claim_id
        )
        settlement = get_object_or_404(ClaimSettlement, pk=settlement_id, claim=claim)
        data = s.SettlementResponseSerializer(data=request.data)
        data.is_valid(raise_exception=True)

        def handle():
            values = data.validated_data
            done = services.settlement_respond(
                settlement=settlement,
                decided_by=request.user,
                decision=ClaimSettlement.Decision.ACCEPTED if values["decision"] == "accept" else "declined",
                reason=values["reason"],
                note=values["note"],
            )
            context = {"excess": selectors.policy_excess(claim)}
            return Response(s.SettlementOfferSerializer(done, context=context).data)

        return idempotent(request, endpoint=f"claim.settlement.response.{settlement.pk}", handler=handle)


class ClaimDocumentRequestsApi(generics.GenericAPIView):
    permission_classes = [permissions.RequestsDocuments]  # asked of POST only
    serializer_class = s.DocumentRequestSerializer
    queryset = DocumentRequest.objects.none()  # the requests come from the selector

    @extend_schema(responses={200: s.DocumentRequestSerializer(many=True)}, tags=["claims"])
    def get(self, request, claim_id):
        """List the documents asked of the claim's customer.

        Oldest first, each with its `kind`, the `note` to the customer, who asked and when, and its
        `state`: `open`, `fulfilled` (by the document uploaded: `fulfilled_by_document`) or
        `cancelled`; paged by number.

        Access: whoever may see the claim.

        Errors: 404 `not_found`.
        """
        claim = _claim(request, claim_id)
        page = self.paginate_queryset(selectors.document_requests_of(claim))
        return self.get_paginated_response(s.DocumentRequestSerializer(page, many=True).data)

    @extend_schema(
        request=s.DocumentRequestCreateSerializer, responses={201: s.DocumentRequestSerializer}, tags=["claims"]
    )
    def post(self, request, claim_id):
        """Ask the claim's customer for a document.

        `kind` (identity document, driving licence, vehicle registration, police report, repair
        invoice, estimate, medical report, photo, other) and a `note` to the customer. The customer is
        told (topic `documents`, by their notification preferences); the request is audited and on
        the claim's timeline. A document of that kind uploaded to the claim fulfils the oldest open
        request of the kind. Answers the request (201).

        Access: staff who may see the claim.

        Errors: 400 `validation_error`; 403 `permission_denied` (customers); 404 `not_found`; 409
        `claim_not_open` (a draft, or a claim settled, closed, rejected or withdrawn).
        """
        claim = _claim(request, claim_id)
        data = s.DocumentRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        made = services.document_request_create(claim=claim, requested_by=request.user, **data.validated_data)
        return Response(
            s.DocumentRequestSerializer(selectors.document_requests_of(claim).get(pk=made.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ClaimDocumentRequestCancelApi(APIView):
    permission_classes = [permissions.RequestsDocuments]

    @extend_schema(request=None, responses={200: s.DocumentRequestSerializer}, tags=["claims"])
    def post(self, request, claim_id, request_id):
        """Cancel a document request.

        An open request is cancelled (audited, on the timeline); the customer no longer sees it as
        asked for.

        Access: staff who may see the claim.

        Errors: 403 `permission_denied` (customers); 404 `not_found`; 409 `request_closed` (already
        fulfilled or cancelled).
        """
        claim = _claim(request, claim_id)
        asked = get_object_or_404(DocumentRequest, pk=request_id, claim=claim)
        services.document_request_cancel(request=asked, cancelled_by=request.user)
        return Response(s.DocumentRequestSerializer(selectors.document_requests_of(claim).get(pk=asked.pk)).data)
