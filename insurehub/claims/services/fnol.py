"""Every write to claims: FNOL, transitions, assignment, communications, reserves, settlement,
flags. Each is one transaction that locks the claim row, writes its history, records an audit entry
and emits one event (realtime/events.py) whose context holds the claim's facts before and after
and the notices for the people to tell: the dashboard rollups, the notifications, the filing flags
(flags.py) and the enrichment (integrations) are its subscribers."""

import csv
import io
from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from insurehub.alerts.selectors import alerts_all
from insurehub.alerts.services import alert_raise
from insurehub.audit.services import audit_record
from insurehub.claims import guards, notices, workflow
from insurehub.claims.facts import facts_of
from insurehub.claims.models import (
    OPEN_STATUSES,
    Claim,
    ClaimAssignment,
    ClaimCommunication,
    ClaimSettlement,
    ClaimStatus,
    CostType,
    Priority,
    Reserve,
    ReserveChange,
)
from insurehub.claims.permissions import (
    can_export_claims,
    can_file_claim,
    can_manage_claims,
    can_propose_settlement,
    can_set_claim_estimate,
    can_set_reserve,
    can_view_customer_contact,
    claim_audience,
    claim_staff_audience,
    require,
    required_certification,
)
from insurehub.claims.selectors import claims_export_rows, claims_visible_to
from insurehub.core import locking
from insurehub.core.errors import ApplicationError
from insurehub.core.locking import lock_objects, lock_one
from insurehub.core.money import money
from insurehub.core.numbering import next_number
from insurehub.core.roles import Department, Role
from insurehub.core.services import model_update
from insurehub.core.state_machine import Transition
from insurehub.payments.models import Direction, Transaction, TransactionStatus
from insurehub.payments.services import new_reference
from insurehub.policies.models import Policy, PolicyStatus
from insurehub.realtime.events import Notice, emit
from insurehub.users.models import User

STAFF_EDITABLE = [
    "description",
    "incident_address",
    "incident_latitude",
    "incident_longitude",
    "injury",
    "total_loss_hint",
    "police_report_number",
    "third_party_involved",
    "estimated_cost",
    "priority",
]
CUSTOMER_EDITABLE = [
    "description",
    "incident_address",
    "incident_latitude",
    "incident_longitude",
    "injury",
    "total_loss_hint",
    "police_report_number",
    "third_party_involved",
]


# Which department handles a claim on a product of each category.
CATEGORY_DEPARTMENT = {
    "motor": Department.MOTOR,
    "health": Department.HEALTH,
    "life": Department.LIFE,
    "home": Department.PROPERTY,
    "travel": Department.TRAVEL,
    "business": Department.BUSINESS,
    "agriculture": Department.AGRICULTURE,
    "marine": Department.MARINE,
    "personal_accident": Department.PERSONAL_ACCIDENT,
    "liability": Department.LIABILITY,
}


# Event audiences come from the claim's visibility rule (permissions.py), so they cannot drift from it.
audience = claim_audience
staff_audience = claim_staff_audience


def _event(
    claim: Claim, type_: str, *, internal: bool = False, context: dict | None = None, notices=(), **data
) -> None:
    emit(
        type_,
        {
            "claim_id": str(claim.pk),
            "claim_number": claim.claim_number,
            "status": claim.status,
            "priority": claim.priority,
            "department": claim.department,
            **data,
        },
        staff_audience(claim) if internal else audience(claim),
        context={"claim": claim, **(context or {})},
        notices=notices,
    )


def _lock(claim: Claim) -> Claim:
    """The claim's row, first in the lock order (insurehub/core/locking.py): claim -> settlement ->
    reserve -> transaction -> policy. Every service here locks the claim before any of those."""
    return lock_one(claim, select_related=("policy", "customer"))


def derive_priority(*, injury: bool, total_loss_hint: bool, estimated_cost: Decimal | None) -> str:
    high_value = Decimal(settings.CLAIM_HIGH_VALUE)
    if injury:
        return Priority.URGENT
    if total_loss_hint or (estimated_cost is not None and estimated_cost >= high_value):
        return Priority.HIGH
    if estimated_cost is not None and estimated_cost < Decimal(settings.CLAIM_LOW_VALUE):
        return Priority.LOW
    return Priority.NORMAL


def _sla_due(claim: Claim):
    base = claim.submitted_at or timezone.now()
    return base + timedelta(hours=settings.CLAIM_SLA_HOURS[claim.priority])


def _validate_incident(*, policy: Policy, incident_date) -> None:
    now = timezone.now()
    if incident_date > now:
        raise ApplicationError(
            "incident_in_future",
            "The incident cannot be in the future.",
            errors=[{"field": "incident_date", "message": "In the future.", "code": "invalid"}],
        )
    day = timezone.localdate(incident_date)
    if not (policy.start_date <= day <= policy.end_date):
        raise ApplicationError(
            "incident_outside_cover",
            f"The incident date is outside the policy period ({policy.start_date} to {policy.end_date}).",
            errors=[{"field": "incident_date", "message": "Outside the policy period.", "code": "invalid"}],
        )


