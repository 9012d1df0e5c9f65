"""A year of claims history for the demo, so that the dashboard's trends and charts mean something.

Every claim goes through the real services (FNOL, transitions, assignment, reserves, settlement:
history, audit entries, events and rollups as in production), then its own timestamps are moved
back to the day it was filed and its steps spread over the days that followed (the dashboard's
demo step then rebuilds its rollups from the raw rows). The audit log and the outbox keep the time the seed ran:
they are append-only records of what the system did, and the system did it then.

Deterministic (a fixed random seed) and idempotent (skipped when the history customers have claims).
"""

import csv
import io
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from insurehub.claims import services
from insurehub.claims.models import (
    Claim,
    ClaimAssignment,
    ClaimCommunication,
    ClaimSettlement,
    ClaimStatusHistory,
    Reserve,
    ReserveChange,
)
from insurehub.claims.services import claims_flag_periodic
from insurehub.core.roles import Department, Role
from insurehub.payments.models import PayoutStage
from insurehub.payments.services import bank_statement_reconcile, bank_transfer_start, payout_confirm, payout_release
from insurehub.policies.models import Policy, PolicyType
from insurehub.policies.services import policy_accept, policy_quote_create
from insurehub.users.models import User
from insurehub.users.services import user_create
from insurehub.vehicles.services import vehicle_create


def paid_out(payout, *, admin) -> None:
    """A demo settlement's payout that left long ago: released if it waited for a supervisor, then
    confirmed by finance (the claim turns settled, as when a real payout succeeds)."""
    if payout.payout_stage == PayoutStage.AWAITING_APPROVAL:
        payout = payout_release(payout=payout, released_by=admin)
    payout_confirm(payout=payout, provider_reference=f"DEMO-{payout.reference}", confirmed_by=admin)


HISTORY_DAYS = 365
PASSWORD = "insurehub-demo"  # noqa: S105  # nosec B105 - the published demo credential

# Few people, many claims each: every account costs a full-strength password hash (about 0.3 s).
CUSTOMERS = [
    "Achieng Otieno", "Baraka Mwangi", "Chebet Kiprop", "Daudi Njoroge", "Esther Wanjiru", "Faith Akinyi",
    "Gitau Kamau", "Halima Hassan", "Imani Mutua", "Juma Ochieng",
]  # fmt: skip
EXTRA_STAFF = [
    {"email": "agent2@insurehub.test", "name": "Amani Agent", "role": Role.AGENT, "department": Department.MOTOR},
    {
        "email": "assessor2@insurehub.test",
        "name": "Bahati Assessor",
        "role": Role.ASSESSOR,
        "department": Department.MOTOR,
        "certification_level": 2,
    },
    {
        "email": "assessor3@insurehub.test",
        "name": "Zawadi Assessor",
        "role": Role.ASSESSOR,
        "department": Department.MOTOR,
        "certification_level": 1,
    },
    {
        "email": "health.agent@insurehub.test",
        "name": "Hawa Health-Agent",
        "role": Role.AGENT,
        "department": Department.HEALTH,
    },
]
# Category of the product a history claim is filed on, with its weight.
CATEGORIES = [("motor", 70), ("health", 12), ("home", 10), ("travel", 8)]
MOTOR_STORIES = [
    ("Rear-ended at the lights on Uhuru Highway; bumper and boot lid damaged.", (25000, 120000)),
    ("Side-swiped by a matatu on Jogoo Road; both doors on the left dented.", (40000, 160000)),
    ("Hit a pothole on the Nakuru road; wheel and suspension damaged.", (15000, 70000)),
    ("Windscreen cracked by a stone from a lorry on Thika Road.", (12000, 45000)),
    ("Collision at the Westlands roundabout; front end and airbags.", (150000, 650000)),
    ("Car broken into at a mall car park; window smashed, radio stolen.", (20000, 60000)),
    ("Reversed into a gate post; rear quarter panel dented.", (10000, 40000)),
    ("Flooded street in South C; engine took water.", (120000, 480000)),
]
OTHER_STORIES = {
    "health": [("Hospital admission after a fall at home.", (40000, 260000))],
    "home": [("Burst pipe flooded the kitchen and living room.", (60000, 420000))],
    "travel": [("Flight cancelled; hotel and rebooking costs.", (15000, 90000))],
}
REJECTIONS = ["not covered: excluded driver", "incident outside the policy's use", "fraud suspected"]
# Each step's delay after the one before it, in days (low, high).
STEP_DELAYS = {
    "under_review": (0.2, 2),
    "assessment": (1, 4),
    "approved": (3, 12),
    "rejected": (3, 12),
    "settlement": (1, 3),
    "settled": (2, 8),
    "closed": (5, 20),
    "withdrawn": (1, 10),
}


