"""The policy lifecycle: quote -> pending_payment -> active -> lapsed | expired | cancelled,
each step one service with its guard, a WorkflowStage row, an audit entry and an event."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.numbering import next_number
from insurehub.core.services import model_update
from insurehub.policies import notices, workflow
from insurehub.policies.models import (
    InsuranceCompany,
    PaymentPlan,
    Policy,
    PolicyReview,
    PolicyStatus,
    PolicyType,
)
from insurehub.policies.permissions import can_change_policy, can_review_product, require
from insurehub.policies.pricing import price
from insurehub.policies.selectors import policies_held_by
from insurehub.realtime.events import Notice
from insurehub.vehicles.models import Vehicle
from insurehub.workflows.services import stage_enter

QUOTE_VALID_DAYS = 30
RENEWAL_WINDOW_DAYS = 60
# The lifecycle's moves and the states each action is allowed from: policies/workflow.py.
ALLOWED = workflow.ALLOWED
_event = workflow.event


def _guard(policy: Policy, action: str) -> None:
    workflow.check_action(policy, action)


def _move(
    policy: Policy, *, to: str, actor, note: str = "", action: str, changes: dict | None = None, notices=()
) -> Policy:
    """Move the policy through the state machine: a WorkflowStage row, the audit entry
    `policy.<action>` and its `policy.status_changed` event (whose context carries the `action`
    and `actor`: the payments app makes the instalments of an accepted policy in the same transaction)."""
    workflow.MACHINE.move(
        policy,
        to,
        by=actor,
        reason=note,
        action=f"policy.{action}",
        changes=changes,
        notices=notices,
        event_action=action,
    )
    return policy


def _locked(policy: Policy) -> Policy:
    # of=("self",): lock the policy row only; PostgreSQL refuses FOR UPDATE on the nullable
    # side of the outer join that select_related("vehicle") makes. no_key: a claim or payment
    # being inserted for this policy checks its foreign key without waiting (core/locking.py).
    return (
        Policy.objects.select_for_update(no_key=True, of=("self",))
        .select_related("policy_type__category", "vehicle")
        .get(pk=policy.pk)
    )


@transaction.atomic
def policy_quote_create(
    *,
    customer,
    policy_type: PolicyType,
    created_by,
    vehicle=None,
    sum_insured: Decimal | None = None,
    start_date: date | None = None,
    payment_plan: str = PaymentPlan.ANNUAL,
    addons: list[str] | None = None,
) -> Policy:
    if not policy_type.active or not policy_type.company.active:
        raise ApplicationError("product_unavailable", "This product is not on sale.", status=409)
    is_motor = policy_type.category_id == "motor"
    if is_motor and vehicle is None:
        raise ApplicationError(
            "vehicle_required",
            "A motor quote needs the vehicle.",
            errors=[{"field": "vehicle", "message": "Required for motor products.", "code": "required"}],
        )
    if vehicle is not None and vehicle.owner_id != customer.pk:
        raise ApplicationError(
            "vehicle_not_owned",
            "The vehicle must belong to the customer.",
            errors=[{"field": "vehicle", "message": "Not the customer's vehicle.", "code": "invalid"}],
        )
    if sum_insured is None:
        if vehicle is None:
            raise ApplicationError(
                "sum_insured_required",
                "Say how much to insure.",
                errors=[{"field": "sum_insured", "message": "Required.", "code": "required"}],
            )
        sum_insured = vehicle.estimated_value
    start = start_date or timezone.localdate()
    if start < timezone.localdate():
        raise ApplicationError(
            "start_in_past",
            "Cover cannot start in the past.",
            errors=[{"field": "start_date", "message": "In the past.", "code": "invalid"}],
        )
    priced = price(
        policy_type=policy_type,
        sum_insured=sum_insured,
        vehicle_age=vehicle.age_years if vehicle is not None else None,
        addons=addons or [],
    )
    policy = Policy(
        policy_number=next_number(prefix="POL", year=timezone.now().year),
        customer=customer,
        policy_type=policy_type,
        vehicle=vehicle,
        status=PolicyStatus.QUOTE,
        start_date=start,
        end_date=start + relativedelta(months=policy_type.term_months) - timedelta(days=1),
        premium=priced.premium,
        sum_insured=priced.sum_insured,
        currency=policy_type.currency,
        payment_plan=payment_plan,
        addons=addons or [],
        quote_details=priced.breakdown,
        quote_valid_until=timezone.now() + timedelta(days=QUOTE_VALID_DAYS),
    )
    policy.full_clean()
    policy.save()
    stage_enter(subject=policy, stage=PolicyStatus.QUOTE, actor=created_by, note="quote issued")
    audit_record(
        actor=created_by,
        action="policy.quoted",
        target=policy,
        changes={"premium": policy.premium, "sum_insured": policy.sum_insured, "policy_type": policy_type.pk},
    )
    return policy


def _lock_vehicle(policy: Policy) -> None:
    """Serialise the overlap check per vehicle: two quotes for one car accepted at the same time
    must not both pass it. Lock order: policy, then vehicle (as everywhere)."""
    if policy.vehicle_id is not None:
        vehicles = Vehicle.objects.select_for_update(no_key=True).filter(pk=policy.vehicle_id)
        vehicles.values_list("pk", flat=True).first()


def _overlapping(policy: Policy):
    if policy.vehicle_id is None:
        return Policy.objects.none()
    return Policy.objects.filter(
        vehicle_id=policy.vehicle_id,
        policy_type__category_id=policy.policy_type.category_id,
        status__in=[PolicyStatus.PENDING_PAYMENT, PolicyStatus.ACTIVE],
        start_date__lte=policy.end_date,
        end_date__gte=policy.start_date,
    ).exclude(pk=policy.pk)


@transaction.atomic
def policy_accept(*, policy: Policy, accepted_by) -> Policy:
    """The customer takes the quote: it awaits its first payment, with its instalments (made by the
    payments app, a subscriber of the event)."""
    require(can_change_policy(accepted_by, policy), "Assessors do not change policies.")
    policy = _locked(policy)
    _guard(policy, "accept")
    if policy.quote_valid_until and policy.quote_valid_until < timezone.now():
        raise ApplicationError("quote_expired", "This quote has expired; ask for a new one.", status=409)
    _lock_vehicle(policy)
    clash = _overlapping(policy).first()
    if clash is not None:
        raise ApplicationError(
            "overlapping_policy",
            f"The vehicle already has {clash.policy_number} in this category for overlapping dates.",
            status=409,
        )
    _move(policy, to=PolicyStatus.PENDING_PAYMENT, actor=accepted_by, action="accepted", note="quote accepted")
    return policy


@transaction.atomic
def policy_activate(*, policy: Policy, actor=None, note: str = "first payment received") -> Policy:
    policy = _locked(policy)
    if policy.status == PolicyStatus.ACTIVE:
        return policy
    _guard(policy, "activate")
    _lock_vehicle(policy)
    clash = _overlapping(policy).exclude(status=PolicyStatus.PENDING_PAYMENT).first()
    if clash is not None:
        raise ApplicationError("overlapping_policy", f"{clash.policy_number} already covers this vehicle.", status=409)
    policy.activated_at = timezone.now()
    if policy.policy_type.category_id == "motor" and not policy.certificate_number:
        policy.certificate_number = next_number(prefix="CRT", year=policy.activated_at.year)
    activated = Notice(
        recipient=policy.customer,
        topic="policy_renewals",
        kind="policy.activated",
        **notices.activated(policy),
    )
    _move(policy, to=PolicyStatus.ACTIVE, actor=actor, action="activated", note=note, notices=[activated])
    return policy


@transaction.atomic
def policy_cancel(*, policy: Policy, cancelled_by, reason: str) -> Policy:
    require(can_change_policy(cancelled_by, policy), "Assessors do not change policies.")
    policy = _locked(policy)
    _guard(policy, "cancel")
    policy.cancelled_at = timezone.now()
    return _move(
        policy,
        to=PolicyStatus.CANCELLED,
        actor=cancelled_by,
        action="cancelled",
        note=reason,
        changes={"reason": reason},
    )


@transaction.atomic
def policy_lapse(*, policy: Policy, reason: str) -> Policy:
    policy = _locked(policy)
    _guard(policy, "lapse")
    return _move(policy, to=PolicyStatus.LAPSED, actor=None, action="lapsed", note=reason)


@transaction.atomic
def policy_reinstate(*, policy: Policy, note: str = "overdue instalment paid") -> Policy:
    policy = _locked(policy)
    _guard(policy, "reinstate")
    return _move(policy, to=PolicyStatus.ACTIVE, actor=None, action="reinstated", note=note)


@transaction.atomic
def policy_expire(*, policy: Policy) -> Policy:
    policy = _locked(policy)
    _guard(policy, "expire")
    return _move(policy, to=PolicyStatus.EXPIRED, actor=None, action="expired", note="end date passed")


@transaction.atomic
def policy_renew(*, policy: Policy, renewed_by) -> Policy:
    """A new quote that starts the day after this policy ends, priced at today's rules."""
    require(can_change_policy(renewed_by, policy), "Assessors do not change policies.")
    policy = _locked(policy)
    _guard(policy, "renew")
    today = timezone.localdate()
    if policy.status == PolicyStatus.ACTIVE and (policy.end_date - today).days > RENEWAL_WINDOW_DAYS:
        raise ApplicationError(
            "too_early_to_renew", f"Renewal opens {RENEWAL_WINDOW_DAYS} days before the end date.", status=409
        )
    if policy.renewals.exclude(status=PolicyStatus.CANCELLED).exists():
        raise ApplicationError("already_renewed", "This policy has already been renewed.", status=409)
    start = max(policy.end_date + timedelta(days=1), today)
    renewal = policy_quote_create(
        customer=policy.customer,
        policy_type=policy.policy_type,
        created_by=renewed_by,
        vehicle=policy.vehicle,
        sum_insured=policy.vehicle.estimated_value if policy.vehicle else policy.sum_insured,
        start_date=start,
        payment_plan=policy.payment_plan,
        addons=policy.addons,
    )
    renewal.renewed_from = policy
    renewal.save(update_fields=["renewed_from", "updated_at"])
    audit_record(actor=renewed_by, action="policy.renewal_quoted", target=policy, changes={"renewal": renewal.pk})
    return renewal


