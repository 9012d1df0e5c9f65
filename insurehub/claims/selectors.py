"""Reading claims: one visibility rule (DESIGN.md section 3) for lists, details, nested
endpoints, dashboards and WebSocket subscriptions."""

from collections.abc import Callable
from decimal import Decimal

from django.db.models import BooleanField, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value

from insurehub.alerts.selectors import alerts_open
from insurehub.claims.models import (
    OPEN_STATUSES,
    Claim,
    ClaimCommunication,
    ClaimSettlement,
    ClaimStatus,
    DocumentRequest,
    Reserve,
    ReserveChange,
)
from insurehub.claims.permissions import (
    CLAIM_ACCESS,
    can_list_staff_of,
    can_manage_claims,
    required_certification,
)
from insurehub.core.access import restrict
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.users.models import User


def display_name(user) -> str | None:
    """How a person is named on a claim's screens: their name, else their e-mail; None for nobody
    (the system)."""
    return (user.name or user.email) if user is not None else None


def claims_visible_to(user) -> QuerySet[Claim]:
    return restrict(Claim.objects.all(), user, CLAIM_ACCESS)


def claim_list(user) -> QuerySet[Claim]:
    open_alerts = alerts_open().filter(claim=OuterRef("pk"))
    # Alerts (possible duplicate, fraud flags) are staff business: a customer always reads False
    # and their `has_open_alerts=true` filter finds nothing.
    flagged = (
        Value(False, output_field=BooleanField())
        if getattr(user, "role", None) in (Role.CUSTOMER, None)
        else Exists(open_alerts)
    )
    return (
        claims_visible_to(user)
        .select_related("customer", "policy", "vehicle", "assigned_agent", "assigned_assessor", "catastrophe")
        .only(*CLAIM_COLUMNS, *RELATED_SHOWN)
        .annotate(has_open_alerts=flagged)
    )


# Of the rows a claim points at, what the claim answers and the export show: names and numbers.
# The people's other columns (personal fields, encrypted at rest) are neither read nor decrypted.
RELATED_SHOWN = (
    "customer__name",
    "customer__email",
    "policy__policy_number",
    "vehicle__registration",
    "assigned_agent__name",
    "assigned_agent__email",
    "assigned_assessor__name",
    "assigned_assessor__email",
    "catastrophe__code",
    "catastrophe__name",
)
CLAIM_COLUMNS = tuple(field.name for field in Claim._meta.concrete_fields)


# What a list of claims shows (ClaimListSerializer: the claims list, the dashboard's queue and
# recently changed): the claim's own columns and the names and numbers of what it points at, read
# as plain rows (no model instances for a page of 50 claims and their five related rows).
LIST_VALUES = (
    "id",
    "claim_number",
    "status",
    "priority",
    "department",
    "customer",
    "customer__name",
    "policy",
    "policy__policy_number",
    "vehicle",
    "vehicle__registration",
    "assigned_agent",
    "assigned_agent__name",
    "assigned_agent__email",
    "assigned_assessor",
    "assigned_assessor__name",
    "assigned_assessor__email",
    "incident_date",
    "estimated_cost",
    "approved_amount",
    "currency",
    "sla_due_at",
    "has_open_alerts",
    "created_at",
    "updated_at",
    "catastrophe",
    "catastrophe__code",
    "catastrophe__name",
    "catastrophe_fast_track",
)


def claim_rows(user) -> QuerySet:
    """claim_list() as rows of LIST_VALUES (dicts), for pages of claims."""
    return claim_list(user).values(*LIST_VALUES)


def claim_reserves(claim: Claim) -> QuerySet[Reserve]:
    """A claim's reserves, each with its history of changes (oldest first) and who made them."""
    changes = ReserveChange.objects.select_related("actor").order_by("at", "id")
    return Reserve.objects.filter(claim=claim).prefetch_related(Prefetch("changes", queryset=changes))


def claim_settlements(claim: Claim) -> QuerySet[ClaimSettlement]:
    return ClaimSettlement.objects.filter(claim=claim).select_related(
        "claim", "proposed_by", "approved_by", "customer_decided_by"
    )


# What the customer was offered: settlements once approved (waiting for their answer, accepted,
# paid) and the offers they declined. Never one proposed and not yet approved, nor one staff turned
# down before it reached them.
OFFERED = Q(status__in=(ClaimSettlement.Status.APPROVED, ClaimSettlement.Status.PAID)) | Q(
    customer_decision=ClaimSettlement.Decision.DECLINED
)
AWAITING_ANSWER = Q(status=ClaimSettlement.Status.APPROVED, customer_decision="")


