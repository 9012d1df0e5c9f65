"""Filing a claim with an Idempotency-Key (issue 14 item 5): a client that retries after a lost answer never
files a second claim. Settlement writes require the key (issue 14 item 8)."""

import datetime
import threading

import pytest
from django.db import connection, connections, transaction
from django.db.models.signals import post_save
from django.utils import timezone

from insurehub.claims.models import Claim, ClaimSettlement
from insurehub.claims.tests.test_access import Claims
from insurehub.core import privacy as core_privacy
from insurehub.core.models import IdempotencyRecord
from insurehub.core.testing import assert_problem, client_for, idempotency_key
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.privacy.registry import contributors
from insurehub.realtime.models import OutboxEvent

pytestmark = pytest.mark.django_db

URL = "/api/claims/"


def _policy(customer):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


def _fnol(policy, **overrides):
    return {
        "policy": str(policy.pk),
        "incident_date": (timezone.now() - datetime.timedelta(days=1)).isoformat(),
        "description": "Reversed into a bollard at the mall.",
        **overrides,
    }


def test_a_retry_with_the_same_key_answers_the_first_claim_and_files_nothing(actors):
    policy = _policy(actors["owner"])
    api = client_for(actors["owner"])
    body = _fnol(policy)
    first = api.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="fnol-1")
    assert first.status_code == 201, first.content
    assert "Idempotent-Replayed" not in first
    retry = api.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="fnol-1")
    assert retry.status_code == 201
    assert retry.json() == first.json() and retry["Idempotent-Replayed"] == "true"
    assert Claim.objects.filter(policy=policy).count() == 1
    assert OutboxEvent.objects.filter(type="claim.created").count() == 1


def test_the_same_key_with_another_body_is_refused(actors):
    policy = _policy(actors["owner"])
    api = client_for(actors["owner"])
    assert api.post(URL, _fnol(policy), format="json", HTTP_IDEMPOTENCY_KEY="k").status_code == 201
    other = api.post(URL, _fnol(policy, description="Another one"), format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert assert_problem(other, 422)["type"].endswith("idempotency_key_reused")
    assert Claim.objects.filter(policy=policy).count() == 1


def test_the_key_is_optional_and_a_refused_attempt_does_not_burn_it(actors):
    policy = _policy(actors["owner"])
    api = client_for(actors["owner"])
    assert api.post(URL, _fnol(policy), format="json").status_code == 201
    assert api.post(URL, _fnol(policy), format="json").status_code == 201  # no key: two claims, as asked
    future = _fnol(policy, incident_date=(timezone.now() + datetime.timedelta(days=2)).isoformat())
    assert_problem(api.post(URL, future, format="json", HTTP_IDEMPOTENCY_KEY="again"), 400)
    assert not IdempotencyRecord.objects.filter(key="again").exists()
    assert api.post(URL, _fnol(policy), format="json", HTTP_IDEMPOTENCY_KEY="again").status_code == 201
    assert Claim.objects.filter(policy=policy).count() == 3


def test_keys_are_per_user(actors):
    mine, theirs = _policy(actors["owner"]), _policy(actors["other_customer"])
    assert client_for(actors["owner"]).post(URL, _fnol(mine), format="json", HTTP_IDEMPOTENCY_KEY="same")
    other = client_for(actors["other_customer"]).post(URL, _fnol(theirs), format="json", HTTP_IDEMPOTENCY_KEY="same")
    assert other.status_code == 201 and "Idempotent-Replayed" not in other
    assert Claim.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_claim_committed_before_the_answer_failed_is_replayed_not_filed_again(actors):
    """As when Redis went down after the commit: the request that had filed the claim answered 500, and the
    client's retry filed a second claim. The key, the claim and its answer commit together, so the retry gets
    the claim."""
    policy = _policy(actors["owner"])
    body = _fnol(policy)

    def fail_after_commit(sender, instance, created, **kwargs):
        if created:
            transaction.on_commit(lambda: (_ for _ in ()).throw(ConnectionError("cache unreachable after commit")))

    api = client_for(actors["owner"])
    api.raise_request_exception = False
    post_save.connect(fail_after_commit, sender=Claim, dispatch_uid="fnol-lost-answer")
    try:
        lost = api.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="lost-answer")
    finally:
        post_save.disconnect(sender=Claim, dispatch_uid="fnol-lost-answer")
    assert lost.status_code == 500
    assert Claim.objects.filter(policy=policy).count() == 1  # it was filed

    retry = api.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="lost-answer")
    assert retry.status_code == 201 and retry["Idempotent-Replayed"] == "true"
    assert retry.json()["id"] == str(Claim.objects.get(policy=policy).pk)
    assert Claim.objects.filter(policy=policy).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel connections")