@dataclass
class Actors:
    admin: object
    supervisor: object
    agents: dict  # department -> agent
    assessors: list


def _end_state(rng: random.Random, age_days: float) -> str:
    """Old claims are mostly finished; recent ones are still being worked."""
    if age_days > 60:
        options = [("closed", 45), ("settled", 20), ("rejected", 13), ("withdrawn", 8), ("settlement", 4),
                   ("approved", 3), ("assessment", 4), ("under_review", 3)]  # fmt: skip
    elif age_days > 20:
        options = [("settled", 22), ("closed", 10), ("settlement", 14), ("approved", 12), ("assessment", 18),
                   ("under_review", 10), ("rejected", 9), ("withdrawn", 5)]  # fmt: skip
    else:
        options = [("submitted", 30), ("under_review", 30), ("assessment", 22), ("approved", 6), ("rejected", 4),
                   ("withdrawn", 4), ("draft", 4)]  # fmt: skip
    states, weights = zip(*options, strict=True)
    return rng.choices(states, weights)[0]


PATHS = {
    "draft": [],
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


def _staff(users: dict) -> Actors:

    made = {}
    for spec in EXTRA_STAFF:
        made[spec["email"]] = User.objects.filter(email=spec["email"]).first() or user_create(
            password=PASSWORD, validate_password=False, **spec
        )
    return Actors(
        admin=users["admin"],
        supervisor=users["supervisor"],
        agents={
            "motor": [users["agent"], made["agent2@insurehub.test"]],
            "health": [made["health.agent@insurehub.test"]],
        },
        assessors=[users["assessor"], made["assessor2@insurehub.test"], made["assessor3@insurehub.test"]],
    )


def active_policy(customer, category: str, users: dict):
    """The customer's active policy in the category, bought and paid through the real services."""
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


def _customers_with_policies(users: dict, rng: random.Random) -> list[tuple[object, dict]]:
    """The history customers, each with an active motor policy on a car of theirs and a few with
    other products; their policies started a year ago, so the year's claims fall inside cover."""

    motor = PolicyType.objects.filter(category_id="motor", active=True).order_by("name").first()
    start = timezone.localdate() - timedelta(days=HISTORY_DAYS + 5)
    people = []
    for index, name in enumerate(CUSTOMERS, start=1):
        email = f"demo.customer{index:02d}@insurehub.test"
        customer = User.objects.filter(email=email).first() or user_create(
            email=email, name=name, role=Role.CUSTOMER, password=PASSWORD, validate_password=False,
            phone=f"+2547{10000000 + index:08d}",
        )  # fmt: skip
        policies = {}
        vehicle = vehicle_create(
            owner=customer,
            created_by=customer,
            registration=f"KD{chr(65 + index % 26)}{100 + index}{chr(65 + (index * 7) % 26)}",
            vin=f"WVWZZZ1JZXW{900000 + index:06d}",
            make=rng.choice(["Toyota", "Nissan", "Mazda", "Subaru", "Volkswagen"]),
            model=rng.choice(["Corolla", "Note", "Demio", "Forester", "Polo"]),
            year=rng.randint(2012, 2023),
            colour=rng.choice(["White", "Silver", "Black", "Blue", "Red"]),
            estimated_value=Decimal(rng.randrange(900_000, 3_500_000, 50_000)),
        )
        quote = policy_quote_create(customer=customer, policy_type=motor, vehicle=vehicle, created_by=customer)
        policy_accept(policy=quote, accepted_by=customer)
        policies["motor"] = active_policy(customer, "motor", users)
        for category in ("health", "home", "travel"):
            if index % 3 == ("health", "home", "travel").index(category):
                policies[category] = active_policy(customer, category, users)
        ids = [p.pk for p in policies.values() if p is not None]
        # Bought a year ago: each policy's term and records move back with its start.
        for policy in Policy.objects.filter(pk__in=ids):
            term = policy.end_date - policy.start_date
            Policy.objects.filter(pk=policy.pk).update(
                start_date=start,
                end_date=start + max(term, timedelta(days=HISTORY_DAYS + 30)),
                created_at=timezone.make_aware(timezone.datetime.combine(start, timezone.datetime.min.time())),
            )
        people.append((customer, {k: Policy.objects.get(pk=p.pk) for k, p in policies.items() if p is not None}))
    return people


def _file_and_work(*, rng: random.Random, customer, policy, category: str, target: str, actors: Actors) -> Claim:

    stories = MOTOR_STORIES if category == "motor" else OTHER_STORIES[category]
    description, (low, high) = rng.choice(stories)
    estimate = Decimal(rng.randrange(low, high, 500))
    department = "motor" if category == "motor" else ("health" if category == "health" else None)
    agent = rng.choice(actors.agents[department]) if department in actors.agents else actors.admin
    claim = services.claim_create(
        policy=policy,
        filed_by=customer,
        incident_date=timezone.now() - timedelta(hours=2),
        description=description,
        incident_address=rng.choice(["Nairobi CBD", "Westlands, Nairobi", "Kisumu", "Nakuru", "Mombasa", "Thika"]),
        estimated_cost=estimate,
        injury=rng.random() < 0.08,
        total_loss_hint=estimate > 400000 and rng.random() < 0.3,
        police_report_number=f"OB/{rng.randint(10, 99)}/{rng.randint(1000, 9999)}" if rng.random() < 0.6 else "",
        third_party_involved=rng.random() < 0.3,
        draft=target == "draft",
    )
    settlement = None
    for step in PATHS[target]:
        claim.refresh_from_db()
        if step == "assessment" and claim.department == "motor":
            services.claim_assign(claim=claim, assigned_by=actors.supervisor, auto_assessor=True, reason="triage")
        if step == "approved":
            services.claim_record_assessment_completed(claim=claim, actor=claim.assigned_assessor or actors.admin)
            services.reserve_set(
                claim=claim, cost_type="own_damage", amount=estimate, reason="assessed estimate", actor=actors.admin
            )
            amount = (estimate * Decimal(rng.choice(["0.8", "0.9", "1"]))).quantize(Decimal("1"))
            approver = agent if amount <= Decimal(settings.CLAIM_AUTHORITY_LIMITS["agent"]) else actors.admin
            services.claim_transition(claim=claim, to_status="approved", actor=approver, approved_amount=amount)
            continue
        if step == "settlement":
            settlement = services.settlement_propose(
                claim=claim,
                amount=min(claim.approved_amount, estimate) - Decimal("2500"),
                payee=rng.choice(["Westlands Motors Ltd", "Kenya Auto Body", "Mombasa Road Garage", customer.name]),
                method=rng.choice(["bank_transfer", "mpesa"]),
                cost_type="own_damage",
                proposed_by=agent,
            )
            continue
        if step == "settled":
            services.settlement_approve(settlement=settlement, approved_by=actors.admin)
            services.settlement_respond(settlement=settlement, decided_by=customer, decision="accepted")
            payout = services.settlement_pay(settlement=settlement, paid_by=agent).paid_transaction
            paid_out(payout, admin=actors.admin)  # the money left long ago: finance's confirmation
            continue
        reasons = {"rejected": REJECTIONS, "withdrawn": ["the customer settled it privately"]}
        reason = rng.choice(reasons[step]) if step in reasons else ""
        actor = customer if step == "withdrawn" else agent
        services.claim_transition(claim=claim, to_status=step, actor=actor, reason=reason)
    if target not in ("draft", "withdrawn") and rng.random() < 0.5:
        services.communication_add(
            claim=claim, author=agent, channel="sms", direction="outbound", party="customer",
            subject="Your claim", body=f"We are working on claim {claim.claim_number}.",
        )  # fmt: skip
    return claim


def _move_back(claim: Claim, *, filed_at, rng: random.Random) -> None:
    """Put the claim's own timestamps where its story happened: filed at `filed_at`, each step
    some days after the one before (never later than now)."""
    now = timezone.now()
    history = list(ClaimStatusHistory.objects.filter(claim=claim).order_by("at", "id"))
    when, times = filed_at, {}
    for entry in history:
        if entry.from_status in ("", "draft") and entry.to_status in ("draft", "submitted"):
            at = filed_at
        else:
            low, high = STEP_DELAYS.get(entry.to_status, (0.5, 3))
            at = min(when + timedelta(days=rng.uniform(low, high)), now - timedelta(minutes=30))
        when = max(when, at)
        times[entry.to_status] = at
        ClaimStatusHistory.objects.filter(pk=entry.pk).update(at=at)
    last = when
    fields = {
        "created_at": filed_at,
        "updated_at": last,
        "last_activity_at": last,
        "incident_date": filed_at - timedelta(hours=rng.uniform(2, 72)),
    }
    if claim.submitted_at:
        fields["submitted_at"] = times.get("submitted", filed_at)
        fields["sla_due_at"] = fields["submitted_at"] + timedelta(hours=settings.CLAIM_SLA_HOURS[claim.priority])
    for field, status in (("assessment_completed_at", "approved"), ("settled_at", "settled"), ("closed_at", "closed")):
        if getattr(claim, field):
            fields[field] = times.get(status, last) - (timedelta(hours=3) if status == "approved" else timedelta())
    if claim.closed_at and "closed" not in times:  # closed by rejection or withdrawal
        fields["closed_at"] = last
    Claim.objects.filter(pk=claim.pk).update(**fields)
    at_step = {"assessment": times.get("assessment"), "approved": times.get("approved")}
    ClaimAssignment.objects.filter(claim=claim).update(at=at_step["assessment"] or filed_at)
    ClaimCommunication.objects.filter(claim=claim).update(at=last, created_at=last, updated_at=last)
    Reserve.objects.filter(claim=claim).update(created_at=at_step["approved"] or last, updated_at=last)
    ReserveChange.objects.filter(reserve__claim=claim).update(at=at_step["approved"] or last)
    ClaimSettlement.objects.filter(claim=claim).update(
        created_at=times.get("settlement", last), updated_at=times.get("settled", last)
    )


def seed_history(context: dict, *, claims: int | None = None) -> int:
    """Add a year of claims (settings.DEMO_HISTORY_CLAIMS of them; skipped when already there).
    Returns how many were made."""
    claims = settings.DEMO_HISTORY_CLAIMS if claims is None else claims
    if claims <= 0:
        return 0

    if Claim.objects.filter(customer__email__startswith="demo.customer").exists():
        return 0
    rng = random.Random(2026)  # noqa: S311  # nosec B311 - demo data, not security
    users = context["users"]
    actors = _staff(users)
    people = _customers_with_policies(users, rng)
    now = timezone.now()
    made = 0
    for _ in range(claims):
        # More claims lately than a year ago: the book grows.
        age_days = HISTORY_DAYS * (1 - rng.random() ** 0.8)
        customer, policies = rng.choice(people)
        categories = [(c, w) for c, w in CATEGORIES if c in policies]
        names, weights = zip(*categories, strict=True)
        category = rng.choices(names, weights)[0]
        target = _end_state(rng, age_days)
        with transaction.atomic():
            claim = _file_and_work(
                rng=rng, customer=customer, policy=policies[category], category=category, target=target, actors=actors
            )
            claim.refresh_from_db()
            _move_back(claim, filed_at=now - timedelta(days=age_days), rng=rng)
        made += 1
    # The dashboard's rollups are rebuilt from these rows by its own demo step (dashboard/demo.py).
    claims_flag_periodic(now=now)
    return made
