"""A bounded load test on PostgreSQL (issue 14: 10 of 200 requests failed with 500 on a deadlock at
about 3 requests/s): four threads write through the real API on shared rows for LOAD_TEST_SECONDS
(30 by default, at most 30) while a background worker enriches the claims they file:

- a customer files claims (FNOL) on one policy and edits them;
- an agent and a supervisor move the same claims along the workflow, change their reserves and
  priorities, and edit incident addresses (which sends the claim to be enriched again);
- the customer pays instalments of that same policy (M-Pesa pushes and their callbacks, card payments,
  bank transfers reconciled by the supervisor) and staff refund some of them;
- enrichment (geocoding, weather, vehicle checks against the stand-in providers) runs in the
  in-process task worker, after each commit, as a Celery worker would.

No answer may be a 5xx (a deadlock retried to exhaustion would be a 503 and fail this too), no task
may fail, and the books must balance. The figures are printed (pytest -s shows them)."""

import os
import random
import threading
import time
import uuid
from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.db.models import Sum
from django.utils import timezone
from prometheus_client import REGISTRY

from insurehub.claims.models import Claim, ClaimStatus
from insurehub.core import tasks
from insurehub.core.roles import Role
from insurehub.core.testing import client_for
from insurehub.dashboard import rollups
from insurehub.integrations.tests.servers import (
    DvlaStandIn,
    NominatimStandIn,
    OpenMeteoStandIn,
    VehicleHistoryStandIn,
    VpicStandIn,
)
from insurehub.payments.models import Direction, Instalment, Refund, Transaction, TransactionStatus
from insurehub.payments.services import card_intent_create, card_sandbox_settle
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.standins import daraja_standin
from insurehub.policies.models import PaymentPlan
from insurehub.users.tests.factories import UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a load test of row locks needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

SECONDS = min(30.0, float(os.environ.get("LOAD_TEST_SECONDS", "30")))
PAID_IN = [TransactionStatus.SUCCEEDED, TransactionStatus.PARTIALLY_REFUNDED, TransactionStatus.REFUNDED]
NEXT = {ClaimStatus.SUBMITTED: ClaimStatus.UNDER_REVIEW, ClaimStatus.UNDER_REVIEW: ClaimStatus.ASSESSMENT}
ADDRESSES = ["Kenyatta Avenue, Nairobi", "Moi Avenue, Mombasa", "Oginga Odinga Street, Kisumu"]


def api_for(user):
    """The real API client; a server error is an answer to count, not an exception in the thread."""
    api = client_for(user)
    api.raise_request_exception = False
    return api


def key() -> dict:
    return {"HTTP_IDEMPOTENCY_KEY": uuid.uuid4().hex}


def conflicts(outcome: str) -> float:
    return sum(
        REGISTRY.get_sample_value("insurehub_db_conflicts_total", {"kind": kind, "outcome": outcome}) or 0
        for kind in ("deadlock", "serialization_failure")
    )


class Load:
    def __init__(self, deadline: float):
        self.deadline = deadline
        self.lock = threading.Lock()
        self.answers: list[tuple[str, str, int]] = []  # (who, what, status)
        self.refusals: Counter = Counter()  # (what, problem type) of the 4xx answers
        self.claims: list[str] = []
        self.crashes: list[str] = []

    def record(self, who: str, what: str, response) -> dict:
        with self.lock:
            self.answers.append((who, what, response.status_code))
        if response.status_code >= 500:
            self.crashes.append(f"{who} {what}: {response.status_code} {response.content[:300]!r}")
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        if 400 <= response.status_code < 500:
            with self.lock:
                self.refusals[(what, str(body.get("type", "")).removeprefix("/problems/"))] += 1
        return body

    def some_claim(self) -> str | None:
        with self.lock:
            return random.choice(self.claims) if self.claims else None

    def running(self) -> bool:
        return time.monotonic() < self.deadline


def filer(load: Load, customer, policy) -> None:
    api = api_for(customer)
    mine: list[str] = []
    while load.running():
        body = {
            "policy": str(policy.pk),
            "incident_date": (timezone.now() - timedelta(minutes=5)).isoformat(),
            "incident_address": random.choice(ADDRESSES),
            "description": "Hail smashed the windscreen while parked.",
        }
        created = load.record("customer", "fnol", api.post("/api/claims/", body, format="json", **key()))
        if created.get("id"):
            mine.append(created["id"])
            with load.lock:
                load.claims.append(created["id"])
        if mine and random.random() < 0.3:
            claim_id = random.choice(mine)
            load.record(
                "customer",
                "edit",
                api.patch(f"/api/claims/{claim_id}/", {"description": "Hail, and a cracked mirror."}, format="json"),
            )