def settlement_offers(claim: Claim) -> QuerySet[ClaimSettlement]:
    """The offers made to the claim's customer, newest first."""
    return (
        ClaimSettlement.objects.filter(OFFERED, claim=claim)
        .select_related("claim")
        .order_by("-approved_at", "-created_at")
    )


def policy_excess(claim: Claim) -> Decimal | None:
    """The excess (deductible) of the claim's policy type, which a settlement is offered net of;
    None when the product has none."""
    amount = claim.policy.policy_type.coverage_details.get("excess", {}).get("amount")
    return Decimal(str(amount)) if amount not in (None, "") else None


def document_requests_of(claim: Claim) -> QuerySet[DocumentRequest]:
    """The documents asked of the claim's customer, oldest first, with who asked."""
    return DocumentRequest.objects.filter(claim=claim).select_related("requested_by")


# The customer's view of where their claim stands (ClaimDetailSerializer.customer_status):
# what happens next by status, unless they have something to do.
NEXT_STEP = {
    ClaimStatus.DRAFT: "finish_and_submit",
    ClaimStatus.SUBMITTED: "agent_reviews",
    ClaimStatus.UNDER_REVIEW: "agent_reviews",
    ClaimStatus.ASSESSMENT: "assessor_contacts",
    ClaimStatus.APPROVED: "offer_being_prepared",
    ClaimStatus.REJECTED: "reply_if_you_disagree",
    ClaimStatus.SETTLEMENT: "offer_being_prepared",
    ClaimStatus.SETTLED: "payment_made",
    ClaimStatus.CLOSED: "nothing_needed",
    ClaimStatus.WITHDRAWN: "nothing_needed",
}
ACTION_STEPS = frozenset({"finish_and_submit", "answer_offer", "upload_documents"})


def customer_status(claim: Claim) -> dict:
    """{code, next_step_code, action_required, documents_requested, offer}: codes, never sentences
    (the web application words them in the customer's language). Two queries."""
    asked = 0
    offer = None
    step = NEXT_STEP.get(claim.status, "agent_reviews")
    if claim.status in OPEN_STATUSES:
        asked = DocumentRequest.objects.filter(
            claim=claim, fulfilled_at__isnull=True, cancelled_at__isnull=True
        ).count()
    if claim.status == ClaimStatus.SETTLEMENT:
        latest = (
            ClaimSettlement.objects.filter(claim=claim, status=ClaimSettlement.Status.APPROVED)
            .values("id", "customer_decision")
            .first()
        )
        if latest and not latest["customer_decision"]:
            step, offer = "answer_offer", latest["id"]
        elif latest:
            step = "payment_on_its_way"
    if asked and step != "answer_offer":
        step = "upload_documents"
    return {
        "code": claim.status,
        "next_step_code": step,
        "action_required": step in ACTION_STEPS,
        "documents_requested": asked,
        "offer": offer,
    }


# What a customer sees of a claim's communications: what was sent to them or came from them.
# Internal entries stay internal even when they are about the customer.
CUSTOMER_COMMUNICATIONS = Q(party=ClaimCommunication.Party.CUSTOMER) & ~Q(
    direction=ClaimCommunication.Direction.INTERNAL
)


def communications_visible_to(user, claim: Claim) -> QuerySet[ClaimCommunication]:
    entries = ClaimCommunication.objects.filter(claim=claim).select_related("author")  # for the author's name
    if user.role == Role.CUSTOMER:
        return entries.filter(CUSTOMER_COMMUNICATIONS)
    return entries


