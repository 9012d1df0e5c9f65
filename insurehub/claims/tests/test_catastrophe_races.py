"""The tagging job against a person, on PostgreSQL: the job scans the claims outside any lock, then
locks each and checks it again, so a claim tagged by hand while the job waited for its lock keeps the
event the person chose (one change on its record, the person's)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from insurehub.claims.models import CatastropheTagging, Claim, ClaimCatastropheChange
from insurehub.claims.services import claim_set_catastrophe, claims_tag_for_event
from insurehub.claims.tests.test_catastrophes import INSIDE, OUTSIDE, _declare, _file

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"),
]

WAIT = 10


def _backend_waits_for_a_lock(pid: int) -> bool:
    deadline = time.monotonic() + WAIT
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
            row = cursor.fetchone()
            if row and row[0] == "Lock":
                return True
            time.sleep(0.01)
    return False


def test_a_claim_tagged_by_hand_while_the_job_waits_for_it_keeps_the_persons_event(actors):
    supervisor, agent = actors["supervisor"], actors["agent"]
    flood = _declare(supervisor, name="Kisumu floods")
    storm = _declare(supervisor, name="Kisumu storm", peril="storm")
    claim = _file(actors["owner"], OUTSIDE)  # filed outside both: not tagged at filing
    # Its place corrected into both areas (as an import or an edit may): the flood's job will find it.
    Claim.objects.filter(pk=claim.pk).update(incident_latitude=INSIDE[0], incident_longitude=INSIDE[1])

    person_holds, person_may_commit = threading.Event(), threading.Event()
    job: dict = {}

    def person():
        try:
            with transaction.atomic():
                claim_set_catastrophe(claim=claim, event=storm, actor=agent, reason="Hail, not the flood.")
                person_holds.set()  # the claim's row is locked until this commits
                person_may_commit.wait(WAIT)
        finally:
            connections.close_all()

    def tagging_job():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                job["pid"] = cursor.fetchone()[0]
            job["result"] = claims_tag_for_event(event_id=flood.pk)
        except BaseException as exc:
            job["error"] = exc
        finally:
            connections.close_all()

    first = threading.Thread(target=person)
    first.start()
    assert person_holds.wait(WAIT)
    second = threading.Thread(target=tagging_job)
    second.start()
    try:
        # The job scanned (the person's tag is not committed: the claim looks untagged) and now
        # waits for the claim's lock.
        deadline = time.monotonic() + WAIT
        while "pid" not in job and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _backend_waits_for_a_lock(job["pid"]), "the job should wait for the claim's lock"
    finally:
        person_may_commit.set()
        first.join(WAIT)
        second.join(WAIT)

    assert "error" not in job, job.get("error")
    assert job["result"]["scanned"] == 1 and job["result"]["tagged"] == 0
    claim.refresh_from_db()
    assert claim.catastrophe_id == storm.pk and claim.catastrophe_tagging == CatastropheTagging.MANUAL
    changes = list(ClaimCatastropheChange.objects.filter(claim=claim).values_list("event_id", "automatic"))
    assert changes == [(storm.pk, False)]