@transaction.atomic
def claim_create(
    *,
    policy: Policy,
    filed_by: User,
    incident_date,
    description: str,
    vehicle=None,
    incident_address: str = "",
    incident_latitude: Decimal | None = None,
    incident_longitude: Decimal | None = None,
    injury: bool = False,
    total_loss_hint: bool = False,
    police_report_number: str = "",
    third_party_involved: bool = False,
    estimated_cost: Decimal | None = None,
    priority: str | None = None,
    draft: bool = False,
) -> Claim:
    """First notice of loss: the customer on their own active policy, or staff on their behalf."""
    require(can_file_claim(filed_by), "Assessors do not file claims.")
    policy = (
        Policy.objects.select_for_update(no_key=True, of=("self",))
        .select_related("policy_type", "vehicle", "customer")
        .get(pk=policy.pk)
    )
    if filed_by.role == Role.CUSTOMER and policy.customer_id != filed_by.pk:
        raise ApplicationError("not_found", "Not found.", status=404)
    if policy.status != PolicyStatus.ACTIVE:
        raise ApplicationError(
            "policy_not_active",
            f"Claims are filed on active policies; {policy.policy_number} is {policy.status}.",
            status=409,
        )
    if vehicle is not None and vehicle.pk != policy.vehicle_id:
        raise ApplicationError(
            "vehicle_not_on_policy",
            "That vehicle is not the one this policy insures.",
            errors=[{"field": "vehicle", "message": "Not on the policy.", "code": "invalid"}],
        )
    _validate_incident(policy=policy, incident_date=incident_date)
    if priority is not None and filed_by.role == Role.CUSTOMER:
        raise ApplicationError("read_only", "Customers do not set the priority.", status=400)
    department = CATEGORY_DEPARTMENT.get(policy.policy_type.category_id, Department.MOTOR)
    if filed_by.role in (Role.AGENT, Role.SUPERVISOR) and filed_by.department != department:
        # Otherwise the filer could not see the claim they made (and an agent would be assigned
        # to another department's claim, which claim_assign refuses).
        raise ApplicationError(
            "other_department",
            f"Claims on this policy are handled by the {department} department; ask one of its staff to file it.",
            status=403,
        )
    if estimated_cost is not None:
        estimated_cost = money(estimated_cost)
    now = timezone.now()
    claim = Claim(
        claim_number=next_number(prefix="CLM", year=now.year),
        status=ClaimStatus.DRAFT if draft else ClaimStatus.SUBMITTED,
        customer=policy.customer,
        policy=policy,
        vehicle=policy.vehicle,
        department=department,
        incident_date=incident_date,
        incident_address=incident_address,
        incident_latitude=incident_latitude,
        incident_longitude=incident_longitude,
        description=description,
        injury=injury,
        total_loss_hint=total_loss_hint,
        police_report_number=police_report_number,
        third_party_involved=third_party_involved,
        estimated_cost=estimated_cost,
        priority=priority
        or derive_priority(injury=injury, total_loss_hint=total_loss_hint, estimated_cost=estimated_cost),
        priority_set_by_staff=priority is not None,
        currency=policy.currency,
        last_activity_at=now,
    )
    if filed_by.role == Role.AGENT:
        claim.assigned_agent = filed_by
    if not draft:
        claim.submitted_at = now
        claim.sla_due_at = _sla_due(claim)
    claim.full_clean()
    claim.save()
    workflow.record_history(
        claim, from_status="", to_status=claim.status, actor=filed_by, reason="first notice of loss"
    )
    audit_record(
        actor=filed_by,
        action="claim.created",
        target=claim,
        changes={"status": claim.status, "priority": claim.priority, "policy": policy.pk},
    )
    _event(claim, "claim.created", context={"before": None, "after": facts_of(claim), "actor": filed_by})
    return claim


@transaction.atomic
def claim_update(*, claim: Claim, data: dict, updated_by: User) -> Claim:
    if not can_set_claim_estimate(updated_by, claim) and {"priority", "estimated_cost"} & set(data):
        raise ApplicationError("read_only", "Customers do not set the priority or the estimate.")
    claim = _lock(claim)
    before = facts_of(claim)
    if updated_by.role == Role.CUSTOMER:
        if claim.status not in (ClaimStatus.DRAFT, ClaimStatus.SUBMITTED):
            raise ApplicationError(
                "claim_locked", "The claim can no longer be edited; send a message instead.", status=409
            )
        fields = CUSTOMER_EDITABLE
    else:
        fields = STAFF_EDITABLE
    if "estimated_cost" in data and data["estimated_cost"] is not None:
        data = {**data, "estimated_cost": money(data["estimated_cost"])}
    changes = model_update(instance=claim, fields=fields, data=data)
    if not changes:
        return claim
    if "priority" in changes:
        claim.priority_set_by_staff = True
    elif not claim.priority_set_by_staff and {"injury", "total_loss_hint", "estimated_cost"} & set(changes):
        claim.priority = derive_priority(
            injury=claim.injury, total_loss_hint=claim.total_loss_hint, estimated_cost=claim.estimated_cost
        )
    if claim.status in OPEN_STATUSES and claim.priority != before.priority:
        claim.sla_due_at = _sla_due(claim)
    claim.last_activity_at = timezone.now()
    claim.save()
    audit_record(actor=updated_by, action="claim.updated", target=claim, changes=changes)
    _event(
        claim,
        "claim.updated",
        changed=sorted(changes),
        context={"before": before, "after": facts_of(claim), "actor": updated_by},
    )
    return claim