@pytest.mark.django_db(transaction=True)
def test_parallel_retries_with_one_key_file_one_claim(actors):
    policy = _policy(actors["owner"])
    body = _fnol(policy)
    barrier = threading.Barrier(6)
    answers: list = []

    def send():
        try:
            barrier.wait()
            response = client_for(actors["owner"]).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="parallel")
            answers.append((response.status_code, response.json().get("id")))
        except Exception as exc:
            answers.append((repr(exc), None))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # The first files it; the others wait for its commit on the key and get its answer.
    assert Claim.objects.filter(policy=policy).count() == 1
    claim_id = str(Claim.objects.get(policy=policy).pk)
    assert all(status == 201 and answer == claim_id for status, answer in answers), answers


# --- settlements require the key ------------------------------------------------------------------------


def test_proposing_or_acting_on_a_settlement_without_a_key_is_refused(actors):
    claims = Claims(actors)
    approved = claims.approved()
    supervisor = client_for(actors["supervisor"])
    body = {"amount": "30000.00", "payee": "Westlands Motors", "method": "bank_transfer"}
    url = f"/api/claims/{approved.pk}/settlement/"
    problem = assert_problem(supervisor.post(url, body, format="json"), 400)
    assert problem["type"].endswith("idempotency_key_required")
    assert not ClaimSettlement.objects.filter(claim=approved).exists()
    key = idempotency_key()
    proposed = supervisor.post(url, body, format="json", **key)
    assert proposed.status_code == 201, proposed.content
    replay = supervisor.post(url, body, format="json", **key)
    assert replay.json() == proposed.json() and replay["Idempotent-Replayed"] == "true"
    assert ClaimSettlement.objects.filter(claim=approved).count() == 1

    claim, settlement = claims.with_settlement(approved=True)
    action_url = f"/api/claims/{claim.pk}/settlement/{settlement.pk}/"
    problem = assert_problem(supervisor.post(action_url, {"action": "pay"}, format="json"), 400)
    assert problem["type"].endswith("idempotency_key_required")
    settlement.refresh_from_db()
    assert settlement.status == ClaimSettlement.Status.APPROVED


def test_erasure_deletes_the_answers_kept_for_retries(actors):
    policy = _policy(actors["owner"])
    client_for(actors["owner"]).post(URL, _fnol(policy), format="json", HTTP_IDEMPOTENCY_KEY="kept")
    assert IdempotencyRecord.objects.filter(user=actors["owner"]).count() == 1
    assert ("core", core_privacy) in contributors()
    assert core_privacy.erase(actors["owner"]) == {"idempotency_records_deleted": 1}
    assert not IdempotencyRecord.objects.filter(user=actors["owner"]).exists()


def key_parameter(schema: dict, path: str) -> dict | None:
    operation = schema["paths"][path]["post"]
    found = [p for p in operation.get("parameters", []) if p["in"] == "header" and p["name"] == "Idempotency-Key"]
    return found[0] if found else None


def test_the_schema_requires_the_key_on_settlements_and_offers_it_on_filing_a_claim(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in ("/api/claims/{claim_id}/settlement/", "/api/claims/{claim_id}/settlement/{settlement_id}/"):
        parameter = key_parameter(schema, path)
        assert parameter is not None and parameter["required"] is True, path
    fnol = key_parameter(schema, URL)
    assert fnol is not None and fnol.get("required", False) is False
    assert fnol["schema"] == {"type": "string", "minLength": 1, "maxLength": 128}