def claim_timeline(claim: Claim, *, for_customer: bool) -> list[dict]:
    """One chronological list of what happened to a claim, each item typed, with who did it."""
    items: list[dict] = []
    for entry in claim.status_history.select_related("actor"):
        items.append(
            {
                "type": "status_changed",
                "at": entry.at,
                "actor": entry.actor_id,
                "actor_name": display_name(entry.actor),
                "from": entry.from_status,
                "to": entry.to_status,
                "detail": entry.reason,
            }
        )
    # Who was assigned, by whom and why is the desk's business: the customer sees who handles the
    # claim on the claim itself.
    assignments = claim.assignments.none() if for_customer else claim.assignments.select_related("assigned_by", "user")
    for entry in assignments:
        items.append(
            {
                "type": "assigned",
                "at": entry.at,
                "actor": entry.assigned_by_id,
                "actor_name": display_name(entry.assigned_by),
                "role": entry.role,
                "user": entry.user_id,
                "user_name": display_name(entry.user),
                "previous_user": entry.previous_user_id,
                "automatic": entry.automatic,
                "detail": entry.reason,
            }
        )
    communications = claim.communications.select_related("author")
    if for_customer:
        communications = communications.filter(CUSTOMER_COMMUNICATIONS)
    for entry in communications:
        items.append(
            {
                "type": "communication",
                "at": entry.at,
                "actor": entry.author_id,
                "actor_name": display_name(entry.author),
                "channel": entry.channel,
                "direction": entry.direction,
                "party": entry.party,
                "detail": entry.subject or entry.body[:120],
            }
        )
    if not for_customer:
        for entry in ReserveChange.objects.filter(reserve__claim=claim).select_related("reserve", "actor"):
            items.append(
                {
                    "type": "reserve_changed",
                    "at": entry.at,
                    "actor": entry.actor_id,
                    "actor_name": display_name(entry.actor),
                    "cost_type": entry.reserve.cost_type,
                    "from": str(entry.previous_amount),
                    "to": str(entry.new_amount),
                    "detail": entry.reason,
                }
            )
    if not for_customer:
        changes = claim.catastrophe_changes.select_related("actor", "event", "previous_event")
        for change in changes:
            items.append(
                {
                    "type": "catastrophe_tagged" if change.event_id else "catastrophe_untagged",
                    "at": change.at,
                    "actor": change.actor_id,
                    "actor_name": display_name(change.actor),
                    "automatic": change.automatic,
                    "from": change.previous_event.code if change.previous_event else "",
                    "to": change.event.code if change.event else "",
                    "detail": change.reason,
                }
            )
    items.extend(_settlement_items(claim, for_customer=for_customer))
    items.extend(_document_request_items(claim))
    for source in _timeline_sources:
        items.extend(source(claim, for_customer=for_customer))
    for milestone in _assessment_milestones(claim):
        items.append(milestone)
    items.sort(key=lambda item: (item["at"], item["type"]))
    return items


def _settlement_items(claim: Claim, *, for_customer: bool) -> list[dict]:
    """Staff see each settlement at its current status; the customer sees only the offers made to
    them (`settlement_offered`, then `settlement_paid`). Both see the customer's answer
    (`settlement_accepted` / `settlement_declined`, with their reason; never the internal note)."""
    settlements = claim.settlements.select_related("approved_by", "proposed_by", "customer_decided_by")
    if for_customer:
        settlements = settlements.filter(OFFERED)
    items = []
    for settlement in settlements:
        amount = str(settlement.amount)
        if not for_customer:
            items.append(
                {
                    "type": f"settlement_{settlement.status}",
                    "at": settlement.updated_at,
                    "actor": settlement.approved_by_id or settlement.proposed_by_id,
                    "actor_name": display_name(settlement.approved_by or settlement.proposed_by),
                    "amount": amount,
                    "detail": settlement.payee,
                }
            )
        else:
            items.append(
                {
                    "type": "settlement_offered",
                    "at": settlement.approved_at or settlement.created_at,
                    "actor": settlement.approved_by_id,
                    "actor_name": display_name(settlement.approved_by),
                    "amount": amount,
                    "detail": settlement.payee,
                }
            )
            if settlement.status == ClaimSettlement.Status.PAID:
                items.append(
                    {
                        "type": "settlement_paid",
                        "at": settlement.updated_at,
                        "actor": None,
                        "actor_name": None,
                        "amount": amount,
                        "detail": settlement.payee,
                    }
                )
        if settlement.customer_decision:
            items.append(
                {
                    "type": f"settlement_{settlement.customer_decision}",
                    "at": settlement.customer_decided_at,
                    "actor": settlement.customer_decided_by_id,
                    "actor_name": display_name(settlement.customer_decided_by),
                    "amount": amount,
                    "detail": settlement.customer_decision_reason,
                }
            )
    return items


def _document_request_items(claim: Claim) -> list[dict]:
    """Documents asked of the customer, and when each was sent or cancelled (everyone sees these:
    the note is written to the customer)."""
    items = []
    for request in claim.document_requests.select_related("requested_by", "cancelled_by"):
        items.append(
            {
                "type": "document_requested",
                "at": request.requested_at,
                "actor": request.requested_by_id,
                "actor_name": display_name(request.requested_by),
                "kind": request.kind,
                "detail": request.note,
            }
        )
        if request.fulfilled_at:
            items.append(
                {
                    "type": "document_request_fulfilled",
                    "at": request.fulfilled_at,
                    "actor": None,
                    "actor_name": None,
                    "kind": request.kind,
                    "document": request.fulfilled_by_document,
                    "detail": "",
                }
            )
        if request.cancelled_at:
            items.append(
                {
                    "type": "document_request_cancelled",
                    "at": request.cancelled_at,
                    "actor": request.cancelled_by_id,
                    "actor_name": display_name(request.cancelled_by),
                    "kind": request.kind,
                    "detail": "",
                }
            )
    return items