def _move(
    claim: Claim,
    to_status: str,
    *,
    actor: User,
    reason: str = "",
    approved_amount=None,
    service: bool = False,
    action: str | None = None,
    changes: dict | None = None,
    context: dict | None = None,
    before=None,
) -> Claim:
    """Every move of a claim: lock its row (concurrent moves queue; the second sees the first one's
    result and is refused if its move is no longer allowed), then the state machine's one move
    (graph, permission, guards; status, history, audit entry, one event) with what each target
    state changes besides the status."""
    claim = _lock(claim)
    before = before or facts_of(claim)
    payload = {"approved_amount": money(approved_amount) if approved_amount is not None else None, "reason": reason}

    def prepare(move: Transition) -> None:
        if to_status == ClaimStatus.REJECTED and not reason.strip():
            raise ApplicationError(
                "reason_required",
                "Say why the claim is rejected.",
                errors=[{"field": "reason", "message": "Required when rejecting.", "code": "required"}],
            )
        now = move.at
        claim.last_activity_at = now
        if to_status == ClaimStatus.SUBMITTED:
            claim.submitted_at = now
            claim.sla_due_at = _sla_due(claim)
        if to_status == ClaimStatus.APPROVED:
            claim.approved_amount = payload["approved_amount"]
        if to_status == ClaimStatus.ASSESSMENT and claim.assigned_assessor_id is None:
            assessor = least_loaded_assessor(claim)
            if assessor is not None:
                move.notices += _assign(
                    claim,
                    role=ClaimAssignment.Role.ASSESSOR,
                    user=assessor,
                    by=actor,
                    automatic=True,
                    reason="automatic: least-loaded qualified assessor",
                )
        if to_status == ClaimStatus.SETTLED:
            claim.settled_at = now
        if to_status == ClaimStatus.CLOSED:
            claim.closed_at = now
            Reserve.objects.filter(claim=claim, closed_at__isnull=True).update(closed_at=now, updated_at=now)
        if move.source in (ClaimStatus.CLOSED, ClaimStatus.REJECTED) and to_status == ClaimStatus.UNDER_REVIEW:
            claim.closed_at = None
            Reserve.objects.filter(claim=claim).update(closed_at=None, updated_at=now)
            claim.sla_due_at = now + timedelta(hours=settings.CLAIM_SLA_HOURS[claim.priority])
        if to_status in (ClaimStatus.WITHDRAWN, ClaimStatus.REJECTED):
            # Nothing will be paid on a withdrawn or rejected claim: its reserves leave the exposure
            # figures (a reopened claim gets them back, above).
            Reserve.objects.filter(claim=claim, closed_at__isnull=True).update(closed_at=now, updated_at=now)

    approved = {"approved_amount": payload["approved_amount"]} if to_status == ClaimStatus.APPROVED else {}
    workflow.MACHINE.move(
        claim,
        to_status,
        by=actor,
        reason=reason,
        payload=payload,
        service=service,
        prepare=prepare,
        action=action,
        changes={**approved, **(changes or {})},
        before=before,
        context=context,
    )
    return claim


