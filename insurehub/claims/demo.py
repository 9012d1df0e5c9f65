"""Demo claims in every workflow state, on the demo customers' policies (motor and others)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from insurehub.claims import demo_catastrophe, services
from insurehub.claims.demo_history import active_policy, paid_out, seed_history
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


def seed(context: dict) -> None:
    users = context["users"]
    if Claim.objects.filter(customer__in=[users["customer"], users["customer2"]]).exists():
        context["claims"] = list(Claim.objects.filter(customer__in=[users["customer"], users["customer2"]]))
    else:
        context["claims"] = _seed_states(users)
    seed_history(context)
    demo_catastrophe.seed(context)


def _seed_states(users: dict) -> list:
    """One claim per workflow state on the two demo customers' policies."""
    agent, supervisor, assessor = users["agent"], users["supervisor"], users["assessor"]
    made = []
    for index, (who, category, description, estimate, injury, total_loss, target) in enumerate(DEMO_CLAIMS):
        customer = users[who]
        policy = active_policy(customer, category, users)
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
                services.settlement_respond(settlement=settlement, decided_by=customer, decision="accepted")
                payout = services.settlement_pay(settlement=settlement, paid_by=staff).paid_transaction
                paid_out(payout, admin=users["admin"])  # the money left long ago: finance's confirmation
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
    return made
