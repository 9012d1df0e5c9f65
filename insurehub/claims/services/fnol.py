"""First notice of loss and the claim's own details: filing (with its priority, department and
SLA), staff and customer edits, the assessment's completion recorded on the claim."""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims import workflow
from insurehub.claims.facts import facts_of
from insurehub.claims.models import (
    OPEN_STATUSES,
    Claim,
    ClaimStatus,
    Priority,
)
from insurehub.claims.permissions import (
    can_file_claim,
    can_set_claim_estimate,
    require,
)
from insurehub.claims.services.catastrophe import claim_retag_after_move, claim_tag_on_filing
from insurehub.claims.services.claim_row import _event, _lock
from insurehub.claims.services.sla import sla_due
from insurehub.core.errors import ApplicationError
from insurehub.core.money import money
from insurehub.core.numbering import next_number
from insurehub.core.roles import Department, Role
from insurehub.core.services import model_update
from insurehub.policies.models import Policy, PolicyStatus
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


def derive_priority(*, injury: bool, total_loss_hint: bool, estimated_cost: Decimal | None) -> str:
    high_value = Decimal(settings.CLAIM_HIGH_VALUE)
    if injury:
        return Priority.URGENT
    if total_loss_hint or (estimated_cost is not None and estimated_cost >= high_value):
        return Priority.HIGH
    if estimated_cost is not None and estimated_cost < Decimal(settings.CLAIM_LOW_VALUE):
        return Priority.LOW
    return Priority.NORMAL


_sla_due = sla_due  # the workflow's moves import it from here


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
    _validate_new(claim)
    claim.save()
    workflow.record_history(
        claim, from_status="", to_status=claim.status, actor=filed_by, reason="first notice of loss"
    )
    claim_tag_on_filing(claim, filed_by=filed_by)  # an open catastrophe event over the place and time
    audit_record(
        actor=filed_by,
        action="claim.created",
        target=claim,
        changes={"status": claim.status, "priority": claim.priority, "policy": policy.pk},
    )
    _event(claim, "claim.created", context={"before": None, "after": facts_of(claim, new=True), "actor": filed_by})
    return claim


# Set by claim_create from the policy it just read under its lock (so they exist), the filer, and a
# fresh UUID: their foreign-key and uniqueness checks would be one query each and can never fail.
_TRUSTED_ON_CREATE = ["id", "customer", "policy", "vehicle", "assigned_agent"]
# The claim's check constraints (Claim.Meta) and why a new claim passes them without the query each
# would cost: approved_amount is empty on a new claim; the estimate is tested here. A constraint
# added to Claim must be added here (test_fnol_validation checks the two lists match).
CHECKED_ON_CREATE = ("claims_estimate_not_negative", "claims_approved_not_negative")


def _validate_new(claim: Claim) -> None:
    """full_clean() of a claim being filed, without the queries whose answer is known."""
    claim.full_clean(exclude=_TRUSTED_ON_CREATE, validate_constraints=False)
    if claim.approved_amount is not None or (claim.estimated_cost is not None and claim.estimated_cost < 0):
        claim.validate_constraints()  # the constraints' own error, as full_clean() gives it


@transaction.atomic
def claim_update(*, claim: Claim, data: dict, updated_by: User) -> Claim:
    """Edit a claim's details. The incident's date and time may change only while the claim is a
    draft (the customer is still writing it; once filed it is what the claim was judged on), and it
    must then still be inside the policy's cover and not in the future."""
    if not can_set_claim_estimate(updated_by, claim) and {"priority", "estimated_cost"} & set(data):
        raise ApplicationError("read_only", "Customers do not set the priority or the estimate.")
    claim = _lock(claim)
    before = facts_of(claim)
    if "incident_date" in data:
        if claim.status != ClaimStatus.DRAFT:
            raise ApplicationError(
                "incident_date_locked",
                "The incident's date can be changed only while the claim is a draft; send a message instead.",
                status=409,
                errors=[{"field": "incident_date", "message": "Only on a draft.", "code": "locked"}],
            )
        _validate_incident(policy=claim.policy, incident_date=data["incident_date"])
    if updated_by.role == Role.CUSTOMER:
        if claim.status not in (ClaimStatus.DRAFT, ClaimStatus.SUBMITTED):
            raise ApplicationError(
                "claim_locked", "The claim can no longer be edited; send a message instead.", status=409
            )
        fields = CUSTOMER_EDITABLE
    else:
        fields = STAFF_EDITABLE
    if "incident_date" in data:
        fields = [*fields, "incident_date"]
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
    if {"incident_latitude", "incident_longitude", "incident_date"} & set(changes):
        claim = claim_retag_after_move(claim, moved_by=updated_by)  # the catastrophe event over the new place
    return claim


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
