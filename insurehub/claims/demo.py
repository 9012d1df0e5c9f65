"""Demo claims in every workflow state, on the demo customers' policies (motor and others)."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from insurehub.claims.models import Claim

# (customer, product category, description, estimate, injury, total-loss hint, target state)
DEMO_CLAIMS = [
    (
        "customer",
        "motor",
        "Reversed into a bollard in a car park; rear bumper cracked.",
        "18000",
        False,
        False,
        "draft",
    ),
    (
        "customer",
        "motor",
        "Side-swiped on Mombasa Road; driver's door and mirror damaged.",
        "95000",
        False,
        False,
        "submitted",
    ),
    ("customer2", "motor", "Windscreen shattered by a stone on Thika Road.", "35000", False, False, "under_review"),
    ("customer", "motor", "Hail dented the bonnet and roof overnight.", "120000", False, False, "assessment"),
    (
        "customer2",
        "motor",
        "Collision at a roundabout; passenger taken to hospital.",
        "410000",
        True,
        False,
        "approved",
    ),
    (
        "customer",
        "motor",
        "Claimed flood damage, but the car was not at the address.",
        "250000",
        False,
        False,
        "rejected",
    ),
    ("customer2", "motor", "Rear-ended in traffic; boot lid and lights.", "60000", False, False, "settlement"),
    ("customer", "motor", "Broken tail light and bumper scuff.", "15000", False, False, "settled"),
    ("customer2", "motor", "Stolen side mirrors.", "22000", False, False, "closed"),
    ("customer", "motor", "Minor scratch; decided to pay myself.", "8000", False, False, "withdrawn"),
    ("customer", "health", "Emergency appendectomy after a road accident.", "180000", True, False, "assessment"),
    ("customer2", "home", "Kitchen fire damaged cabinets and ceiling.", "650000", False, True, "under_review"),
    ("customer", "travel", "Luggage lost on a connecting flight to Kigali.", "45000", False, False, "submitted"),
]
PATHS = {
    "submitted": [],
    "under_review": ["under_review"],
    "assessment": ["under_review", "assessment"],
    "approved": ["under_review", "assessment", "approved"],
    "rejected": ["under_review", "assessment", "rejected"],
    "settlement": ["under_review", "assessment", "approved", "settlement"],
    "settled": ["under_review", "assessment", "approved", "settlement", "settled"],
    "closed": ["under_review", "assessment", "approved", "settlement", "settled", "closed"],
    "withdrawn": ["withdrawn"],
}


def _active_policy(customer, category: str, users: dict):
    """The customer's active policy in the category, bought and paid through the real services."""
    from insurehub.payments.services import bank_statement_reconcile, bank_transfer_start
    from insurehub.policies.models import Policy, PolicyType
    from insurehub.policies.services import policy_accept, policy_quote_create

    policy = Policy.objects.filter(customer=customer, policy_type__category_id=category, status="active").first()
    if policy is not None:
        return policy
    if category == "motor":
        pending = (
            Policy.objects.filter(customer=customer, policy_type__category_id="motor")
            .exclude(status__in=["cancelled", "expired"])
            .first()
        )
        if pending is None:
            return None
        policy = pending
    else:
        product = PolicyType.objects.filter(category_id=category, active=True).order_by("name").first()
        if product is None:
            return None
        quote = policy_quote_create(
            customer=customer, policy_type=product, created_by=customer, sum_insured=Decimal("1500000")
        )
        policy = policy_accept(policy=quote, accepted_by=customer)
    while policy.status in ("pending_payment", "quote"):
        if policy.status == "quote":
            policy = policy_accept(policy=policy, accepted_by=customer)
            continue
        transfer = bank_transfer_start(policy=policy, instalment=None, initiated_by=customer)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["date", "reference", "amount", "currency", "bank_reference"])
        writer.writerow(
            [timezone.localdate(), transfer.reference, transfer.amount, transfer.currency, f"DEMO-{transfer.reference}"]
        )
        bank_statement_reconcile(content=buffer.getvalue(), reconciled_by=users["admin"])
        policy.refresh_from_db()
    return policy


def seed(context: dict) -> None:
    from insurehub.claims import services

    users = context["users"]
    if Claim.objects.filter(customer__in=[users["customer"], users["customer2"]]).exists():
        context["claims"] = list(Claim.objects.filter(customer__in=[users["customer"], users["customer2"]]))
        return
    agent, supervisor, assessor = users["agent"], users["supervisor"], users["assessor"]
    made = []
    for index, (who, category, description, estimate, injury, total_loss, target) in enumerate(DEMO_CLAIMS):
        customer = users[who]
        policy = _active_policy(customer, category, users)
        if policy is None:
            continue
        incident = max(
            timezone.now() - timedelta(hours=6 + index),
            timezone.make_aware(timezone.datetime.combine(policy.start_date, timezone.datetime.min.time())),
        )
        claim = services.claim_create(
            policy=policy,
            filed_by=customer,
            incident_date=incident,
            description=description,
            incident_address="Nairobi",
            estimated_cost=Decimal(estimate),
            injury=injury,
            total_loss_hint=total_loss,
            draft=target == "draft",
        )
        staff = agent if claim.department == "motor" else users["admin"]
        for step in PATHS.get(target, []):
            claim.refresh_from_db()
            if step == "assessment" and claim.department == "motor":
                services.claim_assign(claim=claim, assigned_by=supervisor, assessor=assessor, reason="demo")
            if step == "approved":
                services.claim_record_assessment_completed(claim=claim, actor=assessor)
                services.reserve_set(
                    claim=claim,
                    cost_type="own_damage",
                    amount=Decimal(estimate),
                    reason="assessed estimate",
                    actor=users["admin"],
                )
                approver = staff if Decimal(estimate) <= Decimal("200000") else users["admin"]
                services.claim_transition(
                    claim=claim, to_status="approved", actor=approver, approved_amount=Decimal(estimate)
                )
                continue
            if step == "settlement":
                settlement = services.settlement_propose(
                    claim=claim,
                    amount=Decimal(estimate) - Decimal("5000"),
                    payee="Westlands Motors Ltd",
                    method="bank_transfer",
                    cost_type="own_damage",
                    proposed_by=staff,
                )
                continue
            if step == "settled":
                services.settlement_approve(settlement=settlement, approved_by=users["admin"])
                services.settlement_pay(settlement=settlement, paid_by=staff)
                continue
            reason = "not covered: vehicle not at the insured address" if step == "rejected" else ""
            services.claim_transition(
                claim=claim, to_status=step, actor=customer if step == "withdrawn" else staff, reason=reason
            )
        if target in ("under_review", "assessment", "submitted"):
            services.communication_add(
                claim=claim,
                author=staff,
                channel="sms",
                direction="outbound",
                party="customer",
                subject="We have your claim",
                body=f"Claim {claim.claim_number} is with our motor team.",
            )
        made.append(claim)
    context["claims"] = made