# One service per move (DESIGN.md section 5), each a thin name over the one `_move`. Moving into
# `settlement` and `settled` belongs to settlement_propose and settlement_pay.
@transaction.atomic
def claim_submit(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    return _move(claim, ClaimStatus.SUBMITTED, actor=actor, reason=reason)


@transaction.atomic
def claim_review(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    """Start reviewing a submitted claim; also reopens a closed or rejected one."""
    return _move(claim, ClaimStatus.UNDER_REVIEW, actor=actor, reason=reason)


@transaction.atomic
def claim_send_to_assessment(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    """The claim goes to an assessor (the least-loaded qualified one when none is assigned)."""
    return _move(claim, ClaimStatus.ASSESSMENT, actor=actor, reason=reason)


@transaction.atomic
def claim_approve(*, claim: Claim, actor: User, approved_amount, reason: str = "") -> Claim:
    """Guarded: the assessment completed, the amount within the approver's authority and the cover."""
    return _move(claim, ClaimStatus.APPROVED, actor=actor, reason=reason, approved_amount=approved_amount)


@transaction.atomic
def claim_reject(*, claim: Claim, actor: User, reason: str) -> Claim:
    return _move(claim, ClaimStatus.REJECTED, actor=actor, reason=reason)


@transaction.atomic
def claim_start_settlement(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    """Guarded: only with a settlement proposed (settlement_propose makes this move itself)."""
    return _move(claim, ClaimStatus.SETTLEMENT, actor=actor, reason=reason)


@transaction.atomic
def claim_close(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    return _move(claim, ClaimStatus.CLOSED, actor=actor, reason=reason)


@transaction.atomic
def claim_withdraw(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    return _move(claim, ClaimStatus.WITHDRAWN, actor=actor, reason=reason)


BY_TARGET: dict[str, Callable[..., Claim]] = {
    ClaimStatus.SUBMITTED: claim_submit,
    ClaimStatus.UNDER_REVIEW: claim_review,
    ClaimStatus.ASSESSMENT: claim_send_to_assessment,
    ClaimStatus.REJECTED: claim_reject,
    ClaimStatus.SETTLEMENT: claim_start_settlement,
    ClaimStatus.CLOSED: claim_close,
    ClaimStatus.WITHDRAWN: claim_withdraw,
}


@transaction.atomic
def claim_transition(*, claim: Claim, to_status: str, actor: User, reason: str = "", approved_amount=None) -> Claim:
    """The transition endpoint's dispatcher: the service of the move asked for. A state no move
    leads to (or one only a service makes) is refused by the state machine as illegal."""
    if to_status == ClaimStatus.APPROVED:
        return claim_approve(claim=claim, actor=actor, approved_amount=approved_amount, reason=reason)
    service = BY_TARGET.get(to_status)
    if service is None:
        return _move(claim, to_status, actor=actor, reason=reason)
    return service(claim=claim, actor=actor, reason=reason)


def least_loaded_assessor(claim: Claim) -> User | None:
    """The active assessor of the claim's department, certified for it, with the fewest open claims."""
    return (
        User.objects.filter(
            role=Role.ASSESSOR,
            is_active=True,
            department=claim.department,
            certification_level__gte=required_certification(claim),
        )
        .annotate(load=Count("claims_as_assessor", filter=Q(claims_as_assessor__status__in=OPEN_STATUSES)))
        .order_by("load", "created_at")
        .first()
    )


def _assign(
    claim: Claim, *, role: str, user: User | None, by, automatic: bool = False, reason: str = ""
) -> list[Notice]:
    """Record the assignment; returns the notice for the person assigned (none when unassigned)."""
    field = "assigned_agent" if role == ClaimAssignment.Role.AGENT else "assigned_assessor"
    previous = getattr(claim, f"{field}_id")
    if previous == (user.pk if user else None):
        return []
    setattr(claim, field, user)
    ClaimAssignment.objects.create(
        claim=claim,
        role=role,
        user=user,
        previous_user_id=previous,
        assigned_by=by if by else None,
        automatic=automatic,
        reason=reason,
        at=timezone.now(),
    )
    audit_record(
        actor=by,
        action="claim.assigned",
        target=claim,
        changes={role: [str(previous) if previous else None, str(user.pk) if user else None], "automatic": automatic},
    )
    if user is None:
        return []
    return [
        Notice(
            recipient=user,
            topic="assignments",
            kind="claim.assigned",
            **notices.assigned(claim, role=ClaimAssignment.Role(role).label.lower()),
        )
    ]


@transaction.atomic
def claim_assign(
    *, claim: Claim, assigned_by: User, agent=..., assessor=..., auto_assessor: bool = False, reason: str = ""
) -> Claim:
    """Staff (agents within their claims, supervisors and admins) assign; `...` leaves a role as it is."""
    claim = _lock(claim)
    if claim.status not in OPEN_STATUSES and claim.status != ClaimStatus.DRAFT:
        raise ApplicationError("claim_not_open", f"A {claim.status} claim is not assigned.", status=409)
    told: list[Notice] = []
    if agent is not ...:
        if agent is not None and (
            agent.role not in (Role.AGENT, Role.SUPERVISOR)
            or agent.department != claim.department
            or not agent.is_active
        ):
            raise ApplicationError(
                "invalid_assignee",
                "The agent must be an active agent or supervisor of the claim's department.",
                errors=[{"field": "agent", "message": "Not an agent of this department.", "code": "invalid"}],
            )
        told += _assign(claim, role=ClaimAssignment.Role.AGENT, user=agent, by=assigned_by, reason=reason)
    if auto_assessor:
        assessor = least_loaded_assessor(claim)
        if assessor is None:
            raise ApplicationError(
                "no_assessor", "No active assessor of this department is certified for this claim.", status=409
            )
        told += _assign(
            claim,
            role=ClaimAssignment.Role.ASSESSOR,
            user=assessor,
            by=assigned_by,
            automatic=True,
            reason="automatic: least-loaded qualified assessor",
        )
    elif assessor is not ...:
        if assessor is not None:
            if assessor.role != Role.ASSESSOR or assessor.department != claim.department or not assessor.is_active:
                raise ApplicationError(
                    "invalid_assignee",
                    "The assessor must be an active assessor of the claim's department.",
                    errors=[{"field": "assessor", "message": "Not an assessor of this department.", "code": "invalid"}],
                )
            if assessor.certification_level < required_certification(claim):
                raise ApplicationError(
                    "insufficient_certification",
                    f"This claim needs certification level {required_certification(claim)}.",
                    errors=[{"field": "assessor", "message": "Certification too low.", "code": "invalid"}],
                )
        told += _assign(claim, role=ClaimAssignment.Role.ASSESSOR, user=assessor, by=assigned_by, reason=reason)
    claim.last_activity_at = timezone.now()
    claim.save()
    _event(
        claim,
        "claim.assigned",
        agent=str(claim.assigned_agent_id or ""),
        assessor=str(claim.assigned_assessor_id or ""),
        notices=told,
    )
    return claim


@transaction.atomic
def claim_customer_contact(*, claim: Claim, viewed_by: User) -> dict:
    """The claim's customer and how to reach them, for staff who may see the claim. A phone number
    is personal data (DESIGN.md section 8): every read is recorded in the audit log."""
    if not can_view_customer_contact(viewed_by):
        raise ApplicationError("permission_denied", "Customers read their own details from their account.", status=403)
    customer = claim.customer
    audit_record(
        actor=viewed_by, action="claim.customer_contact_viewed", target=customer, changes={"claim": claim.claim_number}
    )
    open_claims = claims_visible_to(viewed_by).filter(customer=customer, status__in=OPEN_STATUSES).count()
    return {
        "id": customer.pk,
        "name": customer.name,
        "email": customer.email,
        "email_verified": customer.email_verified,
        "phone": customer.phone,
        "phone_verified": customer.phone_verified,
        "open_claims": open_claims,
    }


@transaction.atomic
def communication_add(
    *, claim: Claim, author: User, channel: str, direction: str, party: str, subject: str, body: str
) -> ClaimCommunication:
    claim = _lock(claim)
    if author.role == Role.CUSTOMER:
        channel, direction, party = (
            ClaimCommunication.Channel.NOTE,
            ClaimCommunication.Direction.INBOUND,
            ClaimCommunication.Party.CUSTOMER,
        )
    entry = ClaimCommunication(
        claim=claim,
        author=author,
        channel=channel,
        direction=direction,
        party=party,
        subject=subject,
        body=body,
        at=timezone.now(),
    )
    entry.full_clean()
    entry.save()
    claim.last_activity_at = entry.at
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=author, action="claim.communication_added", target=claim, changes={"channel": channel, "party": party}
    )
    customer_sees = party == ClaimCommunication.Party.CUSTOMER and direction != ClaimCommunication.Direction.INTERNAL
    told = []
    if author.role != Role.CUSTOMER and party == ClaimCommunication.Party.CUSTOMER and direction == "outbound":
        told.append(
            Notice(
                recipient=claim.customer,
                topic="claim_updates",
                kind="claim.message",
                **notices.message_sent(claim, subject=subject, body=body),
            )
        )
    _event(claim, "claim.updated", internal=not customer_sees, communication=str(entry.pk), notices=told)
    return entry


@transaction.atomic
def reserve_set(*, claim: Claim, cost_type: str, amount: Decimal, reason: str, actor: User) -> Reserve:
    """Set a cost type's reserve (within the actor's reserve authority), recording why."""
    require(can_set_reserve(actor, claim), "Reserves are internal.")
    claim = _lock(claim)
    if claim.status not in OPEN_STATUSES:
        raise ApplicationError("claim_not_open", f"Reserves of a {claim.status} claim are closed.", status=409)
    amount = money(amount)
    if amount < 0:
        raise ApplicationError(
            "negative_reserve",
            "A reserve cannot be negative.",
            errors=[{"field": "amount", "message": "Must be 0 or more.", "code": "min_value"}],
        )
    limit = guards.authority_limit(actor, kind="reserve")
    if amount > limit:
        raise ApplicationError(
            "above_authority", f"Reserves above {limit} {claim.currency} need a supervisor.", status=403
        )
    before = facts_of(claim)
    reserve, _ = locking.locked(Reserve).get_or_create(
        claim=claim, cost_type=cost_type, defaults={"currency": claim.currency}
    )
    if amount < reserve.paid:
        raise ApplicationError("below_paid", f"{reserve.paid} has already been paid from this reserve.", status=409)
    previous = reserve.amount
    reserve.amount = amount
    reserve.save(update_fields=["amount", "updated_at"])
    ReserveChange.objects.create(
        reserve=reserve, previous_amount=previous, new_amount=amount, reason=reason, actor=actor, at=timezone.now()
    )
    claim.last_activity_at = timezone.now()
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=actor,
        action="claim.reserve_changed",
        target=claim,
        changes={"cost_type": cost_type, "amount": [previous, amount], "reason": reason},
    )
    _event(
        claim,
        "claim.updated",
        internal=True,
        reserve=cost_type,
        context={"before": before, "after": facts_of(claim), "actor": actor},
    )
    return reserve


def _settlement_ceiling(claim: Claim) -> Decimal:
    excess = Decimal(claim.policy.policy_type.coverage_details.get("excess", {}).get("amount", "0"))
    ceiling = claim.policy.sum_insured - excess
    if claim.approved_amount is not None:
        ceiling = min(ceiling, claim.approved_amount)
    return ceiling


@transaction.atomic
def settlement_propose(
    *, claim: Claim, amount: Decimal, payee: str, method: str, cost_type: str, proposed_by: User, note: str = ""
) -> ClaimSettlement:
    require(can_propose_settlement(proposed_by, claim), "Only agents, supervisors and admins settle claims.")
    claim = _lock(claim)
    if claim.status not in (ClaimStatus.APPROVED, ClaimStatus.SETTLEMENT):
        raise ApplicationError("not_approved", "Only an approved claim is settled.", status=409)
    amount = money(amount)
    ceiling = _settlement_ceiling(claim)
    if amount > ceiling:
        raise ApplicationError(
            "above_policy_limit",
            f"The settlement may be at most {ceiling} {claim.currency} (cover limit less excess, within approval).",
            errors=[{"field": "amount", "message": f"At most {ceiling}.", "code": "max_value"}],
        )
    try:
        with transaction.atomic():
            settlement = ClaimSettlement.objects.create(
                claim=claim,
                amount=amount,
                currency=claim.currency,
                payee=payee,
                method=method,
                cost_type=cost_type,
                proposed_by=proposed_by,
                note=note,
            )
    except IntegrityError as exc:
        raise ApplicationError(
            "settlement_open", "This claim already has a settlement awaiting approval or payment.", status=409
        ) from exc
    if claim.status == ClaimStatus.APPROVED:
        # The first settlement moves the claim (guarded: a settlement proposed), like any move.
        _move(claim, ClaimStatus.SETTLEMENT, actor=proposed_by, reason="settlement proposed")
    audit_record(
        actor=proposed_by, action="claim.settlement_proposed", target=claim, changes={"amount": amount, "payee": payee}
    )
    return settlement


@transaction.atomic
def settlement_approve(*, settlement: ClaimSettlement, approved_by: User) -> ClaimSettlement:
    settlement = lock_one(ClaimSettlement, settlement.pk, select_related=("claim",))
    if settlement.status != ClaimSettlement.Status.PROPOSED:
        raise ApplicationError("not_proposed", f"This settlement is {settlement.status}.", status=409)
    limit = guards.authority_limit(approved_by)
    if settlement.amount > limit:
        raise ApplicationError(
            "above_authority",
            f"{settlement.amount} is above your authority ({limit}); a supervisor must approve.",
            status=403,
        )
    if settlement.proposed_by_id == approved_by.pk and approved_by.role != Role.ADMIN:
        raise ApplicationError("maker_checker", "Someone other than the proposer must approve.", status=403)
    settlement.status = ClaimSettlement.Status.APPROVED
    settlement.approved_by = approved_by
    settlement.save(update_fields=["status", "approved_by", "updated_at"])
    audit_record(
        actor=approved_by,
        action="claim.settlement_approved",
        target=settlement.claim,
        changes={"amount": settlement.amount},
    )
    _event(settlement.claim, "claim.updated", settlement="approved")
    return settlement


@transaction.atomic
def settlement_reject(*, settlement: ClaimSettlement, rejected_by: User, reason: str) -> ClaimSettlement:
    """Turn down a proposed or approved (not yet paid) settlement, so another may be proposed."""
    # It writes the claim too: the claim first, then the settlement (the lock order).
    claim, settlement = lock_objects((Claim, settlement.claim_id), settlement)
    if settlement.status not in (ClaimSettlement.Status.PROPOSED, ClaimSettlement.Status.APPROVED):
        raise ApplicationError("settlement_closed", f"This settlement is {settlement.status}.", status=409)
    if not reason.strip():
        raise ApplicationError(
            "reason_required",
            "Say why the settlement is turned down.",
            errors=[{"field": "reason", "message": "Required when rejecting.", "code": "required"}],
        )
    previous = settlement.status
    settlement.status = ClaimSettlement.Status.REJECTED
    settlement.save(update_fields=["status", "updated_at"])
    claim.last_activity_at = timezone.now()
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=rejected_by,
        action="claim.settlement_rejected",
        target=claim,
        changes={"amount": settlement.amount, "status": [previous, settlement.status], "reason": reason},
    )
    _event(claim, "claim.updated", settlement="rejected")
    return settlement


@transaction.atomic
def settlement_pay(*, settlement: ClaimSettlement, paid_by: User) -> ClaimSettlement:
    """Pay an approved settlement from the claim's open reserve: an outgoing transaction is recorded,
    the reserve drawn down, and the claim moves to settled."""
    # claim -> settlement -> reserve -> (new transaction): the lock order, as reserve_set and the
    # transitions take the claim before its reserves.
    claim, settlement = lock_objects(
        (Claim, settlement.claim_id), settlement, select_related={Claim: ("policy", "customer")}
    )
    if settlement.status != ClaimSettlement.Status.APPROVED:
        raise ApplicationError("not_approved", "Only an approved settlement is paid.", status=409)
    # Paying settles the claim: the move is checked (graph, role, guards) before any money moves.
    workflow.MACHINE.check(claim, ClaimStatus.SETTLED, by=paid_by, service=True)
    before = facts_of(claim)
    reserve = locking.locked(Reserve).filter(claim=claim, cost_type=settlement.cost_type).first()
    open_amount = reserve.open_amount if reserve else Decimal("0")
    if reserve is None or settlement.amount > open_amount:
        raise ApplicationError(
            "above_reserve",
            f"The open {settlement.cost_type} reserve is {open_amount}; raise it before paying {settlement.amount}.",
            status=409,
        )
    txn = Transaction.objects.create(
        reference=new_reference(),
        customer=claim.customer,
        policy=claim.policy,
        method=settlement.method if settlement.method in ("mpesa", "bank_transfer") else "bank_transfer",
        direction=Direction.OUT,
        amount=settlement.amount,
        currency=settlement.currency,
        status=TransactionStatus.PENDING,
    )
    reserve.paid += settlement.amount
    reserve.save(update_fields=["paid", "updated_at"])
    settlement.status = ClaimSettlement.Status.PAID
    settlement.paid_transaction = txn
    settlement.save(update_fields=["status", "paid_transaction", "updated_at"])
    _move(
        claim,
        ClaimStatus.SETTLED,
        actor=paid_by,
        reason=f"paid {settlement.amount} to {settlement.payee}",
        service=True,
        action="claim.settled",
        changes={"amount": settlement.amount, "transaction": txn.pk},
        context={"settled_amount": settlement.amount},
        before=before,
    )
    return settlement


@transaction.atomic
def claim_record_assessment_completed(*, claim: Claim, actor, completed_at=None) -> Claim:
    """Called by the assessments app when a claim's assessment is completed (the approval guard
    reads it); also used by seed_demo. A reopened assessment passes completed_at=None."""
    claim = _lock(claim)
    claim.assessment_completed_at = completed_at if completed_at is not None else timezone.now()
    claim.last_activity_at = timezone.now()
    claim.save(update_fields=["assessment_completed_at", "last_activity_at", "updated_at"])
    audit_record(actor=actor, action="claim.assessment_completed", target=claim)
    _event(claim, "claim.updated", assessment_completed=True)
    return claim


def claims_flag_periodic(*, now=None) -> dict:
    """Periodic: raise SLA-breached and stalled alerts. Once per breach: an alert of the kind
    raised after the SLA fell due (after the last activity) counts whatever its status, so an
    acknowledged alert is not raised again every run; a new due date or new activity followed by
    another stall raises a new one."""
    now = now or timezone.now()
    alerts = alerts_all().filter(claim=OuterRef("pk"))
    breached = Claim.objects.filter(status__in=OPEN_STATUSES, sla_due_at__lt=now).exclude(
        Exists(alerts.filter(kind="sla_breached", created_at__gte=OuterRef("sla_due_at")))
    )
    stalled = Claim.objects.filter(
        status__in=OPEN_STATUSES, last_activity_at__lt=now - timedelta(days=settings.CLAIM_STALLED_DAYS)
    ).exclude(Exists(alerts.filter(kind="stalled", created_at__gte=OuterRef("last_activity_at"))))
    counts = {"sla_breached": 0, "stalled": 0}
    for claim in breached[:1000]:
        alert_raise(
            kind="sla_breached",
            severity="high",
            claim=claim,
            title=f"{claim.claim_number}: SLA breached",
            message=f"Due {claim.sla_due_at:%Y-%m-%d %H:%M} UTC.",
        )
        counts["sla_breached"] += 1
    for claim in stalled[:1000]:
        alert_raise(
            kind="stalled",
            severity="medium",
            claim=claim,
            title=f"{claim.claim_number}: no activity",
            message=f"Nothing happened for {settings.CLAIM_STALLED_DAYS} days.",
        )
        counts["stalled"] += 1
    return counts


COST_TYPES = CostType.values


# --- bulk actions ------------------------------------------------------------------------
BULK_MAX_CLAIMS = 200


def _bulk_apply(*, claim_ids: list, actor: User, act) -> list[dict]:
    """Run `act(claim)` for each claim the actor may see, each in its own transaction (so its own
    row lock, guard, history and audit entry): one refusal never undoes the others. Returns one
    result per requested id, in the order asked, duplicates dropped."""
    if not can_manage_claims(actor):
        raise ApplicationError("permission_denied", "Your role may not act on claims in bulk.", status=403)
    ids = list(dict.fromkeys(claim_ids))
    if not ids or len(ids) > BULK_MAX_CLAIMS:
        raise ApplicationError(
            "invalid_selection",
            f"Select between 1 and {BULK_MAX_CLAIMS} claims.",
            errors=[{"field": "claims", "message": f"1 to {BULK_MAX_CLAIMS} claims.", "code": "invalid"}],
        )
    visible = {claim.pk: claim for claim in claims_visible_to(actor).filter(pk__in=ids)}
    results = []
    for claim_id in ids:
        claim = visible.get(claim_id)
        if claim is None:
            results.append(
                {
                    "claim": claim_id,
                    "claim_number": None,
                    "ok": False,
                    "status": 404,
                    "code": "not_found",
                    "detail": "Not found.",
                }
            )
            continue
        try:
            done = act(claim)
        except ApplicationError as exc:
            results.append(
                {
                    "claim": claim_id,
                    "claim_number": claim.claim_number,
                    "ok": False,
                    "status": exc.status,
                    "code": exc.code,
                    "detail": exc.message,
                }
            )
            continue
        results.append(
            {
                "claim": claim_id,
                "claim_number": done.claim_number,
                "ok": True,
                "status": 200,
                "code": "ok",
                "detail": done.status,
            }
        )
    return results


def claims_bulk_transition(*, claim_ids: list, to_status: str, actor: User, reason: str = "") -> list[dict]:
    """Move many claims to `to_status`, each under its own lock, guard and audit entry."""
    return _bulk_apply(
        claim_ids=claim_ids,
        actor=actor,
        act=lambda claim: claim_transition(claim=claim, to_status=to_status, actor=actor, reason=reason),
    )


def claims_bulk_assign(
    *, claim_ids: list, assigned_by: User, agent=..., assessor=..., auto_assessor: bool = False, reason: str = ""
) -> list[dict]:
    """Assign an agent and/or an assessor (or the least-loaded qualified one) to many claims."""
    return _bulk_apply(
        claim_ids=claim_ids,
        actor=assigned_by,
        act=lambda claim: claim_assign(
            claim=claim,
            assigned_by=assigned_by,
            agent=agent,
            assessor=assessor,
            auto_assessor=auto_assessor,
            reason=reason,
        ),
    )


# --- export ------------------------------------------------------------------------------
EXPORT_COLUMNS = [
    ("claim_number", lambda c: c.claim_number),
    ("status", lambda c: c.status),
    ("priority", lambda c: c.priority),
    ("department", lambda c: c.department),
    ("customer", lambda c: c.customer.name or c.customer.email),
    ("policy_number", lambda c: c.policy.policy_number),
    ("vehicle_registration", lambda c: c.vehicle.registration if c.vehicle_id else ""),
    ("incident_date", lambda c: c.incident_date.isoformat()),
    ("created_at", lambda c: c.created_at.isoformat()),
    ("sla_due_at", lambda c: c.sla_due_at.isoformat() if c.sla_due_at else ""),
    ("assigned_agent", lambda c: c.assigned_agent.email if c.assigned_agent_id else ""),
    ("assigned_assessor", lambda c: c.assigned_assessor.email if c.assigned_assessor_id else ""),
    ("estimated_cost", lambda c: "" if c.estimated_cost is None else f"{c.estimated_cost:.2f}"),
    ("approved_amount", lambda c: "" if c.approved_amount is None else f"{c.approved_amount:.2f}"),
    ("currency", lambda c: c.currency),
]


def _csv_cell(value: str) -> str:
    # A cell a spreadsheet would read as a formula is written as text (CSV injection).
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def claims_export(*, queryset, exported_by: User, filters) -> Iterator[str]:
    """Record who exported which filter, then yield the CSV of `queryset` line by line (the
    caller streams it: memory stays flat whatever the number of claims)."""
    if not can_export_claims(exported_by):
        raise ApplicationError("permission_denied", "Your role may not export claims.", status=403)
    with transaction.atomic():
        audit_record(
            actor=exported_by,
            action="claims.exported",
            object_type="claims.claim",
            changes={"filters": {key: filters.getlist(key) for key in sorted(filters)}},
        )

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)

        def flush() -> str:
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text

        writer.writerow([name for name, _ in EXPORT_COLUMNS])
        yield flush()
        for claim in claims_export_rows(queryset):
            writer.writerow([_csv_cell(str(read(claim))) for _, read in EXPORT_COLUMNS])
            yield flush()

    return lines()