# Apps above this one add their entries to a claim's timeline: `source(claim, for_customer=...)`
# returns items shaped like the ones here (documents: DocumentsConfig.ready()).
_timeline_sources: list[Callable[..., list[dict]]] = []


def register_timeline_source(source: Callable[..., list[dict]]) -> None:
    if source not in _timeline_sources:
        _timeline_sources.append(source)


def _assessment_milestones(claim: Claim) -> list[dict]:
    if claim.assessment_completed_at:
        return [
            {
                "type": "assessment_completed",
                "at": claim.assessment_completed_at,
                "actor": claim.assigned_assessor_id,
                "actor_name": display_name(claim.assigned_assessor),
                "detail": "",
            }
        ]
    return []


def _with_open_claims(users: QuerySet, relation: str) -> QuerySet:
    open_filter = Q(**{f"{relation}__status__in": OPEN_STATUSES})
    return users.annotate(open_claims=Count(relation, filter=open_filter)).order_by("open_claims", "name", "email")


def assignable_staff(*, department: str) -> dict[str, QuerySet]:
    """The active agents (and supervisors) and assessors of a department, each with their load:
    the number of open claims assigned to them, least loaded first."""
    active = User.objects.filter(is_active=True, department=department)
    return {
        "agents": _with_open_claims(active.filter(role__in=(Role.AGENT, Role.SUPERVISOR)), "claims_as_agent"),
        "assessors": _with_open_claims(active.filter(role=Role.ASSESSOR), "claims_as_assessor"),
    }


def claims_export_rows(queryset: QuerySet[Claim]):
    """The claims of an export, with the few joins its columns need, read in chunks."""
    # The export's columns hold none of the claim's sealed fields: they are not read (nor decrypted).
    return (
        queryset.select_related("customer", "policy", "vehicle", "assigned_agent", "assigned_assessor")
        .defer("description", "incident_address")
        .iterator(chunk_size=500)
    )


def _assignee(user: User, *, needs: int | None) -> dict:
    reason = ""
    level = user.certification_level or 0
    if user.role == Role.ASSESSOR and needs and level < needs:
        reason = f"Certified to level {level}; this claim needs level {needs}."
    return {
        "id": user.pk,
        "name": user.name or user.email,
        "email": user.email,
        "role": user.role,
        "department": user.department,
        "certification_level": user.certification_level if user.role == Role.ASSESSOR else None,
        "open_claims": user.open_claims,
        "eligible": not reason,
        "ineligible_reason": reason,
    }


def assignees(*, fetched_by: User, department: str, claim: Claim | None = None) -> dict:
    """Who a claim of `department` (or `claim`, which the caller can see) can be assigned to, with
    their load; assessors below the certification the claim needs are listed but marked
    ineligible, with the reason."""
    allowed = can_manage_claims(fetched_by) if claim is not None else can_list_staff_of(fetched_by, department)
    if not allowed:
        raise ApplicationError("permission_denied", "You may not list the staff of this department.", status=403)
    needs = required_certification(claim) if claim is not None else None
    staff = assignable_staff(department=department)
    return {
        "department": department,
        "required_certification": needs,
        "agents": [_assignee(user, needs=None) for user in staff["agents"]],
        "assessors": [_assignee(user, needs=needs) for user in staff["assessors"]],
    }


def claims_of_vehicles_near(*, vehicle_ids, start, end) -> QuerySet[Claim]:
    """Claims (withdrawn ones aside) on these vehicles with an incident between `start` and `end`:
    what the filing flags (flags.py) call a possible duplicate, read for many vehicles at once (bulk
    intake checks a batch of rows in one query). Fields: vehicle_id, incident_date, claim_number."""
    return (
        Claim.objects.filter(vehicle_id__in=vehicle_ids, incident_date__gte=start, incident_date__lte=end)
        .exclude(status=ClaimStatus.WITHDRAWN)
        .only("id", "vehicle_id", "incident_date", "claim_number")
        .order_by()
    )