# Which policies have a premium overdue: the payments app knows and registers its rule
# (PaymentsConfig.ready()); this app only lapses them.
_overdue_sources: list[Callable[[date], QuerySet]] = []


def register_overdue_policies(source: Callable[[date], QuerySet]) -> None:
    """`source(grace_limit)`: the policies with an instalment due before `grace_limit` and unpaid."""
    if source not in _overdue_sources:
        _overdue_sources.append(source)


def policies_apply_time(*, today: date | None = None) -> dict:
    """Periodic: expire what ended; lapse what has an instalment overdue past the grace period."""
    today = today or timezone.localdate()
    expired = 0
    for policy in Policy.objects.filter(status__in=[PolicyStatus.ACTIVE, PolicyStatus.LAPSED], end_date__lt=today):
        policy_expire(policy=policy)
        expired += 1
    grace_limit = today - timedelta(days=settings.POLICY_GRACE_DAYS)
    overdue = {policy.pk: policy for source in _overdue_sources for policy in source(grace_limit)}
    lapsed = 0
    for policy in (p for p in overdue.values() if p.status == PolicyStatus.ACTIVE):
        policy_lapse(policy=policy, reason=f"instalment overdue more than {settings.POLICY_GRACE_DAYS} days")
        lapsed += 1
    return {"expired": expired, "lapsed": lapsed}


