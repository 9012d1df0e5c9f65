"""Claims and catastrophe events: tagged when filed inside an event, by the job when an event is
declared, by hand (an untag sticks); the event's rules (desk, fast track, SLA); its figures."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.audit.models import AuditEvent
from insurehub.catastrophes.services import catastrophe_declare, catastrophe_update
from insurehub.claims.models import CatastropheTagging, Claim, ClaimCatastropheChange, ClaimStatus
from insurehub.claims.services import claim_set_catastrophe, claim_transition, claims_tag_for_event, reserve_set
from insurehub.claims.tests.factories import file_claim
from insurehub.core.roles import Department, Role
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.policies.tests.factories import PolicyFactory, PolicyTypeFactory, _category
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KISUMU = (Decimal("-0.091700"), Decimal("34.768000"))
INSIDE = (Decimal("-0.100000"), Decimal("34.770000"))  # about 1 km from the centre
OUTSIDE = (Decimal("-1.292100"), Decimal("36.821900"))  # Nairobi


def _policy(customer):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


def _policy_of(customer, category: str):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(
        customer=customer,
        policy_type=PolicyTypeFactory(category=_category(category)),
        start_date=start,
        end_date=start + datetime.timedelta(days=364),
    )


def _declare(by, **overrides):
    values = {
        "name": "Kisumu floods",
        "peril": "flood",
        "department": Department.MOTOR,
        "starts_at": timezone.now() - datetime.timedelta(days=5),
        "centre_latitude": KISUMU[0],
        "centre_longitude": KISUMU[1],
        "radius_km": Decimal("10"),
    }
    values.update(overrides)
    return catastrophe_declare(declared_by=by, **values)


def _file(customer, where, *, days_ago=2, **kwargs) -> Claim:
    claim = file_claim(
        policy=_policy(customer),
        days_ago=days_ago,
        incident_latitude=where[0],
        incident_longitude=where[1],
        **kwargs,
    )
    return Claim.objects.get(pk=claim.pk)


def test_filing_inside_an_open_event_tags_and_applies_its_rules(actors):
    desk_agent = UserFactory(role=Role.AGENT, department=Department.MOTOR)
    desk_assessor = UserFactory(role=Role.ASSESSOR, department=Department.MOTOR, certification_level=3)
    event = _declare(
        actors["supervisor"], sla_hours=24, fast_track_limit=Decimal("50000"), desk=[desk_agent, desk_assessor]
    )
    small = _file(actors["owner"], INSIDE, estimated_cost=Decimal("20000"))
    assert small.catastrophe_id == event.pk and small.catastrophe_tagging == CatastropheTagging.AUTO
    assert small.assigned_agent_id == desk_agent.pk
    assert small.catastrophe_fast_track and small.assigned_assessor_id == desk_assessor.pk
    assert small.sla_due_at == small.submitted_at + datetime.timedelta(hours=24)

    large = _file(actors["owner"], INSIDE, estimated_cost=Decimal("90000"))
    assert large.catastrophe_id == event.pk and not large.catastrophe_fast_track
    assert large.assigned_assessor_id is None

    elsewhere = _file(actors["owner"], OUTSIDE)
    before = _file(actors["owner"], INSIDE, days_ago=10)  # before the event started
    assert elsewhere.catastrophe_id is None and before.catastrophe_id is None

    # The claim's answer names its event; the list filters by it.
    client = client_for(actors["agent"])
    detail = client.get(f"/api/claims/{small.pk}/").json()
    assert detail["catastrophe"] == {"id": str(event.pk), "code": event.code, "name": event.name}
    assert detail["catastrophe_fast_track"] is True
    listed = client.get("/api/claims/", {"catastrophe": str(event.pk)}).json()["results"]
    assert {row["id"] for row in listed} == {str(small.pk), str(large.pk)}
    assert all(row["catastrophe"]["code"] == event.code for row in listed)
    queue = client.get("/api/claims/", {"catastrophe": str(event.pk), "fast_track": "true"}).json()["results"]
    assert [row["id"] for row in queue] == [str(small.pk)]


def test_declaring_tags_existing_claims_by_the_job(actors, django_capture_on_commit_callbacks):
    inside = [_file(actors["owner"], INSIDE) for _ in range(3)]
    outside = _file(actors["owner"], OUTSIDE)
    other_department = file_claim(
        policy=_policy_of(actors["owner"], "health"),
        incident_latitude=INSIDE[0],
        incident_longitude=INSIDE[1],
        by=actors["owner"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        event = _declare(actors["supervisor"])
    tagged = set(Claim.objects.filter(catastrophe=event).values_list("pk", flat=True))
    assert tagged == {claim.pk for claim in inside}
    assert Claim.objects.get(pk=outside.pk).catastrophe_id is None
    assert Claim.objects.get(pk=other_department.pk).catastrophe_id is None
    assert OutboxEvent.objects.filter(type="claim.updated", data__changed=["catastrophe"]).count() == 3
    # Running it again finds nothing more: idempotent.
    assert claims_tag_for_event(event_id=event.pk)["tagged"] == 0


def test_the_job_works_in_batches_and_resumes(actors):
    claims = [_file(actors["owner"], INSIDE) for _ in range(5)]
    event = _declare(actors["supervisor"])  # its after-commit hook (the job) is not run here
    assert not Claim.objects.filter(catastrophe=event).exists()
    first = claims_tag_for_event(event_id=event.pk, batch_size=2, batches=1)
    assert first["tagged"] == 2 and first["after"] is not None
    rest = claims_tag_for_event(event_id=event.pk, after=first["after"], batch_size=2)
    assert rest["tagged"] == 3 and rest["after"] is None
    assert Claim.objects.filter(catastrophe=event).count() == len(claims)


def test_area_change_tags_the_claims_it_now_covers(actors, django_capture_on_commit_callbacks):
    far = _file(actors["owner"], (Decimal("-0.300000"), Decimal("34.768000")))  # ~23 km south
    with django_capture_on_commit_callbacks(execute=True):
        event = _declare(actors["supervisor"])
    assert Claim.objects.get(pk=far.pk).catastrophe_id is None
    with django_capture_on_commit_callbacks(execute=True):
        catastrophe_update(event=event, data={"radius_km": Decimal("40")}, updated_by=actors["supervisor"])
    assert Claim.objects.get(pk=far.pk).catastrophe_id == event.pk


def test_manual_untag_sticks_and_is_on_the_timeline(actors, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = _declare(actors["supervisor"], sla_hours=12)
    claim = _file(actors["owner"], INSIDE)
    assert claim.catastrophe_id == event.pk
    client = client_for(actors["agent"])
    url = f"/api/claims/{claim.pk}/catastrophe/"
    assert_problem(client.post(url, {"event": None, "reason": ""}, format="json"), 400)
    response = client.post(url, {"event": None, "reason": "Parked in Nairobi that week."}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["catastrophe"] is None
    claim.refresh_from_db()
    assert claim.catastrophe_untagged and claim.catastrophe_id is None
    assert claim.sla_due_at != claim.submitted_at + datetime.timedelta(hours=12)  # the priority's SLA again
    assert AuditEvent.objects.filter(action="claim.catastrophe_untagged", object_id=str(claim.pk)).exists()

    # Neither the job nor an area change tags it again.
    with django_capture_on_commit_callbacks(execute=True):
        catastrophe_update(event=event, data={"radius_km": Decimal("12")}, updated_by=actors["supervisor"])
    assert claims_tag_for_event(event_id=event.pk)["tagged"] == 0
    assert Claim.objects.get(pk=claim.pk).catastrophe_id is None

    timeline = client.get(f"/api/claims/{claim.pk}/timeline/").json()["results"]
    kinds = [item["type"] for item in timeline if item["type"].startswith("catastrophe_")]
    assert kinds == ["catastrophe_tagged", "catastrophe_untagged"]
    customer_timeline = client_for(actors["owner"]).get(f"/api/claims/{claim.pk}/timeline/").json()["results"]
    assert not [item for item in customer_timeline if item["type"].startswith("catastrophe_")]

    # By hand it may be tagged again.
    again = client.post(url, {"event": str(event.pk), "reason": "It was there after all."}, format="json")
    assert again.status_code == 200 and again.json()["catastrophe"]["id"] == str(event.pk)
    claim.refresh_from_db()
    assert claim.catastrophe_tagging == CatastropheTagging.MANUAL and not claim.catastrophe_untagged


def test_tag_refusals(actors):
    event = _declare(actors["supervisor"])
    health = _declare(actors["admin"], department=Department.HEALTH)
    claim = _file(actors["owner"], OUTSIDE)
    client = client_for(actors["agent"])
    url = f"/api/claims/{claim.pk}/catastrophe/"
    body = assert_problem(client.post(url, {"event": str(health.pk), "reason": "x"}, format="json"), 400)
    assert body["type"].endswith("other_department")
    client_for(actors["supervisor"]).post(f"/api/catastrophes/{event.pk}/close/", {}, format="json")
    body = assert_problem(client.post(url, {"event": str(event.pk), "reason": "x"}, format="json"), 409)
    assert body["type"].endswith("event_closed")
    assert Claim.objects.get(pk=claim.pk).catastrophe_id is None


def test_tag_access_matrix(actors):
    event = _declare(actors["supervisor"])
    policy = _policy(actors["owner"])

    def call(client):
        claim = file_claim(policy=policy, incident_latitude=OUTSIDE[0], incident_longitude=OUTSIDE[1])
        return client.post(
            f"/api/claims/{claim.pk}/catastrophe/", {"event": str(event.pk), "reason": "In the area."}, format="json"
        )

    AccessMatrix(actors).assert_write(
        call,
        # The role first (customers and assessors never tag: 403), then the claim's visibility (404).
        expected={
            "owner": 403,
            "other_customer": 403,
            "assessor": 403,
            "assessor_other": 403,
            "agent": 200,
            "supervisor": 200,
            "admin": 200,
        },
    )


def test_figures(actors):
    event = _declare(actors["supervisor"], fast_track_limit=Decimal("30000"))
    a = _file(actors["owner"], INSIDE, estimated_cost=Decimal("20000"))
    b = _file(actors["owner"], INSIDE, estimated_cost=Decimal("100000"))
    _file(actors["owner"], OUTSIDE, estimated_cost=Decimal("5000"))
    reserve_set(claim=a, cost_type="own_damage", amount=Decimal("25000"), reason="flood", actor=actors["admin"])
    claim_transition(claim=b, to_status=ClaimStatus.WITHDRAWN, actor=actors["owner"])
    url = f"/api/catastrophes/{event.pk}/figures/"
    response = client_for(actors["agent"]).get(url)
    assert response.status_code == 200, response.content
    figures = response.json()
    assert figures["event"]["code"] == event.code and figures["currency"] == "KES"
    assert (figures["claims"], figures["open"], figures["fast_tracked"]) == (2, 1, 1)
    assert figures["exposure"] == "120000.00" and figures["reserves"] == "25000.00" and figures["paid"] == "0.00"
    assert sum(day["claims"] for day in figures["by_day"]) == 2
    assert figures["by_day"][0]["day"] == timezone.now().astimezone(datetime.UTC).date().isoformat()

    AccessMatrix(actors).assert_write(
        lambda client: client.get(url),
        expected={
            "owner": 404,
            "other_customer": 404,
            "agent": 200,
            "assessor": 200,
            "assessor_other": 200,
            "supervisor": 200,
            "admin": 200,
            "agent_other_dept": 403,
            "supervisor_other_dept": 403,
        },
    )
    assert_constant_queries(
        client_for(actors["agent"]),
        url,
        grow=lambda: [_file(actors["owner"], INSIDE, estimated_cost=Decimal("1000"), days_ago=1) for _ in range(3)],
        max_queries=6,
    )


def test_list_filter_keeps_constant_queries(actors):
    event = _declare(actors["supervisor"])
    client = client_for(actors["agent"])
    assert_constant_queries(
        client,
        "/api/claims/",
        params={"catastrophe": str(event.pk)},
        grow=lambda: [_file(actors["owner"], INSIDE) for _ in range(3)],
        max_queries=8,
    )


def test_filings_under_open_events_read_once_are_tagged_as_one_by_one(actors):
    # Bulk intake files a batch of claims inside open_events_read_once(): the open events are read
    # once per department and each claim is tested in Python, with the same answers.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from insurehub.claims.services import open_events_read_once

    event = _declare(actors["supervisor"])
    _declare(actors["supervisor"], name="Nairobi storm", starts_at=timezone.now() - datetime.timedelta(days=1),
             centre_latitude=OUTSIDE[0], centre_longitude=OUTSIDE[1], radius_km=Decimal("5"))  # fmt: skip
    _declare(actors["admin"], name="Kisumu health", department=Department.HEALTH)
    with CaptureQueriesContext(connection) as ctx, open_events_read_once():
        inside = _file(actors["owner"], INSIDE)
        before = _file(actors["owner"], INSIDE, days_ago=10)  # before the event started
        nairobi_early = _file(actors["owner"], OUTSIDE, days_ago=2)  # before the storm started
        nairobi = _file(actors["owner"], OUTSIDE, days_ago=0)
    reads = [q for q in ctx.captured_queries if 'FROM "catastrophes_catastropheevent"' in q["sql"]]
    assert len(reads) == 1, [q["sql"] for q in reads]
    assert inside.catastrophe_id == event.pk
    assert before.catastrophe_id is None and nairobi_early.catastrophe_id is None
    assert nairobi.catastrophe is not None and nairobi.catastrophe.name == "Nairobi storm"


def test_moving_the_incident_re_tags_an_automatic_tag_and_leaves_a_persons_choice(actors):
    flood = _declare(actors["supervisor"])
    agent = client_for(actors["agent"])
    claim = _file(actors["owner"], OUTSIDE)
    assert claim.catastrophe_id is None

    def move(where):
        response = agent.patch(
            f"/api/claims/{claim.pk}/",
            {"incident_latitude": str(where[0]), "incident_longitude": str(where[1])},
            format="json",
        )
        assert response.status_code == 200, response.content
        return Claim.objects.get(pk=claim.pk)

    moved = move(INSIDE)  # the place corrected into the flood: tagged as if filed there
    assert moved.catastrophe_id == flood.pk and moved.catastrophe_tagging == CatastropheTagging.AUTO
    moved = move(OUTSIDE)  # and out again: the automatic tag goes, and no person's untag is recorded
    assert moved.catastrophe_id is None and not moved.catastrophe_untagged
    changes = ClaimCatastropheChange.objects.filter(claim=claim).order_by("id")
    assert [(c.event_id, c.automatic) for c in changes] == [(flood.pk, True), (None, True)]

    # A person's tag stays wherever the incident moves; a person's untag too.
    claim_set_catastrophe(claim=moved, event=flood, actor=actors["agent"], reason="Flooded on the way home.")
    assert move(OUTSIDE).catastrophe_id == flood.pk
    claim_set_catastrophe(claim=moved, event=None, actor=actors["agent"], reason="Not the flood after all.")
    assert move(INSIDE).catastrophe_id is None