def staff_member(load: Load, user, name: str) -> None:
    api = api_for(user)
    while load.running():
        claim_id = load.some_claim()
        if claim_id is None:
            time.sleep(0.05)
            continue
        status = Claim.objects.filter(pk=claim_id).values_list("status", flat=True).first()
        roll = random.random()
        if roll < 0.35 and status in NEXT:
            load.record(
                name, "transition", api.post(f"/api/claims/{claim_id}/transition/", {"to": NEXT[status]}, format="json")
            )
        elif roll < 0.65:
            body = {"cost_type": "own_damage", "amount": f"{random.randint(10, 90) * 1000}.00", "reason": "estimate"}
            load.record(name, "reserve", api.post(f"/api/claims/{claim_id}/reserves/", body, format="json"))
        elif roll < 0.85:
            body = {"priority": random.choice(["low", "normal", "high"])}
            load.record(name, "priority", api.patch(f"/api/claims/{claim_id}/", body, format="json"))
        else:  # a new place: the claim is enriched again by the worker
            body = {"incident_address": random.choice(ADDRESSES)}
            load.record(name, "address", api.patch(f"/api/claims/{claim_id}/", body, format="json"))


def payer(load: Load, customer, agent, supervisor, policy, mpesa) -> None:
    api, staff, boss = api_for(customer), api_for(agent), api_for(supervisor)
    pay = {"policy": str(policy.pk)}
    turn = 0
    while load.running():
        turn += 1
        kind = turn % 6
        # Most customers cancel on the phone or are declined: the instalments last the whole run.
        succeed = (turn // 6) % 6 == 0 and kind != 1
        if kind in (0, 1, 2):  # M-Pesa: a push, then the customer answers on the phone
            pushed = load.record(
                "payer", "stk_push",
                api.post("/api/payments/mpesa/stk-push/", {**pay, "phone": "0712345678"}, format="json", **key()),
            )  # fmt: skip
            checkout = (pushed.get("transaction") or {}).get("provider_reference")
            if checkout:
                path, body = mpesa.callback(checkout, result_code=0 if succeed else 1032)
                load.record("payer", "mpesa_callback", api_for(None).post(path, body, format="json"))
        elif kind == 3:  # a card payment, settled by the (sandbox) bank
            started = load.record(
                "payer", "card_intent", api.post("/api/payments/card/intents/", pay, format="json", **key())
            )
            txn_id = (started.get("transaction") or {}).get("id")
            if txn_id:
                load.record(
                    "payer", "card_settle",
                    api.post(
                        f"/api/payments/card/sandbox/{txn_id}/settle/",
                        {"outcome": "succeeded" if succeed else "failed"},
                        format="json",
                    ),
                )  # fmt: skip
        else:  # a bank transfer, reconciled from the statement; and a refund of an earlier payment
            started = load.record(
                "payer", "bank_transfer", api.post("/api/payments/bank-transfers/", pay, format="json", **key())
            )
            txn = started.get("transaction") or started
            if txn.get("reference") and succeed:  # else the transfer never arrives
                statement = (
                    "date,reference,amount,currency,bank_reference\n"
                    f"{timezone.localdate()},{txn['reference']},{txn['amount']},{txn['currency']},B{uuid.uuid4().hex[:12]}\n"
                )
                upload = SimpleUploadedFile("statement.csv", statement.encode(), content_type="text/csv")
                load.record(
                    "payer", "reconcile",
                    boss.post("/api/payments/bank-statements/reconcile/", {"file": upload}, format="multipart"),
                )  # fmt: skip
            paid = (
                Transaction.objects.filter(policy=policy, direction=Direction.IN, status=TransactionStatus.SUCCEEDED)
                .order_by("?")
                .first()
            )
            if paid is not None:
                asked = load.record(
                    "payer", "refund_request",
                    staff.post("/api/payments/refunds/", {"transaction": str(paid.pk), "amount": "10.00",
                                                          "reason": "overcharged"}, format="json", **key()),
                )  # fmt: skip
                if asked.get("id"):
                    load.record(
                        "payer", "refund_decide",
                        boss.post(f"/api/payments/refunds/{asked['id']}/decision/", {"approve": True}, format="json",
                                  **key()),
                    )  # fmt: skip


def test_four_writers_on_shared_rows_for_thirty_seconds_get_no_5xx(settings, capsys):
    settings.TASKS_IN_PROCESS = "thread"  # enrichment in a background worker, as with Celery
    settings.TASKS_IN_PROCESS_WORKERS = 1
    settings.CARD_PROVIDER = "sandbox"
    settings.INTEGRATIONS_CONNECT_TIMEOUT, settings.INTEGRATIONS_READ_TIMEOUT = 1.0, 2.0
    settings.INTEGRATIONS_RETRY_BACKOFF_SECONDS = 0.01
    for name in ("DVLA_VES", "VEHICLE_HISTORY", "VPIC", "OPEN_METEO", "NOMINATIM"):
        setattr(settings, f"{name}_RATE_LIMIT", "")
    tasks.shutdown(timeout=5)  # a fresh executor with one worker

    with (
        daraja_standin(settings) as mpesa,
        DvlaStandIn() as dvla,
        VehicleHistoryStandIn() as history,
        VpicStandIn() as vpic,
        OpenMeteoStandIn() as meteo,
        NominatimStandIn() as nominatim,
    ):
        settings.DVLA_VES_BASE_URL, settings.DVLA_VES_API_KEY = dvla.url, dvla.api_key
        settings.VEHICLE_HISTORY_BASE_URL, settings.VEHICLE_HISTORY_API_KEY = history.url, history.api_key
        settings.VPIC_BASE_URL = vpic.url
        settings.OPEN_METEO_ARCHIVE_BASE_URL = settings.OPEN_METEO_FORECAST_BASE_URL = meteo.url
        settings.NOMINATIM_BASE_URL = nominatim.url

        policy = pending_policy(plan=PaymentPlan.MONTHLY)  # twelve instalments to pay
        customer = policy.customer
        customer.address = "Moi Avenue, Mombasa"
        customer.save()
        first = Instalment.objects.filter(schedule__policy=policy).order_by("sequence").first()
        txn, _ = card_intent_create(policy=policy, instalment=first, initiated_by=customer)
        card_sandbox_settle(txn=txn, succeed=True, actor=customer)  # active: claims may be filed
        agent = UserFactory(role=Role.AGENT, department="motor")
        supervisor = UserFactory(role=Role.SUPERVISOR, department="motor")
        executor = tasks.executor()
        retried, gave_up = conflicts("retried"), conflicts("gave_up")

        load = Load(deadline=time.monotonic() + SECONDS)
        work = [
            lambda: filer(load, customer, policy),
            lambda: staff_member(load, agent, "agent"),
            lambda: staff_member(load, supervisor, "supervisor"),
            lambda: payer(load, customer, agent, supervisor, policy, mpesa),
        ]
        errors: list[BaseException] = []

        def run(job) -> None:
            try:
                job()
            except BaseException as exc:  # reported below
                errors.append(exc)
            finally:
                connections.close_all()

        started = time.monotonic()
        threads = [threading.Thread(target=run, args=(job,)) for job in work]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)
        elapsed = time.monotonic() - started
        assert executor.join(timeout=60), "the enrichment worker did not finish its queue"

    statuses = Counter(status for _, _, status in load.answers)
    by_kind = Counter(what for _, what, _ in load.answers)
    figures = {
        "seconds": round(elapsed, 1),
        "requests": len(load.answers),
        "requests_per_second": round(len(load.answers) / elapsed, 1),
        "5xx": sum(n for status, n in statuses.items() if status >= 500),
        "statuses": dict(sorted(statuses.items())),
        "by_kind": dict(sorted(by_kind.items())),
        "refusals": {f"{what}:{code}": n for (what, code), n in sorted(load.refusals.items())},
        "conflicts_retried": conflicts("retried") - retried,
        "conflicts_gave_up": conflicts("gave_up") - gave_up,
        "tasks_completed": executor.completed,
        "tasks_failed": executor.failed,
        "claims_filed": len(load.claims),
    }
    with capsys.disabled():
        print(f"\nmixed-write load on PostgreSQL: {figures}")
    tasks.shutdown(timeout=5)

    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)
    assert figures["5xx"] == 0, load.crashes[:10]
    assert figures["tasks_failed"] == 0
    assert figures["requests"] > 0 and figures["claims_filed"] > 0
    # The books balance: each instalment paid once, a second payment of it is refunded; nothing lost.
    for instalment in Instalment.objects.filter(schedule__policy=policy):
        received = Transaction.objects.filter(instalment=instalment, direction=Direction.IN, status__in=PAID_IN)
        duplicates = Refund.objects.filter(transaction__instalment=instalment, reason__startswith="instalment ")
        expected = 1 if instalment.status == Instalment.Status.PAID else 0
        assert received.count() - duplicates.count() == expected, instalment.sequence
    refunded = Transaction.objects.filter(direction=Direction.IN).aggregate(s=Sum("refunded_amount"))["s"]
    paid_out = Transaction.objects.filter(direction=Direction.OUT).aggregate(s=Sum("amount"))["s"]
    assert (refunded or Decimal("0")) == (paid_out or Decimal("0"))
    assert rollups.verify() == {}