def _held_type(customer, policy_type: PolicyType) -> bool:
    return policies_held_by(customer).filter(policy_type=policy_type).exists()


@transaction.atomic
def review_create(*, customer, policy_type: PolicyType, rating: int, text: str) -> PolicyReview:
    require(can_review_product(customer), "Only customers review products.", code="customers_only")
    if not _held_type(customer, policy_type):
        raise ApplicationError(
            "not_a_policyholder", "Only customers who hold or held this product may review it.", status=403
        )
    try:
        with transaction.atomic():
            review = PolicyReview(customer=customer, policy_type=policy_type, rating=rating, text=text)
            review.full_clean(validate_unique=False, validate_constraints=False)
            review.save()
    except IntegrityError as exc:
        raise ApplicationError("already_reviewed", "You have already reviewed this product.", status=409) from exc
    audit_record(actor=customer, action="policy.reviewed", target=review, changes={"rating": rating})
    return review


@transaction.atomic
def company_create(*, created_by, **data) -> InsuranceCompany:
    company = InsuranceCompany(**data)
    company.full_clean()
    company.save()
    audit_record(actor=created_by, action="catalogue.company_created", target=company)
    return company


@transaction.atomic
def company_update(*, company: InsuranceCompany, data: dict, updated_by) -> InsuranceCompany:
    fields = ["name", "registration_number", "email", "phone", "website", "address", "logo_url", "active"]
    changes = model_update(instance=company, fields=fields, data=data)
    if changes:
        audit_record(actor=updated_by, action="catalogue.company_updated", target=company, changes=changes)
    return company


@transaction.atomic
def policy_type_create(*, created_by, **data) -> PolicyType:
    policy_type = PolicyType(**data)
    policy_type.full_clean()
    policy_type.save()
    audit_record(actor=created_by, action="catalogue.product_created", target=policy_type)
    return policy_type


@transaction.atomic
def policy_type_update(*, policy_type: PolicyType, data: dict, updated_by) -> PolicyType:
    fields = ["name", "description", "coverage_details", "base_premium", "pricing_rules", "term_months", "active"]
    changes = model_update(instance=policy_type, fields=fields, data=data)
    if changes:
        audit_record(actor=updated_by, action="catalogue.product_updated", target=policy_type, changes=changes)
    return policy_type
