"""Bulk data for benchmarks: `python manage.py seed_bench --claims 1000000`.

Generated with bulk_create in batches (not through the services: this is load, not history),
with realistic spreads of status, priority, department, dates and assessors; then the dashboard
rollups are rebuilt from it. Bench users (password bench-password-1) are created for the
benchmark clients: bench-supervisor@insurehub.test (motor) and bench-agent@insurehub.test.
"""

import random
import time
import uuid
from datetime import timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from insurehub.claims.models import OPEN_STATUSES, Claim
from insurehub.core.roles import Department, Role
from insurehub.dashboard import rollups
from insurehub.policies.models import InsuranceCompany, Policy, PolicyCategory, PolicyType
from insurehub.users.models import User
from insurehub.vehicles.models import Vehicle

STATUS_WEIGHTS = {
    "submitted": 6,
    "under_review": 8,
    "assessment": 7,
    "approved": 3,
    "settlement": 2,
    "settled": 20,
    "closed": 40,
    "rejected": 8,
    "withdrawn": 4,
    "draft": 2,
}
PRIORITY_WEIGHTS = {"low": 25, "normal": 50, "high": 18, "urgent": 7}
DEPARTMENT_WEIGHTS = {
    Department.MOTOR: 60,
    Department.HEALTH: 15,
    Department.PROPERTY: 10,
    Department.TRAVEL: 8,
    Department.LIFE: 7,
}
# Security review: a throwaway credential of generated bench users, never in production data.
BENCH_PASSWORD = "bench-password-1"  # noqa: S105  # nosec B105
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Command(BaseCommand):
    help = "Generate N claims (and the customers, vehicles, policies and staff they need) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=100_000)
        parser.add_argument("--customers", type=int, default=5_000)
        parser.add_argument("--batch-size", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, claims, customers, batch_size, seed, **options):
        # Security review: reproducible bench data, not a secret.
        rng = random.Random(seed)  # noqa: S311  # nosec B311
        started = time.perf_counter()
        staff = self._staff()
        policies = self._policies(rng, customers)
        now = timezone.now()
        assessors = [u for u in staff if u.role == Role.ASSESSOR]
        agents = [u for u in staff if u.role == Role.AGENT]
        existing = Claim.objects.count()
        made = 0
        while made < claims:
            batch = []
            for offset in range(min(batch_size, claims - made)):
                number = existing + made + offset + 1
                policy = rng.choice(policies)
                created = now - timedelta(seconds=rng.randint(0, 365 * 86400))
                status = _weighted(rng, STATUS_WEIGHTS)
                priority = _weighted(rng, PRIORITY_WEIGHTS)
                department = _weighted(rng, DEPARTMENT_WEIGHTS)
                submitted = None if status == "draft" else created + timedelta(minutes=rng.randint(0, 60))
                estimate = Decimal(rng.choice([5000, 15000, 40000, 90000, 150000, 400000, 900000]))
                settled = (
                    submitted + timedelta(days=rng.randint(1, 60))
                    if status in ("settled", "closed") and submitted
                    else None
                )
                hours = {"urgent": 24, "high": 72, "normal": 168, "low": 336}[priority]
                batch.append(
                    Claim(
                        id=uuid.UUID(int=rng.getrandbits(128), version=4),
                        claim_number=f"BEN-{created.year}-{number:07d}",
                        status=status,
                        priority=priority,
                        department=department,
                        customer_id=policy.customer_id,
                        policy_id=policy.pk,
                        vehicle_id=policy.vehicle_id,
                        assigned_agent=rng.choice(agents) if status != "draft" else None,
                        assigned_assessor=rng.choice(assessors) if status not in ("draft", "submitted") else None,
                        incident_date=created - timedelta(hours=rng.randint(1, 72)),
                        description="Benchmark claim",
                        estimated_cost=estimate,
                        approved_amount=estimate if status in ("approved", "settlement", "settled", "closed") else None,
                        currency="KES",
                        submitted_at=submitted,
                        sla_due_at=submitted + timedelta(hours=hours) if submitted else None,
                        settled_at=settled,
                        last_activity_at=settled or submitted or created,
                        created_at=created,
                        updated_at=settled or created,
                    )
                )
            with transaction.atomic():
                Claim.objects.bulk_create(batch, batch_size=2000)
                # auto_now_add overwrote created_at: put the generated dates back
            made += len(batch)
            self.stdout.write(f"  {made}/{claims} claims ({time.perf_counter() - started:.0f} s)")
        self._restore_dates(seed, existing, claims)
        counts = rollups.rebuild()
        open_count = Claim.objects.filter(status__in=OPEN_STATUSES).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{claims} claims in {time.perf_counter() - started:.0f} s; {open_count} open; rollups {counts}"
            )
        )

    def _restore_dates(self, seed, existing, claims):
        """bulk_create applies auto_now_add; rewrite created_at from submitted_at (a few UPDATEs)."""
        from django.db.models import F

        Claim.objects.filter(claim_number__startswith="BEN-", submitted_at__isnull=False).update(
            created_at=F("submitted_at") - timedelta(minutes=1)
        )

    def _staff(self) -> list[User]:
        people = []
        specs = [("bench-supervisor", Role.SUPERVISOR, 3), ("bench-agent", Role.AGENT, 0)]
        specs += [(f"bench-agent-{n}", Role.AGENT, 0) for n in range(10)]
        specs += [(f"bench-assessor-{n}", Role.ASSESSOR, 1 + n % 3) for n in range(20)]
        for name, role, level in specs:
            user = User.objects.filter(email=f"{name}@insurehub.test").first()
            if user is None:
                user = User.objects.create_user(
                    email=f"{name}@insurehub.test",
                    password=BENCH_PASSWORD,
                    role=role,
                    department=Department.MOTOR,
                    certification_level=level if role == Role.ASSESSOR else 0,
                )
            people.append(user)
        return people

    def _policies(self, rng, customers: int) -> list[Policy]:
        existing = list(Policy.objects.filter(policy_number__startswith="BEN-"))
        if existing:
            return existing
        company, _ = InsuranceCompany.objects.get_or_create(
            name="Bench Insurance", defaults={"registration_number": "BENCH-1"}
        )
        product, _ = PolicyType.objects.get_or_create(
            company=company,
            name="Bench Motor",
            defaults={
                "category": PolicyCategory.objects.get(slug="motor"),
                "base_premium": Decimal("20000"),
                "coverage_details": {
                    "covers": ["Own damage"],
                    "limits": {},
                    "excess": {"amount": "10000.00"},
                    "exclusions": [],
                },
            },
        )
        users = [
            User(
                email=f"bench-customer-{n}@insurehub.test",
                role=Role.CUSTOMER,
                name=f"Bench Customer {n}",
                password="!",  # noqa: S106  # nosec B106
            )
            for n in range(customers)
        ]
        User.objects.bulk_create(users, batch_size=2000)
        vehicles = [
            Vehicle(
                owner=u,
                registration=f"BEN{n:06d}",
                vin="".join(rng.choice(VIN_CHARS) for _ in range(17)).replace("1", "9", 0),
                make="Toyota",
                model="Probox",
                year=2015,
                estimated_value=Decimal("900000"),
            )
            for n, u in enumerate(users)
        ]
        Vehicle.objects.bulk_create(vehicles, batch_size=2000)
        start = timezone.localdate() - timedelta(days=400)
        policies = [
            Policy(
                policy_number=f"BEN-{n:07d}",
                customer=u,
                policy_type=product,
                vehicle=v,
                status="active",
                start_date=start,
                end_date=start + timedelta(days=800),
                premium=Decimal("45000"),
                sum_insured=Decimal("900000"),
                currency="KES",
            )
            for n, (u, v) in enumerate(zip(users, vehicles, strict=True))
        ]
        Policy.objects.bulk_create(policies, batch_size=2000)
        return list(Policy.objects.filter(policy_number__startswith="BEN-"))
